"""Leaving the dot voting phase while a round still takes ballots: close it and go on, go on, or stay."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from app import voting
from app.errors import KNOWN_ERRORS, describe
from app.i18n import _, ngettext
from app.voting_snapshots import RoundSnapshot
from models.enums import RoundState
from ui.hub import Hub
from ui.voting_commands import voting_step

if TYPE_CHECKING:
    from ui.presenter import Presenter


class Leaving(StrEnum):
    """The facilitator's answer: close the open rounds and go on, go on and leave them open, or stay."""

    CLOSE = "close"
    LEAVE = "leave"
    STAY = "stay"


def leaving_question(rounds: Sequence[RoundSnapshot], *, busy: bool) -> str:
    numbers = ", ".join(str(r.number) for r in rounds)
    question = ngettext(
        "Voting is still open in round {numbers}. Close it and go on, go on and leave it open, or stay?",
        "Voting is still open in rounds {numbers}. Close them and go on, go on and leave them open, or stay?",
        len(rounds),
    ).format(numbers=numbers)
    if busy:
        warning = _(
            "Someone is voting at the booth now: if you close, the ballot being placed will not be counted."
        )
        question = f"{question}\n\n{warning}"
    return question


def ask_leaving(parent: QWidget, rounds: Sequence[RoundSnapshot], *, busy: bool) -> Leaving:
    """Ask what becomes of the open rounds; Stay is the default, for a stray Enter or Escape."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if busy else QMessageBox.Icon.Question)
    box.setWindowTitle(_("Voting is still open"))
    box.setText(leaving_question(rounds, busy=busy))
    close = box.addButton(_("Close voting and go on"), QMessageBox.ButtonRole.AcceptRole)
    leave = box.addButton(_("Go on, voting stays open"), QMessageBox.ButtonRole.ActionRole)
    stay = box.addButton(_("Stay"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    try:
        box.exec()
        clicked = box.clickedButton()
    finally:
        box.deleteLater()
    if clicked is close:
        return Leaving.CLOSE
    if clicked is leave:
        return Leaving.LEAVE
    return Leaving.STAY


def may_leave_voting(hub: Hub, parent: QWidget, workshop_id: str, presenter: Presenter) -> bool:
    """Before the agenda leaves the voting phase: True to move on (open rounds closed if so chosen)."""
    try:
        rounds = [r for r in voting.list_rounds(hub.db, workshop_id) if r.state is RoundState.OPEN]
    except KNOWN_ERRORS as exc:
        hub.failed.emit(describe(exc))
        return False
    if not rounds:
        return True
    answer = ask_leaving(parent, rounds, busy=presenter.ballot_in_progress)
    if answer is Leaving.STAY:
        return False
    if answer is Leaving.CLOSE:
        for r in rounds:
            closed = voting_step(hub, workshop_id, r.id, partial(voting.close_round, hub.db, r.id))
            if closed is None:
                return False  # refused (and said so): stay where the round can be seen to
    return True
