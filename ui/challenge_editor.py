"""The challenge and the warm-up prompts (Myllstimulans), saved as the facilitator types."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFocusEvent, QUndoCommand
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.errors import InvalidInput
from app.i18n import _
from app.snapshots import WorkshopSnapshot
from app.text import clean_text, clean_title
from ui import typography
from ui.commands import push
from ui.hub import Hub
from ui.idea_commands import EditWorkshop
from ui.idea_form import LimitedTextEdit

#: Typing is saved this long after the last keystroke (and at once when the field is left).
SAVE_DELAY_MS = 800


class SavingTextEdit(LimitedTextEdit):
    """A text field that saves after a pause in typing and when it loses focus."""

    def __init__(self, save: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        self.textChanged.connect(self.timer.start)
        self._loading = False

    def load(self, text: str) -> None:
        if text == self.toPlainText():
            return
        self._loading = True
        self.setPlainText(text)
        self._loading = False
        self.timer.stop()

    def flush(self) -> None:
        self.timer.stop()
        if not self._loading and callable(self._save):
            self._save(self.toPlainText())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self.timer.isActive():
            self.flush()
        super().focusOutEvent(event)


class ChallengeEditor(QWidget):
    """Edits the workshop's challenge and warm-up prompts; both show large on the shared screen."""

    def __init__(self, hub: Hub, workshop: WorkshopSnapshot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.workshop = workshop
        heading = QLabel(_("The challenge"))
        typography.set_type(heading, typography.LIST, bold=True)
        hint = QLabel(
            _("Start from the problem: whose problem, and why does it matter now? Plain words, no jargon.")
        )
        hint.setWordWrap(True)
        self.challenge = SavingTextEdit(self._save_challenge)
        self.challenge.refused.connect(self._show_error)
        typography.set_type(self.challenge, typography.EMPTY_STATE)
        self.challenge.setPlaceholderText(_("How might we …?"))
        prompts_heading = QLabel(_("Warm-up prompts (one per line)"))
        typography.set_type(prompts_heading, typography.LIST, bold=True)
        self.prompts = SavingTextEdit(self._save_prompts)
        self.prompts.refused.connect(self._show_error)
        typography.set_type(self.prompts, typography.LIST)
        self.error = QLabel()
        self.error.setStyleSheet("color: #A3140C; font-weight: 600;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.challenge, 3)
        layout.addWidget(prompts_heading)
        layout.addWidget(self.prompts, 2)
        layout.addWidget(self.error)
        self.show_workshop(workshop)

    def show_workshop(self, workshop: WorkshopSnapshot) -> None:
        self.workshop = workshop
        self.challenge.load(workshop.challenge)
        self.prompts.load("\n".join(workshop.warmup_prompts))

    def flush(self) -> None:
        """Save what is being typed now (before the phase changes or the app closes)."""
        self.challenge.flush()
        self.prompts.flush()

    def _save_challenge(self, text: str) -> None:
        if text == self.workshop.challenge:
            return
        try:
            clean_text(text)
        except InvalidInput as exc:
            self._show_error(exc.message)
            return
        self._push("challenge", _("Edit the challenge"), self.workshop.challenge, text)

    def _save_prompts(self, text: str) -> None:
        prompts = [line.strip() for line in text.splitlines() if line.strip()]
        if tuple(prompts) == self.workshop.warmup_prompts:
            return
        try:
            for prompt in prompts:
                clean_title(prompt)
        except InvalidInput as exc:
            self._show_error(exc.message)
            return
        self._push(
            "warmup_prompts", _("Edit the warm-up prompts"), list(self.workshop.warmup_prompts), prompts
        )

    def _push(self, field: str, text: str, before: object, after: object) -> None:
        self.error.hide()
        command = MergingEdit(self.hub, self.workshop.id, text, {field: before}, {field: after})
        push(self.hub, command)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class MergingEdit(EditWorkshop):
    """Saves made while typing one field merge into one undo step."""

    IDS: ClassVar[dict[str, int]] = {"challenge": 1001, "warmup_prompts": 1002}

    def id(self) -> int:
        return self.IDS.get(next(iter(self.after)), -1)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, MergingEdit)
            or other.workshop_id != self.workshop_id
            or other.id() != self.id()
        ):
            return False
        self.after = other.after
        return True
