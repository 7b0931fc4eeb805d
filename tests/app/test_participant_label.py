"""How a participant is named: for the facilitator, and in public (the shared screen, the protocol)."""

from __future__ import annotations

import pytest

from app.i18n import set_language
from app.participants import add_participant, participant_label
from app.snapshots import ParticipantSnapshot, WorkshopSnapshot
from models.database import Database


def person(
    db: Database, workshop: WorkshopSnapshot, name: str = "", organisation: str = "", consent: bool = False
) -> ParticipantSnapshot:
    return add_participant(
        db,
        workshop.id,
        role="employee",
        display_name=name,
        organisation=organisation,
        consent_to_be_named=consent,
    )


@pytest.mark.parametrize(
    ("name", "organisation", "consent", "facilitator", "public"),
    [
        (
            "Amira Hassan",
            "Hemtjänsten Norra",
            True,
            "Amira Hassan · Medarbetare, Hemtjänsten Norra",
            "Amira Hassan",
        ),
        (
            "Jonas Berg",
            "Hemtjänsten Söder",
            False,
            "Jonas Berg · Medarbetare, Hemtjänsten Söder",
            "Medarbetare, Hemtjänsten Söder",
        ),
        ("Jonas Berg", "", False, "Jonas Berg · Medarbetare", "Medarbetare"),
        ("", "Hemtjänsten Norra", False, "Medarbetare, Hemtjänsten Norra", "Medarbetare, Hemtjänsten Norra"),
        ("", "Hemtjänsten Norra", True, "Medarbetare, Hemtjänsten Norra", "Medarbetare, Hemtjänsten Norra"),
        ("", "", False, "Medarbetare", "Medarbetare"),
    ],
)
def test_labels(
    db: Database,
    workshop: WorkshopSnapshot,
    name: str,
    organisation: str,
    consent: bool,
    facilitator: str,
    public: str,
) -> None:
    participant = person(db, workshop, name, organisation, consent)

    assert participant_label(participant, public=False) == facilitator
    assert participant_label(participant, public=True) == public


def test_a_name_without_consent_never_shows_in_public(db: Database, workshop: WorkshopSnapshot) -> None:
    participant = person(db, workshop, "Gunnar Åkesson", "PRO Sjövik", consent=False)

    assert "Gunnar" not in participant_label(participant, public=True)
    assert "Gunnar" in participant_label(participant, public=False)


@pytest.mark.parametrize(
    ("role", "in_swedish", "in_english"),
    [
        ("citizen", "Medborgare", "Citizen"),
        ("user", "Brukare", "Service user"),
        ("civil_society", "Civilsamhälle", "Civil society"),
        ("leader", "Chef", "Leader"),
    ],
)
def test_the_role_is_in_the_language_of_the_screen(
    db: Database, workshop: WorkshopSnapshot, role: str, in_swedish: str, in_english: str
) -> None:
    participant = add_participant(db, workshop.id, role=role, organisation="Sjövik")

    assert participant_label(participant, public=True) == f"{in_swedish}, Sjövik"
    set_language("en")
    assert participant_label(participant, public=True) == f"{in_english}, Sjövik"
