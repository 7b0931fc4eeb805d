"""Moving a workshop along its agenda: advance, go back, go to, skip, and undo of each."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.errors import InvalidInput
from app.i18n import _
from app.records import fetch, workshop_snapshot
from app.snapshots import WorkshopSnapshot
from models.database import Database
from models.enums import PhaseState
from models.workshop import Phase, Workshop

#: A picture of every phase's state, kept by an undo command to put the agenda back exactly.
AgendaStates = dict[str, PhaseState]


def _phases(session: Session, workshop_id: str) -> list[Phase]:
    return list(fetch(session, Workshop, workshop_id).phases)


def _current_index(phases: list[Phase]) -> int | None:
    return next((i for i, p in enumerate(phases) if p.state == PhaseState.ACTIVE), None)


def _activate(phases: list[Phase], target: int) -> None:
    """Make ``target`` the current phase: earlier phases count as done, later ones wait."""
    for i, phase in enumerate(phases):
        if phase.state == PhaseState.SKIPPED and i != target:
            continue
        if i < target:
            phase.state = PhaseState.DONE
        elif i == target:
            phase.state = PhaseState.ACTIVE
        elif phase.state in (PhaseState.ACTIVE, PhaseState.DONE):
            phase.state = PhaseState.PENDING


def agenda_states(db: Database, workshop_id: str) -> AgendaStates:
    with db.transaction() as session:
        return {p.id: PhaseState(p.state) for p in _phases(session, workshop_id)}


def go_to_phase(db: Database, workshop_id: str, phase_id: str) -> WorkshopSnapshot:
    with db.transaction() as session:
        phases = _phases(session, workshop_id)
        index = next((i for i, p in enumerate(phases) if p.id == phase_id), None)
        if index is None:
            raise InvalidInput(_("That phase is not on this workshop's agenda."))
        _activate(phases, index)
        return workshop_snapshot(phases[0].workshop)


def _step(db: Database, workshop_id: str, direction: int) -> WorkshopSnapshot:
    with db.transaction() as session:
        phases = _phases(session, workshop_id)
        current = _current_index(phases)
        if current is None and direction > 0 and any(p.state == PhaseState.DONE for p in phases):
            raise InvalidInput(_("The agenda is done. Choose a phase in the agenda to work in it again."))
        start = (-1 if direction > 0 else len(phases)) if current is None else current
        candidates = range(start + direction, len(phases) if direction > 0 else -1, direction)
        target = next((i for i in candidates if phases[i].state != PhaseState.SKIPPED), None)
        if target is None:
            if direction > 0 and current is not None:
                phases[current].state = PhaseState.DONE  # past the last phase: the agenda is done
                return workshop_snapshot(phases[0].workshop)
            raise InvalidInput(_("There is no earlier phase to go back to."))
        _activate(phases, target)
        return workshop_snapshot(phases[0].workshop)


def advance(db: Database, workshop_id: str) -> WorkshopSnapshot:
    """On to the next phase that is not skipped; after the last, the agenda is done."""
    return _step(db, workshop_id, +1)


def go_back(db: Database, workshop_id: str) -> WorkshopSnapshot:
    return _step(db, workshop_id, -1)


def set_skipped(db: Database, workshop_id: str, phase_id: str, skipped: bool) -> WorkshopSnapshot:
    """Skip a phase (or take it back). Skipping the current phase moves on to the next."""
    with db.transaction() as session:
        phases = _phases(session, workshop_id)
        phase = next((p for p in phases if p.id == phase_id), None)
        if phase is None:
            raise InvalidInput(_("That phase is not on this workshop's agenda."))
        was_current = phase.state == PhaseState.ACTIVE
        if skipped:
            phase.state = PhaseState.SKIPPED
            if was_current:
                later = [
                    i for i, p in enumerate(phases) if i > phase.position and p.state != PhaseState.SKIPPED
                ]
                if later:
                    _activate(phases, later[0])
        elif phase.state == PhaseState.SKIPPED:
            current = _current_index(phases)
            phase.state = (
                PhaseState.DONE if current is not None and phase.position < current else PhaseState.PENDING
            )
        return workshop_snapshot(phases[0].workshop)


def restore_agenda(db: Database, workshop_id: str, states: AgendaStates) -> WorkshopSnapshot:
    """Put every phase back into a state recorded earlier (the undo of any agenda move)."""
    with db.transaction() as session:
        phases = _phases(session, workshop_id)
        for phase in phases:
            if phase.id in states:
                phase.state = states[phase.id]
        return workshop_snapshot(phases[0].workshop)
