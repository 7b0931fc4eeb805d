"""Participants: several alike in one step, edit, remove and restore, and their order."""

from __future__ import annotations

import pytest

from app.errors import InvalidInput, NotFound
from app.participants import (
    BULK_MAX,
    add_participant,
    add_participants,
    list_participants,
    remove_participant,
    restore_participant,
    update_participant,
)
from app.snapshots import WorkshopSnapshot
from app.workshops import create_workshop, delete_workshop
from models.database import Database


def test_five_citizens_in_one_step(db: Database, workshop: WorkshopSnapshot) -> None:
    added = add_participants(db, workshop.id, 5, role="citizen", origin="external", organisation="Sjövik")

    assert len(added) == 5
    assert len({p.id for p in added}) == 5
    assert [p.position for p in added] == [0, 1, 2, 3, 4]
    assert {(p.role, p.origin, p.organisation, p.display_name) for p in added} == {
        ("citizen", "external", "Sjövik", "")
    }
    assert list_participants(db, workshop.id) == added


def test_a_named_participant(db: Database, workshop: WorkshopSnapshot) -> None:
    anna = add_participant(
        db, workshop.id, display_name="  Amira Hassan ", role="employee", consent_to_be_named=True
    )
    assert (anna.display_name, anna.role, anna.origin, anna.consent_to_be_named) == (
        "Amira Hassan",
        "employee",
        "internal",
        True,
    )
    assert list_participants(db, workshop.id) == [anna]


def test_a_name_for_several_people_is_refused(db: Database, workshop: WorkshopSnapshot) -> None:
    with pytest.raises(InvalidInput) as caught:
        add_participants(db, workshop.id, 3, display_name="Anna")
    assert caught.value.message == "Ett namn kan bara ges till en deltagare i taget."
    assert list_participants(db, workshop.id) == []


@pytest.mark.parametrize("count", [0, -1, BULK_MAX + 1])
def test_a_count_out_of_range_is_refused(db: Database, workshop: WorkshopSnapshot, count: int) -> None:
    with pytest.raises(InvalidInput):
        add_participants(db, workshop.id, count)
    assert list_participants(db, workshop.id) == []


def test_an_unknown_role_is_refused(db: Database, workshop: WorkshopSnapshot) -> None:
    with pytest.raises(InvalidInput) as caught:
        add_participants(db, workshop.id, 2, role="astronaut")
    assert caught.value.message == "Okänd roll: astronaut"
    assert caught.value.field == "role"
    assert list_participants(db, workshop.id) == []


def test_an_unknown_origin_is_refused(db: Database, workshop: WorkshopSnapshot) -> None:
    with pytest.raises(InvalidInput):
        add_participant(db, workshop.id, origin="somewhere")
    assert list_participants(db, workshop.id) == []


def test_participants_of_a_deleted_workshop_cannot_be_added(db: Database, workshop: WorkshopSnapshot) -> None:
    delete_workshop(db, workshop.id)
    with pytest.raises(NotFound):
        add_participants(db, workshop.id, 2)


def test_update_participant(db: Database, workshop: WorkshopSnapshot) -> None:
    person = add_participant(db, workshop.id, role="citizen", origin="external")

    updated = update_participant(
        db,
        person.id,
        display_name="Gunnar Åkesson",
        role="civil_society",
        organisation="PRO Sjövik",
        consent_to_be_named=True,
    )

    assert (updated.display_name, updated.role, updated.organisation, updated.consent_to_be_named) == (
        "Gunnar Åkesson",
        "civil_society",
        "PRO Sjövik",
        True,
    )
    assert (updated.id, updated.position, updated.origin) == (person.id, person.position, "external")
    assert list_participants(db, workshop.id) == [updated]


def test_a_bad_update_changes_nothing(db: Database, workshop: WorkshopSnapshot) -> None:
    person = add_participant(db, workshop.id, role="citizen")

    with pytest.raises(InvalidInput):
        update_participant(db, person.id, display_name="Anna", role="king")

    assert list_participants(db, workshop.id) == [person]


def test_remove_and_restore_keep_the_place_in_the_list(db: Database, workshop: WorkshopSnapshot) -> None:
    people = add_participants(db, workshop.id, 3, role="user", origin="external")

    removed = remove_participant(db, people[1].id)

    assert removed.deleted is True
    assert [p.id for p in list_participants(db, workshop.id)] == [people[0].id, people[2].id]
    with pytest.raises(NotFound):
        update_participant(db, people[1].id, display_name="Anna")

    restored = restore_participant(db, people[1].id)

    assert restored.deleted is False
    assert list_participants(db, workshop.id) == people


def test_list_order_is_the_order_of_adding(db: Database, workshop: WorkshopSnapshot) -> None:
    other = create_workshop(db, "Annan verkstad")
    first = add_participant(db, workshop.id, display_name="Amira", role="employee")
    add_participants(db, other.id, 2)
    citizens = add_participants(db, workshop.id, 2, role="citizen", origin="external")
    removed = add_participant(db, workshop.id, display_name="Jonas")
    remove_participant(db, removed.id)
    last = add_participant(db, workshop.id, display_name="Lena Øverby", role="academia")

    listed = list_participants(db, workshop.id)

    assert [p.id for p in listed] == [first.id, citizens[0].id, citizens[1].id, last.id]
    assert [p.position for p in listed] == sorted(p.position for p in listed)
    assert len(list_participants(db, other.id)) == 2
