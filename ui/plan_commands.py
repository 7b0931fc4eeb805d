"""Undoable changes of a development plan (step 6) and its actions, each one service call and its reverse."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtGui import QUndoCommand

from app import plans
from app.errors import KNOWN_ERRORS, describe
from app.i18n import _
from app.plan_snapshots import PlanSnapshot
from ui.hub import Hub
from ui.voting_commands import KeptRefusalCommand

#: Saves made while typing one field of one plan merge into one undo step.
MERGE_ID = 6001


class PlanCommand(KeptRefusalCommand):
    """A change of one idea's plan: views hear of it, and of the idea's step that may follow it."""

    def __init__(self, hub: Hub, workshop_id: str, idea_id: str, text: str) -> None:
        super().__init__(hub, text)
        self.workshop_id, self.idea_id = workshop_id, idea_id

    def today(self) -> date:
        return self.hub.today()

    def changed(self) -> None:
        self.hub.planChanged.emit(self.workshop_id, self.idea_id)
        self.hub.progressChanged.emit(self.workshop_id)


class CreatePlan(PlanCommand):
    def __init__(self, hub: Hub, workshop_id: str, idea_id: str) -> None:
        super().__init__(hub, workshop_id, idea_id, _("Create a development plan"))
        self.plan_id: str | None = None

    def do(self) -> None:
        if self.plan_id is None:
            self.plan_id = plans.create_plan(self.hub.db, self.idea_id, today=self.today()).id
        else:
            plans.restore_plan(self.hub.db, self.plan_id, today=self.today())

    def undo_service(self) -> None:
        assert self.plan_id is not None
        plans.delete_plan(self.hub.db, self.plan_id, today=self.today())


class DeletePlan(PlanCommand):
    """The plan and its actions go; undo brings them all back."""

    def __init__(self, hub: Hub, workshop_id: str, plan: PlanSnapshot) -> None:
        super().__init__(hub, workshop_id, plan.idea_id, _("Delete the development plan"))
        self.plan_id = plan.id

    def do(self) -> None:
        plans.delete_plan(self.hub.db, self.plan_id, today=self.today())

    def undo_service(self) -> None:
        plans.restore_plan(self.hub.db, self.plan_id, today=self.today())


class EditPlan(PlanCommand):
    """One text of the plan; undo writes back the text it had."""

    def __init__(self, hub: Hub, workshop_id: str, plan: PlanSnapshot, field: str, after: str) -> None:
        super().__init__(hub, workshop_id, plan.idea_id, _("Edit the development plan"))
        self.plan_id, self.field = plan.id, field
        self.before, self.after = str(getattr(plan, field)), after

    def do(self) -> None:
        plans.update_plan(self.hub.db, self.plan_id, today=self.today(), **{self.field: self.after})

    def undo_service(self) -> None:
        plans.update_plan(self.hub.db, self.plan_id, today=self.today(), **{self.field: self.before})

    def id(self) -> int:
        return MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, EditPlan)
            or other.isObsolete()
            or self.isObsolete()
            or (other.plan_id, other.field) != (self.plan_id, self.field)
        ):
            return False
        self.after = other.after
        return True


class SetReady(PlanCommand):
    """Mark the plan ready for decision, or withdraw that; a refusal keeps its reasons in ``problems``."""

    def __init__(self, hub: Hub, workshop_id: str, plan: PlanSnapshot, ready: bool) -> None:
        text = _("Mark the plan ready for decision") if ready else _("Withdraw the plan's readiness")
        super().__init__(hub, workshop_id, plan.idea_id, text)
        self.plan_id, self.ready = plan.id, ready
        self.problems: tuple[str, ...] = ()

    def _set(self, ready: bool) -> None:
        if ready:
            plans.mark_ready_for_decision(self.hub.db, self.plan_id, today=self.today())
        else:
            plans.withdraw_ready_for_decision(self.hub.db, self.plan_id, today=self.today())

    def _run(self, action: Callable[[], None]) -> bool:
        if self._done_once:
            return super()._run(action)
        try:
            action()
        except plans.NotReady as exc:
            # Said beside the button, in full: not a one-line message in the bar.
            self.problems, self.error = exc.problems, describe(exc)
            return False
        except KNOWN_ERRORS as exc:
            self.error = describe(exc)
            self.hub.failed.emit(self.error)
            return False
        return super()._run(lambda: None)

    def do(self) -> None:
        self._set(self.ready)

    def undo_service(self) -> None:
        self._set(not self.ready)


class AddAction(PlanCommand):
    def __init__(self, hub: Hub, workshop_id: str, plan: PlanSnapshot, title: str, **details: Any) -> None:
        super().__init__(
            hub, workshop_id, plan.idea_id, _("Add the action “{title}”").format(title=title[:40])
        )
        self.plan_id, self.title, self.details = plan.id, title, details
        self.action_id: str | None = None

    def do(self) -> None:
        if self.action_id is None:
            self.action_id = plans.add_action(
                self.hub.db, self.plan_id, self.title, today=self.today(), **self.details
            ).id
        else:
            plans.restore_action(self.hub.db, self.action_id, today=self.today())

    def undo_service(self) -> None:
        assert self.action_id is not None
        plans.remove_action(self.hub.db, self.action_id, today=self.today())


class EditAction(PlanCommand):
    """Some fields of one action (``due_on`` None clears the date); undo writes back what they were."""

    def __init__(
        self, hub: Hub, workshop_id: str, plan: PlanSnapshot, action_id: str, **changes: Any
    ) -> None:
        super().__init__(hub, workshop_id, plan.idea_id, _("Edit an action"))
        self.action_id = action_id
        action = next(a for a in plan.actions if a.id == action_id)
        self.after = changes
        self.before = {name: getattr(action, name) for name in changes}

    def do(self) -> None:
        plans.update_action(self.hub.db, self.action_id, today=self.today(), **self.after)

    def undo_service(self) -> None:
        plans.update_action(self.hub.db, self.action_id, today=self.today(), **self.before)


class RemoveAction(PlanCommand):
    def __init__(self, hub: Hub, workshop_id: str, plan: PlanSnapshot, action_id: str) -> None:
        super().__init__(hub, workshop_id, plan.idea_id, _("Remove an action"))
        self.action_id = action_id

    def do(self) -> None:
        plans.remove_action(self.hub.db, self.action_id, today=self.today())

    def undo_service(self) -> None:
        plans.restore_action(self.hub.db, self.action_id, today=self.today())


class MoveAction(PlanCommand):
    """An action to another place in the plan's list; undo puts it back where it was."""

    def __init__(self, hub: Hub, workshop_id: str, plan: PlanSnapshot, action_id: str, to: int) -> None:
        super().__init__(hub, workshop_id, plan.idea_id, _("Move an action"))
        self.action_id, self.to = action_id, to
        self.start = [a.id for a in plan.actions].index(action_id)

    def do(self) -> None:
        plans.move_action(self.hub.db, self.action_id, self.to, today=self.today())

    def undo_service(self) -> None:
        plans.move_action(self.hub.db, self.action_id, self.start, today=self.today())
