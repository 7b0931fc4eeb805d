"""The follow-up overview across workshops: open actions, plans with their decision, follow-up dates.

A handful of set-based queries whatever the number of workshops; the view narrows the result in
memory (``filter_overview``) while the user types.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.followup_snapshots import (
    DecisionLine,
    FollowUpOverview,
    OpenAction,
    PlanLine,
    ResourcesGiven,
    WorkshopFollowUp,
)
from app.idea_progress import progress_in
from models.database import Database
from models.enums import ActionStatus, DecisionOutcome, ResourceKind
from models.idea import Idea
from models.plan import Action, Decision, DevelopmentPlan, FollowUpEntry, ResourceAllocation
from models.workshop import Workshop

#: Actions that need nothing more: they leave the list of open actions.
CLOSED_ACTIONS = (ActionStatus.DONE, ActionStatus.HANDED_OVER, ActionStatus.NOT_POSSIBLE)


def _fold(*parts: str) -> str:
    return "\n".join(parts).casefold()


def _day(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


def _open_actions(session: Session, today: date, workshop_id: str | None) -> list[OpenAction]:
    query = (
        select(
            Action.id,
            Idea.workshop_id,
            Workshop.title,
            Workshop.held_on,
            DevelopmentPlan.idea_id,
            Idea.title,
            Action.title,
            Action.owner,
            Action.due_on,
            Action.status,
        )
        .join(DevelopmentPlan, DevelopmentPlan.id == Action.plan_id)
        .join(Idea, Idea.id == DevelopmentPlan.idea_id)
        .join(Workshop, Workshop.id == Idea.workshop_id)
        .where(
            Action.deleted_at.is_(None),
            DevelopmentPlan.deleted_at.is_(None),
            Action.status.not_in([str(s) for s in CLOSED_ACTIONS]),
            Idea.deleted_at.is_(None),
            Workshop.deleted_at.is_(None),
        )
        .order_by(Action.due_on.is_(None), Action.due_on, Workshop.title, Idea.title, Action.position)
    )
    if workshop_id is not None:
        query = query.where(Idea.workshop_id == workshop_id)
    return [
        OpenAction(
            id=action_id,
            workshop_id=w_id,
            workshop_title=w_title,
            workshop_held_on=held_on,
            idea_id=idea_id,
            plan_title=plan_title,
            title=title,
            owner=owner,
            due_on=due_on,
            status=ActionStatus(status),
            overdue=due_on is not None and due_on < today,
            haystack=_fold(title, owner, plan_title, w_title, _day(held_on)),
        )
        for (
            action_id, w_id, w_title, held_on, idea_id, plan_title, title, owner, due_on, status
        ) in session.execute(query)
    ]  # fmt: skip


def _decisions(session: Session, workshop_id: str | None) -> dict[str, DecisionLine]:
    """Each idea's latest live decision (the highest § number)."""
    query = (
        select(Decision.idea_id, Decision.number, Decision.outcome, Decision.reference, Decision.decided_on)
        .join(Workshop, Workshop.id == Decision.workshop_id)
        .where(Decision.deleted_at.is_(None), Decision.idea_id.is_not(None), Workshop.deleted_at.is_(None))
        .order_by(Decision.number)
    )
    if workshop_id is not None:
        query = query.where(Decision.workshop_id == workshop_id)
    return {
        str(idea_id): DecisionLine(number, DecisionOutcome(outcome), reference, decided_on)
        for idea_id, number, outcome, reference, decided_on in session.execute(query)
    }


def _resources(session: Session, workshop_id: str | None) -> dict[str, ResourcesGiven]:
    """The resources given on each idea's live decisions, summed (in Python: exact decimals)."""
    query = (
        select(
            Decision.idea_id, ResourceAllocation.kind, ResourceAllocation.currency, ResourceAllocation.amount
        )
        .join(Decision, Decision.id == ResourceAllocation.decision_id)
        .where(
            ResourceAllocation.deleted_at.is_(None),
            Decision.deleted_at.is_(None),
            Decision.idea_id.is_not(None),
        )
    )
    if workshop_id is not None:
        query = query.where(Decision.workshop_id == workshop_id)
    money: dict[str, dict[str, Decimal]] = {}
    hours: dict[str, Decimal] = {}
    support: Counter[str] = Counter()
    for idea_id, kind, currency, amount in session.execute(query):
        idea = str(idea_id)
        if kind == ResourceKind.MONEY and amount is not None:
            sums = money.setdefault(idea, {})
            sums[currency] = sums.get(currency, Decimal(0)) + amount
        elif kind == ResourceKind.HOURS and amount is not None:
            hours[idea] = hours.get(idea, Decimal(0)) + amount
        elif kind == ResourceKind.SUPPORT:
            support[idea] += 1
    return {
        idea: ResourcesGiven(
            tuple(sorted(money.get(idea, {}).items())), hours.get(idea, Decimal(0)), support[idea]
        )
        for idea in {*money, *hours, *support}
    }


def _plans(session: Session, workshop_id: str | None, actions: Sequence[OpenAction]) -> list[PlanLine]:
    statuses = progress_in(session, workshop_id)
    open_count = Counter(a.idea_id for a in actions)
    last_entry = select(FollowUpEntry.idea_id, func.max(FollowUpEntry.entry_on)).where(
        FollowUpEntry.deleted_at.is_(None), FollowUpEntry.idea_id.is_not(None)
    )
    query = (
        select(
            DevelopmentPlan.idea_id,
            Idea.workshop_id,
            Workshop.title,
            Workshop.held_on,
            Idea.title,
            DevelopmentPlan.responsible,
        )
        .join(Idea, Idea.id == DevelopmentPlan.idea_id)
        .join(Workshop, Workshop.id == Idea.workshop_id)
        .where(DevelopmentPlan.deleted_at.is_(None), Idea.deleted_at.is_(None), Workshop.deleted_at.is_(None))
        .order_by(Workshop.title, Idea.title)
    )
    if workshop_id is not None:
        query = query.where(Idea.workshop_id == workshop_id)
        last_entry = last_entry.where(FollowUpEntry.workshop_id == workshop_id)
    last = dict(session.execute(last_entry.group_by(FollowUpEntry.idea_id)).all())
    decisions = _decisions(session, workshop_id)
    resources = _resources(session, workshop_id)
    lines = []
    for idea_id, w_id, w_title, held_on, title, responsible in session.execute(query):
        decision = decisions.get(idea_id)
        lines.append(
            PlanLine(
                idea_id=idea_id,
                workshop_id=w_id,
                workshop_title=w_title,
                workshop_held_on=held_on,
                title=title,
                responsible=responsible,
                status=statuses[idea_id],
                open_actions=open_count[idea_id],
                last_entry_on=last.get(idea_id),
                decision=decision,
                resources=resources.get(idea_id, ResourcesGiven()),
                haystack=_fold(
                    title, responsible, w_title, _day(held_on), decision.reference if decision else ""
                ),
            )
        )
    return lines


def _workshops(session: Session, today: date, workshop_id: str | None) -> list[WorkshopFollowUp]:
    query = (
        select(Workshop.id, Workshop.title, Workshop.held_on, Workshop.follow_up_on)
        .where(Workshop.deleted_at.is_(None))
        .order_by(Workshop.follow_up_on.is_(None), Workshop.follow_up_on, Workshop.title)
    )
    if workshop_id is not None:
        query = query.where(Workshop.id == workshop_id)
    return [
        WorkshopFollowUp(
            id=w_id,
            title=title,
            held_on=held_on,
            follow_up_on=follow_up_on,
            due=follow_up_on is not None and follow_up_on <= today,
            haystack=_fold(title, _day(held_on)),
        )
        for w_id, title, held_on, follow_up_on in session.execute(query)
    ]


def overview(
    db: Database, today: date, *, search: str = "", workshop_id: str | None = None
) -> FollowUpOverview:
    """The follow-up across all workshops (or one): open actions by due date, overdue ones marked
    against ``today``; the plans with their status; each workshop's next follow-up date.

    A handful of set-based queries whatever the number of workshops; ``search`` is applied to
    the result as ``filter_overview`` does.
    """
    with db.transaction() as session:
        actions = _open_actions(session, today, workshop_id)
        whole = FollowUpOverview(
            today=today,
            search="",
            workshop_id=workshop_id,
            actions=tuple(actions),
            plans=tuple(_plans(session, workshop_id, actions)),
            workshops=tuple(_workshops(session, today, workshop_id)),
        )
    return filter_overview(whole, search) if search.strip() else whole


def filter_overview(
    overview: FollowUpOverview, search: str = "", workshop_id: str | None = None
) -> FollowUpOverview:
    """The overview narrowed in memory, without the database: to one workshop and/or to a text.

    The text matches an action's title or owner, a plan's title or responsible, and a workshop's
    title, ignoring case; a workshop stays while it or anything of it matches.
    """
    needle = search.strip().casefold()
    scope = workshop_id if workshop_id is not None else overview.workshop_id

    def keep(item_workshop: str, haystack: str) -> bool:
        return (scope is None or item_workshop == scope) and needle in haystack

    actions = tuple(a for a in overview.actions if keep(a.workshop_id, a.haystack))
    plans = tuple(p for p in overview.plans if keep(p.workshop_id, p.haystack))
    touched = {a.workshop_id for a in actions} | {p.workshop_id for p in plans}
    workshops = tuple(
        w
        for w in overview.workshops
        if (scope is None or w.id == scope) and (needle in w.haystack or w.id in touched)
    )
    return FollowUpOverview(
        today=overview.today,
        search=search.strip(),
        workshop_id=scope,
        actions=actions,
        plans=plans,
        workshops=workshops,
    )
