"""Moving a workshop along its agenda: advance, go back, go to, skip, and undo."""

from __future__ import annotations

import contextlib

import pytest

from app.agenda import advance, agenda_states, go_back, go_to_phase, restore_agenda, set_skipped
from app.errors import InvalidInput, NotFound
from app.snapshots import WorkshopSnapshot
from app.workshops import create_workshop, delete_workshop, get_workshop
from models.database import Database
from models.enums import PhaseState

P, A, D, S = PhaseState.PENDING, PhaseState.ACTIVE, PhaseState.DONE, PhaseState.SKIPPED


def states(workshop: WorkshopSnapshot) -> list[PhaseState]:
    return [p.state for p in workshop.phases]


def stored_states(db: Database, workshop_id: str) -> list[PhaseState]:
    return states(get_workshop(db, workshop_id))


@pytest.fixture
def retro(db: Database) -> WorkshopSnapshot:
    """A workshop with a short agenda (the retrospective template)."""
    workshop = create_workshop(db, "Tillbakablick på hösten", "retrospective")
    assert len(workshop.phases) >= 4
    return workshop


def test_advance_makes_the_next_phase_current(db: Database, retro: WorkshopSnapshot) -> None:
    moved = advance(db, retro.id)

    rest = [P] * (len(retro.phases) - 2)
    assert states(moved) == [D, A, *rest]
    assert stored_states(db, retro.id) == [D, A, *rest]
    assert moved.current_phase == moved.phases[1]

    assert states(advance(db, retro.id)) == [D, D, A, *rest[1:]]


def test_go_back_returns_to_the_previous_phase(db: Database, retro: WorkshopSnapshot) -> None:
    advance(db, retro.id)
    advance(db, retro.id)

    moved = go_back(db, retro.id)

    assert states(moved) == [D, A] + [P] * (len(retro.phases) - 2)
    assert stored_states(db, retro.id) == states(moved)


def test_go_back_from_the_first_phase_is_refused(db: Database, retro: WorkshopSnapshot) -> None:
    with pytest.raises(InvalidInput) as caught:
        go_back(db, retro.id)
    assert caught.value.message == "Det finns ingen tidigare fas att gå tillbaka till."
    assert stored_states(db, retro.id) == states(retro)


def test_go_to_phase_forward_and_back(db: Database) -> None:
    workshop = create_workshop(db, "Trygg hemma", "ten-step")
    n = len(workshop.phases)

    moved = go_to_phase(db, workshop.id, workshop.phases[5].id)
    assert states(moved) == [D] * 5 + [A] + [P] * (n - 6)
    assert moved.current_phase is not None
    assert moved.current_phase.title == "Kritisk genomlysning"

    moved = go_to_phase(db, workshop.id, workshop.phases[2].id)
    assert states(moved) == [D, D, A] + [P] * (n - 3)
    assert stored_states(db, workshop.id) == states(moved)


def test_skipping_a_later_phase_is_passed_over(db: Database, retro: WorkshopSnapshot) -> None:
    second = retro.phases[1]
    rest = [P] * (len(retro.phases) - 3)

    assert states(set_skipped(db, retro.id, second.id, True)) == [A, S, P, *rest]
    assert states(advance(db, retro.id)) == [D, S, A, *rest]
    assert states(go_back(db, retro.id)) == [A, S, P, *rest]


def test_skipping_the_current_phase_moves_on(db: Database, retro: WorkshopSnapshot) -> None:
    advance(db, retro.id)

    moved = set_skipped(db, retro.id, retro.phases[1].id, True)

    assert states(moved) == [D, S, A] + [P] * (len(retro.phases) - 3)
    assert moved.current_phase is not None
    assert moved.current_phase.id == retro.phases[2].id
    assert stored_states(db, retro.id) == states(moved)


def test_unskipping_a_phase_puts_it_where_the_agenda_is(db: Database, retro: WorkshopSnapshot) -> None:
    first, second, third = retro.phases[:3]
    rest = [P] * (len(retro.phases) - 3)
    set_skipped(db, retro.id, third.id, True)
    set_skipped(db, retro.id, first.id, True)  # the current one: moves on to the second
    assert stored_states(db, retro.id) == [S, A, S, *rest]

    # An earlier phase taken back counts as done, a later one waits.
    assert states(set_skipped(db, retro.id, first.id, False)) == [D, A, S, *rest]
    assert states(set_skipped(db, retro.id, third.id, False)) == [D, A, P, *rest]
    # Taking back a phase that is not skipped changes nothing.
    assert states(set_skipped(db, retro.id, second.id, False)) == [D, A, P, *rest]


def test_advancing_past_the_last_phase_finishes_the_agenda(db: Database, retro: WorkshopSnapshot) -> None:
    go_to_phase(db, retro.id, retro.phases[-1].id)

    finished = advance(db, retro.id)

    assert states(finished) == [D] * len(retro.phases)
    assert finished.current_phase is None
    assert get_workshop(db, retro.id).current_phase is None

    back = go_back(db, retro.id)
    assert states(back) == [D] * (len(retro.phases) - 1) + [A]


def test_advancing_a_finished_agenda_does_not_start_it_over(db: Database, retro: WorkshopSnapshot) -> None:
    go_to_phase(db, retro.id, retro.phases[-1].id)
    advance(db, retro.id)

    with contextlib.suppress(InvalidInput):
        advance(db, retro.id)

    assert stored_states(db, retro.id) == [D] * len(retro.phases)


def test_advancing_from_the_last_phase_when_the_rest_are_skipped(
    db: Database, retro: WorkshopSnapshot
) -> None:
    for phase in retro.phases[2:]:
        set_skipped(db, retro.id, phase.id, True)
    advance(db, retro.id)

    finished = advance(db, retro.id)

    assert states(finished) == [D, D] + [S] * (len(retro.phases) - 2)
    assert finished.current_phase is None


def test_restore_agenda_puts_every_state_back_exactly(db: Database) -> None:
    workshop = create_workshop(db, "Trygg hemma", "ten-step")
    go_to_phase(db, workshop.id, workshop.phases[4].id)
    set_skipped(db, workshop.id, workshop.phases[2].id, True)
    set_skipped(db, workshop.id, workshop.phases[7].id, True)
    before = agenda_states(db, workshop.id)
    shown_before = stored_states(db, workshop.id)

    advance(db, workshop.id)
    set_skipped(db, workshop.id, workshop.phases[2].id, False)
    go_to_phase(db, workshop.id, workshop.phases[9].id)
    assert stored_states(db, workshop.id) != shown_before

    restored = restore_agenda(db, workshop.id, before)

    assert agenda_states(db, workshop.id) == before
    assert states(restored) == shown_before == [D, D, S, D, A, P, P, S, P, P, P, P]


def test_a_phase_of_another_workshop_is_refused(db: Database, retro: WorkshopSnapshot) -> None:
    other = create_workshop(db, "Annan verkstad", "ten-step")
    foreign = other.phases[3].id

    with pytest.raises(InvalidInput) as caught:
        go_to_phase(db, retro.id, foreign)
    assert caught.value.message == "Den fasen finns inte i den här idéverkstadens agenda."
    with pytest.raises(InvalidInput):
        set_skipped(db, retro.id, foreign, True)

    # Recorded states of another workshop do not touch this one.
    restore_agenda(db, retro.id, {foreign: PhaseState.ACTIVE})

    assert stored_states(db, retro.id) == states(retro)
    assert stored_states(db, other.id) == states(other)


def test_moves_on_a_deleted_workshop_are_refused(db: Database, retro: WorkshopSnapshot) -> None:
    delete_workshop(db, retro.id)
    with pytest.raises(NotFound):
        advance(db, retro.id)
    with pytest.raises(NotFound):
        go_to_phase(db, retro.id, retro.phases[1].id)
