"""Undoable follow-up commands of one workshop: entries on plans, realisation, recognition, lessons, dates.

Each is one service call and its reverse; an addition is undone by removing its entries (soft
delete) and redone by restoring them, so that undo and redo never write a second copy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import ClassVar

from PySide6.QtGui import QUndoCommand

from app import followup
from app.followup_snapshots import FollowUpEntrySnapshot
from app.i18n import _
from ui.hub import Hub
from ui.voting_commands import KeptRefusalCommand


class FollowUpCommand(KeptRefusalCommand):
    """A change of the workshop's follow-up; ``idea_id`` is the plan it touched, if one.

    A first refusal by a rule is kept for the dialog (``ui.voting_commands.submit``).
    """

    def __init__(self, hub: Hub, workshop_id: str, idea_id: str | None, text: str) -> None:
        super().__init__(hub, text)
        self.workshop_id = workshop_id
        self.idea_id = idea_id

    def changed(self) -> None:
        self.hub.followUpChanged.emit(self.workshop_id)
        if self.idea_id is not None:
            # An entry may carry the plan's new status and moves the idea along the steps.
            self.hub.planChanged.emit(self.workshop_id, self.idea_id)
            self.hub.progressChanged.emit(self.workshop_id)


class AddEntries(FollowUpCommand):
    """Entries written by one service call (a check-in, a realisation, a recognition of several people)."""

    def __init__(
        self,
        hub: Hub,
        workshop_id: str,
        idea_id: str | None,
        text: str,
        write: Callable[[], FollowUpEntrySnapshot | list[FollowUpEntrySnapshot]],
    ) -> None:
        super().__init__(hub, workshop_id, idea_id, text)
        self.write = write
        self.entries: list[FollowUpEntrySnapshot] = []

    def do(self) -> None:
        if not self.entries:
            written = self.write()
            self.entries = written if isinstance(written, list) else [written]
        else:
            for entry in self.entries:
                followup.restore_entry(self.hub.db, entry.id)

    def undo_service(self) -> None:
        for entry in reversed(self.entries):
            followup.remove_entry(self.hub.db, entry.id)


def add_entry(
    hub: Hub, workshop_id: str, idea_id: str, kind: str, entry_on: date, text: str, author: str, status: str
) -> AddEntries:
    return AddEntries(
        hub,
        workshop_id,
        idea_id,
        _("Add a follow-up entry"),
        lambda: followup.add_entry(hub.db, workshop_id, idea_id, kind, entry_on, text, author, status),
    )


def mark_realised(
    hub: Hub, workshop_id: str, idea_id: str, entry_on: date, text: str, author: str
) -> AddEntries:
    return AddEntries(
        hub,
        workshop_id,
        idea_id,
        _("Mark as realised"),
        lambda: followup.mark_realised(
            hub.db, idea_id, entry_on, text, author=author, workshop_id=workshop_id
        ),
    )


def recognise(
    hub: Hub,
    workshop_id: str,
    idea_id: str,
    entry_on: date,
    text: str,
    *,
    names: Sequence[str],
    participant_ids: Sequence[str],
    author: str,
) -> AddEntries:
    return AddEntries(
        hub,
        workshop_id,
        idea_id,
        _("Recognise"),
        lambda: followup.recognise(
            hub.db,
            idea_id,
            entry_on,
            text,
            names=names,
            participant_ids=participant_ids,
            author=author,
            workshop_id=workshop_id,
        ),
    )


def add_lesson(hub: Hub, workshop_id: str, entry_on: date, text: str, author: str) -> AddEntries:
    return AddEntries(
        hub,
        workshop_id,
        None,
        _("Add a lesson learned"),
        lambda: followup.add_lesson(hub.db, workshop_id, entry_on, text, author=author),
    )


class RemoveEntries(FollowUpCommand):
    """Removes entries shown as one line (a recognition of several people); undo brings them back."""

    def __init__(
        self, hub: Hub, workshop_id: str, idea_id: str | None, entry_ids: Sequence[str], text: str
    ) -> None:
        super().__init__(hub, workshop_id, idea_id, text)
        self.entry_ids = list(entry_ids)

    def do(self) -> None:
        for entry_id in self.entry_ids:
            followup.remove_entry(self.hub.db, entry_id)

    def undo_service(self) -> None:
        for entry_id in self.entry_ids:
            followup.restore_entry(self.hub.db, entry_id)


class SetFollowUpDate(FollowUpCommand):
    """The workshop's next follow-up date (None: not planned)."""

    def __init__(self, hub: Hub, workshop_id: str, before: date | None, after: date | None) -> None:
        super().__init__(hub, workshop_id, None, _("Set the next follow-up date"))
        self.before, self.after = before, after

    def do(self) -> None:
        followup.set_follow_up_date(self.hub.db, self.workshop_id, self.after)

    def undo_service(self) -> None:
        followup.set_follow_up_date(self.hub.db, self.workshop_id, self.before)

    def changed(self) -> None:
        # A detail of the workshop, too: its page and the list of workshops show the date.
        self.hub.workshopsChanged.emit()
        self.hub.workshopChanged.emit(self.workshop_id)
        super().changed()


class EditLessonsSummary(FollowUpCommand):
    """The summary of the lessons learned; saves made while typing it merge into one undo step."""

    ID: ClassVar[int] = 1101

    def __init__(self, hub: Hub, workshop_id: str, before: str, after: str) -> None:
        super().__init__(hub, workshop_id, None, _("Edit the lessons learned"))
        self.before, self.after = before, after

    def do(self) -> None:
        followup.set_lessons_summary(self.hub.db, self.workshop_id, self.after)

    def undo_service(self) -> None:
        followup.set_lessons_summary(self.hub.db, self.workshop_id, self.before)

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        # A refused save (marked obsolete) must not become this step's text.
        if (
            not isinstance(other, EditLessonsSummary)
            or other.workshop_id != self.workshop_id
            or other.error is not None
        ):
            return False
        self.after = other.after
        return True
