"""Starting the desktop app: the database, the window, the crash handler, the start-up backup."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

from app.errors import KNOWN_ERRORS, describe
from app.i18n import _
from app.paths import backup_dir
from app.settings import WindowState
from models.backup import backup_database
from models.database import open_database
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.crash import CrashHandler
from ui.hub import Hub
from ui.main_window import MainWindow

log = logging.getLogger(__name__)


class StartupBackup(QObject):
    """Copies the database in a worker thread so the window never waits for it.

    Signals:
        finished(str): the path of the new backup.
        failed(str): why no backup could be made, for the user.
    """

    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, db_path: Path, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path, self.folder = db_path, folder
        self.thread = threading.Thread(target=self._run, name="startup-backup", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def _run(self) -> None:
        try:
            self.finished.emit(str(backup_database(self.db_path, self.folder)))
        except (OSError, Exception) as exc:
            log.warning("start-up backup failed: %s", exc)
            self.failed.emit(_("No backup could be made at start: {reason}").format(reason=exc))


class DesktopSession(QObject):
    """One run of the desktop app on one database file."""

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = open_database(db_path, backup_before_upgrade=backup_dir())
        self.hub = Hub(self.db, self)
        self.window = MainWindow(self.hub, WindowState())
        self.backup = StartupBackup(self.db.path, backup_dir(), self)
        self.backup.finished.connect(
            lambda path: self.window.statusBar().showMessage(
                _("Backup saved: {path}").format(path=path), 8000
            )
        )
        self.backup.failed.connect(self.window.messages.error)

    def start(self) -> None:
        self.window.show()
        self.backup.start()

    def close(self) -> None:
        self.window.close()
        self.backup.thread.join(timeout=30)
        self.db.close()


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
    session.start()
    code = app.exec()
    session.close()
    return code
