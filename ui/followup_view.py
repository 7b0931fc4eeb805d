"""The organiser's follow-up across all workshops: open actions, plans, follow-up dates, the funnel.

The view reads the overview (app.followup.overview) and the funnels once when it is shown or
when something it shows changed; the search and the workshop filter then narrow that snapshot
in memory (app.followup.filter_overview), so typing stays quick with thousands of actions.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.followup_overview import filter_overview, overview
from app.followup_snapshots import FollowUpOverview, Funnel
from app.i18n import _, format_number, ngettext
from app.idea_progress import funnels
from app.vocabulary import ACTION_STATUSES, IDEA_STATUSES, label
from models.enums import ActionStatus, IdeaStatus
from ui import typography
from ui.commands import push
from ui.followup_view_commands import SetFollowUpDate
from ui.followup_view_models import (
    WORKSHOP_ROLE,
    ActionsModel,
    PlansModel,
    WorkshopsModel,
    label_keep,
    workshop_label,
)
from ui.followup_view_tables import FollowUpDateDelegate, MiddleElided, RowsTable, WorkshopChooser, page
from ui.funnel_chart import FunnelChart, summary
from ui.hub import Hub


class FollowUpView(QWidget):
    """Open actions by due date, plans by step, each workshop's next follow-up, and the funnel.

    Signals:
        openRequested(str): the user wants to open the workshop with this id.
        backRequested(): the user wants the workshop list again.
    """

    openRequested = Signal(str)
    backRequested = Signal()

    ACTIONS_TAB, PLANS_TAB, DATES_TAB = range(3)

    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self._whole = FollowUpOverview(hub.today(), "", None, (), (), ())
        self.shown = self._whole
        self._funnels: dict[str, Funnel] = {}
        self._all_funnel = Funnel(workshop_id=None)
        self._stale = True
        self._queued = False

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._build_tables()
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self._build_funnel())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([940, 320])
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top())
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)

        for signal in (
            hub.workshopsChanged, hub.workshopChanged, hub.ideasChanged, hub.ideasRemoved,
            hub.participantsChanged, hub.backingsChanged, hub.shortlistChanged, hub.reviewChanged,
            hub.planChanged, hub.decisionsChanged, hub.followUpChanged, hub.progressChanged,
        ):  # fmt: skip
            signal.connect(self._mark_stale)

    def _build_top(self) -> QHBoxLayout:
        self.back_button = QPushButton(_("← All workshops"))
        self.back_button.clicked.connect(self.backRequested)
        heading = QLabel(_("Follow-up"))
        typography.set_type(heading, typography.PAGE_HEADING, bold=True)
        self.workshop_filter = WorkshopChooser()
        self.workshop_filter.setAccessibleName(_("Workshop"))
        self.workshop_filter.setMinimumContentsLength(30)
        self.workshop_filter.setSizeAdjustPolicy(
            WorkshopChooser.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.workshop_filter.currentIndexChanged.connect(self._apply)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search actions, owners, plans, workshops"))
        self.search.setAccessibleName(_("Search"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.workshop_filter)
        top.addWidget(self.search, 1)
        return top

    def _build_funnel(self) -> QWidget:
        self.funnel = FunnelChart()
        self.funnel_heading = QLabel()
        typography.set_type(self.funnel_heading, typography.LIST, bold=True)
        self.funnel_heading.setWordWrap(True)
        self.funnel_summary = QLabel()
        self.funnel_summary.setWordWrap(True)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 6, 4, 4)
        layout.addWidget(self.funnel_heading)
        layout.addWidget(self.funnel)
        layout.addWidget(self.funnel_summary)
        layout.addStretch(1)
        return box

    def _build_tables(self) -> None:
        day = _("{date} · Overdue").format(date="2026-09-30")
        word = "x" * 11
        statuses = max(
            (label(ACTION_STATUSES, s) for s in (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS)), key=len
        )
        self.actions_model = ActionsModel(self)
        self.action_rows = RowsTable(
            self.actions_model,
            (ActionsModel.ACTION, ActionsModel.WORKSHOP),
            {
                ActionsModel.DUE: day,
                ActionsModel.OWNER: word,
                ActionsModel.PLAN: word,
                ActionsModel.STATUS: statuses,
            },
            _("Open actions"),
        )
        self.plans_model = PlansModel(self)
        self.plan_rows = RowsTable(
            self.plans_model,
            (PlansModel.PLAN, PlansModel.WORKSHOP, PlansModel.DECISION),
            {
                PlansModel.STATUS: label(IDEA_STATUSES, IdeaStatus.REALISING),
                PlansModel.RESPONSIBLE: word[:9],
                PlansModel.OPEN: "99",
                PlansModel.LAST: "2026-09-30",
            },
            _("Plans"),
        )
        self.workshops_model = WorkshopsModel(self)
        self.date_rows = RowsTable(
            self.workshops_model,
            (WorkshopsModel.WORKSHOP,),
            {
                WorkshopsModel.NEXT: _("{date} · Due").format(date="2026-09-30"),
                WorkshopsModel.HELD: "2026-09-30",
                WorkshopsModel.OPEN: "999",
                WorkshopsModel.OVERDUE: "999",
            },
            _("Follow-up dates"),
        )
        self.date_delegate = FollowUpDateDelegate(self.hub.today(), self.date_rows.table)
        self.date_delegate.closeEditor.connect(self._editor_closed)
        dates = self.date_rows.table
        dates.setItemDelegateForColumn(WorkshopsModel.NEXT, self.date_delegate)
        dates.setEditTriggers(dates.EditTrigger.DoubleClicked | dates.EditTrigger.EditKeyPressed)
        self.workshops_model.followUpDateEdited.connect(self.set_follow_up_date)
        for table in (self.action_rows, self.plan_rows, self.date_rows):
            table.table.activated.connect(self._open)
        self.middle_elided = MiddleElided(self)
        for table, column in (
            (self.action_rows, ActionsModel.WORKSHOP),
            (self.plan_rows, PlansModel.WORKSHOP),
            (self.plan_rows, PlansModel.DECISION),
            (self.date_rows, WorkshopsModel.WORKSHOP),
        ):
            table.table.setItemDelegateForColumn(column, self.middle_elided)

        self.change_date = QPushButton(_("Change the date…"))
        self.change_date.clicked.connect(self._edit_date)
        self.remove_date = QPushButton(_("No date"))
        self.remove_date.setToolTip(_("The workshop has no follow-up planned."))
        self.remove_date.clicked.connect(lambda: self._set_current_date(None))
        self.open_button = QPushButton(_("Open the workshop"))
        self.open_button.clicked.connect(lambda: self._open(self.date_rows.table.currentIndex()))
        buttons = QHBoxLayout()
        for button in (self.change_date, self.remove_date):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        dates.selectionModel().currentChanged.connect(self._enable_date_buttons)
        button_row = QWidget()
        button_row.setLayout(buttons)
        buttons.setContentsMargins(0, 0, 0, 0)

        opens = _("Double-click a row, or press Enter, to open its workshop.")
        self.tabs.addTab(page(opens, self.action_rows), "")
        self.tabs.addTab(page(opens, self.plan_rows), "")
        self.tabs.addTab(
            page(
                _("Double-click a date to change it; Ctrl+Z takes a change back."), self.date_rows, button_row
            ),
            "",
        )

    # -- keeping current --------------------------------------------------------------------

    def _mark_stale(self, *_changed: object) -> None:
        """Something the view shows changed: read again now if shown, else when next shown."""
        self._stale = True
        if self.isVisible() and not self._queued:
            # Once for a burst of signals (one command emits several).
            self._queued = True
            QTimer.singleShot(0, self, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        self._queued = False
        if self.date_delegate.editor is not None:
            return  # reading anew would close the date being chosen; done when it closes
        if self._stale and self.isVisible():
            self.refresh()

    def _editor_closed(self, *_closed: object) -> None:
        if self._stale:
            self._mark_stale()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Read the overview and the funnels from the database, keeping the search and filter."""
        self._stale = False
        today = self.hub.today()
        self.date_delegate.today = today
        self._whole = overview(self.hub.db, today)
        self._funnels = funnels(self.hub.db)
        self._all_funnel = sum(self._funnels.values(), Funnel(workshop_id=None))
        self._fill_workshop_filter()
        self._apply()

    def _fill_workshop_filter(self) -> None:
        combo = self.workshop_filter
        chosen = self.workshop_id()
        blocked = combo.blockSignals(True)
        combo.clear()
        combo.add(_("All workshops"), None)
        # Newest first, undated last: the organiser mostly follows up the latest workshops.
        newest = sorted(self._whole.workshops, key=lambda w: (w.title.casefold(), w.id))
        newest.sort(key=lambda w: w.held_on.toordinal() if w.held_on else 0, reverse=True)
        for workshop in newest:
            held_on = workshop.held_on
            combo.add(
                workshop_label(workshop.title, held_on), workshop.id, label_keep(workshop.title, held_on)
            )
        index = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.setToolTip(combo.currentText())
        combo.blockSignals(blocked)

    # -- filtering ----------------------------------------------------------------------------

    def workshop_id(self) -> str | None:
        """The workshop the view is narrowed to (None: all)."""
        value = self.workshop_filter.currentData()
        return str(value) if value else None

    def choose_workshop(self, workshop_id: str | None) -> None:
        index = self.workshop_filter.findData(workshop_id) if workshop_id else 0
        self.workshop_filter.setCurrentIndex(max(index, 0))

    def _apply(self) -> None:
        self.workshop_filter.setToolTip(self.workshop_filter.currentText())
        self.date_delegate.commit()  # the tables are about to be filled anew: keep a date being chosen
        kept = [(table, table.current_id()) for table in (self.action_rows, self.plan_rows, self.date_rows)]
        self.shown = shown = filter_overview(self._whole, self.search.text(), self.workshop_id())
        self.actions_model.set_rows(shown.actions)
        self.plans_model.set_rows(shown.plans)
        self.workshops_model.set_workshops(shown.workshops, shown.actions)
        narrowed = bool(shown.search) or shown.workshop_id is not None
        nothing = _("Nothing matches the search.") if narrowed else ""
        self.action_rows.show_rows(
            nothing or _("No open actions: every action of the plans is done or handed over.")
        )
        self.plan_rows.show_rows(nothing or _("No development plans yet."))
        self.date_rows.show_rows(nothing or _("No workshops yet."))
        for table, row_id in kept:
            if not table.choose(row_id) and table.model.rowCount():
                table.table.setCurrentIndex(table.model.index(0, 0))
        # One workshop chosen, or only one there: its title in every row would take the action's room.
        one_workshop = shown.workshop_id is not None or len(self._whole.workshops) <= 1
        self.action_rows.table.setColumnHidden(ActionsModel.WORKSHOP, one_workshop)
        self.plan_rows.table.setColumnHidden(PlansModel.WORKSHOP, one_workshop)
        self._enable_date_buttons()
        self._update_texts(shown)
        self._update_funnel()

    def _update_texts(self, shown: FollowUpOverview) -> None:
        count = format_number
        self.tabs.setTabText(
            self.ACTIONS_TAB, _("Open actions ({count})").format(count=count(len(shown.actions)))
        )
        self.tabs.setTabText(self.PLANS_TAB, _("Plans ({count})").format(count=count(len(shown.plans))))
        self.tabs.setTabText(
            self.DATES_TAB, _("Follow-up dates ({count})").format(count=count(len(shown.workshops)))
        )
        self.summary.setText(self._summary(shown))

    @staticmethod
    def _summary(shown: FollowUpOverview) -> str:
        """What is late among the rows shown; a search that finds nothing says so instead."""
        count = format_number
        narrowed = bool(shown.search) or shown.workshop_id is not None
        if narrowed and not (shown.actions or shown.plans or shown.workshops):
            return _("Nothing matches the search.")
        parts = []
        if shown.actions:
            parts.append(
                ngettext(
                    "{overdue} of {count} open action is overdue",
                    "{overdue} of {count} open actions are overdue",
                    len(shown.actions),
                ).format(overdue=count(shown.overdue), count=count(len(shown.actions)))
            )
        due = sum(1 for w in shown.workshops if w.due)
        if due or not narrowed:
            parts.append(
                ngettext(
                    "{count} workshop is due for follow-up", "{count} workshops are due for follow-up", due
                ).format(count=count(due))
            )
        return "   ·   ".join(parts)

    def _update_funnel(self) -> None:
        workshop_id = self.workshop_id()
        if workshop_id is not None:
            figures = self._funnels.get(workshop_id, Funnel(workshop_id=workshop_id))
            scope = self.workshop_filter.currentText()
        else:
            figures = self._all_funnel
            scope = _("All workshops")
        self.funnel_heading.setText(_("Funnel: {scope}").format(scope=scope))
        self.funnel.set_funnel(figures, scope)
        self.funnel_summary.setText(summary(figures))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- acting -------------------------------------------------------------------------------

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openRequested.emit(str(index.data(WORKSHOP_ROLE)))

    def _enable_date_buttons(self) -> None:
        current = self.date_rows.table.currentIndex()
        row = self.workshops_model.row(current.row()) if current.isValid() else None
        self.change_date.setEnabled(row is not None)
        self.open_button.setEnabled(row is not None)
        self.remove_date.setEnabled(row is not None and row.follow_up_on is not None)

    def _edit_date(self) -> None:
        current = self.date_rows.table.currentIndex()
        if current.isValid():
            index = current.siblingAtColumn(WorkshopsModel.NEXT)
            self.date_rows.table.setCurrentIndex(index)
            self.date_rows.table.edit(index)

    def _set_current_date(self, day: date | None) -> None:
        current = self.date_rows.table.currentIndex()
        if current.isValid():
            self.set_follow_up_date(self.workshops_model.row(current.row()).id, day)

    def set_follow_up_date(self, workshop_id: str, day: date | None) -> bool:
        """Set (undoably) when the workshop is next followed up; None: no follow-up planned."""
        known = {w.id: w for w in self._whole.workshops}
        if workshop_id not in known:
            return False
        workshop = known[workshop_id]
        if workshop.follow_up_on == day:
            return True
        return push(
            self.hub, SetFollowUpDate(self.hub, workshop_id, workshop.title, workshop.follow_up_on, day)
        )

    def flush(self) -> None:
        """Save a follow-up date being chosen."""
        self.date_delegate.commit()
