"""A plan's actions (insatser) as a table model, and the editors of its date and status cells."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QByteArray,
    QDate,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QWidget,
)

from app.i18n import _, format_date
from app.plan_snapshots import ActionSnapshot
from app.vocabulary import ACTION_STATUSES, label
from ui.item_models import AnyIndex, IdRole

#: Dark red text on a pale red row for an overdue action; the word "Overdue" says it too.
OVERDUE_TEXT = "#A3140C"
OVERDUE_ROW = "#FBE9E7"

#: Saves a change of an action; returns False (and nothing changed) when it was refused.
EditAction = Callable[[str, dict[str, Any]], bool]
#: Moves an action to a place in the list.
MoveAction = Callable[[str, int], None]
#: An action dragged within the table carries its id.
ACTION_MIME = "application/x-mylla-action"


class ActionTableModel(QAbstractTableModel):
    """The plan's live actions in order: what, who, by when, status, followed up within.

    Every cell is edited in place; a change goes through ``edit`` (a service call that is
    undoable) and the table shows it when the plan is read again.
    """

    TITLE, OWNER, DUE, STATUS, FOLLOW_UP = range(5)
    FIELDS = ("title", "owner", "due_on", "status", "followed_up_within")

    def __init__(
        self, edit: EditAction | None = None, move: MoveAction | None = None, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._actions: list[ActionSnapshot] = []
        self._edit = edit
        self._move = move

    def set_actions(self, actions: Sequence[ActionSnapshot]) -> None:
        fresh = list(actions)
        if [a.id for a in fresh] == [a.id for a in self._actions]:
            self._actions = fresh
            if fresh:
                self.dataChanged.emit(self.index(0, 0), self.index(len(fresh) - 1, self.FOLLOW_UP))
            return
        self.beginResetModel()
        self._actions = fresh
        self.endResetModel()

    def action(self, row: int) -> ActionSnapshot:
        return self._actions[row]

    def actions(self) -> list[ActionSnapshot]:
        return list(self._actions)

    def row_of(self, action_id: str) -> int:
        return next((row for row, a in enumerate(self._actions) if a.id == action_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._actions)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if 0 <= section < len(self._actions) else None
        titles = (_("Action"), _("Owner"), _("Due"), _("Status"), _("Followed up within"))
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            # Dropped between rows only, never onto an action.
            return Qt.ItemFlag.ItemIsDropEnabled if self._move is not None else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        if self._move is not None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ACTION_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        if rows:
            data.setData(ACTION_MIME, QByteArray(self._actions[rows[0]].id.encode()))
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if self._move is None or action != Qt.DropAction.MoveAction or not data.hasFormat(ACTION_MIME):
            return False
        source = self.row_of(bytes(data.data(ACTION_MIME).data()).decode())
        if source < 0:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._actions))
        if target > source:
            target -= 1  # the places after the action move up once it is taken out
        if target != source:
            # After the drop has finished: moving reads the plan again, which resets this model.
            action_id, move = self._actions[source].id, self._move
            QTimer.singleShot(0, self, lambda: move(action_id, target))
        # The table shows the move when the plan is read again; the view removes nothing.
        return False

    def status_text(self, action: ActionSnapshot) -> str:
        """The status, led by "Overdue" when the due date has passed (the colour is not all that says it)."""
        status = label(ACTION_STATUSES, action.status)
        return _("Overdue · {status}").format(status=status) if action.overdue else status

    def _display(self, action: ActionSnapshot, column: int) -> str:
        if column == self.TITLE:
            return action.title
        if column == self.OWNER:
            return action.owner
        if column == self.DUE:
            return format_date(action.due_on, "iso")
        if column == self.STATUS:
            return self.status_text(action)
        return action.followed_up_within

    def _edit_value(self, action: ActionSnapshot, column: int) -> str:
        if column == self.STATUS:
            return str(action.status)
        return self._display(action, column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._actions):
            return None
        action = self._actions[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(action, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(action, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if action.overdue:
                return _("Overdue: due {date} and not finished.").format(
                    date=format_date(action.due_on, "iso")
                )
            return self._display(action, column) or None
        if role == Qt.ItemDataRole.ForegroundRole and action.overdue:
            return QBrush(QColor(OVERDUE_TEXT))
        if role == Qt.ItemDataRole.BackgroundRole and action.overdue:
            return QBrush(QColor(OVERDUE_ROW))
        if role == IdRole:
            return action.id
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._edit is None:
            return False
        if not 0 <= index.row() < len(self._actions):
            return False
        action = self._actions[index.row()]
        column = index.column()
        if column == self.DUE:
            text = str(value or "")
            change: Any = date.fromisoformat(text) if text else None
        else:
            change = str(value)
        if change == getattr(action, self.FIELDS[column]):
            return False
        return self._edit(action.id, {self.FIELDS[column]: change})


class DueDateEditor(QWidget):
    """A date with a calendar, and a button that takes the date away.

    Signals:
        cleared(): the user wants no due date.
    """

    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName(_("Due date"))
        self.clear_button = QToolButton()
        self.clear_button.setText(_("&No date"))  # Alt and the letter, from the keyboard
        self.clear_button.setToolTip(_("Take the due date away"))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(self._clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.date, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.date)
        self.setAutoFillBackground(True)
        self.is_cleared = False

    def set_value(self, iso: str, today: date) -> None:
        day = date.fromisoformat(iso) if iso else today
        self.date.setDate(QDate(day.year, day.month, day.day))
        self.is_cleared = False

    def value(self) -> str:
        if self.is_cleared:
            return ""
        day = self.date.date()
        return date(day.year(), day.month(), day.day()).isoformat()

    def _clear(self) -> None:
        self.is_cleared = True
        self.cleared.emit()


class ActionDelegate(QStyledItemDelegate):
    """Editors for the action cells: a line for texts, a calendar for the date, a list of statuses."""

    def __init__(self, today: Callable[[], date], parent: Any = None) -> None:
        super().__init__(parent)
        self.today = today
        #: A text the service refused, and its cell: the cell's editor opens again with it.
        self.kept: tuple[QPersistentModelIndex, str] | None = None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        column = index.column()
        if column == ActionTableModel.DUE:
            editor = DueDateEditor(parent)
            editor.cleared.connect(lambda: self._finish(editor))
            return editor
        if column == ActionTableModel.STATUS:
            combo = QComboBox(parent)
            for code in ACTION_STATUSES:
                combo.addItem(label(ACTION_STATUSES, code), code)
            combo.activated.connect(lambda _index: self._finish(combo))
            return combo
        return QLineEdit(parent)  # any length: the service says when a text is too long

    def _finish(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        value = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, DueDateEditor):
            editor.set_value(value, self.today())
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            kept = self.kept
            if kept is not None and (kept[0].row(), kept[0].column()) == (index.row(), index.column()):
                self.kept, value = None, kept[1]
            editor.setText(value)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, DueDateEditor):
            model.setData(index, editor.value())
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QLineEdit):
            text = editor.text()
            if not model.setData(index, text) and text != str(index.data(Qt.ItemDataRole.EditRole) or ""):
                self._keep(index, text)

    def _keep(self, index: AnyIndex, text: str) -> None:
        """A refused text is not lost: its cell is edited again with it once this editor has closed."""
        view = self.parent()
        if not isinstance(view, QAbstractItemView):
            return
        self.kept = (QPersistentModelIndex(index), text)
        QTimer.singleShot(0, view, lambda: self._edit_again(view))

    def _edit_again(self, view: QAbstractItemView) -> None:
        if self.kept is None or not self.kept[0].isValid():
            self.kept = None
            return
        index = view.model().index(self.kept[0].row(), self.kept[0].column())
        view.setCurrentIndex(index)
        view.edit(index)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        rect = option.rect
        if isinstance(editor, DueDateEditor):
            # The date and its "No date" button need more room than the column may have.
            rect.setWidth(max(rect.width(), editor.sizeHint().width()))
        editor.setGeometry(rect)
