"""A workshop's lessons learned: a summary saved as it is typed, and dated lessons added one by one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import followup
from app.errors import InvalidInput
from app.followup_snapshots import Lessons
from app.i18n import _
from app.text import clean_text
from ui import typography
from ui.challenge_editor import SavingTextEdit
from ui.commands import push
from ui.dialogs import error_label
from ui.followup_entry_dialogs import NoteValues, lesson_dialog
from ui.followup_entry_view import EntryTextDialog
from ui.followup_panel_commands import EditLessonsSummary, RemoveEntries, add_lesson
from ui.followup_panel_models import EntryLogModel, IdRole
from ui.hub import Hub
from ui.voting_commands import submit
from ui.voting_dialogs import run


def heading(text: str) -> QLabel:
    label = QLabel(text)
    typography.set_type(label, typography.LIST, bold=True)
    return label


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #3B3B3B;")
    return label


def log_view(model: EntryLogModel, name: str) -> QListView:
    view = QListView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    view.setSpacing(3)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setUniformItemSizes(False)
    return view


def read_entry(parent: QWidget, model: EntryLogModel, index: QModelIndex) -> None:
    """Show the whole of a log line (double-click or Enter): the list shows the start of long ones."""
    if index.isValid():
        run(EntryTextDialog(model.lines[index.row()], parent))


class LessonsView(QWidget):
    """The summary (as the protocol prints it) beside the dated lessons, newest first."""

    def __init__(self, hub: Hub, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub, self.workshop_id = hub, workshop_id
        self.author = ""
        self.summary_text = ""
        self.summary = SavingTextEdit(self._save_summary)
        self.summary.setAccessibleName(_("Summary of the lessons learned"))
        self.summary.setPlaceholderText(
            _("What should the next workshop do the same way, and what differently?")
        )
        self.summary.refused.connect(self._show_error)
        self.error = error_label()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(heading(_("Summary of the lessons learned")))
        left_layout.addWidget(hint(_("Printed in the protocol. Saved as you type.")))
        left_layout.addWidget(self.summary, 1)
        left_layout.addWidget(self.error)

        self.model = EntryLogModel(self)
        self.list = log_view(self.model, _("Lessons learned"))
        self.list.selectionModel().currentChanged.connect(self._update_buttons)
        self.list.activated.connect(lambda index: read_entry(self, self.model, index))
        self.empty = hint(_("No lesson written down yet. Add one as soon as it is learned, with its date."))
        self.add_button = QPushButton(_("Add a lesson…"))
        self.add_button.clicked.connect(self.add_lesson)
        self.remove_button = QPushButton(_("Remove lesson"))
        self.remove_button.clicked.connect(self.remove_lesson)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.remove_lesson)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(heading(_("Lessons, newest first")))
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.list, 1)
        right_layout.addWidget(self.empty)
        right_layout.addStretch(0)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(splitter)
        self.lessons: Lessons | None = None

    def refresh(self) -> None:
        self.lessons = followup.lessons(self.hub.db, self.workshop_id)
        self.summary_text = self.lessons.summary
        if not self.summary.timer.isActive():
            # Never over what is being typed: that is saved in a moment and wins.
            self.summary.load(self.lessons.summary)
        self.model.set_entries(self.lessons.entries)
        self.list.setVisible(bool(self.lessons.entries))
        self.empty.setVisible(not self.lessons.entries)
        self._update_buttons()

    def flush(self) -> None:
        self.summary.flush()

    def count(self) -> int:
        return self.model.rowCount()

    def _update_buttons(self, *_args: object) -> None:
        self.remove_button.setEnabled(self.list.currentIndex().isValid())

    def _save_summary(self, text: str) -> None:
        if text == self.summary_text:
            return
        try:
            clean_text(text)
        except InvalidInput as exc:
            self._show_error(exc.message)
            return
        self.error.hide()
        before, self.summary_text = self.summary_text, text
        if not push(self.hub, EditLessonsSummary(self.hub, self.workshop_id, before, text)):
            self.summary_text = before

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def add_lesson(self) -> None:
        run(lesson_dialog(self.hub.today(), self.author, self._submit_lesson, self))

    def _submit_lesson(self, values: NoteValues) -> InvalidInput | None:
        refusal = submit(
            self.hub, add_lesson(self.hub, self.workshop_id, values.entry_on, values.text, values.author)
        )
        if refusal is None:
            self.author = values.author.strip()
        return refusal

    def remove_lesson(self) -> None:
        index: QModelIndex = self.list.currentIndex()
        if not index.isValid():
            return
        ids = index.data(IdRole)
        push(self.hub, RemoveEntries(self.hub, self.workshop_id, None, ids, _("Remove lesson")))
