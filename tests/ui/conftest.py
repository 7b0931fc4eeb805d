"""Fixtures for the desktop window: a session on a fresh database, and a demo workshop in it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.demo import create_demo_workshop
from app.participants import add_participant
from app.snapshots import WorkshopSnapshot
from app.workshops import create_workshop
from models.database import open_database
from ui.application import DesktopSession
from ui.hub import Hub
from ui.main_window import MainWindow

DEMO_TITLE = "Idéverkstad: Trygg och delaktig hemma"
PARK_TITLE = "Medborgardialog om parken"

SessionFactory = Callable[[], DesktopSession]
CTRL = Qt.KeyboardModifier.ControlModifier
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton

#: The offscreen platform plugin says these when a window with size constraints is shown, or a
#: popup (a completer's list) raises itself and grabs the keyboard.
OFFSCREEN_NOISE = r"^This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)$"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key; unlike qtbot.keyClicks, also letters such as å, ä, ö and –."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def press(qtbot: QtBot, window: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL) -> None:
    """A key press where the user's keyboard sends it: the focused widget of the active window."""
    target = QApplication.focusWidget() or window
    assert target.window() is window
    qtbot.keyClick(target, key, modifiers)


class StartupWatch:
    """Follows one session's start-up (database opened, backup made) so that closing can wait.

    A start-up signal still queued when the window is deleted would be delivered later, to a
    window that is gone, in whichever test runs next.
    """

    def __init__(self, session: DesktopSession) -> None:
        self.session = session
        self.settled = False
        opener = getattr(session, "opener", None)
        if opener is not None:
            opener.failed.connect(self._settle)
        session.backup.finished.connect(self._settle)
        session.backup.failed.connect(self._settle)

    def _settle(self, *_args: object) -> None:
        self.settled = True

    def started(self) -> bool:
        first_job = getattr(self.session, "opener", self.session.backup)
        return first_job.thread.ident is not None or self.session.window.isVisible()

    def close(self, qtbot: QtBot) -> None:
        if self.started():
            qtbot.waitUntil(lambda: self.settled, timeout=10_000)
        self.session.close()


def start(qtbot: QtBot, session: DesktopSession) -> None:
    """Show the window; return once the database is open and the start-up backup is made."""
    with qtbot.waitSignal(session.backup.finished, timeout=10_000):
        session.start()
    qtbot.waitExposed(session.window)


@pytest.fixture
def make_session(db_path: Path, qtbot: QtBot) -> SessionFactory:
    """Builds sessions on ``db_path``, not started yet; each is closed when qtbot closes its window."""

    def make() -> DesktopSession:
        session = DesktopSession(db_path)
        watch = StartupWatch(session)
        # pytest-qt closes the widgets it knows before fixtures are torn down: close there.
        qtbot.addWidget(session.window, before_close_func=lambda _window: watch.close(qtbot))
        return session

    return make


@pytest.fixture
def session(make_session: SessionFactory, qtbot: QtBot) -> DesktopSession:
    """A started session whose window is shown and active (so that shortcuts reach it)."""
    session = make_session()
    start(qtbot, session)
    session.window.activateWindow()
    qtbot.waitUntil(session.window.isActiveWindow, timeout=5_000)
    return session


@pytest.fixture
def window(session: DesktopSession) -> MainWindow:
    return session.window


@pytest.fixture
def demo_id(db_path: Path) -> str:
    """The demo workshop, created in the database before the window opens."""
    db = open_database(db_path)
    try:
        return create_demo_workshop(db)
    finally:
        db.close()


@pytest.fixture
def park_id(db_path: Path, demo_id: str) -> str:
    """A second workshop beside the demo (created before the window opens)."""
    db = open_database(db_path)
    try:
        return create_workshop(db, PARK_TITLE).id
    finally:
        db.close()


@pytest.fixture
def hub(db_path: Path) -> Iterator[Hub]:
    """A hub on an open database, for widgets tested without the whole window."""
    db = open_database(db_path)
    the_hub = Hub()
    the_hub.set_database(db)
    yield the_hub
    # Commands left on the stack are torn down with the stack, here, not when the garbage
    # collector meets the hub later (Qt then crashed clearing them after the widgets had gone).
    the_hub.undo_stack.clear()
    db.close()


@pytest.fixture
def room(hub: Hub) -> WorkshopSnapshot:
    """A workshop from the 10-step template with three participants: one named with consent."""
    workshop = create_workshop(hub.db, "Trygg skolväg", challenge="Hur blir skolvägen tryggare?")
    add_participant(
        hub.db, workshop.id, role="employee", display_name="Amira Hassan", consent_to_be_named=True
    )
    add_participant(hub.db, workshop.id, role="citizen", display_name="Bo Ek", origin="external")
    add_participant(hub.db, workshop.id, role="citizen", origin="external")
    return workshop
