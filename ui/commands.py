"""Undoable commands: each calls one app/ service, and its undo calls the service that reverses it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtGui import QUndoCommand

from app import agenda, workshops
from app.errors import KNOWN_ERRORS, describe
from app.i18n import _
from app.snapshots import WorkshopSnapshot
from ui.hub import Hub


class ServiceCommand(QUndoCommand):
    """A command whose redo and undo are service calls, committed before the screen changes.

    A refused redo or undo marks the command obsolete, so that the stack drops it and
    stays as it was, and reports the reason through ``hub.failed``.
    """

    def __init__(self, hub: Hub, text: str) -> None:
        super().__init__(text)
        self.hub = hub
        self.error: str | None = None
        self._done_once = False

    #: Subclasses define the service call that does the change ...
    do: Callable[[], None]
    #: ... and the one that reverses it.
    undo_service: Callable[[], None]

    def _run(self, action: Callable[[], None]) -> bool:
        try:
            action()
        except KNOWN_ERRORS as exc:
            self.error = describe(exc)
            self.hub.failed.emit(self.error)
            return False
        self.hub.saved.emit(datetime.now().astimezone())
        self.changed()
        return True

    def affected_workshop(self) -> str | None:
        """The workshop this command changed, if one: its page is told to redraw (or close)."""
        return None

    def changed(self) -> None:
        self.hub.workshopsChanged.emit()
        workshop_id = self.affected_workshop()
        if workshop_id is not None:
            self.hub.workshopChanged.emit(workshop_id)

    def redo(self) -> None:
        # A refused redo leaves the stack as it was: the stack drops an obsolete command.
        if not self._run(self.do):
            self.setObsolete(True)
        self._done_once = True

    def undo(self) -> None:
        # A refused undo (the change has been built on since: a round was opened) drops the
        # command too, so that a later redo cannot make the change a second time.
        if not self._run(self.undo_service):
            self.setObsolete(True)


def push(hub: Hub, command: ServiceCommand) -> bool:
    """Run and record ``command``; False (and nothing recorded) if it was refused."""
    hub.undo_stack.push(command)
    return command.error is None


class CreateWorkshop(ServiceCommand):
    def __init__(self, hub: Hub, title: str, template_key: str | None, **details: Any) -> None:
        super().__init__(hub, _("Create workshop"))
        self.title, self.template_key, self.details = title, template_key, details
        self.workshop: WorkshopSnapshot | None = None

    def do(self) -> None:
        if self.workshop is None:
            self.workshop = workshops.create_workshop(
                self.hub.db, self.title, self.template_key, **self.details
            )
        else:
            workshops.restore_workshop(self.hub.db, self.workshop.id)

    def undo_service(self) -> None:
        assert self.workshop is not None
        workshops.delete_workshop(self.hub.db, self.workshop.id)

    def affected_workshop(self) -> str | None:
        return self.workshop.id if self.workshop else None


class CreateDemoWorkshop(ServiceCommand):
    def __init__(self, hub: Hub) -> None:
        super().__init__(hub, _("Create demo workshop"))
        self.workshop_id: str | None = None

    def do(self) -> None:
        from app.demo import create_demo_workshop

        if self.workshop_id is None:
            self.workshop_id = create_demo_workshop(self.hub.db)
        else:
            workshops.restore_workshop(self.hub.db, self.workshop_id)

    def undo_service(self) -> None:
        assert self.workshop_id is not None
        workshops.delete_workshop(self.hub.db, self.workshop_id)

    def affected_workshop(self) -> str | None:
        return self.workshop_id


class RenameWorkshop(ServiceCommand):
    def __init__(self, hub: Hub, workshop_id: str, old_title: str, new_title: str) -> None:
        super().__init__(hub, _("Rename workshop"))
        self.workshop_id, self.old_title, self.new_title = workshop_id, old_title, new_title

    def do(self) -> None:
        workshops.rename_workshop(self.hub.db, self.workshop_id, self.new_title)

    def undo_service(self) -> None:
        workshops.rename_workshop(self.hub.db, self.workshop_id, self.old_title)

    def affected_workshop(self) -> str | None:
        return self.workshop_id


class DuplicateWorkshop(ServiceCommand):
    def __init__(self, hub: Hub, workshop_id: str) -> None:
        super().__init__(hub, _("Duplicate workshop"))
        self.source_id = workshop_id
        self.copy_id: str | None = None

    def do(self) -> None:
        if self.copy_id is None:
            self.copy_id = workshops.duplicate_workshop(self.hub.db, self.source_id).id
        else:
            workshops.restore_workshop(self.hub.db, self.copy_id)

    def undo_service(self) -> None:
        assert self.copy_id is not None
        workshops.delete_workshop(self.hub.db, self.copy_id)

    def affected_workshop(self) -> str | None:
        return self.copy_id


class DeleteWorkshop(ServiceCommand):
    def __init__(self, hub: Hub, workshop_id: str, title: str) -> None:
        super().__init__(hub, _("Delete “{title}”").format(title=title))
        self.workshop_id = workshop_id

    def do(self) -> None:
        workshops.delete_workshop(self.hub.db, self.workshop_id)

    def undo_service(self) -> None:
        workshops.restore_workshop(self.hub.db, self.workshop_id)

    def affected_workshop(self) -> str | None:
        return self.workshop_id


class MoveAgenda(ServiceCommand):
    """Any move along the agenda; undo puts every phase back as it was."""

    def __init__(self, hub: Hub, workshop_id: str, text: str, move: Callable[[], object]) -> None:
        super().__init__(hub, text)
        self.workshop_id = workshop_id
        self.move = move
        self.before: agenda.AgendaStates | None = None

    def do(self) -> None:
        if self.before is None:
            self.before = agenda.agenda_states(self.hub.db, self.workshop_id)
        self.move()

    def undo_service(self) -> None:
        assert self.before is not None
        agenda.restore_agenda(self.hub.db, self.workshop_id, self.before)

    def affected_workshop(self) -> str | None:
        return self.workshop_id
