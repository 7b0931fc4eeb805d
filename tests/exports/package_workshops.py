"""Workshops for the export tests, built through the services: a fixed one, and generated ones.

``Recipe`` is what hypothesis draws; ``build`` turns it into a workshop with people, themes,
ideas (a picture, a removed one, a merge), voting rounds (revealed or not, paper dots), the
shortlist with a removal, a review, an analysis, plans with actions, decisions with resources,
follow-up and lessons.
"""

from __future__ import annotations

import io
import random
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import strategies as st
from PIL import Image

from app.analysis import save_analysis
from app.backings import add_backing
from app.clusters import add_cluster, dissolve_cluster
from app.decision_resources import allocate
from app.decisions import delete_decision, list_decisions, record_decision
from app.followup import add_entry, add_lesson, set_follow_up_date, set_lessons_summary
from app.ideas import add_idea, merge_ideas, remove_idea
from app.images import add_image
from app.participants import add_participant, remove_participant
from app.plans import add_action, create_plan, list_plans, remove_action
from app.review import add_note, set_recommendation, start_review
from app.shortlist import add_to_shortlist, remove_from_shortlist
from app.voting import cast_ballot, close_round, create_round, open_round, set_paper_tally
from app.voting_results import cut_view, reveal_round, settle_tie, start_runoff
from app.voting_snapshots import RoundSpec, Voter
from app.workshops import create_workshop, update_workshop
from models.database import Database
from models.enums import ActionStatus, ActorCategory, DecisionLevel, DecisionOutcome, FollowUpKind

TODAY = date(2026, 11, 26)
LETTERS = "abcdefghijklmnopqrstuvwxyzåäöæøéABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÆØ"
words = st.text(alphabet=LETTERS + " -,.", min_size=1, max_size=30).filter(lambda s: s.strip() != "")


@dataclass(frozen=True)
class Recipe:
    title: str
    people: int
    named: int  # how many of the people have a name (the first ones); every other one consents
    themes: tuple[str, ...]
    ideas: tuple[str, ...]
    rounds: tuple[tuple[int, bool, bool], ...]  # (ballots, revealed, paper dots)
    plans: int
    picture: bool
    merge: bool
    seed: int


recipes = st.builds(
    Recipe,
    title=words,
    people=st.integers(0, 6),
    named=st.integers(0, 6),
    themes=st.lists(words, max_size=3).map(tuple),
    ideas=st.lists(words, min_size=1, max_size=8).map(tuple),
    rounds=st.lists(st.tuples(st.integers(0, 4), st.booleans(), st.booleans()), max_size=3).map(tuple),
    plans=st.integers(0, 2),
    picture=st.booleans(),
    merge=st.booleans(),
    seed=st.integers(0, 2**16),
)


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (200, 120, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def build(db: Database, recipe: Recipe) -> str:
    """The workshop the recipe describes; its id."""
    pick = random.Random(recipe.seed)
    workshop_id = create_workshop(db, recipe.title).id
    update_workshop(db, workshop_id, place="Rådhuset, Växjö", organisation="Norrviks kommun")
    people = [
        add_participant(
            db,
            workshop_id,
            role=pick.choice(list(ActorCategory)),
            display_name=f"Person {n} Åström" if n < recipe.named else "",
            organisation=pick.choice(["", "Hemtjänsten Norra", "Brukarrådet"]),
            consent_to_be_named=n % 2 == 0,
        ).id
        for n in range(recipe.people)
    ]
    themes = [add_cluster(db, workshop_id, name).id for name in recipe.themes]
    ideas = []
    for n, title in enumerate(recipe.ideas):
        anonymous = pick.random() < 0.3
        givers = [] if anonymous else pick.sample(people, k=min(len(people), pick.randint(0, 2)))
        idea = add_idea(
            db,
            workshop_id,
            title,
            text=f"Förslag {n}: {title}",
            giver_ids=givers,
            anonymous=anonymous,
            cluster_id=pick.choice([None, *themes]),
        )
        ideas.append(idea.id)
        if pick.random() < 0.5:
            add_backing(db, idea.id, "Tack för idén!", given_by="Eva Sjöberg")
    if recipe.picture:
        add_image(db, ideas[0], png(), caption="Skiss på tavlan")
    if recipe.merge and len(ideas) >= 3:
        merge_ideas(db, ideas[0], ideas.pop())
    if len(ideas) >= 3 and pick.random() < 0.5:
        remove_idea(db, ideas.pop())
    for number, (ballots, reveal, paper) in enumerate(recipe.rounds, start=1):
        _vote(db, workshop_id, ideas, ballots, reveal, paper, pick, number)
    for idea_id in ideas[: recipe.plans]:
        _follow_through(db, workshop_id, idea_id, pick)
    _remove_some(db, workshop_id, people, themes, pick)
    if recipe.plans:
        set_follow_up_date(db, workshop_id, TODAY + timedelta(days=pick.randint(10, 90)))
        set_lessons_summary(db, workshop_id, "Börja i problemet, inte i lösningen.")
        add_lesson(db, workshop_id, TODAY, "Bjud in brukarna tidigt.")
    return workshop_id


def _remove_some(
    db: Database, workshop_id: str, people: list[str], themes: list[str], pick: random.Random
) -> None:
    """Removed records stay in the file (and in the package) with the time of removal."""
    if people and pick.random() < 0.5:
        remove_participant(db, pick.choice(people))
    if themes and pick.random() < 0.3:
        dissolve_cluster(db, themes[-1])
    for plan in list_plans(db, workshop_id, today=TODAY):
        if len(plan.actions) > 1 and pick.random() < 0.5:
            remove_action(db, plan.actions[0].id, today=TODAY)
    decisions = list_decisions(db, workshop_id)
    if decisions and pick.random() < 0.3:
        delete_decision(db, decisions[-1].id)


def _vote(
    db: Database,
    workshop_id: str,
    ideas: list[str],
    ballots: int,
    reveal: bool,
    paper: bool,
    pick: random.Random,
    number: int,
) -> None:
    spec = RoundSpec(dots=2, voters_expected=max(1, ballots), title=f"Runda {number}")
    round_id = open_round(db, create_round(db, workshop_id, spec).id).id
    for voter in range(ballots):
        chosen = pick.sample(ideas, k=min(2, len(ideas)))
        cast_ballot(db, round_id, Voter(number=voter + 1), dict.fromkeys(chosen, 1))
    if paper:
        set_paper_tally(db, round_id, {ideas[0]: pick.randint(1, 9)})
    if reveal and (ballots or paper):
        close_round(db, round_id)
        reveal_round(db, round_id, few_ballots_ok=True)
        _settle(db, round_id, pick)


def _settle(db: Database, round_id: str, pick: random.Random) -> None:
    """A tie at the first place settled by hand, or a runoff started over it."""
    line = cut_view(db, round_id, 1)
    if not line.is_tied:
        return
    if pick.random() < 0.5:
        settle_tie(db, round_id, 1, list(reversed(line.tied)), "Lottning inför alla")
    else:
        start_runoff(db, round_id, 1)


def _follow_through(db: Database, workshop_id: str, idea_id: str, pick: random.Random) -> None:
    """Shortlist, review, plan, decision, resources and a follow-up entry for one idea."""
    entry = add_to_shortlist(db, workshop_id, idea_id, "Stark koppling till utmaningen")
    if pick.random() < 0.3:
        remove_from_shortlist(db, entry.id, "Ingår redan i ett annat projekt")
        add_to_shortlist(db, workshop_id, idea_id, "Åter efter samtal med förvaltningen")
    review = start_review(db, idea_id)
    add_note(db, review.id, "strength", "Enkel att pröva i liten skala")
    add_note(db, review.id, "risk", "Schemaläggningen kan bli svår")
    set_recommendation(db, review.id, "proceed", "Styrkorna väger tyngre.")
    save_analysis(
        db,
        idea_id,
        benefit="Färre nya ansikten för brukarna",
        cost_hours=Decimal("120.5"),
        cost_money=Decimal("85000"),
        partners="Högskolan i Norrvik",
    )
    plan = create_plan(db, idea_id, today=TODAY)
    for k in range(pick.randint(1, 3)):
        add_action(
            db,
            plan.id,
            f"Insats {k + 1}: öva på äldreboendet",
            owner=pick.choice(["Amira Hassan", "Jonas Berg", ""]),
            due_on=TODAY + timedelta(days=pick.randint(-20, 120)) if k != 2 else None,
            status=pick.choice(list(ActionStatus)),
            today=TODAY,
        )
    decision = record_decision(
        db,
        workshop_id,
        idea_id,
        DecisionOutcome.GO,
        DecisionLevel.COMMITTEE,
        TODAY,
        decided_by="Socialnämnden",
        reference="SN 2026-11-20 § 12",
        reasons="Pilot under våren.",
    )
    allocate(db, decision.id, "money", Decimal("125000.50"), "SEK", "Pilotmedel", "Eva Sjöberg", TODAY)
    add_entry(db, workshop_id, idea_id, FollowUpKind.CHECK_IN, TODAY, "Igång på två enheter.")


def built_file(folder: Path, recipe: Recipe) -> tuple[bytes, str]:
    """The bytes of a database file holding the recipe's workshop, and its id: build once, copy often."""
    from tests.app.voting_setup import fresh_database

    db = fresh_database(folder / "built.db")
    try:
        workshop_id = build(db, recipe)
    finally:
        db.close()  # the last connection folds the log into the file
    return (folder / "built.db").read_bytes(), workshop_id


def table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table in the file, sorted: to show that a refused import changed nothing."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        names = [
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        return {name: sorted(con.execute(f'SELECT * FROM "{name}"'), key=repr) for name in names}
