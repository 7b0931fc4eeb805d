"""The follow-up view's tables: a table with its empty state, the date editor of a workshop, and
cells and a workshop chooser that cut long text in the middle (a date in front and a title's end
both tell workshops apart)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QStylePainter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui import roles, typography
from ui.followup_view_models import KEEP_ROLE, RowsModel

AnyIndex = QModelIndex | QPersistentModelIndex


class RowsTable(QStackedWidget):
    """A sortable table of one model, or a sentence when it has no rows.

    The ``stretch`` columns share the room the others leave, alike.
    """

    def __init__(
        self, model: RowsModel, stretch: tuple[int, ...], samples: dict[int, str], name: str
    ) -> None:
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
        plain, marked, headings = self.table.fontMetrics(), QFontMetrics(bold), QFontMetrics(header.font())
        for column, sample in samples.items():
            cells = marked if column == model.mark_column else plain  # only a late row's mark is bold
            heading, cell = model.heading(column), cells.horizontalAdvance(sample)
            if headings.horizontalAdvance(heading) + 14 > cell and " " in heading:
                # A long heading over a short number or date goes on two lines, not across the table.
                heading = two_lines(heading)
                model.set_heading_lines(column, heading)
            widest = max(headings.horizontalAdvance(line) for line in heading.split("\n"))
            header.resizeSection(column, max(cell, widest + 14) + 16)
        for column in stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
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


def two_lines(heading: str) -> str:
    """``heading`` broken at the space nearest its middle."""
    middle = len(heading) / 2
    spaces = [n for n, char in enumerate(heading) if char == " "]
    at = min(spaces, key=lambda n: abs(n - middle))
    return f"{heading[:at]}\n{heading[at + 1 :]}"


def cut_to_fit(text: str, keep: int, metrics: QFontMetrics, width: int) -> str:
    """``text`` cut to ``width``: its first ``keep`` characters whole, the rest cut in the middle.

    "2026-07-21 · Idéverkstad: Trygg och delaktig hemma" becomes "2026-07-21 · Idév…hemma": the
    date and both ends of the title stay. When even the start does not fit, it is cut at the end.
    """
    if metrics.horizontalAdvance(text) <= width:
        return text
    head, rest = text[:keep], text[keep:]
    room = width - metrics.horizontalAdvance(head)
    cut = metrics.elidedText(rest, Qt.TextElideMode.ElideMiddle, room) if room > 0 else ""
    if len(cut) < 3:  # not even "a…z" fits after the start
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    return head + cut


class MiddleElided(QStyledItemDelegate):
    """Cuts a cell's text too long for its column in the middle, keeping its start (KEEP_ROLE) whole."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle
        style = option.widget.style() if option.widget is not None else None
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1 if style else 4
        keep = index.data(KEEP_ROLE)
        option.text = cut_to_fit(
            option.text, int(keep or 0), option.fontMetrics, option.rect.width() - 2 * margin
        )


class WorkshopChooser(QComboBox):
    """A combo box whose chosen text, when too long for it, keeps its start and is cut in the middle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view().setTextElideMode(Qt.TextElideMode.ElideMiddle)

    def add(self, text: str, data: object, keep: int = 0) -> None:
        """An item whose first ``keep`` characters stay whole when it is cut."""
        self.addItem(text, data)
        self.setItemData(self.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        self.setItemData(self.count() - 1, keep, KEEP_ROLE)

    def shown_text(self) -> str:
        """The chosen text as it fits the box."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        keep = self.currentData(KEEP_ROLE)
        return cut_to_fit(option.currentText, int(keep or 0), self.fontMetrics(), field.width() - 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


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
