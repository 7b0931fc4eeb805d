"""The first page: every workshop in the database, searchable, with an offer of a demo when empty."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QRegularExpression, QSortFilterProxyModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui import roles, typography
from ui.hub import Hub

if TYPE_CHECKING:
    from app.workshop_rows import WorkshopSummary
from ui.item_models import IdRole, WorkshopListModel


def _row_centred(widget: QWidget) -> QHBoxLayout:
    # Centred by stretches rather than Qt.AlignCenter: see ui/roles.py on start-up time.
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    return row


def _centred(widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.addStretch(1)
    layout.addLayout(_row_centred(widget))
    layout.addStretch(2)
    return box


class WorkshopListPage(QWidget):
    """The workshops as a table with a search field.

    Signals:
        openRequested(str): the user wants to open the workshop with this id.
        demoRequested(): the user accepted the offer of a demo workshop.
        newRequested(): the user wants a new workshop.
        followUpRequested(): the user wants the follow-up across all workshops.
    """

    openRequested = Signal(str)
    demoRequested = Signal()
    newRequested = Signal()
    followUpRequested = Signal()

    def __init__(self, hub: Hub, rows: list[WorkshopSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.model = WorkshopListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(WorkshopListModel.TITLE)

        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by title"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(False)
        self.table.verticalHeader().hide()
        typography.set_type(self.table, typography.LIST)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(WorkshopListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(self._activated)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self._empty_state())
        self.no_match = QLabel(_("No workshop matches the search."))
        typography.set_type(self.no_match, typography.EMPTY_STATE)
        self.no_match.setWordWrap(True)
        self.stack.addWidget(_centred(self.no_match))
        self.search.textChanged.connect(self._update_state)

        heading = QLabel(_("Workshops"))
        typography.set_type(heading, typography.PAGE_HEADING, bold=True)
        self.followup_button = QPushButton(_("Follow-up…"))
        self.followup_button.setToolTip(
            _("Open actions, plans and follow-up dates of all workshops, and the funnel")
        )
        self.followup_button.clicked.connect(self.followUpRequested)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.followup_button)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

        hub.workshopsChanged.connect(self.refresh)
        hub.ready.connect(self.refresh)
        hub.ready.connect(self._enable_buttons)
        self._enable_buttons()
        self.show_rows(rows)

    def _empty_state(self) -> QWidget:
        box = QWidget()
        text = QLabel(
            _(
                "There are no workshops in this database yet.\nTry the demo workshop to see how Mylla works, or start your own."
            )
        )
        typography.set_type(text, typography.EMPTY_STATE)
        text.setWordWrap(True)
        self.demo_button = QPushButton(_("Create the demo workshop"))
        self.demo_button.clicked.connect(self.demoRequested)
        self.new_button = new_button = QPushButton(_("New workshop…"))
        new_button.clicked.connect(self.newRequested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addStretch(1)
        layout.addLayout(_row_centred(text))
        layout.addLayout(buttons)
        layout.addStretch(2)
        return box

    def _filter(self, text: str) -> None:
        pattern = QRegularExpression(
            QRegularExpression.escape(text), QRegularExpression.PatternOption.CaseInsensitiveOption
        )
        self.proxy.setFilterRegularExpression(pattern)

    def _enable_buttons(self) -> None:
        self.demo_button.setEnabled(self.hub.is_ready)
        self.new_button.setEnabled(self.hub.is_ready)
        self.followup_button.setEnabled(self.hub.is_ready)

    def refresh(self) -> None:
        from app.workshops import list_workshops

        self.show_rows(list_workshops(self.hub.db))

    def show_rows(self, rows: list[WorkshopSummary]) -> None:
        selected = self.selected_id()
        self.model.set_rows(rows)
        if selected:
            self.select(selected)
        elif self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_state()

    def _update_state(self) -> None:
        if self.model.rowCount() == 0:
            self.stack.setCurrentIndex(1)
        elif self.proxy.rowCount() == 0:
            self.stack.setCurrentIndex(2)
        else:
            self.stack.setCurrentIndex(0)

    def select(self, workshop_id: str) -> None:
        row = self.model.row_of(workshop_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                self.table.selectRow(index.row())
                self.table.scrollTo(index)

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(IdRole) if rows else None

    def selected_title(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        return str(rows[0].data(roles.DISPLAY)) if rows else ""

    def _activated(self, index: QModelIndex) -> None:
        workshop_id = index.siblingAtColumn(0).data(IdRole)
        if workshop_id:
            self.openRequested.emit(workshop_id)
