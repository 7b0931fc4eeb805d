"""The idea form: keyboard first (a title, Enter, the next), with givers, details and pictures."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import InvalidInput
from app.i18n import _
from app.snapshots import IdeaSnapshot, ParticipantSnapshot
from app.text import TEXT_MAX, TITLE_MAX, clean_text, clean_title, split_paste
from app.vocabulary import DEPTHS, IDEA_TYPES, NOVELTIES, ORIGINS, ROLES, label
from ui import typography
from ui.idea_form_step import StepLine


class TitleEdit(QLineEdit):
    """A one-line title that turns a pasted text with line breaks into title and description.

    Signals:
        multiLinePasted(str): the whole pasted text, for the form to split.
        refused(str): why a paste was not taken (too long for a title), for the user.
    """

    multiLinePasted = Signal(str)
    refused = Signal(str)
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            mime = self._clipboard_mime()
            if mime is not None and self._offer(mime):
                return
        super().keyPressEvent(event)

    def _clipboard_mime(self) -> QMimeData | None:
        from PySide6.QtGui import QGuiApplication

        return QGuiApplication.clipboard().mimeData()

    def _offer(self, mime: QMimeData) -> bool:
        text = mime.text() if mime.hasText() else ""
        if "\n" in text.strip() or "\r" in text.strip():
            self.multiLinePasted.emit(text)
            return True
        if len(text) > TITLE_MAX:
            # Refused whole here: the field itself would cut it at 32,767 characters unasked.
            try:
                clean_title(text)
            except InvalidInput as exc:
                self.refused.emit(exc.message)
            return True
        return False

    def insertFromMimeData(self, mime: QMimeData) -> None:
        if not self._offer(mime):
            self.insert(mime.text())


class LimitedTextEdit(QPlainTextEdit):
    """A text field that refuses a paste over the limit before laying it out.

    Laying out megabytes without a space takes minutes; the limit is checked first.

    Signals:
        refused(str): why the paste was not taken, for the user.
    """

    refused = Signal(str)

    def insertFromMimeData(self, source: QMimeData) -> None:
        text = source.text() if source.hasText() else ""
        if len(text) + len(self.toPlainText()) > TEXT_MAX:
            try:
                clean_text(self.toPlainText() + text)
            except InvalidInput as exc:
                self.refused.emit(exc.message)
            return
        super().insertFromMimeData(source)


def _combo(table: dict[str, str], none_text: str) -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    combo.addItem(none_text, None)
    for code in table:
        combo.addItem(label(table, code), code)
    return combo


class IdeaForm(QWidget):
    """New ideas, or the chosen idea's details for editing.

    Signals:
        submitted(dict): the form's values for a new idea (title, text, giver_ids, anonymous, details).
        saveRequested(str, dict): changed values for the idea with this id.
        pictureRequested(str): the user wants to add a picture to the idea with this id.
        pictureRemoveRequested(str, str): remove the picture (second id) from the idea (first id).
    """

    submitted = Signal(dict)
    saveRequested = Signal(str, dict)
    pictureRequested = Signal(str)
    pictureRemoveRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The idea's step, read-only; its ``read_step`` may tell what put it there and when.
        self.step = StepLine()
        self._editing: IdeaSnapshot | None = None
        self.people: dict[str, ParticipantSnapshot] = {}
        self._labels: dict[str, str] = {}

        self.heading = QLabel(_("New idea"))
        typography.set_type(self.heading, typography.LIST, bold=True)
        self.title = TitleEdit()
        self.title.setPlaceholderText(_("Write an idea and press Enter"))
        typography.set_type(self.title, typography.LIST)
        self.title.returnPressed.connect(self._submit)
        self.title.multiLinePasted.connect(self._paste)
        self.title.refused.connect(self.show_error)
        self.title.escaped.connect(self.clear)
        self.title.textEdited.connect(lambda _text: self.error.hide())
        self.error = QLabel()
        self.error.setStyleSheet("color: #A3140C; font-weight: 600;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.description = LimitedTextEdit()
        self.description.refused.connect(self.show_error)
        self.description.setPlaceholderText(_("Description (optional)"))
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(110)
        self.description.setMinimumHeight(48)

        self.giver_search = QLineEdit()
        self.giver_search.setPlaceholderText(_("Idea giver: type a name or role"))
        self._completion = QStringListModel(self)
        completer = QCompleter(self._completion, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._giver_chosen)
        self.giver_search.setCompleter(completer)
        self.giver_search.returnPressed.connect(self._giver_return)
        self.givers = QListWidget()
        self.givers.setMaximumHeight(52)
        self.givers.setToolTip(_("Delete removes the chosen idea giver"))
        self.givers.installEventFilter(self)
        self.givers.hide()  # shown once a giver is chosen
        model = self.givers.model()
        model.rowsInserted.connect(self._givers_shown)
        model.rowsRemoved.connect(self._givers_shown)
        model.modelReset.connect(self._givers_shown)
        self.anonymous = QCheckBox(_("Anonymous (no idea giver is stored)"))
        self.anonymous.toggled.connect(self._anonymous_toggled)

        self.origin = _combo(ORIGINS, _("Source: not set"))
        self.actor = _combo(ROLES, _("Actor: not set"))
        self.kind = _combo(IDEA_TYPES, _("Type: not set"))
        self.novelty = _combo(NOVELTIES, _("Novelty: not set"))
        self.depth = _combo(DEPTHS, _("Change: not set"))
        details = QWidget()
        grid = QFormLayout(details)
        grid.setContentsMargins(0, 0, 0, 0)
        row1 = QHBoxLayout()
        row1.addWidget(self.origin)
        row1.addWidget(self.actor)
        row2 = QHBoxLayout()
        row2.addWidget(self.kind)
        row2.addWidget(self.novelty)
        row2.addWidget(self.depth)
        grid.addRow(row1)
        grid.addRow(row2)
        details.hide()
        self.details_toggle = QToolButton()
        self.details_toggle.setText(_("More about the idea (optional)"))
        self.details_toggle.setCheckable(True)
        self.details_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.details_toggle.toggled.connect(self._toggle_details)
        self.details_box = details

        self.pictures = QListWidget()
        self.pictures.setViewMode(QListWidget.ViewMode.IconMode)
        self.pictures.setIconSize(QSize(96, 96))
        self.pictures.setMaximumHeight(120)
        self.pictures.setToolTip(_("Delete removes the chosen picture (undo with Ctrl+Z)"))
        self.pictures.installEventFilter(self)
        self.pictures.hide()

        self.save_button = QPushButton(_("Save idea (Enter)"))
        self.save_button.clicked.connect(self._submit)
        self.picture_button = QPushButton(_("Add picture…"))
        self.picture_button.clicked.connect(self._picture)
        self.new_button = QPushButton(_("New idea"))
        self.new_button.clicked.connect(self.clear)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.picture_button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.step)
        layout.addWidget(self.title)
        layout.addWidget(self.error)
        layout.addWidget(self.description)
        layout.addWidget(self.giver_search)
        layout.addWidget(self.givers)
        layout.addWidget(self.anonymous)
        layout.addWidget(self.details_toggle)
        layout.addWidget(details)
        layout.addWidget(self.pictures)
        layout.addLayout(buttons)
        self._update_mode()

    @property
    def editing(self) -> IdeaSnapshot | None:
        """The idea being edited (None: a new one); setting it shows its step anew."""
        return self._editing

    @editing.setter
    def editing(self, idea: IdeaSnapshot | None) -> None:
        self._editing = idea
        self.step.show_idea(idea)

    def _toggle_details(self, shown: bool) -> None:
        self.details_box.setVisible(shown)
        self.details_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    # -- participants ---------------------------------------------------------------

    def set_people(self, people: list[ParticipantSnapshot], labels: dict[str, str]) -> None:
        self.people = {p.id: p for p in people}
        self._labels = labels
        self._completion.setStringList(sorted(labels.values(), key=str.casefold))

    def _giver_chosen(self, text: str) -> None:
        text = text.strip()
        matches = [pid for pid, name in self._labels.items() if name == text]
        if not matches:
            needle = text.casefold()
            matches = [pid for pid, name in self._labels.items() if needle and needle in name.casefold()]
        chosen = set(self.giver_ids())
        free = [pid for pid in matches if pid not in chosen]
        if free:
            self._add_giver(free[0])
            self.giver_search.clear()

    def _giver_return(self) -> None:
        """Enter picks the giver typed; Enter again (the field empty) saves the idea."""
        if self.giver_search.text().strip():
            self._giver_chosen(self.giver_search.text())
        else:
            self._submit()

    def _add_giver(self, participant_id: str) -> None:
        item = QListWidgetItem(self._labels.get(participant_id, "?"))
        item.setData(Qt.ItemDataRole.UserRole, participant_id)
        self.givers.addItem(item)
        self.anonymous.setChecked(False)

    def _givers_shown(self, *_args: object) -> None:
        self.givers.setVisible(self.givers.count() > 0)

    def giver_ids(self) -> list[str]:
        return [self.givers.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.givers.count())]

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if not (isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Delete):
            return super().eventFilter(watched, event)
        if watched is self.givers:
            for item in self.givers.selectedItems():
                self.givers.takeItem(self.givers.row(item))
            return True
        if watched is self.pictures:
            item = self.pictures.currentItem()
            if item is not None and self.editing is not None:
                self.pictureRemoveRequested.emit(self.editing.id, item.data(Qt.ItemDataRole.UserRole))
            return True
        return super().eventFilter(watched, event)

    def _anonymous_toggled(self, anonymous: bool) -> None:
        if anonymous:
            self.givers.clear()
        self.giver_search.setEnabled(not anonymous)
        self.givers.setEnabled(not anonymous)

    # -- values ---------------------------------------------------------------------

    def _details(self) -> dict[str, Any]:
        return {
            "origin": self.origin.currentData(),
            "actor_category": self.actor.currentData(),
            "idea_type": self.kind.currentData(),
            "novelty": self.novelty.currentData(),
            "depth": self.depth.currentData(),
        }

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "text": self.description.toPlainText(),
            "giver_ids": [] if self.anonymous.isChecked() else self.giver_ids(),
            "anonymous": self.anonymous.isChecked(),
            **self._details(),
        }

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.title.setFocus()

    def _paste(self, text: str) -> None:
        title, description = split_paste(text)
        self.title.setText(title)
        if description:
            existing = self.description.toPlainText()
            self.description.setPlainText(f"{existing}\n{description}" if existing else description)

    def _submit(self) -> None:
        self.error.hide()
        if self.editing is None:
            self.submitted.emit(self.values())
            return
        values = self.values()
        changes = {name: value for name, value in values.items() if _differs(self.editing, name, value)}
        if changes:
            self.saveRequested.emit(self.editing.id, changes)
        else:
            self.clear()

    def _picture(self) -> None:
        if self.editing is not None:
            self.pictureRequested.emit(self.editing.id)

    # -- modes ----------------------------------------------------------------------

    def clear(self) -> None:
        """Ready for the next new idea; the facilitator keeps typing."""
        self.editing = None
        self.show_pictures([])
        self.title.clear()
        self.description.clear()
        self.givers.clear()
        self.anonymous.setChecked(False)
        for combo in (self.origin, self.actor, self.kind, self.novelty, self.depth):
            combo.setCurrentIndex(0)
        self.error.hide()
        self._update_mode()
        self.title.setFocus()

    def edit(self, idea: IdeaSnapshot) -> None:
        """Show an existing idea's values for editing."""
        self.editing = idea
        self.title.setText(idea.title)
        self.description.setPlainText(idea.text)
        self.givers.clear()
        for giver_id in idea.giver_ids:
            self._add_giver(giver_id)
        self.anonymous.setChecked(idea.anonymous)
        for combo, value in (
            (self.origin, idea.origin),
            (self.actor, idea.actor_category),
            (self.kind, idea.idea_type),
            (self.novelty, idea.novelty),
            (self.depth, idea.depth),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))  # fmt: skip
        self.error.hide()
        self._update_mode()

    def show_pictures(self, pictures: list[tuple[str, QPixmap, str]]) -> None:
        """Thumbnails of the edited idea's pictures: (image id, pixmap, tooltip)."""
        self.pictures.clear()
        for image_id, pixmap, tip in pictures:
            item = QListWidgetItem(QIcon(pixmap), "")
            item.setData(Qt.ItemDataRole.UserRole, image_id)
            item.setToolTip(tip)
            self.pictures.addItem(item)
        self.pictures.setVisible(bool(pictures))

    def _update_mode(self) -> None:
        editing = self.editing is not None
        self.heading.setText(_("Edit idea") if editing else _("New idea"))
        self.save_button.setText(_("Save changes (Enter)") if editing else _("Save idea (Enter)"))
        self.picture_button.setEnabled(editing)
        self.new_button.setVisible(editing)


def _differs(idea: IdeaSnapshot, name: str, value: Any) -> bool:
    current = idea.giver_ids if name == "giver_ids" else getattr(idea, name)
    if name == "giver_ids":
        return sorted(current) != sorted(value)
    return bool(current != value)
