"""One way to tell the user something, without a modal box: a bar at the top of the window."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.i18n import _


class Level(Enum):
    INFO = ("#E8F1FB", "#0B3D6B")
    ERROR = ("#FDECEA", "#7A1712")


class MessageBar(QFrame):
    """Shows one message at a time; information fades after a while, errors stay until closed."""

    INFO_TIMEOUT_MS = 6000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        close = QPushButton(_("Close"))
        close.setFlat(True)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self._timer = QTimer(self, singleShot=True, interval=self.INFO_TIMEOUT_MS)
        self._timer.timeout.connect(self.hide)
        self.level = Level.INFO
        self.hide()

    def show_message(self, text: str, level: Level = Level.INFO) -> None:
        from PySide6.QtCore import Qt  # not at start-up: see ui/roles.py

        self.level = level
        background, foreground = level.value
        self.setStyleSheet(
            f"#messageBar {{ background: {background}; border-bottom: 1px solid {foreground}; }}"
            f"#messageBar QLabel {{ color: {foreground}; }}"
        )
        self.label.setText(text)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show()
        if level is Level.INFO:
            self._timer.start()
        else:
            self._timer.stop()

    def error(self, text: str) -> None:
        self.show_message(text, Level.ERROR)

    def info(self, text: str) -> None:
        self.show_message(text, Level.INFO)
