"""Opening the database file: creation, schema, refusals that leave the file untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from models.database import APPLICATION_ID, HEAD, REVISIONS, Database, open_database
from models.errors import StoreError, StoreProblem
from models.migrate import alembic_config
from models.tables import Base, Workshop


def fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's bytes and which files stand beside it (a -wal or -journal would be a write)."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest, sorted(p.name for p in path.parent.iterdir())


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path)


def test_new_database_is_created_at_the_newest_schema(db: Database) -> None:
    with closing(raw(db.path)) as con:
        assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_connections_enforce_foreign_keys_and_wait_when_busy(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def test_migrations_from_empty_build_exactly_the_models(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_known_revisions_match_the_migration_scripts() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_heads() == [HEAD]
    chain = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(chain) == REVISIONS


def test_reopening_keeps_the_data(db_path: Path) -> None:
    first = open_database(db_path)
    with first.transaction() as session:
        session.add(Workshop(title="Trygg skolväg"))
    first.close()
    second = open_database(db_path)
    with second.transaction() as session:
        assert session.query(Workshop).one().title == "Trygg skolväg"
    second.close()


def test_timestamps_are_stored_and_read_as_utc(db: Database) -> None:
    with db.transaction() as session:
        workshop = Workshop(title="Tid")
        session.add(workshop)
        session.flush()
        workshop_id = workshop.id
    with db.transaction() as session:
        created = session.get(Workshop, workshop_id).created_at  # type: ignore[union-attr]
    assert created.tzinfo is UTC
    assert abs((datetime.now(UTC) - created).total_seconds()) < 3600


def test_a_naive_timestamp_is_refused(db: Database) -> None:
    with pytest.raises(Exception, match="naive"), db.transaction() as session:
        session.add(Workshop(title="Naiv", deleted_at=datetime(2026, 1, 1)))


def test_an_empty_file_becomes_a_mylla_database(db_path: Path) -> None:
    db_path.write_bytes(b"")
    database = open_database(db_path)
    database.close()
    with closing(raw(db_path)) as con:
        assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_a_text_file_is_refused_untouched(db_path: Path) -> None:
    db_path.write_text("Protokoll från mötet 2024-03-12\n", encoding="utf-8")
    before = fingerprint(db_path)
    with pytest.raises(StoreError) as caught:
        open_database(db_path)
    assert caught.value.problem is StoreProblem.NOT_SQLITE
    assert fingerprint(db_path) == before


def test_another_programs_sqlite_database_is_refused_untouched(db_path: Path) -> None:
    with closing(raw(db_path)) as con:
        con.execute("CREATE TABLE contacts (name TEXT)")
        con.execute("INSERT INTO contacts VALUES ('Åsa')")
        con.commit()
    before = fingerprint(db_path)
    with pytest.raises(StoreError) as caught:
        open_database(db_path)
    assert caught.value.problem is StoreProblem.NOT_MYLLA
    assert fingerprint(db_path) == before


def _closed_mylla_file(db_path: Path, workshops: int = 50) -> None:
    database = open_database(db_path)
    with database.transaction() as session:
        session.add_all(Workshop(title=f"Verkstad {i}", challenge="x" * 500) for i in range(workshops))
    database.close()
    with closing(raw(db_path)) as con:  # fold the WAL into the file so the bytes are all there
        con.execute("PRAGMA journal_mode = DELETE")


def test_a_newer_schema_is_refused_untouched(db_path: Path) -> None:
    _closed_mylla_file(db_path)
    with closing(raw(db_path)) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
        con.commit()
    before = fingerprint(db_path)
    with pytest.raises(StoreError) as caught:
        open_database(db_path)
    assert caught.value.problem is StoreProblem.NEWER
    assert fingerprint(db_path) == before


def test_a_damaged_database_is_refused_untouched(db_path: Path) -> None:
    _closed_mylla_file(db_path)
    with closing(raw(db_path)) as con:
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        pages = con.execute("PRAGMA page_count").fetchone()[0]
    data = bytearray(db_path.read_bytes())
    for page in range(2, pages):  # scribble over every page but the header page
        start = page * page_size
        data[start : start + 64] = b"\xff" * 64
    db_path.write_bytes(bytes(data))
    before = fingerprint(db_path)
    with pytest.raises(StoreError) as caught:
        open_database(db_path)
    assert caught.value.problem in (StoreProblem.CORRUPT, StoreProblem.NOT_MYLLA)
    assert fingerprint(db_path) == before


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        open_database(tmp_path)
    assert caught.value.problem is StoreProblem.NOT_A_FILE


@contextmanager
def read_only_folder() -> Iterator[Path]:
    """A folder nobody may write in; as root, the test drops to an unprivileged user meanwhile."""
    base = Path(tempfile.mkdtemp(prefix="mylla-ro-"))
    os.chmod(base, 0o755)
    folder = base / "locked"
    folder.mkdir()
    os.chmod(folder, 0o555)
    euid = os.geteuid()
    try:
        if euid == 0:
            os.seteuid(65534)
        yield folder
    finally:
        if euid == 0:
            os.seteuid(0)
        os.chmod(folder, 0o755)
        for path in sorted(base.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        base.rmdir()


def test_a_read_only_folder_gives_a_clear_refusal_and_writes_nothing() -> None:
    with read_only_folder() as folder:
        with pytest.raises(StoreError) as caught:
            open_database(folder / "mylla.db")
        assert caught.value.problem is StoreProblem.CANNOT_CREATE
        assert list(folder.iterdir()) == []
