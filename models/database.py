"""Opening the database file: checks that leave foreign files untouched, pragmas, migrations."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from models.errors import StoreError, StoreProblem, classify_sqlite_error

log = logging.getLogger(__name__)

#: Written into the SQLite header so that a Mylla file is known as one ("MYLA").
APPLICATION_ID = 0x4D594C41
#: Migration revisions in order; the last is the schema this code writes.
REVISIONS = ("0001",)
HEAD = REVISIONS[-1]
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class FileState:
    """What a read-only look at the file found."""

    exists: bool
    revision: str | None


def _readonly_uri(path: Path) -> str:
    return f"file:{quote(str(path))}?mode=ro"


def inspect_file(path: Path) -> FileState:
    """Look at ``path`` without writing to it; raise StoreError if it must not be opened."""
    if not path.exists():
        return FileState(exists=False, revision=None)
    if not path.is_file():
        raise StoreError(StoreProblem.NOT_A_FILE, path)
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(StoreProblem.CANNOT_CREATE, path, exc.strerror or str(exc)) from exc
    if not header:
        return FileState(exists=True, revision=None)
    if header != SQLITE_HEADER:
        raise StoreError(StoreProblem.NOT_SQLITE, path)
    try:
        with closing(sqlite3.connect(_readonly_uri(path), uri=True)) as con:
            return FileState(exists=True, revision=_check_contents(con, path))
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


def _configure(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below own the transaction boundaries.
        dbapi_connection.isolation_level = None
        for pragma in (
            "PRAGMA foreign_keys = ON",
            f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
            "PRAGMA journal_mode = WAL",
            # FULL: a committed action survives a power cut, as the screen promised.
            "PRAGMA synchronous = FULL",
        ):
            dbapi_connection.execute(pragma)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock up front: two writers wait for each other
        # (busy_timeout) instead of failing when a read lock is upgraded.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """An open Mylla database: an engine and a session factory for the services."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self.session: sessionmaker[Session] = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on any error.

        SQLite failures that come from the environment (disk full, read-only,
        locked) surface as StoreError so that the user gets a sentence, not a trace.
        """
        try:
            with self.session.begin() as session:
                yield session
        except DBAPIError as exc:
            problem = classify_sqlite_error(str(exc.orig))
            if problem is None:
                raise
            raise StoreError(problem, self.path, str(exc.orig)) from exc

    def close(self) -> None:
        self.engine.dispose()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite+pysqlite:///{path}")
    _configure(engine)
    return engine


def open_database(path: Path | str, *, backup_before_upgrade: Path | None = None) -> Database:
    """Open (creating or upgrading if needed) the database at ``path``.

    A file that is not ours, is damaged, or was written by a newer Mylla raises
    StoreError before anything is written to it.
    """
    path = Path(path).expanduser().absolute()
    state = inspect_file(path)
    created = not state.exists
    if created:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(StoreProblem.CANNOT_CREATE, path, exc.strerror or str(exc)) from exc
    engine = make_engine(path)
    try:
        if state.revision != HEAD:
            if state.revision is not None and backup_before_upgrade is not None:
                from models.backup import backup_database

                backup_database(path, backup_before_upgrade)
            from models.migrate import upgrade

            upgrade(engine, APPLICATION_ID)
            log.info("database %s now at schema %s (was %s)", path, HEAD, state.revision)
    except BaseException as exc:
        engine.dispose()
        if created:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        if isinstance(exc, StoreError):
            raise
        orig = getattr(exc, "orig", exc)
        if isinstance(orig, sqlite3.Error):
            problem = classify_sqlite_error(str(orig)) or StoreProblem.CANNOT_CREATE
            raise StoreError(problem, path, str(orig)) from exc
        raise
    return Database(path, engine)
