"""Dialogs of a follow-up meeting: an entry on a plan, its realisation, a recognition, a lesson learned.

Each dialog hands what was typed to ``submit``, which commits it or returns the refusal; a
refused dialog stays open with everything typed and says why next to the fields.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import InvalidInput
from app.followup import STATUS_MAX
from app.i18n import _, ngettext
from app.vocabulary import FOLLOW_UP_KINDS, label
from models.enums import FollowUpKind
from ui.dialogs import error_label, ok_cancel
from ui.idea_form import LimitedTextEdit

#: Who a recognition may name, as listed: a participant's id, or a name typed in the plan.
PersonRole = Qt.ItemDataRole.UserRole + 1
ParticipantRole = Qt.ItemDataRole.UserRole + 2


def entry_text(note: str, problems: str) -> str:
    """The note of an entry with the problems met under their own heading (kept in the entry's text)."""
    if not problems.strip():
        return note
    heading = _("Problems met:")
    problems_part = f"{heading}\n{problems.strip()}"
    return f"{note.rstrip()}\n\n{problems_part}" if note.strip() else problems_part


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(_("Date"))
    return edit


def _text_box(placeholder: str, lines: int) -> LimitedTextEdit:
    box = LimitedTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class FollowUpDialog(QDialog):
    """A dated dialog with an author; subclasses add their fields and say what ``submit`` gets."""

    def __init__(
        self, title: str, intro: str, today: date, author: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.entry_on = _date_edit(today)
        self.author = QLineEdit(author)
        self.author.setAccessibleName(_("Written by"))
        self.error = error_label()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(_("Date"), self.entry_on)
        self.fields: dict[str, QWidget] = {"entry_on": self.entry_on, "author": self.author}
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        self.resize(560, 0)

    def finish(self, ok_text: str, author_label: str) -> None:
        """Put the author last and the buttons under everything."""
        self.form.addRow(author_label, self.author)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(ok_cancel(self, ok_text))

    def day(self) -> date:
        value: date = self.entry_on.date().toPython()  # type: ignore[assignment]
        return value

    def refuse(self, refusal: InvalidInput) -> None:
        """Say why next to the fields, keep what was typed and go to the field at fault."""
        self.error.setText(refusal.message)
        self.error.show()
        field = self.fields.get(refusal.field)
        if field is not None:
            field.setFocus()

    #: Each kind of dialog defines the service call that saves it: None when saved, else the refusal.
    submit: Callable[[], InvalidInput | None]

    def accept(self) -> None:
        refusal = self.submit()
        if refusal is not None:
            self.refuse(refusal)
            return
        super().accept()


@dataclass(frozen=True)
class EntryValues:
    entry_on: date
    kind: str
    text: str
    status: str
    author: str


class EntryDialog(FollowUpDialog):
    """A follow-up entry on a plan: progress or support, what happened, a new status, problems met."""

    def __init__(
        self,
        plan_title: str,
        today: date,
        author: str,
        submit: Callable[[EntryValues], InvalidInput | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            _("Add a follow-up entry"),
            _("Follow-up of “{plan}”: what has happened since last time?").format(plan=plan_title),
            today,
            author,
            parent,
        )
        self._submit = submit
        self.kind = QComboBox()
        for kind in (FollowUpKind.CHECK_IN, FollowUpKind.SUPPORT):
            self.kind.addItem(label(FOLLOW_UP_KINDS, kind), str(kind))
        self.kind.setAccessibleName(_("Kind of entry"))
        self.note = _text_box(_("What has been done, what was decided, what support was given"), 4)
        self.note.setAccessibleName(_("Note"))
        self.status = QLineEdit()
        self.status.setAccessibleName(_("New status"))
        self.status.setPlaceholderText(_("A word or two, such as “on track” or “paused”"))
        self.status.setToolTip(
            ngettext("At most {n} character.", "At most {n} characters.", STATUS_MAX).format(n=STATUS_MAX)
        )
        self.problems = _text_box(_("What got in the way: conflicts, lack of time, missing support"), 3)
        self.problems.setAccessibleName(_("Problems met"))
        self.form.addRow(_("Kind"), self.kind)
        self.form.addRow(_("Note"), self.note)
        self.form.addRow(_("New status"), self.status)
        self.form.addRow(_("Problems met"), self.problems)
        self.fields.update(text=self.note, status=self.status, kind=self.kind)
        self.finish(_("Add entry"), _("Written by"))
        self.note.setFocus()

    def values(self) -> EntryValues:
        return EntryValues(
            entry_on=self.day(),
            kind=str(self.kind.currentData()),
            text=entry_text(self.note.toPlainText(), self.problems.toPlainText()),
            status=self.status.text(),
            author=self.author.text(),
        )

    def submit(self) -> InvalidInput | None:
        return self._submit(self.values())


@dataclass(frozen=True)
class NoteValues:
    entry_on: date
    text: str
    author: str


class NoteDialog(FollowUpDialog):
    """A date, a text and an author: the realisation of a plan, or a lesson learned."""

    def __init__(
        self,
        title: str,
        intro: str,
        text_label: str,
        ok_text: str,
        today: date,
        author: str,
        submit: Callable[[NoteValues], InvalidInput | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, intro, today, author, parent)
        self._submit = submit
        self.text = _text_box("", 5)
        self.text.setAccessibleName(text_label)
        self.form.addRow(text_label, self.text)
        self.fields["text"] = self.text
        self.finish(ok_text, _("Written by"))
        self.text.setFocus()

    def values(self) -> NoteValues:
        return NoteValues(self.day(), self.text.toPlainText(), self.author.text())

    def submit(self) -> InvalidInput | None:
        return self._submit(self.values())


def realised_dialog(
    plan_title: str, today: date, author: str, submit: Callable[[NoteValues], InvalidInput | None],
    parent: QWidget | None = None,
) -> NoteDialog:  # fmt: skip
    dialog = NoteDialog(
        _("Mark as realised"),
        _(
            "“{plan}” is realised: it works and has taken hold. Celebrate it, and say what was achieved."
        ).format(plan=plan_title),
        _("What was achieved"),
        _("Mark as realised"),
        today,
        author,
        submit,
        parent,
    )
    dialog.text.setPlaceholderText(
        _("What works now, for whom, and how it became part of ordinary operations")
    )
    return dialog


def lesson_dialog(
    today: date,
    author: str,
    submit: Callable[[NoteValues], InvalidInput | None],
    parent: QWidget | None = None,
) -> NoteDialog:
    dialog = NoteDialog(
        _("Add a lesson learned"),
        _("What did the workshop and its follow-up teach us, for the next time?"),
        _("Lesson"),
        _("Add lesson"),
        today,
        author,
        submit,
        parent,
    )
    dialog.text.setPlaceholderText(_("What worked, what did not, and what we would do differently"))
    return dialog


@dataclass(frozen=True)
class Candidate:
    """Someone a recognition may name: a participant (shown as they may be named) or a name from the plan."""

    text: str
    participant_id: str | None = None
    name: str = ""


@dataclass(frozen=True)
class RecognitionValues:
    entry_on: date
    text: str
    names: tuple[str, ...]
    participant_ids: tuple[str, ...]
    author: str


def typed_names(text: str) -> tuple[str, ...]:
    """Names typed one after another, separated by commas or semicolons."""
    return tuple(n.strip() for n in text.replace(";", ",").split(",") if n.strip())


class RecogniseDialog(FollowUpDialog):
    """Who is recognised for a plan (idea givers, drivers, others) and a sentence of thanks."""

    def __init__(
        self,
        plan_title: str,
        candidates: Sequence[Candidate],
        left_out: int,
        today: date,
        author: str,
        submit: Callable[[RecognitionValues], InvalidInput | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            _("Recognise"),
            _("Celebrate those behind “{plan}”: the idea givers and those who drove it.").format(
                plan=plan_title
            ),
            today,
            author,
            parent,
        )
        self._submit = submit
        self.people = QListWidget()
        self.people.setAccessibleName(_("People to recognise"))
        for candidate in candidates:
            item = QListWidgetItem(candidate.text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(ParticipantRole, candidate.participant_id)
            item.setData(PersonRole, candidate.name)
            self.people.addItem(item)
        rows = max(2, min(6, len(candidates)))
        self.people.setFixedHeight((self.people.fontMetrics().lineSpacing() + 6) * rows + 6)
        self.people.setVisible(bool(candidates))
        self.left_out = QLabel(
            ngettext(
                "{n} participant did not agree to be named and is not listed.",
                "{n} participants did not agree to be named and are not listed.",
                left_out,
            ).format(n=left_out)
        )
        self.left_out.setWordWrap(True)
        self.left_out.setStyleSheet("color: #3B3B3B;")
        self.left_out.setVisible(left_out > 0)
        self.others = QLineEdit()
        self.others.setAccessibleName(_("Other people"))
        self.others.setPlaceholderText(_("Names, separated by commas"))
        self.thanks = _text_box(_("For example: Thank you for never giving up on the idea."), 3)
        self.thanks.setAccessibleName(_("Thanks"))
        people_box = QWidget()
        people_layout = QVBoxLayout(people_box)
        people_layout.setContentsMargins(0, 0, 0, 0)
        people_layout.addWidget(self.people)
        people_layout.addWidget(self.left_out)
        self.form.addRow(_("Who is recognised"), people_box)
        self.form.addRow(_("Other people"), self.others)
        self.form.addRow(_("Thanks"), self.thanks)
        self.fields.update(names=self.others, participant_ids=self.people, text=self.thanks)
        self.finish(_("Recognise"), _("Given by"))
        self.people.setFocus()

    def listed(self) -> list[str]:
        return [self.people.item(row).text() for row in range(self.people.count())]

    def check(self, text: str) -> None:
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item.text() == text:
                item.setCheckState(Qt.CheckState.Checked)

    def values(self) -> RecognitionValues:
        names: list[str] = []
        ids: list[str] = []
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item.checkState() != Qt.CheckState.Checked:
                continue
            participant_id = item.data(ParticipantRole)
            if participant_id:
                ids.append(str(participant_id))
            else:
                names.append(str(item.data(PersonRole)))
        return RecognitionValues(
            entry_on=self.day(),
            text=self.thanks.toPlainText(),
            names=(*names, *typed_names(self.others.text())),
            participant_ids=tuple(ids),
            author=self.author.text(),
        )

    def submit(self) -> InvalidInput | None:
        return self._submit(self.values())
