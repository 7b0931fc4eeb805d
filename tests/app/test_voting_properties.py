"""Properties of voting: for any rules and any sequence of ballots, replacements, refusals and paper
dots, the revealed tally is the sum of each voter's last accepted ballot plus paper, and every
ballot in the file keeps its round's rules.

Each example runs on a copy of one prepared database file. The expectations come from a plain
model of the issue's rules written here, not from the code under test.
"""

from __future__ import annotations

import itertools
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.errors import InvalidInput
from app.voting import (
    cast_ballot,
    close_round,
    create_round,
    get_round,
    has_voted,
    open_round,
    set_paper_tally,
)
from app.voting_results import results as round_results
from app.voting_results import reveal_round
from app.voting_rules import BallotRefused, Refusal
from app.voting_snapshots import RoundSpec, Voter
from app.workshops import create_workshop
from models.database import Database, open_database
from models.enums import Eligibility, RoundState
from tests.app.voting_setup import Board, fresh_database, make_board

PROPERTY = settings(
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NOBODY = "not-a-participant"
FLAWS = ("outside", "cap", "budget", "negative", "empty", "own")
STRANGER = "not-an-idea"


@dataclass(frozen=True)
class Prepared:
    path: Path
    board: Board
    folder: Path
    copies: Iterator[int] = field(default_factory=itertools.count)

    def own_ideas(self, participant_id: str) -> frozenset[str]:
        """Ideas the participant gave openly (see Board): the rule's view, written out by hand."""
        ideas = self.board.ideas
        people = self.board.people
        return {
            people[0]: frozenset({ideas[0], ideas[3]}),
            people[1]: frozenset({ideas[3]}),
            people[2]: frozenset({ideas[4]}),
        }.get(participant_id, frozenset())

    def eligible(self, spec: RoundSpec) -> frozenset[str]:
        ideas, themes = self.board.ideas, self.board.themes
        if spec.eligibility is Eligibility.CLUSTERS:
            by_theme = {themes[0]: ideas[0:2], themes[1]: ideas[2:4]}
            return frozenset(i for theme in spec.cluster_ids for i in by_theme[theme])
        if spec.eligibility is Eligibility.LIST:
            return frozenset(spec.idea_ids)
        return frozenset(ideas)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Prepared:
    folder = tmp_path_factory.mktemp("voting-properties")
    path = folder / "prepared.db"
    db = fresh_database(path)
    board = make_board(db, create_workshop(db, "Trygg hemma").id)
    db.close()
    return Prepared(path, board, folder)


@st.composite
def round_specs(draw: st.DrawFn, board: Board) -> RoundSpec:
    dots = draw(st.integers(1, 5))
    eligibility = draw(st.sampled_from(Eligibility))
    themes: tuple[str, ...] = ()
    ideas: tuple[str, ...] = ()
    if eligibility is Eligibility.CLUSTERS:
        themes = tuple(draw(st.sets(st.sampled_from(board.themes), min_size=1)))
    elif eligibility is Eligibility.LIST:
        ideas = tuple(draw(st.sets(st.sampled_from(board.ideas), min_size=1)))
    return RoundSpec(
        dots=dots,
        max_per_idea=draw(st.integers(1, dots)),
        eligibility=eligibility,
        cluster_ids=themes,
        idea_ids=ideas,
        allow_own_ideas=draw(st.booleans()),
        anonymous=draw(st.booleans()),
        voters_expected=draw(st.integers(0, 4)),
    )


def voters(board: Board, spec: RoundSpec) -> st.SearchStrategy[Voter]:
    """A few voters who may vote and come back, so that ballots get replaced."""
    people = st.sampled_from(board.people[:4]).map(lambda p: Voter(participant_id=p))
    if spec.anonymous and spec.allow_own_ideas:  # where voter numbers may vote
        return st.one_of(people, st.integers(1, max(1, min(2, spec.voters_expected))).map(numbered))
    return people


def stranger(spec: RoundSpec, die: Random) -> Voter:
    """A voter this round does not take: no such person, no such number, no name where one is needed."""
    return die.choice(
        [
            Voter(participant_id=NOBODY),
            Voter(number=-1),
            Voter(number=0),
            Voter(number=max(1, spec.voters_expected) + 1),
            Voter(),
            Voter(number=1),  # refused in a named round, or where own ideas are kept off
        ]
    )


def numbered(n: int) -> Voter:
    return Voter(number=n)


@st.composite
def ballots(
    draw: st.DrawFn, spec: RoundSpec, eligible: frozenset[str], avoid: frozenset[str]
) -> dict[str, int]:
    """A ballot within the rules that keeps off the ``avoid`` ideas (where it can)."""
    pool = sorted(eligible - avoid) or sorted(eligible)
    chosen = draw(
        st.lists(st.sampled_from(pool), unique=True, min_size=1, max_size=min(len(pool), spec.dots))
    )
    ballot: dict[str, int] = {}
    left = spec.dots
    for idea in chosen:
        least = 0 if ballot else 1  # at least one dot on the first
        if left < least:
            break
        ballot[idea] = draw(st.integers(least, min(left, spec.max_per_idea)))
        left -= ballot[idea]
    return ballot


@st.composite
def broken_ballots(
    draw: st.DrawFn, spec: RoundSpec, eligible: frozenset[str], board: Board, own: frozenset[str], flaw: str
) -> dict[str, int]:
    """A ballot with the ``flaw``, alone where the round's numbers allow it: a rule the code
    forgot then shows up as a ballot accepted against the model.
    """
    pool = sorted(eligible)
    first = draw(st.sampled_from(pool))
    others = [i for i in [*board.ideas, STRANGER] if i not in eligible]
    if flaw == "outside" and others:
        return {draw(st.sampled_from(others)): 1}
    if flaw == "cap":
        return {first: spec.max_per_idea + 1}
    if flaw == "budget":  # one dot too many, spread within the cap where there are ideas enough
        spread: dict[str, int] = {}
        for n in range(spec.dots + 1):
            spread[pool[n % len(pool)]] = spread.get(pool[n % len(pool)], 0) + 1
        return spread
    if flaw == "negative":
        return {first: 1, draw(st.sampled_from(pool)): -1}
    if flaw == "own" and own & eligible:  # refused only where the round keeps voters off their own
        return {draw(st.sampled_from(sorted(own & eligible))): 1}
    return {first: 0}


@dataclass
class Model:
    """What the issue says the round holds: each voter's last accepted ballot, and the paper."""

    spec: RoundSpec
    eligible: frozenset[str]
    people: frozenset[str]
    state: RoundState = RoundState.OPEN
    ballots: dict[str, dict[str, int]] = field(default_factory=dict)
    paper: dict[str, int] = field(default_factory=dict)

    def who(self, voter: Voter) -> str:
        return f"p:{voter.participant_id}" if voter.participant_id is not None else f"n:{voter.number}"

    def voter_refusal(self, voter: Voter) -> Refusal | None:
        if voter.participant_id is not None:
            return None if voter.participant_id in self.people else Refusal.UNKNOWN_VOTER
        if not self.spec.anonymous or not self.spec.allow_own_ideas:
            return Refusal.NAME_NEEDED
        highest = max(1, self.spec.voters_expected)
        return None if voter.number is not None and 1 <= voter.number <= highest else Refusal.UNKNOWN_VOTER

    def broken_rules(self, dots: dict[str, int], own: frozenset[str]) -> set[Refusal]:
        placed = {i: n for i, n in dots.items() if n}
        broken = set()
        if any(n < 0 for n in placed.values()):
            broken.add(Refusal.NEGATIVE)
        if not placed:
            broken.add(Refusal.EMPTY)
        if any(i not in self.eligible for i in placed):
            broken.add(Refusal.NOT_ELIGIBLE)
        if sum(placed.values()) > self.spec.dots:
            broken.add(Refusal.OVER_BUDGET)
        if any(n > self.spec.max_per_idea for n in placed.values()):
            broken.add(Refusal.OVER_CAP)
        if not self.spec.allow_own_ideas and any(n > 0 and i in own for i, n in placed.items()):
            broken.add(Refusal.OWN_IDEA)
        return broken


def run_ballot(
    db: Database, round_id: str, model: Model, voter: Voter, dots: dict[str, int], own: frozenset[str]
) -> None:
    before = len(model.ballots)
    if model.state is not RoundState.OPEN:
        allowed = {Refusal.NOT_OPEN}
    elif (reason := model.voter_refusal(voter)) is not None:
        allowed = {reason}
    else:
        allowed = model.broken_rules(dots, own)
    if allowed:
        with pytest.raises(BallotRefused) as caught:
            cast_ballot(db, round_id, voter, dots)
        assert caught.value.reason in allowed
        assert get_round(db, round_id).ballots == before  # refused whole: nothing changed
        event(f"refused: {caught.value.reason}")
        return
    receipt = cast_ballot(db, round_id, voter, dots)
    key = model.who(voter)
    assert receipt.replaced == (key in model.ballots)
    event("replaced" if receipt.replaced else "accepted")
    model.ballots[key] = {i: n for i, n in dots.items() if n}
    assert receipt.ballots == len(model.ballots)
    assert has_voted(db, round_id, voter)


def run_paper(db: Database, round_id: str, model: Model, dots: dict[str, int]) -> None:
    if any(i not in model.eligible for i in dots):
        with pytest.raises(InvalidInput):
            set_paper_tally(db, round_id, dots)
        return
    set_paper_tally(db, round_id, dots)
    for idea, count in dots.items():
        if count:
            model.paper[idea] = count
        else:
            model.paper.pop(idea, None)


def stored_ballots(path: Path) -> list[tuple[str | None, str | None, dict[str, int]]]:
    """(participant_id, voter_key_hash, dots per idea) of every ballot in the file."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        rows = con.execute(
            "SELECT ballot.id, participant_id, voter_key_hash, idea_id, dots "
            "FROM ballot JOIN vote ON vote.ballot_id = ballot.id"
        ).fetchall()
        empty = con.execute(
            "SELECT count(*) FROM ballot WHERE id NOT IN (SELECT ballot_id FROM vote)"
        ).fetchone()
    assert empty == (0,), "a ballot without dots"
    found: dict[str, tuple[str | None, str | None, dict[str, int]]] = {}
    for ballot_id, participant, key_hash, idea, dots in rows:
        found.setdefault(ballot_id, (participant, key_hash, {}))[2][idea] = dots
    return list(found.values())


def check_the_file(prepared: Prepared, path: Path, model: Model) -> None:
    """Every ballot in the file keeps its round's rules; together they are the model's ballots."""
    stored = stored_ballots(path)
    for participant, key_hash, dots in stored:
        assert all(n > 0 for n in dots.values())
        assert sum(dots.values()) <= model.spec.dots
        assert max(dots.values()) <= model.spec.max_per_idea
        assert set(dots) <= model.eligible
        assert key_hash is None  # the round is closed: no voter can be told apart any more
        if model.spec.anonymous:
            assert participant is None
        else:
            assert participant in model.people
            assert model.ballots[f"p:{participant}"] == dots
            if not model.spec.allow_own_ideas:
                assert not set(dots) & prepared.own_ideas(participant)

    def canonical(ballots: list[dict[str, int]]) -> Counter[tuple[tuple[str, int], ...]]:
        return Counter(tuple(sorted(b.items())) for b in ballots)

    assert canonical([dots for _p, _h, dots in stored]) == canonical(list(model.ballots.values()))


def check_the_results(db: Database, round_id: str, model: Model) -> None:
    result = round_results(db, round_id)
    booth = Counter[str]()
    for ballot in model.ballots.values():
        booth.update(ballot)
    assert {r.idea_id for r in result.ideas} == model.eligible
    for r in result.ideas:
        assert (r.booth_dots, r.paper_dots) == (booth[r.idea_id], model.paper.get(r.idea_id, 0))
        totals = [other.total for other in result.ideas]
        assert r.rank == 1 + sum(t > r.total for t in totals)
        assert r.shared == (totals.count(r.total) > 1)
    assert [r.total for r in result.ideas] == sorted((r.total for r in result.ideas), reverse=True)
    assert result.ballots == len(model.ballots)
    assert result.booth_dots == sum(booth.values())
    assert result.paper_dots == sum(model.paper.values())


def plan(data: st.DataObject, die: Random, mischief: bool) -> list[str]:
    """The steps of one example. Without mischief every voter may vote and every ballot keeps the
    rules, so that many are counted and replaced; with it, some steps break one rule, or come late.
    """
    kinds = ["ballot"] * 6
    if mischief:
        kinds = ["ballot", "ballot", "stranger", "stranger", "broken", "broken", "broken"]
    steps = [die.choice([*kinds, "paper", "reopen"]) for _ in range(data.draw(st.integers(4, 16), "steps"))]
    if mischief and die.random() < 0.5:
        steps += ["close", "ballot", "stranger"]  # late ballots, refused whole
    return steps


@dataclass
class Example:
    """One round on its own copy of the prepared file, played step by step against the model."""

    prepared: Prepared
    data: st.DataObject
    die: Random
    path: Path
    db: Database
    round_id: str
    model: Model

    def play(self, action: str) -> None:
        board, spec, model = self.prepared.board, self.model.spec, self.model
        if action in ("ballot", "stranger", "broken"):
            if action == "stranger":
                voter = stranger(spec, self.die)
            else:
                voter = self.data.draw(voters(board, spec), "voter")
            own = self.prepared.own_ideas(voter.participant_id or "")
            if action == "broken":
                flaw = self.die.choice(FLAWS)
                dots = self.data.draw(broken_ballots(spec, model.eligible, board, own, flaw), "dots")
            else:
                avoid = frozenset() if spec.allow_own_ideas else own
                dots = self.data.draw(ballots(spec, model.eligible, avoid), "dots")
            run_ballot(self.db, self.round_id, model, voter, dots, own)
        elif action == "paper":
            pool = sorted(model.eligible | {board.ideas[7]})
            paper = st.dictionaries(st.sampled_from(pool), st.integers(0, 5), max_size=3)
            run_paper(self.db, self.round_id, model, self.data.draw(paper, "paper"))
        elif action == "close":
            close_round(self.db, self.round_id)
            model.state = RoundState.CLOSED
        elif action == "reopen":  # the app closed in the middle of the round and started again
            self.db.close()
            self.db = open_database(self.path)
        assert get_round(self.db, self.round_id).ballots == len(model.ballots)


@PROPERTY
@given(data=st.data())
def test_the_tally_is_the_sum_of_the_accepted_ballots(prepared: Prepared, data: st.DataObject) -> None:
    spec = data.draw(round_specs(prepared.board), "rules")
    model = Model(spec, prepared.eligible(spec), frozenset(prepared.board.people))
    path = prepared.folder / f"example-{next(prepared.copies)}.db"
    shutil.copyfile(prepared.path, path)
    # Hypothesis draws small choices most often; the mix of steps is left to an even die.
    die = data.draw(st.randoms(use_true_random=True), "die")
    example = Example(prepared, data, die, path, open_database(path), "", model)
    try:
        row = open_round(example.db, create_round(example.db, prepared.board.workshop_id, spec).id)
        assert frozenset(row.eligible_ids) == model.eligible
        example.round_id = row.id
        for action in plan(data, die, data.draw(st.booleans(), "mischief")):
            example.play(action)
        if model.state is RoundState.OPEN:
            close_round(example.db, row.id)
        check_the_file(prepared, path, model)
        reveal_round(example.db, row.id, few_ballots_ok=True)
        check_the_results(example.db, row.id, model)
    finally:
        example.db.close()
        path.unlink()
