"""Shared fixtures for steps 4-10 (review to follow-up): a workshop with a shortlist of three ideas."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.i18n import set_language
from app.ideas import add_idea
from app.participants import list_participants
from app.shortlist import add_to_shortlist
from app.snapshots import WorkshopSnapshot
from ui.hub import Hub

SHORTLISTED = ("Fixa-Fia för hemmaboende", "Trygghetsringning varje morgon", "Digitala fika-träffar")
NOT_SHORTLISTED = "Fler bänkar längs promenadstråket"


@dataclass(frozen=True)
class Shortlisted:
    workshop_id: str
    people: tuple[str, ...]  # Amira Hassan (internal, named), Bo Ek (external), an external citizen
    ideas: tuple[str, ...]  # the shortlisted ideas, in the order of SHORTLISTED
    other: str  # an idea not on the shortlist


@pytest.fixture(autouse=True)
def english(swedish: None) -> None:
    """These tests read the English source strings; the ``swedish`` fixture sets Swedish back after."""
    set_language("en")


@pytest.fixture
def shortlisted(hub: Hub, room: WorkshopSnapshot) -> Shortlisted:
    people = tuple(p.id for p in list_participants(hub.db, room.id))
    ideas = tuple(add_idea(hub.db, room.id, title, giver_ids=(people[0],)).id for title in SHORTLISTED)
    other = add_idea(hub.db, room.id, NOT_SHORTLISTED).id
    for idea_id in ideas:
        add_to_shortlist(hub.db, room.id, idea_id, "Chosen by the group")
    return Shortlisted(room.id, people, ideas, other)
