"""Idea cards in a column: the Qt item model (with drag and drop of ideas), its delegate and view."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.i18n import _
from app.snapshots import IdeaSnapshot
from models.enums import IdeaStatus
from ui.idea_list import StepRole, step_tag
from ui.item_models import AnyIndex, IdRole

#: What a dragged card carries: ``{"workshop": id, "ideas": [ids]}`` as JSON.
IDEA_MIME = "application/x-mylla-ideas"
#: The small line under a card's title: idea givers and whether the idea lacks backing.
DetailRole = Qt.ItemDataRole.UserRole + 20
BackedRole = Qt.ItemDataRole.UserRole + 21
#: Whether the idea is parked (its step tag is drawn dashed: stopped, not moving on).
ParkedRole = Qt.ItemDataRole.UserRole + 22


#: The palette's colours by name, so that a colour is never chosen or shown by its look alone.
class IdeaColumnModel(QAbstractListModel):
    """The idea cards of one column (a theme, or None: without theme), in board order.

    Dropping cards calls ``on_drop(idea_ids, cluster_id, row)``, which pushes the command;
    the rows change when the command reports the moved ideas back through the hub.
    """

    def __init__(self, workshop_id: str, cluster_id: str | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.workshop_id, self.cluster_id = workshop_id, cluster_id
        self._ideas: list[IdeaSnapshot] = []
        self._rows: dict[str, int] = {}
        self.giver_label: Callable[[IdeaSnapshot], str] = lambda _idea: ""
        self.on_drop: Callable[[list[str], str | None, int], bool] | None = None

    # -- contents

    def set_ideas(self, ideas: Iterable[IdeaSnapshot]) -> None:
        self.beginResetModel()
        self._ideas = sorted(ideas, key=lambda i: i.position)
        self._reindex()
        self.endResetModel()

    def sync(self, ideas: Sequence[IdeaSnapshot]) -> None:
        """Become ``ideas`` (in board order) by removing, reordering and inserting only what differs."""
        wanted = {i.id: i for i in ideas}
        gone = [row for row, idea in enumerate(self._ideas) if idea.id not in wanted]
        for first, last in reversed(_runs(gone)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ideas[first : last + 1]
            self.endRemoveRows()
        old = {i.id: i for i in self._ideas}
        staying = [wanted[i.id] for i in ideas if i.id in old]
        if [i.id for i in staying] != [i.id for i in self._ideas]:
            self._reorder(staying)
        else:
            self._ideas = staying
        arriving = [row for row, idea in enumerate(ideas) if idea.id not in old]
        for first, last in _runs(arriving):
            self.beginInsertRows(QModelIndex(), first, last)
            self._ideas[first:first] = ideas[first : last + 1]
            self.endInsertRows()
        self._reindex()
        edited = [row for row, idea in enumerate(self._ideas) if idea.id in old and old[idea.id] != idea]
        if edited:
            self.dataChanged.emit(self.index(min(edited)), self.index(max(edited)))

    def _reorder(self, ideas: list[IdeaSnapshot]) -> None:
        self.layoutAboutToBeChanged.emit()
        before = [i.id for i in self._ideas]
        self._ideas = ideas
        self._reindex()
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(self._rows[before[p.row()]]) for p in persistent]
        )
        self.layoutChanged.emit()

    def _reindex(self) -> None:
        self._rows = {idea.id: row for row, idea in enumerate(self._ideas)}

    def refresh_labels(self) -> None:
        """The participants changed: the idea givers on the cards are written anew."""
        if self._ideas:
            self.dataChanged.emit(self.index(0), self.index(len(self._ideas) - 1))

    def ideas(self) -> list[IdeaSnapshot]:
        return list(self._ideas)

    def idea(self, row: int) -> IdeaSnapshot:
        return self._ideas[row]

    def row_of(self, idea_id: str) -> int:
        return self._rows.get(idea_id, -1)

    # -- the model's contract

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ideas)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ideas):
            return None
        idea = self._ideas[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return idea.title
        if role == DetailRole:
            return self._detail(idea)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n\n".join(p for p in (idea.title, idea.text, self._detail(idea), self._step(idea)) if p)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ". ".join(p for p in (idea.title, *self._detail(idea).splitlines(), self._step(idea)) if p)
        if role == IdRole:
            return idea.id
        if role == BackedRole:
            return idea.backing_count > 0
        if role == StepRole:
            return step_tag(idea.status)
        if role == ParkedRole:
            return idea.status == IdeaStatus.PARKED
        return None

    @staticmethod
    def _step(idea: IdeaSnapshot) -> str:
        tag = step_tag(idea.status)
        return _("Step: {step}").format(step=tag) if tag else ""

    def _detail(self, idea: IdeaSnapshot) -> str:
        backing = "" if idea.backing_count else _("No backing yet")
        return "\n".join(p for p in (self.giver_label(idea), backing) if p)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # -- drag and drop

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [IDEA_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid() and i.model() is self})
        data = QMimeData()
        payload = {"workshop": self.workshop_id, "ideas": [self._ideas[r].id for r in rows]}
        data.setData(IDEA_MIME, json.dumps(payload).encode())
        return data

    def dropped_ids(self, data: QMimeData | None) -> list[str]:
        """The ideas a drag carries, if they come from this workshop's board."""
        if data is None or not data.hasFormat(IDEA_MIME):
            return []
        try:
            payload = json.loads(bytes(data.data(IDEA_MIME).data()).decode())
        except ValueError:
            return []
        if not isinstance(payload, dict) or payload.get("workshop") != self.workshop_id:
            return []
        return [str(i) for i in payload.get("ideas", [])]

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return action == Qt.DropAction.MoveAction and bool(self.dropped_ids(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        ids = self.dropped_ids(data)
        if not ids or self.on_drop is None:
            return False
        if parent.isValid():
            row = parent.row()  # dropped onto a card: before it
        if not 0 <= row <= len(self._ideas):
            row = len(self._ideas)
        return self.on_drop(ids, self.cluster_id, row)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending rows as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class CardDelegate(QStyledItemDelegate):
    """Draws an idea as a card: the title, wrapped, a smaller line below it, and from the
    shortlist on a small tag with the idea's step ("Planned").
    """

    MARGIN, PADDING, GAP, STRIPE = 4, 8, 3, 5
    TAG_PADDING = 6

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        #: The theme's colour as a stripe at the card's edge (it repeats the column's band).
        self.stripe: QColor | None = None

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        detail = QFont(option.font)
        detail.setPointSizeF(max(7.0, title.pointSizeF() * 0.85))
        return title, detail

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget
        if isinstance(view, QAbstractItemView):
            width = view.viewport().width()
            bar = view.verticalScrollBar()
            if not bar.isVisible():
                # Room for the scroll bar that more cards will bring: heights measured without
                # it would be too low once it appears, and the cards would overlap.
                width -= bar.sizeHint().width()
        else:
            width = option.rect.width()
        return max(60, width - 2 * (self.MARGIN + self.PADDING) - self.STRIPE)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        title_font, detail_font = self._fonts(option)
        width = self._text_width(option)
        flags = Qt.TextFlag.TextWordWrap
        height = (
            QFontMetrics(title_font).boundingRect(QRect(0, 0, width, 10_000), flags, index.data()).height()
        )
        detail = index.data(DetailRole)
        if detail:
            height += (
                self.GAP
                + QFontMetrics(detail_font).boundingRect(QRect(0, 0, width, 10_000), flags, detail).height()
            )
        if index.data(StepRole):
            height += 2 * self.GAP + self._tag_height(detail_font)
        return QSize(width, height + 2 * (self.MARGIN + self.PADDING))

    @staticmethod
    def _tag_height(detail_font: QFont) -> int:
        return QFontMetrics(detail_font).height() + 2

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        title_font, detail_font = self._fonts(option)
        palette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        card = option.rect.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = (
            palette.color(QPalette.ColorRole.Highlight)
            if selected
            else palette.color(QPalette.ColorRole.Base)
        )
        edge = palette.color(QPalette.ColorRole.Highlight if focused else QPalette.ColorRole.Mid)
        painter.setPen(QPen(edge, 2 if focused else 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(card, 5, 5)
        if self.stripe is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.stripe)
            painter.drawRoundedRect(
                QRect(card.left() + 1, card.top() + 1, self.STRIPE, card.height() - 1), 2, 2
            )
        ink = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        text = card.adjusted(self.PADDING + self.STRIPE, self.PADDING, -self.PADDING, -self.PADDING)
        painter.setPen(ink)
        painter.setFont(title_font)
        used = painter.boundingRect(text, Qt.TextFlag.TextWordWrap, index.data())
        painter.drawText(text, Qt.TextFlag.TextWordWrap, index.data())
        muted = QColor(ink)
        muted.setAlphaF(0.75)
        painter.setFont(detail_font)
        detail = index.data(DetailRole)
        if detail:
            painter.setPen(muted)
            below = QRect(
                text.left(), used.bottom() + 1 + self.GAP, text.width(), text.bottom() - used.bottom()
            )
            used = painter.boundingRect(below, Qt.TextFlag.TextWordWrap, detail)
            painter.drawText(below, Qt.TextFlag.TextWordWrap, detail)
        tag = index.data(StepRole)
        if tag:
            self._paint_tag(painter, tag, QRect(text.left(), used.bottom() + 1 + 2 * self.GAP, text.width(), 0),
                            muted, parked=bool(index.data(ParkedRole)))  # fmt: skip
        painter.restore()

    def _paint_tag(self, painter: QPainter, tag: str, at: QRect, ink: QColor, *, parked: bool) -> None:
        """The step as a quiet outlined tag at ``at``'s top left; dashed for a parked idea."""
        metrics = painter.fontMetrics()
        room = at.width() - 2 * self.TAG_PADDING
        words = metrics.elidedText(tag, Qt.TextElideMode.ElideRight, room)
        pill = QRect(at.left(), at.top(), metrics.horizontalAdvance(words) + 2 * self.TAG_PADDING,
                     self._tag_height(painter.font()))  # fmt: skip
        painter.setPen(QPen(ink, 1, Qt.PenStyle.DashLine if parked else Qt.PenStyle.SolidLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        radius = pill.height() / 2
        painter.drawRoundedRect(pill, radius, radius)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, words)


class CardListView(QListView):
    """One column's cards; drags cards out and takes drops, each card a row.

    Signals:
        selectionReplaced(): the user starts a new selection here (a click without Ctrl,
            an arrow key): the board clears the other columns' selections.
    """

    selectionReplaced = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.delegate = CardDelegate(self)
        self.setItemDelegate(self.delegate)
        self.empty_text = _("Drag ideas here")

    def selectionCommand(self, index: AnyIndex, event: Any = None) -> QItemSelectionModel.SelectionFlag:
        flags = super().selectionCommand(index, event)
        if flags & QItemSelectionModel.SelectionFlag.Clear:
            self.selectionReplaced.emit()
        return flags

    def select_ids(self, idea_ids: Iterable[str]) -> None:
        """Select these cards (those in this column) and make the first the current one."""
        model = self.model()
        assert isinstance(model, IdeaColumnModel)
        rows = sorted(r for r in (model.row_of(i) for i in idea_ids) if r >= 0)
        if not rows:
            return
        selection = QItemSelection()
        for row in rows:
            selection.select(model.index(row), model.index(row))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.selectionModel().select(selection, flags)
        self.selectionModel().setCurrentIndex(
            model.index(rows[0]), QItemSelectionModel.SelectionFlag.NoUpdate
        )
        self.scrollTo(model.index(rows[0]))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            colour = QColor(self.palette().color(QPalette.ColorRole.Text))
            colour.setAlphaF(0.6)
            painter.setPen(colour)
            area = self.viewport().rect().adjusted(12, 24, -12, -12)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            painter.drawText(area, int(flags), self.empty_text)
            painter.end()
