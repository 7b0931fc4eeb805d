"""Participant services: add one or several, edit, remove and restore; how each is named."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.errors import InvalidInput
from app.i18n import _
from app.records import fetch, next_position, participant_snapshot
from app.snapshots import ParticipantSnapshot
from app.text import clean_line
from app.vocabulary import ROLES, label
from models.base import utcnow
from models.database import Database
from models.enums import ActorCategory, Origin
from models.workshop import Participant, Workshop

#: "5 citizens" in one step; more than this is almost certainly a typing slip.
BULK_MAX = 500


def _clean(changes: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in changes.items():
        if name in ("display_name", "organisation"):
            cleaned[name] = clean_line(value, name)
        elif name == "role":
            if value not in ActorCategory.__members__.values():
                raise InvalidInput(_("Unknown role: {value}").format(value=value), name)
            cleaned[name] = str(value)
        elif name == "origin":
            if value not in Origin.__members__.values():
                raise InvalidInput(_("Choose internal or external."), name)
            cleaned[name] = str(value)
        elif name == "consent_to_be_named":
            cleaned[name] = bool(value)
        else:
            raise TypeError(f"not a participant detail: {name}")
    return cleaned


def add_participants(
    db: Database,
    workshop_id: str,
    count: int = 1,
    *,
    role: str = ActorCategory.EMPLOYEE,
    display_name: str = "",
    organisation: str = "",
    origin: str = Origin.INTERNAL,
    consent_to_be_named: bool = False,
) -> list[ParticipantSnapshot]:
    """Add ``count`` participants alike (``"5 citizens"``); a name makes sense only for one."""
    if not 1 <= count <= BULK_MAX:
        raise InvalidInput(_("Add between 1 and {max} participants at a time.").format(max=BULK_MAX), "count")
    details = _clean(
        {
            "role": role,
            "display_name": display_name,
            "organisation": organisation,
            "origin": origin,
            "consent_to_be_named": consent_to_be_named,
        }
    )
    if count > 1 and details["display_name"]:
        raise InvalidInput(_("A name can only be given to one participant at a time."), "display_name")
    with db.transaction() as session:
        fetch(session, Workshop, workshop_id)
        start = next_position(session, Participant.position, Participant.workshop_id, workshop_id)
        people = [Participant(workshop_id=workshop_id, position=start + i, **details) for i in range(count)]
        session.add_all(people)
        session.flush()
        return [participant_snapshot(p) for p in people]


def add_participant(db: Database, workshop_id: str, **details: Any) -> ParticipantSnapshot:
    return add_participants(db, workshop_id, 1, **details)[0]


def update_participant(db: Database, participant_id: str, **changes: Any) -> ParticipantSnapshot:
    cleaned = _clean(changes)
    with db.transaction() as session:
        person = fetch(session, Participant, participant_id)
        for name, value in cleaned.items():
            setattr(person, name, value)
        session.flush()
        return participant_snapshot(person)


def remove_participant(db: Database, participant_id: str) -> ParticipantSnapshot:
    """Soft delete: the person's ideas keep them as giver, so undo is exact."""
    with db.transaction() as session:
        person = fetch(session, Participant, participant_id)
        person.deleted_at = utcnow()
        return participant_snapshot(person)


def restore_participant(db: Database, participant_id: str) -> ParticipantSnapshot:
    with db.transaction() as session:
        person = fetch(session, Participant, participant_id, allow_deleted=True)
        person.deleted_at = None
        return participant_snapshot(person)


def list_participants(db: Database, workshop_id: str) -> list[ParticipantSnapshot]:
    with db.transaction() as session:
        rows = session.scalars(
            select(Participant)
            .where(Participant.workshop_id == workshop_id, Participant.deleted_at.is_(None))
            .order_by(Participant.position)
        )
        return [participant_snapshot(p) for p in rows]


def participant_label(p: ParticipantSnapshot, *, public: bool) -> str:
    """How a participant is named: in public (the shared screen, the protocol) by name only with consent.

    For the facilitator: "Amira Hassan · Employee, Home care North". In public: the name alone when
    the person agreed to be named, else "Employee, Home care North"; the role alone without either.
    """
    name = p.display_name.strip()
    if public and name and p.consent_to_be_named:
        return name
    role = label(ROLES, p.role)
    organisation = p.organisation.strip()
    details = (
        _("{role}, {organisation}").format(role=role, organisation=organisation) if organisation else role
    )
    if public or not name:
        return details
    return _("{name} · {details}").format(name=name, details=details)
