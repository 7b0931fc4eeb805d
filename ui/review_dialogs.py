"""The review's dialogs: a note's words, kind and reviewer; the recommendation with its reasons.

Each dialog hands its values to a ``save`` callable that commits them and returns the
refusal's words (or None); a refused dialog stays open with everything typed and says why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.review_snapshots import NOTE_KIND_NAMES, RECOMMENDATION_NAMES, NoteSnapshot, ReviewSnapshot
from models.enums import NoteKind, Recommendation
from ui.dialogs import error_label, ok_cancel

#: (participant id or None, how the facilitator reads it) for the reviewer choosers.
ReviewerChoice = tuple[str | None, str]


def fill_reviewers(combo: QComboBox, choices: Sequence[ReviewerChoice], current: str | None) -> None:
    blocked = combo.blockSignals(True)
    combo.clear()
    for person_id, text in choices:
        combo.addItem(text, person_id)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(blocked)


class NoteDialog(QDialog):
    """Edit a note: its words (any length), its kind and who wrote it; ``read_only`` in a completed review."""

    def __init__(
        self,
        note: NoteSnapshot,
        reviewers: Sequence[ReviewerChoice],
        save: Callable[[str, str, str | None], str | None],
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("The note") if read_only else _("Edit the note"))
        self._save = save
        self.text = QPlainTextEdit(note.text)
        self.text.setAccessibleName(_("The note"))
        self.kind = QComboBox()
        for kind in NoteKind:
            self.kind.addItem(_(NOTE_KIND_NAMES[kind]), str(kind))
        self.kind.setCurrentIndex(self.kind.findData(str(note.kind)))
        self.reviewer = QComboBox()
        fill_reviewers(self.reviewer, reviewers, note.reviewer_id)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(_("Column"), self.kind)
        form.addRow(_("Reviewer"), self.reviewer)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        buttons = ok_cancel(self, _("Save"))
        layout.addWidget(buttons)
        if read_only:  # the review is complete: its notes are read, not changed
            self.text.setReadOnly(True)
            self.kind.setEnabled(False)
            self.reviewer.setEnabled(False)
            buttons.button(QDialogButtonBox.StandardButton.Ok).hide()
            buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Close"))
            layout.insertWidget(0, QLabel(_("The review is complete: reopen it to change its notes.")))
        self.resize(520, 360)

    def accept(self) -> None:
        refusal = self._save(
            self.text.toPlainText(), str(self.kind.currentData()), self.reviewer.currentData()
        )
        if refusal:
            self.error.setText(refusal)
            self.error.show()
            return
        super().accept()


class RecommendationDialog(QDialog):
    """Complete the review: proceed, rework or park, and why."""

    def __init__(
        self,
        review: ReviewSnapshot,
        save: Callable[[str, str], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("The review's recommendation"))
        self._save = save
        self.choices = QButtonGroup(self)
        row = QHBoxLayout()
        for recommendation in Recommendation:
            button = QRadioButton(_(RECOMMENDATION_NAMES[recommendation]))
            button.setProperty("code", str(recommendation))
            # Nothing chosen for the group: a reopened review shows the choice it had.
            button.setChecked(recommendation == review.recommendation)
            self.choices.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.reasons = QPlainTextEdit(review.reasons)
        self.reasons.setAccessibleName(_("Reasons"))
        self.reasons.setPlaceholderText(_("What in the notes leads the group to this recommendation?"))
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("The group recommends")))
        layout.addLayout(row)
        layout.addWidget(QLabel(_("Reasons (required)")))
        layout.addWidget(self.reasons, 1)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, _("Complete the review")))
        self.resize(520, 340)

    def choose(self, recommendation: str) -> None:
        for button in self.choices.buttons():
            button.setChecked(button.property("code") == recommendation)

    def chosen(self) -> str:
        button = self.choices.checkedButton()
        return str(button.property("code")) if button is not None else ""

    def accept(self) -> None:
        refusal = self._save(self.chosen(), self.reasons.toPlainText())
        if refusal:
            self.error.setText(refusal)
            self.error.show()
            return
        super().accept()
