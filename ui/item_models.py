"""Qt item models over service snapshots: the workshop list and a workshop's agenda."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.i18n import _, format_date
from app.vocabulary import PHASE_STATES, label
from models.enums import PhaseState

if TYPE_CHECKING:
    from app.snapshots import PhaseSnapshot
    from app.workshop_rows import WorkshopSummary

AnyIndex = QModelIndex | QPersistentModelIndex
IdRole = Qt.ItemDataRole.UserRole + 1


class WorkshopListModel(QAbstractTableModel):
    """The workshops as rows: title, date, place, current phase, ideas, participants."""

    TITLE, DATE, PLACE, PHASE, IDEAS, PEOPLE = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[WorkshopSummary] = []

    def set_rows(self, rows: list[WorkshopSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary(self, row: int) -> WorkshopSummary:
        return self._rows[row]

    def row_of(self, workshop_id: str) -> int:
        return next((i for i, w in enumerate(self._rows) if w.id == workshop_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (_("Workshop"), _("Date"), _("Place"), _("Current phase"), _("Ideas"), _("Participants"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        w = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (w.title, format_date(w.held_on, "iso"), w.place, w.current_phase, w.idea_count,
                      w.participant_count)  # fmt: skip
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return w.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.IDEAS, self.PEOPLE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == IdRole:
            return w.id
        return None


class AgendaModel(QAbstractListModel):
    """A workshop's phases in order; the current one is bold and marked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._phases: list[PhaseSnapshot] = []

    def set_phases(self, phases: tuple[PhaseSnapshot, ...]) -> None:
        if [p.id for p in phases] == [p.id for p in self._phases]:
            self._phases = list(phases)
            if phases:
                self.dataChanged.emit(self.index(0), self.index(len(phases) - 1))
            return
        self.beginResetModel()
        self._phases = list(phases)
        self.endResetModel()

    def phase(self, row: int) -> PhaseSnapshot:
        return self._phases[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._phases)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._phases):
            return None
        p = self._phases[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            marker = {PhaseState.ACTIVE: "▶", PhaseState.DONE: "✓", PhaseState.SKIPPED: "–"}.get(p.state, " ")
            step = f"{p.step}. " if p.step else ""
            minutes = _("{n} min").format(n=p.planned_minutes) if p.planned_minutes else _("follow-up")
            return f"{marker}  {step}{p.title}  ·  {minutes}"
        if role == Qt.ItemDataRole.FontRole and p.state is PhaseState.ACTIVE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{p.title} ({label(PHASE_STATES, p.state)})\n{p.description}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{p.title}, {label(PHASE_STATES, p.state)}"
        if role == IdRole:
            return p.id
        return None
