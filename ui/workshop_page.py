"""A workshop opened: the agenda, the current phase's work, the timer and the shared screen."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import agenda
from app.errors import NotFound
from app.i18n import _, format_date
from app.snapshots import PhaseSnapshot, WorkshopSnapshot
from app.vocabulary import PHASE_STATES, label
from app.workshops import get_workshop
from models.enums import PhaseState
from ui import typography
from ui.agenda_model import AgendaModel
from ui.commands import MoveAgenda, push
from ui.hub import Hub
from ui.presenter import Presenter
from ui.room_timer import RoomTimer, TimerPanel
from ui.screen_controls import ScreenControls

#: Phase kinds with a work area of their own; the others show the overview.
WORK_AREAS = (
    "challenge",
    "ideas",
    "clusters",
    "backing",
    "voting",
    "review",
    "analysis",
    "plan",
    "decision",
    "resources",
    "support",
    "realisation",
)


class WorkshopPage(QWidget):
    """The agenda down one side, the current phase's work in the middle; timer and screen on top.

    Signals:
        backRequested(): the user wants the workshop list again.
        phaseChanged(): the current or the chosen phase changed, or the agenda was drawn anew.
    """

    backRequested = Signal()
    phaseChanged = Signal()

    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.workshop: WorkshopSnapshot | None = None

        self.back_button = QPushButton(_("← All workshops"))
        self.back_button.clicked.connect(self.backRequested)
        self.title = QLabel()
        typography.set_type(self.title, typography.PAGE_HEADING, bold=True)
        self.title.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details_button = QPushButton(_("Details…"))
        self.details_button.setToolTip(_("Date, place, organisation, case number and follow-up link"))
        self.details_button.clicked.connect(self.edit_details)

        self.agenda_model = AgendaModel(self)
        self.agenda = QListView()
        self.agenda.setModel(self.agenda_model)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda.setWordWrap(True)
        typography.set_type(self.agenda, typography.LIST)
        self.agenda.setSpacing(2)
        self.agenda.activated.connect(self._go_to)
        self.agenda.selectionModel().currentChanged.connect(self._update_skip_button)
        self.agenda.setAccessibleName(_("Agenda"))

        self.phase_title = QLabel()
        typography.set_type(self.phase_title, typography.PAGE_HEADING, bold=True)
        self.phase_title.setWordWrap(True)
        self.phase_state = QLabel()
        self.phase_description = QLabel()
        self.phase_description.setWordWrap(True)
        typography.set_type(self.phase_description, typography.LIST)
        self.phase_description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.challenge_heading = QLabel(_("The challenge"))
        typography.set_type(self.challenge_heading, typography.LIST, bold=True)
        self.challenge = QLabel()
        self.challenge.setWordWrap(True)
        self.challenge.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.challenge.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        typography.set_type(self.challenge, typography.LIST)

        self.previous_button = QPushButton(_("Previous phase"))
        self.previous_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(_("Next phase"))
        self.next_button.clicked.connect(self.advance)
        self.skip_button = QPushButton(_("Skip phase"))
        self.skip_button.clicked.connect(self.toggle_skip)

        agenda_box = QWidget()
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_layout.addWidget(QLabel(_("Agenda")))
        agenda_layout.addWidget(self.agenda, 1)

        self.overview = QWidget()
        overview_layout = QVBoxLayout(self.overview)
        overview_layout.setContentsMargins(0, 0, 0, 0)
        overview_layout.addWidget(self.challenge_heading)
        overview_layout.addWidget(self.challenge, 1)
        self.work = QStackedWidget()
        self.work.addWidget(self.overview)
        self.areas: dict[str, QWidget] = {}

        phase_box = QWidget()
        phase_layout = QVBoxLayout(phase_box)
        phase_heading = QHBoxLayout()
        phase_heading.addWidget(self.phase_title, 1)
        phase_heading.addWidget(self.phase_state)
        phase_layout.addLayout(phase_heading)
        phase_layout.addWidget(self.phase_description)
        phase_layout.addWidget(self.work, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        phase_layout.addLayout(buttons)

        self.splitter = QSplitter()
        self.splitter.addWidget(agenda_box)
        self.splitter.addWidget(phase_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([360, 900])

        self.timer = RoomTimer(parent=self)
        self.presenter = Presenter(hub, self.timer, self)
        self.timer_panel = TimerPanel(self.timer)
        self.timer_panel.showBigToggled.connect(self._timer_big)
        self.screen_controls = ScreenControls(self.presenter)
        self.presenter.modeChanged.connect(self._mode_changed)
        room = QFrame()
        room.setFrameShape(QFrame.Shape.StyledPanel)
        # Two rows, so that the window still fits a 1280x720 laptop screen.
        room_layout = QVBoxLayout(room)
        room_layout.setContentsMargins(8, 4, 8, 4)
        room_layout.setSpacing(4)
        for row_widget in (self.timer_panel, self.screen_controls):
            row = QHBoxLayout()
            row.addWidget(row_widget)
            row.addStretch(1)
            room_layout.addLayout(row)

        top = QHBoxLayout()
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.title, 1)
        top.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignVCenter)
        header = QVBoxLayout()
        header.addLayout(top)
        header.addWidget(self.details)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(room)
        layout.addWidget(self.splitter, 1)

        hub.workshopChanged.connect(self._on_changed)

    def show_workshop(self, workshop_id: str) -> None:
        if self.workshop is not None and self.workshop.id != workshop_id:
            self._drop_areas()
        self.workshop = get_workshop(self.hub.db, workshop_id)
        self.presenter.open_workshop(self.workshop)
        self._render()

    def edit_details(self) -> None:
        """The workshop's details for the protocol's header, in a dialog; saved as one undoable change."""
        if self.workshop is None:
            return
        from ui.workshop_details import edit_details

        self.flush_edits()
        edit_details(self.hub, self.workshop.id, self)

    def leave(self) -> None:
        """The facilitator goes back to the list: save typing, blank the shared screen."""
        self.flush_edits()
        self.presenter.close_workshop()

    def flush_edits(self) -> None:
        """Save what is being typed in the work areas (also called by the crash handler)."""
        for area in self.areas.values():
            flush = getattr(area, "flush", None)
            if callable(flush):
                flush()

    def _drop_areas(self) -> None:
        self.flush_edits()
        for area in self.areas.values():
            self.work.removeWidget(area)
            area.deleteLater()
        self.areas.clear()

    def _area_for(self, phase: PhaseSnapshot | None) -> QWidget:
        if phase is None or phase.kind not in WORK_AREAS or self.workshop is None:
            return self.overview
        if phase.kind not in self.areas:
            area = self._make_area(phase.kind, self.workshop)
            self.areas[phase.kind] = area
            self.work.addWidget(area)
        area = self.areas[phase.kind]
        show = getattr(area, "show_workshop", None)
        if callable(show):
            show(self.workshop)
        return area

    def _make_area(self, kind: str, workshop: WorkshopSnapshot) -> QWidget:
        if kind == "challenge":
            from ui.challenge_editor import ChallengeEditor

            return ChallengeEditor(self.hub, workshop)
        if kind == "ideas":
            from ui.idea_capture import IdeaCapture

            return IdeaCapture(self.hub, workshop.id)
        if kind == "clusters":
            from ui.idea_board import IdeaBoard

            return IdeaBoard(self.hub, workshop.id)
        if kind == "voting":
            from ui.voting_panel import VotingPanel

            return VotingPanel(self.hub, workshop.id, self.presenter)
        if kind == "review":
            from ui.review_panel import ReviewPanel

            return ReviewPanel(self.hub, workshop.id, self.presenter)
        if kind == "analysis":
            from ui.analysis_panel import AnalysisPanel

            return AnalysisPanel(self.hub, workshop.id)
        if kind == "plan":
            from ui.plan_panel import PlanPanel

            return PlanPanel(self.hub, workshop.id)
        if kind == "decision":
            from ui.decision_panel import DecisionPanel

            return DecisionPanel(self.hub, workshop.id)
        if kind == "resources":
            from ui.resources_panel import ResourcesPanel

            return ResourcesPanel(self.hub, workshop.id)
        if kind in ("support", "realisation"):
            # Both follow-up phases work on the same records: one panel serves them.
            from ui.followup_panel import FollowUpPanel

            return FollowUpPanel(self.hub, workshop.id)
        from ui.backing_panel import BackingPanel

        return BackingPanel(self.hub, workshop.id, leader=workshop.facilitator)

    def _timer_big(self, big: bool) -> None:
        from ui.presenter import Mode

        if big:
            self.presenter.set_mode(Mode.TIMER)
        elif self.presenter.mode is Mode.TIMER:  # unticking never undoes a blank or a break
            self.presenter.set_mode(Mode.FOLLOW)

    def _mode_changed(self, mode: str) -> None:
        blocked = self.timer_panel.show_big.blockSignals(True)
        self.timer_panel.show_big.setChecked(mode == "timer")
        self.timer_panel.show_big.blockSignals(blocked)

    def _on_changed(self, workshop_id: str) -> None:
        if self.workshop is None or workshop_id != self.workshop.id:
            return
        try:
            self.workshop = get_workshop(self.hub.db, workshop_id)
        except NotFound:
            self.backRequested.emit()
            return
        self._render()

    def _render(self) -> None:
        w = self.workshop
        if w is None:
            return
        self.title.setText(w.title)
        parts = [format_date(w.held_on, "long"), w.place, w.organisation]
        if w.case_number:
            parts.append(_("Case {number}").format(number=w.case_number))
        self.details.setText("  ·  ".join(p for p in parts if p))
        self.agenda_model.set_phases(w.phases)
        current = w.current_phase
        if current is not None:
            self.agenda.setCurrentIndex(self.agenda_model.index(current.position))
        self.challenge.setText(w.challenge or _("No challenge has been written yet."))
        self._render_phase(current)
        self.work.setCurrentWidget(self._area_for(current))
        self._update_skip_button()

    def _render_phase(self, phase: PhaseSnapshot | None) -> None:
        if phase is None:
            self.phase_state.setText(_("The agenda is done."))
            self.phase_title.setText(_("All phases are done or skipped"))
            self.phase_description.setText(_("Go back to a phase in the agenda to continue working in it."))
        else:
            where = _("In the room") if phase.in_room else _("Follow-up after the workshop")
            minutes = (
                _("{n} minutes planned").format(n=phase.planned_minutes) if phase.planned_minutes else ""
            )
            step = _("Step {n} of the 10-step model").format(n=phase.step) if phase.step else ""
            self.phase_state.setText(
                "  ·  ".join(p for p in (label(PHASE_STATES, phase.state), step, where, minutes) if p)
            )
            self.phase_title.setText(phase.title)
            self.phase_description.setText(phase.description)
        self.next_button.setEnabled(phase is not None)
        self.previous_button.setEnabled(
            self.workshop is not None and any(p.state is not PhaseState.PENDING for p in self.workshop.phases)
            and (phase is None or phase.position > 0)
        )  # fmt: skip

    def selected_phase(self) -> PhaseSnapshot | None:
        index = self.agenda.currentIndex()
        if index.isValid():
            return self.agenda_model.phase(index.row())
        return self.workshop.current_phase if self.workshop else None

    def _update_skip_button(self) -> None:
        phase = self.selected_phase()
        skipped = phase is not None and phase.state is PhaseState.SKIPPED
        self.skip_button.setText(_("Take back phase") if skipped else _("Skip phase"))
        self.skip_button.setEnabled(phase is not None and (skipped or phase.state is not PhaseState.DONE))
        self.phaseChanged.emit()

    def _move(self, text: str, move: object) -> None:
        assert self.workshop is not None
        assert callable(move)
        self.flush_edits()
        push(self.hub, MoveAgenda(self.hub, self.workshop.id, text, move))

    def _may_leave_phase(self) -> bool:
        """Before the current phase changes: the dot voting phase asks about rounds still open."""
        current = self.workshop.current_phase if self.workshop is not None else None
        if self.workshop is None or current is None or current.kind != "voting":
            return True
        from ui.voting_leave import may_leave_voting

        return may_leave_voting(self.hub, self, self.workshop.id, self.presenter)

    def advance(self) -> None:
        if self.workshop is not None and self._may_leave_phase():
            wid = self.workshop.id
            self._move(_("Next phase"), lambda: agenda.advance(self.hub.db, wid))

    def go_back(self) -> None:
        if self.workshop is not None and self._may_leave_phase():
            wid = self.workshop.id
            self._move(_("Previous phase"), lambda: agenda.go_back(self.hub.db, wid))

    def toggle_skip(self) -> None:
        if self.workshop is None:
            return
        phase = self.selected_phase()
        if phase is None:
            return
        leaves = phase.state is PhaseState.ACTIVE  # skipping the current phase moves on
        if leaves and not self._may_leave_phase():
            return
        wid, skip = self.workshop.id, phase.state is not PhaseState.SKIPPED
        text = _("Skip “{phase}”") if skip else _("Take back “{phase}”")
        self._move(
            text.format(phase=phase.title), lambda: agenda.set_skipped(self.hub.db, wid, phase.id, skip)
        )

    def _go_to(self, index: QModelIndex) -> None:
        if self.workshop is None or not index.isValid():
            return
        phase = self.agenda_model.phase(index.row())
        if phase.state is PhaseState.ACTIVE or not self._may_leave_phase():
            return
        wid = self.workshop.id
        self._move(
            _("Go to “{phase}”").format(phase=phase.title),
            lambda: agenda.go_to_phase(self.hub.db, wid, phase.id),
        )
