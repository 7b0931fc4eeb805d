"""The last line of defence: save what can be saved, then show what went wrong.

The dialog is imported only when it is needed, to keep start-up light.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication

from app.paths import state_dir

if TYPE_CHECKING:
    from ui.crash_dialog import CrashDialog

log = logging.getLogger(__name__)


class CrashHandler(QObject):
    """Catches uncaught exceptions on any thread; the dialog is shown on the GUI thread.

    Signals:
        crashed(str): the formatted traceback of an uncaught exception.
    """

    crashed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.savers: list[Callable[[], object]] = []
        self.dialog: CrashDialog | None = None
        self.crashed.connect(self._on_crash)

    def install(self) -> None:
        sys.excepthook = self._excepthook
        threading.excepthook = lambda args: self._excepthook(
            args.exc_type, args.exc_value, args.exc_traceback
        )

    def _excepthook(
        self, kind: type[BaseException], value: BaseException | None, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("uncaught exception:\n%s", details)
        self.crashed.emit(details)  # queued to the GUI thread when raised elsewhere

    @Slot(str)
    def _on_crash(self, details: str) -> None:
        for save in self.savers:
            try:
                save()
            except Exception:
                log.exception("could not save while handling a crash")
        log_path = self._write_log(details)
        if self.dialog is None or not self.dialog.isVisible():
            from ui.crash_dialog import CrashDialog

            self.dialog = CrashDialog(details, log_path, QApplication.activeWindow())
            self.dialog.show()

    @staticmethod
    def _write_log(details: str) -> Path | None:
        try:
            folder = state_dir()
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / "mylla-crash.log"
            path.write_text(details, encoding="utf-8")
            return path
        except OSError:
            return None
