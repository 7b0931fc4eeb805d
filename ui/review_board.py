"""The review board in the facilitator's window: five columns of notes, each with a field to add one.

The board shows a ReviewSnapshot and asks for changes through its signals; the panel commits
them. A note is added by typing in its column's field and pressing Enter; a refused note stays
in the field with the reason under it.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.review_snapshots import NOTE_KIND_NAMES, FormatGuide, NoteSnapshot, ReviewSnapshot
from models.enums import NoteKind
from ui.board_canvas import ink_on
from ui.dialogs import error_label
from ui.review_rows import ZERO_WIDTH_SPACE, ClampedLabel, breakable, note_row_text
from ui.review_screen import KIND_COLOURS, header_label

#: What a dragged note carries: its id.
NOTE_MIME = "application/x-mylla-review-note"
#: The note id of a row.
NoteIdRole = Qt.ItemDataRole.UserRole + 1
#: A field takes any paste (a line edit keeps 32767 characters unless told otherwise).
FIELD_MAX = 2**31 - 1


class NoteList(QListWidget):
    """The notes of one column; Delete removes, Enter edits, Ctrl+Up/Down moves, a note dragged moves.

    A drop only asks for the move: the board shows the notes as the database holds them after it.

    Signals:
        keyAction(str, str): "remove", "edit", "up" or "down", and the note id.
        noteDropped(str, int): the note (id) was dropped before this row of the list.
    """

    keyAction = Signal(str, str)
    noteDropped = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)

    def mimeTypes(self) -> list[str]:
        return [NOTE_MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(NOTE_MIME, QByteArray(str(items[0].data(NoteIdRole)).encode()))
        return data

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(NOTE_MIME) and self.isEnabled():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)  # the drop indicator
        if event.mimeData().hasFormat(NOTE_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if not event.mimeData().hasFormat(NOTE_MIME):
            event.ignore()
            return
        note_id = bytes(event.mimeData().data(NOTE_MIME).data()).decode()
        item = self.itemAt(event.position().toPoint())
        row = self.count() if item is None else self.row(item)
        if item is not None and event.position().y() > self.visualItemRect(item).center().y():
            row += 1
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the list is not changed here: it is shown anew
        event.accept()
        self.noteDropped.emit(note_id, row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        actions = {
            Qt.Key.Key_Delete: "remove",
            Qt.Key.Key_Return: "edit",
            Qt.Key.Key_Enter: "edit",
        }
        action = actions.get(Qt.Key(event.key()))
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            action = {Qt.Key.Key_Up: "up", Qt.Key.Key_Down: "down"}.get(Qt.Key(event.key()), action)
        if item is not None and action is not None:
            self.keyAction.emit(action, str(item.data(NoteIdRole)))
            return
        super().keyPressEvent(event)


class KindColumn(QWidget):
    """One kind of note: its word in its colour, the format's prompts, the notes and a field to add one."""

    def __init__(self, kind: NoteKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        colour = KIND_COLOURS[kind]
        self.header = QLabel()
        self.header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.header.setStyleSheet(
            f"background: {colour.name()}; color: {ink_on(colour).name()}; font-weight: 600;"
            " padding: 2px; border-radius: 3px;"
        )
        self.prompt = ClampedLabel(3, level=True)  # the columns' notes start on one line
        self.prompt.setStyleSheet("color: #555555;")
        small = self.prompt.font()
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        self.prompt.setFont(small)
        self.notes = NoteList()
        self.notes.setWordWrap(True)
        self.notes.setSpacing(1)
        self.notes.setAlternatingRowColors(True)
        self.notes.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.notes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notes.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.notes.setAccessibleName(_(NOTE_KIND_NAMES[kind]))
        self.field = QLineEdit()
        self.field.setMaxLength(FIELD_MAX)  # a long paste is refused by the service in a sentence, kept whole
        self.field.setPlaceholderText(_("New note"))
        self.field.setAccessibleName(_("New note: {kind}").format(kind=_(NOTE_KIND_NAMES[kind])))
        self.error = error_label()
        self.shown: tuple[tuple[NoteSnapshot, ...], Mapping[str, str]] = ((), {})
        self.shown_width = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.header)
        layout.addWidget(self.prompt)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.field)
        layout.addWidget(self.error)

    def show_notes(
        self, notes: tuple[NoteSnapshot, ...], reviewers: Mapping[str, str], keep: str | None
    ) -> None:
        self.header.setText(header_label(_(NOTE_KIND_NAMES[self.kind]), len(notes)))
        self.shown, self.shown_width = (notes, reviewers), self._text_width()
        blocked = self.notes.blockSignals(True)
        scrolled = self.notes.verticalScrollBar().value()  # a long column stays where it was read
        self.notes.clear()
        metrics = self.notes.fontMetrics()
        for note in notes:
            item = QListWidgetItem(breakable(note_row_text(note, reviewers), metrics, self.shown_width))
            item.setData(NoteIdRole, note.id)
            item.setToolTip(note.text[:1000])
            self.notes.addItem(item)
            if note.id == keep:
                self.notes.setCurrentItem(item)
        self.notes.doItemsLayout()  # the scroll range, before the place is set back
        self.notes.verticalScrollBar().setValue(scrolled)
        self.notes.blockSignals(blocked)

    def _text_width(self) -> int:
        # The same with a scroll bar or without: a row's padding and the bar's room are kept free.
        return max(20, self.notes.width() - self.notes.verticalScrollBar().sizeHint().width() - 14)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.shown[0] and self._text_width() != self.shown_width:
            keep = self.notes.currentItem()
            self.show_notes(*self.shown, str(keep.data(NoteIdRole)) if keep is not None else None)

    def note_ids(self) -> list[str]:
        return [str(self.notes.item(row).data(NoteIdRole)) for row in range(self.notes.count())]

    def row_texts(self) -> list[str]:
        """The rows as they read (the breaks allowed in long words are not read)."""
        return [
            self.notes.item(row).text().replace(ZERO_WIDTH_SPACE, "") for row in range(self.notes.count())
        ]


class ReviewBoard(QWidget):
    """Five columns, one per kind of note, in board order.

    Signals:
        addRequested(str, str): a note of kind (first) with this text was typed and Enter pressed.
        editRequested(str): the note (id) is to be edited.
        moveRequested(str, int, str): the note (id) to this place in the column of this kind.
        removeRequested(str): the note (id) is to be removed.
    """

    addRequested = Signal(str, str)
    editRequested = Signal(str)
    moveRequested = Signal(str, int, str)
    removeRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = {kind: KindColumn(kind) for kind in NoteKind}
        self.review: ReviewSnapshot | None = None
        self.locked = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for kind, column in self.columns.items():
            layout.addWidget(column, 1)
            column.field.returnPressed.connect(lambda k=kind: self._add(k))
            column.field.textEdited.connect(lambda _text, c=column: c.error.hide())
            column.notes.itemDoubleClicked.connect(
                lambda item: self.editRequested.emit(str(item.data(NoteIdRole)))
            )
            column.notes.customContextMenuRequested.connect(lambda point, k=kind: self._menu(k, point))
            column.notes.keyAction.connect(self._key_action)
            column.notes.noteDropped.connect(functools.partial(self._dropped, kind))

    def show_review(self, review: ReviewSnapshot, guide: FormatGuide, reviewers: Mapping[str, str]) -> None:
        """Show ``review``'s notes; a completed review is locked (its fields are off)."""
        self.review = review
        self.locked = review.completed
        for kind, column in self.columns.items():
            current = column.notes.currentItem()
            keep = str(current.data(NoteIdRole)) if current is not None else None
            column.show_notes(review.column(kind), reviewers, keep)
            column.prompt.set_full_text("\n".join(p.text for p in guide.prompts_for(kind)))
            column.field.setEnabled(not self.locked)
            column.notes.setDragDropMode(
                QAbstractItemView.DragDropMode.NoDragDrop
                if self.locked
                else QAbstractItemView.DragDropMode.DragDrop
            )
            if self.locked and not column.field.text():
                column.error.hide()

    def take_drafts(self) -> dict[NoteKind, str]:
        """The texts typed and not added, by kind; the fields and their reasons are emptied."""
        drafts = {}
        for kind, column in self.columns.items():
            if column.field.text():
                drafts[kind] = column.field.text()
            column.field.clear()
            column.error.hide()
        return drafts

    def put_drafts(self, drafts: Mapping[NoteKind, str]) -> None:
        for kind, text in drafts.items():
            self.columns[kind].field.setText(text)

    def field_done(self, kind: NoteKind) -> None:
        column = self.columns[kind]
        column.field.clear()
        column.error.hide()
        column.notes.scrollToBottom()  # the new note, last in its column

    def refuse(self, kind: NoteKind, reason: str) -> None:
        """The note typed in ``kind``'s field was refused: it stays there, with the reason under it."""
        column = self.columns[kind]
        column.error.setText(reason)
        column.error.show()
        column.field.setFocus()

    def _add(self, kind: NoteKind) -> None:
        if not self.locked:
            self.addRequested.emit(str(kind), self.columns[kind].field.text())

    def _note(self, note_id: str) -> NoteSnapshot | None:
        notes = self.review.notes if self.review is not None else ()
        return next((n for n in notes if n.id == note_id), None)

    def _key_action(self, action: str, note_id: str) -> None:
        note = self._note(note_id)
        if note is None or self.review is None:
            return
        if action == "edit":
            self.editRequested.emit(note_id)
        elif self.locked:
            return
        elif action == "remove":
            self.removeRequested.emit(note_id)
        else:
            self._step(note, -1 if action == "up" else 1)

    def _dropped(self, kind: NoteKind, note_id: str, row: int) -> None:
        """A note dropped before ``row`` of ``kind``'s list: its place among the others there."""
        note = self._note(note_id)
        if note is None or self.locked:
            return
        ids = [n.id for n in self._column(kind)]
        if note.id in ids and ids.index(note.id) < row:
            row -= 1  # the rows counted it above the place it goes to
        if note.kind is kind and ids.index(note.id) == row:
            return
        self.moveRequested.emit(note.id, row, str(kind))

    def _step(self, note: NoteSnapshot, by: int) -> None:
        assert self.review is not None
        ids = [n.id for n in self.review.column(note.kind)]
        place = ids.index(note.id) + by
        if 0 <= place < len(ids):
            self.moveRequested.emit(note.id, place, str(note.kind))

    def _menu(self, kind: NoteKind, point: QPoint) -> None:
        view = self.columns[kind].notes
        item = view.itemAt(point)
        note = self._note(str(item.data(NoteIdRole))) if item is not None else None
        if note is None:
            return
        menu = self.note_menu(note)
        menu.exec(view.viewport().mapToGlobal(point))

    def note_menu(self, note: NoteSnapshot) -> QMenu:
        """The note's actions: edit, move up or down or to another column, remove."""
        menu = QMenu(self)
        menu.addAction(_("Edit…"), lambda: self.editRequested.emit(note.id))
        up = menu.addAction(_("Move up"), lambda: self._step(note, -1))
        down = menu.addAction(_("Move down"), lambda: self._step(note, 1))
        move_to = menu.addMenu(_("Move to"))
        for kind in NoteKind:
            if kind is not note.kind:
                move_to.addAction(_(NOTE_KIND_NAMES[kind]), functools.partial(self._move_to, note, kind))
        remove = menu.addAction(_("Remove"), lambda: self.removeRequested.emit(note.id))
        for action in (up, down, remove, move_to.menuAction()):
            action.setEnabled(not self.locked)
        return menu

    def _move_to(self, note: NoteSnapshot, kind: NoteKind) -> None:
        """Last in the column of ``kind``."""
        self.moveRequested.emit(note.id, len(self._column(kind)), str(kind))

    def _column(self, kind: NoteKind) -> tuple[NoteSnapshot, ...]:
        return self.review.column(kind) if self.review is not None else ()
