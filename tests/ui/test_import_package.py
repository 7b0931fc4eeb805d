"""Import package… from the window: the workshop appears and opens; a refused file changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.demo import create_demo_workshop
from app.workshops import list_workshops, rename_workshop
from exports.formats import export_workshop
from models.database import open_database
from tests.ui.conftest import DEMO_TITLE
from tests.ui.steps_helpers import english
from tests.ui.test_workshop_list import titles
from ui.main_window import MainWindow

__all__ = ["english"]


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """The demo workshop as a package, made on another computer (another database)."""
    db = open_database(tmp_path / "elsewhere.db")
    try:
        out = tmp_path / "packages" / "demo.json"
        out.parent.mkdir()
        export_workshop(db, create_demo_workshop(db), "json", out)
    finally:
        db.close()
    return out


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    offered: list[str] = []

    def open_file(_parent: object, _caption: str, _directory: str, filters: str) -> tuple[str, str]:
        offered.append(filters)
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file)
    return offered


def import_(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.runner.jobEnded, timeout=60_000):
        window.actions["import"].trigger()


def test_an_imported_workshop_is_listed_and_opened(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, package: Path
) -> None:
    offered = choose_file(monkeypatch, package)
    busy: list[bool] = []
    window.runner.jobStarted.connect(lambda _job: busy.append(window.runner.dialog.maximum() == 0))  # type: ignore[union-attr]
    import_(qtbot, window)

    assert offered == ["Mylla workshop package (*.json);;All files (*)"]
    assert busy == [True]  # an import cannot say how far it is: the dialog shows that it works
    assert DEMO_TITLE in titles(window.list_page)
    page = window.workshop_page
    assert window.pages.currentWidget() is page
    assert page.workshop is not None
    assert page.workshop.title == DEMO_TITLE
    assert window.messages.label.text() == f"“{DEMO_TITLE}” was imported."


def test_importing_the_same_package_again_updates_the_workshop(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, package: Path
) -> None:
    choose_file(monkeypatch, package)
    import_(qtbot, window)
    workshop_id = window.workshop_page.workshop.id  # type: ignore[union-attr]
    rename_workshop(window.hub.db, workshop_id, "Renamed here meanwhile")

    import_(qtbot, window)

    assert [w.title for w in list_workshops(window.hub.db)] == [DEMO_TITLE]
    assert (
        window.messages.label.text()
        == f"“{DEMO_TITLE}” was already here and has been updated from the package."
    )
    assert not window.hub.undo_stack.canUndo()


@pytest.mark.parametrize(
    ("damage", "sentence_start"),
    [
        (lambda text: text[: len(text) // 2], "The file ends too early"),
        (lambda _text: '{"format": "someone.else", "version": 1}', "This is not a Mylla workshop package"),
    ],
)
def test_a_refused_file_is_told_in_a_sentence_and_changes_nothing(
    demo_id: str,
    window: MainWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    package: Path,
    tmp_path: Path,
    damage: object,
    sentence_start: str,
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text(damage(package.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]
    before = list_workshops(window.hub.db)
    choose_file(monkeypatch, broken)
    import_(qtbot, window)

    box = window.runner.outcome
    assert box is not None
    assert box.icon() is QMessageBox.Icon.Warning
    assert box.windowTitle() == "The package was not imported"
    assert box.text().startswith(sentence_start)
    assert box.text().endswith("Nothing was changed.")
    assert list_workshops(window.hub.db) == before
    assert window.pages.currentWidget() is window.list_page
