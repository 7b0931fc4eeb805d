"""The details of an unexpected error, shown after everything that could be saved was saved."""

from __future__ import annotations

from pathlib import Path

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
