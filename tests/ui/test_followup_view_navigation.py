"""Reaching the follow-up view from the main window, opening a workshop from it, and going back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from app.workshops import get_workshop
from tests.ui.conftest import CTRL, DEMO_TITLE, LEFT, PARK_TITLE, press
from ui.followup_view import FollowUpView
from ui.followup_view_models import ActionsModel, WorkshopsModel
from ui.main_window import MainWindow

SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def titles(view: FollowUpView) -> list[str]:
    model = view.workshops_model
    return [model.index(row, WorkshopsModel.WORKSHOP).data() for row in range(model.rowCount())]


def open_follow_up(window: MainWindow, qtbot: QtBot) -> FollowUpView:
    qtbot.mouseClick(window.list_page.followup_button, LEFT)
    view = window.followup_view
    assert window.pages.currentWidget() is view
    return view


@pytest.mark.usefixtures("park_id")
def test_the_list_opens_the_follow_up_and_its_back_button_returns(window: MainWindow, qtbot: QtBot) -> None:
    assert window.list_page.followup_button.isEnabled()
    assert window.actions["followup"].isEnabled()

    view = open_follow_up(window, qtbot)

    assert sorted(titles(view)) == [DEMO_TITLE, PARK_TITLE]
    assert view.actions_model.rowCount() > 0
    assert view.search.hasFocus()
    assert window.actions["back"].isEnabled()
    assert not window.actions["followup"].isEnabled()
    assert not window.actions["open"].isEnabled()

    qtbot.mouseClick(view.back_button, LEFT)

    assert window.pages.currentWidget() is window.list_page
    assert window.actions["followup"].isEnabled()


def test_opening_an_action_goes_to_its_workshop(demo_id: str, window: MainWindow, qtbot: QtBot) -> None:
    view = open_follow_up(window, qtbot)
    table = view.action_rows.table
    index = view.actions_model.index(0, ActionsModel.ACTION)
    held_on = get_workshop(view.hub.db, demo_id).held_on
    assert held_on is not None
    assert (
        view.actions_model.index(0, ActionsModel.WORKSHOP).data() == f"{held_on.isoformat()} · {DEMO_TITLE}"
    )
    table.setCurrentIndex(index)
    table.setFocus()

    qtbot.keyClick(table, Qt.Key.Key_Return)

    page = window.workshop_page
    assert window.pages.currentWidget() is page
    assert page.workshop is not None
    assert page.workshop.id == demo_id
    # from inside the workshop the menu's action leads back to the follow-up, Alt+Home to the list
    window.actions["followup"].trigger()
    assert window.pages.currentWidget() is view
    press(qtbot, window, Qt.Key.Key_Home, ALT)
    assert window.pages.currentWidget() is window.list_page
    assert window.list_page.selected_id() == demo_id


@pytest.mark.usefixtures("demo_id")
def test_keys_reach_the_follow_up_and_its_search(window: MainWindow, qtbot: QtBot) -> None:
    window.list_page.table.setFocus()
    press(qtbot, window, Qt.Key.Key_U, CTRL | SHIFT)
    view = window.followup_view
    assert window.pages.currentWidget() is view

    view.action_rows.table.setFocus()
    press(qtbot, window, Qt.Key.Key_F)
    assert view.search.hasFocus()
    press(qtbot, window, Qt.Key.Key_Home, ALT)
    assert window.pages.currentWidget() is window.list_page


def test_a_workshop_made_while_away_is_there_on_return(
    demo_id: str, window: MainWindow, qtbot: QtBot
) -> None:
    view = open_follow_up(window, qtbot)
    qtbot.mouseClick(view.back_button, LEFT)
    window.duplicate_workshop()
    assert len(titles(view)) == 1  # hidden: not read again yet

    view = open_follow_up(window, qtbot)

    assert len(titles(view)) == 2


def test_a_date_being_chosen_is_saved_when_the_window_saves_its_edits(
    demo_id: str, window: MainWindow, qtbot: QtBot
) -> None:
    view = open_follow_up(window, qtbot)
    view.tabs.setCurrentIndex(view.DATES_TAB)
    qtbot.mouseClick(view.change_date, LEFT)
    editor = view.date_delegate.editor
    assert editor is not None
    editor.setDate(QDate(2031, 5, 17))

    window.flush_edits()  # as on closing the window, or before a crash report

    assert str(get_workshop(window.hub.db, demo_id).follow_up_on) == "2031-05-17"


def test_a_chosen_workshop_deleted_meanwhile_leaves_all_workshops_shown(
    demo_id: str, park_id: str, window: MainWindow, qtbot: QtBot
) -> None:
    view = open_follow_up(window, qtbot)
    view.choose_workshop(park_id)
    assert titles(view) == [PARK_TITLE]
    qtbot.mouseClick(view.back_button, LEFT)
    window.list_page.select(park_id)
    window.delete_workshop()

    view = open_follow_up(window, qtbot)

    assert view.workshop_id() is None
    assert view.workshop_filter.currentText() == view.workshop_filter.itemText(0)
    assert titles(view) == [DEMO_TITLE]
