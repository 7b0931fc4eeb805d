"""The leader's backing of each idea: no idea without a response, and the idea's status follows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from app.backings import add_backing, list_backings, remove_backing, restore_backing, update_backing
from app.decisions import record_decision
from app.errors import InvalidInput, NotFound
from app.ideas import add_idea, list_ideas, remove_idea
from app.review import set_recommendation, start_review
from app.shortlist import add_to_shortlist
from app.snapshots import IdeaSnapshot, WorkshopSnapshot
from models.database import Database
from models.enums import DecisionLevel, DecisionOutcome, IdeaStatus, Recommendation

DAY = date(2026, 3, 12)


@pytest.fixture
def idea(db: Database, workshop: WorkshopSnapshot) -> IdeaSnapshot:
    return add_idea(db, workshop.id, "Fast omsorgskontakt")


def shown(db: Database, idea: IdeaSnapshot) -> tuple[str, int]:
    """The idea's status and number of backings, as the board shows them."""
    [card] = [i for i in list_ideas(db, idea.workshop_id) if i.id == idea.id]
    return card.status, card.backing_count


def test_a_backing_marks_the_idea_backed(db: Database, idea: IdeaSnapshot) -> None:
    backing = add_backing(db, idea.id, "  Tack! Precis vad brukarna bett om. ", given_by=" Eva Sjöberg ")

    assert (backing.idea_id, backing.text, backing.given_by) == (
        idea.id,
        "Tack! Precis vad brukarna bett om.",
        "Eva Sjöberg",
    )
    assert shown(db, idea) == ("backed", 1)

    add_backing(db, idea.id, "Fint!")
    assert shown(db, idea) == ("backed", 2)


@pytest.mark.parametrize("text", ["", "   \n\t"])
def test_an_empty_backing_is_refused(db: Database, idea: IdeaSnapshot, text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        add_backing(db, idea.id, text)

    assert caught.value.message == "Skriv först några ord som uppbackning."
    assert caught.value.field == "text"
    assert list_ideas(db, idea.workshop_id) == [idea]


def test_a_removed_idea_cannot_be_backed(db: Database, idea: IdeaSnapshot) -> None:
    remove_idea(db, idea.id)
    with pytest.raises(NotFound):
        add_backing(db, idea.id, "Tack!")


def test_backings_are_listed_oldest_first(
    db: Database, workshop: WorkshopSnapshot, idea: IdeaSnapshot
) -> None:
    other = add_idea(db, workshop.id, "Fikavänner")
    first = add_backing(db, idea.id, "Tack!", given_by="Eva Sjöberg")
    add_backing(db, other.id, "Fint!")
    second = add_backing(db, idea.id, "Bra tänkt.")

    assert list_backings(db, idea.id) == [first, second]
    assert first.created_at <= second.created_at
    assert [b.text for b in list_backings(db, other.id)] == ["Fint!"]
    assert list_backings(db, "no-such-idea") == []


def test_a_backing_can_be_reworded(db: Database, idea: IdeaSnapshot) -> None:
    backing = add_backing(db, idea.id, "Tack", given_by="Eva")

    reworded = update_backing(db, backing.id, "  Tack – precis det brukarna bett om. ")
    assert (reworded.id, reworded.text, reworded.given_by) == (
        backing.id,
        "Tack – precis det brukarna bett om.",
        "Eva",
    )
    signed = update_backing(db, backing.id, reworded.text, given_by=" Eva Sjöberg, enhetschef ")
    assert signed.given_by == "Eva Sjöberg, enhetschef"
    assert list_backings(db, idea.id) == [signed]
    assert shown(db, idea) == ("backed", 1)


def test_rewording_to_nothing_is_refused(db: Database, idea: IdeaSnapshot) -> None:
    backing = add_backing(db, idea.id, "Tack!")

    with pytest.raises(InvalidInput) as caught:
        update_backing(db, backing.id, "  ")

    assert caught.value.message == "Skriv först några ord som uppbackning."
    assert list_backings(db, idea.id) == [backing]


def test_the_idea_is_proposed_again_when_its_last_backing_goes(db: Database, idea: IdeaSnapshot) -> None:
    first = add_backing(db, idea.id, "Tack!")
    second = add_backing(db, idea.id, "Fint!")

    remove_backing(db, first.id)
    assert shown(db, idea) == ("backed", 1)
    assert list_backings(db, idea.id) == [second]

    remove_backing(db, second.id)
    assert shown(db, idea) == ("proposed", 0)
    assert list_backings(db, idea.id) == []

    assert restore_backing(db, second.id) == second
    assert shown(db, idea) == ("backed", 1)
    restore_backing(db, first.id)
    assert list_backings(db, idea.id) == [first, second]
    assert shown(db, idea) == ("backed", 2)


def test_a_removed_backing_cannot_be_changed_or_removed_again(db: Database, idea: IdeaSnapshot) -> None:
    backing = add_backing(db, idea.id, "Tack!")
    remove_backing(db, backing.id)

    with pytest.raises(NotFound):
        remove_backing(db, backing.id)
    with pytest.raises(NotFound):
        update_backing(db, backing.id, "Ändrat")
    with pytest.raises(NotFound):
        restore_backing(db, "no-such-backing")
    assert shown(db, idea) == ("proposed", 0)


def _shortlisted(db: Database, idea: IdeaSnapshot) -> None:
    add_to_shortlist(db, idea.workshop_id, idea.id, "Ledningen vill pröva den.")


def _decided(db: Database, idea: IdeaSnapshot) -> None:
    record_decision(db, idea.workshop_id, idea.id, DecisionOutcome.NO, DecisionLevel.EXECUTIVE_BOARD, DAY)


def _parked(db: Database, idea: IdeaSnapshot) -> None:
    _shortlisted(db, idea)
    review = start_review(db, idea.id)
    set_recommendation(db, review.id, Recommendation.PARK, "Inte nu.")


@pytest.mark.parametrize(
    ("status", "reach"),
    [(IdeaStatus.SHORTLISTED, _shortlisted), (IdeaStatus.DECIDED, _decided), (IdeaStatus.PARKED, _parked)],
)
def test_a_later_status_is_left_alone(
    db: Database, idea: IdeaSnapshot, status: IdeaStatus, reach: Callable[[Database, IdeaSnapshot], None]
) -> None:
    backing = add_backing(db, idea.id, "Tack!")
    reach(db, idea)
    assert shown(db, idea) == (status, 1)

    remove_backing(db, backing.id)
    assert shown(db, idea) == (status, 0)
    restore_backing(db, backing.id)
    add_backing(db, idea.id, "Fint!")
    assert shown(db, idea) == (status, 2)
