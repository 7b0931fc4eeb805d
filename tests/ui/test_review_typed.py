"""The critical review panel keeps what is typed: notes not yet entered, long pastes, one-step edits."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.i18n import format_number
from app.review import review_of_idea, set_recommendation
from app.text import TEXT_MAX
from models.enums import NoteKind
from tests.ui.steps_helpers import Shortlisted, english, shortlisted
from tests.ui.test_review_panel import answering, panel, presenter, started, stored, type_note
from ui.hub import Hub
from ui.review_dialogs import NoteDialog, RecommendationDialog
from ui.review_panel import ReviewPanel

__all__ = ["english", "panel", "presenter", "shortlisted"]


def fields(panel: ReviewPanel) -> dict[NoteKind, str]:
    return {kind: column.field.text() for kind, column in panel.board.columns.items()}


def test_a_note_typed_and_not_entered_is_saved_before_the_recommendation(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a note typed in the risks' field, Enter not pressed
    started(panel)
    panel.board.columns[NoteKind.RISK].field.setText("Typed risk, Enter not pressed")

    def recommend(dialog: QDialog) -> None:
        assert isinstance(dialog, RecommendationDialog)
        dialog.choose("rework")
        dialog.reasons.setPlainText("The risk needs an answer first")

    monkeypatch.setattr(RecommendationDialog, "exec", answering(recommend))
    # WHEN the group gives its recommendation
    panel.recommend_button.click()
    # THEN the note is on this idea's board, the review complete, and the fields empty
    review = review_of_idea(hub.db, shortlisted.ideas[0])
    assert review is not None
    assert review.completed
    assert stored(hub, shortlisted.ideas[0]) == [("risk", "Typed risk, Enter not pressed", None)]
    assert panel.board.columns[NoteKind.RISK].row_texts() == ["Typed risk, Enter not pressed"]
    assert all(text == "" for text in fields(panel).values())
    # AND choosing another idea and starting its review adds nothing there
    panel.picker.choose(shortlisted.ideas[1])
    started(panel)
    panel.flush()
    assert stored(hub, shortlisted.ideas[1]) == []


def test_a_refused_typed_note_holds_the_recommendation_back_and_says_why(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    started(panel)
    column = panel.board.columns[NoteKind.QUESTION]
    column.field.setText("x" * (TEXT_MAX + 1))
    opened: list[QDialog] = []
    monkeypatch.setattr(RecommendationDialog, "exec", answering(opened.append))
    panel.recommend_button.click()
    assert opened == []
    assert column.field.text() == "x" * (TEXT_MAX + 1)
    assert column.error.isVisible()
    assert "long" in column.error.text()


def test_switching_ideas_shows_empty_fields_and_keeps_a_refused_note_for_its_idea(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN two ideas under review; on the first, one typed note and one the service refuses
    panel.picker.choose(shortlisted.ideas[1])
    started(panel)
    panel.picker.choose(shortlisted.ideas[0])
    started(panel)
    review = review_of_idea(hub.db, shortlisted.ideas[0])
    assert review is not None
    panel.board.columns[NoteKind.STRENGTH].field.setText("Saved when leaving")
    set_recommendation(hub.db, review.id, "park", "Not now")  # completed elsewhere meanwhile
    # WHEN another idea is chosen
    panel.picker.choose(shortlisted.ideas[1])
    # THEN its fields are empty and nothing of the first idea is stored on it
    assert all(text == "" for text in fields(panel).values())
    assert all(not column.error.isVisible() for column in panel.board.columns.values())
    panel.flush()
    assert stored(hub, shortlisted.ideas[1]) == []
    # AND the refused note waits in its field on its own idea
    panel.picker.choose(shortlisted.ideas[0])
    assert fields(panel)[NoteKind.STRENGTH] == "Saved when leaving"
    assert stored(hub, shortlisted.ideas[0]) == []


def test_typed_notes_are_added_before_the_format_changes_and_before_the_review_is_removed(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel
) -> None:
    started(panel)
    panel.board.columns[NoteKind.SUGGESTION].field.setText("Before the format")
    panel.change_format("six_hats")
    assert stored(hub, shortlisted.ideas[0]) == [("suggestion", "Before the format", None)]
    panel.board.columns[NoteKind.WEAKNESS].field.setText("Before the removal")
    panel.remove_button.click()
    assert review_of_idea(hub.db, shortlisted.ideas[0]) is None
    hub.undo_stack.undo()
    assert stored(hub, shortlisted.ideas[0]) == [
        ("weakness", "Before the removal", None),
        ("suggestion", "Before the format", None),
    ]


def test_a_paste_over_the_limit_is_refused_whole_and_kept_in_the_field(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, qtbot: QtBot
) -> None:
    started(panel)
    pasted = "Å" * (2 * 1024 * 1024)
    type_note(qtbot, panel, NoteKind.QUESTION, pasted)
    column = panel.board.columns[NoteKind.QUESTION]
    assert column.field.text() == pasted
    assert column.error.isVisible()
    assert column.error.text().startswith(f"The text is {format_number(len(pasted))} characters long")
    assert stored(hub, shortlisted.ideas[0]) == []


def test_new_words_and_another_column_in_one_dialog_undo_in_one_step(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    started(panel)
    type_note(qtbot, panel, NoteKind.STRENGTH, "First")
    review = review_of_idea(hub.db, shortlisted.ideas[0])
    assert review is not None
    steps = hub.undo_stack.count()

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, NoteDialog)
        dialog.text.setPlainText("First, reworded")
        dialog.kind.setCurrentIndex(dialog.kind.findData("risk"))

    monkeypatch.setattr(NoteDialog, "exec", answering(fill))
    panel.edit_note(review.notes[0].id)
    assert stored(hub, shortlisted.ideas[0]) == [("risk", "First, reworded", None)]
    assert hub.undo_stack.count() == steps + 1
    hub.undo_stack.undo()
    assert stored(hub, shortlisted.ideas[0]) == [("strength", "First", None)]
    assert panel.board.columns[NoteKind.STRENGTH].row_texts() == ["First"]
    hub.undo_stack.redo()
    assert stored(hub, shortlisted.ideas[0]) == [("risk", "First, reworded", None)]


def test_a_refused_edit_moves_nothing_and_adds_no_step(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    started(panel)
    type_note(qtbot, panel, NoteKind.STRENGTH, "First")
    review = review_of_idea(hub.db, shortlisted.ideas[0])
    assert review is not None
    steps = hub.undo_stack.count()
    shown: list[NoteDialog] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, NoteDialog)
        shown.append(dialog)
        dialog.text.setPlainText("   ")
        dialog.kind.setCurrentIndex(dialog.kind.findData("risk"))

    monkeypatch.setattr(NoteDialog, "exec", answering(fill))
    panel.edit_note(review.notes[0].id)
    assert shown[0].error.text() == "Write the note first."
    assert stored(hub, shortlisted.ideas[0]) == [("strength", "First", None)]
    assert hub.undo_stack.count() == steps


def test_the_recommendation_is_not_chosen_for_the_group(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    started(panel)
    shown: list[RecommendationDialog] = []

    def reasons_only(dialog: QDialog) -> None:
        assert isinstance(dialog, RecommendationDialog)
        shown.append(dialog)
        assert dialog.chosen() == ""
        dialog.reasons.setPlainText("Reasons without a choice")

    monkeypatch.setattr(RecommendationDialog, "exec", answering(reasons_only))
    panel.recommend_button.click()
    assert shown[0].error.text() == "Choose proceed, rework or park."
    assert shown[0].reasons.toPlainText() == "Reasons without a choice"
    review = review_of_idea(hub.db, shortlisted.ideas[0])
    assert review is not None
    assert not review.completed


def test_a_long_word_wraps_in_its_narrow_column_without_a_sideways_scroll_bar(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, qtbot: QtBot
) -> None:
    started(panel)
    text = "Långt ord: arbetsmiljöverksamhetsansvarsfördelningsprocessen fungerar inte"
    type_note(qtbot, panel, NoteKind.RISK, text)
    type_note(qtbot, panel, NoteKind.WEAKNESS, "y" * 400)
    for kind in (NoteKind.RISK, NoteKind.WEAKNESS):
        notes = panel.board.columns[kind].notes
        notes.doItemsLayout()
        assert notes.horizontalScrollBar().maximum() == 0
        assert notes.visualItemRect(notes.item(0)).width() <= notes.viewport().width()
    assert panel.board.columns[NoteKind.RISK].row_texts() == [text]
    field = panel.board.columns[NoteKind.RISK].field
    assert field.placeholderText() == "New note"
    assert field.fontMetrics().horizontalAdvance(field.placeholderText()) < field.width() - 8


def test_a_note_refused_while_the_review_was_complete_is_added_when_it_is_reopened(
    hub: Hub, shortlisted: Shortlisted, panel: ReviewPanel, qtbot: QtBot
) -> None:
    started(panel)
    review = review_of_idea(hub.db, shortlisted.ideas[0])
    assert review is not None
    set_recommendation(hub.db, review.id, "park", "Not now")  # elsewhere, while the panel shows it open
    type_note(qtbot, panel, NoteKind.RISK, "Late thought")
    column = panel.board.columns[NoteKind.RISK]
    assert column.error.text() == "The review is complete: reopen it to change its notes."
    assert panel.reopen_button.isVisible()
    panel.reopen_button.click()
    assert stored(hub, shortlisted.ideas[0]) == [("risk", "Late thought", None)]
    assert column.field.text() == ""
    assert not column.error.isVisible()
