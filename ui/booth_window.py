"""The voting booth on the facilitator's laptop, passed round the room: a full-screen window of its own.

While it is open the shared screen shows only "Voting in progress" and the turnout, so the room
watches no ballot. Between voters a small "Close the booth" button gives the laptop back to the
facilitator; closing never counts a half ballot (the booth drops it, and says so when it is back).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from app.i18n import _
from ui.booth import VotingBooth
from ui.scene import BoothView


class BoothWindow(QWidget):
    """A window holding one VotingBooth that fills it, full screen on the facilitator's monitor.

    Signals:
        closed(): the facilitator closed the booth (its button, or the window's own close).
    """

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Mylla – voting booth"))
        self.booth = VotingBooth(self)
        self.booth.set_closable(True)
        self.booth.closeRequested.connect(self.close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.booth)

    def set_view(self, view: BoothView) -> None:
        self.booth.set_view(view)

    def open_on(self, screen: QScreen | None) -> None:
        """Fill ``screen`` (the facilitator's; else the active window's or the primary one) and take the keyboard."""
        active = QApplication.activeWindow()
        screen = screen or (active.screen() if active is not None else QGuiApplication.primaryScreen())
        if not self.isVisible():
            if screen is not None:
                self.setScreen(screen)
                self.setGeometry(screen.geometry())
            self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.booth.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window hides (its booth drops a ballot not yet Done); the presenter ends the booth.
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()
