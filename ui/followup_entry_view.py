"""A follow-up entry read whole: the log shows the start of long entries, this shows all of it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from app.i18n import _
from ui.followup_panel_models import LogLine


class EntryTextDialog(QDialog):
    """The whole of a log line's text, to read (and copy from); nothing here changes it."""

    def __init__(self, line: LogLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(line.heading())
        self.text = QPlainTextEdit(line.full_text())
        self.text.setReadOnly(True)
        self.text.setAccessibleName(_("The whole entry"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)
