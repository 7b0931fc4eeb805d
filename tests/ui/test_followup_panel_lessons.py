"""The follow-up panel's workshop-wide parts: the next follow-up date and the lessons learned."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.followup import lessons, set_follow_up_date
from app.workshops import get_workshop
from tests.ui.steps_helpers import Shortlisted, english, shortlisted
from tests.ui.test_followup_panel import TODAY, rows
from tests.ui.voting_panel_helpers import LEFT, fake_exec
from ui.followup_entry_dialogs import NoteDialog
from ui.followup_panel import FollowUpPanel, when_text
from ui.hub import Hub

__all__ = ["english", "shortlisted"]

MakePanel = Callable[[], FollowUpPanel]


@pytest.fixture
def make_panel(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> MakePanel:
    monkeypatch.setattr(hub, "today", lambda: TODAY)

    def make() -> FollowUpPanel:
        widget = FollowUpPanel(hub, shortlisted.workshop_id)
        qtbot.addWidget(widget)
        widget.resize(880, 460)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return make


def test_follow_up_date_persists_and_undo_works(
    hub: Hub, shortlisted: Shortlisted, make_panel: MakePanel, qtbot: QtBot
) -> None:
    panel = make_panel()
    edit = panel.date.edit
    assert edit.text() == "No date"
    assert panel.date.when.text() == "No follow-up meeting planned yet."
    assert not panel.date.clear_button.isEnabled()

    edit.setDate(QDate(2027, 1, 14))
    with qtbot.waitSignal(hub.followUpChanged):
        edit.editingFinished.emit()
    assert get_workshop(hub.db, shortlisted.workshop_id).follow_up_on == date(2027, 1, 14)
    assert panel.date.when.text() == "In 49 days."

    again = make_panel()
    assert again.date.edit.text() == "2027-01-14"

    hub.undo_stack.undo()
    assert get_workshop(hub.db, shortlisted.workshop_id).follow_up_on is None
    assert panel.date.edit.text() == "No date"
    assert again.date.edit.text() == "No date"
    hub.undo_stack.redo()
    assert panel.date.edit.text() == "2027-01-14"

    qtbot.mouseClick(panel.date.clear_button, LEFT)
    assert get_workshop(hub.db, shortlisted.workshop_id).follow_up_on is None
    assert panel.date.edit.text() == "No date"
    assert hub.undo_stack.count() == 2


def test_a_date_picked_is_saved_by_flush_and_one_that_has_come_is_said(
    hub: Hub, shortlisted: Shortlisted, make_panel: MakePanel
) -> None:
    panel = make_panel()
    panel.date.edit.setDate(QDate(2026, 11, 23))
    assert panel.date.timer.isActive()  # saved in a moment, or now when the phase changes
    panel.flush()
    assert get_workshop(hub.db, shortlisted.workshop_id).follow_up_on == date(2026, 11, 23)
    assert panel.date.when.text() == "The follow-up date has come: it was 3 days ago."
    assert when_text(TODAY, TODAY) == "The follow-up is today."
    assert when_text(date(2026, 11, 27), TODAY) == "In 1 day."


def test_stepping_from_no_date_starts_today(hub: Hub, make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel()
    panel.date.edit.setFocus()
    qtbot.keyClick(panel.date.edit, Qt.Key.Key_Up)
    assert panel.date.edit.text() == "2026-11-26"
    panel.flush()
    assert panel.date.when.text() == "The follow-up is today."


def test_a_date_changed_elsewhere_is_shown(hub: Hub, shortlisted: Shortlisted, make_panel: MakePanel) -> None:
    panel = make_panel()
    set_follow_up_date(hub.db, shortlisted.workshop_id, date(2026, 12, 3))
    hub.followUpChanged.emit(shortlisted.workshop_id)
    assert panel.date.edit.text() == "2026-12-03"
    assert panel.date.when.text() == "In 7 days."
    assert hub.undo_stack.count() == 0  # showing it wrote nothing


def test_lessons_summary_is_saved_and_read_by_a_new_panel(
    hub: Hub, shortlisted: Shortlisted, make_panel: MakePanel
) -> None:
    panel = make_panel()
    summary = "Blandade grupper gav bättre idéer.\nBeslut i nämnd tar tre månader: planera för det. ✅"
    panel.lessons.summary.setPlainText(summary)
    panel.flush()
    assert lessons(hub.db, shortlisted.workshop_id).summary == summary

    panel.lessons.summary.setPlainText(summary + "\nFira tidigt.")
    panel.lessons.summary.flush()
    assert hub.undo_stack.count() == 1  # typing one summary is one undo step

    again = make_panel()
    assert again.lessons.summary.toPlainText() == summary + "\nFira tidigt."
    hub.undo_stack.undo()
    assert lessons(hub.db, shortlisted.workshop_id).summary == ""
    assert again.lessons.summary.toPlainText() == ""


def test_typing_is_not_overwritten_by_a_refresh(
    hub: Hub, shortlisted: Shortlisted, make_panel: MakePanel
) -> None:
    panel = make_panel()
    panel.lessons.summary.setPlainText("Halvskrivet")
    hub.followUpChanged.emit(shortlisted.workshop_id)
    assert panel.lessons.summary.toPlainText() == "Halvskrivet"
    panel.flush()
    assert lessons(hub.db, shortlisted.workshop_id).summary == "Halvskrivet"


def test_dated_lessons_are_added_newest_first_and_removed_undoably(
    hub: Hub, shortlisted: Shortlisted, make_panel: MakePanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = make_panel()
    panel.tabs.setCurrentWidget(panel.lessons)
    assert panel.lessons.empty.isVisible()
    written = iter([(date(2026, 9, 18), "Följ upp var sjätte vecka."), (date(2026, 11, 20), "Fira tidigt.")])

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, NoteDialog)
        day, text = next(written)
        dialog.entry_on.setDate(day)
        dialog.text.setPlainText(text)
        dialog.author.setText("Karin Lind")

    monkeypatch.setattr(NoteDialog, "exec", fake_exec(qtbot, [], fill))
    qtbot.mouseClick(panel.lessons.add_button, LEFT)
    qtbot.mouseClick(panel.lessons.add_button, LEFT)

    assert rows(panel.lessons.model) == [
        "2026-11-20 · Lesson learned\nFira tidigt.\nWritten by Karin Lind",
        "2026-09-18 · Lesson learned\nFölj upp var sjätte vecka.\nWritten by Karin Lind",
    ]
    assert panel.tabs.tabText(1) == "Lessons learned (2)"
    stored = [(e.entry_on, e.text) for e in lessons(hub.db, shortlisted.workshop_id).entries]
    assert stored == [(date(2026, 9, 18), "Följ upp var sjätte vecka."), (date(2026, 11, 20), "Fira tidigt.")]

    panel.lessons.list.setCurrentIndex(panel.lessons.model.index(1))
    qtbot.mouseClick(panel.lessons.remove_button, LEFT)
    assert [e.text for e in lessons(hub.db, shortlisted.workshop_id).entries] == ["Fira tidigt."]
    hub.undo_stack.undo()
    assert len(lessons(hub.db, shortlisted.workshop_id).entries) == 2


def test_an_empty_lesson_is_refused_with_the_reason(
    hub: Hub, shortlisted: Shortlisted, make_panel: MakePanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = make_panel()
    shown: list[QDialog] = []
    monkeypatch.setattr(NoteDialog, "exec", fake_exec(qtbot, shown, lambda dialog: None))
    qtbot.mouseClick(panel.lessons.add_button, LEFT)
    assert shown[0].error.text() == "Write the lesson first."  # type: ignore[attr-defined]
    assert lessons(hub.db, shortlisted.workshop_id).entries == ()


def test_a_workshop_without_plans_says_where_they_come_from(make_panel: MakePanel) -> None:
    panel = make_panel()
    assert panel.plans.no_plans.isVisible()
    assert "development plan phase" in panel.plans.no_plans.text()
    assert not panel.plans.detail.isVisible()


def test_a_panel_that_is_gone_hears_nothing(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page drops its areas when another workshop opens; later news of this one must not reach them."""
    monkeypatch.setattr(hub, "today", lambda: TODAY)
    panel = FollowUpPanel(hub, shortlisted.workshop_id)
    panel.show()
    with qtbot.waitSignal(panel.destroyed):
        panel.deleteLater()
    hub.followUpChanged.emit(shortlisted.workshop_id)
    hub.planChanged.emit(shortlisted.workshop_id, shortlisted.ideas[0])
    hub.ideasRemoved.emit(shortlisted.workshop_id, [shortlisted.other])
    hub.progressChanged.emit(shortlisted.workshop_id)
    hub.decisionsChanged.emit(shortlisted.workshop_id)
    hub.workshopChanged.emit(shortlisted.workshop_id)
