"""Undoable edits made in the follow-up view: a workshop's next follow-up date."""

from __future__ import annotations

from datetime import date

from app import followup
from app.i18n import _
from ui.commands import ServiceCommand
from ui.hub import Hub


class SetFollowUpDate(ServiceCommand):
    """When the workshop is next followed up (None: not planned); undo puts the old date back."""

    def __init__(self, hub: Hub, workshop_id: str, title: str, old: date | None, new: date | None) -> None:
        super().__init__(hub, _("Set the follow-up date of “{title}”").format(title=title))
        self.workshop_id, self.old, self.new = workshop_id, old, new

    def do(self) -> None:
        followup.set_follow_up_date(self.hub.db, self.workshop_id, self.new)

    def undo_service(self) -> None:
        followup.set_follow_up_date(self.hub.db, self.workshop_id, self.old)

    def affected_workshop(self) -> str | None:
        return self.workshop_id

    def changed(self) -> None:
        super().changed()
        self.hub.followUpChanged.emit(self.workshop_id)
