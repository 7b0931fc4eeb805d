"""A workshop for the protocol tests, built through the services, with secrets the protocol must keep.

It holds a named participant who did not consent (their name must never be printed), an
anonymous idea, a revealed round with a tie settled by hand and a round that was closed but
never revealed (none of its counts may be printed), a review whose reviewer did not consent,
an analysis, two plans with actions, decisions § 1 and § 2, resources, follow-up and lessons.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.analysis import save_analysis
from app.backings import add_backing
from app.clusters import add_cluster
from app.decisions import allocate, record_decision
from app.followup import add_entry, add_lesson, set_follow_up_date, set_lessons_summary
from app.ideas import add_idea
from app.participants import add_participant, add_participants
from app.plans import add_action, create_plan, update_plan
from app.review import add_note, set_recommendation, start_review
from app.shortlist import make_shortlist
from app.voting import cast_ballot, close_round, create_round, open_round
from app.voting_results import reveal_round, settle_tie
from app.voting_snapshots import RoundSpec, Voter
from app.workshops import create_workshop
from models.database import Database, open_database
from models.enums import (
    ActionStatus,
    ActorCategory,
    DecisionLevel,
    DecisionOutcome,
    Eligibility,
    FollowUpKind,
    Origin,
    ResourceKind,
)

TODAY = date(2026, 11, 26)
HELD_ON = date(2026, 9, 14)
FOLLOW_UP_ON = date(2027, 2, 1)
CHALLENGE = (
    "Hur gör vi vardagen tryggare för dem som bor hemma med hemtjänst? ÄLDREOMSORG ÖVERALLT, også på sæteren."
)
TEMPLATE = "https://intranet.example.se/innovation/uppfoljning/{workshop_id}"
CONSENTED = "Åsa Ærø Øvergaard"
SECRET = "Hemligsdotter Wennerqvist"
SECRET_REVIEWER = "Granskarsson Tystnadsplikt"
ANONYMOUS_TITLE = "Anonym idé om nattbesök"
UNREVEALED_TITLE = "Röstning om sommarens prövning"
#: In the unrevealed round every one of the seven ballots puts its dot on one idea.
UNREVEALED_BALLOTS = 7


@dataclass(frozen=True)
class ProtocolWorkshop:
    db: Database
    workshop_id: str
    idea_ids: tuple[str, ...]
    plan_ids: tuple[str, ...]
    revealed_round_id: str
    unrevealed_round_id: str


def build(path: Path) -> ProtocolWorkshop:
    db = open_database(path)
    w = create_workshop(
        db,
        "Idéverkstad: Trygg hemma på Ærøskøbing gård",
        organisation="Sjöviks kommun",
        unit="Vård- och omsorgsförvaltningen",
        place="Medborgarhuset, Sjövik",
        organiser="Vård- och omsorgsnämnden",
        facilitator="Karin Lindqvist",
        case_number="VON 2026/0142",
        held_on=HELD_ON,
        challenge=CHALLENGE,
    )
    named = add_participant(
        db, w.id, display_name=CONSENTED, organisation="Hemtjänsten Norra", consent_to_be_named=True
    )
    secret = add_participant(db, w.id, display_name=SECRET, organisation="Biståndsenheten")
    reviewer = add_participant(
        db, w.id, display_name=SECRET_REVIEWER, role=ActorCategory.CITIZEN, origin=Origin.EXTERNAL
    )
    add_participants(db, w.id, 4, role=ActorCategory.CITIZEN, origin=Origin.EXTERNAL)
    theme = add_cluster(db, w.id, "Kontinuitet och bemötande")
    ideas = [
        add_idea(db, w.id, "Fast omsorgskontakt", text="Två namngivna medarbetare.", giver_ids=[named.id]),
        add_idea(db, w.id, "Veckoschema med foto", giver_ids=[secret.id], cluster_id=theme.id),
        add_idea(db, w.id, ANONYMOUS_TITLE, anonymous=True, cluster_id=theme.id),
        add_idea(db, w.id, "Kvarterssoppa", cluster_id=theme.id),
        add_idea(db, w.id, UNREVEALED_TITLE),
    ]
    ids = [i.id for i in ideas]
    add_backing(db, ids[0], "Tack! Precis vad brukarna bett om.", given_by="Eva Sjöberg")
    revealed = _revealed_round(db, w.id, ids)
    unrevealed = _unrevealed_round(db, w.id, ids[4])
    review = start_review(db, ids[0])
    add_note(db, review.id, "strength", "Brukarna slipper berätta sin historia igen.", reviewer.id)
    add_note(db, review.id, "risk", "Schemat blir tyngre.")
    set_recommendation(db, review.id, "proceed", "Tydligt behov och stöd i forskningen.")
    save_analysis(db, ids[0], benefit="Färre nya ansikten.", cost_hours="320", cost_money="180000")
    plans = [create_plan(db, ids[0], today=TODAY), create_plan(db, ids[1], today=TODAY)]
    update_plan(db, plans[0].id, today=TODAY, concept="Pilot i Norra.", responsible="Eva Sjöberg")
    add_action(
        db, plans[0].id, "Ta fram en rutin", owner="Amira Hassan", due_on=date(2026, 10, 1), today=TODAY
    )
    add_action(
        db,
        plans[0].id,
        "Utvärdera piloten",
        owner="Jonas Berg",
        due_on=date(2027, 1, 15),
        status=ActionStatus.IN_PROGRESS,
        today=TODAY,
    )
    add_action(db, plans[1].id, "Fotografera personalen", owner="Ola Berg", today=TODAY)
    go = record_decision(
        db, w.id, ids[0], DecisionOutcome.GO, DecisionLevel.COMMITTEE, date(2026, 10, 2),
        decided_by="Vård- och omsorgsnämnden", reference="VON 2026-10-02 § 27",
    )  # fmt: skip
    record_decision(
        db, w.id, ids[1], DecisionOutcome.POSTPONED, DecisionLevel.UNIT_MANAGER, date(2026, 10, 2),
        reasons="Väntar på samtycke från brukarna.",
    )  # fmt: skip
    allocate(db, go.id, ResourceKind.MONEY, "180000", "SEK", "Utvecklingsmedel", "Eva Sjöberg")
    add_entry(
        db, w.id, ids[0], FollowUpKind.CHECK_IN, date(2026, 11, 6), "Rutinen är klar.", status="enligt plan"
    )
    set_follow_up_date(db, w.id, FOLLOW_UP_ON)
    set_lessons_summary(db, w.id, "Bjud in schemaläggarna från början.")
    add_lesson(db, w.id, date(2026, 11, 6), "Frånvaron syns först i schemat.")
    return ProtocolWorkshop(db, w.id, tuple(ids), tuple(p.id for p in plans), revealed, unrevealed)


def _revealed_round(db: Database, workshop_id: str, ids: list[str]) -> str:
    """Round 1: idea 1 first, ideas 2 and 3 tied at the line of two, settled by hand."""
    spec = RoundSpec(dots=2, voters_expected=5, title="Vilka idéer går vidare?")
    round_id = open_round(db, create_round(db, workshop_id, spec).id).id
    ballots = [(ids[0], ids[1]), (ids[0], ids[2]), (ids[0], ids[3]), (ids[1], ids[2])]
    for number, ballot in enumerate(ballots, start=1):
        cast_ballot(db, round_id, Voter(number=number), dict.fromkeys(ballot, 1))
    close_round(db, round_id)
    reveal_round(db, round_id)
    settle_tie(db, round_id, 2, [ids[1], ids[2]], "Gruppen valde den som kan prövas först.")
    make_shortlist(db, round_id, size=2)
    return round_id


def _unrevealed_round(db: Database, workshop_id: str, idea_id: str) -> str:
    spec = RoundSpec(
        dots=1, eligibility=Eligibility.LIST, idea_ids=(idea_id,), voters_expected=UNREVEALED_BALLOTS,
        title=UNREVEALED_TITLE,
    )  # fmt: skip
    round_id = open_round(db, create_round(db, workshop_id, spec).id).id
    for number in range(1, UNREVEALED_BALLOTS + 1):
        cast_ballot(db, round_id, Voter(number=number), {idea_id: 1})
    close_round(db, round_id)
    return round_id
