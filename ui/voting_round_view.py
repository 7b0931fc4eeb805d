"""A round before its reveal: the rules of a draft, the turnout of an open or closed round, and their pages.

Only how many have voted (and who, in a named round) is shown here; what they voted is
not read at all until the reveal.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.participants import participant_label
from app.snapshots import ParticipantSnapshot
from app.voting_snapshots import RoundSnapshot, Turnout
from models.enums import RoundState
from ui import typography
from ui.voting_models import round_name, rules_lines, state_label, turnout_text

#: A round's heading: under the phase's title (typography.PAGE_HEADING), so smaller.
ROUND_HEADING = 16
#: Dark orange (Okabe-Ito vermillion, darkened for contrast on the window's grey): someone is at the booth.
BUSY_COLOUR = "#A33F00"
#: The grey of a hint under a control, as in the dialogs.
HINT_COLOUR = "#3B3B3B"


def heading_label() -> QLabel:
    """A round's name and state: below the phase's heading, so a size smaller than it."""
    label = QLabel()
    label.setWordWrap(True)
    typography.set_type(label, ROUND_HEADING, bold=True)
    return label


def text_label(points: int = typography.LIST, *, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    typography.set_type(label, points, bold=bold)
    return label


def bullet_list(lines: Sequence[str]) -> str:
    """The lines as a list whose wrapped lines stay indented under their bullet (rich text)."""
    items = "".join(f"<li>{html.escape(line, quote=False)}</li>" for line in lines)
    return f'<ul style="margin: 0px; -qt-list-indent: 1;">{items}</ul>'


def rules_label() -> QLabel:
    label = text_label()
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class PageStack(QStackedWidget):
    """A stack as large as the page it shows, not its largest page: a short page (the results,
    whose table scrolls itself) then never needs the room of a long one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


class ScrolledView(QWidget):
    """A round's page whose lines scroll when the screen is short; ``layout`` is what scrolls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = QWidget()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

    def scroll_to_top(self) -> None:
        self.scroll_area.verticalScrollBar().setValue(0)


class DraftView(ScrolledView):
    """A round being prepared: its rules in words, and the buttons to open it or change them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = heading_label()
        self.rules = rules_label()
        self.open_button = QPushButton(_("Open voting"))
        typography.set_type(self.open_button, typography.LIST, bold=True)
        self.open_button.setToolTip(_("Ballots are taken from now on; the rules can no longer change."))
        self.edit_button = QPushButton(_("Edit rules…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.rules)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def show_round(self, r: RoundSnapshot, numbers: dict[str, int], theme_names: Sequence[str]) -> None:
        self.heading.setText(f"{round_name(r, numbers)} · {state_label(r.state)}")
        self.rules.setText(bullet_list(rules_lines(r, theme_names)))


def _voter_list(name: str) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(name)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setTextElideMode(Qt.TextElideMode.ElideRight)
    widget.setMinimumHeight(90)
    widget.setToolTip(_("Each voter's number is the one on their tile at the booth."))
    typography.set_type(widget, typography.LIST)
    return widget


class BallotView(ScrolledView):
    """An open or closed round: the turnout ("7 of 12 have voted"), who in a named round, and the steps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = heading_label()
        self.runoff_note = text_label()
        self.turnout = text_label(typography.PHASE_HEADING, bold=True)
        self.turnout.setAccessibleName(_("Turnout"))
        self.busy_note = text_label(bold=True)
        self.busy_note.setObjectName("ballotInProgress")
        self.busy_note.setText(_("Someone is voting at the booth now."))
        self.busy_note.setStyleSheet(f"color: {BUSY_COLOUR};")
        self.busy_note.hide()
        self.voters_note = text_label()
        self.voted_caption = QLabel()
        self.voted_list = _voter_list(_("Have voted"))
        self.waiting_caption = QLabel()
        self.waiting_list = _voter_list(_("Not yet voted"))
        self.voters_box = QWidget()
        voters = QGridLayout(self.voters_box)
        voters.setContentsMargins(0, 0, 0, 0)
        voters.addWidget(self.voted_caption, 0, 0)
        voters.addWidget(self.waiting_caption, 0, 1)
        voters.addWidget(self.voted_list, 1, 0)
        voters.addWidget(self.waiting_list, 1, 1)
        self.paper_note = text_label()
        self.rules = rules_label()
        self.booth_button = QPushButton(_("Show the booth on the shared screen"))
        self.booth_button.setToolTip(
            _("For a touch screen, or a room that votes openly: everyone sees the dots as they are placed.")
        )
        self.laptop_button = QPushButton(_("Open the booth on this laptop"))
        self.laptop_button.setToolTip(
            _("The laptop is passed round: the booth fills this screen, and the shared screen shows only "
              "how many have voted.")
        )  # fmt: skip
        self.booth_hint = QLabel(
            _("The shared screen shows every dot as it is placed; the laptop keeps each ballot to its voter.")
        )
        self.booth_hint.setWordWrap(True)
        self.booth_hint.setStyleSheet(f"color: {HINT_COLOUR};")
        self.paper_button = QPushButton(_("Enter paper dots…"))
        self.paper_button.setToolTip(_("Dots counted from stickers on a wall join this round's tally."))
        self.close_button = QPushButton(_("Close voting"))
        self.close_button.setToolTip(_("No more ballots; the counts stay hidden until you reveal them."))
        self.reveal_button = QPushButton(_("Reveal results…"))
        typography.set_type(self.reveal_button, typography.LIST, bold=True)
        booths = QHBoxLayout()
        booths.addWidget(self.booth_button)
        booths.addWidget(self.laptop_button)
        booths.addStretch(1)
        steps = QHBoxLayout()
        for button in (self.paper_button, self.close_button, self.reveal_button):
            steps.addWidget(button)
        steps.addStretch(1)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.runoff_note)
        layout.addWidget(self.turnout)
        layout.addWidget(self.busy_note)
        layout.addWidget(self.voters_note)
        # The steps stay in sight above the names, on a small screen too.
        layout.addLayout(booths)
        layout.addWidget(self.booth_hint)
        layout.addLayout(steps)
        layout.addWidget(self.paper_note)
        layout.addWidget(self.voters_box, 1)  # the names get the room a larger screen has
        layout.addWidget(self.rules)
        layout.addStretch(0)

    def show_busy(self, busy: bool) -> None:
        """Say whether someone is placing a ballot at this round's booth now."""
        self.busy_note.setVisible(busy)

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
        self.turnout.setToolTip("" if is_open else _("Voting is closed: no more ballots are taken."))
        self._show_voters(r, turnout, people)
        if r.has_paper:
            self.paper_note.setText(_("Paper dots have been entered; they stay hidden until the reveal."))
        else:
            self.paper_note.setText(_("No paper dots have been entered."))
        self.rules.setText(bullet_list(rules_lines(r, theme_names)))
        for widget in (self.booth_button, self.laptop_button, self.booth_hint, self.close_button):
            widget.setVisible(is_open)

    def _show_voters(self, r: RoundSnapshot, turnout: Turnout, people: Sequence[ParticipantSnapshot]) -> None:
        self.voters_box.setVisible(not r.anonymous)
        self.voters_note.setVisible(r.anonymous)
        if r.anonymous:
            self.voters_note.setText(_("Anonymous round: nobody sees who has voted."))
            return
        voted = turnout.voted_participant_ids
        # Numbered as the booth numbers its tiles, so the facilitator can say "you are number 7".
        labels = [
            (p.id, _("{number}. {name}").format(number=n, name=participant_label(p, public=False)))
            for n, p in enumerate(people, start=1)
        ]
        done = [label for person, label in labels if person in voted]
        waiting = [label for person, label in labels if person not in voted]
        self.voted_caption.setText(_("Have voted ({n})").format(n=len(done)))
        self.waiting_caption.setText(_("Not yet ({n})").format(n=len(waiting)))
        for widget, names in ((self.voted_list, done), (self.waiting_list, waiting)):
            widget.clear()
            widget.addItems(names)
            for row, name in enumerate(names):
                widget.item(row).setToolTip(name)
