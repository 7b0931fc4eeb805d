"""A revealed round's ranking as a Qt table, and the bar of dots that draws each idea's total.

The model is filled only from ``app.voting_results.results``, which refuses before the reveal.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from app.i18n import _, ngettext
from app.voting_snapshots import IdeaResult, RoundResults
from ui.item_models import AnyIndex, IdRole

#: (booth dots, paper dots, the largest total in the table) for the bar of dots.
DotsRole = Qt.ItemDataRole.UserRole + 20

#: Okabe-Ito blue and vermillion: told apart by people with any common colour blindness,
#: and by shape too (booth dots are round, paper dots square).
BOOTH_COLOUR = "#0072B2"
PAPER_COLOUR = "#D55E00"
#: A pale Okabe-Ito bluish green behind the rows that go on, amber behind a tie at the line.
GOING_ON_BACKGROUND = "#D7EFE6"
TIED_BACKGROUND = "#FBE8C4"


def rank_text(result: IdeaResult) -> str:
    """'3', or '3 (shared)' when other ideas have the same total."""
    if result.shared:
        return _("{rank} (shared)").format(rank=result.rank)
    return str(result.rank)


def dots_text(booth: int, paper: int) -> str:
    booth_part = ngettext("{n} dot from the booth", "{n} dots from the booth", booth).format(n=booth)
    paper_part = _("{n} from paper").format(n=paper)
    return f"{booth_part}, {paper_part}"


class ResultsModel(QAbstractTableModel):
    """Rank (shared ranks marked), idea, a bar of dots, dots from the booth, from paper, total, the cut."""

    RANK, IDEA, DOTS, BOOTH, PAPER, TOTAL, CUT = range(7)
    COLUMNS = 7

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ideas: list[IdeaResult] = []
        self._most = 0
        self._going_on: frozenset[str] = frozenset()
        self._tied: frozenset[str] = frozenset()

    def set_results(self, results: RoundResults | None) -> None:
        self.beginResetModel()
        self._ideas = list(results.ideas) if results is not None else []
        self._most = max((r.total for r in self._ideas), default=0)
        self._going_on, self._tied = frozenset(), frozenset()
        self.endResetModel()

    def set_cut(self, going_on: Iterable[str], tied: Iterable[str]) -> None:
        """Mark the ideas that go on, and those tied at the line."""
        self._going_on, self._tied = frozenset(going_on), frozenset(tied)
        if self._ideas:
            last = self.index(len(self._ideas) - 1, self.COLUMNS - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def result(self, row: int) -> IdeaResult:
        return self._ideas[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ideas)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (_("Rank"), _("Idea"), _("Dots"), _("Booth"), _("Paper"), _("Total"), _("Goes on"))[
                section
            ]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.DOTS:
            return _("Round dots came from the booth, square dots from paper.")
        return None

    def cut_text(self, idea_id: str) -> str:
        if idea_id in self._going_on:
            return "✓"
        if idea_id in self._tied:
            return _("tied")
        return ""

    def cut_tooltip(self, idea_id: str) -> str | None:
        if idea_id in self._going_on:
            return _("Goes on to the shortlist")
        if idea_id in self._tied:
            return _("Tied at the line: the vote alone cannot say whether it goes on")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ideas):
            return None
        r = self._ideas[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.DOTS:
                return dots_text(r.booth_dots, r.paper_dots)
            if column == self.CUT:
                return self.cut_tooltip(r.idea_id)
            return self._display(r, column) or None
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.DOTS:
            return dots_text(r.booth_dots, r.paper_dots)
        if role == DotsRole and column == self.DOTS:
            return (r.booth_dots, r.paper_dots, self._most)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.idea_id in self._going_on:
                return QBrush(QColor(GOING_ON_BACKGROUND))
            if r.idea_id in self._tied:
                return QBrush(QColor(TIED_BACKGROUND))
            return None
        if role == Qt.ItemDataRole.FontRole and r.idea_id in self._going_on:
            font = QFont()
            font.setBold(True)
            return font
        if role == IdRole:
            return r.idea_id
        return None

    def _alignment(self, column: int) -> int | None:
        if column in (self.RANK, self.BOOTH, self.PAPER, self.TOTAL):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == self.CUT:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, r: IdeaResult, column: int) -> str | None:
        values = {
            self.RANK: rank_text(r),
            self.IDEA: r.title,
            self.BOOTH: str(r.booth_dots),
            self.PAPER: str(r.paper_dots),
            self.TOTAL: str(r.total),
            self.CUT: self.cut_text(r.idea_id),
        }
        return values.get(column)


class DotBarDelegate(QStyledItemDelegate):
    """Draws an idea's dots in a row: round ones from the booth, square ones from paper.

    All rows share one scale (the largest total fills the cell), so the bars compare at a
    glance; when the dots would be too small to count, they merge into a solid bar.
    """

    SMALLEST_DOT = 5.0
    GAP = 2.0

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        QStyledItemDelegate.paint(self, painter, option, index)
        value = index.data(DotsRole)
        if not value:
            return
        booth, paper, most = value
        if most <= 0 or booth + paper <= 0:
            return
        rect = QRectF(option.rect).adjusted(6, 4, -6, -4)  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        slot = rect.width() / most
        size = min(rect.height(), slot - self.GAP, 18.0)
        if size >= self.SMALLEST_DOT:
            self._dots(painter, rect, slot, size, booth, paper)
        else:
            self._bar(painter, rect, slot, booth, paper)
        painter.restore()

    def _dots(
        self, painter: QPainter, rect: QRectF, slot: float, size: float, booth: int, paper: int
    ) -> None:
        painter.setPen(QPen(QColor("#1A1A1A"), 1))
        step = min(slot, size + self.GAP * 2)
        top = rect.center().y() - size / 2
        for i in range(booth + paper):
            cell = QRectF(rect.left() + i * step, top, size, size)
            if i < booth:
                painter.setBrush(QColor(BOOTH_COLOUR))
                painter.drawEllipse(cell)
            else:
                painter.setBrush(QColor(PAPER_COLOUR))
                painter.drawRect(cell.adjusted(0.5, 0.5, -0.5, -0.5))

    def _bar(self, painter: QPainter, rect: QRectF, slot: float, booth: int, paper: int) -> None:
        height = min(rect.height(), 14.0)
        top = rect.center().y() - height / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(BOOTH_COLOUR))
        painter.drawRect(QRectF(rect.left(), top, booth * slot, height))
        painter.setBrush(QColor(PAPER_COLOUR))
        painter.drawRect(QRectF(rect.left() + booth * slot, top, paper * slot, height))

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        value = index.data(DotsRole)
        most = value[2] if value else 0
        return QSize(max(hint.width(), min(12 + most * 14, 420)), hint.height())


def legend_html() -> str:
    """The key to the bars: a round blue dot for the booth, a square vermillion one for paper."""
    return _("{booth} from the booth   {paper} from paper").format(
        booth=f'<span style="color:{BOOTH_COLOUR}; font-size: large">●</span>',
        paper=f'<span style="color:{PAPER_COLOUR}; font-size: large">■</span>',
    )
