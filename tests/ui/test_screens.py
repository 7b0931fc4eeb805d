"""Choosing the monitor for the shared screen, with monitors made up: no second monitor needed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.settings import Settings
from ui.screens import ScreenInfo, ScreenPlacer, choose_screen, current_screens
from ui.shared_screen import SharedScreen

LAPTOP = ScreenInfo("eDP-1", 0, 0, 1920, 1080, primary=True)
PROJECTOR = ScreenInfo("HDMI-1", 1920, 0, 1280, 720, primary=False)
TV = ScreenInfo("DP-2", 3200, 0, 3840, 2160, primary=False)


def test_the_saved_monitor_wins_when_it_is_there() -> None:
    assert choose_screen([LAPTOP, PROJECTOR, TV], "DP-2") == TV
    assert choose_screen([LAPTOP, PROJECTOR, TV], "eDP-1") == LAPTOP


def test_else_the_first_monitor_that_is_not_the_primary() -> None:
    assert choose_screen([LAPTOP, PROJECTOR, TV], "") == PROJECTOR
    assert choose_screen([TV, LAPTOP], "VGA-1") == TV


def test_no_second_monitor_means_no_choice() -> None:
    assert choose_screen([LAPTOP], "") is None
    assert choose_screen([LAPTOP], "HDMI-1") is None
    assert choose_screen([], "HDMI-1") is None


def test_screen_info_is_made_from_qt_screens(qtbot: QtBot) -> None:
    screens = current_screens()
    primary = QGuiApplication.primaryScreen()
    assert [s.name for s in screens] == [s.name() for s in QGuiApplication.screens()]
    first = next(s for s in screens if s.primary)
    assert first.name == primary.name()
    assert first.geometry == primary.geometry()


class Monitors:
    """A screens provider whose monitors the test plugs in and out."""

    def __init__(self, *screens: ScreenInfo) -> None:
        self.screens = list(screens)

    def __call__(self) -> list[ScreenInfo]:
        return list(self.screens)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.json")


@pytest.fixture
def shared(qtbot: QtBot) -> SharedScreen:
    window = SharedScreen()
    qtbot.addWidget(window)
    return window


def test_without_a_second_monitor_it_is_a_window_on_the_primary(
    shared: SharedScreen, settings: Settings, qtbot: QtBot
) -> None:
    placer = ScreenPlacer(shared, Monitors(LAPTOP), settings)
    with qtbot.waitSignal(placer.placed, timeout=1000) as placed:
        placer.place()
    assert placed.args == [None]
    assert shared.isVisible()
    assert not shared.isFullScreen()
    assert shared.size() == QSize(960, 540)
    assert LAPTOP.geometry.contains(shared.geometry())


def test_with_a_projector_it_fills_the_projector(
    shared: SharedScreen, settings: Settings, qtbot: QtBot
) -> None:
    placer = ScreenPlacer(shared, Monitors(LAPTOP, PROJECTOR), settings)
    with qtbot.waitSignal(placer.placed, timeout=1000) as placed:
        placer.place()
    assert placed.args == [PROJECTOR]
    assert placer.target == PROJECTOR
    assert shared.isFullScreen()


def test_the_facilitators_choice_is_saved_and_followed(
    shared: SharedScreen, settings: Settings, qtbot: QtBot, tmp_path: Path
) -> None:
    placer = ScreenPlacer(shared, Monitors(LAPTOP, PROJECTOR, TV), settings)
    placer.place()
    assert placer.target == PROJECTOR
    placer.choose("DP-2")
    assert placer.target == TV
    assert Settings(tmp_path / "settings.json").get("shared_screen") == "DP-2"
    # Choosing the laptop's own monitor gives a window: full screen would hide the facilitator's.
    placer.choose("eDP-1")
    assert placer.target is None
    assert not shared.isFullScreen()
    assert shared.size() == QSize(960, 540)


def test_monitors_plugged_in_and_out_move_the_window(
    shared: SharedScreen, settings: Settings, qtbot: QtBot
) -> None:
    # GIVEN the laptop alone, the shared screen in a window
    monitors = Monitors(LAPTOP)
    placer = ScreenPlacer(shared, monitors, settings)
    placer.place()
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    # WHEN the projector is plugged in, THEN the shared screen fills it
    monitors.screens.append(PROJECTOR)
    with qtbot.waitSignal(placer.placed, timeout=1000) as placed:
        app.screenAdded.emit(QGuiApplication.primaryScreen())
    assert placed.args == [PROJECTOR]
    assert shared.isFullScreen()
    # WHEN it is pulled out, THEN back to a window on the laptop
    monitors.screens.remove(PROJECTOR)
    with qtbot.waitSignal(placer.placed, timeout=1000) as placed:
        app.screenRemoved.emit(QGuiApplication.primaryScreen())
    assert placed.args == [None]
    assert not shared.isFullScreen()
    assert LAPTOP.geometry.contains(shared.geometry())


def test_a_hidden_shared_screen_stays_hidden_when_monitors_change(
    shared: SharedScreen, settings: Settings, qtbot: QtBot
) -> None:
    monitors = Monitors(LAPTOP)
    placer = ScreenPlacer(shared, monitors, settings)
    monitors.screens.append(PROJECTOR)
    with qtbot.assertNotEmitted(placer.placed, wait=50):
        QGuiApplication.instance().screenAdded.emit(QGuiApplication.primaryScreen())  # type: ignore[union-attr]
    assert not shared.isVisible()
    assert placer.target is None


def test_the_choice_goes_to_the_users_preferences_by_default(shared: SharedScreen) -> None:
    placer = ScreenPlacer(shared, Monitors(LAPTOP, PROJECTOR, TV))
    placer.choose("DP-2")
    assert Settings().get("shared_screen") == "DP-2"
    assert placer.target == TV
