"""Print protocol… from the window: the protocol made in the background, then previewed."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.ui.steps_helpers import english
from tests.ui.voting_panel_helpers import fake_exec
from ui.export_dialog import ExportDialog
from ui.main_window import MainWindow
from ui.pdf_preview import PdfPreviewDialog

__all__ = ["english"]

LINK = "https://intranet.example.se/uppfoljning/{workshop_id}"


def give_link(link: str) -> object:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ExportDialog)
        assert dialog.chosen_format().code == "pdf"
        assert not dialog.format.isVisible()  # printing is always the protocol
        dialog.link.setText(link)

    return fill


def test_print_protocol_shows_the_preview_of_a_whole_protocol(
    demo_id: str, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QDialog] = []
    monkeypatch.setattr(ExportDialog, "exec", fake_exec(qtbot, shown, give_link(LINK)))
    window.open_workshop(demo_id)
    with qtbot.waitSignal(window.export_flow.previewShown, timeout=60_000) as ready:
        window.actions["print_protocol"].trigger()

    preview = ready.args[0]
    assert isinstance(preview, PdfPreviewDialog)
    assert preview.isVisible()
    assert shown[0].windowTitle() == "Print the protocol"
    assert preview.page_count() == len(pypdf.PdfReader(preview.path).pages)
    assert preview.suggested_name == "Protocol Idéverkstad – Trygg och delaktig hemma 2026-07-21.pdf"
    folder = preview.path.parent
    assert folder.is_dir()

    with qtbot.waitSignal(preview.destroyed, timeout=5_000):
        preview.close()
    assert not folder.exists()  # the temporary protocol is gone with the preview
    assert window.export_flow.preview is None


def test_printing_without_a_link_asks_for_one_first(
    demo_id: str, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QDialog] = []
    monkeypatch.setattr(ExportDialog, "exec", fake_exec(qtbot, shown, give_link("")))
    started: list[object] = []
    window.runner.jobStarted.connect(started.append)
    window.list_page.select(demo_id)
    window.actions["print_protocol"].trigger()

    dialog = shown[0]
    assert isinstance(dialog, ExportDialog)
    assert dialog.error.isVisibleTo(dialog)
    assert "{workshop_id}" in dialog.error.text()
    assert started == []
    assert window.export_flow.preview is None


def test_the_window_closing_closes_the_preview(
    demo_id: str, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ExportDialog, "exec", fake_exec(qtbot, [], give_link(LINK)))
    window.list_page.select(demo_id)
    with qtbot.waitSignal(window.export_flow.previewShown, timeout=60_000) as ready:
        window.actions["print_protocol"].trigger()
    folder: Path = ready.args[0].path.parent

    window.close()
    assert not folder.exists()
