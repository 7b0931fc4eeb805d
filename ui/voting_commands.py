"""Undoable voting commands (rounds, their rules, paper dots, the shortlist) and the room's one-way steps.

Opening, closing, revealing and runoffs are not undoable: the room has seen them. They go
through ``voting_step``, which commits, tells the views and reports a refusal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TypeVar

from app import shortlist as shortlist_service
from app import voting
from app.errors import KNOWN_ERRORS, InvalidInput, describe
from app.i18n import _
from app.ideas import get_idea
from app.voting_results import set_shortlist_size
from app.voting_snapshots import RoundSnapshot, RoundSpec, ShortlistItem
from models.enums import RoundState
from ui.commands import ServiceCommand, push
from ui.hub import Hub

T = TypeVar("T")


def announce(hub: Hub, workshop_id: str, *round_ids: str) -> None:
    """A voting change is committed: say when, and let the views read what they may show."""
    hub.saved.emit(datetime.now().astimezone())
    for round_id in dict.fromkeys(round_ids):
        hub.votingChanged.emit(workshop_id, round_id)


def voting_step(hub: Hub, workshop_id: str, round_id: str, step: Callable[[], T]) -> T | None:
    """Run a step the room sees (open, close, reveal...): committed, announced; None if refused."""
    try:
        result = step()
    except KNOWN_ERRORS as exc:
        hub.failed.emit(describe(exc))
        return None
    more = (result.id,) if isinstance(result, RoundSnapshot) else ()
    announce(hub, workshop_id, round_id, *more)
    return result


def dialog_step(hub: Hub, workshop_id: str, round_id: str, step: Callable[[], object]) -> InvalidInput | None:
    """Like ``voting_step``, from a dialog: a refusal is returned for the dialog to show, not announced."""
    try:
        step()
    except KNOWN_ERRORS as exc:
        return exc if isinstance(exc, InvalidInput) else InvalidInput(describe(exc))
    announce(hub, workshop_id, round_id)
    return None


class KeptRefusalCommand(ServiceCommand):
    """A command whose first refusal by a rule (InvalidInput) is kept in ``refusal``, not announced.

    A dialog shows it beside its field and stays open with everything typed; a caller
    without a dialog reports it with ``push_or_report``. Other failures, and any failure of
    a later undo or redo, go to the message bar as usual.
    """

    def __init__(self, hub: Hub, text: str) -> None:
        super().__init__(hub, text)
        self.refusal: InvalidInput | None = None

    def _run(self, action: Callable[[], None]) -> bool:
        if self._done_once:
            return super()._run(action)
        try:
            action()
        except InvalidInput as exc:
            self.refusal, self.error = exc, exc.message
            return False
        except KNOWN_ERRORS as exc:
            self.error = describe(exc)
            self.hub.failed.emit(self.error)
            return False
        return super()._run(lambda: None)


def submit(hub: Hub, command: KeptRefusalCommand) -> InvalidInput | None:
    """Push ``command`` from a dialog: its refusal (for the dialog to show), or None when done."""
    push(hub, command)
    if command.refusal is None and command.error is not None:
        return InvalidInput(command.error)
    return command.refusal


def push_or_report(hub: Hub, command: KeptRefusalCommand) -> bool:
    """Push ``command`` where there is no dialog: a refusal goes to the message bar."""
    refusal = submit(hub, command)
    if command.refusal is not None:
        hub.failed.emit(command.refusal.message)
    return refusal is None


class VotingCommand(KeptRefusalCommand):
    """A change of one round: the views hear of it through ``hub.votingChanged``."""

    def __init__(self, hub: Hub, workshop_id: str, text: str) -> None:
        super().__init__(hub, text)
        self.workshop_id = workshop_id
        self.round_id: str | None = None

    def changed(self) -> None:
        if self.round_id is not None:
            self.hub.votingChanged.emit(self.workshop_id, self.round_id)


class CreateRound(VotingCommand):
    def __init__(self, hub: Hub, workshop_id: str, spec: RoundSpec) -> None:
        super().__init__(hub, workshop_id, _("New voting round"))
        self.spec = spec

    def do(self) -> None:
        if self.round_id is None:
            self.round_id = voting.create_round(self.hub.db, self.workshop_id, self.spec).id
        else:
            voting.restore_round(self.hub.db, self.round_id)

    def undo_service(self) -> None:
        assert self.round_id is not None
        current = voting.get_round(self.hub.db, self.round_id)
        if current.state is not RoundState.DRAFT:
            # Undo never takes a round away from under the room's ballots.
            raise voting.RoundStateError(
                _("Round {n} has been opened in the room; delete it from the list of rounds instead.").format(
                    n=current.number
                )
            )
        voting.delete_round(self.hub.db, self.round_id)


class EditRound(VotingCommand):
    def __init__(self, hub: Hub, before: RoundSnapshot, spec: RoundSpec) -> None:
        super().__init__(hub, before.workshop_id, _("Edit the rules of round {n}").format(n=before.number))
        self.round_id = before.id
        self.before, self.after = before.spec(), spec

    def do(self) -> None:
        assert self.round_id is not None
        voting.update_round(self.hub.db, self.round_id, self.after)

    def undo_service(self) -> None:
        assert self.round_id is not None
        voting.update_round(self.hub.db, self.round_id, self.before)


class DeleteRound(VotingCommand):
    def __init__(self, hub: Hub, round_: RoundSnapshot) -> None:
        super().__init__(hub, round_.workshop_id, _("Delete round {n}").format(n=round_.number))
        self.round_id = round_.id

    def do(self) -> None:
        assert self.round_id is not None
        voting.delete_round(self.hub.db, self.round_id)

    def undo_service(self) -> None:
        assert self.round_id is not None
        voting.restore_round(self.hub.db, self.round_id)


class SetPaperDots(VotingCommand):
    """The dots counted from a wall of stickers; undo puts back what was typed before."""

    def __init__(self, hub: Hub, round_: RoundSnapshot, dots: Mapping[str, int]) -> None:
        super().__init__(hub, round_.workshop_id, _("Paper dots in round {n}").format(n=round_.number))
        self.round_id = round_.id
        self.after = dict(dots)
        self.before: dict[str, int] | None = None

    def do(self) -> None:
        assert self.round_id is not None
        if self.before is None:
            self.before = voting.paper_tally(self.hub.db, self.round_id)
        voting.set_paper_tally(self.hub.db, self.round_id, self.after)

    def undo_service(self) -> None:
        assert self.round_id is not None
        assert self.before is not None
        ideas = set(self.after) | set(self.before)
        voting.set_paper_tally(self.hub.db, self.round_id, {i: self.before.get(i, 0) for i in ideas})


class ShortlistCommand(KeptRefusalCommand):
    """A change of the shortlist: views hear of it, and of the ideas whose status followed it."""

    def __init__(self, hub: Hub, workshop_id: str, text: str) -> None:
        super().__init__(hub, text)
        self.workshop_id = workshop_id
        self.idea_ids: set[str] = set()
        self.round_id: str | None = None

    def changed(self) -> None:
        self.hub.shortlistChanged.emit(self.workshop_id)
        if self.round_id is not None:
            self.hub.votingChanged.emit(self.workshop_id, self.round_id)
        ideas = []
        for idea_id in sorted(self.idea_ids):
            try:
                ideas.append(get_idea(self.hub.db, idea_id))
            except KNOWN_ERRORS:
                continue  # an idea deleted since: nothing to redraw
        if ideas:
            self.hub.ideasChanged.emit(self.workshop_id, ideas)


class MakeShortlist(ShortlistCommand):
    """The shortlist from a round's cut (the top ``size``, or every idea with ``min_dots``)."""

    def __init__(
        self, hub: Hub, round_: RoundSnapshot, *, size: int | None = None, min_dots: int | None = None,
        reason: str = "",
    ) -> None:  # fmt: skip
        super().__init__(
            hub, round_.workshop_id, _("Make the shortlist from round {n}").format(n=round_.number)
        )
        self.round_id = round_.id
        self.size, self.min_dots, self.reason = size, min_dots, reason
        self.size_before = round_.shortlist_size
        self.before: list[ShortlistItem] = []
        self.after: list[ShortlistItem] = []

    def do(self) -> None:
        assert self.round_id is not None
        self.before = shortlist_service.shortlist(self.hub.db, self.workshop_id)
        self.after = shortlist_service.make_shortlist(
            self.hub.db, self.round_id, size=self.size, min_dots=self.min_dots, reason=self.reason
        )
        self.idea_ids = {i.idea_id for i in self.before} | {i.idea_id for i in self.after}

    def undo_service(self) -> None:
        assert self.round_id is not None
        before_ids = {i.id for i in self.before}
        after_ids = {i.id for i in self.after}
        for item in self.after:
            if item.id not in before_ids:
                shortlist_service.withdraw_from_shortlist(self.hub.db, item.id)
        for item in self.before:
            if item.id not in after_ids:
                shortlist_service.restore_to_shortlist(self.hub.db, item.id)
        set_shortlist_size(self.hub.db, self.round_id, self.size_before)


class AddToShortlist(ShortlistCommand):
    def __init__(self, hub: Hub, workshop_id: str, idea_id: str, title: str, reason: str) -> None:
        super().__init__(hub, workshop_id, _("Add “{title}” to the shortlist").format(title=title[:40]))
        self.idea_id, self.reason = idea_id, reason
        self.idea_ids = {idea_id}
        self.item: ShortlistItem | None = None

    def do(self) -> None:
        self.item = shortlist_service.add_to_shortlist(
            self.hub.db, self.workshop_id, self.idea_id, self.reason
        )

    def undo_service(self) -> None:
        assert self.item is not None
        shortlist_service.withdraw_from_shortlist(self.hub.db, self.item.id)


class RemoveFromShortlist(ShortlistCommand):
    def __init__(self, hub: Hub, item: ShortlistItem, workshop_id: str, reason: str) -> None:
        super().__init__(
            hub, workshop_id, _("Remove “{title}” from the shortlist").format(title=item.title[:40])
        )
        self.entry_id, self.reason = item.id, reason
        self.idea_ids = {item.idea_id}

    def do(self) -> None:
        shortlist_service.remove_from_shortlist(self.hub.db, self.entry_id, self.reason)

    def undo_service(self) -> None:
        shortlist_service.restore_to_shortlist(self.hub.db, self.entry_id)
