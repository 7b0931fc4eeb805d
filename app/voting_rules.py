"""The rules of dot voting as plain Python: checking a ballot, ranking a tally, finding a tie at the cut."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.errors import UserError
from app.i18n import _, ngettext

#: The most dots one voter may be given; more than this is a mistake, not a workshop.
MOST_DOTS = 99
#: The most voters a round can expect (voter numbers in the booth, "7 of 12").
MOST_VOTERS = 999
#: The most dots a paper tally may hold for one idea (a wall of stickers, counted by hand).
MOST_PAPER_DOTS = 99_999


class Refusal(StrEnum):
    """Why a ballot was refused whole."""

    NOT_OPEN = "not_open"
    EMPTY = "empty"
    NEGATIVE = "negative"
    OVER_BUDGET = "over_budget"
    OVER_CAP = "over_cap"
    NOT_ELIGIBLE = "not_eligible"
    OWN_IDEA = "own_idea"
    NAME_NEEDED = "name_needed"
    UNKNOWN_VOTER = "unknown_voter"


class BallotRefused(UserError):
    """A ballot refused whole; nothing of it was counted. ``message`` is for the voter."""

    def __init__(self, reason: Refusal, message: str, idea_id: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.idea_id = idea_id


@dataclass(frozen=True)
class Rules:
    """What a ballot in one round must keep to."""

    dots: int  # per voter
    max_per_idea: int  # 1 = one dot per idea; ``dots`` = cumulative
    eligible: frozenset[str]  # idea ids
    allow_own_ideas: bool


def default_dots(idea_count: int) -> int:
    """A sensible budget: about a third of the ideas, at least 1 and at most 10."""
    if idea_count <= 0:
        return 1
    return max(1, min(10, math.ceil(idea_count / 3)))


def check_ballot(
    rules: Rules, dots: Mapping[str, int], own_ideas: frozenset[str] = frozenset()
) -> dict[str, int]:
    """The ballot without zero entries, or BallotRefused with the first reason that applies.

    ``own_ideas`` are the ideas the voter gave (and did not give anonymously).
    """
    placed = {idea_id: count for idea_id, count in dots.items() if count != 0}
    if any(count < 0 for count in placed.values()):
        raise BallotRefused(Refusal.NEGATIVE, _("A ballot cannot take dots away."))
    if not placed:
        raise BallotRefused(Refusal.EMPTY, _("Place at least one dot before you press Done."))
    for idea_id in placed:
        if idea_id not in rules.eligible:
            raise BallotRefused(
                Refusal.NOT_ELIGIBLE, _("One of the ideas is not part of this vote."), idea_id
            )
    total = sum(placed.values())
    if total > rules.dots:
        raise BallotRefused(Refusal.OVER_BUDGET, over_budget_message(rules.dots, total))
    for idea_id, count in placed.items():
        if count > rules.max_per_idea:
            raise BallotRefused(Refusal.OVER_CAP, over_cap_message(rules.max_per_idea), idea_id)
    if not rules.allow_own_ideas:
        for idea_id in placed:
            if idea_id in own_ideas:
                raise BallotRefused(
                    Refusal.OWN_IDEA, _("In this round you may not vote for your own idea."), idea_id
                )
    return placed


def over_budget_message(budget: int, placed: int) -> str:
    return ngettext(
        "You have {n} dot; this ballot has {placed}.",
        "You have {n} dots; this ballot has {placed}.",
        budget,
    ).format(n=budget, placed=placed)


def over_cap_message(cap: int) -> str:
    if cap == 1:
        return _("One dot per idea in this round.")
    return _("At most {n} dots on one idea in this round.").format(n=cap)


@dataclass(frozen=True)
class Ranked:
    """One idea's place in a tally: equal totals share a rank (1, 2, 2, 4)."""

    idea_id: str
    total: int
    rank: int
    shared: bool


def rank(totals: Mapping[str, int], order: Sequence[str]) -> list[Ranked]:
    """Every idea of ``order`` by total, highest first; equals keep ``order`` and share a rank."""
    place = {idea_id: i for i, idea_id in enumerate(order)}
    ideas = sorted(order, key=lambda i: (-totals.get(i, 0), place[i]))
    counts: dict[int, int] = {}
    for idea_id in ideas:
        counts[totals.get(idea_id, 0)] = counts.get(totals.get(idea_id, 0), 0) + 1
    ranked: list[Ranked] = []
    for position, idea_id in enumerate(ideas):
        total = totals.get(idea_id, 0)
        number = ranked[-1].rank if ranked and ranked[-1].total == total else position + 1
        ranked.append(Ranked(idea_id, total, number, counts[total] > 1))
    return ranked


@dataclass(frozen=True)
class Cut:
    """Where the line falls after the top ``size`` ideas.

    ``above`` go on for certain; when ``tied`` is not empty, ``places`` of them go on too
    and the vote alone cannot say which.
    """

    size: int
    above: tuple[str, ...]
    tied: tuple[str, ...] = ()
    places: int = 0

    @property
    def is_tied(self) -> bool:
        return bool(self.tied)


def cut(groups: Sequence[Sequence[str]], totals: Mapping[str, int], size: int, *, zeros: bool = False) -> Cut:
    """The cut after ``size`` ideas over ``groups`` (ideas in order; a group cannot be split).

    Ideas with no dots never go on by the vote (the line stops above them), unless ``zeros``:
    a runoff must fill its places, so there ideas without dots can still tie for the last.
    """
    above: list[str] = []
    for group in groups:
        if not group or (totals.get(group[0], 0) <= 0 and not zeros):
            break
        room = size - len(above)
        if room <= 0:
            break
        if len(group) <= room:
            above.extend(group)
            continue
        return Cut(size, tuple(above), tuple(group), room)
    return Cut(size, tuple(above))


def groups_by_total(ranked: Sequence[Ranked]) -> list[list[str]]:
    """The ranked ideas as groups of equal totals, highest first."""
    groups: list[list[str]] = []
    last: int | None = None
    for entry in ranked:
        if last is None or entry.total != last:
            groups.append([])
            last = entry.total
        groups[-1].append(entry.idea_id)
    return groups


def above_line(ranked: Sequence[Ranked], min_dots: int) -> tuple[str, ...]:
    """Every idea with at least ``min_dots`` dots (and at least one): no tie can straddle this line."""
    least = max(1, min_dots)
    return tuple(r.idea_id for r in ranked if r.total >= least)
