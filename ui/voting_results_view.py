"""A revealed round: the ranking with bars of dots, the cut line, ties at it, and the shortlist from it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import shortlist as shortlist_service
from app.errors import KNOWN_ERRORS, describe
from app.i18n import _, ngettext
from app.voting import get_round
from app.voting_results import cut_view, results, runoffs_of, settle_tie, start_runoff
from app.voting_snapshots import CutView, RoundResults, RoundSnapshot, TieSettlement
from models.enums import RoundState
from ui import typography
from ui.hub import Hub
from ui.results_model import DotBarDelegate, ResultsModel, legend_html
from ui.voting_commands import MakeShortlist, dialog_step, push_or_report, submit, voting_step
from ui.voting_dialogs import run
from ui.voting_models import round_name
from ui.voting_reason_dialogs import ReasonDialog, SettleTieDialog
from ui.voting_round_view import heading_label, text_label

if TYPE_CHECKING:
    from ui.presenter import Presenter

#: How many ideas go on when the facilitator has not chosen yet.
DEFAULT_SHORTLIST = 5
#: A tie is named in one sentence: this many titles of this length at most, then "and n more".
TITLES_SHOWN = 3
TITLE_CHARS = 40


def summary_text(res: RoundResults) -> str:
    """'23 ballots · 69 dots from the booth, 12 from paper'."""
    ballots = ngettext("{n} ballot", "{n} ballots", res.ballots).format(n=res.ballots)
    booth = ngettext("{n} dot from the booth", "{n} dots from the booth", res.booth_dots).format(
        n=res.booth_dots
    )
    return _("{ballots} · {booth}, {paper} from paper").format(
        ballots=ballots, booth=booth, paper=res.paper_dots
    )


class ResultsView(QWidget):
    """The ranking of a revealed round and what the facilitator does with it.

    Signals:
        roundRequested(str): show this round instead (a runoff just started, or its parent).
        shortlistMade(): the shortlist was made from this round.
    """

    roundRequested = Signal(str)
    shortlistMade = Signal()

    def __init__(self, hub: Hub, presenter: Presenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub, self.presenter = hub, presenter
        self.round: RoundSnapshot | None = None
        self.results: RoundResults | None = None
        self.cut: CutView | None = None
        self.parent_round: RoundSnapshot | None = None
        self.numbers: dict[str, int] = {}
        #: Where the last booth was opened (on this laptop, or the shared screen): a runoff's goes there too.
        self.booth_here = False

        self.heading = heading_label()
        self.summary = text_label(bold=True)
        self.legend = QLabel(legend_html())
        self.model = ResultsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(ResultsModel.DOTS, DotBarDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # A few rows at least; it takes the room the page has left and scrolls itself.
        self.table.setMinimumHeight(self.table.fontMetrics().height() * 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ResultsModel.IDEA, QHeaderView.ResizeMode.Stretch)
        typography.set_type(self.table, typography.LIST)

        self.top_radio = QRadioButton(_("Shortlist the top"))
        self.top_spin = QSpinBox()
        self.top_spin.setRange(1, 999)
        self.least_radio = QRadioButton(_("or every idea with at least"))
        self.least_spin = QSpinBox()
        self.least_spin.setRange(1, 99_999)
        self.top_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.top_radio)
        group.addButton(self.least_radio)
        self.cut_row = QWidget()
        cut_layout = QHBoxLayout(self.cut_row)
        cut_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.top_radio, self.top_spin, self.least_radio, self.least_spin):
            cut_layout.addWidget(widget)
        cut_layout.addStretch(1)
        self.cut_label = text_label(bold=True)
        self.runoff_button = QPushButton(_("Start a runoff"))
        self.runoff_button.setToolTip(
            _("A short vote between the tied ideas only, shown at the booth at once.")
        )
        self.settle_button = QPushButton(_("Settle by hand…"))
        self.runoff_note = text_label()
        self.go_to_runoff_button = QPushButton(_("Go to the runoff"))
        self.back_button = QPushButton()
        self.screen_button = QPushButton(_("Show on the shared screen"))
        self.screen_button.setToolTip(_("The room sees this ranking, with the line where you draw it."))
        self.shortlist_button = QPushButton(_("Make the shortlist"))
        typography.set_type(self.shortlist_button, typography.LIST, bold=True)

        # One row of buttons, so that the table keeps its room on a 1280x720 screen.
        buttons = QHBoxLayout()
        for button in (self.runoff_button, self.settle_button, self.go_to_runoff_button, self.back_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.screen_button)
        buttons.addWidget(self.shortlist_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        summary = QHBoxLayout()
        summary.addWidget(self.summary, 1)
        summary.addWidget(self.legend)
        layout.addLayout(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.cut_row)
        layout.addWidget(self.cut_label)
        layout.addWidget(self.runoff_note)
        layout.addLayout(buttons)

        self.top_spin.valueChanged.connect(self.update_cut)
        self.least_spin.valueChanged.connect(self.update_cut)
        self.top_radio.toggled.connect(self.update_cut)
        self.runoff_button.clicked.connect(self.start_runoff)
        self.settle_button.clicked.connect(self.settle_by_hand)
        self.go_to_runoff_button.clicked.connect(self._go_to_runoff)
        self.back_button.clicked.connect(self._go_to_parent)
        self.screen_button.clicked.connect(self.show_on_screen)
        self.shortlist_button.clicked.connect(self.make_shortlist)

    # -- showing a round ----------------------------------------------------------------------

    def show_round(self, r: RoundSnapshot, numbers: dict[str, int]) -> None:
        first = self.round is None or self.round.id != r.id
        self.round, self.numbers = r, numbers
        self.results = results(self.hub.db, r.id)
        self.model.set_results(self.results)
        results_word = _("results")  # outside the f-string, where the catalogue's extraction finds it
        self.heading.setText(f"{round_name(r, numbers)} · {results_word}")
        self.summary.setText(summary_text(self.results))
        self.parent_round = get_round(self.hub.db, r.runoff_of_id) if r.runoff_of_id else None
        if self.parent_round is not None:
            self.back_button.setText(_("Back to round {n}").format(n=self.parent_round.number))
        most = max((i.total for i in self.results.ideas), default=1)
        self.top_spin.setMaximum(max(1, len(self.results.ideas)))
        self.least_spin.setMaximum(max(1, most))
        if first:
            blocked = [w.blockSignals(True) for w in (self.top_spin, self.least_spin, self.top_radio)]
            places = r.dots if r.is_runoff else (r.shortlist_size or DEFAULT_SHORTLIST)
            self.top_spin.setValue(min(places, self.top_spin.maximum()))
            self.top_radio.setChecked(True)
            ideas = self.results.ideas
            self.least_spin.setValue(
                max(1, ideas[min(len(ideas), self.top_spin.value()) - 1].total if ideas else 1)
            )
            for widget, was in zip((self.top_spin, self.least_spin, self.top_radio), blocked, strict=True):
                widget.blockSignals(was)
        self.cut_row.setVisible(not r.is_runoff)
        self.shortlist_button.setVisible(not r.is_runoff)
        self.back_button.setVisible(r.is_runoff)
        self.update_cut()

    def line_size(self) -> int:
        """Where the line is drawn: after the top N, or after the last idea with at least k dots."""
        if self.least_radio.isChecked() and self.results is not None:
            least = self.least_spin.value()
            return sum(1 for i in self.results.ideas if i.total >= least)
        return self.top_spin.value()

    def update_cut(self) -> None:
        r, res = self.round, self.results
        if r is None or res is None:
            return
        self.top_spin.setEnabled(self.top_radio.isChecked())
        self.least_spin.setEnabled(self.least_radio.isChecked())
        self.least_spin.setSuffix(ngettext(" dot", " dots", self.least_spin.value()))
        self.cut = None
        tied_open = False
        if self.least_radio.isChecked():
            least = self.least_spin.value()
            going = [i.idea_id for i in res.ideas if i.total >= least]
            self.model.set_cut(going, ())
            at_least = ngettext("at least {k} dot", "at least {k} dots", least).format(k=least)
            text = ngettext(
                "{n} idea has {at_least} and goes on.",
                "{n} ideas have {at_least} and go on.",
                len(going),
            ).format(n=len(going), at_least=at_least)
        else:
            self.cut = cut_view(self.hub.db, r.id, self.top_spin.value())
            self.model.set_cut(self.cut.going_on, self.cut.tied)
            text = self._cut_text(self.cut)
            tied_open = self.cut.is_tied
        self.cut_label.setText(text)
        self._show_tie_steps(tied_open)
        self._follow_on_screen()

    def _titles(self, ids: tuple[str, ...]) -> str:
        """The first few titles (each cut short if long), then how many more: the table shows them all."""
        titles = {i.idea_id: i.title for i in self.results.ideas} if self.results else {}
        named = [titles.get(i, "?") for i in ids[:TITLES_SHOWN]]
        quoted = _("“{title}”")  # Swedish and Norwegian quote differently
        text = ", ".join(
            quoted.format(title=t if len(t) <= TITLE_CHARS else t[: TITLE_CHARS - 1] + "…") for t in named
        )
        if len(ids) > TITLES_SHOWN:
            text = _("{titles} and {n} more").format(titles=text, n=len(ids) - TITLES_SHOWN)
        return text

    def _cut_text(self, view: CutView) -> str:
        if view.is_tied:
            return ngettext(
                "{n} ideas are tied for the last place: {titles}.",
                "{n} ideas are tied for the last {places} places: {titles}.",
                view.places,
            ).format(n=len(view.tied), places=view.places, titles=self._titles(view.tied))
        parts = [
            ngettext("{n} idea goes on.", "{n} ideas go on.", len(view.going_on)).format(n=len(view.going_on))
        ]
        if len(view.going_on) < view.size:
            parts.append(_("Ideas without dots do not go on by the vote."))
        for settled in view.settlements:
            if settled.runoff_id is not None:
                parts.append(
                    _("The tie at the line was settled by the runoff (round {n}).").format(
                        n=self.numbers.get(settled.runoff_id, "?")
                    )
                )
            else:
                parts.append(
                    _("The tie at the line was settled by hand: {reason}").format(reason=settled.reason)
                )
        return " ".join(parts)

    def _pending_runoff(self) -> RoundSnapshot | None:
        """A runoff of this round still being voted on (not revealed yet)."""
        if self.round is None:
            return None
        pending = [r for r in runoffs_of(self.hub.db, self.round.id) if r.state is not RoundState.REVEALED]
        return pending[-1] if pending else None

    def settled_by_hand(self) -> TieSettlement | None:
        """The tie at the line as settled by hand, if it was (it may be settled again)."""
        if self.cut is None:
            return None
        return next((s for s in self.cut.settlements if s.runoff_id is None), None)

    def _show_tie_steps(self, tied: bool) -> None:
        r = self.round
        runoff = self._pending_runoff() if tied else None
        is_runoff = r is not None and r.is_runoff
        again = not tied and self.settled_by_hand() is not None
        self.runoff_button.setVisible(tied and not is_runoff and runoff is None)
        self.settle_button.setVisible((tied or again) and not is_runoff)
        self.settle_button.setText(_("Settle again…") if again else _("Settle by hand…"))
        self.go_to_runoff_button.setVisible(runoff is not None)
        self.runoff_note.setVisible(runoff is not None or is_runoff)
        if runoff is not None:
            self.runoff_note.setText(
                _(
                    "Round {n}, a runoff between the tied ideas, is under way: reveal it to settle the tie."
                ).format(n=runoff.number)
            )
        elif is_runoff:
            self.runoff_note.setText(self._runoff_outcome(tied))
        self.shortlist_button.setEnabled(not tied)
        self.shortlist_button.setToolTip(
            _("Settle the tie at the line first: start a runoff or settle it by hand.") if tied else ""
        )

    def _runoff_outcome(self, tied: bool) -> str:
        parent = self.parent_round
        if parent is None:
            return ""
        if tied:
            return _(
                "The runoff is tied too: go back to round {n} to start another runoff or settle it by hand."
            ).format(n=parent.number)
        return _(
            "This runoff settles the tie at the line in round {n}: go back to it to make the shortlist."
        ).format(n=parent.number)

    # -- acting on it ---------------------------------------------------------------------------

    def _follow_on_screen(self) -> None:
        """When the room sees this round's results, the line there moves with the one here."""
        view = self.presenter.voting_view
        if self.round is None or view is None or view.kind != "results" or view.round_id != self.round.id:
            return
        if view.size != self.line_size():
            self.presenter.show_results(self.round.id, self.line_size())

    def show_on_screen(self) -> None:
        if self.round is not None:
            self.presenter.show_screen()
            self.presenter.show_results(self.round.id, self.line_size())

    def start_runoff(self) -> None:
        r = self.round
        if r is None:
            return
        runoff = voting_step(
            self.hub, r.workshop_id, r.id, lambda: start_runoff(self.hub.db, r.id, self.top_spin.value())
        )
        if runoff is not None:
            self.presenter.show_screen()
            self.presenter.show_booth(runoff.id, here=self.booth_here)
            self.roundRequested.emit(runoff.id)

    def settle_by_hand(self) -> None:
        """Put the tied ideas in order with a reason; a tie settled by hand before is settled anew."""
        r, view = self.round, self.cut
        if r is None or view is None:
            return
        earlier = self.settled_by_hand()
        if view.is_tied:
            tied, places = view.tied, view.places
        elif earlier is not None:
            tied = earlier.idea_ids
            places = sum(1 for i in earlier.idea_ids if i in view.going_on)
        else:
            return
        titles = {i.idea_id: i.title for i in self.results.ideas} if self.results else {}
        size = view.size
        dialog = SettleTieDialog(
            [(i, titles.get(i, "?")) for i in tied],
            places,
            lambda ordered, reason: dialog_step(
                self.hub, r.workshop_id, r.id, lambda: settle_tie(self.hub.db, r.id, size, ordered, reason)
            ),
            self,
            earlier=earlier.reason if earlier is not None and not view.is_tied else None,
        )
        run(dialog)

    def make_shortlist(self) -> None:
        r = self.round
        if r is None:
            return
        by_size = not self.least_radio.isChecked()
        amount = {"size": self.top_spin.value()} if by_size else {"min_dots": self.least_spin.value()}
        try:
            existing = shortlist_service.shortlist(self.hub.db, r.workshop_id)
        except KNOWN_ERRORS as exc:
            self.hub.failed.emit(describe(exc))
            return
        if not existing:
            if push_or_report(self.hub, MakeShortlist(self.hub, r, **amount)):
                self.shortlistMade.emit()
            return
        prompt = ngettext(
            "The shortlist has {n} idea already. Making it again from {round} replaces it; the change is kept with its reason.",
            "The shortlist has {n} ideas already. Making it again from {round} replaces it; the change is kept with its reason.",
            len(existing),
        ).format(n=len(existing), round=_("round {n}").format(n=r.number))
        dialog = ReasonDialog(
            _("Make the shortlist again"),
            prompt,
            _("Replace the shortlist"),
            lambda reason: submit(self.hub, MakeShortlist(self.hub, r, reason=reason, **amount)),
            self,
        )
        if run(dialog):
            self.shortlistMade.emit()

    def _go_to_runoff(self) -> None:
        runoff = self._pending_runoff()
        if runoff is not None:
            self.roundRequested.emit(runoff.id)

    def _go_to_parent(self) -> None:
        if self.parent_round is not None:
            self.roundRequested.emit(self.parent_round.id)
