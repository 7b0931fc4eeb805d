"""A round before its reveal: the rules of a draft, the turnout of an open or closed round.

Only how many have voted (and who, in a named round) is shown here; what they voted is
not read at all until the reveal.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.i18n import _, ngettext
from app.participants import participant_label
from app.snapshots import ParticipantSnapshot
from app.voting_snapshots import RoundSnapshot, Turnout
from models.enums import RoundState
from ui import typography
from ui.voting_models import round_name, rules_lines, state_label, turnout_text


def heading_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    typography.set_type(label, typography.PAGE_HEADING, bold=True)
    return label


def text_label(points: int = typography.LIST, *, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    typography.set_type(label, points, bold=bold)
    return label


def bullet_list(lines: Sequence[str]) -> str:
    return "\n".join(f"•  {line}" for line in lines)


class DraftView(QWidget):
    """A round being prepared: its rules in words, and the buttons to open it or change them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = heading_label()
        self.rules = text_label()
        self.open_button = QPushButton(_("Open voting"))
        self.open_button.setToolTip(_("Ballots are taken from now on; the rules can no longer change."))
        self.edit_button = QPushButton(_("Edit the rules…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.rules)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def show_round(self, r: RoundSnapshot, numbers: dict[str, int], theme_names: Sequence[str]) -> None:
        self.heading.setText(f"{round_name(r, numbers)} · {state_label(r.state)}")
        self.rules.setText(bullet_list(rules_lines(r, theme_names)))


class BallotView(QWidget):
    """An open or closed round: the turnout ("7 of 12 have voted"), who in a named round, and the steps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = heading_label()
        self.runoff_note = text_label()
        self.turnout = text_label(typography.PHASE_HEADING, bold=True)
        self.turnout.setAccessibleName(_("Turnout"))
        self.voted = text_label()
        self.not_yet = text_label()
        self.paper_note = text_label()
        self.rules = text_label()
        self.booth_button = QPushButton(_("Show the booth on the shared screen"))
        self.paper_button = QPushButton(_("Enter paper dots…"))
        self.paper_button.setToolTip(_("Dots counted from stickers on a wall join this round's tally."))
        self.close_button = QPushButton(_("Close voting"))
        self.close_button.setToolTip(_("No more ballots; the counts stay hidden until you reveal them."))
        self.reveal_button = QPushButton(_("Reveal results…"))
        buttons = QGridLayout()
        buttons.addWidget(self.booth_button, 0, 0)
        buttons.addWidget(self.paper_button, 0, 1)
        buttons.addWidget(self.close_button, 1, 0)
        buttons.addWidget(self.reveal_button, 1, 1)
        buttons.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.runoff_note)
        layout.addWidget(self.turnout)
        layout.addWidget(self.voted)
        layout.addWidget(self.not_yet)
        layout.addWidget(self.paper_note)
        layout.addLayout(buttons)
        layout.addWidget(self.rules)
        layout.addStretch(1)

    def show_round(
        self,
        r: RoundSnapshot,
        numbers: dict[str, int],
        theme_names: Sequence[str],
        turnout: Turnout,
        people: Sequence[ParticipantSnapshot],
    ) -> None:
        is_open = r.state is RoundState.OPEN
        self.heading.setText(f"{round_name(r, numbers)} · {state_label(r.state)}")
        parent = numbers.get(r.runoff_of_id or "")
        self.runoff_note.setText(
            _("A runoff between the ideas tied at the line in round {n}.").format(n=parent) if parent else ""
        )
        self.runoff_note.setVisible(parent is not None)
        self.turnout.setText(turnout_text(turnout.ballots, turnout.voters_expected))
        self._show_voters(r, turnout, people)
        if r.has_paper:
            self.paper_note.setText(_("Paper dots have been entered; they stay hidden until the reveal."))
        else:
            self.paper_note.setText(_("No paper dots have been entered."))
        self.rules.setText(bullet_list(rules_lines(r, theme_names)))
        self.booth_button.setVisible(is_open)
        self.close_button.setVisible(is_open)
        if not is_open:
            self.turnout.setToolTip(_("Voting is closed: no more ballots are taken."))

    def _show_voters(self, r: RoundSnapshot, turnout: Turnout, people: Sequence[ParticipantSnapshot]) -> None:
        if r.anonymous:
            self.voted.setText(_("Anonymous round: nobody sees who has voted."))
            self.not_yet.hide()
            return
        done = [participant_label(p, public=False) for p in people if p.id in turnout.voted_participant_ids]
        waiting = [
            participant_label(p, public=False) for p in people if p.id not in turnout.voted_participant_ids
        ]
        self.voted.setText(
            ngettext("Has voted: {names}", "Have voted: {names}", len(done)).format(names="; ".join(done))
            if done
            else _("Nobody has voted yet.")
        )
        self.not_yet.setText(_("Not yet: {names}").format(names="; ".join(waiting)))
        self.not_yet.setVisible(bool(waiting))
