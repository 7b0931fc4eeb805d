"""What put an idea at its step along the ten: the record and its date, for the idea's own page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.idea_progress import latest_decisions
from app.records import fetch
from models.database import Database
from models.enums import FollowUpKind, IdeaStatus
from models.idea import Idea
from models.plan import Decision, DevelopmentPlan, FollowUpEntry, ResourceAllocation
from models.review import Analysis, Review
from models.voting import ShortlistEntry


@dataclass(frozen=True)
class StepReached:
    """An idea's step (its stored status) and the record behind it.

    ``on`` is when that record was made: a date, or a moment (UTC) for records without a date of
    their own. Only what the step has is set: the review's recommendation for reviewed and parked,
    the decision's number and outcome for decided and resourced, readiness for planned.
    """

    status: IdeaStatus
    on: date | datetime | None = None
    recommendation: str | None = None
    decision_number: int | None = None
    decision_outcome: str | None = None
    ready_for_decision: bool = False


def _latest_review(session: Session, idea_id: str) -> StepReached | None:
    row = session.execute(
        select(Review.completed_at, Review.recommendation)
        .where(Review.idea_id == idea_id, Review.deleted_at.is_(None), Review.completed_at.is_not(None))
        .order_by(Review.completed_at.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return StepReached(IdeaStatus.REVIEWED, on=row.completed_at, recommendation=row.recommendation)


def _decision(session: Session, idea: Idea, status: IdeaStatus) -> StepReached:
    latest = latest_decisions(session, idea.workshop_id, only=idea.id).get(idea.id)
    if latest is None:
        return StepReached(status)
    decision = session.get(Decision, latest[0])
    assert decision is not None
    on: date | datetime | None = decision.decided_on
    if status is IdeaStatus.RESOURCED:
        given = session.execute(
            select(func.max(ResourceAllocation.allocated_on), func.max(ResourceAllocation.created_at)).where(
                ResourceAllocation.decision_id == decision.id, ResourceAllocation.deleted_at.is_(None)
            )
        ).one()
        on = given[0] or given[1] or on
    return StepReached(status, on=on, decision_number=decision.number, decision_outcome=decision.outcome)


def _last_entry(session: Session, idea_id: str, status: IdeaStatus, *kinds: FollowUpKind) -> StepReached:
    on = session.scalar(
        select(func.max(FollowUpEntry.entry_on)).where(
            FollowUpEntry.idea_id == idea_id,
            FollowUpEntry.deleted_at.is_(None),
            FollowUpEntry.kind.in_([str(k) for k in kinds]),
        )
    )
    return StepReached(status, on=on)


def _reached(session: Session, idea: Idea) -> StepReached:
    status = IdeaStatus(idea.status)
    if status in (IdeaStatus.REVIEWED, IdeaStatus.PARKED):
        review = _latest_review(session, idea.id)
        return (
            StepReached(status) if review is None else StepReached(status, review.on, review.recommendation)
        )
    if status is IdeaStatus.SHORTLISTED:
        on = session.scalar(
            select(func.min(ShortlistEntry.created_at)).where(
                ShortlistEntry.idea_id == idea.id, ShortlistEntry.deleted_at.is_(None)
            )
        )
        return StepReached(status, on=on)
    if status is IdeaStatus.ANALYSED:
        return StepReached(
            status, on=session.scalar(select(Analysis.updated_at).where(Analysis.idea_id == idea.id))
        )
    if status is IdeaStatus.PLANNED:
        plan = session.execute(
            select(DevelopmentPlan.created_at, DevelopmentPlan.ready_for_decision).where(
                DevelopmentPlan.idea_id == idea.id, DevelopmentPlan.deleted_at.is_(None)
            )
        ).first()
        if plan is None:
            return StepReached(status)
        return StepReached(status, on=plan.created_at, ready_for_decision=plan.ready_for_decision)
    if status in (IdeaStatus.DECIDED, IdeaStatus.RESOURCED):
        return _decision(session, idea, status)
    if status is IdeaStatus.REALISING:
        return _last_entry(session, idea.id, status, FollowUpKind.CHECK_IN, FollowUpKind.SUPPORT)
    if status is IdeaStatus.REALISED:
        return _last_entry(session, idea.id, status, FollowUpKind.REALISATION)
    return StepReached(status)


def step_reached(db: Database, idea_id: str) -> StepReached:
    """The idea's step as it shows on the idea, and the record (with its date) that put it there."""
    with db.transaction() as session:
        return _reached(session, fetch(session, Idea, idea_id, allow_deleted=True))


def stored_statuses(db: Database, workshop_id: str) -> dict[str, IdeaStatus]:
    """Each live idea's status as stored on it: what the views show, read in one query."""
    with db.transaction() as session:
        rows = session.execute(
            select(Idea.id, Idea.status).where(Idea.workshop_id == workshop_id, Idea.deleted_at.is_(None))
        )
        return {idea_id: IdeaStatus(status) for idea_id, status in rows}
