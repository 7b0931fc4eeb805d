"""Upgrading a database written by an earlier Mylla: a backup first, every record kept, step by step."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from models.database import APPLICATION_ID, HEAD, open_database
from models.migrate import alembic_config

FILLERS = {
    "VARCHAR": "",
    "TEXT": "",
    "INTEGER": 0,
    "BOOLEAN": 0,
    "DATETIME": "2026-03-12 09:00:00.000000",
    "JSON": "{}",
}


def database_at(path: Path, revision: str) -> None:
    """A database file as Mylla left it at ``revision``."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    engine.dispose()


def insert(con: sqlite3.Connection, table: str, **values: object) -> None:
    """A row with the given values and plain fillers in the other required columns."""
    row = dict(values)
    for _cid, name, kind, notnull, _default, _pk in con.execute(f"PRAGMA table_info({table})"):
        if notnull and name not in row:
            row[name] = FILLERS[kind.split("(")[0]]
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    con.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values()))


def test_a_first_release_database_is_backed_up_then_upgraded_keeping_its_votes(tmp_path: Path) -> None:
    # GIVEN a database of the first release with a workshop, an idea and a round with two ballots,
    # one of them replaced (the first release kept replaced ballots, flagged)
    path = tmp_path / "mylla.db"
    database_at(path, "0001")
    with closing(sqlite3.connect(path)) as con:
        insert(con, "workshop", id="w1", title="Trygg och delaktig hemma", language="sv")
        insert(con, "idea", id="i1", workshop_id="w1", title="Fast omsorgskontakt", status="backed")
        insert(con, "voting_round", id="r1", workshop_id="w1", number=1, dots_per_participant=3,
               max_dots_per_idea=1, eligibility="all", anonymous=1, mode="booth", state="open")  # fmt: skip
        insert(con, "ballot", id="b1", round_id="r1", source="booth", replaced=0)
        insert(con, "ballot", id="b2", round_id="r1", source="booth", replaced=1)
        insert(con, "vote", ballot_id="b1", idea_id="i1", dots=1)
        insert(con, "vote", ballot_id="b2", idea_id="i1", dots=1)
        con.commit()

    # WHEN the current Mylla opens it
    backups = tmp_path / "backups"
    db = open_database(path, backup_before_upgrade=backups)
    db.close()

    # THEN a copy of the old file was made first, and the upgraded file keeps the counted ballot only
    copies = list(backups.iterdir())
    assert len(copies) == 1
    with closing(sqlite3.connect(copies[0])) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    with closing(sqlite3.connect(path)) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
        assert con.execute("SELECT title FROM workshop").fetchall() == [("Trygg och delaktig hemma",)]
        assert con.execute("SELECT id FROM ballot").fetchall() == [("b1",)]
        assert con.execute("SELECT ballot_id, idea_id, dots FROM vote").fetchall() == [("b1", "i1", 1)]
        rules = con.execute("SELECT voters_expected, shortlist_size FROM voting_round").fetchall()
        assert rules == [(0, None)]
        ballot_sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'ballot'").fetchone()[0]
        assert "WITHOUT ROWID" in ballot_sql
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_private_ballots_step_can_be_taken_back_and_again_keeping_the_ballots(tmp_path: Path) -> None:
    path = tmp_path / "mylla.db"
    database_at(path, "0002")
    with closing(sqlite3.connect(path)) as con:
        insert(con, "workshop", id="w1", title="Trygg skolväg", language="sv")
        insert(con, "idea", id="i1", workshop_id="w1", title="Gångbuss", status="backed")
        insert(con, "voting_round", id="r1", workshop_id="w1", number=1, dots_per_participant=3,
               max_dots_per_idea=1, eligibility="all", anonymous=1, mode="booth", state="closed")  # fmt: skip
        insert(con, "ballot", id="b1", round_id="r1", source="booth")
        insert(con, "vote", ballot_id="b1", idea_id="i1", dots=1)
        con.commit()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
        rowid_ballot = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'ballot'"
        ).scalar()
        assert "WITHOUT ROWID" not in str(rowid_ballot)
        assert connection.exec_driver_sql("SELECT id, replaced FROM ballot").fetchall() == [("b1", 0)]
        command.upgrade(config, "head")
        assert connection.exec_driver_sql("SELECT ballot_id, dots FROM vote").fetchall() == [("b1", 1)]
    engine.dispose()
