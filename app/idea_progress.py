"""How far each idea has come along the 10 steps, read from the records, and the funnel.

An idea's status follows from what was recorded about it, never from a flag set by hand. This
is its one source: ``Idea.status`` is a stored copy, refreshed by ``follow_progress`` at the end
of every service that changes one of these records.

- a live backing: backed (step 3); on the live shortlist: shortlisted;
- a completed review: reviewed (step 4), or parked when its recommendation is to park;
- an analysis with a benefit (not only whitespace) and a cost (hours or money): analysed (step 5);
- a live (not deleted) development plan, ready for decision or not: planned (step 6);
- a live decision of any outcome: decided (step 7). A NO, a postponement or a decline in doubt
  stays "decided", not "parked": the decision record says which it was, and a later one may say GO;
- the idea's latest live decision is a GO with live resources on it: resourced (step 8); an older
  GO's resources do not count once a later decision says otherwise;
- the latest live decision is a GO and a live follow-up check-in or support entry: realising (step 9);
- a live realisation entry: realised (step 10).

The furthest step reached wins. "Parked" is the latest completed live review recommending park,
and only counts while the idea has gone no further than reviewed.
Each measure is one set-based query over a workshop (or all of them), so the cost does not grow
with the number of ideas asked about.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from app.followup_snapshots import Funnel
from app.steps import STEPS
from models.database import Database
from models.enums import DecisionOutcome, FollowUpKind, IdeaStatus, Recommendation
from models.idea import Backing, Idea
from models.plan import Decision, DevelopmentPlan, FollowUpEntry, ResourceAllocation
from models.review import Analysis, Review
from models.voting import ShortlistEntry
from models.workshop import Participant, Workshop

_RANK = {status: n for n, status in enumerate(STEPS)}


def _live_ideas(workshop_id: str | None, only: str | None = None) -> ColumnElement[bool]:
    """Live ideas of live workshops (one workshop's if given; ``only`` that idea if given)."""
    clause = Idea.deleted_at.is_(None) & Workshop.deleted_at.is_(None)
    if workshop_id is not None:
        clause = clause & (Idea.workshop_id == workshop_id)
    if only is not None:
        clause = clause & (Idea.id == only)
    return clause


def _ids(session: Session, query: Select[Any], workshop_id: str | None, only: str | None = None) -> set[str]:
    """The idea ids a query finds, among the live ideas asked about."""
    query = query.join(Idea, Idea.id == query.selected_columns[0]).join(
        Workshop, Workshop.id == Idea.workshop_id
    )
    return set(session.scalars(query.where(_live_ideas(workshop_id, only))))


def _live_plans() -> Select[str]:
    return select(DevelopmentPlan.idea_id).where(DevelopmentPlan.deleted_at.is_(None))


def latest_decisions(
    session: Session, workshop_id: str | None, only: str | None = None
) -> dict[str, tuple[str, str]]:
    """Each idea's latest live decision: idea id -> (decision id, outcome)."""
    rows = session.execute(
        select(Decision.idea_id, Decision.id, Decision.outcome)
        .join(Idea, Idea.id == Decision.idea_id)
        .join(Workshop, Workshop.id == Idea.workshop_id)
        .where(Decision.deleted_at.is_(None), _live_ideas(workshop_id, only))
        # An undated decision is one being written down now: the latest.
        .order_by(Decision.decided_on.is_(None), Decision.decided_on, Decision.number, Decision.created_at)
    )
    latest: dict[str, tuple[str, str]] = {}
    for idea_id, decision_id, outcome in rows:
        if idea_id is not None:
            latest[idea_id] = (decision_id, outcome)  # later rows overwrite earlier ones
    return latest


def _parked_by_review(
    session: Session, workshop_id: str | None, only: str | None = None
) -> tuple[set[str], set[str]]:
    """(reviewed, parked): ideas with a completed review, and those whose latest one says park."""
    rows = session.execute(
        select(Review.idea_id, Review.recommendation)
        .join(Idea, Idea.id == Review.idea_id)
        .join(Workshop, Workshop.id == Idea.workshop_id)
        .where(Review.deleted_at.is_(None), Review.completed_at.is_not(None), _live_ideas(workshop_id, only))
        .order_by(Review.completed_at)
    )
    latest: dict[str, str | None] = {}
    for idea_id, recommendation in rows:
        latest[idea_id] = recommendation
    return set(latest), {i for i, r in latest.items() if r == Recommendation.PARK}


def _entries(
    session: Session, workshop_id: str | None, *kinds: FollowUpKind, only: str | None = None
) -> set[str]:
    query = select(FollowUpEntry.idea_id).where(
        FollowUpEntry.deleted_at.is_(None), FollowUpEntry.kind.in_([str(k) for k in kinds])
    )
    return _ids(session, query, workshop_id, only)


def _analysed(session: Session, workshop_id: str | None, only: str | None = None) -> set[str]:
    """Ideas whose analysis weighs a benefit against a cost (as app.analysis.weighable)."""
    rows = session.execute(
        select(Analysis.idea_id, Analysis.benefit)
        .join(Idea, Idea.id == Analysis.idea_id)
        .join(Workshop, Workshop.id == Idea.workshop_id)
        .where(
            Analysis.cost_hours.is_not(None) | Analysis.cost_money.is_not(None),
            _live_ideas(workshop_id, only),
        )
    )
    # In Python: SQL's trim() strips only spaces, str.strip() every kind of whitespace.
    return {idea_id for idea_id, benefit in rows if benefit.strip()}


def _resourced(session: Session, decisions: dict[str, tuple[str, str]]) -> set[str]:
    """Ideas whose latest decision is a GO with live resources on that very decision."""
    go = {
        decision_id: idea_id
        for idea_id, (decision_id, outcome) in decisions.items()
        if outcome == DecisionOutcome.GO
    }
    given = session.scalars(
        select(ResourceAllocation.decision_id).where(
            ResourceAllocation.deleted_at.is_(None), ResourceAllocation.decision_id.in_(list(go))
        )
    )
    return {go[decision_id] for decision_id in given}


def _derive(session: Session, workshop_id: str | None, only: str | None = None) -> dict[str, IdeaStatus]:
    ideas = list(
        session.scalars(
            select(Idea.id)
            .join(Workshop, Workshop.id == Idea.workshop_id)
            .where(_live_ideas(workshop_id, only))
        )
    )
    decisions = latest_decisions(session, workshop_id, only)
    reviewed, parked = _parked_by_review(session, workshop_id, only)
    resourced = _resourced(session, decisions)
    go = {idea_id for idea_id, (_, outcome) in decisions.items() if outcome == DecisionOutcome.GO}
    reached: list[tuple[IdeaStatus, Iterable[str]]] = [
        (
            IdeaStatus.BACKED,
            _ids(session, select(Backing.idea_id).where(Backing.deleted_at.is_(None)), workshop_id, only),
        ),
        (
            IdeaStatus.SHORTLISTED,
            _ids(
                session,
                select(ShortlistEntry.idea_id).where(ShortlistEntry.deleted_at.is_(None)),
                workshop_id,
                only,
            ),
        ),
        (IdeaStatus.REVIEWED, reviewed),
        (IdeaStatus.ANALYSED, _analysed(session, workshop_id, only)),
        (IdeaStatus.PLANNED, _ids(session, _live_plans(), workshop_id, only)),
        (IdeaStatus.DECIDED, decisions),
        (IdeaStatus.RESOURCED, resourced),
        (
            IdeaStatus.REALISING,
            go & _entries(session, workshop_id, FollowUpKind.CHECK_IN, FollowUpKind.SUPPORT, only=only),
        ),
        (IdeaStatus.REALISED, _entries(session, workshop_id, FollowUpKind.REALISATION, only=only)),
    ]
    status = dict.fromkeys(ideas, IdeaStatus.PROPOSED)
    for step, idea_ids in reached:
        for idea_id in idea_ids:
            if idea_id in status and _RANK[step] > _RANK[status[idea_id]]:
                status[idea_id] = step
    for idea_id in parked:
        if idea_id in status and _RANK[status[idea_id]] <= _RANK[IdeaStatus.REVIEWED]:
            status[idea_id] = IdeaStatus.PARKED
    return status


def progress_in(session: Session, workshop_id: str | None) -> dict[str, IdeaStatus]:
    """``progress`` inside a caller's unit of work; ``None`` reads every live workshop."""
    return _derive(session, workshop_id)


def progress(db: Database, workshop_id: str) -> dict[str, IdeaStatus]:
    """Each live idea of the workshop -> its status along the 10 steps, from the records."""
    with db.transaction() as session:
        return _derive(session, workshop_id)


def follow_progress(session: Session, workshop_id: str, idea_id: str) -> None:
    """Store the derived status on the idea whose records changed, so the idea shows it.

    Every service that changes a record the derivation reads calls this at its end; a deleted
    idea keeps the status it had.
    """
    session.flush()
    derived = _derive(session, workshop_id, only=idea_id).get(idea_id)
    idea = session.get(Idea, idea_id)
    if derived is not None and idea is not None and idea.status != derived:
        idea.status = derived


def follow_idea(session: Session, idea_id: str | None) -> None:
    """``follow_progress`` for an idea known by its id alone (None: a decision on no idea)."""
    if idea_id is None:
        return
    session.flush()
    idea = session.get(Idea, idea_id)
    if idea is not None:
        follow_progress(session, idea.workshop_id, idea.id)


def _count_by_workshop(session: Session, query: Select[str, int]) -> dict[str, int]:
    return {workshop_id: int(count) for workshop_id, count in session.execute(query)}


def funnels(db: Database) -> dict[str, Funnel]:
    """Every live workshop's funnel, by workshop id."""
    with db.transaction() as session:
        return _funnels(session, None)


def funnel(db: Database, workshop_id: str | None = None) -> Funnel:
    """Participants, ideas, shortlisted, with a plan, GO and realised: one workshop's, or all (None)."""
    with db.transaction() as session:
        per_workshop = _funnels(session, workshop_id)
    if workshop_id is not None:
        return per_workshop.get(workshop_id, Funnel(workshop_id=workshop_id))
    total = Funnel(workshop_id=None)
    for one in per_workshop.values():
        total = total + one
    return total


def _funnels(session: Session, workshop_id: str | None) -> dict[str, Funnel]:
    live_workshops = select(Workshop.id).where(Workshop.deleted_at.is_(None))
    if workshop_id is not None:
        live_workshops = live_workshops.where(Workshop.id == workshop_id)
    workshop_ids = list(session.scalars(live_workshops))
    people = _count_by_workshop(
        session,
        select(Participant.workshop_id, func.count())
        .where(Participant.deleted_at.is_(None), Participant.workshop_id.in_(live_workshops))
        .group_by(Participant.workshop_id),
    )

    def ideas_with(query: Select[Any] | None) -> dict[str, int]:
        counted = select(Idea.workshop_id, func.count(Idea.id)).where(
            Idea.deleted_at.is_(None), Idea.workshop_id.in_(live_workshops)
        )
        if query is not None:
            counted = counted.where(Idea.id.in_(query))
        return _count_by_workshop(session, counted.group_by(Idea.workshop_id))

    ideas = ideas_with(None)
    shortlisted = ideas_with(select(ShortlistEntry.idea_id).where(ShortlistEntry.deleted_at.is_(None)))
    planned = ideas_with(_live_plans())
    realised = ideas_with(
        select(FollowUpEntry.idea_id).where(
            FollowUpEntry.deleted_at.is_(None), FollowUpEntry.kind == FollowUpKind.REALISATION
        )
    )
    go: dict[str, int] = defaultdict(int)
    idea_workshop = dict(
        session.execute(
            select(Idea.id, Idea.workshop_id)
            .join(Decision, Decision.idea_id == Idea.id)
            .join(Workshop, Workshop.id == Idea.workshop_id)
            .where(_live_ideas(workshop_id))
        ).all()
    )
    for idea_id, (_, outcome) in latest_decisions(session, workshop_id).items():
        if outcome == DecisionOutcome.GO:
            go[idea_workshop[idea_id]] += 1
    return {
        w: Funnel(
            workshop_id=w,
            participants=people.get(w, 0),
            ideas=ideas.get(w, 0),
            shortlisted=shortlisted.get(w, 0),
            with_plan=planned.get(w, 0),
            go=go.get(w, 0),
            realised=realised.get(w, 0),
        )
        for w in workshop_ids
    }
