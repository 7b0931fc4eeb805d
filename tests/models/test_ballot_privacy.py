"""An anonymous ballot cannot be traced to a participant from the database file alone.

Known participants vote in an anonymous round; the test then reads only the file (and its
write-ahead log), the way someone who copied the laptop's database would.
"""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import voter_keys
from app.ideas import add_idea
from app.participants import add_participant
from app.voting import cast_ballot, close_round, create_round, open_round
from app.voting_snapshots import RoundSpec, Voter
from app.workshops import create_workshop
from models.database import Database

NAMES = ("Amira Hassan", "Jonas Berg", "Eva Sjöberg", "Gunnar Åkesson", "Lena Øverby", "Sara Lind")
VOTERS = 12  # six by name (choosing their name at the booth), six by voter number


@dataclass(frozen=True)
class Voted:
    round_id: str
    people: tuple[str, ...]
    ideas: tuple[str, ...]  # voter k put their dot on ideas[k]: the casting order is known


def read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def file_bytes(path: Path) -> bytes:
    """The database as it lies on disk: the file and its write-ahead log."""
    log = Path(f"{path}-wal")
    return path.read_bytes() + (log.read_bytes() if log.exists() else b"")


def ballots_in_file_order(path: Path) -> list[tuple[str, str | None, str | None, str]]:
    """(ballot id, participant_id, voter_key_hash, the idea it voted for), as the table stores them."""
    with closing(read_only(path)) as con:
        return list(
            con.execute(
                "SELECT ballot.id, participant_id, voter_key_hash, "
                "(SELECT idea_id FROM vote WHERE vote.ballot_id = ballot.id) FROM ballot"
            )
        )


@pytest.fixture
def voted(db: Database) -> Voted:
    workshop = create_workshop(db, "Trygg hemma")
    people = tuple(
        add_participant(db, workshop.id, display_name=name, consent_to_be_named=True).id for name in NAMES
    )
    ideas = tuple(add_idea(db, workshop.id, f"Idé {n}", giver_ids=[people[0]]).id for n in range(VOTERS))
    started = open_round(db, create_round(db, workshop.id, RoundSpec(dots=1, voters_expected=6)).id)
    order = [Voter(participant_id=p) for p in people] + [Voter(number=n) for n in range(1, 7)]
    for k, voter in enumerate(order):
        cast_ballot(db, started.id, voter, {ideas[k]: 1})
    return Voted(started.id, people, ideas)


def derivations(text: str) -> set[str]:
    """The obvious ways to turn an id into a hash, for a voter's id or key."""
    found = set()
    for candidate in (text, f"participant:{text}", f"number:{text}"):
        data = candidate.encode()
        for algorithm in ("md5", "sha1", "sha256", "sha512"):
            found.add(hashlib.new(algorithm, data).hexdigest())
    return found


def test_an_anonymous_ballot_carries_no_name_and_no_time(db: Database, voted: Voted) -> None:
    with closing(read_only(db.path)) as con:
        columns = {
            table: [
                (name, kind.upper())
                for _cid, name, kind, *_rest in con.execute(f"PRAGMA table_info({table})")
            ]
            for table in ("ballot", "vote")
        }
        ballot_text = " ".join(str(v) for row in con.execute("SELECT * FROM ballot") for v in row)
        vote_text = " ".join(str(v) for row in con.execute("SELECT * FROM vote") for v in row)
        people_columns = {
            table
            for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            for _id, _seq, referred, *_rest in con.execute(f"PRAGMA foreign_key_list({table})")
            if referred == "participant"
        }

    assert columns["ballot"] == [
        ("id", "VARCHAR(36)"),
        ("round_id", "VARCHAR(36)"),
        ("participant_id", "VARCHAR(36)"),
        ("voter_key_hash", "VARCHAR(128)"),
        ("source", "VARCHAR(16)"),
    ]
    assert columns["vote"] == [("ballot_id", "VARCHAR(36)"), ("idea_id", "VARCHAR(36)"), ("dots", "INTEGER")]
    assert not any(
        "DATE" in kind or "TIME" in kind for kind in (k for cols in columns.values() for _n, k in cols)
    )
    assert [p for _id, p, _h, _i in ballots_in_file_order(db.path)] == [None] * VOTERS
    for person, name in zip(voted.people, NAMES, strict=True):
        assert person not in ballot_text + vote_text
        assert name not in ballot_text + vote_text
    # Of the voting tables only the ballot can point at a participant (in named rounds): there is
    # no table of who voted where.
    voting = {
        t for t in people_columns if t.startswith(("voting", "ballot", "vote", "paper", "tie", "short"))
    }
    assert voting == {"ballot"}


def test_the_file_does_not_keep_the_order_of_casting(db: Database, voted: Voted) -> None:
    stored = ballots_in_file_order(db.path)
    cast_order = [voted.ideas.index(idea) for _id, _p, _h, idea in stored]

    # Rows lie in the order of their random keys: nothing of who came first is left.
    assert [ballot_id for ballot_id, *_rest in stored] == sorted(ballot_id for ballot_id, *_rest in stored)
    assert cast_order != list(range(VOTERS))  # 1 in 12! that random keys fall in casting order
    with closing(read_only(db.path)) as con:
        for table in ("ballot", "vote"):
            with pytest.raises(sqlite3.OperationalError, match="no such column: rowid"):
                con.execute(f"SELECT rowid FROM {table}")
        tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "sqlite_sequence" not in tables  # no counter of rows either


def test_while_voting_the_hashes_match_no_obvious_derivation_of_a_voter(db: Database, voted: Voted) -> None:
    hashes = {h for _id, _p, h, _i in ballots_in_file_order(db.path)}

    guesses: set[str] = set()
    for person in voted.people:
        guesses |= derivations(person)
    for number in range(1, 7):
        guesses |= derivations(str(number))

    assert len(hashes) == VOTERS
    assert None not in hashes
    assert not hashes & guesses
    # The key that does match them is kept outside the database, and only while voting is open.
    key_file = db.path.with_name(f".{db.path.name}.voter-keys") / voted.round_id
    key = voter_keys.read_key(db.path, voted.round_id)
    assert key is not None
    assert key_file.read_bytes() == key
    assert key not in file_bytes(db.path)


def test_after_the_close_nothing_is_left_to_match(db: Database, voted: Voted) -> None:
    # GIVEN the hashes and key as they were while voting, and one voter who replaced their ballot
    before = {h for _id, _p, h, _i in ballots_in_file_order(db.path)}
    key = voter_keys.read_key(db.path, voted.round_id)
    replaced = {
        ballot_id for ballot_id, _p, _h, idea in ballots_in_file_order(db.path) if idea == voted.ideas[0]
    }
    cast_ballot(db, voted.round_id, Voter(participant_id=voted.people[0]), {voted.ideas[-1]: 1})
    assert key is not None

    # WHEN the round closes (the app is still running)
    close_round(db, voted.round_id)

    # THEN the file holds no hash, the key is gone, and no old bytes linger in the file or its log
    assert {h for _id, _p, h, _i in ballots_in_file_order(db.path)} == {None}
    assert voter_keys.read_key(db.path, voted.round_id) is None
    assert not db.path.with_name(f".{db.path.name}.voter-keys").exists()
    on_disk = file_bytes(db.path)
    assert not [h for h in before if h is not None and h.encode() in on_disk]
    assert not [b for b in replaced if b.encode() in on_disk]
    assert key not in on_disk
    assert len(ballots_in_file_order(db.path)) == VOTERS
