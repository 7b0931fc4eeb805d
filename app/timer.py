"""The countdown on the shared screen ("ten minutes for ideas"), without threads: the UI polls it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from app.errors import InvalidInput
from app.i18n import _

#: Longer than any workshop day; more is a typing slip.
MAX_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class TimerState:
    """What the screen shows: the set length, the time left, and whether it runs or has run out.

    ``remaining_seconds`` may exceed ``total_seconds`` after time was added.
    """

    total_seconds: int
    remaining_seconds: float
    running: bool
    finished: bool


class CountdownTimer:
    """A countdown read from a monotonic clock, so that a late or missed poll never drifts it."""

    def __init__(
        self, minutes: int = 5, seconds: int = 0, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._clock = clock
        self._total = 0
        self._left = 0.0  # the time left when the countdown was last started or paused
        self._started_at: float | None = None  # the clock's reading at start; None when stopped
        self._finished = False
        self.set(minutes, seconds)

    def set(self, minutes: int, seconds: int) -> None:
        """A new length; the timer stops and starts over from it."""
        if minutes < 0 or seconds < 0:
            raise InvalidInput(_("Minutes and seconds cannot be negative."), "time")
        total = minutes * 60 + seconds
        if total <= 0:
            raise InvalidInput(_("Set a time longer than zero."), "time")
        if total > MAX_SECONDS:
            raise InvalidInput(_("A timer can run for at most 24 hours."), "time")
        self._total = total
        self.reset()

    def start(self) -> None:
        """Run on; a timer that has run out starts over from its set length."""
        if self.finished:
            self.reset()
        if self._started_at is None:
            self._started_at = self._clock()

    def pause(self) -> None:
        """Stand still; ``start`` goes on from here."""
        left = self._left_now()
        if self._started_at is not None:
            self._left = left
            self._started_at = None

    def add(self, seconds: int = 60) -> None:
        """More time, running or paused; after the end it counts down again from the added time."""
        if seconds <= 0:
            raise InvalidInput(_("Add at least one second."), "time")
        if self.remaining + seconds > MAX_SECONDS:
            raise InvalidInput(_("A timer can run for at most 24 hours."), "time")
        if self._finished:
            self._finished = False
            self._left = float(seconds)
            self._started_at = self._clock()
            return
        self._left += seconds

    def reset(self) -> None:
        """Back to the set length, stopped."""
        self._left = float(self._total)
        self._started_at = None
        self._finished = False

    @property
    def total(self) -> int:
        """The set length in seconds (what ``reset`` goes back to)."""
        return self._total

    @property
    def remaining(self) -> float:
        """Seconds left, never negative; may exceed ``total`` after time was added."""
        return self._left_now()

    @property
    def running(self) -> bool:
        self._left_now()
        return self._started_at is not None

    @property
    def finished(self) -> bool:
        """True once the time ran out while running (the timer then stands still at zero)."""
        self._left_now()
        return self._finished

    def state(self) -> TimerState:
        remaining = self._left_now()  # one reading of the clock for the whole picture
        return TimerState(
            total_seconds=self._total,
            remaining_seconds=remaining,
            running=self._started_at is not None,
            finished=self._finished,
        )

    def _left_now(self) -> float:
        """The time left by the clock; notices that it ran out since the last look."""
        if self._started_at is None:
            return self._left
        left = self._left - max(0.0, self._clock() - self._started_at)
        if left > 0:
            return left
        self._started_at = None
        self._left = 0.0
        self._finished = True
        return 0.0
