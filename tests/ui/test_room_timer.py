"""The room's timer with an injected clock: no real waiting."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from ui.room_timer import RoomTimer, TimerPanel, clock_text


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def panel(clock: FakeClock, qtbot: QtBot) -> TimerPanel:
    widget = TimerPanel(RoomTimer(clock))
    qtbot.addWidget(widget)
    return widget


def test_clock_text_rounds_up_to_the_next_second() -> None:
    assert clock_text(300) == "05:00"
    assert clock_text(299.2) == "05:00"
    assert clock_text(0.4) == "00:01"
    assert clock_text(0) == "00:00"


def test_start_pause_add_a_minute_reset(panel: TimerPanel, clock: FakeClock) -> None:
    panel.minutes.setValue(5)
    panel.seconds.setValue(0)
    panel.start_button.click()
    assert panel.start_button.text() == "Pausa"
    clock.now += 90
    panel.timer.tick()
    assert panel.display.text() == "03:30"
    panel.start_button.click()  # pause
    clock.now += 600
    panel.timer.tick()
    assert panel.display.text() == "03:30"
    assert panel.start_button.text() == "Fortsätt"
    panel.add_button.click()
    assert panel.display.text() == "04:30"
    panel.start_button.click()  # go on
    clock.now += 30
    panel.timer.tick()
    assert panel.display.text() == "04:00"
    panel.reset_button.click()
    assert panel.display.text() == "05:00"
    assert panel.start_button.text() == "Starta"


def test_the_end_is_clear_and_signalled_once(panel: TimerPanel, clock: FakeClock, qtbot: QtBot) -> None:
    panel.minutes.setValue(0)
    panel.seconds.setValue(10)
    panel.start_button.click()
    clock.now += 9
    panel.timer.tick()
    assert panel.display.text() == "00:01"
    with qtbot.waitSignal(panel.timer.finished, timeout=1000):
        clock.now += 5
        panel.timer.tick()
    assert panel.display.text() == "Tiden är ute"
    assert not panel.timer.state().running
    with qtbot.assertNotEmitted(panel.timer.finished):
        panel.timer.tick()


def test_the_ticker_runs_only_while_counting(panel: TimerPanel, clock: FakeClock) -> None:
    panel.minutes.setValue(1)
    panel.start_button.click()
    assert panel.timer.ticker.isActive()
    panel.start_button.click()
    assert not panel.timer.ticker.isActive()


def test_nothing_starts_from_zero(panel: TimerPanel) -> None:
    panel.minutes.setValue(0)
    panel.seconds.setValue(0)
    panel.start_button.click()
    assert not panel.timer.state().running
