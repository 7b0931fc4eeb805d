"""The critical review panel: notes in five columns, who reviewed, the recommendation, undo."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidget
from pytestqt.qtbot import QtBot

from app.review import add_note, review_of_idea, start_review
from app.snapshots import WorkshopSnapshot
from app.workshops import get_workshop
from models.enums import NoteKind
from tests.ui.steps_helpers import SHORTLISTED, Shortlisted, english, shortlisted
from ui.hub import Hub
from ui.presenter import Presenter
from ui.review_dialogs import NoteDialog, RecommendationDialog
from ui.review_panel import ReviewPanel
from ui.room_timer import RoomTimer

__all__ = ["english", "shortlisted"]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def presenter(hub: Hub, shortlisted: Shortlisted, qtbot: QtBot) -> Iterator[Presenter]:
    """The room's presenter (qtbot first: the QApplication must exist before its windows)."""
    the_presenter = Presenter(hub, RoomTimer(clock=Clock()))
    the_presenter.open_workshop(get_workshop(hub.db, shortlisted.workshop_id))
    yield the_presenter
    the_presenter.close()


@pytest.fixture
def presenter_for_room(hub: Hub, room: WorkshopSnapshot, qtbot: QtBot) -> Iterator[Presenter]:
    the_presenter = Presenter(hub, RoomTimer(clock=Clock()))
    the_presenter.open_workshop(get_workshop(hub.db, room.id))
    yield the_presenter
    the_presenter.close()


@pytest.fixture
def panel(hub: Hub, shortlisted: Shortlisted, presenter: Presenter, qtbot: QtBot) -> ReviewPanel:
    widget = ReviewPanel(hub, shortlisted.workshop_id, presenter)
    qtbot.addWidget(widget)
    widget.resize(880, 460)
    widget.show()
    return widget


def started(panel: ReviewPanel, review_format: str = "standard") -> None:
    for button in panel.formats.buttons():
        button.setChecked(button.property("code") == review_format)
    panel.start_button.click()


def type_note(
    qtbot: QtBot, panel: ReviewPanel, kind: NoteKind, text: str, reviewer: str | None = None
) -> None:
    panel.reviewer.setCurrentIndex(panel.reviewer.findData(reviewer))
    field = panel.board.columns[kind].field
    field.setText(text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def stored(hub: Hub, idea_id: str) -> list[tuple[str, str, str | None]]:
    review = review_of_idea(hub.db, idea_id)
    assert review is not None
    return [(str(n.kind), n.text, n.reviewer_id) for n in review.notes]


def answering(fill: Callable[[QDialog], None]) -> Callable[[QDialog], int]:
    """A stand-in for a dialog's exec: fill it, press its OK; a refused dialog stays open (Rejected)."""

    def exec_(dialog: QDialog) -> int:
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    return exec_


def test_a_review_starts_in_the_chosen_format_and_takes_notes_of_each_kind(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, qtbot: QtBot
) -> None:
    assert panel.stack.currentWidget() is panel.start_page
    assert "A year from now the idea has failed. Why?" in [
        label.text() for label in panel.start_page.findChildren(type(panel.title))
    ]
    started(panel, "pre_mortem")
    assert panel.stack.currentWidget() is panel.board_page
    assert panel.question.full == "A year from now the idea has failed. Why?"
    assert panel.board.columns[NoteKind.RISK].prompt.full == "What went wrong along the way?"
    amira, bo, _citizen = shortlisted.people
    type_note(qtbot, panel, NoteKind.STRENGTH, "Builds on calls staff make today", amira)
    type_note(qtbot, panel, NoteKind.WEAKNESS, "Weekends are not covered")
    type_note(qtbot, panel, NoteKind.RISK, "Nobody answers and nobody follows up", bo)
    type_note(qtbot, panel, NoteKind.QUESTION, "Do relatives want it?")
    type_note(qtbot, panel, NoteKind.SUGGESTION, "A pilot in Norra first", amira)
    assert stored(hub, shortlisted.ideas[0]) == [
        ("strength", "Builds on calls staff make today", amira),
        ("weakness", "Weekends are not covered", None),
        ("risk", "Nobody answers and nobody follows up", bo),
        ("question", "Do relatives want it?", None),
        ("suggestion", "A pilot in Norra first", amira),
    ]
    assert panel.board.columns[NoteKind.STRENGTH].row_texts() == [
        "Builds on calls staff make today\n— Amira Hassan, internal"
    ]
    assert panel.board.columns[NoteKind.RISK].row_texts() == [
        "Nobody answers and nobody follows up\n— Bo Ek, external"
    ]
    assert panel.board.columns[NoteKind.WEAKNESS].row_texts() == ["Weekends are not covered"]
    assert panel.board.columns[NoteKind.RISK].header.text() == "Risks (1)"
    assert all(not c.field.text() for c in panel.board.columns.values())
    assert panel.composition.text() == (
        "Reviewers who wrote notes: 1 internal, 1 external · 2 notes without reviewer"
    )
    assert not panel.hint.isVisible()


def test_the_hint_asks_for_both_sides_while_one_is_missing(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, qtbot: QtBot
) -> None:
    started(panel)
    assert panel.hint.isVisible()
    type_note(qtbot, panel, NoteKind.RISK, "Cost of the phone line", shortlisted.people[0])
    assert panel.composition.text() == "Reviewers who wrote notes: 1 internal, 0 external"
    assert panel.hint.text() == "The model asks for both internal and external reviewers."
    assert panel.hint.isVisible()
    type_note(qtbot, panel, NoteKind.RISK, "Citizens may feel watched", shortlisted.people[2])
    assert not panel.hint.isVisible()


@pytest.mark.parametrize(
    "text",
    [
        "Trygghet ✅ för alla 👵🏽👴🏿 – även helger",
        "مكالمة صباحية للمسنين كل يوم",
        "Lång text. " * 1818 + "Slut",
    ],
)
def test_long_text_and_any_unicode_are_kept(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, qtbot: QtBot, text: str
) -> None:
    started(panel)
    type_note(qtbot, panel, NoteKind.QUESTION, text)
    assert stored(hub, shortlisted.ideas[0]) == [("question", text, None)]
    shown = panel.board.columns[NoteKind.QUESTION].row_texts()[0]
    assert text.startswith(shown.removesuffix(" …"))


def test_a_refused_note_keeps_its_text_and_says_why(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, qtbot: QtBot
) -> None:
    started(panel)
    column = panel.board.columns[NoteKind.WEAKNESS]
    type_note(qtbot, panel, NoteKind.WEAKNESS, "   ")
    assert column.field.text() == "   "
    assert column.error.isVisible()
    assert column.error.text() == "Write the note first."
    assert stored(hub, shortlisted.ideas[0]) == []
    assert hub.undo_stack.count() == 1  # the start only


def test_notes_are_edited_moved_and_removed_and_each_step_undoes(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    started(panel)
    type_note(qtbot, panel, NoteKind.STRENGTH, "First")
    type_note(qtbot, panel, NoteKind.STRENGTH, "Second")
    review = review_of_idea(hub.db, shortlisted.ideas[0])
    assert review is not None
    first, second = review.notes

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, NoteDialog)
        dialog.text.setPlainText("First, reworded")
        dialog.kind.setCurrentIndex(dialog.kind.findData("risk"))
        dialog.reviewer.setCurrentIndex(dialog.reviewer.findData(shortlisted.people[1]))

    monkeypatch.setattr(NoteDialog, "exec", answering(fill))
    panel.edit_note(first.id)
    assert stored(hub, shortlisted.ideas[0]) == [
        ("strength", "Second", None),
        ("risk", "First, reworded", shortlisted.people[1]),
    ]
    panel.board.columns[NoteKind.STRENGTH].notes.setCurrentRow(0)
    qtbot.keyClick(panel.board.columns[NoteKind.STRENGTH].notes, Qt.Key.Key_Delete)
    assert stored(hub, shortlisted.ideas[0]) == [("risk", "First, reworded", shortlisted.people[1])]
    hub.undo_stack.undo()  # the removal
    hub.undo_stack.undo()  # the new words, reviewer and column: one step
    assert stored(hub, shortlisted.ideas[0]) == [("strength", "First", None), ("strength", "Second", None)]
    assert panel.board.columns[NoteKind.STRENGTH].row_texts() == ["First", "Second"]
    hub.undo_stack.redo()
    assert stored(hub, shortlisted.ideas[0]) == [
        ("strength", "Second", None),
        ("risk", "First, reworded", shortlisted.people[1]),
    ]
    assert second.id in panel.board.columns[NoteKind.STRENGTH].note_ids()


def test_notes_move_up_and_down_in_their_column(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, qtbot: QtBot
) -> None:
    started(panel)
    for text in ("A", "B", "C"):
        type_note(qtbot, panel, NoteKind.SUGGESTION, text)
    notes = panel.board.columns[NoteKind.SUGGESTION].notes
    notes.setCurrentRow(2)
    qtbot.keyClick(notes, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [t for _k, t, _r in stored(hub, shortlisted.ideas[0])] == ["A", "C", "B"]
    assert panel.board.columns[NoteKind.SUGGESTION].row_texts() == ["A", "C", "B"]
    hub.undo_stack.undo()
    assert [t for _k, t, _r in stored(hub, shortlisted.ideas[0])] == ["A", "B", "C"]


def test_the_recommendation_needs_reasons_completes_the_review_and_the_picker_says_reviewed(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    started(panel)
    type_note(qtbot, panel, NoteKind.STRENGTH, "Clear need")
    shown: list[RecommendationDialog] = []

    def without_reasons(dialog: QDialog) -> None:
        assert isinstance(dialog, RecommendationDialog)
        shown.append(dialog)
        dialog.choose("rework")

    monkeypatch.setattr(RecommendationDialog, "exec", answering(without_reasons))
    panel.recommend_button.click()
    assert shown[0].error.text() == "Write the reasons for the recommendation."
    assert shown[0].chosen() == "rework"
    review = review_of_idea(hub.db, shortlisted.ideas[0])
    assert review is not None
    assert not review.completed

    def with_reasons(dialog: QDialog) -> None:
        assert isinstance(dialog, RecommendationDialog)
        dialog.choose("proceed")
        dialog.reasons.setPlainText("Strong need; the weekend gap can be solved in a pilot")

    monkeypatch.setattr(RecommendationDialog, "exec", answering(with_reasons))
    panel.recommend_button.click()
    review = review_of_idea(hub.db, shortlisted.ideas[0])
    assert review is not None
    assert review.completed
    assert review.recommendation == "proceed"
    assert panel.picker.list.item(0).text() == f"{SHORTLISTED[0]}\nReviewed"
    assert panel.status.text().startswith("Complete. Recommendation: Proceed. Reasons: Strong need")
    assert not panel.board.columns[NoteKind.STRENGTH].field.isEnabled()
    assert panel.reopen_button.isVisible()
    assert not panel.recommend_button.isVisible()
    panel.reopen_button.click()
    assert panel.board.columns[NoteKind.STRENGTH].field.isEnabled()
    assert panel.picker.list.item(0).text() == f"{SHORTLISTED[0]}\nShortlisted"
    hub.undo_stack.undo()  # the reopening
    assert panel.picker.list.item(0).text() == f"{SHORTLISTED[0]}\nReviewed"
    hub.undo_stack.undo()  # the recommendation
    review = review_of_idea(hub.db, shortlisted.ideas[0])
    assert review is not None
    assert not review.completed


def test_a_completed_review_refuses_new_notes_until_reopened(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, qtbot: QtBot
) -> None:
    started(panel)
    review = review_of_idea(hub.db, shortlisted.ideas[0])
    assert review is not None
    from app.review import set_recommendation

    set_recommendation(hub.db, review.id, "park", "Not now")  # elsewhere, while the panel still shows it open
    type_note(qtbot, panel, NoteKind.RISK, "Late thought")
    column = panel.board.columns[NoteKind.RISK]
    assert column.error.text() == "The review is complete: reopen it to change its notes."
    assert column.field.text() == "Late thought"


def test_the_format_changes_while_open_and_back_with_undo(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, qtbot: QtBot
) -> None:
    started(panel)
    type_note(qtbot, panel, NoteKind.RISK, "Kept across formats")
    panel.change_format("six_hats")
    review = review_of_idea(hub.db, shortlisted.ideas[0])
    assert review is not None
    assert review.format == "six_hats"
    assert len(review.notes) == 1
    assert "White hat: facts" in panel.question.full
    assert panel.board.columns[NoteKind.STRENGTH].prompt.full == (
        "Feelings: what feels right about the idea?\nBenefits: what is good about it, and for whom?"
    )
    hub.undo_stack.undo()
    assert panel.format.currentData() == "standard"


def test_starting_and_removing_a_review_undo(hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel) -> None:
    started(panel)
    assert panel.picker.list.item(0).text().endswith("Shortlisted")
    panel.remove_button.click()
    assert review_of_idea(hub.db, shortlisted.ideas[0]) is None
    assert panel.stack.currentWidget() is panel.start_page
    hub.undo_stack.undo()
    assert panel.stack.currentWidget() is panel.board_page
    hub.undo_stack.undo()
    assert review_of_idea(hub.db, shortlisted.ideas[0]) is None


def test_each_idea_shows_its_own_review(hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel) -> None:
    review = start_review(hub.db, shortlisted.ideas[1], "six_hats")
    add_note(hub.db, review.id, "question", "What does it cost per call?")
    panel.picker.choose(shortlisted.ideas[1])
    assert panel.title.text() == SHORTLISTED[1]
    assert panel.format.currentData() == "six_hats"
    assert panel.board.columns[NoteKind.QUESTION].row_texts() == ["What does it cost per call?"]
    panel.picker.choose(shortlisted.ideas[2])
    assert panel.stack.currentWidget() is panel.start_page


def test_typed_notes_are_added_when_the_panel_is_flushed(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel
) -> None:
    started(panel)
    panel.board.columns[NoteKind.QUESTION].field.setText("Typed, Enter not pressed")
    panel.flush()
    assert stored(hub, shortlisted.ideas[0]) == [("question", "Typed, Enter not pressed", None)]


def test_the_timer_for_an_idea_uses_the_room_timer(panel: ReviewPanel, presenter: Presenter) -> None:
    started(panel)
    panel.minutes.setValue(7)
    panel.timer_button.click()
    state = presenter.timer.state()
    assert state.total_seconds == 7 * 60
    assert state.running


def test_the_note_menu_moves_a_note_to_another_column_and_is_off_when_complete(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, qtbot: QtBot
) -> None:
    started(panel)
    type_note(qtbot, panel, NoteKind.RISK, "Is it legal to log the calls?")
    review = review_of_idea(hub.db, shortlisted.ideas[0])
    assert review is not None
    menu = panel.board.note_menu(review.notes[0])
    move_to = next(a.menu() for a in menu.actions() if a.text() == "Move to")
    next(a for a in move_to.actions() if a.text() == "Questions").trigger()
    assert stored(hub, shortlisted.ideas[0]) == [("question", "Is it legal to log the calls?", None)]
    assert panel.board.columns[NoteKind.QUESTION].row_texts() == ["Is it legal to log the calls?"]
    from app.review import set_recommendation

    set_recommendation(hub.db, review.id, "proceed", "Clear need")
    hub.reviewChanged.emit(shortlisted.workshop_id, shortlisted.ideas[0])
    review = review_of_idea(hub.db, shortlisted.ideas[0])
    assert review is not None
    enabled = {a.text(): a.isEnabled() for a in panel.board.note_menu(review.notes[0]).actions()}
    assert enabled == {"Edit…": True, "Move up": False, "Move down": False, "Move to": False, "Remove": False}


def test_a_note_of_a_completed_review_opens_to_read_not_to_change(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    started(panel)
    long_note = "Hela resonemanget. " * 1100
    type_note(qtbot, panel, NoteKind.RISK, long_note)
    review = review_of_idea(hub.db, shortlisted.ideas[0])
    assert review is not None
    from app.review import set_recommendation

    set_recommendation(hub.db, review.id, "park", "Not now")
    hub.reviewChanged.emit(shortlisted.workshop_id, shortlisted.ideas[0])
    opened: list[NoteDialog] = []

    def look(dialog: NoteDialog) -> int:
        opened.append(dialog)
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(NoteDialog, "exec", look)
    panel.edit_note(review.notes[0].id)
    [dialog] = opened
    assert dialog.text.toPlainText() == long_note
    assert dialog.text.isReadOnly()
    assert not dialog.kind.isEnabled()
    assert stored(hub, shortlisted.ideas[0]) == [("risk", long_note, None)]


def drop(target: QListWidget, note_id: str, row: int) -> None:
    """A note dropped on ``target`` in the upper half of ``row`` (or below the last row)."""
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    from ui.review_board import NOTE_MIME

    data = QMimeData()
    data.setData(NOTE_MIME, note_id.encode())
    if row < target.count():
        rect = target.visualItemRect(target.item(row))
        point = QPointF(rect.center().x(), rect.top() + 2)
    else:
        point = QPointF(10, target.viewport().height() - 3)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # Qt delivers a drop only to the widget the drag entered.
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.MoveAction, data, buttons, keys)
    QApplication.sendEvent(target.viewport(), enter)
    assert enter.isAccepted()
    QApplication.sendEvent(
        target.viewport(), QDropEvent(point, Qt.DropAction.MoveAction, data, buttons, keys)
    )


def test_a_dragged_note_moves_in_its_column_and_to_another(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, qtbot: QtBot
) -> None:
    started(panel)
    for text in ("A", "B", "C"):
        type_note(qtbot, panel, NoteKind.STRENGTH, text)
    ids = panel.board.columns[NoteKind.STRENGTH].note_ids()
    drop(panel.board.columns[NoteKind.STRENGTH].notes, ids[2], 0)
    assert panel.board.columns[NoteKind.STRENGTH].row_texts() == ["C", "A", "B"]
    drop(panel.board.columns[NoteKind.STRENGTH].notes, ids[2], 2)
    assert panel.board.columns[NoteKind.STRENGTH].row_texts() == ["A", "C", "B"]
    drop(panel.board.columns[NoteKind.QUESTION].notes, ids[0], 0)
    assert panel.board.columns[NoteKind.QUESTION].row_texts() == ["A"]
    assert stored(hub, shortlisted.ideas[0]) == [
        ("strength", "C", None),
        ("strength", "B", None),
        ("question", "A", None),
    ]
    hub.undo_stack.undo()
    assert panel.board.columns[NoteKind.STRENGTH].row_texts() == ["A", "C", "B"]


def test_without_a_shortlist_the_picker_alone_says_what_to_do(
    hub: Hub, room: WorkshopSnapshot, presenter_for_room: Presenter, qtbot: QtBot
) -> None:
    widget = ReviewPanel(hub, room.id, presenter_for_room)
    qtbot.addWidget(widget)
    assert widget.stack.currentWidget() is widget.nothing
    assert widget.nothing.text() == ""
    assert "dot voting phase" in widget.picker.empty.text()
    assert not widget.show_button.isEnabled()


def test_the_shared_screen_shows_the_chosen_idea_and_follows_the_choice(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, presenter: Presenter, qtbot: QtBot
) -> None:
    started(panel)
    type_note(qtbot, panel, NoteKind.STRENGTH, "Seen by the room", shortlisted.people[1])
    panel.show_button.click()
    assert presenter.screen is not None
    assert presenter.review_idea_id == shortlisted.ideas[0]
    slide = presenter.scene.review
    assert slide is not None
    assert slide.columns[0].notes[0].text == "Seen by the room"
    type_note(qtbot, panel, NoteKind.RISK, "Live on the screen")
    slide = presenter.scene.review
    assert slide is not None
    assert [n.text for n in slide.columns[2].notes] == ["Live on the screen"]
    panel.picker.choose(shortlisted.ideas[1])
    assert presenter.review_idea_id == shortlisted.ideas[1]
    assert panel.show_button.isChecked()
    panel.show_button.click()
    assert presenter.review_idea_id is None
    assert not panel.show_button.isChecked()


def test_a_long_column_keeps_its_place_and_shows_a_new_note(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, qtbot: QtBot
) -> None:
    started(panel)
    for n in range(15):
        type_note(qtbot, panel, NoteKind.RISK, f"Risk number {n} with a few words more to wrap")
    bar = panel.board.columns[NoteKind.RISK].notes.verticalScrollBar()
    assert bar.maximum() > 0
    assert bar.value() == bar.maximum()  # the last note added is in view
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    type_note(qtbot, panel, NoteKind.QUESTION, "Meanwhile in another column")
    assert bar.value() == kept


def test_a_note_of_many_lines_shows_its_first_lines_in_the_column(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel
) -> None:
    started(panel)
    listed = "\n".join(f"Punkt {n}" for n in range(1, 21))
    review = review_of_idea(hub.db, shortlisted.ideas[0])
    assert review is not None
    add_note(hub.db, review.id, "suggestion", listed)
    hub.reviewChanged.emit(shortlisted.workshop_id, shortlisted.ideas[0])
    [row] = panel.board.columns[NoteKind.SUGGESTION].row_texts()
    assert row.splitlines() == [f"Punkt {n}" for n in range(1, 7)] + ["…"]
    assert stored(hub, shortlisted.ideas[0]) == [("suggestion", listed, None)]


def test_a_panel_let_go_of_no_longer_hears_the_hub(
    hub: Hub, shortlisted: Shortlisted, presenter: Presenter, qtbot: QtBot
) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    widget = ReviewPanel(hub, shortlisted.workshop_id, presenter)
    with qtbot.waitSignal(widget.destroyed):
        widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    review = start_review(hub.db, shortlisted.ideas[0])
    hub.reviewChanged.emit(shortlisted.workshop_id, shortlisted.ideas[0])
    hub.participantsChanged.emit(shortlisted.workshop_id)
    hub.progressChanged.emit(shortlisted.workshop_id)
    presenter.show_review(shortlisted.ideas[0])
    assert presenter.review_idea_id == review.idea_id
