"""Undoable saves of the in-depth analysis (step 5), one checklist field at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from app.analysis import save_analysis
from app.i18n import _
from ui.hub import Hub
from ui.voting_commands import KeptRefusalCommand

#: Saves made while typing one field of one idea's analysis merge into one undo step.
MERGE_ID = 5001


class SaveAnalysisField(KeptRefusalCommand):
    """One field of an idea's analysis; undo writes back the value it had.

    The first save's refusal (a cost that is not a number) is kept for the field to show.
    """

    def __init__(self, hub: Hub, workshop_id: str, idea_id: str, field: str, before: Any, after: Any) -> None:
        super().__init__(hub, _("Edit the in-depth analysis"))
        self.workshop_id, self.idea_id, self.field = workshop_id, idea_id, field
        self.before, self.after = before, after

    def do(self) -> None:
        saved = save_analysis(self.hub.db, self.idea_id, **{self.field: self.after})
        # Keep what was stored, not what was typed: "1 250,5" reads otherwise in another language.
        self.after = getattr(saved, self.field)
        if self.after == self.before and not self._done_once:
            self.setObsolete(True)  # nothing changed: no step to undo

    def undo_service(self) -> None:
        save_analysis(self.hub.db, self.idea_id, **{self.field: self.before})

    def changed(self) -> None:
        self.hub.analysisChanged.emit(self.workshop_id, self.idea_id)
        self.hub.progressChanged.emit(self.workshop_id)

    def id(self) -> int:
        return MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, SaveAnalysisField)
            or other.isObsolete()
            or self.isObsolete()
            or (other.idea_id, other.field) != (self.idea_id, self.field)
        ):
            return False
        self.after = other.after
        return True
