"""The last line of defence: save what can be saved, then show what went wrong."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.paths import state_dir

log = logging.getLogger(__name__)


class CrashDialog(QDialog):
    """The details of an unexpected error, with a way to copy them for a bug report."""

    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Mylla ran into an unexpected error"))
        intro = _(
            "Everything you had done before this was already saved. You can go on working, or quit and start Mylla again."
        )
        if log_path is not None:
            intro += "\n" + _("The details are also saved in {path}.").format(path=log_path)
        text = QLabel(intro)
        text.setWordWrap(True)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        buttons = QDialogButtonBox()
        copy = buttons.addButton(_("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        go_on = buttons.addButton(_("Go on working"), QDialogButtonBox.ButtonRole.AcceptRole)
        go_on.clicked.connect(self.accept)
        quit_button = buttons.addButton(_("Quit Mylla"), QDialogButtonBox.ButtonRole.DestructiveRole)
        quit_button.clicked.connect(QApplication.quit)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)


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
