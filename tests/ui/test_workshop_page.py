"""A workshop opened: its heading, the agenda, and moving along it with undo."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import DEMO_TITLE, LEFT, NO_MODIFIER, press
from ui.dialogs import RenameDialog
from ui.main_window import MainWindow
from ui.workshop_page import WorkshopPage

SAVED = re.compile(r"^Alla ändringar är sparade \(\d\d:\d\d:\d\d\)\.$")


def agenda_rows(page: WorkshopPage) -> list[str]:
    model = page.agenda_model
    return [model.index(row).data() for row in range(model.rowCount())]


def row_of(page: WorkshopPage, title: str) -> int:
    return next(i for i, text in enumerate(agenda_rows(page)) if text.split("  ·  ")[0].endswith(title))


def marker(page: WorkshopPage, title: str) -> str:
    """The mark in front of a phase in the agenda: ▶ now, ✓ done, – skipped, blank to come."""
    return agenda_rows(page)[row_of(page, title)][0]


def open_with_return(qtbot: QtBot, window: MainWindow) -> WorkshopPage:
    window.list_page.table.setFocus()
    press(qtbot, window, Qt.Key.Key_Return, NO_MODIFIER)
    assert window.pages.currentWidget() is window.workshop_page
    return window.workshop_page


@pytest.fixture
def page(demo_id: str, window: MainWindow, qtbot: QtBot) -> WorkshopPage:
    """The demo workshop, opened from the list with the Return key."""
    return open_with_return(qtbot, window)


def test_opening_the_demo_shows_its_agenda_and_current_phase(page: WorkshopPage) -> None:
    assert page.isVisible()
    assert page.title.text() == DEMO_TITLE
    assert "Medborgarhuset" in page.details.text()
    rows = agenda_rows(page)
    assert len(rows) == 12
    assert page.phase_title.text() == "Prickröstning"
    assert page.phase_state.text().startswith("Nu")
    assert marker(page, "Prickröstning") == "▶"
    assert marker(page, "Spontan uppbackning") == "✓"
    assert marker(page, "Kritisk genomlysning") == " "
    assert page.agenda.currentIndex().row() == row_of(page, "Prickröstning")
    assert page.next_button.text() == "Nästa fas"


def test_the_page_shows_the_challenge(page: WorkshopPage) -> None:
    assert page.challenge_heading.text() == "Utmaningen"
    assert page.challenge.text().startswith("Många äldre som får hemtjänst i Sjövik")


def test_next_phase_advances_and_undo_goes_back(page: WorkshopPage, window: MainWindow, qtbot: QtBot) -> None:
    # The demo's round is revealed, not open: leaving the voting phase asks nothing.
    qtbot.mouseClick(page.next_button, LEFT)

    assert page.phase_title.text() == "Kritisk genomlysning"
    assert marker(page, "Prickröstning") == "✓"
    assert marker(page, "Kritisk genomlysning") == "▶"
    assert SAVED.match(window.saved_label.text())
    assert window.saved_label.isVisible()

    press(qtbot, window, Qt.Key.Key_Z)

    assert page.phase_title.text() == "Prickröstning"
    assert marker(page, "Prickröstning") == "▶"
    assert marker(page, "Kritisk genomlysning") == " "


def test_previous_phase_button_goes_back_one(page: WorkshopPage) -> None:
    page.previous_button.click()

    assert page.phase_title.text() == "Spontan uppbackning"
    assert marker(page, "Spontan uppbackning") == "▶"
    assert marker(page, "Prickröstning") == " "


def test_ctrl_page_down_is_next_phase(page: WorkshopPage, window: MainWindow, qtbot: QtBot) -> None:
    press(qtbot, window, Qt.Key.Key_PageDown)

    assert page.phase_title.text() == "Kritisk genomlysning"


def test_skip_the_current_phase_and_undo(page: WorkshopPage, window: MainWindow, qtbot: QtBot) -> None:
    qtbot.mouseClick(page.skip_button, LEFT)

    assert marker(page, "Prickröstning") == "–"
    assert page.phase_title.text() == "Kritisk genomlysning"

    press(qtbot, window, Qt.Key.Key_Z)
    assert marker(page, "Prickröstning") == "▶"
    assert page.phase_title.text() == "Prickröstning"


def click_phase(qtbot: QtBot, page: WorkshopPage, title: str) -> None:
    index = page.agenda_model.index(row_of(page, title))
    qtbot.mouseClick(page.agenda.viewport(), LEFT, pos=page.agenda.visualRect(index).center())
    assert page.agenda.currentIndex().row() == index.row()


def test_a_skipped_phase_can_be_taken_back(page: WorkshopPage, qtbot: QtBot) -> None:
    click_phase(qtbot, page, "Kritisk genomlysning")
    qtbot.mouseClick(page.skip_button, LEFT)
    assert marker(page, "Kritisk genomlysning") == "–"

    # WHEN the user picks the skipped phase again, the button offers to take it back
    click_phase(qtbot, page, "Kritisk genomlysning")
    assert page.skip_button.text() == "Ta med fasen igen"
    qtbot.mouseClick(page.skip_button, LEFT)

    assert marker(page, "Kritisk genomlysning") == " "
    assert page.phase_title.text() == "Prickröstning"


def test_a_done_phase_cannot_be_skipped_from_the_button_or_the_menu(
    page: WorkshopPage, window: MainWindow, qtbot: QtBot
) -> None:
    assert window.actions["skip_phase"].isEnabled()

    click_phase(qtbot, page, "Tematisering")

    assert not page.skip_button.isEnabled()
    # The Workshop menu's "Hoppa över fas" follows the button, as the other phase actions do.
    assert not window.actions["skip_phase"].isEnabled()


def test_rename_on_the_workshop_page_changes_the_heading(
    page: WorkshopPage, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def exec_(dialog: RenameDialog) -> int:
        dialog.title.setText("Trygg hemma, del 2")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(RenameDialog, "exec", exec_)

    window.actions["rename"].trigger()  # from the menu: in a workshop F2 edits a title in a list
    assert page.title.text() == "Trygg hemma, del 2"

    press(qtbot, window, Qt.Key.Key_Z)
    assert page.title.text() == DEMO_TITLE


def test_a_skipped_later_phase_is_passed_over(page: WorkshopPage, qtbot: QtBot) -> None:
    # GIVEN the user picks "Kritisk genomlysning" in the agenda and skips it
    click_phase(qtbot, page, "Kritisk genomlysning")
    qtbot.mouseClick(page.skip_button, LEFT)
    assert marker(page, "Kritisk genomlysning") == "–"
    assert page.phase_title.text() == "Prickröstning"

    # WHEN they go on to the next phase
    qtbot.mouseClick(page.next_button, LEFT)

    # THEN the skipped one is passed over
    assert page.phase_title.text() == "Fördjupad analys"
    assert marker(page, "Kritisk genomlysning") == "–"


def test_double_click_in_the_agenda_goes_to_that_phase(
    page: WorkshopPage, window: MainWindow, qtbot: QtBot
) -> None:
    index = page.agenda_model.index(row_of(page, "Idéformulering"))
    position = page.agenda.visualRect(index).center()

    # A real double click: QTest's mouseDClick alone sends no press before the double click.
    qtbot.mouseClick(page.agenda.viewport(), LEFT, pos=position)
    qtbot.mouseDClick(page.agenda.viewport(), LEFT, pos=position)

    assert page.phase_title.text() == "Idéformulering"
    assert marker(page, "Idéformulering") == "▶"
    assert marker(page, "Tematisering") == " "
    assert marker(page, "Spontan uppbackning") == " "
    assert marker(page, "Prickröstning") == " "

    press(qtbot, window, Qt.Key.Key_Z)
    assert page.phase_title.text() == "Prickröstning"
    assert marker(page, "Tematisering") == "✓"
    assert marker(page, "Spontan uppbackning") == "✓"


def test_return_in_the_agenda_goes_to_the_selected_phase(
    page: WorkshopPage, window: MainWindow, qtbot: QtBot
) -> None:
    page.agenda.setFocus()
    press(qtbot, window, Qt.Key.Key_Down, NO_MODIFIER)
    press(qtbot, window, Qt.Key.Key_Return, NO_MODIFIER)

    assert page.phase_title.text() == "Kritisk genomlysning"


def test_back_button_returns_to_the_list_with_the_workshop_selected(
    page: WorkshopPage, window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.mouseClick(page.back_button, LEFT)

    assert window.pages.currentWidget() is window.list_page
    assert window.list_page.selected_title() == DEMO_TITLE


def test_undoing_the_creation_of_the_open_workshop_returns_to_the_list(
    window: MainWindow, qtbot: QtBot
) -> None:
    # GIVEN the demo workshop was created in this window and is open
    qtbot.mouseClick(window.list_page.demo_button, LEFT)
    page = open_with_return(qtbot, window)
    assert page.title.text() == DEMO_TITLE

    # WHEN the user undoes its creation
    press(qtbot, window, Qt.Key.Key_Z)

    # THEN the workshop is gone, and so is its page: the (empty) list shows
    assert window.list_page.model.rowCount() == 0
    assert window.pages.currentWidget() is window.list_page
    assert window.list_page.demo_button.isVisible()
