"""The window's menus reach the workshop's details and the installation's settings."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.settings import Settings
from app.workshops import get_workshop
from tests.ui.voting_panel_helpers import fake_exec
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog
from ui.workshop_details import WorkshopDetailsDialog


def test_the_selected_workshops_details_are_edited_from_the_edit_menu(
    demo_id: str, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QDialog] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, WorkshopDetailsDialog)
        dialog.lines["case_number"].setText("VON 2026/0199")

    monkeypatch.setattr(WorkshopDetailsDialog, "exec", fake_exec(qtbot, shown, fill))
    window.list_page.select(demo_id)
    assert window.actions["details"].isEnabled()
    window.actions["details"].trigger()
    assert len(shown) == 1
    assert get_workshop(window.hub.db, demo_id).case_number == "VON 2026/0199"


def test_settings_open_from_the_file_menu_and_are_saved(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QDialog] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, SettingsDialog)
        dialog.link.setText("https://intranat.example.se/uppfoljning/{workshop_id}")

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec(qtbot, shown, fill))
    file_menu = window.menuBar().actions()[0].menu()
    assert window.actions["settings"] in file_menu.actions()
    window.actions["settings"].trigger()
    assert len(shown) == 1
    assert Settings().get("follow_up_url_template") == "https://intranat.example.se/uppfoljning/{workshop_id}"
