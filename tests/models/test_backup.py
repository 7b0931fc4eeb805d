"""Backups with SQLite's online backup API: complete copies, the newest ten kept."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from models.backup import KEEP, backup_database, list_backups
from models.database import Database
from models.tables import Workshop


def add_workshop(db: Database, title: str) -> None:
    with db.transaction() as session:
        session.add(Workshop(title=title))


def titles_in(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as con:
        return [row[0] for row in con.execute("SELECT title FROM workshop ORDER BY title")]


def test_a_backup_holds_everything_committed_while_the_database_is_open(db: Database, tmp_path: Path) -> None:
    add_workshop(db, "Äldreomsorg i Sjövik")
    target = backup_database(db.path, tmp_path / "backups")
    assert titles_in(target) == ["Äldreomsorg i Sjövik"]
    with closing(sqlite3.connect(target)) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_only_the_newest_ten_backups_are_kept(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    made = []
    for i in range(KEEP + 2):
        add_workshop(db, f"Verkstad {i:02d}")
        made.append(backup_database(db.path, folder))
    kept = list_backups(db.path, folder)
    assert kept == made[-KEEP:]
    assert titles_in(kept[-1])[-1] == f"Verkstad {KEEP + 1:02d}"
    assert not any(p.suffix == ".partial" for p in folder.iterdir())


def test_backups_of_two_databases_with_the_same_name_do_not_prune_each_other(
    db: Database, tmp_path: Path
) -> None:
    from models.database import open_database

    other_path = tmp_path / "other" / db.path.name
    other = open_database(other_path)
    folder = tmp_path / "backups"
    backup_database(other.path, folder)
    for _ in range(KEEP):
        backup_database(db.path, folder)
    assert len(list_backups(other.path, folder)) == 1
    assert len(list_backups(db.path, folder)) == KEEP
    other.close()
