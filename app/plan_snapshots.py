"""Plain pictures of development plans, their actions, decisions and resources, for the screen and exports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from models.enums import ActionStatus, DecisionLevel, DecisionOutcome, ResourceKind

#: An action in one of these states is finished with: its due date no longer matters.
CLOSED_STATUSES = frozenset({ActionStatus.DONE, ActionStatus.NOT_POSSIBLE, ActionStatus.HANDED_OVER})


def is_overdue(due_on: date | None, status: ActionStatus, today: date) -> bool:
    """Past its due date and still open: shown as overdue, never refused."""
    return due_on is not None and due_on < today and status not in CLOSED_STATUSES


@dataclass(frozen=True)
class ActionSnapshot:
    """An insats: who does what by when, and how it is followed up."""

    id: str
    plan_id: str
    position: int
    title: str
    owner: str
    due_on: date | None
    status: ActionStatus
    followed_up_within: str
    overdue: bool
    deleted: bool


@dataclass(frozen=True)
class PlanSnapshot:
    """The development plan of one idea, with its live actions in order."""

    id: str
    idea_id: str
    idea_title: str
    concept: str
    factors: str
    responsible: str
    mandate: str
    risk_bearer: str
    pilot_plan: str
    user_involvement: str
    operations_handover: str
    ready_for_decision: bool
    deleted: bool
    actions: tuple[ActionSnapshot, ...]

    @property
    def action_count(self) -> int:
        """How many live actions the plan holds (deleting it then asks first)."""
        return len(self.actions)


@dataclass(frozen=True)
class DecisionSnapshot:
    """A formal decision, numbered § n in the workshop's protocol."""

    id: str
    workshop_id: str
    idea_id: str | None
    idea_title: str
    number: int
    outcome: DecisionOutcome
    level: DecisionLevel
    decided_by: str
    decided_on: date | None
    reference: str
    reasons: str
    lessons_capture: str
    created_at: datetime
    deleted: bool


@dataclass(frozen=True)
class AllocationSnapshot:
    """Money, hours or other support given to a GO decision, and by whom."""

    id: str
    decision_id: str
    kind: ResourceKind
    amount: Decimal | None
    currency: str
    description: str
    allocated_by: str
    allocated_on: date | None
    deleted: bool
