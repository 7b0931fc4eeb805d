"""Follow-up figures: the overview of 50 workshops, 500 plans and 3,000 actions, and filtering it.

Each against a baseline in the same run: a bare sqlite3 query of the same open actions over the
same file (the overview), and the same query narrowed with LIKE (the filter).
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

WORKSHOPS = 50
PLANS = 500
ACTIONS = 3000
IDEAS_PER_WORKSHOP = 25
TODAY = date(2026, 11, 26)
OWNERS = ("Eva Sjöberg", "Ola Berg", "Amira Hassan", "Per Ek", "Lina Nordin", "Johan Lund")

_BARE_ACTIONS = (
    "SELECT action.id, workshop.title, idea.title, action.title, action.owner, action.due_on, action.status "
    "FROM action JOIN development_plan ON development_plan.id = action.plan_id "
    "JOIN idea ON idea.id = development_plan.idea_id JOIN workshop ON workshop.id = idea.workshop_id "
    "WHERE action.deleted_at IS NULL AND development_plan.deleted_at IS NULL AND idea.deleted_at IS NULL "
    "AND workshop.deleted_at IS NULL AND action.status NOT IN ('done', 'handed_over', 'not_possible') "
    "{narrow}ORDER BY action.due_on IS NULL, action.due_on, workshop.title, idea.title, action.position"
)


def fill(db: Any) -> None:
    """50 workshops of 25 ideas; 10 plans each with 6 actions, decisions and some follow-up."""
    from models.enums import ActionStatus, DecisionLevel, DecisionOutcome, FollowUpKind
    from models.idea import Idea
    from models.plan import Action, Decision, DevelopmentPlan, FollowUpEntry
    from models.workshop import Workshop

    pick = random.Random(5)
    statuses = list(ActionStatus)
    with db.transaction() as session:
        for w in range(WORKSHOPS):
            workshop = Workshop(
                title=f"Idéverkstad {w + 1}", follow_up_on=TODAY + timedelta(days=pick.randint(-30, 120))
            )
            session.add(workshop)
            session.flush()
            ideas = [
                Idea(workshop_id=workshop.id, position=n, title=f"Idé {w}-{n}")
                for n in range(IDEAS_PER_WORKSHOP)
            ]
            session.add_all(ideas)
            session.flush()
            for n, idea in enumerate(ideas[: PLANS // WORKSHOPS]):
                plan = DevelopmentPlan(idea_id=idea.id, responsible=pick.choice(OWNERS))
                session.add(plan)
                session.flush()
                session.add_all(
                    Action(
                        plan_id=plan.id,
                        position=k,
                        title=f"Insats {k + 1} för idé {w}-{n}",
                        owner=pick.choice(OWNERS),
                        due_on=None if k == 5 else TODAY + timedelta(days=pick.randint(-60, 180)),
                        status=pick.choice(statuses),
                    )
                    for k in range(ACTIONS // PLANS)
                )
                if n % 2 == 0:
                    session.add(
                        Decision(
                            workshop_id=workshop.id,
                            idea_id=idea.id,
                            number=n + 1,
                            outcome=DecisionOutcome.GO if n % 4 == 0 else DecisionOutcome.NO,
                            level=DecisionLevel.COMMITTEE,
                            decided_on=TODAY - timedelta(days=90),
                        )
                    )
                if n % 4 == 0:
                    session.add(
                        FollowUpEntry(
                            workshop_id=workshop.id,
                            idea_id=idea.id,
                            kind=FollowUpKind.CHECK_IN,
                            entry_on=TODAY - timedelta(days=10),
                            text="Igång",
                        )
                    )


@contextmanager
def filled() -> Iterator[Any]:
    from models.database import open_database

    with tempfile.TemporaryDirectory() as temp:
        db = open_database(Path(temp) / "followup.db")
        try:
            fill(db)
            yield db
        finally:
            db.close()


def _bare(con: sqlite3.Connection, search: str = "") -> list[tuple[Any, ...]]:
    if not search:
        return con.execute(_BARE_ACTIONS.format(narrow="")).fetchall()
    narrow = (
        "AND (action.title LIKE :s OR action.owner LIKE :s OR idea.title LIKE :s OR workshop.title LIKE :s) "
    )
    return con.execute(_BARE_ACTIONS.format(narrow=narrow), {"s": f"%{search}%"}).fetchall()


def _timed(run: Any) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def bench_overview(rounds: int = 20) -> tuple[list[float], list[float]]:
    """overview() at 50 workshops, 500 plans, 3,000 actions; vs a bare query of the same open actions."""
    from app.followup import overview

    with filled() as db, closing(sqlite3.connect(db.path, isolation_level=None)) as con:
        for _ in range(3):  # warm caches on both sides
            overview(db, TODAY)
            _bare(con)
        ours, base = [], []
        for _ in range(rounds):
            ours.append(_timed(lambda: overview(db, TODAY)))
            base.append(_timed(lambda: _bare(con)))
    return ours, base


def bench_filter(rounds: int = 50) -> tuple[list[float], list[float]]:
    """filter_overview() by a text and by a workshop on the snapshot; vs the bare query narrowed by LIKE."""
    from app.followup import filter_overview, overview

    with filled() as db, closing(sqlite3.connect(db.path, isolation_level=None)) as con:
        whole = overview(db, TODAY)
        workshop_id = whole.workshops[len(whole.workshops) // 2].id
        searches = ["ola", "idé 7-", "insats 3", "idéverkstad 12"]
        ours, base = [], []
        for n in range(rounds):
            search = searches[n % len(searches)]
            ours.append(
                _timed(
                    lambda s=search: (
                        filter_overview(whole, s),
                        filter_overview(whole, workshop_id=workshop_id),
                    )
                )
            )
            base.append(_timed(lambda s=search: _bare(con, s)))
    return ours, base


if __name__ == "__main__":
    for name, target, (ours, base) in (
        (
            f"follow-up overview of {WORKSHOPS} workshops, {PLANS} plans, {ACTIONS} actions",
            "<= 300 ms",
            bench_overview(),
        ),
        ("follow-up filtered by text and by workshop", "<= 50 ms", bench_filter()),
    ):
        m, b = statistics.median(ours), statistics.median(base)
        print(f"{name}: {m * 1000:.1f} ms vs {b * 1000:.1f} ms baseline ({m / b:.2f}x), target {target}")
