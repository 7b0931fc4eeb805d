"""The protocol's preview: every page shown, page n of N, zoom, printing the pages asked for, saving."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from app.demo import create_demo_workshop
from exports.protocol import write_protocol
from tests.ui.steps_helpers import english
from ui.hub import Hub
from ui.pdf_preview import GAP, WHOLE_PAGE, PdfPreviewDialog

__all__ = ["english"]

LINK = "https://intranet.example.se/uppfoljning/{workshop_id}"


@pytest.fixture
def protocol(hub: Hub, tmp_path: Path) -> Path:
    out = tmp_path / "protocol.pdf"
    write_protocol(hub.db, create_demo_workshop(hub.db), out, lang="sv", follow_up_url=LINK)
    return out


@pytest.fixture
def released() -> list[str]:
    return []


@pytest.fixture
def preview(qtbot: QtBot, protocol: Path, released: list[str]) -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(
        protocol, "Idéverkstad", "Protokoll.pdf", cleanup=lambda: released.append("done")
    )
    qtbot.addWidget(dialog)
    dialog.resize(1100, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def pdf_printer(out: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    return printer


def test_every_page_is_shown_with_page_n_of_n(
    preview: PdfPreviewDialog, protocol: Path, qtbot: QtBot
) -> None:
    pages = len(pypdf.PdfReader(protocol).pages)
    assert pages > 2
    assert preview.page_count() == pages
    assert preview.page_label.text() == f"Page 1 of {pages}"
    qtbot.waitUntil(preview.views[0].is_drawn)
    assert not preview.views[-1].is_drawn()  # drawn when it comes into view, not before

    bar = preview.area.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert preview.page_label.text() == f"Page {pages} of {pages}"
    qtbot.waitUntil(preview.views[-1].is_drawn)


def test_fit_width_follows_the_window_and_zoom_uses_the_printed_size(preview: PdfPreviewDialog) -> None:
    viewport = preview.area.viewport().width()
    assert viewport - 40 <= preview.views[0].width() <= viewport
    preview.resize(800, 600)
    assert preview.views[0].width() <= preview.area.viewport().width()

    preview.zoom.setCurrentIndex(preview.zoom.findData(100))
    a4_width = round(595.28 * preview.logicalDpiX() / 72)
    assert abs(preview.views[0].width() - a4_width) <= 1
    assert abs(preview.views[0].height() - round(a4_width * 297 / 210)) <= 2


def test_the_page_being_read_stays_in_view_when_zooming(preview: PdfPreviewDialog, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: preview.area.verticalScrollBar().maximum() > 0)
    preview.show_page(3)
    assert preview.page_label.text().startswith("Page 3 of")

    bar = preview.area.verticalScrollBar()
    for zoom in (50, WHOLE_PAGE, 200):
        preview.zoom.setCurrentIndex(preview.zoom.findData(zoom))
        page_height = preview.views[0].height()
        third = preview.views[2]
        # Once the pages are laid out anew, the third one is at the top.
        qtbot.waitUntil(lambda: third.y() == GAP + 2 * (page_height + GAP) == bar.value() + GAP)  # noqa: B023
        assert preview.page_label.text().startswith("Page 3 of")
    preview.zoom.setCurrentIndex(preview.zoom.findData(WHOLE_PAGE))
    assert preview.views[0].height() <= preview.area.viewport().height()


def test_printing_sends_every_page(
    preview: PdfPreviewDialog, protocol: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    out = tmp_path / "printed.pdf"
    job = preview.print_to(pdf_printer(out))
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass

    printed = pypdf.PdfReader(out)
    assert len(printed.pages) == len(pypdf.PdfReader(protocol).pages)
    width, height = (float(v) for v in printed.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4, as the protocol
    assert preview.status.text() == f"Sent {len(printed.pages)} pages to the printer."
    assert preview.print_button.isEnabled()


def test_print_dialog_range_prints_only_those_pages(
    preview: PdfPreviewDialog, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "pages-2-3.pdf"
    asked: list[tuple[int, int]] = []

    def choose_pages(dialog: QPrintDialog) -> int:
        asked.append((dialog.minPage(), dialog.maxPage()))
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", choose_pages)
    preview.print_button.click()
    assert preview.printing is not None
    with qtbot.waitSignal(preview.printing.finished, timeout=60_000):
        pass

    assert asked == [(1, preview.page_count())]
    assert len(pypdf.PdfReader(out).pages) == 2


def test_save_as_pdf_copies_the_protocol_whole(
    preview: PdfPreviewDialog, protocol: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []

    def save_as(_parent: object, _caption: str, directory: str, _filters: str) -> tuple[str, str]:
        offered.append(directory)
        return str(tmp_path / "arkiv" / "Protokoll"), "PDF"

    (tmp_path / "arkiv").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    preview.save_button.click()

    saved = tmp_path / "arkiv" / "Protokoll.pdf"
    assert Path(offered[0]).name == "Protokoll.pdf"
    assert saved.read_bytes() == protocol.read_bytes()
    assert preview.status.text() == f"Saved as {saved}"


def test_closing_releases_the_file(preview: PdfPreviewDialog, released: list[str]) -> None:
    preview.close()
    assert released == ["done"]
