"""Decisions (step 7), numbered § 1, § 2 ... per workshop, and the resources given on a GO (step 8).

The vote and the review are advisory: a decision may go against either, but then it says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import InvalidInput
from app.i18n import _
from app.idea_progress import follow_idea
from app.plan_snapshots import AllocationSnapshot, DecisionSnapshot
from app.records import fetch, fetch_idea_in
from app.text import clean_line, clean_text
from models.base import utcnow
from models.database import Database
from models.enums import (
    DecisionLevel,
    DecisionOutcome,
    Recommendation,
    ResourceKind,
)
from models.idea import Idea
from models.plan import Decision, ResourceAllocation
from models.review import Review
from models.voting import ShortlistEntry
from models.workshop import Workshop

#: Numeric(14, 2): twelve digits before the decimal point.
AMOUNT_LIMIT = Decimal(10) ** 12


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


def allocation_snapshot(row: ResourceAllocation) -> AllocationSnapshot:
    return AllocationSnapshot(
        id=row.id,
        decision_id=row.decision_id,
        kind=ResourceKind(row.kind),
        amount=row.amount,
        currency=row.currency,
        description=row.description,
        allocated_by=row.allocated_by,
        allocated_on=row.allocated_on,
        deleted=row.deleted_at is not None,
    )


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


def _against_the_vote(session: Session, workshop_id: str, idea_id: str) -> str | None:
    """A GO goes against the vote for an idea off the shortlist, or put on it by hand below the line."""
    live = session.scalars(
        select(ShortlistEntry).where(
            ShortlistEntry.workshop_id == workshop_id, ShortlistEntry.deleted_at.is_(None)
        )
    ).all()
    if not live:
        return None  # no shortlist, no vote to go against
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
    found = [_against_the_review(session, idea_id, outcome)]
    if outcome is DecisionOutcome.GO:
        found.insert(0, _against_the_vote(session, workshop_id, idea_id))
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
        last = session.scalar(select(func.max(Decision.number)).where(Decision.workshop_id == workshop.id))
        decision = Decision(workshop_id=workshop.id, idea_id=idea_id, number=1 if last is None else last + 1)
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
        if record.outcome is not DecisionOutcome.GO and _live_allocations(session, decision.id):
            raise InvalidInput(
                _("Resources were given on this GO: take them back before changing the outcome."), "outcome"
            )
        record.write(decision)
        follow_idea(session, decision.idea_id)
        return _snapshot(session, decision)


def delete_decision(db: Database, decision_id: str) -> DecisionSnapshot:
    """Soft delete: the § number stays taken, and the idea's status follows its other records."""
    with db.transaction() as session:
        decision = fetch(session, Decision, decision_id)
        decision.deleted_at = utcnow()
        follow_idea(session, decision.idea_id)
        return _snapshot(session, decision)


def restore_decision(db: Database, decision_id: str) -> DecisionSnapshot:
    with db.transaction() as session:
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


# Resources -----------------------------------------------------------------------------------


def _live_allocations(session: Session, decision_id: str) -> list[ResourceAllocation]:
    return list(
        session.scalars(
            select(ResourceAllocation)
            .where(ResourceAllocation.decision_id == decision_id, ResourceAllocation.deleted_at.is_(None))
            .order_by(ResourceAllocation.created_at, ResourceAllocation.id)
        )
    )


def _kind(value: ResourceKind | str) -> ResourceKind:
    try:
        return ResourceKind(value)
    except ValueError:
        raise InvalidInput(_("Choose money, hours or other support."), "kind") from None


def _amount(kind: ResourceKind, value: Decimal | int | None) -> Decimal | None:
    if value is None:
        if kind is ResourceKind.MONEY:
            raise InvalidInput(_("Write how much money is given."), "amount")
        if kind is ResourceKind.HOURS:
            raise InvalidInput(_("Write how many hours are given."), "amount")
        return None
    try:
        amount = Decimal(value)
        if not amount.is_finite():
            raise InvalidOperation
        amount = amount.quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise InvalidInput(_("Write the amount as a number."), "amount") from None
    if amount < 0:
        raise InvalidInput(_("The amount cannot be negative."), "amount")
    if amount >= AMOUNT_LIMIT:
        raise InvalidInput(_("The amount is too large."), "amount")
    return amount


def _currency(kind: ResourceKind, value: str) -> str:
    if kind is not ResourceKind.MONEY:
        return ""
    code = value.strip().upper() or "SEK"
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise InvalidInput(_("Write the currency as a three-letter code such as SEK or NOK."), "currency")
    return code


def allocate(
    db: Database,
    decision_id: str,
    kind: ResourceKind | str,
    amount: Decimal | int | None = None,
    currency: str = "",
    description: str = "",
    allocated_by: str = "",
    allocated_on: date | None = None,
) -> AllocationSnapshot:
    """Money (in a currency, SEK unless said), hours or other support on a GO; the idea becomes resourced."""
    checked = _kind(kind)
    checked_amount = _amount(checked, amount)
    code = _currency(checked, currency)
    description = clean_text(description, "description")
    allocated_by = clean_line(allocated_by, "allocated_by")
    if checked is ResourceKind.SUPPORT and checked_amount is None and not description.strip():
        raise InvalidInput(_("Describe the support given."), "description")
    with db.transaction() as session:
        decision = fetch(session, Decision, decision_id)
        if decision.outcome != DecisionOutcome.GO:
            raise InvalidInput(_("Resources are given only on a GO decision."), "decision_id")
        row = ResourceAllocation(
            decision_id=decision.id,
            kind=checked,
            amount=checked_amount,
            currency=code,
            description=description,
            allocated_by=allocated_by,
            allocated_on=allocated_on,
        )
        session.add(row)
        session.flush()
        follow_idea(session, decision.idea_id)
        return allocation_snapshot(row)


def remove_allocation(db: Database, allocation_id: str) -> AllocationSnapshot:
    with db.transaction() as session:
        row = fetch(session, ResourceAllocation, allocation_id)
        row.deleted_at = utcnow()
        decision = fetch(session, Decision, row.decision_id, allow_deleted=True)
        follow_idea(session, decision.idea_id)
        return allocation_snapshot(row)


def restore_allocation(db: Database, allocation_id: str) -> AllocationSnapshot:
    with db.transaction() as session:
        row = fetch(session, ResourceAllocation, allocation_id, allow_deleted=True)
        decision = fetch(session, Decision, row.decision_id)
        if decision.outcome != DecisionOutcome.GO:
            raise InvalidInput(_("Resources are given only on a GO decision."), "decision_id")
        row.deleted_at = None
        follow_idea(session, decision.idea_id)
        return allocation_snapshot(row)


def allocations(db: Database, decision_id: str) -> list[AllocationSnapshot]:
    """A decision's live resources, in the order given."""
    with db.transaction() as session:
        return [allocation_snapshot(r) for r in _live_allocations(session, decision_id)]
