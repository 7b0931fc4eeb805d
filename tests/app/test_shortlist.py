"""The shortlist: made from a revealed vote, changed only with reasons, the ideas' status following it."""

from __future__ import annotations

import pytest

from app.backings import add_backing
from app.errors import InvalidInput, NotFound
from app.ideas import add_idea, get_idea, remove_idea
from app.review import set_recommendation, start_review
from app.shortlist import (
    add_to_shortlist,
    make_shortlist,
    remove_from_shortlist,
    restore_to_shortlist,
    shortlist,
    withdraw_from_shortlist,
)
from app.snapshots import WorkshopSnapshot
from app.voting import cast_ballot, get_round
from app.voting_results import NotRevealed, results, reveal_round, settle_tie, start_runoff
from app.voting_snapshots import Voter
from app.workshops import create_workshop
from models.database import Database
from models.enums import Recommendation
from tests.app import voting_setup
from tests.app.voting_setup import Board, by_index, make_board, opened, revealed

#: Ideas 0..4 by total: 5, 4, 3, 3, 1; ideas 5..7 without dots.
VOTES = ({0: 5, 1: 4}, {2: 3, 3: 3, 4: 1})
REASON = "Processledaren och gruppen enades om ändringen."


# The voting tests' database and language (see tests.app.voting_setup).
english, db = voting_setup.english, voting_setup.db


@pytest.fixture
def board(db: Database, workshop: WorkshopSnapshot) -> Board:
    made = make_board(db, workshop.id)
    add_backing(db, made.ideas[1], "Tack för idén!")
    return made


@pytest.fixture
def round_id(db: Database, board: Board) -> str:
    return revealed(db, board, VOTES).id


def on_list(db: Database, board: Board, *, removed: bool = False) -> list[int]:
    return [board.ideas.index(i.idea_id) for i in shortlist(db, board.workshop_id, removed=removed)]


def status(db: Database, board: Board, n: int) -> str:
    return get_idea(db, board.ideas[n]).status


def refusal(call: object) -> InvalidInput:
    assert callable(call)
    with pytest.raises(InvalidInput) as caught:
        call()
    return caught.value


# -- made from the vote -----------------------------------------------------------------------


def test_the_top_ideas_go_on(db: Database, board: Board, round_id: str) -> None:
    made = make_shortlist(db, round_id, size=2)

    assert made == shortlist(db, board.workshop_id)
    assert [(i.idea_id, i.title, i.position, i.round_id, i.added_reason) for i in made] == [
        (board.ideas[0], "Idé 0", 0, round_id, ""),
        (board.ideas[1], "Idé 1", 1, round_id, ""),
    ]
    assert not any(i.removed for i in made)
    assert get_round(db, round_id).shortlist_size == 2
    assert [status(db, board, n) for n in (0, 1, 2)] == ["shortlisted", "shortlisted", "proposed"]


def test_everything_above_a_line_of_dots_goes_on(db: Database, board: Board, round_id: str) -> None:
    make_shortlist(db, round_id, min_dots=3)

    assert on_list(db, board) == [0, 1, 2, 3]
    assert get_round(db, round_id).shortlist_size == 4


def test_too_high_a_line_leaves_nothing_to_go_on(db: Database, board: Board, round_id: str) -> None:
    refused = refusal(lambda: make_shortlist(db, round_id, min_dots=6))

    assert refused.message == "No idea has enough dots to go on."
    assert shortlist(db, board.workshop_id) == []


@pytest.mark.parametrize("choice", [{}, {"size": 2, "min_dots": 3}])
def test_a_number_or_a_line_is_chosen(db: Database, round_id: str, choice: dict[str, int]) -> None:
    refused = refusal(lambda: make_shortlist(db, round_id, **choice))

    assert refused.message == "Choose how many ideas go on, or the fewest dots an idea needs."


def test_no_shortlist_before_the_reveal(db: Database, board: Board) -> None:
    started = opened(db, board)
    cast_ballot(db, started.id, Voter(number=1), by_index(board, {0: 1}))

    with pytest.raises(NotRevealed):
        make_shortlist(db, started.id, size=1)

    assert shortlist(db, board.workshop_id) == []
    assert status(db, board, 0) == "proposed"


def test_a_tie_at_the_line_is_settled_first(db: Database, board: Board, round_id: str) -> None:
    refused = refusal(lambda: make_shortlist(db, round_id, size=3))
    assert refused.message == "Ideas are tied at the line: start a runoff or settle the tie by hand first."
    assert shortlist(db, board.workshop_id) == []

    settle_tie(db, round_id, 3, (board.ideas[3], board.ideas[2]), "Idé 3 kan prövas redan i höst.")
    make_shortlist(db, round_id, size=3)

    assert on_list(db, board) == [0, 1, 3]


def test_a_runoff_does_not_make_a_shortlist_of_its_own(db: Database, board: Board, round_id: str) -> None:
    runoff = start_runoff(db, round_id, 3)
    for number in (1, 2):
        cast_ballot(db, runoff.id, Voter(number=number), by_index(board, {3: 1}))
    reveal_round(db, runoff.id, few_ballots_ok=True)

    refused = refusal(lambda: make_shortlist(db, runoff.id, size=1))

    assert refused.message == "A runoff only settles a tie: make the shortlist from the round it belongs to."
    assert on_list(db, board) == []
    make_shortlist(db, round_id, size=3)  # the round it settles
    assert on_list(db, board) == [0, 1, 3]


# -- changed with a reason --------------------------------------------------------------------


def test_the_same_shortlist_again_needs_no_reason(db: Database, round_id: str) -> None:
    first = make_shortlist(db, round_id, size=2)

    assert make_shortlist(db, round_id, size=2) == first


def test_a_different_shortlist_replaces_the_first_only_with_a_reason(
    db: Database, board: Board, round_id: str
) -> None:
    first = make_shortlist(db, round_id, size=2)

    for reason in ("", "  "):
        refused = refusal(lambda reason=reason: make_shortlist(db, round_id, min_dots=3, reason=reason))
        assert (refused.field, refused.message) == (
            "reason",
            "Write why the shortlist changes; the vote stays on record as it was.",
        )
    assert shortlist(db, board.workshop_id) == first

    settle_tie(db, round_id, 3, (board.ideas[2], board.ideas[3]), "Idé 2 har redan en ansvarig.")
    second = make_shortlist(db, round_id, size=1, reason=f" {REASON} ")

    assert [i.id for i in second] == [first[0].id]  # the entry that stays is the same entry
    [gone] = [i for i in shortlist(db, board.workshop_id, removed=True) if i.removed]
    assert (gone.id, gone.removed_reason) == (first[1].id, REASON)
    assert gone.removed_at is not None
    assert status(db, board, 1) == "backed"  # back to where it was before the shortlist
    third = make_shortlist(db, round_id, size=3, reason=REASON)
    assert on_list(db, board) == [0, 1, 2]
    assert [i.added_reason for i in third] == ["", REASON, REASON]


def test_an_idea_is_added_against_the_vote_with_a_reason(db: Database, board: Board, round_id: str) -> None:
    make_shortlist(db, round_id, size=2)

    added = add_to_shortlist(db, board.workshop_id, board.ideas[6], f"  {REASON}\n")

    assert (added.idea_id, added.title, added.position, added.round_id) == (board.ideas[6], "Idé 6", 2, None)
    assert added.added_reason == REASON
    assert on_list(db, board) == [0, 1, 6]
    assert status(db, board, 6) == "shortlisted"


def test_adding_needs_a_reason_and_an_idea_not_yet_on_the_list(
    db: Database, board: Board, round_id: str
) -> None:
    make_shortlist(db, round_id, size=2)
    other = create_workshop(db, "Annan verkstad")
    stranger = add_idea(db, other.id, "Främmande idé").id
    remove_idea(db, board.ideas[7])

    messages = [
        refusal(lambda: add_to_shortlist(db, board.workshop_id, board.ideas[5], " ")).message,
        refusal(lambda: add_to_shortlist(db, board.workshop_id, board.ideas[0], REASON)).message,
        refusal(lambda: add_to_shortlist(db, board.workshop_id, stranger, REASON)).message,
    ]

    assert messages == [
        "Write why the shortlist changes; the vote stays on record as it was.",
        "That idea is already on the shortlist.",
        "That idea belongs to another workshop.",
    ]
    with pytest.raises(NotFound):
        add_to_shortlist(db, board.workshop_id, board.ideas[7], REASON)
    assert on_list(db, board) == [0, 1]
    assert shortlist(db, other.id) == []


def test_an_idea_is_taken_off_with_a_reason_and_stays_on_record(
    db: Database, board: Board, round_id: str
) -> None:
    made = make_shortlist(db, round_id, size=2)

    assert refusal(lambda: remove_from_shortlist(db, made[1].id, "")).field == "reason"
    taken = remove_from_shortlist(db, made[1].id, REASON)

    assert (taken.removed, taken.removed_reason) == (True, REASON)
    assert on_list(db, board) == [0]
    assert on_list(db, board, removed=True) == [0, 1]
    assert status(db, board, 1) == "backed"
    with pytest.raises(NotFound):
        remove_from_shortlist(db, made[1].id, REASON)


def test_taking_an_idea_off_is_undone_exactly(db: Database, board: Board, round_id: str) -> None:
    made = make_shortlist(db, round_id, size=2)
    remove_from_shortlist(db, made[0].id, REASON)

    back = restore_to_shortlist(db, made[0].id)

    assert back == made[0]
    assert shortlist(db, board.workshop_id) == made
    assert status(db, board, 0) == "shortlisted"
    assert restore_to_shortlist(db, made[0].id) == made[0]  # restoring twice changes nothing


def test_a_restored_entry_never_puts_an_idea_on_the_list_twice(
    db: Database, board: Board, round_id: str
) -> None:
    made = make_shortlist(db, round_id, size=2)
    remove_from_shortlist(db, made[0].id, REASON)
    add_to_shortlist(db, board.workshop_id, board.ideas[0], "Tillbaka efter diskussion.")

    refused = refusal(lambda: restore_to_shortlist(db, made[0].id))

    assert refused.message == "That idea is already on the shortlist."
    assert on_list(db, board) == [1, 0]


def test_adding_an_idea_is_undone_without_a_trace(db: Database, board: Board, round_id: str) -> None:
    make_shortlist(db, round_id, size=2)
    added = add_to_shortlist(db, board.workshop_id, board.ideas[6], REASON)

    withdraw_from_shortlist(db, added.id)

    assert on_list(db, board, removed=True) == [0, 1]
    assert status(db, board, 6) == "proposed"


# -- the idea's status and the vote -------------------------------------------------------------


def test_the_status_never_undoes_a_later_step(db: Database, board: Board, round_id: str) -> None:
    # GIVEN ideas that have come further than the shortlist: reviewed, and reviewed to park
    for n, recommendation in ((0, Recommendation.PROCEED), (2, Recommendation.PARK)):
        add_to_shortlist(db, board.workshop_id, board.ideas[n], "Granskas först.")
        review = start_review(db, board.ideas[n])
        set_recommendation(db, review.id, recommendation, "Skälen.")

    # WHEN they go on and come off the shortlist
    made = make_shortlist(db, round_id, min_dots=3, reason=REASON)
    assert [status(db, board, n) for n in (0, 1, 2, 3)] == [
        "reviewed",
        "shortlisted",
        "parked",
        "shortlisted",
    ]
    for item in made:
        remove_from_shortlist(db, item.id, REASON)

    # THEN their status stays where it was
    assert [status(db, board, n) for n in (0, 1, 2, 3)] == ["reviewed", "backed", "parked", "proposed"]


def test_the_vote_stays_on_record_whatever_the_shortlist(db: Database, board: Board, round_id: str) -> None:
    before = results(db, round_id)
    made = make_shortlist(db, round_id, size=2)
    remove_from_shortlist(db, made[0].id, REASON)
    add_to_shortlist(db, board.workshop_id, board.ideas[7], REASON)

    assert results(db, round_id).ideas == before.ideas


def test_each_workshop_has_its_own_shortlist(db: Database, board: Board, round_id: str) -> None:
    other = create_workshop(db, "Annan verkstad")
    other_board = make_board(db, other.id)
    other_round = revealed(db, other_board, ({5: 2, 6: 1},))

    make_shortlist(db, round_id, size=1)
    make_shortlist(db, other_round.id, size=2)  # the other workshop's list is empty: no reason needed

    assert on_list(db, board) == [0]
    assert [i.idea_id for i in shortlist(db, other.id)] == [other_board.ideas[5], other_board.ideas[6]]
