"""Copies of the database made with SQLite's online backup API, the newest few kept."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

KEEP = 10


def backup_prefix(db_path: Path) -> str:
    """Backups of different database files with the same name must not prune each other."""
    digest = hashlib.sha1(str(db_path.absolute()).encode(), usedforsecurity=False).hexdigest()[:8]
    return f"{db_path.stem}-{digest}-"


def list_backups(db_path: Path, backup_dir: Path) -> list[Path]:
    """This database's backups, oldest first (names sort by time)."""
    return sorted(backup_dir.glob(f"{backup_prefix(db_path)}*.db"))


def backup_database(db_path: Path, backup_dir: Path, keep: int = KEEP) -> Path:
    """Copy ``db_path`` into ``backup_dir`` while others may be using it; keep the last ``keep``."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"{backup_prefix(db_path)}{stamp}.db"
    partial = target.with_suffix(".partial")
    source_uri = f"file:{quote(str(db_path))}?mode=ro"
    try:
        with (
            closing(sqlite3.connect(source_uri, uri=True)) as source,
            closing(sqlite3.connect(partial)) as copy,
        ):
            source.backup(copy)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    for old in list_backups(db_path, backup_dir)[:-keep]:
        old.unlink(missing_ok=True)
    return target
