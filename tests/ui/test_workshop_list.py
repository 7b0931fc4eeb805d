"""The first page: the workshop table, its empty state, search, and the undoable list actions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from app.templates import load_templates
from tests.ui.conftest import (
    CTRL,
    DEMO_TITLE,
    LEFT,
    NO_MODIFIER,
    PARK_TITLE,
    SessionFactory,
    press,
    type_text,
)
from ui.dialogs import NewWorkshopDialog, RenameDialog
from ui.item_models import WorkshopListModel
from ui.main_window import MainWindow
from ui.workshop_list import WorkshopListPage

SHIFT = Qt.KeyboardModifier.ShiftModifier


def titles(page: WorkshopListPage) -> list[str]:
    """The titles the table shows, top to bottom (after the search filter)."""
    return [page.proxy.index(row, 0).data() for row in range(page.proxy.rowCount())]


def cells(page: WorkshopListPage) -> list[list[object]]:
    """Every cell the table shows, row by row."""
    proxy = page.proxy
    return [[proxy.index(r, c).data() for c in range(proxy.columnCount())] for r in range(proxy.rowCount())]


def ok_button(dialog: QDialog) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Ok)


def fake_exec(
    qtbot: QtBot, shown: list[QDialog], fill: Callable[[QDialog], None]
) -> Callable[[QDialog], int]:
    """A stand-in for QDialog.exec: shows the dialog, lets ``fill`` type into it, clicks OK.

    Returns what exec would return; a refused dialog stays open, as it would for the user.
    """

    def exec_(dialog: QDialog) -> int:
        shown.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        fill(dialog)
        qtbot.mouseClick(ok_button(dialog), LEFT)
        result = dialog.result()
        if dialog.isVisible():
            dialog.reject()
        return result

    return exec_


def test_window_title_names_the_database(window: MainWindow, db_path: Path) -> None:
    assert window.windowTitle().startswith("Mylla")
    assert str(db_path) in window.windowTitle()


def test_empty_database_offers_the_demo_and_undo_takes_it_back(window: MainWindow, qtbot: QtBot) -> None:
    page = window.list_page
    assert page.stack.currentIndex() == 1
    assert page.demo_button.isVisible()
    assert page.demo_button.text() == "Skapa demoverkstaden"
    assert not page.table.isVisible()

    # WHEN the user accepts the offer
    qtbot.mouseClick(page.demo_button, LEFT)

    # THEN the table shows the demo workshop, selected, with a word of explanation
    assert page.table.isVisible()
    assert titles(page) == [DEMO_TITLE]
    assert page.selected_title() == DEMO_TITLE
    assert window.messages.isVisible()
    assert "Demoverkstaden" in window.messages.label.text()

    # WHEN the user presses Ctrl+Z, the offer is back; Ctrl+Shift+Z brings the workshop back
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    press(qtbot, window, Qt.Key.Key_Z)
    assert titles(page) == []
    assert page.demo_button.isVisible()
    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert titles(page) == [DEMO_TITLE]
    assert page.table.isVisible()


@pytest.mark.usefixtures("demo_id")
def test_the_list_shows_before_the_database_has_opened(make_session: SessionFactory, qtbot: QtBot) -> None:
    # GIVEN a session whose database layer has not loaded yet
    session = make_session()
    page = session.window.list_page
    assert not session.hub.is_ready

    # THEN the list read straight from the file already shows the workshop
    assert titles(page) == [DEMO_TITLE]
    assert page.proxy.index(0, WorkshopListModel.PHASE).data() == "Prickröstning"
    assert page.proxy.index(0, WorkshopListModel.PLACE).data() == "Medborgarhuset, Storgatan 12, Sjövik"
    first_screen = cells(page)

    # WHEN the database has opened, the rows are the same
    with qtbot.waitSignal(session.hub.ready, timeout=10_000):
        session.start()
    assert cells(page) == first_screen


def test_the_demo_button_waits_for_the_database(make_session: SessionFactory, qtbot: QtBot) -> None:
    session = make_session()
    page = session.window.list_page
    assert not page.demo_button.isEnabled()

    with qtbot.waitSignal(session.hub.ready, timeout=10_000):
        session.start()

    assert page.demo_button.isEnabled()
    assert page.demo_button.isVisible()


def test_search_filters_by_title(park_id: str, window: MainWindow, qtbot: QtBot) -> None:
    page = window.list_page
    assert sorted(titles(page)) == [DEMO_TITLE, PARK_TITLE]
    page.search.setFocus()

    qtbot.keyClicks(page.search, "TRYGG")
    assert titles(page) == [DEMO_TITLE]
    assert page.table.isVisible()

    type_text(page.search, " på månen")
    assert titles(page) == []
    assert page.no_match.isVisible()
    assert page.no_match.text() == "Ingen idéverkstad matchar sökningen."
    assert not page.demo_button.isVisible()  # the database is not empty, only the search

    page.search.clear()
    assert sorted(titles(page)) == [DEMO_TITLE, PARK_TITLE]
    assert page.table.isVisible()


@pytest.mark.usefixtures("demo_id")
def test_delete_key_in_the_search_field_edits_the_search(window: MainWindow, qtbot: QtBot) -> None:
    page = window.list_page
    page.search.setFocus()
    qtbot.keyClicks(page.search, "xtrygg")
    qtbot.keyClick(page.search, Qt.Key.Key_Home)

    press(qtbot, window, Qt.Key.Key_Delete, NO_MODIFIER)

    assert page.search.text() == "trygg"
    assert titles(page) == [DEMO_TITLE]
    assert window.hub.undo_stack.count() == 0


@pytest.mark.usefixtures("demo_id")
def test_search_field_is_reached_with_ctrl_f(window: MainWindow, qtbot: QtBot) -> None:
    press(qtbot, window, Qt.Key.Key_F)

    assert QApplication.focusWidget() is window.list_page.search


def test_new_workshop_opens_its_agenda(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QDialog] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, NewWorkshopDialog)
        items = [dialog.templates.item(i) for i in range(dialog.templates.count())]
        dialog.templates.setCurrentItem(next(i for i in items if i.text() == "Återblick"))
        type_text(dialog.title, "Återblick på sommarlovet")
        qtbot.keyClicks(dialog.place, "Biblioteket")

    monkeypatch.setattr(NewWorkshopDialog, "exec", fake_exec(qtbot, shown, fill))
    empty_state = window.list_page.stack.widget(1)
    new_button = next(b for b in empty_state.findChildren(QPushButton) if b.text() == "Ny idéverkstad…")

    qtbot.mouseClick(new_button, LEFT)

    assert len(shown) == 1
    page = window.workshop_page
    assert window.pages.currentWidget() is page
    assert page.title.text() == "Återblick på sommarlovet"
    assert "Biblioteket" in page.details.text()
    agenda = [page.agenda_model.index(r).data() for r in range(page.agenda_model.rowCount())]
    assert len(agenda) == 5
    assert agenda[0].startswith("▶")
    assert "Vad blickar vi tillbaka på?" in agenda[0]
    assert "Vad ska leva vidare, och hur?" in agenda[-1]
    assert page.phase_title.text() == "Vad blickar vi tillbaka på?"


def test_new_workshop_dialog_refuses_an_empty_title(qtbot: QtBot) -> None:
    dialog = NewWorkshopDialog(load_templates())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert ok_button(dialog).text() == "Skapa"
    assert not dialog.error.isVisible()

    qtbot.keyClicks(dialog.title, "   ")
    qtbot.mouseClick(ok_button(dialog), LEFT)

    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Titeln får inte vara tom."


def test_new_workshop_dialog_refuses_an_overlong_place_inline(qtbot: QtBot) -> None:
    # The dialogs refuse bad input inline, so that nothing typed is lost to a closed dialog.
    dialog = NewWorkshopDialog(load_templates())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.title, "Parken")
    dialog.place.setText("Stadsparken " * 30)  # 360 characters pasted; a place holds 300

    qtbot.mouseClick(ok_button(dialog), LEFT)

    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisible()
    assert "300" in dialog.error.text()


@pytest.mark.usefixtures("demo_id")
def test_rename_then_undo_restores_the_old_title(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QDialog] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, RenameDialog)
        assert dialog.title.text() == DEMO_TITLE
        dialog.title.selectAll()
        type_text(dialog.title, "Trygg hemma – andra träffen")

    monkeypatch.setattr(RenameDialog, "exec", fake_exec(qtbot, shown, fill))
    page = window.list_page
    page.table.setFocus()

    press(qtbot, window, Qt.Key.Key_F2, NO_MODIFIER)

    assert len(shown) == 1
    assert titles(page) == ["Trygg hemma – andra träffen"]
    assert window.saved_label.text().startswith("Alla ändringar är sparade (")

    press(qtbot, window, Qt.Key.Key_Z)
    assert titles(page) == [DEMO_TITLE]


@pytest.mark.usefixtures("demo_id")
def test_rename_refuses_a_pasted_document(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QDialog] = []
    clipboard = QGuiApplication.clipboard()

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, RenameDialog)
        clipboard.setText("ord " * 500_000)  # 2,000,000 characters
        dialog.title.selectAll()
        qtbot.keyClick(dialog.title, Qt.Key.Key_V, CTRL)
        # QLineEdit keeps at most maxLength() characters of a paste (32767 by default).
        assert len(dialog.title.text()) == dialog.title.maxLength()
        assert dialog.title.text() != DEMO_TITLE

    monkeypatch.setattr(RenameDialog, "exec", fake_exec(qtbot, shown, fill))
    page = window.list_page
    page.table.setFocus()
    steps = window.hub.undo_stack.count()
    try:
        window.actions["rename"].trigger()
    finally:
        clipboard.clear()

    (dialog,) = shown
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.error.isHidden()
    assert "300" in dialog.error.text()
    assert "högst" in dialog.error.text()
    assert titles(page) == [DEMO_TITLE]
    assert window.hub.undo_stack.count() == steps


@pytest.mark.usefixtures("demo_id")
def test_duplicate_adds_a_copy(window: MainWindow, qtbot: QtBot) -> None:
    page = window.list_page
    page.table.setFocus()

    press(qtbot, window, Qt.Key.Key_D)

    assert sorted(titles(page)) == [DEMO_TITLE, f"{DEMO_TITLE} (kopia)"]
    assert page.selected_title() == f"{DEMO_TITLE} (kopia)"

    press(qtbot, window, Qt.Key.Key_Z)
    assert titles(page) == [DEMO_TITLE]


@pytest.mark.usefixtures("demo_id")
def test_delete_removes_the_row_and_undo_brings_it_back(window: MainWindow, qtbot: QtBot) -> None:
    page = window.list_page
    page.table.setFocus()
    assert page.selected_title() == DEMO_TITLE

    press(qtbot, window, Qt.Key.Key_Delete, NO_MODIFIER)

    assert titles(page) == []
    assert page.demo_button.isVisible()
    assert window.messages.isVisible()
    assert "togs bort" in window.messages.label.text()
    assert DEMO_TITLE in window.messages.label.text()

    assert window.undo_action.text() == f"Ångra Ta bort ”{DEMO_TITLE}”"
    press(qtbot, window, Qt.Key.Key_Z)
    assert titles(page) == [DEMO_TITLE]
    assert page.table.isVisible()
