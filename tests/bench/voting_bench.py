"""Voting figures: the tally of a large round, and a full ballot committed.

Each against a baseline in the same run: a bare sqlite3 GROUP BY over the same file (tally),
and bare INSERTs + COMMIT with the same pragmas, WAL and synchronous=FULL (ballot).
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

IDEAS = 1000
BALLOTS = 500
BOOTH_IDEAS = 60


def _round_of(db: object, workshop_id: str, voters: int) -> str:
    from app.ideas import list_ideas
    from app.voting import create_round, open_round
    from app.voting_rules import default_dots
    from app.voting_snapshots import RoundSpec

    ideas = len(list_ideas(db, workshop_id))  # type: ignore[arg-type]
    spec = RoundSpec(dots=default_dots(ideas), voters_expected=voters, title="Bänk")
    return open_round(db, create_round(db, workshop_id, spec).id).id  # type: ignore[arg-type]


def bench_tally(rounds: int = 30) -> tuple[list[float], list[float]]:
    """results() of a revealed round of 1,000 ideas and 500 ballots; vs a bare GROUP BY."""
    import random

    from app.demo import create_demo_workshop
    from app.ideas import list_ideas
    from app.voting import cast_ballot, get_round
    from app.voting_results import results, reveal_round
    from app.voting_snapshots import Voter
    from models.database import open_database

    with tempfile.TemporaryDirectory() as temp:
        db = open_database(Path(temp) / "tally.db")
        workshop_id = create_demo_workshop(db, ideas=IDEAS, participants=60)
        round_id = _round_of(db, workshop_id, BALLOTS)
        dots = get_round(db, round_id).dots
        ideas = [i.id for i in list_ideas(db, workshop_id)]
        favourites = ideas[:40]  # a room's votes gather on a few ideas, and scatter over the rest
        pick = random.Random(4)
        for number in range(1, BALLOTS + 1):
            chosen: set[str] = set()
            while len(chosen) < dots:
                chosen.add(pick.choice(favourites if pick.random() < 0.6 else ideas))
            cast_ballot(db, round_id, Voter(number=number), dict.fromkeys(chosen, 1))
        reveal_round(db, round_id)
        ours, base = [], []
        with closing(sqlite3.connect(db.path, isolation_level=None)) as con:
            for _ in range(3):  # warm caches on both sides
                results(db, round_id)
                _bare_tally(con, round_id)
            for _ in range(rounds):
                start = time.perf_counter()
                results(db, round_id)
                ours.append(time.perf_counter() - start)
                start = time.perf_counter()
                _bare_tally(con, round_id)
                base.append(time.perf_counter() - start)
        db.close()
    return ours, base


def _bare_tally(con: sqlite3.Connection, round_id: str) -> list[tuple[str, str, int, int]]:
    """The same figures in one query around a GROUP BY: each idea in the vote, booth and paper dots."""
    return con.execute(
        "SELECT idea.id, idea.title, coalesce(booth.dots, 0), coalesce(paper_tally.dots, 0) "
        "FROM voting_round_idea JOIN idea ON idea.id = voting_round_idea.idea_id "
        "LEFT JOIN (SELECT vote.idea_id, sum(vote.dots) AS dots FROM vote "
        "           JOIN ballot ON ballot.id = vote.ballot_id WHERE ballot.round_id = :r "
        "           GROUP BY vote.idea_id) AS booth ON booth.idea_id = idea.id "
        "LEFT JOIN paper_tally ON paper_tally.round_id = :r AND paper_tally.idea_id = idea.id "
        "WHERE voting_round_idea.round_id = :r "
        "ORDER BY coalesce(booth.dots, 0) + coalesce(paper_tally.dots, 0) DESC, idea.position",
        {"r": round_id},
    ).fetchall()


def bench_ballot(rounds: int = 200) -> tuple[list[float], list[float]]:
    """A full ballot (all dots, one per idea) committed with cast_ballot at 60 ideas; vs bare INSERTs."""
    from app.demo import create_demo_workshop
    from app.ideas import list_ideas
    from app.voting import cast_ballot, get_round
    from app.voting_snapshots import Voter
    from models.database import open_database

    with tempfile.TemporaryDirectory() as temp:
        db = open_database(Path(temp) / "booth.db")
        workshop_id = create_demo_workshop(db, ideas=BOOTH_IDEAS, participants=40)
        round_id = _round_of(db, workshop_id, 999)
        dots = get_round(db, round_id).dots
        ideas = [i.id for i in list_ideas(db, workshop_id)]
        with closing(sqlite3.connect(Path(temp) / "bare.db", isolation_level=None)) as con:
            for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"):
                con.execute(f"PRAGMA {pragma}")
            con.execute("CREATE TABLE ballot (id TEXT PRIMARY KEY, round_id TEXT, source TEXT) WITHOUT ROWID")
            con.execute(
                "CREATE TABLE vote (ballot_id TEXT REFERENCES ballot (id), idea_id TEXT, dots INT, "
                "PRIMARY KEY (ballot_id, idea_id)) WITHOUT ROWID"
            )

            def ours(n: int) -> float:
                chosen = [ideas[(n * 7 + k) % len(ideas)] for k in range(dots)]
                start = time.perf_counter()
                cast_ballot(db, round_id, Voter(number=n % 999 + 1), dict.fromkeys(chosen, 1))
                return time.perf_counter() - start

            def bare(n: int) -> float:
                chosen = [ideas[(n * 7 + k) % len(ideas)] for k in range(dots)]
                ballot_id = str(uuid.uuid4())
                start = time.perf_counter()
                con.execute("BEGIN IMMEDIATE")
                con.execute("INSERT INTO ballot VALUES (?, ?, 'booth')", (ballot_id, round_id))
                con.executemany("INSERT INTO vote VALUES (?, ?, 1)", [(ballot_id, i) for i in chosen])
                con.execute("COMMIT")
                return time.perf_counter() - start

            for n in range(10):  # warm caches on both sides
                ours(n)
                bare(n)
            first, second = [], []
            for n in range(10, 10 + rounds):  # voters 11.. are new, later ones replace their ballot
                first.append(ours(n))
                second.append(bare(n))
        db.close()
    return first, second


if __name__ == "__main__":
    for name, target, (ours, base) in (
        (f"tally of {IDEAS} ideas, {BALLOTS} ballots", "<= 50 ms", bench_tally()),
        (f"full ballot committed at {BOOTH_IDEAS} ideas", "<= 10 ms", bench_ballot()),
    ):
        m, b = statistics.median(ours), statistics.median(base)
        print(f"{name}: {m * 1000:.1f} ms vs {b * 1000:.1f} ms baseline ({m / b:.2f}x), target {target}")
