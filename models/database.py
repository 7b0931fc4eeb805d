"""Opening the database file: checks that leave foreign files untouched, pragmas, migrations."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from models.errors import StoreError, StoreProblem, classify_sqlite_error
from models.file_check import APPLICATION_ID, HEAD, REVISIONS, inspect_file

__all__ = ["APPLICATION_ID", "HEAD", "REVISIONS", "Database", "open_database"]

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


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
            # Deleted rows (a replaced ballot, a forgotten voter hash) are overwritten in the
            # file, not merely unlinked; some SQLite builds do this by default, others do not.
            "PRAGMA secure_delete = ON",
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

    @contextmanager
    def core_transaction(self) -> Iterator[Connection]:
        """Like ``transaction`` but without the ORM, for the few hot paths that need the speed."""
        try:
            with self.engine.begin() as connection:
                yield connection
        except DBAPIError as exc:
            problem = classify_sqlite_error(str(exc.orig))
            if problem is None:
                raise
            raise StoreError(problem, self.path, str(exc.orig)) from exc

    def empty_log(self) -> None:
        """Fold the write-ahead log into the file and empty it, so that it keeps no history.

        The log holds recent commits in the order they were made (ballots, in the order cast).
        If the log is busy, it is folded in at the next checkpoint instead.
        """
        raw = self.engine.raw_connection()
        try:
            cursor = raw.cursor()
            with contextlib.suppress(sqlite3.Error):
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.close()
        finally:
            raw.close()

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
