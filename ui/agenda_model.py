"""A workshop's agenda as a Qt item model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from app.i18n import _
from app.snapshots import PhaseSnapshot
from app.vocabulary import PHASE_STATES, label
from models.enums import PhaseState
from ui.item_models import AnyIndex, IdRole


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
            minutes = _("{n} min").format(n=p.planned_minutes) if p.planned_minutes else _("follow-up")
            # Numbered in agenda order; the step of the 10-step model is in the phase's heading.
            return f"{marker}  {p.position + 1}. {p.title}  ·  {minutes}"
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
