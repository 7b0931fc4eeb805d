"""Undoable commands for decisions (step 7) and the resources given on a GO (step 8).

Each command is one service call and its reverse. A refusal by a rule on the first run is
kept for the dialog to show beside its field (see ``KeptRefusalCommand``).
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import date

from app import decision_resources, decisions
from app.errors import NotFound
from app.i18n import _
from app.plan_snapshots import AllocationSnapshot, DecisionSnapshot
from models.enums import DecisionLevel, DecisionOutcome, ResourceKind
from ui.hub import Hub
from ui.voting_commands import KeptRefusalCommand


@dataclass(frozen=True)
class DecisionValues:
    """What the decision dialog holds, as typed; the service checks it."""

    idea_id: str | None
    outcome: DecisionOutcome | None
    level: DecisionLevel
    decided_on: date | None
    decided_by: str = ""
    reference: str = ""
    reasons: str = ""
    lessons_capture: str = ""

    @classmethod
    def of(cls, decision: DecisionSnapshot) -> DecisionValues:
        return cls(
            decision.idea_id,
            decision.outcome,
            decision.level,
            decision.decided_on,
            decision.decided_by,
            decision.reference,
            decision.reasons,
            decision.lessons_capture,
        )

    def record_fields(self) -> dict[str, object]:
        return {
            "outcome": self.outcome,
            "level": self.level,
            "decided_on": self.decided_on,
            "decided_by": self.decided_by,
            "reference": self.reference,
            "reasons": self.reasons,
            "lessons_capture": self.lessons_capture,
        }


@dataclass(frozen=True)
class ResourceValues:
    """What the resource dialog holds, as typed: the amount is the text in the user's language."""

    kind: ResourceKind
    amount: str
    currency: str = ""
    description: str = ""
    allocated_by: str = ""
    allocated_on: date | None = None

    @classmethod
    def of(cls, given: AllocationSnapshot) -> ResourceValues:
        amount = "" if given.amount is None else str(given.amount)
        return cls(
            given.kind, amount, given.currency, given.description, given.allocated_by, given.allocated_on
        )

    def fields(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "amount": self.amount,
            "currency": self.currency,
            "description": self.description,
            "allocated_by": self.allocated_by,
            "allocated_on": self.allocated_on,
        }


class DecisionCommand(KeptRefusalCommand):
    """A change of the workshop's decisions or their resources: the ideas may stand at another step."""

    def __init__(self, hub: Hub, workshop_id: str, text: str) -> None:
        super().__init__(hub, text)
        self.workshop_id = workshop_id

    def changed(self) -> None:
        self.hub.decisionsChanged.emit(self.workshop_id)
        self.hub.progressChanged.emit(self.workshop_id)


class RecordDecision(DecisionCommand):
    def __init__(self, hub: Hub, workshop_id: str, values: DecisionValues) -> None:
        super().__init__(hub, workshop_id, _("Record a decision"))
        self.values = values
        self.decision: DecisionSnapshot | None = None

    def do(self) -> None:
        if self.decision is None:
            self.decision = decisions.record_decision(
                self.hub.db,
                self.workshop_id,
                self.values.idea_id,
                **self.values.record_fields(),  # type: ignore[arg-type]
            )
            self.setText(_("Record decision § {number}").format(number=self.decision.number))
        else:
            decisions.restore_decision(self.hub.db, self.decision.id, self.decision.number)

    def undo_service(self) -> None:
        assert self.decision is not None
        # Deleted since, and its § given to a later decision: it is taken back already.
        with suppress(NotFound):
            decisions.delete_decision(self.hub.db, self.decision.id)


class CorrectDecision(DecisionCommand):
    def __init__(self, hub: Hub, before: DecisionSnapshot, values: DecisionValues) -> None:
        super().__init__(
            hub, before.workshop_id, _("Correct decision § {number}").format(number=before.number)
        )
        self.decision_id = before.id
        self.before, self.after = DecisionValues.of(before), values

    def _write(self, values: DecisionValues) -> None:
        decisions.update_decision(self.hub.db, self.decision_id, **values.record_fields())  # type: ignore[arg-type]

    def do(self) -> None:
        self._write(self.after)

    def undo_service(self) -> None:
        self._write(self.before)


class DeleteDecision(DecisionCommand):
    def __init__(self, hub: Hub, decision: DecisionSnapshot) -> None:
        super().__init__(
            hub, decision.workshop_id, _("Delete decision § {number}").format(number=decision.number)
        )
        self.decision_id, self.number = decision.id, decision.number

    def do(self) -> None:
        decisions.delete_decision(self.hub.db, self.decision_id)

    def undo_service(self) -> None:
        decisions.restore_decision(self.hub.db, self.decision_id, self.number)


class GiveResource(DecisionCommand):
    def __init__(self, hub: Hub, decision: DecisionSnapshot, values: ResourceValues) -> None:
        super().__init__(
            hub, decision.workshop_id, _("Give resources on § {number}").format(number=decision.number)
        )
        self.decision_id = decision.id
        self.values = values
        self.given: AllocationSnapshot | None = None

    def do(self) -> None:
        if self.given is None:
            self.given = decision_resources.allocate(self.hub.db, self.decision_id, **self.values.fields())  # type: ignore[arg-type]
        else:
            decision_resources.restore_allocation(self.hub.db, self.given.id)

    def undo_service(self) -> None:
        assert self.given is not None
        decision_resources.remove_allocation(self.hub.db, self.given.id)


class CorrectResource(DecisionCommand):
    def __init__(
        self, hub: Hub, workshop_id: str, before: AllocationSnapshot, values: ResourceValues
    ) -> None:
        super().__init__(hub, workshop_id, _("Correct resources"))
        self.allocation_id = before.id
        self.before, self.after = ResourceValues.of(before), values

    def _write(self, values: ResourceValues) -> None:
        decision_resources.update_allocation(self.hub.db, self.allocation_id, **values.fields())  # type: ignore[arg-type]

    def do(self) -> None:
        self._write(self.after)

    def undo_service(self) -> None:
        self._write(self.before)


class RemoveResource(DecisionCommand):
    def __init__(self, hub: Hub, workshop_id: str, given: AllocationSnapshot) -> None:
        super().__init__(hub, workshop_id, _("Remove resources"))
        self.allocation_id = given.id

    def do(self) -> None:
        decision_resources.remove_allocation(self.hub.db, self.allocation_id)

    def undo_service(self) -> None:
        decision_resources.restore_allocation(self.hub.db, self.allocation_id)
