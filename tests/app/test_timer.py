"""The room's countdown, on a clock the test moves by hand."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import InvalidInput
from app.i18n import set_language
from app.timer import MAX_SECONDS, CountdownTimer, TimerState


class FakeClock:
    """A monotonic clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def english() -> None:
    """Messages in the source language (the Swedish ones come with the catalogue)."""
    set_language("en")


@pytest.fixture
def timer(clock: FakeClock) -> CountdownTimer:
    return CountdownTimer(10, 0, clock=clock)


def test_a_new_timer_waits_at_its_full_length(timer: CountdownTimer, clock: FakeClock) -> None:
    clock.advance(30)

    assert timer.state() == TimerState(
        total_seconds=600, remaining_seconds=600.0, running=False, finished=False
    )
    assert (timer.total, timer.remaining, timer.running, timer.finished) == (600, 600.0, False, False)


def test_it_counts_down_by_the_clock(timer: CountdownTimer, clock: FakeClock) -> None:
    timer.start()
    clock.advance(90.5)

    assert timer.remaining == pytest.approx(509.5)
    assert timer.running
    assert not timer.finished


def test_starting_twice_does_not_restart(timer: CountdownTimer, clock: FakeClock) -> None:
    timer.start()
    clock.advance(60)
    timer.start()
    clock.advance(60)

    assert timer.remaining == pytest.approx(480)


def test_pause_freezes_the_time_left(timer: CountdownTimer, clock: FakeClock) -> None:
    timer.start()
    clock.advance(100)
    timer.pause()
    clock.advance(1000)

    assert timer.state() == TimerState(600, 500.0, running=False, finished=False)

    timer.start()
    clock.advance(50)
    assert timer.remaining == pytest.approx(450)
    timer.pause()
    timer.pause()
    assert timer.remaining == pytest.approx(450)


def test_a_minute_more_while_running_or_paused(timer: CountdownTimer, clock: FakeClock) -> None:
    timer.start()
    clock.advance(590)
    timer.add()
    assert timer.remaining == pytest.approx(70)

    timer.pause()
    timer.add(30)
    assert timer.state() == TimerState(600, 100.0, running=False, finished=False)

    timer.start()
    clock.advance(100)
    assert timer.finished


def test_more_time_than_the_set_length_is_allowed(timer: CountdownTimer) -> None:
    timer.add(120)
    assert (timer.total, timer.remaining) == (600, 720.0)


def test_it_finishes_at_zero_and_stands_still(timer: CountdownTimer, clock: FakeClock) -> None:
    timer.start()
    clock.advance(599.9)
    assert not timer.finished
    clock.advance(0.1)

    assert timer.state() == TimerState(600, 0.0, running=False, finished=True)
    clock.advance(3600)
    assert timer.state() == TimerState(600, 0.0, running=False, finished=True)


def test_a_late_look_never_shows_less_than_zero(timer: CountdownTimer, clock: FakeClock) -> None:
    timer.start()
    clock.advance(5000)

    assert timer.remaining == 0.0
    assert timer.finished


def test_a_minute_more_after_the_end_counts_down_again(timer: CountdownTimer, clock: FakeClock) -> None:
    timer.start()
    clock.advance(700)
    assert timer.finished

    timer.add()

    assert timer.state() == TimerState(600, 60.0, running=True, finished=False)
    clock.advance(45)
    assert timer.remaining == pytest.approx(15)
    clock.advance(15)
    assert timer.finished


def test_starting_after_the_end_starts_over(timer: CountdownTimer, clock: FakeClock) -> None:
    timer.start()
    clock.advance(600)
    assert timer.finished

    timer.start()

    assert timer.state() == TimerState(600, 600.0, running=True, finished=False)


def test_reset_goes_back_to_the_set_length(timer: CountdownTimer, clock: FakeClock) -> None:
    timer.start()
    clock.advance(200)
    timer.add(300)

    timer.reset()

    assert timer.state() == TimerState(600, 600.0, running=False, finished=False)
    clock.advance(100)
    assert timer.remaining == 600.0


def test_set_stops_and_starts_over(timer: CountdownTimer, clock: FakeClock) -> None:
    timer.start()
    clock.advance(200)

    timer.set(2, 30)

    assert timer.state() == TimerState(150, 150.0, running=False, finished=False)


@pytest.mark.parametrize(
    ("minutes", "seconds", "message"),
    [
        (0, 0, "Set a time longer than zero."),
        (-1, 90, "Minutes and seconds cannot be negative."),
        (1, -1, "Minutes and seconds cannot be negative."),
        (24 * 60, 1, "A timer can run for at most 24 hours."),
    ],
)
def test_set_refuses_impossible_lengths(
    timer: CountdownTimer, minutes: int, seconds: int, message: str, english: None
) -> None:
    with pytest.raises(InvalidInput) as caught:
        timer.set(minutes, seconds)

    assert caught.value.message == message
    assert timer.state() == TimerState(600, 600.0, running=False, finished=False)


def test_the_limits_themselves_are_allowed(timer: CountdownTimer) -> None:
    timer.set(24 * 60, 0)
    assert timer.total == MAX_SECONDS
    timer.set(0, 1)
    assert timer.total == 1
    timer.set(0, 125)  # seconds over 59 are fine: 2 min 5 s
    assert timer.total == 125


def test_add_refuses_nothing_and_more_than_a_day(timer: CountdownTimer, english: None) -> None:
    with pytest.raises(InvalidInput) as nothing:
        timer.add(0)
    with pytest.raises(InvalidInput) as too_much:
        timer.add(MAX_SECONDS)

    assert nothing.value.message == "Add at least one second."
    assert too_much.value.message == "A timer can run for at most 24 hours."
    assert timer.remaining == 600.0


def test_the_real_clock_is_the_default() -> None:
    timer = CountdownTimer(1, 0)
    timer.start()
    assert 59 < timer.remaining <= 60
    assert timer.running


operations = st.lists(
    st.one_of(
        st.tuples(st.just("advance"), st.floats(min_value=0, max_value=400, allow_nan=False)),
        st.tuples(st.just("start"), st.just(0)),
        st.tuples(st.just("pause"), st.just(0)),
        st.tuples(st.just("add"), st.integers(min_value=1, max_value=300)),
        st.tuples(st.just("reset"), st.just(0)),
    ),
    max_size=40,
)


@settings(deadline=None, max_examples=50)
@given(total=st.integers(min_value=1, max_value=900), steps=operations)
def test_any_sequence_of_actions_keeps_the_timer_sane(total: int, steps: list[tuple[str, float]]) -> None:
    clock = FakeClock()
    timer = CountdownTimer(0, total, clock=clock)
    added = 0
    for action, amount in steps:
        before = timer.state()
        if action == "advance":
            clock.advance(amount)
        elif action == "add":
            timer.add(int(amount))
            added += int(amount)
        else:
            getattr(timer, action)()
        state = timer.state()
        assert state.total_seconds == total
        assert 0 <= state.remaining_seconds <= total + added
        if state.finished:
            assert state.remaining_seconds == 0
            assert not state.running
        if action == "advance" and before.running and not state.finished:
            assert state.remaining_seconds == pytest.approx(before.remaining_seconds - amount)
        if action == "advance" and not before.running:
            assert state == before
        if action == "pause":
            assert not state.running
