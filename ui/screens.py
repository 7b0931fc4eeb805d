"""Which monitor the shared screen goes to, as OpenLP chooses: screens as plain values, choice saved.

With a second monitor (the projector) the shared screen fills it; without one it is an
ordinary window beside the facilitator's. Monitors plugged in or out during a workshop
move it again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRect, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from app.settings import Settings

SETTING = "shared_screen"
#: The shared screen's size as a window, when there is no second monitor.
WINDOW_SIZE = (960, 540)


@dataclass(frozen=True)
class ScreenInfo:
    """One monitor as the choice needs it; made from a QScreen, or by hand in tests."""

    name: str
    x: int
    y: int
    width: int
    height: int
    primary: bool

    @classmethod
    def from_qscreen(cls, screen: QScreen, primary: QScreen | None = None) -> ScreenInfo:
        geometry = screen.geometry()
        return cls(
            screen.name(), geometry.x(), geometry.y(), geometry.width(), geometry.height(), screen == primary
        )

    @property
    def geometry(self) -> QRect:
        return QRect(self.x, self.y, self.width, self.height)


def current_screens() -> list[ScreenInfo]:
    """The monitors Qt knows of now."""
    primary = QGuiApplication.primaryScreen()
    return [ScreenInfo.from_qscreen(screen, primary) for screen in QGuiApplication.screens()]


def choose_screen(screens: Sequence[ScreenInfo], saved_name: str) -> ScreenInfo | None:
    """The saved monitor if it is there, else the first that is not the primary; None: no second monitor."""
    saved = next((s for s in screens if saved_name and s.name == saved_name), None)
    return saved or next((s for s in screens if not s.primary), None)


class SettingsStore(Protocol):
    def get(self, name: str) -> Any: ...
    def set(self, name: str, value: Any) -> None: ...


class ScreenPlacer(QObject):
    """Keeps the shared screen on the chosen monitor, full screen, and follows monitors coming and going.

    The primary monitor, when chosen, gets the shared screen as a window: full screen it would
    hide the facilitator's own window.

    Signals:
        placed(object): the window was placed; the ScreenInfo it fills, or None when it is a window.
    """

    placed = Signal(object)

    def __init__(
        self,
        window: QWidget,
        screens: Callable[[], Sequence[ScreenInfo]] = current_screens,
        settings: SettingsStore | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``settings`` default to the user's preferences (app.settings.Settings)."""
        super().__init__(parent)
        self.window = window
        self.settings: SettingsStore = settings if settings is not None else Settings()
        self._screens = screens
        self.target: ScreenInfo | None = None
        self._placed_before = False
        # Monitors come and go in bursts (a projector reports twice): place once they settle.
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(0)
        self._settle.timeout.connect(self._follow)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._settle.start)
            app.screenRemoved.connect(self._settle.start)
            app.primaryScreenChanged.connect(self._settle.start)

    def screens(self) -> list[ScreenInfo]:
        return list(self._screens())

    def chosen(self) -> ScreenInfo | None:
        return choose_screen(self.screens(), str(self.settings.get(SETTING)))

    def choose(self, name: str) -> None:
        """The facilitator picked a monitor (by name; "" for the automatic choice): remember it and move."""
        self.settings.set(SETTING, name)
        self.place()

    def place(self) -> None:
        """Show the window where it belongs now."""
        screens = self.screens()
        target = self.chosen()
        if target is not None and target.primary:
            target = None
        if target is None:
            self._as_window(next((s for s in screens if s.primary), None))
        else:
            self._full_screen_on(target)
        self.target = target
        self._placed_before = True
        self.placed.emit(target)

    def _follow(self) -> None:
        if self.window.isVisible():
            self.place()

    def _full_screen_on(self, target: ScreenInfo) -> None:
        screen = next((s for s in QGuiApplication.screens() if s.name() == target.name), None)
        if self.window.isFullScreen():
            self.window.showNormal()
        if screen is not None:
            self.window.setScreen(screen)
        self.window.setGeometry(target.geometry)
        self.window.showFullScreen()

    def _as_window(self, primary: ScreenInfo | None) -> None:
        was_full_screen = self.window.isFullScreen()
        self.window.showNormal()
        if primary is not None and (was_full_screen or not self._placed_before):
            # Half the size of the screen, in its lower right corner: beside, not over, the
            # facilitator's own window, ready to be dragged to a projector that is mirrored.
            width = min(WINDOW_SIZE[0], primary.width // 2)
            height = min(WINDOW_SIZE[1], primary.height // 2)
            area = primary.geometry
            self.window.setGeometry(
                area.x() + area.width() - width,
                area.y() + area.height() - height,
                width,
                height,
            )
