"""The reveal and what follows: results only after it, shared ranks, the cut line, ties and runoffs."""

from __future__ import annotations

from dataclasses import fields

import pytest

from app import voter_keys
from app.errors import InvalidInput
from app.voting import RoundStateError, cast_ballot, close_round, create_round, get_round, set_paper_tally
from app.voting_results import (
    FewBallots,
    NotRevealed,
    cut_view,
    results,
    reveal_round,
    runoffs_of,
    set_shortlist_size,
    settle_tie,
    start_runoff,
)
from app.voting_snapshots import BallotReceipt, RoundSnapshot, Turnout, Voter
from models.database import Database
from models.enums import Eligibility, RoundState
from tests.app import voting_setup
from tests.app.voting_setup import Board, by_index, opened, revealed, rules

#: Ideas 0..4 by total: 6, 4, 4, 4, 1 (a three-way tie for places 2 to 4); 5..7 without dots.
TIED = ({0: 4, 1: 2, 2: 2, 3: 1}, {0: 2, 1: 2, 2: 2, 3: 3}, {4: 1})


# The voting tests' database, board and language (see tests.app.voting_setup).
english, db, board = voting_setup.english, voting_setup.db, voting_setup.board


def ids(board: Board, *indexes: int) -> tuple[str, ...]:
    return tuple(board.ideas[n] for n in indexes)


# -- the reveal -------------------------------------------------------------------------------


@pytest.mark.parametrize("state", ["draft", "open", "closed"])
def test_no_count_can_be_read_before_the_reveal(db: Database, board: Board, state: str) -> None:
    row = create_round(db, board.workshop_id, rules())
    if state != "draft":
        opened_row = opened(db, board)
        cast_ballot(db, opened_row.id, Voter(number=1), by_index(board, {0: 1}))
        set_paper_tally(db, opened_row.id, by_index(board, {1: 3}))
        if state == "closed":
            close_round(db, opened_row.id)
        row = opened_row

    for read in (lambda: results(db, row.id), lambda: cut_view(db, row.id, 2)):
        with pytest.raises(NotRevealed) as caught:
            read()
        assert caught.value.message == "The results of this round have not been revealed."


def test_what_can_be_read_before_the_reveal_holds_no_dots() -> None:
    # The snapshots a round gives before its reveal: how many voted, never what.
    allowed = {"ballots", "voters_expected", "voted_participant_ids", "dots", "max_per_idea", "has_paper"}
    for snapshot in (RoundSnapshot, Turnout, BallotReceipt):
        per_idea = {
            f.name for f in fields(snapshot) if "dot" in f.name or "total" in f.name or "tally" in f.name
        }
        assert per_idea <= allowed, snapshot
        assert not [f.name for f in fields(snapshot) if "dict" in str(f.type) or "Mapping" in str(f.type)]


def test_a_draft_cannot_be_revealed(db: Database, board: Board) -> None:
    draft = create_round(db, board.workshop_id, rules())

    with pytest.raises(RoundStateError) as caught:
        reveal_round(db, draft.id)

    assert caught.value.message == "Nobody has voted yet: open the round first."


def test_revealing_an_open_round_closes_it_first(db: Database, board: Board) -> None:
    started = opened(db, board)
    for number in (1, 2, 3):
        cast_ballot(db, started.id, Voter(number=number), by_index(board, {number: 1}))

    shown = reveal_round(db, started.id)

    assert shown.state is RoundState.REVEALED
    assert shown.revealed
    assert shown.closed_at is not None
    assert shown.revealed_at is not None
    assert voter_keys.read_key(db.path, started.id) is None
    assert reveal_round(db, started.id) == shown  # a second reveal changes nothing


@pytest.mark.parametrize(
    ("ballots", "message"),
    [
        (
            1,
            "Only 1 ballot was cast in this anonymous round: "
            "the results could show how that person voted. Reveal anyway?",
        ),
        (
            2,
            "Only 2 ballots were cast in this anonymous round: "
            "the results could show how someone voted. Reveal anyway?",
        ),
    ],
)
def test_few_ballots_in_an_anonymous_round_ask_before_the_reveal(
    db: Database, board: Board, ballots: int, message: str
) -> None:
    started = opened(db, board)
    for number in range(1, ballots + 1):
        cast_ballot(db, started.id, Voter(number=number), by_index(board, {0: 1}))

    with pytest.raises(FewBallots) as caught:
        reveal_round(db, started.id)

    assert (caught.value.ballots, caught.value.message) == (ballots, message)
    assert get_round(db, started.id).state is RoundState.OPEN  # nothing changed
    assert reveal_round(db, started.id, few_ballots_ok=True).revealed


def test_a_round_of_paper_dots_only_is_revealed_without_asking(db: Database, board: Board) -> None:
    started = opened(db, board)
    set_paper_tally(db, started.id, by_index(board, {0: 7, 1: 3}))

    shown = reveal_round(db, started.id)

    assert shown.revealed
    assert [(r.booth_dots, r.paper_dots) for r in results(db, shown.id).ideas[:2]] == [(0, 7), (0, 3)]


def test_a_named_round_with_one_ballot_is_revealed_without_asking(db: Database, board: Board) -> None:
    started = opened(db, board, anonymous=False)
    cast_ballot(db, started.id, Voter(participant_id=board.people[0]), by_index(board, {5: 1}))

    assert reveal_round(db, started.id).revealed


# -- the results ------------------------------------------------------------------------------


def test_results_split_booth_and_paper_and_rank_the_ideas(db: Database, board: Board) -> None:
    shown = revealed(db, board, [{0: 3, 1: 1}, {1: 2, 4: 2}], paper={4: 1, 0: 2, 6: 1})

    result = results(db, shown.id)

    assert [(r.idea_id, r.booth_dots, r.paper_dots, r.total, r.rank, r.shared) for r in result.ideas] == [
        (board.ideas[0], 3, 2, 5, 1, False),
        (board.ideas[1], 3, 0, 3, 2, True),  # equal totals keep the board's order
        (board.ideas[4], 2, 1, 3, 2, True),
        (board.ideas[6], 0, 1, 1, 4, False),
        (board.ideas[2], 0, 0, 0, 5, True),
        (board.ideas[3], 0, 0, 0, 5, True),
        (board.ideas[5], 0, 0, 0, 5, True),
        (board.ideas[7], 0, 0, 0, 5, True),
    ]
    assert (result.ballots, result.booth_dots, result.paper_dots, result.total_dots) == (2, 8, 4, 12)
    assert result.round == get_round(db, shown.id)
    assert [r.title for r in result.ideas[:3]] == ["Idé 0", "Idé 1", "Idé 4"]
    assert [r.cluster_id for r in result.ideas[:3]] == [board.themes[0], board.themes[0], None]


def test_results_cover_only_the_ideas_in_the_vote(db: Database, board: Board) -> None:
    shown = revealed(
        db, board, [{2: 1, 3: 2}], eligibility=Eligibility.CLUSTERS, cluster_ids=(board.themes[1],)
    )

    assert [r.idea_id for r in results(db, shown.id).ideas] == [board.ideas[3], board.ideas[2]]


def test_each_round_keeps_its_own_rules_and_results(db: Database, board: Board) -> None:
    first = revealed(db, board, [{0: 3}, {1: 2}, {0: 1}], dots=3, max_per_idea=3)
    second = revealed(db, board, [{2: 1}, {2: 1, 5: 1}], dots=2, max_per_idea=1, anonymous=False)

    assert [(r.number, r.dots, r.max_per_idea, r.anonymous) for r in (get_round(db, first.id), second)] == [
        (1, 3, 3, True),
        (2, 2, 1, False),
    ]
    assert [(r.idea_id, r.total) for r in results(db, first.id).ideas[:2]] == [
        (board.ideas[0], 4),
        (board.ideas[1], 2),
    ]
    assert [(r.idea_id, r.total) for r in results(db, second.id).ideas[:2]] == [
        (board.ideas[2], 2),
        (board.ideas[5], 1),
    ]
    assert (results(db, first.id).ballots, results(db, second.id).ballots) == (3, 2)


# -- the cut line and ties --------------------------------------------------------------------


def test_a_cut_without_a_tie(db: Database, board: Board) -> None:
    shown = revealed(db, board, TIED)

    for size, going_on in ((1, (0,)), (4, (0, 1, 2, 3)), (5, (0, 1, 2, 3, 4)), (8, (0, 1, 2, 3, 4))):
        line = cut_view(db, shown.id, size)
        assert (line.going_on, line.is_tied, line.settlements) == (ids(board, *going_on), False, ())


def test_a_tie_at_the_line_is_shown_unsettled(db: Database, board: Board) -> None:
    shown = revealed(db, board, TIED)

    line = cut_view(db, shown.id, 3)

    assert line.is_tied
    assert (line.size, line.going_on, line.tied, line.places) == (3, ids(board, 0), ids(board, 1, 2, 3), 2)
    assert line.settlements == ()


def test_the_line_size_is_at_least_one(db: Database, board: Board) -> None:
    shown = revealed(db, board, TIED)

    for call in (lambda: cut_view(db, shown.id, 0), lambda: set_shortlist_size(db, shown.id, 0)):
        with pytest.raises(InvalidInput) as caught:
            call()
        assert caught.value.message == "At least one idea must go on."


def test_the_chosen_line_is_remembered(db: Database, board: Board) -> None:
    shown = revealed(db, board, TIED)

    assert set_shortlist_size(db, shown.id, 4).shortlist_size == 4
    assert set_shortlist_size(db, shown.id, None).shortlist_size is None


def test_a_tie_settled_by_hand_with_a_reason(db: Database, board: Board) -> None:
    shown = revealed(db, board, TIED)

    line = settle_tie(db, shown.id, 3, ids(board, 3, 1, 2), "  Gruppen valde efter en kort diskussion. ")

    assert not line.is_tied
    assert line.going_on == ids(board, 0, 3, 1)
    [settled] = line.settlements
    assert (settled.idea_ids, settled.runoff_id, settled.reason) == (
        ids(board, 3, 1, 2),
        None,
        "Gruppen valde efter en kort diskussion.",
    )
    assert cut_view(db, shown.id, 3) == line
    assert get_round(db, shown.id).shortlist_size == 3
    # The vote itself is as it was.
    assert [r.total for r in results(db, shown.id).ideas[:4]] == [6, 4, 4, 4]


def test_settling_again_replaces_the_earlier_order(db: Database, board: Board) -> None:
    shown = revealed(db, board, TIED)
    settle_tie(db, shown.id, 3, ids(board, 3, 1, 2), "Först så.")

    line = settle_tie(db, shown.id, 2, ids(board, 2, 1, 3), "Sedan så.")

    assert line.going_on == ids(board, 0, 2)
    # The same three ideas tie at 3: the newer order settles that line too.
    again = cut_view(db, shown.id, 3)
    assert again.going_on == ids(board, 0, 2, 1)
    assert [s.reason for s in again.settlements] == ["Sedan så."]


@pytest.mark.parametrize("reason", ["", "   \n "])
def test_settling_by_hand_needs_a_reason(db: Database, board: Board, reason: str) -> None:
    shown = revealed(db, board, TIED)

    with pytest.raises(InvalidInput) as caught:
        settle_tie(db, shown.id, 3, ids(board, 1, 2, 3), reason)

    assert (caught.value.field, caught.value.message) == ("reason", "Write why the tie is settled this way.")
    assert cut_view(db, shown.id, 3).is_tied


@pytest.mark.parametrize("order", [(1, 2), (1, 2, 3, 4), (1, 2, 2), (0, 1, 2)])
def test_settling_by_hand_orders_exactly_the_tied_ideas(
    db: Database, board: Board, order: tuple[int, ...]
) -> None:
    shown = revealed(db, board, TIED)

    with pytest.raises(InvalidInput) as caught:
        settle_tie(db, shown.id, 3, ids(board, *order), "Så här.")

    assert caught.value.message == "Put every tied idea in order, and only those."


def test_there_is_nothing_to_settle_without_a_tie(db: Database, board: Board) -> None:
    shown = revealed(db, board, TIED)

    for call in (
        lambda: settle_tie(db, shown.id, 4, ids(board, 1, 2, 3), "Så här."),
        lambda: start_runoff(db, shown.id, 4),
    ):
        with pytest.raises(InvalidInput) as caught:
            call()
        assert caught.value.message == "There is no tie at this line to settle."
    assert runoffs_of(db, shown.id) == []


# -- runoffs ----------------------------------------------------------------------------------


def test_a_runoff_is_opened_over_the_tied_ideas_with_a_budget_of_the_places_left(
    db: Database, board: Board
) -> None:
    voters = [Voter(participant_id=p) for p in board.people[3:]]  # none of them gave an idea
    shown = revealed(db, board, TIED, voters=voters, allow_own_ideas=False, voters_expected=12)

    runoff = start_runoff(db, shown.id, 3)

    assert runoff.state is RoundState.OPEN
    assert runoff.is_runoff
    assert runoff.runoff_of_id == shown.id
    assert runoff.eligible_ids == ids(board, 1, 2, 3)
    assert runoff.eligibility is Eligibility.LIST
    assert (runoff.dots, runoff.max_per_idea) == (2, 1)
    assert (runoff.anonymous, runoff.allow_own_ideas, runoff.voters_expected) == (True, False, 12)
    assert runoff.title == "Runoff after round 1"
    assert runoff.number == 2
    assert get_round(db, shown.id).shortlist_size == 3
    assert runoffs_of(db, shown.id) == [runoff]


@pytest.mark.parametrize(("dots", "budget"), [(1, 1), (3, 3), (9, 3), (0, 1)])
def test_a_runoff_budget_can_be_chosen_within_the_tied_ideas(
    db: Database, board: Board, dots: int, budget: int
) -> None:
    shown = revealed(db, board, TIED)

    assert start_runoff(db, shown.id, 3, dots=dots).dots == budget


def test_one_runoff_per_tie_at_a_time(db: Database, board: Board) -> None:
    shown = revealed(db, board, TIED)
    first = start_runoff(db, shown.id, 3)

    with pytest.raises(RoundStateError) as caught:
        start_runoff(db, shown.id, 3)
    assert caught.value.message == "A runoff over these ideas is already under way."

    close_round(db, first.id)
    with pytest.raises(RoundStateError):
        start_runoff(db, shown.id, 2)  # the same three ideas tie at 2 too
    assert runoffs_of(db, shown.id) == [get_round(db, first.id)]


def test_a_revealed_runoff_settles_the_tie(db: Database, board: Board) -> None:
    # GIVEN a three-way tie for two places and a runoff over it
    shown = revealed(db, board, TIED)
    runoff = start_runoff(db, shown.id, 3)
    assert cut_view(db, shown.id, 3).is_tied  # still open: not settled yet

    # WHEN the runoff is voted and revealed
    for number, dots in enumerate(({3: 1, 2: 1}, {3: 1, 1: 1}, {2: 1, 3: 1}), start=1):
        cast_ballot(db, runoff.id, Voter(number=number), by_index(board, dots))
    reveal_round(db, runoff.id)

    # THEN the first round's line takes its winners, and says how
    line = cut_view(db, shown.id, 3)
    assert (line.going_on, line.is_tied) == (ids(board, 0, 3, 2), False)
    [settled] = line.settlements
    assert (settled.idea_ids, settled.runoff_id, settled.reason) == (ids(board, 3, 2, 1), runoff.id, "")
    assert [r.total for r in results(db, shown.id).ideas[:4]] == [6, 4, 4, 4]  # the vote as it was


def test_a_runoff_without_dots_for_some_ideas_still_fills_its_places(db: Database, board: Board) -> None:
    # GIVEN a runoff for two places among three ideas, where only one idea got dots
    shown = revealed(db, board, TIED)
    runoff = start_runoff(db, shown.id, 3, dots=1)
    for number in (1, 2, 3):
        cast_ballot(db, runoff.id, Voter(number=number), by_index(board, {2: 1}))
    reveal_round(db, runoff.id)

    # THEN the two without dots tie for the last place: the runoff did not settle it
    assert cut_view(db, runoff.id, 2).tied == ids(board, 1, 3)
    assert cut_view(db, shown.id, 3).tied == ids(board, 1, 2, 3)

    # WHEN the runoff's own tie is settled by hand, THEN that settles the first round's too
    settle_tie(db, runoff.id, 2, ids(board, 3, 1), "Lottning inför gruppen.")
    line = cut_view(db, shown.id, 3)
    assert (line.going_on, line.is_tied) == (ids(board, 0, 2, 3), False)
    assert line.settlements[0].runoff_id == runoff.id


def test_a_tied_runoff_leaves_room_for_another(db: Database, board: Board) -> None:
    shown = revealed(db, board, TIED)
    first = start_runoff(db, shown.id, 3)
    for number, dots in enumerate(({1: 1, 2: 1}, {2: 1, 3: 1}, {3: 1, 1: 1}), start=1):
        cast_ballot(db, first.id, Voter(number=number), by_index(board, dots))
    reveal_round(db, first.id)
    assert cut_view(db, shown.id, 3).is_tied

    second = start_runoff(db, shown.id, 3)

    assert (second.number, second.eligible_ids) == (3, ids(board, 1, 2, 3))
    assert [r.id for r in runoffs_of(db, shown.id)] == [first.id, second.id]
