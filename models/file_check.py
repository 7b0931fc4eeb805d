"""A read-only look at a database file with the standard library alone.

It decides whether the file may be opened (before anything writes to it), and can
read a first query for the start-up screen while the ORM is still loading.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from models.errors import StoreError, StoreProblem, classify_sqlite_error

#: Written into the SQLite header so that a Mylla file is known as one ("MYLA").
APPLICATION_ID = 0x4D594C41
#: Migration revisions in order; the last is the schema this code writes.
REVISIONS = ("0001", "0002", "0003")
HEAD = REVISIONS[-1]
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileState:
    """What a read-only look at the file found."""

    exists: bool
    revision: str | None


def readonly_uri(path: Path) -> str:
    return f"file:{quote(str(path))}?mode=ro"


def inspect_file(path: Path) -> FileState:
    """Look at ``path`` without writing to it; raise StoreError if it must not be opened."""
    return peek(path)[0]


def peek(
    path: Path, query: str | None = None, parameters: Mapping[str, Any] | None = None
) -> tuple[FileState, list[tuple[Any, ...]]]:
    """Inspect the file and, if it is a current Mylla database, run one read-only query."""
    if not path.exists():
        return FileState(exists=False, revision=None), []
    if not path.is_file():
        raise StoreError(StoreProblem.NOT_A_FILE, path)
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(StoreProblem.CANNOT_CREATE, path, exc.strerror or str(exc)) from exc
    if not header:
        return FileState(exists=True, revision=None), []
    if header != SQLITE_HEADER:
        raise StoreError(StoreProblem.NOT_SQLITE, path)
    try:
        with closing(sqlite3.connect(readonly_uri(path), uri=True)) as con:
            state = FileState(exists=True, revision=_check_contents(con, path))
            rows = con.execute(query, parameters or {}).fetchall() if query and state.revision == HEAD else []
            return state, rows
    except sqlite3.DatabaseError as exc:
        problem = classify_sqlite_error(str(exc)) or StoreProblem.CORRUPT
        raise StoreError(problem, path, str(exc)) from exc


def _check_contents(con: sqlite3.Connection, path: Path) -> str | None:
    app_id = con.execute("PRAGMA application_id").fetchone()[0]
    tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if app_id == 0 and not tables:
        return None  # an empty SQLite file: safe to make into a Mylla database
    if app_id != APPLICATION_ID or "alembic_version" not in tables:
        raise StoreError(StoreProblem.NOT_MYLLA, path)
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = row[0] if row else None
    if revision not in REVISIONS:
        if revision is not None and revision.isdigit() and int(revision) > int(HEAD):
            raise StoreError(StoreProblem.NEWER, path, f"schema {revision}, this program knows {HEAD}")
        raise StoreError(StoreProblem.NOT_MYLLA, path, f"unknown schema {revision!r}")
    result = con.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise StoreError(StoreProblem.CORRUPT, path, str(result))
    return str(revision)
