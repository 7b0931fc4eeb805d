"""The rules of dot voting without a database: checking a ballot, ranks, the cut line."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.errors import UserError, describe
from app.i18n import set_language
from app.voting_rules import (
    BallotRefused,
    Refusal,
    Rules,
    above_line,
    check_ballot,
    cut,
    default_dots,
    groups_by_total,
    rank,
)

IDEAS = frozenset({"a", "b", "c", "d"})


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("sv")


def refusal(rules: Rules, dots: dict[str, int], own: frozenset[str] = frozenset()) -> BallotRefused:
    with pytest.raises(BallotRefused) as caught:
        check_ballot(rules, dots, own)
    return caught.value


@pytest.mark.parametrize(
    ("ideas", "dots"), [(-5, 1), (0, 1), (1, 1), (3, 1), (4, 2), (12, 4), (29, 10), (30, 10), (1000, 10)]
)
def test_the_default_budget_is_a_third_of_the_ideas_from_one_to_ten(ideas: int, dots: int) -> None:
    assert default_dots(ideas) == dots


def test_a_valid_ballot_comes_back_without_its_zeros() -> None:
    rules = Rules(dots=5, max_per_idea=3, eligible=IDEAS, allow_own_ideas=True)

    assert check_ballot(rules, {"a": 3, "b": 0, "c": 2}) == {"a": 3, "c": 2}
    assert check_ballot(rules, {"d": 1}) == {"d": 1}  # fewer dots than the budget is a whole ballot too


def test_dots_cannot_be_taken_away() -> None:
    refused = refusal(Rules(3, 3, IDEAS, True), {"a": 2, "b": -1})

    assert refused.reason is Refusal.NEGATIVE
    assert refused.message == "A ballot cannot take dots away."
    assert isinstance(refused, UserError)
    assert describe(refused) == refused.message


@pytest.mark.parametrize("dots", [{}, {"a": 0, "b": 0}])
def test_an_empty_ballot_is_refused(dots: dict[str, int]) -> None:
    refused = refusal(Rules(3, 1, IDEAS, True), dots)

    assert refused.reason is Refusal.EMPTY
    assert refused.message == "Place at least one dot before you press Done."


def test_an_idea_outside_the_vote_is_refused_and_named() -> None:
    refused = refusal(Rules(3, 1, frozenset({"a", "b"}), True), {"a": 1, "c": 1})

    assert (refused.reason, refused.idea_id) == (Refusal.NOT_ELIGIBLE, "c")
    assert refused.message == "One of the ideas is not part of this vote."


@pytest.mark.parametrize(
    ("budget", "dots", "message"),
    [
        (1, {"a": 1, "b": 1}, "You have 1 dot; this ballot has 2."),
        (3, {"a": 2, "b": 1, "c": 1}, "You have 3 dots; this ballot has 4."),
    ],
)
def test_a_ballot_over_the_budget_is_refused(budget: int, dots: dict[str, int], message: str) -> None:
    refused = refusal(Rules(budget, budget, IDEAS, True), dots)

    assert refused.reason is Refusal.OVER_BUDGET
    assert refused.message == message
    assert refused.idea_id is None


@pytest.mark.parametrize(
    ("cap", "message"),
    [(1, "One dot per idea in this round."), (2, "At most 2 dots on one idea in this round.")],
)
def test_a_ballot_over_the_cap_on_one_idea_is_refused(cap: int, message: str) -> None:
    refused = refusal(Rules(5, cap, IDEAS, True), {"a": 1, "b": cap + 1})

    assert (refused.reason, refused.idea_id) == (Refusal.OVER_CAP, "b")
    assert refused.message == message


def test_cumulative_voting_puts_the_whole_budget_on_one_idea() -> None:
    assert check_ballot(Rules(5, 5, IDEAS, True), {"a": 5}) == {"a": 5}


def test_own_ideas_are_refused_only_when_the_round_says_so() -> None:
    own = frozenset({"b"})

    refused = refusal(Rules(3, 1, IDEAS, allow_own_ideas=False), {"a": 1, "b": 1}, own)

    assert (refused.reason, refused.idea_id) == (Refusal.OWN_IDEA, "b")
    assert refused.message == "In this round you may not vote for your own idea."
    assert check_ballot(Rules(3, 1, IDEAS, allow_own_ideas=True), {"a": 1, "b": 1}, own) == {"a": 1, "b": 1}
    # A zero on one's own idea is no vote for it.
    assert check_ballot(Rules(3, 1, IDEAS, allow_own_ideas=False), {"a": 1, "b": 0}, own) == {"a": 1}


def test_the_first_broken_rule_is_the_reason() -> None:
    rules = Rules(2, 1, frozenset({"a", "b"}), allow_own_ideas=False)

    assert refusal(rules, {"a": -1, "x": 5}).reason is Refusal.NEGATIVE
    assert refusal(rules, {"x": 5, "a": 1}).reason is Refusal.NOT_ELIGIBLE
    assert refusal(rules, {"a": 2, "b": 1}).reason is Refusal.OVER_BUDGET
    assert refusal(rules, {"a": 2}, frozenset({"a"})).reason is Refusal.OVER_CAP


def test_equal_totals_share_a_rank_and_keep_the_board_order() -> None:
    ranked = rank({"a": 2, "b": 5, "c": 2, "d": 1}, ["a", "b", "c", "d", "e"])

    assert [(r.idea_id, r.total, r.rank, r.shared) for r in ranked] == [
        ("b", 5, 1, False),
        ("a", 2, 2, True),
        ("c", 2, 2, True),
        ("d", 1, 4, False),
        ("e", 0, 5, False),  # no dots at all: still ranked, last
    ]


def test_ideas_without_dots_share_the_last_rank() -> None:
    ranked = rank({"b": 1}, ["a", "b", "c"])

    assert [(r.idea_id, r.rank, r.shared) for r in ranked] == [
        ("b", 1, False),
        ("a", 2, True),
        ("c", 2, True),
    ]


def groups_of(totals: dict[str, int]) -> list[list[str]]:
    return groups_by_total(rank(totals, list(totals)))


def test_groups_by_total_follow_the_ranking() -> None:
    assert groups_of({"a": 3, "b": 5, "c": 3, "d": 0}) == [["b"], ["a", "c"], ["d"]]
    assert groups_of({}) == []


def test_a_clean_cut() -> None:
    totals = {"a": 5, "b": 4, "c": 3, "d": 1}

    line = cut(groups_of(totals), totals, 2)

    assert (line.above, line.tied, line.places, line.is_tied) == (("a", "b"), (), 0, False)


def test_a_tie_at_the_line_is_left_to_the_facilitator() -> None:
    totals = {"a": 5, "b": 3, "c": 3, "d": 3, "e": 1}

    line = cut(groups_of(totals), totals, 3)

    assert line.is_tied
    assert (line.above, line.tied, line.places) == (("a",), ("b", "c", "d"), 2)


def test_a_tie_that_fits_above_the_line_is_no_tie() -> None:
    totals = {"a": 5, "b": 3, "c": 3, "d": 1}

    line = cut(groups_of(totals), totals, 3)

    assert (line.above, line.is_tied) == (("a", "b", "c"), False)


def test_ideas_without_dots_never_go_on_by_the_vote() -> None:
    totals = {"a": 2, "b": 0, "c": 0}

    line = cut(groups_of(totals), totals, 2)

    assert (line.above, line.tied) == (("a",), ())


def test_in_a_runoff_ideas_without_dots_can_tie_for_the_last_place() -> None:
    totals = {"a": 2, "b": 0, "c": 0}

    line = cut(groups_of(totals), totals, 2, zeros=True)

    assert (line.above, line.tied, line.places) == (("a",), ("b", "c"), 1)
    assert cut(groups_of(totals), totals, 3, zeros=True).above == ("a", "b", "c")


def test_a_line_below_every_idea_takes_those_with_dots() -> None:
    totals = {"a": 2, "b": 1, "c": 0}

    assert cut(groups_of(totals), totals, 10).above == ("a", "b")


def test_everything_above_a_line_of_dots() -> None:
    ranked = rank({"a": 4, "b": 2, "c": 2, "d": 1}, ["a", "b", "c", "d", "e"])

    assert above_line(ranked, 2) == ("a", "b", "c")
    assert above_line(ranked, 5) == ()
    assert above_line(ranked, 0) == ("a", "b", "c", "d")  # never an idea without dots
