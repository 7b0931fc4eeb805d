"""A small workshop to vote in, shared by the voting tests: people, two themes, ideas with givers."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from app.clusters import add_cluster
from app.i18n import set_language
from app.ideas import add_idea
from app.participants import add_participants
from app.snapshots import WorkshopSnapshot
from app.voting import cast_ballot, close_round, create_round, open_round, set_paper_tally
from app.voting_results import results, reveal_round
from app.voting_rules import BallotRefused
from app.voting_snapshots import RoundSnapshot, RoundSpec, Voter
from models.database import Database, open_database

_MIGRATED: list[bytes] = []


def fresh_database(path: Path) -> Database:
    """A new, empty database at ``path``: a copy of one migrated once per test run (much faster)."""
    if not _MIGRATED:
        with tempfile.TemporaryDirectory() as folder:
            first = Path(folder) / "migrated.db"
            open_database(first).close()  # the last connection folds the log into the file
            _MIGRATED.append(first.read_bytes())
    path.write_bytes(_MIGRATED[0])
    return open_database(path)


@dataclass(frozen=True)
class Board:
    """The workshop's ids, by position.

    ideas[0], ideas[1] in themes[0]; ideas[2], ideas[3] in themes[1]; the rest unthemed.
    people[0] gave ideas[0] and ideas[3] (with people[1]); ideas[2] was given anonymously;
    people[2] gave ideas[4]; ideas[5..7] have no giver.
    """

    workshop_id: str
    people: tuple[str, ...]
    themes: tuple[str, ...]
    ideas: tuple[str, ...]


def make_board(db: Database, workshop_id: str, people: int = 6) -> Board:
    person = tuple(p.id for p in add_participants(db, workshop_id, people, role="citizen", origin="external"))
    themes = (
        add_cluster(db, workshop_id, "Kontinuitet").id,
        add_cluster(db, workshop_id, "Gemenskap").id,
    )
    givers: list[tuple[str, ...]] = [(person[0],), (), (), (person[0], person[1]), (person[2],), (), (), ()]
    clusters: list[str | None] = [themes[0], themes[0], themes[1], themes[1], None, None, None, None]
    ideas = tuple(
        add_idea(
            db,
            workshop_id,
            f"Idé {n}",
            giver_ids=givers[n],
            anonymous=n == 2,
            cluster_id=clusters[n],
        ).id
        for n in range(8)
    )
    return Board(workshop_id, person, themes, ideas)


def rules(**changes: object) -> RoundSpec:
    """Three dots each, one per idea, all ideas, anonymous: then ``changes``."""
    return replace(RoundSpec(dots=3, voters_expected=10), **changes)  # type: ignore[arg-type]


def opened(db: Database, board: Board, **changes: object) -> RoundSnapshot:
    return open_round(db, create_round(db, board.workshop_id, rules(**changes)).id)


def by_index(board: Board, dots: Mapping[int, int]) -> dict[str, int]:
    return {board.ideas[n]: count for n, count in dots.items()}


def revealed(
    db: Database,
    board: Board,
    ballots: Sequence[Mapping[int, int]],
    paper: Mapping[int, int] | None = None,
    *,
    voters: Sequence[Voter] = (),
    **changes: object,
) -> RoundSnapshot:
    """A revealed round with these ballots (idea index -> dots) and paper dots.

    The ballots come from ``voters``, else from voter numbers 1, 2, ... (anonymous) or
    people 0, 1, ... (named). Cumulative with nine dots unless ``changes`` say otherwise,
    so that a test can write any tally.
    """
    spec = {"dots": 9, "max_per_idea": 9, "voters_expected": max(1, len(ballots)), **changes}
    row = opened(db, board, **spec)
    if not voters:
        voters = [
            Voter(number=n + 1) if row.anonymous else Voter(participant_id=board.people[n])
            for n in range(len(ballots))
        ]
    for voter, ballot in zip(voters, ballots, strict=True):
        cast_ballot(db, row.id, voter, by_index(board, ballot))
    if paper:
        set_paper_tally(db, row.id, by_index(board, paper))
    close_round(db, row.id)
    return reveal_round(db, row.id, few_ballots_ok=True)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("sv")


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = fresh_database(db_path)
    yield database
    database.close()


@pytest.fixture
def board(db: Database, workshop: WorkshopSnapshot) -> Board:
    return make_board(db, workshop.id)


def refused(db: Database, round_id: str, voter: Voter, dots: dict[str, int]) -> BallotRefused:
    with pytest.raises(BallotRefused) as caught:
        cast_ballot(db, round_id, voter, dots)
    return caught.value


def ballot_rows(path: Path) -> list[tuple[str | None, str | None, str]]:
    """(participant_id, voter_key_hash, source) of every ballot, straight from the file."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        return list(con.execute("SELECT participant_id, voter_key_hash, source FROM ballot ORDER BY id"))


def tally(db: Database, round_id: str) -> dict[str, int]:
    """The revealed booth dots per idea, only those with any."""
    return {r.idea_id: r.booth_dots for r in results(db, round_id).ideas if r.booth_dots}
