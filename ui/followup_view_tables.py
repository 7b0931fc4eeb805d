"""The follow-up view's tables: a table with its empty state, and the date editor of a workshop."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui import roles, typography
from ui.followup_view_models import RowsModel

AnyIndex = QModelIndex | QPersistentModelIndex


class RowsTable(QStackedWidget):
    """A sortable table of one model, or a sentence when it has no rows."""

    def __init__(self, model: RowsModel, stretch: int, samples: dict[int, str], name: str) -> None:
        super().__init__()
        self.model = model
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setAccessibleName(name)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        typography.set_type(self.table, typography.LIST)
        header = self.table.horizontalHeader()
        header.setSortIndicator(model.default_sort, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # the model sorts its rows in Python: see RowsModel.sort
        # Widths from a sample of what a column holds, not ResizeToContents: that would read
        # every row before the first paint. The user may widen any column.
        bold = QFont(self.table.font())
        bold.setBold(True)
        cells, headings = QFontMetrics(bold), QFontMetrics(header.font())
        for column, sample in samples.items():
            heading = str(model.headerData(column, Qt.Orientation.Horizontal))
            width = max(cells.horizontalAdvance(sample), headings.horizontalAdvance(heading) + 14)
            header.resizeSection(column, width + 16)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        typography.set_type(self.empty, typography.EMPTY_STATE)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(self.table)
        self.addWidget(self.empty)

    def show_rows(self, empty_text: str) -> None:
        """Show the table, or ``empty_text`` when the model has no rows."""
        self.empty.setText(empty_text)
        self.setCurrentIndex(0 if self.model.rowCount() else 1)

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return str(index.data(roles.ID)) if index.isValid() else None

    def choose(self, row_id: str | None, column: int = 0) -> bool:
        """Make the row with ``row_id`` current (and visible); False when it is not shown."""
        row = -1 if row_id is None else self.model.row_of(row_id)
        if row < 0:
            return False
        index = self.model.index(row, column)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True


def page(hint: str, *widgets: QWidget) -> QWidget:
    """A tab's page: a line of help above its table."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 6, 4, 4)
    help_line = QLabel(hint)
    help_line.setWordWrap(True)
    layout.addWidget(help_line)
    for widget in widgets:
        layout.addWidget(widget, 1 if isinstance(widget, RowsTable) else 0)
    return box


class FollowUpDateDelegate(QStyledItemDelegate):
    """Edits a workshop's next follow-up date with a calendar; a new date starts from today."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        #: The open editor, if a date is being chosen (the view waits with reading anew until it closes).
        self.editor: QDateEdit | None = None
        self.closeEditor.connect(self._forget)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("yyyy-MM-dd")
        editor.setAccessibleName(_("Next follow-up"))
        editor.destroyed.connect(self._forget)
        self.editor = editor
        return editor

    def _forget(self) -> None:
        self.editor = None

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QDateEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setDate(
            value if isinstance(value, QDate) else QDate(self.today.year, self.today.month, self.today.day)
        )

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QDateEdit)
        model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)

    def commit(self) -> None:
        """Save a date being chosen (the view is left or the window closes)."""
        editor = self.editor
        if editor is not None:
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
