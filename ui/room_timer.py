"""The room's countdown: one per session, controlled from any phase, shown on the shared screen."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from app.i18n import _
from app.timer import CountdownTimer, TimerState
from ui import typography

TICK_MS = 100


def clock_text(seconds: float) -> str:
    """mm:ss, rounding up so that 0:00 shows only when the time is really out."""
    whole = int(-(-seconds // 1))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def is_paused(state: TimerState) -> bool:
    """Stopped part-way: a minute added makes the time left longer than the length set."""
    return (
        not state.running and not state.finished and state.remaining_seconds not in (0, state.total_seconds)
    )


class RoomTimer(QObject):
    """A CountdownTimer ticking on the GUI thread; the clock can be injected for tests.

    Signals:
        changed(object): the TimerState, at every tick while running and after each action.
        finished(): the time ran out.
    """

    changed = Signal(object)
    finished = Signal()

    def __init__(self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.countdown = CountdownTimer(clock=clock)
        self._was_finished = False
        self.ticker = QTimer(self, interval=TICK_MS)
        self.ticker.timeout.connect(self.tick)

    def state(self) -> TimerState:
        return self.countdown.state()

    def set(self, minutes: int, seconds: int) -> None:
        self.countdown.set(minutes, seconds)
        self._after()

    def start(self) -> None:
        self.countdown.start()
        self._after()

    def pause(self) -> None:
        self.countdown.pause()
        self._after()

    def add_minute(self) -> None:
        self.countdown.add(60)
        self._after()

    def reset(self) -> None:
        self.countdown.reset()
        self._after()

    def tick(self) -> None:
        """Read the clock; the ticker calls this while running, tests may call it directly."""
        self._after()

    def _after(self) -> None:
        state = self.countdown.state()
        if state.running and not self.ticker.isActive():
            self.ticker.start()
        elif not state.running:
            self.ticker.stop()
        if state.finished and not self._was_finished:
            self.finished.emit()
        self._was_finished = state.finished
        self.changed.emit(state)


class TimerPanel(QWidget):
    """Set minutes and seconds, start, pause, add a minute, reset; and show the timer big or not.

    Signals:
        showBigToggled(bool): the facilitator wants the countdown large on the shared screen.
    """

    showBigToggled = Signal(bool)

    def __init__(self, timer: RoomTimer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timer = timer
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60 - 1)
        self.minutes.setValue(5)
        self.minutes.setSuffix(_(" min"))
        self.seconds = QSpinBox()
        self.seconds.setRange(0, 59)
        self.seconds.setSuffix(_(" s"))
        self.display = QLabel(clock_text(0))
        typography.set_type(self.display, typography.PAGE_HEADING, bold=True)
        widest = max(self.display.fontMetrics().horizontalAdvance(t) for t in (_("Time is up"), "00:00:00"))
        self.display.setFixedWidth(widest + 8)
        self.start_button = QPushButton(_("Start"))
        self.start_button.clicked.connect(self._start_or_pause)
        self.add_button = QPushButton(_("+1 min"))
        self.add_button.clicked.connect(timer.add_minute)
        self.reset_button = QPushButton(_("Reset"))
        self.reset_button.clicked.connect(timer.reset)
        self.show_big = QCheckBox(_("Large"))
        self.show_big.setToolTip(_("Show the countdown large on the shared screen"))
        self.show_big.toggled.connect(self.showBigToggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.minutes)
        layout.addWidget(self.seconds)
        layout.addWidget(self.start_button)
        layout.addWidget(self.add_button)
        layout.addWidget(self.reset_button)
        layout.addWidget(self.display)
        layout.addWidget(self.show_big)
        layout.addStretch(1)
        timer.changed.connect(self.show_state)
        self.show_state(timer.state())

    def _start_or_pause(self) -> None:
        state = self.timer.state()
        if state.running:
            self.timer.pause()
            return
        if not is_paused(state):  # a fresh start uses the minutes and seconds entered
            if self._entered() == 0:
                return
            self.timer.set(self.minutes.value(), self.seconds.value())
        self.timer.start()

    def _entered(self) -> int:
        return self.minutes.value() * 60 + self.seconds.value()

    def show_state(self, state: TimerState) -> None:
        paused = is_paused(state)
        self.display.setText(_("Time is up") if state.finished else clock_text(state.remaining_seconds))
        self.start_button.setText(_("Pause") if state.running else (_("Go on") if paused else _("Start")))
        self.add_button.setEnabled(state.total_seconds > 0)
        self.reset_button.setEnabled(state.total_seconds > 0)
