"""The facilitator's work area for dot voting: the rounds, the chosen round by its state, the shortlist.

Until a round is revealed, nothing here shows a count of dots: only how many have voted,
and who in a named round.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QListView,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import voting
from app.clusters import list_clusters
from app.errors import KNOWN_ERRORS, InvalidInput, describe
from app.i18n import _, ngettext
from app.ideas import list_ideas
from app.participants import list_participants
from app.snapshots import ClusterSnapshot, ParticipantSnapshot, WorkshopSnapshot
from app.voting_results import FewBallots, reveal_round
from app.voting_snapshots import RoundSnapshot, RoundSpec
from models.enums import RoundState
from ui import typography
from ui.hub import Hub
from ui.voting_commands import (
    CreateRound,
    DeleteRound,
    EditRound,
    SetPaperDots,
    announce,
    push_or_report,
    submit,
    voting_step,
)
from ui.voting_dialogs import PaperDotsDialog, RoundDialog, Submit, run
from ui.voting_models import RoundListModel, ballot_warning, round_name
from ui.voting_reason_dialogs import confirm
from ui.voting_results_view import ResultsView
from ui.voting_round_view import BallotView, DraftView, PageStack, text_label
from ui.voting_screen_status import ScreenStatus
from ui.voting_shortlist import ShortlistView

if TYPE_CHECKING:
    from ui.presenter import Presenter


class VotingPanel(QWidget):
    """Two tabs: voting rounds (a list, and the chosen round by its state) and the shortlist."""

    def __init__(
        self, hub: Hub, workshop_id: str, presenter: Presenter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.hub, self.workshop_id, self.presenter = hub, workshop_id, presenter
        self.rounds: list[RoundSnapshot] = []
        self.clusters: list[ClusterSnapshot] = []
        self.people: list[ParticipantSnapshot] = []
        self.current_id: str | None = None
        self._shown_id: str | None = None  # the round drawn last: another one starts at the top
        self._stale = True

        self.round_model = RoundListModel(self)
        self.round_list = QListView()
        self.round_list.setModel(self.round_model)
        self.round_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.round_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.round_list.setAccessibleName(_("Voting rounds"))
        self.round_list.setSpacing(3)
        self.round_list.setWordWrap(True)
        self.round_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        typography.set_type(self.round_list, typography.LIST)
        self.round_list.selectionModel().currentChanged.connect(self._round_chosen)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.round_list)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_round)
        self.new_button = QPushButton(_("New round…"))
        self.new_button.clicked.connect(self.new_round)
        self.edit_button = QPushButton(_("Edit rules…"))
        self.edit_button.setToolTip(_("The rules can change only before voting opens."))
        self.edit_button.clicked.connect(self.edit_rules)
        self.delete_button = QPushButton(_("Delete"))
        self.delete_button.clicked.connect(self.delete_round)

        self.empty_view = QWidget()
        self.empty_text = text_label(typography.EMPTY_STATE)
        self.empty_text.setText(
            _("No voting round yet. A round sets the rules: how many dots each voter has, which ideas "
              "are on the ballot, and whether voting is anonymous.")
        )  # fmt: skip
        self.empty_new_button = QPushButton(_("New round…"))
        self.empty_new_button.clicked.connect(self.new_round)
        empty_layout = QVBoxLayout(self.empty_view)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addWidget(self.empty_new_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)
        self.draft_view = DraftView()
        self.draft_view.open_button.clicked.connect(self.open_voting)
        self.draft_view.edit_button.clicked.connect(self.edit_rules)
        self.ballot_view = BallotView()
        self.ballot_view.booth_button.clicked.connect(lambda: self.show_booth(here=False))
        self.ballot_view.laptop_button.clicked.connect(lambda: self.show_booth(here=True))
        self.ballot_view.paper_button.clicked.connect(self.enter_paper_dots)
        self.ballot_view.close_button.clicked.connect(self.close_voting)
        self.ballot_view.reveal_button.clicked.connect(self.reveal)
        self.results_view = ResultsView(hub, presenter)
        self.results_view.roundRequested.connect(self.select_round)
        # Not in a scroll area: the results table takes the room that is left and scrolls itself,
        # so the line, the tie and the buttons under it stay in sight; the other pages scroll inside.
        self.stack = PageStack()
        for view in (self.empty_view, self.draft_view, self.ballot_view, self.results_view):
            self.stack.addWidget(view)

        self.screen_row = ScreenStatus(presenter)
        self.screen_status, self.board_button = self.screen_row.text, self.screen_row.board_button
        self.shortlist_view = ShortlistView(hub, workshop_id)
        self.results_view.shortlistMade.connect(lambda: self.tabs.setCurrentWidget(self.shortlist_view))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._rounds_tab(), _("Voting rounds"))
        self.tabs.addTab(self.shortlist_view, _("Shortlist"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        hub.votingChanged.connect(self._voting_changed)
        hub.shortlistChanged.connect(self._workshop_data_changed)
        hub.participantsChanged.connect(self._workshop_data_changed)
        hub.clustersChanged.connect(self._workshop_data_changed)
        hub.ideasRemoved.connect(lambda workshop_id, _ids: self._workshop_data_changed(workshop_id))
        presenter.votingViewChanged.connect(self._show_screen_status)
        presenter.ballotInProgressChanged.connect(lambda _busy: self._show_busy())
        self.reload()

    def _rounds_tab(self) -> QWidget:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.round_list, 1)
        buttons = QGridLayout()  # two rows: the list stays narrow and the chosen round gets the room
        buttons.addWidget(self.new_button, 0, 0, 1, 2)
        buttons.addWidget(self.edit_button, 1, 0)
        buttons.addWidget(self.delete_button, 1, 1)
        left_layout.addLayout(buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.stack, 1)
        right_layout.addWidget(self.screen_row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([210, 690])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        return splitter

    # -- reading ---------------------------------------------------------------------------------

    def show_workshop(self, workshop: WorkshopSnapshot) -> None:
        """Called by the workshop page when it draws the phase anew."""
        if workshop.id == self.workshop_id:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        """Read the rounds, themes and people again, keep the chosen round, and draw it."""
        self._stale = False
        try:
            self.rounds = voting.list_rounds(self.hub.db, self.workshop_id)
            self.clusters = list_clusters(self.hub.db, self.workshop_id)
            self.people = list_participants(self.hub.db, self.workshop_id)
        except KNOWN_ERRORS as exc:  # the workshop went while this was hidden
            self.hub.failed.emit(describe(exc))
            return
        self.round_model.set_rounds(self.rounds)
        ids = [r.id for r in self.rounds]
        if self.current_id not in ids:
            opened = [r.id for r in self.rounds if r.state is RoundState.OPEN]
            self.current_id = (opened or ids or [None])[-1]
        self._select_row()
        self._show_current()
        self.shortlist_view.reload()
        count = self.shortlist_view.live_count()
        self.tabs.setTabText(1, _("Shortlist ({n})").format(n=count) if count else _("Shortlist"))
        self._show_screen_status()

    def _voting_changed(self, workshop_id: str, _round_id: str) -> None:
        self._workshop_data_changed(workshop_id)

    def _workshop_data_changed(self, workshop_id: str) -> None:
        if workshop_id != self.workshop_id:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def current_round(self) -> RoundSnapshot | None:
        return next((r for r in self.rounds if r.id == self.current_id), None)

    def select_round(self, round_id: str) -> None:
        self.current_id = round_id
        if self.round_model.row_of(round_id) < 0:
            self.reload()
        self._select_row()
        self._show_current()

    def _select_row(self) -> None:
        row = self.round_model.row_of(self.current_id) if self.current_id else -1
        selection = self.round_list.selectionModel()
        blocked = selection.blockSignals(True)
        if row >= 0:
            self.round_list.setCurrentIndex(self.round_model.index(row))
        else:
            selection.clearSelection()
        selection.blockSignals(blocked)

    def _round_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.current_id = self.round_model.round(current.row()).id
            self._show_current()

    def _show_current(self) -> None:
        r = self.current_round()
        self.edit_button.setEnabled(r is not None and r.state is RoundState.DRAFT)
        taking_ballots = r is not None and r.state is RoundState.OPEN
        self.delete_button.setEnabled(r is not None and not taking_ballots)
        self.delete_button.setToolTip(_("Close voting before deleting the round.") if taking_ballots else "")
        if r is None:
            self.stack.setCurrentWidget(self.empty_view)
            return
        numbers = self.round_model.numbers()
        themes = [c.name for c in self.clusters if c.id in r.cluster_ids]
        try:
            if r.state is RoundState.DRAFT:
                self.draft_view.show_round(r, numbers, themes)
                view: QWidget = self.draft_view
            elif r.state is RoundState.REVEALED:
                self.results_view.show_round(r, numbers)
                view = self.results_view
            else:
                self.ballot_view.show_round(
                    r, numbers, themes, voting.turnout(self.hub.db, r.id), self.people
                )
                view = self.ballot_view
        except KNOWN_ERRORS as exc:
            self.hub.failed.emit(describe(exc))
            return
        self.stack.setCurrentWidget(view)
        if r.id != self._shown_id:  # another round: from its top, not where the last one was left
            self._shown_id = r.id
            self.draft_view.scroll_to_top()
            self.ballot_view.scroll_to_top()
            self.results_view.table.scrollToTop()
        self._show_busy()

    def ballot_in_progress(self, round_id: str) -> bool:
        """Someone has stepped up to this round's booth and not pressed Done or Cancel yet."""
        view = self.presenter.voting_view
        return (
            view is not None
            and view.kind == "booth"
            and view.round_id == round_id
            and self.presenter.ballot_in_progress
        )

    def _show_busy(self) -> None:
        r = self.current_round()
        self.ballot_view.show_busy(
            r is not None and r.state is RoundState.OPEN and self.ballot_in_progress(r.id)
        )

    def _show_screen_status(self) -> None:
        self._show_busy()
        self.screen_row.show_status(self.round_model.numbers())

    # -- rounds and their rules (undoable) --------------------------------------------------------

    def _dialog(self, round_: RoundSnapshot | None, send: Submit) -> RoundDialog:
        ideas = list_ideas(self.hub.db, self.workshop_id)
        number = max((r.number for r in self.rounds), default=0) + 1
        return RoundDialog(ideas, self.clusters, len(self.people), send, round_, number, self)

    def new_round(self) -> None:
        def send(spec: RoundSpec) -> InvalidInput | None:
            command = CreateRound(self.hub, self.workshop_id, spec)
            refusal = submit(self.hub, command)
            if refusal is None and command.round_id is not None:
                self.select_round(command.round_id)
            return refusal

        run(self._dialog(None, send))

    def edit_rules(self) -> None:
        r = self.current_round()
        if r is None or r.state is not RoundState.DRAFT:
            return
        run(self._dialog(r, lambda spec: submit(self.hub, EditRound(self.hub, r, spec))))

    def delete_round(self) -> None:
        r = self.current_round()
        if r is None or r.state is RoundState.OPEN:
            return
        if r.ballots or r.has_paper:
            text = ngettext(
                "{round} has {n} ballot. Delete the round? Undo (Ctrl+Z) brings it back.",
                "{round} has {n} ballots. Delete the round? Undo (Ctrl+Z) brings it back.",
                r.ballots,
            ).format(round=round_name(r, self.round_model.numbers()), n=r.ballots)
            if not confirm(self, _("Delete round"), text, _("Delete the round"), warning=True):
                return
        push_or_report(self.hub, DeleteRound(self.hub, r))

    def enter_paper_dots(self) -> None:
        r = self.current_round()
        if r is None or r.state not in (RoundState.OPEN, RoundState.CLOSED):
            return
        titles = {i.id: i.title for i in list_ideas(self.hub.db, self.workshop_id)}
        before = voting.paper_tally(self.hub.db, r.id)

        def send(dots: dict[str, int]) -> InvalidInput | None:
            if all(before.get(i, 0) == n for i, n in dots.items()):
                return None  # nothing changed: nothing to undo
            return submit(self.hub, SetPaperDots(self.hub, r, dots))

        ideas = [(i, titles[i]) for i in r.eligible_ids if i in titles]
        run(PaperDotsDialog(round_name(r, self.round_model.numbers()), ideas, before, send, self))

    # -- the steps the room sees (not undoable) ---------------------------------------------------

    def open_voting(self) -> None:
        r = self.current_round()
        if r is not None:
            voting_step(self.hub, self.workshop_id, r.id, lambda: voting.open_round(self.hub.db, r.id))

    def close_voting(self) -> None:
        r = self.current_round()
        if r is None:
            return
        close_anyway = _("Close anyway?")  # outside the f-string, where the catalogue's extraction finds it
        if self.ballot_in_progress(r.id) and not confirm(
            self, _("Close voting"), f"{ballot_warning()} {close_anyway}", _("Close voting"), warning=True
        ):
            return
        voting_step(self.hub, self.workshop_id, r.id, lambda: voting.close_round(self.hub.db, r.id))

    def show_booth(self, *, here: bool) -> None:
        """The booth of the chosen round on the shared screen, or (``here``) on this laptop."""
        r = self.current_round()
        if r is not None:
            self.results_view.booth_here = here  # a runoff opens its booth in the same place
            self.presenter.show_screen()
            self.presenter.show_booth(r.id, here=here)

    def reveal(self) -> None:
        r = self.current_round()
        if r is None:
            return
        name = round_name(r, self.round_model.numbers())
        question = _("Reveal the results of {round}? Voting closes, and the counts appear here. The room "
                     "sees them when you show them on the shared screen.").format(round=name)  # fmt: skip
        busy = self.ballot_in_progress(r.id)
        if busy:
            question = f"{ballot_warning()} {question}"
        if not confirm(self, _("Reveal results"), question, _("Reveal"), warning=busy):
            return
        try:
            reveal_round(self.hub.db, r.id)
        except FewBallots as exc:
            if confirm(self, _("Few ballots"), exc.message, _("Reveal anyway"), warning=True):
                voting_step(
                    self.hub,
                    self.workshop_id,
                    r.id,
                    lambda: reveal_round(self.hub.db, r.id, few_ballots_ok=True),
                )
            return
        except KNOWN_ERRORS as exc:
            self.hub.failed.emit(describe(exc))
            return
        announce(self.hub, self.workshop_id, r.id)
