"""Starting and stopping the desktop app: start-up backup, window geometry, refusals, crashes."""

from __future__ import annotations

import sqlite3
import sys
import threading
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.paths import backup_dir, state_dir
from models.database import APPLICATION_ID
from tests.ui.conftest import DEMO_TITLE, SessionFactory, start
from ui.application import run_desktop
from ui.crash import CrashHandler


def workshop_titles(path: Path) -> list[str]:
    """The titles of the workshops in a database file, read without writing to it."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        rows = con.execute("SELECT title FROM workshop WHERE deleted_at IS NULL ORDER BY title")
        return [row[0] for row in rows]


@pytest.fixture
def keep_excepthooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the code under test installs as excepthooks is undone after the test."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


def test_start_makes_a_backup_with_the_same_workshops(
    demo_id: str, db_path: Path, make_session: SessionFactory, qtbot: QtBot
) -> None:
    session = make_session()

    with qtbot.waitSignal(session.backup.finished, timeout=10_000) as backup:
        session.start()

    copy = Path(backup.args[0])
    assert copy.parent == backup_dir()
    assert copy.is_file()
    assert workshop_titles(copy) == [DEMO_TITLE]
    assert workshop_titles(copy) == workshop_titles(db_path)
    status = session.window.statusBar()
    qtbot.waitUntil(lambda: status.currentMessage().startswith("Säkerhetskopia sparad:"), timeout=5_000)
    assert str(copy) in status.currentMessage()


def test_window_size_and_place_are_remembered(make_session: SessionFactory, qtbot: QtBot) -> None:
    first = make_session()
    start(qtbot, first)
    first.window.resize(700, 480)
    first.window.move(40, 30)
    qtbot.waitUntil(lambda: first.window.size() == QSize(700, 480), timeout=5_000)
    place = first.window.pos()
    first.close()

    second = make_session()
    start(qtbot, second)

    assert second.window.size() == QSize(700, 480)
    assert second.window.pos() == place


def test_a_window_saved_off_every_screen_comes_back_onto_one(
    make_session: SessionFactory, qtbot: QtBot
) -> None:
    first = make_session()
    start(qtbot, first)
    first.window.move(50_000, 50_000)
    qtbot.waitUntil(lambda: first.window.pos() == QPoint(50_000, 50_000), timeout=5_000)
    first.close()

    second = make_session()
    start(qtbot, second)

    screen = second.window.screen().availableGeometry()
    assert screen.intersects(second.window.frameGeometry())


def test_run_desktop_refuses_a_file_that_is_not_sqlite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keep_excepthooks: None
) -> None:
    path = tmp_path / "anteckningar.db"
    path.write_bytes(b"hello")
    shown: list[tuple[QWidget | None, str, str]] = []

    def critical(parent: QWidget | None, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        shown.append((parent, title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))

    code = run_desktop(path)

    assert code == 1
    assert len(shown) == 1
    _parent, title, text = shown[0]
    assert title == "Mylla kan inte öppna databasen"
    assert "inte en Mylla-databas" in text
    assert str(path) in text
    assert path.read_bytes() == b"hello"
    assert not list(tmp_path.glob("anteckningar.db-*"))  # no -wal, -shm or -journal beside it


def test_crash_handler_saves_then_shows_the_details(qtbot: QtBot) -> None:
    handler = CrashHandler()
    saved: list[str] = []
    handler.savers.append(lambda: saved.append("saved"))

    try:
        raise ValueError("en trasig lapp")
    except ValueError as exc:
        handler._excepthook(type(exc), exc, exc.__traceback__)

    assert saved == ["saved"]
    dialog = handler.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Mylla råkade ut för ett oväntat fel"
    details = dialog.details.toPlainText()
    assert details.startswith("Traceback (most recent call last):")
    assert "ValueError: en trasig lapp" in details
    log = state_dir() / "mylla-crash.log"
    assert log.is_file()
    assert "ValueError: en trasig lapp" in log.read_text(encoding="utf-8")
    assert any(str(log) in label.text() for label in dialog.findChildren(QLabel))

    go_on = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Arbeta vidare")
    qtbot.mouseClick(go_on, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_crash_on_a_worker_thread_is_shown_on_the_gui_thread(qtbot: QtBot, keep_excepthooks: None) -> None:
    handler = CrashHandler()
    handler.install()
    saved_on: list[threading.Thread] = []
    handler.savers.append(lambda: saved_on.append(threading.current_thread()))

    def work() -> None:
        raise RuntimeError("fel i bakgrunden")

    worker = threading.Thread(target=work, name="worker")
    with qtbot.waitSignal(handler.crashed, timeout=5_000) as crash:
        worker.start()
    worker.join()

    assert "RuntimeError: fel i bakgrunden" in crash.args[0]
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible(), timeout=5_000)
    assert handler.dialog is not None
    qtbot.addWidget(handler.dialog)
    assert saved_on == [threading.main_thread()]
    assert "RuntimeError: fel i bakgrunden" in handler.dialog.details.toPlainText()
