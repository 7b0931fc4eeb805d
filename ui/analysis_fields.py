"""Form fields of the analysis and the plan: saved when left, a refusal shown below, typed text kept."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFocusEvent, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.dialogs import error_label
from ui.idea_form import LimitedTextEdit

#: Enough of a text to fill MAX_LINES at any width: a long text is not laid out twice.
PROBE_CHARS = 4000

#: Typing in a long text is saved this long after the last keystroke (and at once when it is left).
SAVE_DELAY_MS = 800

#: Saves a field's text; returns the reason it was refused, or None when it was saved.
Commit = Callable[[str, str], str | None]


class FormTextEdit(LimitedTextEdit):
    """A long text field as tall as its text (2 to 8 lines), for a form in a scroll area.

    Signals:
        finished(): typing paused or the field was left: time to save.
    """

    finished = Signal()

    MIN_LINES = 2
    MAX_LINES = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.timer.timeout.connect(self.finished)
        self._loading = False
        self._probe = QTextDocument(self)
        self._probe.setDocumentMargin(0)
        self.textChanged.connect(self._typed)
        self.textChanged.connect(self._fit)
        self._fit()

    def text(self) -> str:
        # toPlainText() turns no-break spaces into spaces ("12 500 kr" would change on every save).
        return self.document().toRawText().replace("\u2029", "\n")

    def set_text(self, text: str) -> None:
        if text == self.text():
            return
        self._loading = True
        self.setPlainText(text)
        self._loading = False
        self.timer.stop()

    def _typed(self) -> None:
        if not self._loading:
            self.timer.start()

    def _fit(self) -> None:
        """As tall as the text wraps to at the field's width, within MIN_LINES and MAX_LINES."""
        width = self.viewport().width() - 2 * int(self.document().documentMargin())
        line = self.fontMetrics().lineSpacing()
        lines = self.MIN_LINES
        if width > 0:
            # A copy of the start of the text: the field itself lays out only what is in view.
            self._probe.setDefaultFont(self.font())
            self._probe.setPlainText(self.text()[:PROBE_CHARS])
            self._probe.setTextWidth(width)
            lines = math.ceil(self._probe.size().height() / line)
        lines = max(self.MIN_LINES, min(self.MAX_LINES, lines))
        margins = self.contentsMargins()
        frame = int(2 * self.document().documentMargin()) + margins.top() + margins.bottom()
        self.setFixedHeight(lines * line + frame + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.finished.emit()
        super().focusOutEvent(event)


class FormLineEdit(QLineEdit):
    """A one-line field (a name, an amount) saved when Enter is pressed or the field is left."""

    def set_text(self, text: str) -> None:
        if text != self.text():
            self.setText(text)


class FormField:
    """One field of a form: its widget, the value last loaded from the database, and its refusal.

    A text refused by a rule stays in the field, with the reason under it, until it is corrected;
    a reload from the database never overwrites what the user has typed and not yet saved.
    """

    def __init__(self, name: str, widget: FormTextEdit | FormLineEdit, commit: Commit) -> None:
        self.name = name
        self.widget = widget
        self.error = error_label()
        self.loaded = ""
        self._commit = commit
        if isinstance(widget, FormTextEdit):
            widget.finished.connect(self.flush)
            widget.refused.connect(self.show_error)
        else:
            widget.editingFinished.connect(self.flush)

    def text(self) -> str:
        return self.widget.text()

    @property
    def refused(self) -> bool:
        """The field holds a text that was refused (or not saved yet)."""
        return self.text() != self.loaded and not self.error.isHidden()

    def load(self, text: str, *, force: bool = False) -> None:
        """Show the stored ``text`` unless the user has changed the field since the last load."""
        if force or self.text() == self.loaded:
            self.widget.set_text(text)
            self.error.hide()
        self.loaded = text

    def keep(self, text: str, message: str) -> None:
        """Show a text that was refused before, with its reason (the stored value stays loaded)."""
        self.widget.set_text(text)
        self.show_error(message)

    def flush(self) -> None:
        if isinstance(self.widget, FormTextEdit):
            self.widget.timer.stop()
        text = self.text()
        if text == self.loaded:
            self.error.hide()
            return
        before = self.loaded
        # The commit's reload sees the typed text as loaded, so it shows the stored form of it.
        self.loaded = text
        message = self._commit(self.name, text)
        if message is None:
            self.error.hide()
        else:
            self.loaded = before
            self.show_error(message)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def add_to(self, layout: QVBoxLayout, caption: str) -> QLabel:
        """The caption, the field and its refusal, one under the other."""
        label = QLabel(caption)
        label.setWordWrap(True)
        label.setBuddy(self.widget)
        layout.addWidget(label)
        layout.addWidget(self.widget)
        layout.addWidget(self.error)
        self.widget.setAccessibleName(caption)
        return label


def group_box(title: str) -> tuple[QGroupBox, QVBoxLayout]:
    """A titled group of fields in a form."""
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setSpacing(4)
    return box, layout
