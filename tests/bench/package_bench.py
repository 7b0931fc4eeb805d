"""Workshop package figures: export and import of 300 ideas, 40 participants, 3 rounds, 20 plans.

Each against a baseline in the same run: the export against ``json.dumps`` of the same package
value, the import against ``json.loads`` of the same text plus a bare ``executemany`` of the same
rows into a bare SQLite file (no constraints, no checks). Target: each <= 1 s.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

IDEAS, PARTICIPANTS, ROUNDS, PLANS = 300, 40, 3, 20
ROUNDS_TIMED = 7
DAY = date(2026, 9, 14)


def _picture() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (180, 200, 90)).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def fill(db: Any) -> str:
    """The workshop, written straight through the models in one transaction; its id."""
    from models.enums import ActionStatus, DecisionLevel, DecisionOutcome, FollowUpKind, RoundState
    from models.tables import (
        Action,
        Backing,
        Ballot,
        Cluster,
        Decision,
        DevelopmentPlan,
        FollowUpEntry,
        Idea,
        IdeaImage,
        Participant,
        ResourceAllocation,
        Review,
        ReviewNote,
        ShortlistEntry,
        Vote,
        VotingRound,
        Workshop,
    )

    pick = random.Random(11)
    moment = datetime(2026, 9, 14, 9, 0, tzinfo=UTC)
    picture = _picture()
    with db.transaction() as session:
        workshop = Workshop(title="Idéverkstad: Trygg och delaktig hemma", held_on=DAY, follow_up_on=DAY)
        session.add(workshop)
        session.flush()
        people = [
            Participant(workshop_id=workshop.id, position=n, role="citizen", display_name=f"Deltagare {n}")
            for n in range(PARTICIPANTS)
        ]
        themes = [Cluster(workshop_id=workshop.id, position=n, name=f"Tema {n}") for n in range(8)]
        session.add_all([*people, *themes])
        session.flush()
        ideas = [
            Idea(
                workshop_id=workshop.id,
                position=n,
                title=f"Idé {n}: trygghet i vardagen",
                text="Ett förslag om kontinuitet och bemötande i hemtjänsten. " * 4,
                cluster_id=themes[n % 8].id,
                givers=[people[n % PARTICIPANTS]],
            )
            for n in range(IDEAS)
        ]
        session.add_all(ideas)
        session.flush()
        for n, idea in enumerate(ideas):
            session.add(Backing(idea_id=idea.id, text="Tack för idén!", given_by="Eva Sjöberg"))
            if n % 10 == 0:
                session.add(
                    IdeaImage(idea_id=idea.id, mime_type="image/jpeg", width=320, height=240, data=picture)
                )
        for number in range(1, ROUNDS + 1):
            row = VotingRound(
                workshop_id=workshop.id,
                number=number,
                dots_per_participant=5,
                state=RoundState.REVEALED,
                opened_at=moment,
                closed_at=moment,
                revealed_at=moment,
            )
            session.add(row)
            session.flush()
            session.execute(
                VotingRound.metadata.tables["voting_round_idea"].insert(),
                [{"round_id": row.id, "idea_id": i.id} for i in ideas],
            )
            for _voter in range(PARTICIPANTS):
                ballot = Ballot(round_id=row.id, source="booth")
                session.add(ballot)
                session.flush()
                session.add_all(
                    Vote(ballot_id=ballot.id, idea_id=i.id, dots=1) for i in pick.sample(ideas, 5)
                )
        for n, idea in enumerate(ideas[:PLANS]):
            session.add(ShortlistEntry(workshop_id=workshop.id, idea_id=idea.id, position=n))
            review = Review(idea_id=idea.id, recommendation="proceed", reasons="Styrkorna väger tyngre.")
            plan = DevelopmentPlan(idea_id=idea.id, concept="Pilot i två enheter", responsible="Eva Sjöberg")
            decision = Decision(
                workshop_id=workshop.id,
                idea_id=idea.id,
                number=n + 1,
                outcome=DecisionOutcome.GO,
                level=DecisionLevel.COMMITTEE,
                decided_on=DAY,
            )
            session.add_all([review, plan, decision])
            session.flush()
            session.add(ReviewNote(review_id=review.id, kind="strength", text="Enkel att pröva"))
            session.add_all(
                Action(
                    plan_id=plan.id,
                    position=k,
                    title=f"Insats {k + 1}",
                    owner="Amira Hassan",
                    due_on=DAY + timedelta(days=30 * k),
                    status=ActionStatus.IN_PROGRESS,
                )
                for k in range(5)
            )
            session.add(ResourceAllocation(decision_id=decision.id, kind="money", amount=Decimal("50000.00")))
            session.add(
                FollowUpEntry(
                    workshop_id=workshop.id,
                    idea_id=idea.id,
                    kind=FollowUpKind.CHECK_IN,
                    entry_on=DAY,
                    text="Igång",
                )
            )
        return workshop.id


@contextmanager
def filled() -> Iterator[tuple[Any, str, Path]]:
    from models.database import open_database

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        empty = folder / "empty.db"
        open_database(empty).close()
        db = open_database(folder / "package.db")
        try:
            yield db, fill(db), folder
        finally:
            db.close()


def _timed(run: Any) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def bench_export(rounds: int = ROUNDS_TIMED) -> tuple[list[float], list[float]]:
    """export_package to a file; vs json.dumps of the same package value written to a file."""
    from exports.package import export_package, package_of

    with filled() as (db, workshop_id, folder):
        value = package_of(db, workshop_id)
        out, bare_out = folder / "package.json", folder / "bare.json"

        def bare() -> None:
            bare_out.write_text(
                json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2), encoding="utf-8"
            )

        ours, base = [], []
        for _ in range(rounds):
            ours.append(_timed(lambda: export_package(db, workshop_id, out)))
            base.append(_timed(bare))
    return ours, base


def _bare_import(text: str, path: Path) -> None:
    """json.loads and the same rows with a bare executemany into tables without constraints."""
    from exports.package_import import collect_rows

    rows = collect_rows(json.loads(text)).by_table
    with closing(sqlite3.connect(path, isolation_level=None)) as con:
        con.execute("BEGIN")
        for table, table_rows in rows.items():
            columns = list(table_rows[0])
            con.execute(f'CREATE TABLE IF NOT EXISTS "{table}" ({", ".join(columns)})')
            con.executemany(
                f'INSERT INTO "{table}" VALUES ({", ".join("?" for _ in columns)})',
                [[_plain(row[c]) for c in columns] for row in table_rows],
            )
        con.execute("COMMIT")


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date, Decimal)):
        return str(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return value


def bench_import(rounds: int = ROUNDS_TIMED) -> tuple[list[float], list[float]]:
    """import_package of the file into a fresh database; vs json.loads + bare executemany of the same rows."""
    from exports.package import package_of, package_text
    from exports.package_import import import_package
    from models.database import open_database

    with filled() as (db, workshop_id, folder):
        text = package_text(package_of(db, workshop_id))
        source = folder / "package.json"
        source.write_text(text, encoding="utf-8")
        ours, base = [], []
        for n in range(rounds):
            target = folder / f"target{n}.db"
            shutil.copyfile(folder / "empty.db", target)
            fresh = open_database(target)
            try:
                ours.append(_timed(lambda fresh=fresh: import_package(fresh, source)))
            finally:
                fresh.close()
            bare_target = folder / f"bare{n}.db"
            base.append(
                _timed(lambda bare_target=bare_target: _bare_import(source.read_text("utf-8"), bare_target))
            )
    return ours, base


if __name__ == "__main__":
    for name, (ours, base), baseline in (
        ("package export", bench_export(), "json.dumps of the same value"),
        ("package import", bench_import(), "json.loads + bare executemany"),
    ):
        m, b = statistics.median(ours), statistics.median(base)
        print(
            f"{name} ({IDEAS} ideas, {PARTICIPANTS} participants, {ROUNDS} rounds, {PLANS} plans): ", end=""
        )
        print(f"{m * 1000:.0f} ms vs {b * 1000:.0f} ms {baseline} ({m / b:.2f}x), target <= 1 s")
