"""Decisions (step 7), numbered § 1, § 2 ... per workshop; the resources on a GO are app.decision_resources.

The vote and the review are advisory: a decision may go against either, but then it says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.analysis import ready_problems_in

# The resources given on a GO live in app.decision_resources; their services are named here too.
from app.decision_resources import allocate as allocate
from app.decision_resources import allocations as allocations
from app.decision_resources import live_allocations
from app.decision_resources import remove_allocation as remove_allocation
from app.decision_resources import restore_allocation as restore_allocation
from app.decision_resources import update_allocation as update_allocation
from app.errors import InvalidInput, NotFound
from app.i18n import _
from app.idea_progress import follow_idea
from app.plan_snapshots import DecisionSnapshot
from app.plans import _plan_problems as plan_problems
from app.records import fetch, fetch_idea_in
from app.text import clean_line, clean_text
from app.voting_results import cut_view_in
from models.base import utcnow
from models.database import Database
from models.enums import (
    DecisionLevel,
    DecisionOutcome,
    Recommendation,
    RoundState,
)
from models.idea import Idea
from models.plan import Decision, DevelopmentPlan, ResourceAllocation
from models.review import Review
from models.voting import ShortlistEntry, VotingRound
from models.workshop import Workshop


def decision_snapshot(decision: Decision, idea_title: str) -> DecisionSnapshot:
    return DecisionSnapshot(
        id=decision.id,
        workshop_id=decision.workshop_id,
        idea_id=decision.idea_id,
        idea_title=idea_title,
        number=decision.number,
        outcome=DecisionOutcome(decision.outcome),
        level=DecisionLevel(decision.level),
        decided_by=decision.decided_by,
        decided_on=decision.decided_on,
        reference=decision.reference,
        reasons=decision.reasons,
        lessons_capture=decision.lessons_capture,
        created_at=decision.created_at,
        deleted=decision.deleted_at is not None,
    )


def _snapshot(session: Session, decision: Decision) -> DecisionSnapshot:
    session.flush()
    title = ""
    if decision.idea_id is not None:
        title = fetch(session, Idea, decision.idea_id, allow_deleted=True).title
    return decision_snapshot(decision, title)


# Checks --------------------------------------------------------------------------------------


def _outcome(value: DecisionOutcome | str | None) -> DecisionOutcome:
    if value is None or value == "":
        raise InvalidInput(_("Choose the outcome of the decision: GO, no, postponed or declined."), "outcome")
    try:
        return DecisionOutcome(value)
    except ValueError:
        raise InvalidInput(_("Choose one of the listed outcomes."), "outcome") from None


def _level(value: DecisionLevel | str) -> DecisionLevel:
    try:
        return DecisionLevel(value)
    except ValueError:
        raise InvalidInput(_("Choose one of the listed levels."), "level") from None


def _date(value: date | None) -> date:
    if value is None:
        raise InvalidInput(_("Write the date of the decision."), "decided_on")
    return value


def _top_of_the_vote(session: Session, live: Sequence[ShortlistEntry], idea_id: str) -> bool:
    """The idea holds the first place (alone or shared) in a round the shortlist was made from."""
    for round_id in dict.fromkeys(e.round_id for e in live if e.round_id is not None):
        row = session.get(VotingRound, round_id)
        if row is None or row.state != RoundState.REVEALED:
            continue
        top = cut_view_in(session, row, 1)
        if idea_id in top.going_on or idea_id in top.tied:
            return True
    return False


def _against_the_vote(
    session: Session, workshop_id: str, idea_id: str, outcome: DecisionOutcome
) -> str | None:
    """A GO goes against the vote for an idea off the shortlist, or put on it by hand below the line;
    any other outcome goes against it for the idea the vote ranked first."""
    live = session.scalars(
        select(ShortlistEntry).where(
            ShortlistEntry.workshop_id == workshop_id, ShortlistEntry.deleted_at.is_(None)
        )
    ).all()
    if not any(e.round_id is not None for e in live):
        return None  # no shortlist made from a vote: no vote to go against
    if outcome is not DecisionOutcome.GO:
        if _top_of_the_vote(session, live, idea_id):
            return _("The vote ranked this idea first.")
        return None
    entry = next((e for e in live if e.idea_id == idea_id), None)
    if entry is None:
        return _("The vote did not put this idea on the shortlist.")
    if entry.round_id is None:
        return _("This idea was put on the shortlist by hand, below the vote's line.")
    return None


def _latest_review(session: Session, idea_id: str) -> Review | None:
    return session.scalar(
        select(Review)
        .where(Review.idea_id == idea_id, Review.deleted_at.is_(None), Review.completed_at.is_not(None))
        .order_by(Review.completed_at.desc())
        .limit(1)
    )


def _against_the_review(session: Session, idea_id: str, outcome: DecisionOutcome) -> str | None:
    review = _latest_review(session, idea_id)
    recommendation = None if review is None else review.recommendation
    if outcome is DecisionOutcome.GO and recommendation == Recommendation.PARK:
        return _("The critical review recommended parking this idea.")
    if outcome is DecisionOutcome.GO and recommendation == Recommendation.REWORK:
        return _("The critical review recommended reworking this idea.")
    if outcome is DecisionOutcome.NO and recommendation == Recommendation.PROCEED:
        return _("The critical review recommended going ahead with this idea.")
    return None


def _why_reasons_are_needed(
    session: Session, workshop_id: str, idea_id: str | None, outcome: DecisionOutcome
) -> list[str]:
    if idea_id is None:
        return []
    found = [
        _against_the_vote(session, workshop_id, idea_id, outcome),
        _against_the_review(session, idea_id, outcome),
    ]
    return [why for why in found if why is not None]


def reasons_needed(
    db: Database, workshop_id: str, idea_id: str | None, outcome: DecisionOutcome | str
) -> tuple[str, ...]:
    """Why this decision must give its reasons (empty when it need not), for the screen to say beforehand."""
    checked = _outcome(outcome)
    with db.transaction() as session:
        return tuple(_why_reasons_are_needed(session, workshop_id, idea_id, checked))


def _check_reasons(
    session: Session, workshop_id: str, idea_id: str | None, outcome: DecisionOutcome, reasons: str
) -> None:
    why = _why_reasons_are_needed(session, workshop_id, idea_id, outcome)
    if why and not reasons.strip():
        message = _("{why} Write the reasons for the decision.").format(why=" ".join(why))
        raise InvalidInput(message, "reasons")


def _idea_in(session: Session, workshop_id: str, idea_id: str | None) -> Idea | None:
    if idea_id is None:
        return None
    return fetch_idea_in(session, workshop_id, idea_id)


# Decisions -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Record:
    """What a decision says, checked and cleaned as the user typed it."""

    outcome: DecisionOutcome
    level: DecisionLevel
    decided_on: date
    decided_by: str
    reference: str
    reasons: str
    lessons_capture: str

    @classmethod
    def checked(
        cls,
        outcome: DecisionOutcome | str | None,
        level: DecisionLevel | str,
        decided_on: date | None,
        decided_by: str,
        reference: str,
        reasons: str,
        lessons_capture: str,
    ) -> _Record:
        return cls(
            outcome=_outcome(outcome),  # checked in this order: the first refusal is the one said
            decided_on=_date(decided_on),
            level=_level(level),
            decided_by=clean_line(decided_by, "decided_by"),
            reference=clean_line(reference, "reference", limit=200),
            reasons=clean_text(reasons, "reasons"),
            lessons_capture=clean_text(lessons_capture, "lessons_capture"),
        )

    def write(self, decision: Decision) -> None:
        decision.outcome = self.outcome
        decision.level = self.level
        decision.decided_on = self.decided_on
        decision.decided_by = self.decided_by
        decision.reference = self.reference
        decision.reasons = self.reasons
        decision.lessons_capture = self.lessons_capture


def _next_number(session: Session, workshop_id: str) -> int:
    """One more than the highest § of the live decisions.

    A number freed by taking back the latest decisions is given again, and the deleted decision
    that held it goes for good with its resources (the database gives a number only once); a
    deleted § below a live one stays taken, so the others keep their numbers.
    """
    live = Decision.workshop_id == workshop_id, Decision.deleted_at.is_(None)
    last = session.scalar(select(func.max(Decision.number)).where(*live))
    number = 1 if last is None else last + 1
    held = session.scalar(
        select(Decision).where(Decision.workshop_id == workshop_id, Decision.number == number)
    )
    if held is not None:
        session.execute(delete(ResourceAllocation).where(ResourceAllocation.decision_id == held.id))
        session.delete(held)
        session.flush()
    return number


def record_decision(
    db: Database,
    workshop_id: str,
    idea_id: str | None,
    outcome: DecisionOutcome | str | None,
    level: DecisionLevel | str,
    decided_on: date | None,
    decided_by: str = "",
    reference: str = "",
    reasons: str = "",
    lessons_capture: str = "",
) -> DecisionSnapshot:
    """A decision, numbered § n in the order taken in the workshop; the idea becomes decided.

    Reasons are required when the decision goes against the vote or the review's recommendation.
    """
    record = _Record.checked(outcome, level, decided_on, decided_by, reference, reasons, lessons_capture)
    with db.transaction() as session:
        workshop = fetch(session, Workshop, workshop_id)
        _idea_in(session, workshop.id, idea_id)
        _check_reasons(session, workshop.id, idea_id, record.outcome, record.reasons)
        number = _next_number(session, workshop.id)
        decision = Decision(workshop_id=workshop.id, idea_id=idea_id, number=number)
        record.write(decision)
        session.add(decision)
        follow_idea(session, idea_id)
        return _snapshot(session, decision)


def update_decision(
    db: Database,
    decision_id: str,
    outcome: DecisionOutcome | str | None,
    level: DecisionLevel | str,
    decided_on: date | None,
    decided_by: str = "",
    reference: str = "",
    reasons: str = "",
    lessons_capture: str = "",
) -> DecisionSnapshot:
    """Correct a decision's record; its number and idea stay. Checked as when it was recorded."""
    record = _Record.checked(outcome, level, decided_on, decided_by, reference, reasons, lessons_capture)
    with db.transaction() as session:
        decision = fetch(session, Decision, decision_id)
        _check_reasons(session, decision.workshop_id, decision.idea_id, record.outcome, record.reasons)
        if record.outcome is not DecisionOutcome.GO and live_allocations(session, decision.id):
            raise InvalidInput(
                _("Resources were given on this GO: take them back before changing the outcome."), "outcome"
            )
        record.write(decision)
        follow_idea(session, decision.idea_id)
        return _snapshot(session, decision)


def delete_decision(db: Database, decision_id: str) -> DecisionSnapshot:
    """Soft delete: the idea's status follows its other records.

    The § number stays taken until a new decision is given it (see ``_next_number``).
    """
    with db.transaction() as session:
        decision = fetch(session, Decision, decision_id)
        decision.deleted_at = utcnow()
        follow_idea(session, decision.idea_id)
        return _snapshot(session, decision)


def restore_decision(db: Database, decision_id: str, number: int | None = None) -> DecisionSnapshot:
    """Bring a deleted decision back; refused when its § ``number`` has since been given to another one."""
    with db.transaction() as session:
        if number is not None and session.get(Decision, decision_id) is None:
            raise NotFound(_("§ {number} has since been given to another decision.").format(number=number))
        decision = fetch(session, Decision, decision_id, allow_deleted=True)
        decision.deleted_at = None
        follow_idea(session, decision.idea_id)
        return _snapshot(session, decision)


def get_decision(db: Database, decision_id: str) -> DecisionSnapshot:
    with db.transaction() as session:
        return _snapshot(session, fetch(session, Decision, decision_id))


def list_decisions(db: Database, workshop_id: str) -> list[DecisionSnapshot]:
    """The workshop's live decisions by § number."""
    with db.transaction() as session:
        rows = session.execute(
            select(Decision, Idea.title)
            .outerjoin(Idea, Idea.id == Decision.idea_id)
            .where(Decision.workshop_id == workshop_id, Decision.deleted_at.is_(None))
            .order_by(Decision.number)
        )
        return [decision_snapshot(d, title or "") for d, title in rows]


# What the screen shows beside an idea before deciding ----------------------------------------


@dataclass(frozen=True)
class PlanReadiness:
    """Whether an idea's development plan is ready for a decision, and if not, what is missing."""

    has_plan: bool
    ready: bool
    missing: tuple[str, ...]


def plan_readiness(db: Database, idea_id: str) -> PlanReadiness:
    """The plan's state for the decision: marked ready, or each thing still missing to mark it."""
    with db.transaction() as session:
        plan = session.scalar(
            select(DevelopmentPlan).where(
                DevelopmentPlan.idea_id == idea_id, DevelopmentPlan.deleted_at.is_(None)
            )
        )
        if plan is None:
            return PlanReadiness(has_plan=False, ready=False, missing=())
        if plan.ready_for_decision:
            return PlanReadiness(has_plan=True, ready=True, missing=())
        missing = (*ready_problems_in(session, idea_id), *plan_problems(plan))
        return PlanReadiness(has_plan=True, ready=False, missing=missing)
