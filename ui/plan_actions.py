"""The actions (insatser) of a development plan: added, edited in place, reordered and removed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.plan_snapshots import PlanSnapshot
from ui.dialogs import error_label
from ui.hub import Hub
from ui.plan_actions_model import ActionDelegate, ActionTableModel
from ui.plan_commands import AddAction, EditAction, MoveAction, RemoveAction
from ui.voting_commands import push_or_report, submit


class ActionsEditor(QWidget):
    """A table of the plan's actions with a line to add one, and buttons to move and remove them."""

    def __init__(self, hub: Hub, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.workshop_id = workshop_id
        self.plan: PlanSnapshot | None = None

        self.model = ActionTableModel(self._edit, self.move_to, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(ActionDelegate(hub.today, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.setAccessibleName(_("Actions"))
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ActionTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 95), (2, 90), (3, 140), (4, 95)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.selectionModel().currentRowChanged.connect(lambda _now, _before: self._update_buttons())

        self.new_title = QLineEdit()
        self.new_title.setPlaceholderText(_("A new action: what is to be done?"))
        self.new_title.setAccessibleName(_("A new action"))
        self.new_title.returnPressed.connect(self.add)
        self.add_button = QPushButton(_("Add action"))
        self.add_button.clicked.connect(self.add)
        self.up_button = QPushButton(_("Move up"))
        self.up_button.setToolTip(_("Move the chosen action up (Ctrl+Up)"))
        self.up_button.clicked.connect(lambda: self.move_by(-1))
        self.down_button = QPushButton(_("Move down"))
        self.down_button.setToolTip(_("Move the chosen action down (Ctrl+Down)"))
        self.down_button.clicked.connect(lambda: self.move_by(1))
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setToolTip(_("Remove the chosen action (Delete); Ctrl+Z brings it back"))
        self.remove_button.clicked.connect(self.remove)
        self.hint = QLabel(
            _(
                "Double-click a cell to change it; drag a row to move it. A past due date is allowed "
                "and shown as overdue."
            )
        )
        self.hint.setWordWrap(True)
        self.error = error_label()

        for keys, slot in (
            ("Ctrl+Up", lambda: self.move_by(-1)),
            ("Ctrl+Down", lambda: self.move_by(1)),
            (QKeySequence.StandardKey.Delete, self.remove),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        adding = QHBoxLayout()
        adding.addWidget(self.new_title, 1)
        adding.addWidget(self.add_button)
        moving = QHBoxLayout()
        moving.addWidget(self.up_button)
        moving.addWidget(self.down_button)
        moving.addStretch(1)
        moving.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(adding)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addLayout(moving)
        layout.addWidget(self.hint)
        self._update_buttons()

    def set_plan(self, plan: PlanSnapshot | None) -> None:
        keep = self.current_action_id()
        if plan is None or self.plan is None or plan.id != self.plan.id:
            self.error.hide()
            keep = None
        self.plan = plan
        self.model.set_actions(plan.actions if plan is not None else ())
        if keep is not None:
            self.select(keep)
        self._update_buttons()

    def current_action_id(self) -> str | None:
        row = self.table.currentIndex().row()
        return self.model.action(row).id if 0 <= row < self.model.rowCount() else None

    def select(self, action_id: str) -> None:
        row = self.model.row_of(action_id)
        if row >= 0:
            column = max(0, self.table.currentIndex().column())
            self.table.setCurrentIndex(self.model.index(row, column))
            self.table.scrollTo(self.model.index(row, 0))

    def add(self) -> None:
        if self.plan is None:
            return
        command = AddAction(self.hub, self.workshop_id, self.plan, self.new_title.text())
        refusal = submit(self.hub, command)
        if refusal is not None:
            self._show_error(refusal.message)
            return
        self.error.hide()
        self.new_title.clear()
        if command.action_id is not None:
            self.select(command.action_id)

    def remove(self) -> None:
        action_id = self.current_action_id()
        if self.plan is None or action_id is None:
            return
        row = self.model.row_of(action_id)
        if push_or_report(self.hub, RemoveAction(self.hub, self.workshop_id, self.plan, action_id)):
            if self.model.rowCount():
                self.select(self.model.action(min(row, self.model.rowCount() - 1)).id)
            self._update_buttons()
        self.table.setFocus()

    def move_by(self, delta: int) -> None:
        """Move the chosen action up (-1) or down (+1)."""
        action_id = self.current_action_id()
        if action_id is not None:
            self.move_to(action_id, self.model.row_of(action_id) + delta)
        self.table.setFocus()  # so that Ctrl+Up and Ctrl+Down go on moving it

    def move_to(self, action_id: str, row: int) -> None:
        """Move an action to ``row`` of the list (by the buttons, the keys or a drag)."""
        if self.plan is None or not 0 <= row < self.model.rowCount():
            return
        if push_or_report(self.hub, MoveAction(self.hub, self.workshop_id, self.plan, action_id, row)):
            self.select(action_id)

    def _edit(self, action_id: str, changes: dict[str, Any]) -> bool:
        if self.plan is None:
            return False
        refusal = submit(self.hub, EditAction(self.hub, self.workshop_id, self.plan, action_id, **changes))
        if refusal is not None:
            self._show_error(refusal.message)
            return False
        self.error.hide()
        return True

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _update_buttons(self) -> None:
        row = self.table.currentIndex().row()
        count = self.model.rowCount()
        chosen = 0 <= row < count
        self.up_button.setEnabled(chosen and row > 0)
        self.down_button.setEnabled(chosen and row < count - 1)
        self.remove_button.setEnabled(chosen)
        self.add_button.setEnabled(self.plan is not None)
