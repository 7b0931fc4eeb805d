"""Undo and redo when the service refuses: the stack stays true to what the database holds."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.errors import UserError
from app.snapshots import WorkshopSnapshot
from app.workshops import get_workshop, rename_workshop
from ui.commands import ServiceCommand, push
from ui.hub import Hub


class Rename(ServiceCommand):
    """Renames the workshop; its undo is refused once ``locked`` (as when a round has been opened)."""

    def __init__(self, hub: Hub, workshop_id: str, title: str) -> None:
        super().__init__(hub, "Rename")
        self.workshop_id, self.title = workshop_id, title
        self.before = get_workshop(hub.db, workshop_id).title
        self.locked = False

    def do(self) -> None:
        rename_workshop(self.hub.db, self.workshop_id, self.title)

    def undo_service(self) -> None:
        if self.locked:
            raise UserError("It has been built on since.")
        rename_workshop(self.hub.db, self.workshop_id, self.before)


def test_a_refused_undo_leaves_the_change_and_drops_the_command(
    hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    first = Rename(hub, room.id, "Trygg skolväg 2")
    assert push(hub, first)
    second = Rename(hub, room.id, "Trygg skolväg 3")
    assert push(hub, second)
    second.locked = True

    with qtbot.waitSignal(hub.failed) as failed:
        hub.undo_stack.undo()

    assert failed.args == ["It has been built on since."]
    assert get_workshop(hub.db, room.id).title == "Trygg skolväg 3"
    assert not hub.undo_stack.canRedo()  # a redo would rename a second time over nothing undone
    assert hub.undo_stack.count() == 1
    assert hub.undo_stack.undoText() == "Rename"
    hub.undo_stack.undo()  # the one before it still undoes, as the user expects
    assert get_workshop(hub.db, room.id).title == "Trygg skolväg"
