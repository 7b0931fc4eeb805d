"""Step 4, critical review: the shortlisted ideas on the left, the chosen idea's review board on the right.

The facilitator starts a review in a format from the catalogue (its question and prompts shown
to lead with), takes notes in five columns, sees who reviewed, shows the board on the shared
screen, times the idea with the room's timer and ends with a recommendation and its reasons.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.participants import list_participants
from app.review import review_of_idea
from app.review_snapshots import FORMAT_GUIDES, NoteSnapshot, ReviewSnapshot, format_guide
from app.shortlist import shortlist
from app.vocabulary import ROLES, label
from models.enums import NoteKind, ReviewFormat
from ui import typography
from ui.commands import push
from ui.hub import Hub
from ui.review_board import ReviewBoard
from ui.review_commands import (
    AddNote,
    ChangeFormat,
    EditNote,
    MoveNote,
    Recommend,
    RemoveNote,
    RemoveReview,
    Reopen,
    ReviewCommand,
    StartReview,
)
from ui.review_dialogs import NoteDialog, RecommendationDialog, ReviewerChoice, fill_reviewers
from ui.review_rows import ClampedLabel
from ui.review_texts import composition_hint, composition_text, origin_mark, recommendation_text
from ui.shortlist_picker import ShortlistPicker

if TYPE_CHECKING:
    from ui.presenter import Presenter

HINT_STYLE = "color: #8A4B00; font-weight: 600;"


def refusal_of(command: ReviewCommand) -> str | None:
    """What a pushed command's refusal says (None: it was done)."""
    if command.refusal is not None:
        return command.refusal.message
    return command.error


class ReviewPanel(QWidget):
    """The critical review phase's work area (``flush`` saves the notes typed and not yet added)."""

    def __init__(
        self, hub: Hub, workshop_id: str, presenter: Presenter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.hub, self.workshop_id, self.presenter = hub, workshop_id, presenter
        self.idea_id: str | None = None
        self.review: ReviewSnapshot | None = None
        self.reviewers: list[ReviewerChoice] = []
        self.names: dict[str, str] = {}
        #: Notes typed for an idea and refused (its review complete, a text too long), kept while
        #: another idea is shown.
        self.drafts: dict[str, dict[NoteKind, str]] = {}
        self.picker = ShortlistPicker(hub, workshop_id)
        self.title = QLabel()
        typography.set_type(self.title, typography.LIST, bold=True)
        self.title.setWordWrap(True)
        self.format = QComboBox()
        self.format.setAccessibleName(_("Review format"))
        for review_format in ReviewFormat:
            self.format.addItem(_(FORMAT_GUIDES[review_format].name), str(review_format))
        self.show_button = QPushButton(_("Show on the shared screen"))
        self.show_button.setCheckable(True)
        self.stack = QStackedWidget()
        self.nothing = QLabel(_("Choose a shortlisted idea on the left."))
        self.nothing.setWordWrap(True)
        self.start_page = self._build_start_page()
        self.board_page = self._build_board_page()
        for page in (self.nothing, self.start_page, self.board_page):
            self.stack.addWidget(page)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.format)
        top.addWidget(self.show_button)
        work = QWidget()
        layout = QVBoxLayout(work)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        typography.fill_with_panes(self, self.picker, work)
        splitter = self.findChild(QSplitter)
        if splitter is not None:  # the board's five columns need the room
            splitter.setSizes([220, 660])
        self._connect()
        self._reload_people()
        self._choose(self.picker.current_idea_id() or "")

    # -- building ----------------------------------------------------------------------------

    def _build_start_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            _("A constructive, critical look in a seminar spirit, by internal and external reviewers.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.formats = QButtonGroup(page)
        for review_format in ReviewFormat:
            guide = format_guide(review_format)
            button = QRadioButton(guide.name)
            button.setProperty("code", str(review_format))
            button.setChecked(review_format is ReviewFormat.STANDARD)
            self.formats.addButton(button)
            question = QLabel(guide.question)
            question.setWordWrap(True)
            question.setStyleSheet("color: #555555; margin-left: 22px;")
            layout.addWidget(button)
            layout.addWidget(question)
        self.start_button = QPushButton(_("Start the review"))
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _build_board_page(self) -> QWidget:
        page = QWidget()
        self.question = ClampedLabel(2)
        self.question.setStyleSheet("font-style: italic;")
        self.composition = QLabel()
        self.composition.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.setWordWrap(True)
        self.reviewer = QComboBox()
        self.reviewer.setAccessibleName(_("Reviewer of new notes"))
        self.board = ReviewBoard()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.recommend_button = QPushButton(_("Recommend…"))
        self.reopen_button = QPushButton(_("Reopen"))
        self.remove_button = QPushButton(_("Remove review"))
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 180)
        self.minutes.setValue(10)
        self.minutes.setSuffix(_(" min"))
        self.minutes.setAccessibleName(_("Time for this idea"))
        self.timer_button = QPushButton(_("Start timer"))
        who = QHBoxLayout()
        who.addWidget(self.composition, 1)
        who.addWidget(QLabel(_("Reviewer:")))
        who.addWidget(self.reviewer)
        end = QHBoxLayout()
        end.addWidget(self.status, 1)
        end.addWidget(self.recommend_button)
        end.addWidget(self.reopen_button)
        timing = QHBoxLayout()
        timing.addWidget(QLabel(_("Time for this idea:")))
        timing.addWidget(self.minutes)
        timing.addWidget(self.timer_button)
        timing.addStretch(1)
        timing.addWidget(self.remove_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.question)
        layout.addLayout(who)
        layout.addWidget(self.hint)
        layout.addWidget(self.board, 1)
        layout.addLayout(end)
        layout.addLayout(timing)
        return page

    def _connect(self) -> None:
        self.picker.ideaChosen.connect(self._choose)
        self.start_button.clicked.connect(self.start_review)
        self.format.activated.connect(lambda _index: self.change_format(str(self.format.currentData())))
        self.show_button.toggled.connect(self.show_on_screen)
        self.board.addRequested.connect(lambda kind, text: self.add_note(NoteKind(kind), text))
        self.board.editRequested.connect(self.edit_note)
        self.board.moveRequested.connect(self.move_note)
        self.board.removeRequested.connect(self.remove_note)
        self.recommend_button.clicked.connect(self.recommend)
        self.reopen_button.clicked.connect(self.reopen)
        self.remove_button.clicked.connect(self.remove_review)
        self.timer_button.clicked.connect(self.start_timer)
        self.hub.reviewChanged.connect(self._review_changed)
        self.hub.participantsChanged.connect(self._people_changed)
        self.presenter.reviewViewChanged.connect(self._screen_changed)

    # -- what is shown -------------------------------------------------------------------------

    def _choose(self, idea_id: str) -> None:
        if (idea_id or None) != self.idea_id:
            self.flush()
            drafts = self.board.take_drafts()
            if self.idea_id is not None and drafts:
                self.drafts[self.idea_id] = drafts
        self.idea_id = idea_id or None
        self.reload()
        if self.idea_id is not None and self.idea_id in self.drafts:
            self.board.put_drafts(self.drafts.pop(self.idea_id))
        if self.idea_id is not None and self.presenter.review_idea_id not in (None, self.idea_id):
            self.presenter.show_review(self.idea_id)  # the shared screen follows the chosen idea

    def reload(self) -> None:
        """Read the chosen idea's review again and show it."""
        self.review = review_of_idea(self.hub.db, self.idea_id) if self.idea_id else None
        if self.idea_id is None:
            self.title.setText("")
            self.stack.setCurrentWidget(self.nothing)
            # Without a shortlist the picker says where to make one.
            self.nothing.setText(
                _("Choose a shortlisted idea on the left.") if self.picker.idea_ids() else ""
            )
        else:
            titles = {item.idea_id: item.title for item in shortlist(self.hub.db, self.workshop_id)}
            self.title.setText(self.review.idea_title if self.review else titles.get(self.idea_id, ""))
            self.stack.setCurrentWidget(self.board_page if self.review else self.start_page)
        self.format.setVisible(self.review is not None)
        self.show_button.setEnabled(self.idea_id is not None)
        self._screen_changed()
        if self.review is not None:
            self._show_review(self.review)

    def _show_review(self, review: ReviewSnapshot) -> None:
        guide = format_guide(review.format)
        self.format.setCurrentIndex(self.format.findData(str(review.format)))
        self.format.setEnabled(not review.completed)
        question = guide.question
        if guide.roles:
            question = f"{question}\n{' · '.join(role.name for role in guide.roles)}"
        self.question.set_full_text(question)
        self.composition.setText(composition_text(review.composition))
        self.hint.setText(composition_hint(review.composition))
        self.hint.setVisible(bool(self.hint.text()))
        self.board.show_review(review, guide, self.names)
        self.reviewer.setEnabled(not review.completed)
        if review.completed:
            reasons = review.reasons if len(review.reasons) <= 300 else review.reasons[:300] + " …"
            self.status.setText(
                _("Complete. {recommendation}. Reasons: {reasons}").format(
                    recommendation=recommendation_text(review), reasons=reasons
                )
            )
            self.status.setToolTip(
                "\n\n".join(
                    (review.reasons[:2000], _("The review is complete: reopen it to change its notes."))
                )
            )
        else:
            self.status.setText(_("Open: when the group is done, give the recommendation."))
            self.status.setToolTip("")
        self.recommend_button.setVisible(not review.completed)
        self.reopen_button.setVisible(review.completed)

    def _reload_people(self) -> None:
        people = [p for p in list_participants(self.hub.db, self.workshop_id) if not p.deleted]
        self.names = {p.id: p.display_name.strip() or label(ROLES, p.role) for p in people}
        self.reviewers = [(None, _("No one in particular"))]
        for person in people:
            text = _("{name} ({origin})").format(
                name=self.names[person.id], origin=origin_mark(person.origin)
            )
            self.reviewers.append((person.id, text))
        fill_reviewers(self.reviewer, self.reviewers, self.reviewer.currentData())

    def _review_changed(self, workshop_id: str, idea_id: str) -> None:
        if workshop_id == self.workshop_id and idea_id == self.idea_id:
            self.reload()

    def _people_changed(self, workshop_id: str) -> None:
        if workshop_id == self.workshop_id:
            self._reload_people()
            self.reload()

    def _screen_changed(self) -> None:
        shown = self.presenter.review_idea_id is not None
        blocked = self.show_button.blockSignals(True)
        self.show_button.setChecked(shown)
        self.show_button.blockSignals(blocked)

    # -- actions -------------------------------------------------------------------------------

    def flush(self) -> None:
        """Add the notes typed in the columns' fields and not yet entered (before leaving the idea).

        A refused note (the review is complete, the text too long) stays in its field with the reason.
        """
        if self.review is None:
            return
        for kind, column in self.board.columns.items():
            if column.field.text().strip():
                self.add_note(kind, column.field.text())

    def _typed_left(self) -> bool:
        """Whether a note typed in a field is still there after a flush (it was refused: the field says why)."""
        return any(column.field.text().strip() for column in self.board.columns.values())

    def start_review(self) -> None:
        button = self.formats.checkedButton()
        if self.idea_id is None or button is None:
            return
        code = str(button.property("code"))
        self._push(StartReview(self.hub, self.workshop_id, self.idea_id, code))
        if self.review is not None:  # ready for the first note
            self.board.columns[NoteKind.STRENGTH].field.setFocus()

    def change_format(self, review_format: str) -> None:
        self.flush()
        if self.review is not None and review_format != self.review.format:
            self._push(ChangeFormat(self.hub, self.review, review_format))
        elif self.review is not None:
            self._show_review(self.review)

    def add_note(self, kind: NoteKind, text: str) -> None:
        if self.review is None:
            return
        command = AddNote(self.hub, self.review, str(kind), text, self.reviewer.currentData())
        push(self.hub, command)
        refusal = refusal_of(command)
        if refusal is None:
            self.board.field_done(kind)
        else:
            if command.refusal is None:  # not the text: the review changed elsewhere (completed, gone)
                self.reload()
            self.board.refuse(kind, refusal)

    def edit_note(self, note_id: str) -> None:
        note = self._note(note_id)
        if note is None or self.review is None:
            return
        save = functools.partial(self._save_note, note)
        NoteDialog(note, self.reviewers, save, self, read_only=self.review.completed).exec()

    def _save_note(self, note: NoteSnapshot, text: str, kind: str, reviewer_id: str | None) -> str | None:
        assert self.review is not None
        if (text, reviewer_id) != (note.text, note.reviewer_id):  # with a move, in one undo step
            command = EditNote(self.hub, self.review, note, text, reviewer_id, kind)
            push(self.hub, command)
            return refusal_of(command)
        if kind != note.kind:
            self.move_note(note.id, len(self.review.column(NoteKind(kind))), kind)
        return None

    def move_note(self, note_id: str, position: int, kind: str) -> None:
        note = self._note(note_id)
        if note is not None and self.review is not None:
            self._push(MoveNote(self.hub, self.review, note, position, kind))

    def remove_note(self, note_id: str) -> None:
        note = self._note(note_id)
        if note is not None and self.review is not None:
            self._push(RemoveNote(self.hub, self.review, note))

    def recommend(self) -> None:
        """The typed notes are added first: the recommendation is given on the whole board."""
        self.flush()
        if self._typed_left():
            return
        if self.review is not None and not self.review.completed:
            RecommendationDialog(self.review, self._save_recommendation, self).exec()

    def _save_recommendation(self, recommendation: str, reasons: str) -> str | None:
        assert self.review is not None
        command = Recommend(self.hub, self.review, recommendation, reasons)
        push(self.hub, command)
        return refusal_of(command)

    def reopen(self) -> None:
        """A note typed while the review was complete (refused then, kept in its field) is added now."""
        if self.review is not None and self.review.completed:
            self._push(Reopen(self.hub, self.review))
            self.flush()

    def remove_review(self) -> None:
        """Undoable: the notes come back with Undo (those typed and not yet entered too)."""
        self.flush()
        if self.review is not None:
            self._push(RemoveReview(self.hub, self.review))

    def show_on_screen(self, show: bool) -> None:
        if show and self.idea_id is not None:
            self.presenter.show_screen()
            self.presenter.show_review(self.idea_id)
        elif not show and self.presenter.review_idea_id is not None:
            self.presenter.show_board()
        self._screen_changed()

    def start_timer(self) -> None:
        """The room's countdown, set to this idea's minutes; the shared screen shows it in its corner."""
        self.presenter.timer.set(self.minutes.value(), 0)
        self.presenter.timer.start()

    def _push(self, command: ReviewCommand) -> None:
        push(self.hub, command)
        refusal = refusal_of(command)
        if command.refusal is not None and refusal:
            self.hub.failed.emit(refusal)

    def _note(self, note_id: str) -> NoteSnapshot | None:
        notes = self.review.notes if self.review is not None else ()
        return next((n for n in notes if n.id == note_id), None)
