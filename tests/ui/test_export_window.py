"""Export… from the window: each format written through the dialog in a worker thread, and how it ends."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.settings import Settings
from tests.ui.conftest import DEMO_TITLE
from tests.ui.steps_helpers import english
from tests.ui.voting_panel_helpers import fake_exec
from ui.export_dialog import ExportDialog
from ui.export_jobs import Job
from ui.export_progress import ProgressRunner
from ui.main_window import MainWindow

__all__ = ["english"]

LINK = "https://intranet.example.se/uppfoljning/{workshop_id}"
DEMO_FILE_TITLE = "Idéverkstad – Trygg och delaktig hemma 2026-07-21"


def choose(format_code: str, link: str | None = None, remember: bool = False) -> Callable[[QDialog], None]:
    """What the user does in the export dialog: a format, perhaps a link, perhaps remembered."""

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ExportDialog)
        dialog.format.setCurrentIndex(dialog.format.findData(format_code))
        if link is not None:
            dialog.link.setText(link)
        dialog.remember.setChecked(remember)

    return fill


class SaveAs:
    """Stands in for the save dialog: answers with ``path`` and remembers what it was offered."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.offered: list[tuple[str, str]] = []

    def __call__(self, _parent: object, _caption: str, directory: str, filters: str) -> tuple[str, str]:
        self.offered.append((directory, filters))
        return (str(self.path) if self.path else "", filters)


class Watch:
    """What the progress dialog of each job showed: its values, and whether it said how far it was."""

    def __init__(self, runner: ProgressRunner) -> None:
        self.values: list[int] = []
        self.busy: list[bool] = []
        self.jobs: list[Job] = []
        runner.jobStarted.connect(self._started)
        self.runner = runner

    def _started(self, job: Job) -> None:
        assert self.runner.dialog is not None
        self.busy.append(self.runner.dialog.maximum() == 0)
        self.jobs.append(job)
        job.progressed.connect(lambda _done, _total: self.values.append(self._value()))

    def _value(self) -> int:
        return self.runner.dialog.value() if self.runner.dialog is not None else -1


def export(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    fill: Callable[[QDialog], None],
    out: Path,
) -> tuple[list[QDialog], SaveAs]:
    shown: list[QDialog] = []
    monkeypatch.setattr(ExportDialog, "exec", fake_exec(qtbot, shown, fill))
    save = SaveAs(out)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window.actions["export"].trigger()
    return shown, save


def check_pdf(path: Path) -> None:
    reader = pypdf.PdfReader(path)
    assert reader.metadata is not None
    assert DEMO_TITLE in str(reader.metadata.title)
    assert DEMO_TITLE in (reader.pages[0].extract_text() or "")


def check_csv(path: Path) -> None:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read å ä ö
    assert "Fast omsorgskontakt för varje brukare" in data.decode("utf-8-sig")
    assert (path.parent / f"{path.stem}-actions.csv").exists()  # a CSV file holds one table


def check_md(path: Path) -> None:
    assert path.read_text(encoding="utf-8").startswith(f"# {DEMO_TITLE}")


def check_json(path: Path) -> None:
    package = json.loads(path.read_text(encoding="utf-8"))
    assert package["format"] == "mylla.workshop"
    assert package["workshop"]["title"] == DEMO_TITLE


def check_ics(path: Path) -> None:
    assert path.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


@pytest.mark.parametrize(
    ("code", "check", "progress"),
    [
        ("pdf", check_pdf, True),
        ("csv", check_csv, False),
        ("md", check_md, True),
        ("json", check_json, False),
        ("ics", check_ics, False),
    ],
)
def test_each_format_is_written_in_a_worker_and_the_user_is_told_where(
    demo_id: str,
    window: MainWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    code: str,
    check: Callable[[Path], None],
    progress: bool,
) -> None:
    window.list_page.select(demo_id)
    watch = Watch(window.runner)
    out = tmp_path / f"chosen.{code}"
    written: list[list[str]] = []
    window.export_flow.exported.connect(written.append)
    with qtbot.waitSignal(window.runner.jobEnded, timeout=60_000):
        _shown, save = export(qtbot, window, monkeypatch, choose(code, LINK), out)

    # The save dialog offered a name that says what the file is.
    offered = Path(save.offered[0][0]).name
    assert DEMO_FILE_TITLE in offered
    assert offered.endswith(f".{code}")
    assert written[0][0] == str(out)
    check(out)
    assert watch.busy == [not progress]
    if progress:
        assert watch.values == sorted(watch.values)
        assert watch.values[-1] == 100
    box = window.runner.outcome
    assert box is not None
    assert box.isVisible()
    assert str(out.parent) in box.text()
    assert out.name in box.text()
    assert "Open folder" in [b.text() for b in box.buttons()]
    assert window.runner.job is None  # the progress dialog is gone, the next export may start


def test_a_protocol_without_a_link_asks_for_one_and_writes_nothing(
    demo_id: str, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window.list_page.select(demo_id)
    shown, save = export(qtbot, window, monkeypatch, choose("pdf", ""), tmp_path / "p.pdf")

    dialog = shown[0]
    assert isinstance(dialog, ExportDialog)
    assert dialog.error.text().startswith("The protocol's QR code needs a follow-up link")
    assert save.offered == []
    assert window.runner.job is None
    assert list(tmp_path.glob("*.pdf")) == []


def test_the_link_typed_can_become_this_computers_template(
    demo_id: str, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window.list_page.select(demo_id)
    with qtbot.waitSignal(window.runner.jobEnded, timeout=60_000):
        export(qtbot, window, monkeypatch, choose("md", LINK, remember=True), tmp_path / "s.md")

    assert Settings().get("follow_up_url_template") == LINK
    assert f"https://intranet.example.se/uppfoljning/{demo_id}" in (tmp_path / "s.md").read_text(
        encoding="utf-8"
    )


def test_a_file_that_cannot_be_written_is_told_in_a_sentence(
    demo_id: str, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    window.list_page.select(demo_id)
    with qtbot.waitSignal(window.runner.jobEnded, timeout=60_000):
        export(qtbot, window, monkeypatch, choose("csv"), blocker / "ideas.csv")

    box = window.runner.outcome
    assert box is not None
    assert box.icon() is QMessageBox.Icon.Warning
    assert box.windowTitle() == "The export failed"
    assert box.text().startswith("The file could not be written")


def test_a_cancelled_protocol_leaves_no_file(
    demo_id: str, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window.list_page.select(demo_id)

    def cancel_at_once(_job: Job) -> None:
        # Pressed at once: a small protocol would be written whole before a later press arrived.
        assert window.runner.dialog is not None
        cancel = window.runner.dialog.findChild(QPushButton)
        assert cancel is not None
        assert cancel.text() == "Cancel"
        cancel.click()

    window.runner.jobStarted.connect(cancel_at_once)
    folder = tmp_path / "papers"
    folder.mkdir()
    with qtbot.waitSignal(window.runner.jobEnded, timeout=60_000):
        export(qtbot, window, monkeypatch, choose("pdf", LINK), folder / "p.pdf")

    assert list(folder.iterdir()) == []  # neither the protocol nor a part of it
    assert window.messages.label.text() == "The export was cancelled; no file was written."


def test_export_is_offered_for_the_selected_or_opened_workshop_only(
    demo_id: str, window: MainWindow, qtbot: QtBot
) -> None:
    window.list_page.table.clearSelection()
    assert not window.actions["export"].isEnabled()
    window.list_page.select(demo_id)
    assert window.actions["export"].isEnabled()
    assert window.actions["print_protocol"].isEnabled()
    window.open_workshop(demo_id)
    assert window.actions["export"].isEnabled()
    menus = {action.text(): action.menu() for action in window.menuBar().actions()}
    for title in ("&File", "&Workshop"):
        menu = menus[title]
        assert isinstance(menu, QMenu)
        assert window.actions["export"] in menu.actions()
        assert window.actions["print_protocol"] in menu.actions()


def test_a_language_without_a_catalogue_is_refused_with_the_services_sentence(
    demo_id: str, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import exports.formats

    real = exports.formats.thread_language

    def no_norwegian(lang: str) -> AbstractContextManager[None]:
        if lang == "nb":
            raise ValueError("no translation for language 'nb'")
        return real(lang)

    monkeypatch.setattr(exports.formats, "thread_language", no_norwegian)

    def in_norwegian(dialog: QDialog) -> None:
        choose("csv")(dialog)
        assert isinstance(dialog, ExportDialog)
        dialog.language.setCurrentIndex(dialog.language.findData("nb"))

    window.list_page.select(demo_id)
    with qtbot.waitSignal(window.runner.jobEnded, timeout=60_000):
        export(qtbot, window, monkeypatch, in_norwegian, tmp_path / "ideas.csv")

    box = window.runner.outcome
    assert box is not None
    assert box.text() == "Mylla has no translation for nb yet: choose another language."
    assert list(tmp_path.glob("*.csv")) == []


def test_closing_the_window_during_an_export_waits_for_a_whole_file_or_none(
    demo_id: str, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    started: list[Job] = []
    window.runner.jobStarted.connect(started.append)
    window.list_page.select(demo_id)
    folder = tmp_path / "papers"
    folder.mkdir()
    export(qtbot, window, monkeypatch, choose("pdf", LINK), folder / "p.pdf")
    assert started[0].is_running() or (folder / "p.pdf").exists()

    window.close()

    assert not started[0].is_running()
    written = list(folder.iterdir())
    assert written in ([], [folder / "p.pdf"])  # no part of a file
    if written:
        assert DEMO_TITLE in str(pypdf.PdfReader(written[0]).metadata.title)  # type: ignore[union-attr]


def test_the_template_set_meanwhile_in_the_settings_is_prefilled(
    demo_id: str, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window.list_page.select(demo_id)
    assert window.export_flow is not None
    Settings().set("follow_up_url_template", LINK)  # as the settings dialog saves it
    with qtbot.waitSignal(window.runner.jobEnded, timeout=60_000):
        shown, _save = export(qtbot, window, monkeypatch, lambda _dialog: None, tmp_path / "x.pdf")

    dialog = shown[0]
    assert isinstance(dialog, ExportDialog)
    assert dialog.link.text() == LINK


def test_open_folder_shows_the_folder_of_the_file(
    demo_id: str, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)
    window.list_page.select(demo_id)
    with qtbot.waitSignal(window.runner.jobEnded, timeout=60_000):
        export(qtbot, window, monkeypatch, choose("json"), tmp_path / "package.json")

    box = window.runner.outcome
    assert box is not None
    next(b for b in box.buttons() if b.text() == "Open folder").click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]
