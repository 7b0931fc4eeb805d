"""Starting the desktop app: the window first, then the database layer, the start-up backup.

The list of workshops is read with the standard library and shown at once; the ORM,
migrations and services load in a worker thread meanwhile, and edits are enabled when
they are ready (``Hub.ready``). Whether the file may be opened at all is decided before
any window shows.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import KNOWN_ERRORS, describe
from app.i18n import _
from app.paths import backup_dir
from app.settings import Settings, WindowState
from app.workshop_rows import peek_workshops
from ui.crash import CrashHandler
from ui.hub import Hub
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from models.database import Database

log = logging.getLogger(__name__)


class Worker(QObject):
    """Runs one job in a thread and reports back on the GUI thread.

    Signals:
        finished(object): the job's result.
        failed(str): why it failed, for the user.
    """

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)

    #: What the thread runs; subclasses define it.
    job: Callable[[], object]

    def start(self) -> None:
        self.thread.start()

    def wait(self, timeout: float = 30) -> None:
        if self.thread.is_alive():
            self.thread.join(timeout)

    def _run(self) -> None:
        try:
            result = self.job()
        except KNOWN_ERRORS as exc:
            log.warning("%s failed: %s", self.thread.name, exc)
            self.failed.emit(describe(exc))
            return
        self.finished.emit(result)


class DatabaseOpener(Worker):
    """Loads the database layer and opens (creating or upgrading) the file."""

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__("open-database", parent)
        self.db_path = db_path

    def job(self) -> Database:
        from models.database import open_database

        db = open_database(self.db_path, backup_before_upgrade=backup_dir())
        import app.agenda
        import app.workshops  # noqa: F401  (loaded here, off the GUI thread)

        return db


class StartupBackup(Worker):
    """Copies the database into the backup folder, keeping the newest ten."""

    def __init__(self, db_path: Path, folder: Path, parent: QObject | None = None) -> None:
        super().__init__("startup-backup", parent)
        self.db_path, self.folder = db_path, folder

    def job(self) -> str:
        from models.backup import backup_database

        keep = Settings().get("backups_to_keep")
        return str(backup_database(self.db_path, self.folder, keep))


class DesktopSession(QObject):
    """One run of the desktop app on one database file.

    Raises StoreError at construction when the file must not be opened.
    """

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path.expanduser().absolute()
        rows = peek_workshops(self.db_path)
        self.hub = Hub(self)
        self.window = MainWindow(self.hub, WindowState(), str(self.db_path), rows)
        self.opener = DatabaseOpener(self.db_path, self)
        self.opener.finished.connect(self._opened)
        self.opener.failed.connect(self.window.messages.error)
        self.backup = StartupBackup(self.db_path, backup_dir(), self)
        self.backup.finished.connect(self._backup_saved)
        self.backup.failed.connect(self._backup_failed)

    def start(self) -> None:
        self.window.show()
        # After the first paint: the loading thread would otherwise compete with it.
        QTimer.singleShot(0, self.opener.start)

    def _opened(self, db: Database) -> None:
        self.hub.set_database(db)
        self.backup.start()

    def _backup_saved(self, path: str) -> None:
        self.window.statusBar().showMessage(_("Backup saved: {path}").format(path=path), 8000)

    def _backup_failed(self, reason: str) -> None:
        self.window.messages.error(_("No backup could be made at start: {reason}").format(reason=reason))

    def close(self) -> None:
        self.window.close()
        self.opener.wait()
        self.backup.wait()
        # The commands go with the session, while the windows they may refer to still exist.
        self.hub.undo_stack.clear()
        if self.hub.is_ready:
            self.hub.db.close()


def run_desktop(db_path: Path) -> int:
    """Open the facilitator's window on ``db_path``; returns the process exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Mylla")
    app.setApplicationDisplayName("Mylla")
    crash = CrashHandler(app)
    crash.install()
    try:
        session = DesktopSession(db_path)
    except KNOWN_ERRORS as exc:
        QMessageBox.critical(None, _("Mylla cannot open the database"), describe(exc))
        return 1
    crash.savers.append(session.window.flush_edits)
    crash.savers.append(session.window.save_window_state)
    session.start()
    code = app.exec()
    session.close()
    return code
