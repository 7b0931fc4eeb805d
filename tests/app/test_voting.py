"""Voting rounds: their rules, the ideas they are about, opening, closing, and reopening the app mid-round."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import voter_keys
from app.errors import InvalidInput, NotFound
from app.ideas import add_idea, merge_ideas, move_idea, remove_idea
from app.snapshots import WorkshopSnapshot
from app.voting import (
    RoundStateError,
    cast_ballot,
    close_round,
    create_round,
    delete_round,
    get_round,
    has_voted,
    list_rounds,
    open_round,
    paper_tally,
    restore_round,
    set_paper_tally,
    update_round,
)
from app.voting_results import reveal_round
from app.voting_rules import MOST_DOTS, MOST_VOTERS, Refusal
from app.voting_snapshots import Voter
from app.workshops import create_workshop, delete_workshop
from models.database import Database, open_database
from models.enums import Eligibility, RoundState, VotingMode
from tests.app import voting_setup
from tests.app.voting_setup import Board, ballot_rows, by_index, make_board, opened, refused, rules, tally

# The voting tests' database, board and language (see tests.app.voting_setup).
english, db, board = voting_setup.english, voting_setup.db, voting_setup.board


# -- the rules of a round ----------------------------------------------------------------------


def test_a_new_round_is_a_draft_numbered_after_the_others(db: Database, board: Board) -> None:
    first = create_round(db, board.workshop_id, rules(title="  Första omgången "))
    second = create_round(db, board.workshop_id, rules(dots=5, max_per_idea=5, anonymous=False))

    assert (first.number, second.number) == (1, 2)
    assert first.title == "Första omgången"
    assert first.state is RoundState.DRAFT
    assert not first.revealed
    assert (first.dots, first.max_per_idea, first.anonymous, first.cumulative) == (3, 1, True, False)
    assert (second.dots, second.max_per_idea, second.anonymous, second.cumulative) == (5, 5, False, True)
    assert first.eligible_ids == board.ideas  # all live ideas, in board order
    assert (first.ballots, first.has_paper, first.opened_at, first.runoff_of_id) == (0, False, None, None)
    assert first.mode is VotingMode.BOOTH
    assert list_rounds(db, board.workshop_id) == [first, second]
    assert get_round(db, first.id) == first
    assert first.spec() == rules(title="Första omgången")


CAP = "The most dots on one idea must be between 1 and the dots each voter has."
VOTERS = f"The number of voters must be between 0 and {MOST_VOTERS}."
THEME = "Choose at least one theme to vote on."


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"dots": 0}, "dots", f"Give each voter between 1 and {MOST_DOTS} dots."),
        ({"dots": MOST_DOTS + 1}, "dots", f"Give each voter between 1 and {MOST_DOTS} dots."),
        ({"max_per_idea": 0}, "max_per_idea", CAP),
        ({"max_per_idea": 4}, "max_per_idea", CAP),
        ({"voters_expected": -1}, "voters_expected", VOTERS),
        ({"voters_expected": MOST_VOTERS + 1}, "voters_expected", VOTERS),
        ({"eligibility": Eligibility.CLUSTERS}, "cluster_ids", THEME),
        ({"eligibility": Eligibility.CLUSTERS, "cluster_ids": ("no-such-theme",)}, "cluster_ids", THEME),
        ({"eligibility": Eligibility.LIST}, "idea_ids", "Choose at least one idea to vote on."),
    ],
)
def test_rules_out_of_range_are_refused(
    db: Database, board: Board, changes: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        create_round(db, board.workshop_id, rules(**changes))

    assert (caught.value.field, caught.value.message) == (field, message)
    assert list_rounds(db, board.workshop_id) == []


def test_a_round_needs_a_workshop(db: Database, board: Board) -> None:
    for workshop_id in ("no-such-workshop", delete_workshop(db, board.workshop_id).id):
        with pytest.raises(NotFound):
            create_round(db, workshop_id, rules())


def test_the_rules_change_only_in_draft(db: Database, board: Board) -> None:
    draft = create_round(db, board.workshop_id, rules())

    changed = update_round(db, draft.id, rules(dots=4, max_per_idea=2, allow_own_ideas=False, title="Ny"))

    assert (changed.dots, changed.max_per_idea, changed.allow_own_ideas, changed.title) == (4, 2, False, "Ny")
    open_round(db, draft.id)
    with pytest.raises(RoundStateError) as caught:
        update_round(db, draft.id, rules(dots=9, max_per_idea=9))
    assert caught.value.message == "The rules cannot change once voting has started."
    assert get_round(db, draft.id).dots == 4


def test_themes_choose_the_ideas(db: Database, board: Board) -> None:
    draft = create_round(
        db, board.workshop_id, rules(eligibility=Eligibility.CLUSTERS, cluster_ids=(board.themes[1],))
    )

    assert draft.eligible_ids == board.ideas[2:4]
    assert draft.cluster_ids == (board.themes[1],)
    assert draft.spec().cluster_ids == (board.themes[1],)


def test_a_list_of_ideas_keeps_those_of_this_workshop(db: Database, board: Board) -> None:
    other = create_workshop(db, "Annan verkstad")
    stranger = add_idea(db, other.id, "Främmande idé").id

    draft = create_round(
        db,
        board.workshop_id,
        rules(eligibility=Eligibility.LIST, idea_ids=(board.ideas[5], stranger, board.ideas[1])),
    )

    assert draft.eligible_ids == (board.ideas[1], board.ideas[5])  # board order
    assert draft.spec().idea_ids == (board.ideas[1], board.ideas[5])


def test_the_ideas_are_fixed_when_the_round_opens(db: Database, board: Board) -> None:
    # GIVEN rounds set up over all ideas, a theme and a list
    every = create_round(db, board.workshop_id, rules())
    theme = create_round(
        db, board.workshop_id, rules(eligibility=Eligibility.CLUSTERS, cluster_ids=(board.themes[0],))
    )
    listed = create_round(
        db, board.workshop_id, rules(eligibility=Eligibility.LIST, idea_ids=board.ideas[4:7])
    )
    # WHEN the board changes before they open
    late = add_idea(db, board.workshop_id, "Sen idé").id
    remove_idea(db, board.ideas[0])
    move_idea(db, board.ideas[5], board.themes[0])
    merge_ideas(db, board.ideas[4], board.ideas[6])
    every, theme, listed = (open_round(db, r.id) for r in (every, theme, listed))

    # THEN each takes the board as it is at opening
    assert every.eligible_ids == (*board.ideas[1:6], board.ideas[7], late)
    assert theme.eligible_ids == (board.ideas[1], board.ideas[5])
    assert listed.eligible_ids == (board.ideas[4], board.ideas[5])
    # AND changes after opening do not
    later = add_idea(db, board.workshop_id, "Ännu senare", cluster_id=board.themes[0]).id
    move_idea(db, board.ideas[7], board.themes[0])
    assert get_round(db, every.id).eligible_ids == every.eligible_ids
    assert get_round(db, theme.id).eligible_ids == theme.eligible_ids
    for round_id, idea in ((every.id, later), (theme.id, board.ideas[7]), (listed.id, board.ideas[6])):
        ballot = refused(db, round_id, Voter(number=1), {idea: 1})
        assert (ballot.reason, ballot.idea_id) == (Refusal.NOT_ELIGIBLE, idea)


def test_a_round_without_ideas_cannot_open(db: Database, board: Board) -> None:
    draft = create_round(
        db, board.workshop_id, rules(eligibility=Eligibility.LIST, idea_ids=(board.ideas[7],))
    )
    remove_idea(db, board.ideas[7])

    with pytest.raises(InvalidInput) as caught:
        open_round(db, draft.id)

    assert caught.value.message == "There are no ideas to vote on in this round."
    assert get_round(db, draft.id).state is RoundState.DRAFT
    assert not voter_keys.read_key(db.path, draft.id)


# -- opening and closing -----------------------------------------------------------------------


def test_opening_an_anonymous_round_makes_its_voter_key(db: Database, board: Board) -> None:
    draft = create_round(db, board.workshop_id, rules())

    started = open_round(db, draft.id)

    assert started.state is RoundState.OPEN
    assert started.opened_at is not None
    assert started.closed_at is None
    assert voter_keys.read_key(db.path, draft.id) is not None
    with pytest.raises(RoundStateError) as caught:
        open_round(db, draft.id)
    assert caught.value.message == "This round has already been opened."


def test_a_named_round_needs_no_key(db: Database, board: Board) -> None:
    started = opened(db, board, anonymous=False)

    assert voter_keys.read_key(db.path, started.id) is None


def test_closing_ends_voting_and_forgets_the_voters(db: Database, board: Board) -> None:
    started = opened(db, board)
    cast_ballot(db, started.id, Voter(number=1), by_index(board, {0: 1}))
    cast_ballot(db, started.id, Voter(participant_id=board.people[1]), by_index(board, {1: 1}))
    assert all(key_hash for _p, key_hash, _s in ballot_rows(db.path))

    closed = close_round(db, started.id)

    assert closed.state is RoundState.CLOSED
    assert closed.closed_at is not None
    assert closed.ballots == 2
    assert ballot_rows(db.path) == [(None, None, "booth"), (None, None, "booth")]
    assert voter_keys.read_key(db.path, started.id) is None
    assert not has_voted(db, started.id, Voter(number=1))
    assert refused(db, started.id, Voter(number=1), by_index(board, {2: 1})).message == (
        "Voting in this round has closed; the ballot was not counted."
    )
    with pytest.raises(RoundStateError) as caught:
        close_round(db, started.id)
    assert caught.value.message == "Only an open round can be closed."


def test_a_draft_cannot_be_closed(db: Database, board: Board) -> None:
    draft = create_round(db, board.workshop_id, rules())

    with pytest.raises(RoundStateError):
        close_round(db, draft.id)


def test_deleting_and_restoring_a_round(db: Database, board: Board) -> None:
    draft = create_round(db, board.workshop_id, rules())
    done = opened(db, board)
    cast_ballot(db, done.id, Voter(number=1), by_index(board, {0: 1}))
    close_round(db, done.id)

    delete_round(db, draft.id)
    gone = delete_round(db, done.id)

    assert gone.deleted
    assert list_rounds(db, board.workshop_id) == []
    with pytest.raises(NotFound):
        get_round(db, done.id)
    back = restore_round(db, done.id)
    assert (back.deleted, back.state, back.ballots) == (False, RoundState.CLOSED, 1)
    assert [r.id for r in list_rounds(db, board.workshop_id)] == [done.id]


def test_an_open_round_is_closed_before_it_is_deleted(db: Database, board: Board) -> None:
    started = opened(db, board)

    with pytest.raises(RoundStateError) as caught:
        delete_round(db, started.id)

    assert caught.value.message == "Close voting in this round before deleting it."
    assert get_round(db, started.id).state is RoundState.OPEN


# -- closing the app in the middle of a round ----------------------------------------------------


def test_reopening_the_database_mid_round_keeps_every_ballot(
    db_path: Path, workshop: WorkshopSnapshot
) -> None:
    # GIVEN an anonymous round with ballots, and the app closed in the middle of it
    first = open_database(db_path)
    board = make_board(first, workshop.id)
    started = opened(first, board)
    cast_ballot(first, started.id, Voter(number=1), by_index(board, {0: 1, 1: 1}))
    cast_ballot(first, started.id, Voter(participant_id=board.people[4]), by_index(board, {1: 1}))
    set_paper_tally(first, started.id, by_index(board, {7: 2}))
    first.close()

    # WHEN it opens again
    db = open_database(db_path)
    try:
        # THEN the round is still open with its ballots, and voters can still replace theirs
        again = get_round(db, started.id)
        assert (again.state, again.ballots, again.has_paper) == (RoundState.OPEN, 2, True)
        assert has_voted(db, started.id, Voter(number=1))
        receipt = cast_ballot(db, started.id, Voter(number=1), by_index(board, {5: 1}))
        assert (receipt.replaced, receipt.ballots) == (True, 2)
        cast_ballot(db, started.id, Voter(number=2), by_index(board, {5: 1}))
        reveal_round(db, started.id)
        assert tally(db, started.id) == by_index(board, {1: 1, 5: 2})
        assert paper_tally(db, started.id) == by_index(board, {7: 2})
    finally:
        db.close()
