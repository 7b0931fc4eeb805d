"""The workshop list as a Qt item model; it paints the first screen.

A QStandardItemModel rather than a Python data()/headerData(): each call from C++ into
Python with a Qt enum argument would load PySide6's whole ``Qt`` namespace before the
first paint (see ui/roles.py). The list is short, so filling items is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QStandardItem, QStandardItemModel

from app.i18n import _, format_date
from ui import roles

if TYPE_CHECKING:
    from app.workshop_rows import WorkshopSummary

AnyIndex = QModelIndex | QPersistentModelIndex
IdRole = roles.ID


class WorkshopListModel(QStandardItemModel):
    """The workshops as rows: title, date, place, current phase, ideas, participants."""

    TITLE, DATE, PLACE, PHASE, IDEAS, PEOPLE = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(0, 6, parent)
        self.setHorizontalHeaderLabels(
            [_("Workshop"), _("Date"), _("Place"), _("Current phase"), _("Ideas"), _("Participants")]
        )
        self._rows: list[WorkshopSummary] = []

    def set_rows(self, rows: list[WorkshopSummary]) -> None:
        self.beginResetModel()
        self.blockSignals(True)  # one reset for the views, not a signal per item
        try:
            self.setRowCount(0)
            self._rows = list(rows)
            for w in self._rows:
                self.appendRow(self._items(w))
        finally:
            self.blockSignals(False)
        self.endResetModel()

    @staticmethod
    def _items(w: WorkshopSummary) -> list[QStandardItem]:
        values = (w.title, format_date(w.held_on, "iso"), w.place, w.current_phase, str(w.idea_count),
                  str(w.participant_count))  # fmt: skip
        items = []
        for column, value in enumerate(values):
            item = QStandardItem(value)
            item.setEditable(False)
            item.setData(w.id, roles.ID)
            if column >= WorkshopListModel.IDEAS:
                item.setData(roles.ALIGN_RIGHT_MIDDLE, roles.TEXT_ALIGNMENT)
            items.append(item)
        items[WorkshopListModel.TITLE].setToolTip(w.title)
        return items

    def row_of(self, workshop_id: str) -> int:
        return next((i for i, w in enumerate(self._rows) if w.id == workshop_id), -1)
