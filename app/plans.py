"""Development plans (step 6): the sharpened proposal for an idea and its actions (insatser).

Every service that returns actions takes ``today`` from its caller, so that what is
overdue is decided by the caller's calendar and tests never depend on the clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import Enum

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.analysis import ready_problems_in
from app.errors import InvalidInput, UserError
from app.i18n import _
from app.idea_progress import follow_idea
from app.plan_snapshots import ActionSnapshot, PlanSnapshot, is_overdue
from app.records import fetch, next_position
from app.text import clean_line, clean_text, clean_title
from models.base import utcnow
from models.database import Database
from models.enums import ActionStatus
from models.idea import Idea
from models.plan import Action, DevelopmentPlan

#: The plan's texts: one-line fields (a name) and longer ones, each cleaned by its kind.
LINE_FIELDS = ("responsible", "risk_bearer")
TEXT_FIELDS = ("concept", "factors", "mandate", "pilot_plan", "user_involvement", "operations_handover")


class Keep(Enum):
    """Leave a field as it is (where None would mean "clear it")."""

    KEEP = 0


KEEP = Keep.KEEP


class NotReady(UserError):
    """The plan cannot go to a decision yet; ``problems`` says each thing that is missing."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = tuple(problems)


def action_snapshot(action: Action, today: date) -> ActionSnapshot:
    status = ActionStatus(action.status)
    return ActionSnapshot(
        id=action.id,
        plan_id=action.plan_id,
        position=action.position,
        title=action.title,
        owner=action.owner,
        due_on=action.due_on,
        status=status,
        followed_up_within=action.followed_up_within,
        overdue=action.deleted_at is None and is_overdue(action.due_on, status, today),
        deleted=action.deleted_at is not None,
    )


def _live_actions(plan: DevelopmentPlan) -> list[Action]:
    return [a for a in plan.actions if a.deleted_at is None]


def plan_snapshot(plan: DevelopmentPlan, idea_title: str, today: date) -> PlanSnapshot:
    return PlanSnapshot(
        id=plan.id,
        idea_id=plan.idea_id,
        idea_title=idea_title,
        concept=plan.concept,
        factors=plan.factors,
        responsible=plan.responsible,
        mandate=plan.mandate,
        risk_bearer=plan.risk_bearer,
        pilot_plan=plan.pilot_plan,
        user_involvement=plan.user_involvement,
        operations_handover=plan.operations_handover,
        ready_for_decision=plan.ready_for_decision,
        deleted=plan.deleted_at is not None,
        actions=tuple(action_snapshot(a, today) for a in _live_actions(plan)),
    )


def _snapshot(session: Session, plan: DevelopmentPlan, today: date) -> PlanSnapshot:
    session.flush()
    session.refresh(plan, ["actions"])
    idea = fetch(session, Idea, plan.idea_id, allow_deleted=True)
    return plan_snapshot(plan, idea.title, today)


def _live_plan_of(session: Session, idea_id: str) -> DevelopmentPlan | None:
    return session.scalar(
        select(DevelopmentPlan).where(
            DevelopmentPlan.idea_id == idea_id, DevelopmentPlan.deleted_at.is_(None)
        )
    )


def _already_planned() -> InvalidInput:
    return InvalidInput(_("This idea already has a development plan."), "idea_id")


def create_plan(db: Database, idea_id: str, *, today: date) -> PlanSnapshot:
    """An empty development plan for an idea; an idea has one plan at a time."""
    with db.transaction() as session:
        idea = fetch(session, Idea, idea_id)
        if _live_plan_of(session, idea.id) is not None:
            raise _already_planned()
        plan = DevelopmentPlan(idea_id=idea.id)
        session.add(plan)
        follow_idea(session, idea.id)
        return _snapshot(session, plan, today)


def get_plan(db: Database, plan_id: str, *, today: date) -> PlanSnapshot:
    with db.transaction() as session:
        return _snapshot(session, fetch(session, DevelopmentPlan, plan_id), today)


def plan_for_idea(db: Database, idea_id: str, *, today: date) -> PlanSnapshot | None:
    """The idea's plan, or None if it has none (or only a deleted one)."""
    with db.transaction() as session:
        plan = _live_plan_of(session, idea_id)
        return None if plan is None else _snapshot(session, plan, today)


def list_plans(db: Database, workshop_id: str, *, today: date) -> list[PlanSnapshot]:
    """The live plans of the workshop's live ideas, in the ideas' board order (for the protocol)."""
    with db.transaction() as session:
        rows = session.execute(
            select(DevelopmentPlan, Idea.title)
            .join(Idea, Idea.id == DevelopmentPlan.idea_id)
            .where(
                Idea.workshop_id == workshop_id,
                Idea.deleted_at.is_(None),
                DevelopmentPlan.deleted_at.is_(None),
            )
            .order_by(Idea.position, Idea.created_at)
            .options(selectinload(DevelopmentPlan.actions))
        )
        return [plan_snapshot(plan, title, today) for plan, title in rows]


def _clean_fields(fields: dict[str, str]) -> dict[str, str]:
    cleaned: dict[str, str] = {}
    for name, value in fields.items():
        if name in LINE_FIELDS:
            cleaned[name] = clean_line(value, name)
        elif name in TEXT_FIELDS:
            cleaned[name] = clean_text(value, name)
        else:
            raise TypeError(f"a development plan has no field {name!r}")
    return cleaned


def update_plan(db: Database, plan_id: str, *, today: date, **fields: str) -> PlanSnapshot:
    """Change some of the plan's texts; all are checked before any is written."""
    cleaned = _clean_fields(fields)
    with db.transaction() as session:
        plan = fetch(session, DevelopmentPlan, plan_id)
        for name, value in cleaned.items():
            setattr(plan, name, value)
        return _snapshot(session, plan, today)


def delete_plan(db: Database, plan_id: str, *, today: date) -> PlanSnapshot:
    """Soft delete with its actions kept, so that restoring it brings everything back.

    The snapshot's ``action_count`` lets the screen ask first when there is work in it.
    """
    with db.transaction() as session:
        plan = fetch(session, DevelopmentPlan, plan_id)
        plan.deleted_at = utcnow()
        follow_idea(session, plan.idea_id)
        return _snapshot(session, plan, today)


def restore_plan(db: Database, plan_id: str, *, today: date) -> PlanSnapshot:
    with db.transaction() as session:
        plan = fetch(session, DevelopmentPlan, plan_id, allow_deleted=True)
        if plan.deleted_at is not None:
            if _live_plan_of(session, plan.idea_id) is not None:
                raise _already_planned()
            fetch(session, Idea, plan.idea_id)  # the idea itself must still be there
            plan.deleted_at = None
            follow_idea(session, plan.idea_id)
        return _snapshot(session, plan, today)


def _plan_problems(plan: DevelopmentPlan) -> list[str]:
    problems = []
    if not plan.concept.strip():
        problems.append(_("Describe the concept of the plan."))
    if not plan.responsible.strip():
        problems.append(_("Name who is responsible for the plan."))
    return problems


def mark_ready_for_decision(db: Database, plan_id: str, *, today: date) -> PlanSnapshot:
    """The plan goes to a decision; refused with every reason while something is missing.

    The reasons are the analysis's (benefit and cost) and the plan's own (concept, who is
    responsible). The idea is planned already: its plan exists.
    """
    with db.transaction() as session:
        row = fetch(session, DevelopmentPlan, plan_id)
        problems = [*ready_problems_in(session, row.idea_id), *_plan_problems(row)]
        if problems:
            raise NotReady(problems)
        row.ready_for_decision = True
        follow_idea(session, row.idea_id)
        return _snapshot(session, row, today)


def withdraw_ready_for_decision(db: Database, plan_id: str, *, today: date) -> PlanSnapshot:
    """Take the plan back from the decision; the idea stays planned while the plan is there."""
    with db.transaction() as session:
        row = fetch(session, DevelopmentPlan, plan_id)
        row.ready_for_decision = False
        follow_idea(session, row.idea_id)
        return _snapshot(session, row, today)


def _status(value: ActionStatus | str) -> ActionStatus:
    try:
        return ActionStatus(value)
    except ValueError:
        raise InvalidInput(_("Choose one of the listed statuses."), "status") from None


def add_action(
    db: Database,
    plan_id: str,
    title: str,
    *,
    owner: str = "",
    due_on: date | None = None,
    status: ActionStatus | str = ActionStatus.NOT_STARTED,
    followed_up_within: str = "",
    today: date,
) -> ActionSnapshot:
    """A new action at the end of the plan; a due date in the past is allowed (shown as overdue)."""
    title = clean_title(title)
    owner = clean_line(owner, "owner")
    followed_up_within = clean_line(followed_up_within, "followed_up_within")
    checked = _status(status)
    with db.transaction() as session:
        plan = fetch(session, DevelopmentPlan, plan_id)
        action = Action(
            plan_id=plan.id,
            position=next_position(session, Action.position, Action.plan_id, plan.id),
            title=title,
            owner=owner,
            due_on=due_on,
            status=checked,
            followed_up_within=followed_up_within,
        )
        session.add(action)
        session.flush()
        return action_snapshot(action, today)


def update_action(
    db: Database,
    action_id: str,
    *,
    title: str | None = None,
    owner: str | None = None,
    due_on: date | Keep | None = KEEP,
    status: ActionStatus | str | None = None,
    followed_up_within: str | None = None,
    today: date,
) -> ActionSnapshot:
    """Change what is given; ``due_on=None`` clears the date. All is checked before anything is written."""
    changes: dict[str, object] = {}
    if title is not None:
        changes["title"] = clean_title(title)
    if owner is not None:
        changes["owner"] = clean_line(owner, "owner")
    if followed_up_within is not None:
        changes["followed_up_within"] = clean_line(followed_up_within, "followed_up_within")
    if status is not None:
        changes["status"] = _status(status)
    if due_on is not KEEP:
        changes["due_on"] = due_on
    with db.transaction() as session:
        action = fetch(session, Action, action_id)
        for name, value in changes.items():
            setattr(action, name, value)
        session.flush()
        return action_snapshot(action, today)


def move_action(db: Database, action_id: str, position: int, *, today: date) -> PlanSnapshot:
    """Move an action to ``position`` among the plan's live actions (clamped to the list)."""
    with db.transaction() as session:
        action = fetch(session, Action, action_id)
        plan = fetch(session, DevelopmentPlan, action.plan_id)
        ordered = [a for a in _live_actions(plan) if a.id != action.id]
        ordered.insert(max(0, min(position, len(ordered))), action)
        # Deleted actions keep their places in between, so that a restore fits back.
        slots = sorted(a.position for a in _live_actions(plan))
        for slot, row in zip(slots, ordered, strict=True):
            row.position = slot
        return _snapshot(session, plan, today)


def remove_action(db: Database, action_id: str, *, today: date) -> ActionSnapshot:
    with db.transaction() as session:
        action = fetch(session, Action, action_id)
        action.deleted_at = utcnow()
        session.flush()
        return action_snapshot(action, today)


def restore_action(db: Database, action_id: str, *, today: date) -> ActionSnapshot:
    with db.transaction() as session:
        action = fetch(session, Action, action_id, allow_deleted=True)
        action.deleted_at = None
        session.flush()
        return action_snapshot(action, today)
