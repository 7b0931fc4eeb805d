"""Plain pictures of the follow-up: entries, open actions, plans by status, lessons and the funnel."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal

from models.enums import ActionStatus, DecisionOutcome, FollowUpKind, IdeaStatus


@dataclass(frozen=True)
class FollowUpEntrySnapshot:
    """A dated note from the months after a workshop.

    ``author`` is who wrote the entry; for a recognition, who gave it, while ``recognised``
    names who is recognised (one entry per person; empty for other kinds).
    """

    id: str
    workshop_id: str
    idea_id: str | None
    kind: FollowUpKind
    entry_on: date
    author: str
    text: str
    status: str
    recognised: str
    created_at: datetime
    deleted: bool


@dataclass(frozen=True)
class Lessons:
    """A workshop's lessons learned: the summary text and the dated lesson entries, oldest first."""

    workshop_id: str
    summary: str
    entries: tuple[FollowUpEntrySnapshot, ...]


@dataclass(frozen=True)
class OpenAction:
    """An action not yet done, handed over or found not possible, as the follow-up view lists it."""

    id: str
    workshop_id: str
    workshop_title: str
    workshop_held_on: date | None
    idea_id: str
    plan_title: str  # the idea's title: one plan per idea
    title: str
    owner: str
    due_on: date | None
    status: ActionStatus
    overdue: bool
    #: Lower-case text the search looks in (action, owner, plan, workshop).
    haystack: str = field(repr=False, compare=False)


@dataclass(frozen=True)
class DecisionLine:
    """The latest live decision on a plan's idea, as the follow-up view cites it: "§ 1 GO · KS § 27"."""

    number: int
    outcome: DecisionOutcome
    reference: str
    decided_on: date | None


@dataclass(frozen=True)
class ResourcesGiven:
    """The resources given on an idea's decisions, summed: money per currency, hours, other support."""

    money: tuple[tuple[str, Decimal], ...] = ()  # (currency, amount), by currency
    hours: Decimal = Decimal(0)
    support: int = 0

    def __bool__(self) -> bool:
        return bool(self.money or self.hours or self.support)


@dataclass(frozen=True)
class PlanLine:
    """A development plan with its idea's status, its decision and resources, and its latest follow-up."""

    idea_id: str
    workshop_id: str
    workshop_title: str
    workshop_held_on: date | None
    title: str
    responsible: str
    status: IdeaStatus
    open_actions: int
    last_entry_on: date | None
    decision: DecisionLine | None
    resources: ResourcesGiven
    haystack: str = field(repr=False, compare=False)


@dataclass(frozen=True)
class WorkshopFollowUp:
    """A workshop as the follow-up view lists it: when it is next followed up."""

    id: str
    title: str
    held_on: date | None
    follow_up_on: date | None
    due: bool  # the follow-up date has come (or passed)
    haystack: str = field(repr=False, compare=False)


@dataclass(frozen=True)
class FollowUpOverview:
    """The follow-up across all workshops on ``today``; filtered views keep the same date."""

    today: date
    search: str
    workshop_id: str | None
    actions: tuple[OpenAction, ...]  # by due date, undated last
    plans: tuple[PlanLine, ...]  # by workshop, then title
    workshops: tuple[WorkshopFollowUp, ...]  # by next follow-up date, undated last

    @property
    def overdue(self) -> int:
        return sum(1 for a in self.actions if a.overdue)

    def plans_by_status(self) -> dict[IdeaStatus, tuple[PlanLine, ...]]:
        """The plans grouped by status, in the order of the steps; empty groups left out."""
        groups: dict[IdeaStatus, list[PlanLine]] = {}
        for plan in self.plans:
            groups.setdefault(plan.status, []).append(plan)
        order = list(IdeaStatus)
        return {s: tuple(groups[s]) for s in sorted(groups, key=order.index)}


@dataclass(frozen=True)
class Funnel:
    """How many came how far: one workshop's figures (``workshop_id``), or all (None)."""

    workshop_id: str | None
    participants: int = 0
    ideas: int = 0
    shortlisted: int = 0
    with_plan: int = 0
    go: int = 0
    realised: int = 0

    def __add__(self, other: Funnel) -> Funnel:
        counts = {f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)[1:]}
        return Funnel(workshop_id=None, **counts)
