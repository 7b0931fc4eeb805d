"""Ballots: counted whole or refused whole, replaced by the same voter, and paper dots from the wall."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from app import voter_keys
from app.errors import InvalidInput, NotFound, UserError
from app.ideas import add_idea, update_idea
from app.participants import add_participant, remove_participant
from app.voting import (
    RoundStateError,
    cast_ballot,
    close_round,
    create_round,
    delete_round,
    get_round,
    has_voted,
    open_round,
    paper_tally,
    set_paper_tally,
    turnout,
)
from app.voting_results import results, reveal_round
from app.voting_rules import MOST_PAPER_DOTS, Refusal
from app.voting_snapshots import Voter
from app.workshops import create_workshop
from models.database import Database
from models.enums import BallotSource, Eligibility
from tests.app import voting_setup
from tests.app.voting_setup import Board, ballot_rows, by_index, opened, refused, rules, tally

# The voting tests' database, board and language (see tests.app.voting_setup).
english, db, board = voting_setup.english, voting_setup.db, voting_setup.board


# -- ballots -------------------------------------------------------------------------------


def test_a_ballot_is_counted_whole(db: Database, board: Board) -> None:
    started = opened(db, board, dots=4, max_per_idea=2)

    receipt = cast_ballot(db, started.id, Voter(number=3), by_index(board, {0: 2, 5: 1, 6: 0}))

    assert (receipt.round_id, receipt.replaced, receipt.ballots, receipt.source) == (
        started.id,
        False,
        1,
        BallotSource.BOOTH,
    )
    assert get_round(db, started.id).ballots == 1
    reveal_round(db, started.id, few_ballots_ok=True)
    assert tally(db, started.id) == by_index(board, {0: 2, 5: 1})


def test_a_ballot_from_a_phone_is_marked_as_such(db: Database, board: Board) -> None:
    started = opened(db, board, anonymous=False)

    receipt = cast_ballot(
        db, started.id, Voter(participant_id=board.people[3]), by_index(board, {1: 1}), BallotSource.PHONE
    )

    assert receipt.source is BallotSource.PHONE
    assert ballot_rows(db.path) == [(board.people[3], None, "phone")]


@pytest.mark.parametrize(
    ("dots", "reason", "message"),
    [
        ({0: 1, 1: 1, 4: 1, 5: 1}, Refusal.OVER_BUDGET, "You have 3 dots; this ballot has 4."),
        ({0: 2}, Refusal.OVER_CAP, "One dot per idea in this round."),
        ({0: 1, 1: -1}, Refusal.NEGATIVE, "A ballot cannot take dots away."),
        ({0: 0}, Refusal.EMPTY, "Place at least one dot before you press Done."),
    ],
)
def test_a_ballot_that_breaks_a_rule_is_refused_whole(
    db: Database, board: Board, dots: dict[int, int], reason: Refusal, message: str
) -> None:
    # GIVEN a voter with a counted ballot
    started = opened(db, board)
    cast_ballot(db, started.id, Voter(number=1), by_index(board, {7: 1}))

    # WHEN their new ballot breaks a rule
    ballot = refused(db, started.id, Voter(number=1), by_index(board, dots))

    # THEN it is refused with the reason, and the earlier ballot still counts
    assert (ballot.reason, ballot.message) == (reason, message)
    assert get_round(db, started.id).ballots == 1
    reveal_round(db, started.id, few_ballots_ok=True)
    assert tally(db, started.id) == by_index(board, {7: 1})


def test_an_idea_of_another_round_or_workshop_is_refused(db: Database, board: Board) -> None:
    started = opened(db, board, eligibility=Eligibility.CLUSTERS, cluster_ids=(board.themes[0],))
    stranger = add_idea(db, create_workshop(db, "Annan").id, "Främmande").id

    for idea in (board.ideas[2], stranger, "no-such-idea"):
        ballot = refused(db, started.id, Voter(number=1), {board.ideas[0]: 1, idea: 1})
        assert (ballot.reason, ballot.idea_id) == (Refusal.NOT_ELIGIBLE, idea)
        assert ballot.message == "One of the ideas is not part of this vote."
    assert get_round(db, started.id).ballots == 0


def test_ballots_are_taken_only_while_the_round_is_open(db: Database, board: Board) -> None:
    draft = create_round(db, board.workshop_id, rules())
    dots = by_index(board, {0: 1})

    early = refused(db, draft.id, Voter(number=1), dots)
    open_round(db, draft.id)
    cast_ballot(db, draft.id, Voter(number=1), dots)
    reveal_round(db, draft.id, few_ballots_ok=True)
    late = refused(db, draft.id, Voter(number=2), dots)

    assert (early.reason, early.message) == (Refusal.NOT_OPEN, "Voting in this round has not started yet.")
    assert (late.reason, late.message) == (
        Refusal.NOT_OPEN,
        "Voting in this round has closed; the ballot was not counted.",
    )
    assert results(db, draft.id).ballots == 1


def test_a_deleted_round_takes_no_ballot(db: Database, board: Board) -> None:
    started = opened(db, board)
    close_round(db, started.id)
    delete_round(db, started.id)

    with pytest.raises(NotFound) as caught:
        cast_ballot(db, started.id, Voter(number=1), by_index(board, {0: 1}))
    assert caught.value.message == "This voting round is no longer there."


def test_a_named_round_needs_a_participant_of_the_workshop(db: Database, board: Board) -> None:
    started = opened(db, board, anonymous=False)
    outsider = add_participant(db, create_workshop(db, "Annan").id).id
    gone = board.people[5]
    remove_participant(db, gone)
    dots = by_index(board, {5: 1})

    by_number = refused(db, started.id, Voter(number=1), dots)
    strangers = [refused(db, started.id, Voter(participant_id=p), dots) for p in (outsider, gone, "nobody")]

    assert (by_number.reason, by_number.message) == (
        Refusal.NAME_NEEDED,
        "In a named round, choose your name to vote.",
    )
    for ballot in strangers:
        assert (ballot.reason, ballot.message) == (
            Refusal.UNKNOWN_VOTER,
            "That name is not a participant of this workshop.",
        )
    assert get_round(db, started.id).ballots == 0


@pytest.mark.parametrize("number", [0, -1, 5, None])
def test_a_voter_number_outside_the_round_is_refused(db: Database, board: Board, number: int | None) -> None:
    started = opened(db, board, voters_expected=4)

    ballot = refused(db, started.id, Voter(number=number), by_index(board, {0: 1}))

    assert (ballot.reason, ballot.message) == (
        Refusal.UNKNOWN_VOTER,
        "That voter number is not part of this round.",
    )


def test_voter_numbers_run_from_one_to_the_voters_expected(db: Database, board: Board) -> None:
    started = opened(db, board, voters_expected=4)

    receipts = [cast_ballot(db, started.id, Voter(number=n), by_index(board, {n: 1})) for n in (1, 4)]

    assert [r.ballots for r in receipts] == [1, 2]


def test_own_ideas_are_refused_when_the_round_says_so(db: Database, board: Board) -> None:
    started = opened(db, board, anonymous=False, allow_own_ideas=False)
    giver, co_giver, other = (Voter(participant_id=p) for p in board.people[:3])

    for voter, idea in ((giver, 0), (giver, 3), (co_giver, 3)):
        ballot = refused(db, started.id, voter, by_index(board, {idea: 1, 7: 1}))
        assert (ballot.reason, ballot.idea_id) == (Refusal.OWN_IDEA, board.ideas[idea])
        assert ballot.message == "In this round you may not vote for your own idea."
    cast_ballot(db, started.id, other, by_index(board, {0: 1, 3: 1}))
    cast_ballot(db, started.id, co_giver, by_index(board, {0: 1, 1: 1}))
    assert turnout(db, started.id).voted_participant_ids == {board.people[1], board.people[2]}


def test_own_ideas_are_fine_when_the_round_allows_them(db: Database, board: Board) -> None:
    started = opened(db, board, anonymous=False)

    cast_ballot(db, started.id, Voter(participant_id=board.people[0]), by_index(board, {0: 1, 3: 1}))

    assert get_round(db, started.id).ballots == 1


def test_the_own_idea_rule_never_looks_at_ideas_given_anonymously(db: Database, board: Board) -> None:
    # GIVEN an idea people[2] gave openly and then made anonymous, and one whose link to
    # its giver survives in the file (as an old record could); ideas[2] was anonymous from the start
    update_idea(db, board.ideas[4], anonymous=True)
    hidden = add_idea(db, board.workshop_id, "Dold idé", giver_ids=[board.people[3]]).id
    with closing(sqlite3.connect(db.path)) as con:
        con.execute("UPDATE idea SET anonymous = 1 WHERE id = ?", (hidden,))
        con.commit()
    started = opened(db, board, anonymous=False, allow_own_ideas=False)

    # WHEN their givers vote for them, THEN the rule does not apply (enforcing it would reveal them)
    cast_ballot(db, started.id, Voter(participant_id=board.people[2]), by_index(board, {2: 1, 4: 1}))
    cast_ballot(db, started.id, Voter(participant_id=board.people[3]), {hidden: 1})
    assert get_round(db, started.id).ballots == 2


def test_an_anonymous_round_with_the_own_idea_rule_needs_a_name(db: Database, board: Board) -> None:
    started = opened(db, board, allow_own_ideas=False)

    by_number = refused(db, started.id, Voter(number=1), by_index(board, {5: 1}))
    own = refused(db, started.id, Voter(participant_id=board.people[0]), by_index(board, {0: 1}))
    cast_ballot(db, started.id, Voter(participant_id=board.people[0]), by_index(board, {5: 1}))

    assert (by_number.reason, by_number.message) == (
        Refusal.NAME_NEEDED,
        "Choose your name to vote: this round keeps you from voting for your own ideas.",
    )
    assert own.reason is Refusal.OWN_IDEA
    assert ballot_rows(db.path) == [(None, ballot_rows(db.path)[0][1], "booth")]  # no name on it


# -- replacing a ballot ---------------------------------------------------------------------


def test_a_named_voter_replaces_their_ballot(db: Database, board: Board) -> None:
    started = opened(db, board, anonymous=False)
    anna, bo = (Voter(participant_id=p) for p in board.people[3:5])

    cast_ballot(db, started.id, anna, by_index(board, {0: 1, 1: 1}))
    cast_ballot(db, started.id, bo, by_index(board, {1: 1}))
    assert has_voted(db, started.id, anna)
    assert not has_voted(db, started.id, Voter(participant_id=board.people[5]))
    assert not has_voted(db, started.id, Voter(number=1))
    again = cast_ballot(db, started.id, anna, by_index(board, {5: 1, 6: 1, 7: 1}))

    assert (again.replaced, again.ballots) == (True, 2)
    assert turnout(db, started.id).voted_participant_ids == {board.people[3], board.people[4]}
    reveal_round(db, started.id)
    assert tally(db, started.id) == by_index(board, {1: 1, 5: 1, 6: 1, 7: 1})


@pytest.mark.parametrize("by_name", [False, True], ids=["voter-number", "name"])
def test_an_anonymous_voter_replaces_their_ballot(db: Database, board: Board, by_name: bool) -> None:
    if by_name:
        first, second = Voter(participant_id=board.people[4]), Voter(participant_id=board.people[5])
    else:
        first, second = Voter(number=2), Voter(number=7)
    started = opened(db, board)

    cast_ballot(db, started.id, first, by_index(board, {0: 1, 1: 1}))
    cast_ballot(db, started.id, second, by_index(board, {1: 1}))
    assert has_voted(db, started.id, first)
    assert has_voted(db, started.id, second)
    assert not has_voted(db, started.id, Voter(number=3))
    again = cast_ballot(db, started.id, first, by_index(board, {6: 1}))

    assert (again.replaced, again.ballots) == (True, 2)
    assert turnout(db, started.id).voted_participant_ids == frozenset()
    assert [p for p, _h, _s in ballot_rows(db.path)] == [None, None]
    reveal_round(db, started.id, few_ballots_ok=True)
    assert tally(db, started.id) == by_index(board, {1: 1, 6: 1})


def test_a_voter_number_and_a_name_are_different_voters(db: Database, board: Board) -> None:
    started = opened(db, board)

    cast_ballot(db, started.id, Voter(number=1), by_index(board, {0: 1}))
    receipt = cast_ballot(db, started.id, Voter(participant_id=board.people[0]), by_index(board, {1: 1}))

    assert (receipt.replaced, receipt.ballots) == (False, 2)


def test_without_its_key_an_open_anonymous_round_says_what_happened(db: Database, board: Board) -> None:
    started = opened(db, board)
    cast_ballot(db, started.id, Voter(number=1), by_index(board, {0: 1}))
    voter_keys.destroy_key(db.path, started.id)

    with pytest.raises(UserError) as caught:
        cast_ballot(db, started.id, Voter(number=1), by_index(board, {1: 1}))

    assert caught.value.message == (
        "This round's voter key is missing (the database was moved while voting was open). "
        "Close the round and start a new one."
    )
    assert not has_voted(db, started.id, Voter(number=1))
    assert get_round(db, started.id).ballots == 1


def test_turnout_counts_ballots_and_names_voters_only_in_a_named_round(db: Database, board: Board) -> None:
    named = opened(db, board, anonymous=False, voters_expected=6)
    secret = opened(db, board, voters_expected=6)
    for person in board.people[:2]:
        cast_ballot(db, named.id, Voter(participant_id=person), by_index(board, {7: 1}))
        cast_ballot(db, secret.id, Voter(participant_id=person), by_index(board, {7: 1}))

    assert (turnout(db, named.id).ballots, turnout(db, named.id).voters_expected) == (2, 6)
    assert turnout(db, named.id).voted_participant_ids == set(board.people[:2])
    assert (turnout(db, secret.id).ballots, turnout(db, secret.id).voted_participant_ids) == (2, frozenset())


# -- paper ----------------------------------------------------------------------------------


def test_paper_dots_are_typed_in_and_corrected(db: Database, board: Board) -> None:
    started = opened(db, board)

    set_paper_tally(db, started.id, by_index(board, {0: 4, 1: 2}))
    snapshot = set_paper_tally(db, started.id, by_index(board, {1: 0, 5: 3}))

    assert snapshot.has_paper
    assert paper_tally(db, started.id) == by_index(board, {0: 4, 5: 3})
    set_paper_tally(db, started.id, by_index(board, {0: 0, 5: 0}))
    assert paper_tally(db, started.id) == {}
    assert not get_round(db, started.id).has_paper


@pytest.mark.parametrize("count", [-1, MOST_PAPER_DOTS + 1])
def test_a_paper_count_out_of_range_is_refused(db: Database, board: Board, count: int) -> None:
    started = opened(db, board)
    set_paper_tally(db, started.id, by_index(board, {0: 2}))

    with pytest.raises(InvalidInput) as caught:
        set_paper_tally(db, started.id, by_index(board, {1: 1, 0: count}))

    assert caught.value.message == f"A paper count must be a whole number from 0 to {MOST_PAPER_DOTS}."
    assert paper_tally(db, started.id) == by_index(board, {0: 2})


def test_paper_dots_only_for_ideas_in_the_vote(db: Database, board: Board) -> None:
    started = opened(db, board, eligibility=Eligibility.LIST, idea_ids=board.ideas[:2])

    messages = []
    for ideas in ({0: 1, 5: 1}, {5: 1, 6: 2}):
        with pytest.raises(InvalidInput) as caught:
            set_paper_tally(db, started.id, by_index(board, ideas))
        messages.append(caught.value.message)

    assert messages == ["1 idea is not part of this vote.", "2 ideas are not part of this vote."]
    assert paper_tally(db, started.id) == {}


def test_paper_dots_are_fixed_at_the_reveal(db: Database, board: Board) -> None:
    started = opened(db, board)
    close_round(db, started.id)
    set_paper_tally(db, started.id, by_index(board, {0: 5}))  # counted while the room waits
    reveal_round(db, started.id)

    with pytest.raises(RoundStateError) as caught:
        set_paper_tally(db, started.id, by_index(board, {0: 6}))

    assert caught.value.message == "The results are revealed: paper dots can no longer change."
    assert next((r.idea_id, r.paper_dots) for r in results(db, started.id).ideas) == (board.ideas[0], 5)
