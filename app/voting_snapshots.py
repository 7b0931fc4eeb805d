"""Plain pictures of voting rounds, their results and the shortlist, for the screen and exports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from models.enums import BallotSource, Eligibility, RoundState, VotingMode


@dataclass(frozen=True)
class RoundSpec:
    """The rules a facilitator chooses for a round."""

    dots: int
    max_per_idea: int = 1
    eligibility: Eligibility = Eligibility.ALL
    cluster_ids: tuple[str, ...] = ()  # with Eligibility.CLUSTERS
    idea_ids: tuple[str, ...] = ()  # with Eligibility.LIST
    allow_own_ideas: bool = True
    anonymous: bool = True
    voters_expected: int = 0
    title: str = ""
    mode: VotingMode = VotingMode.BOOTH


@dataclass(frozen=True)
class RoundSnapshot:
    id: str
    workshop_id: str
    number: int
    title: str
    dots: int
    max_per_idea: int
    eligibility: Eligibility
    cluster_ids: tuple[str, ...]
    eligible_ids: tuple[str, ...]  # in board order
    allow_own_ideas: bool
    anonymous: bool
    mode: VotingMode
    state: RoundState
    voters_expected: int
    shortlist_size: int | None
    runoff_of_id: str | None
    opened_at: datetime | None
    closed_at: datetime | None
    revealed_at: datetime | None
    ballots: int  # how many have voted; never what they voted
    has_paper: bool
    deleted: bool

    @property
    def revealed(self) -> bool:
        return self.state is RoundState.REVEALED

    @property
    def is_runoff(self) -> bool:
        return self.runoff_of_id is not None

    @property
    def cumulative(self) -> bool:
        return self.max_per_idea > 1

    def spec(self) -> RoundSpec:
        return RoundSpec(
            dots=self.dots,
            max_per_idea=self.max_per_idea,
            eligibility=self.eligibility,
            cluster_ids=self.cluster_ids,
            idea_ids=self.eligible_ids if self.eligibility is Eligibility.LIST else (),
            allow_own_ideas=self.allow_own_ideas,
            anonymous=self.anonymous,
            voters_expected=self.voters_expected,
            title=self.title,
            mode=self.mode,
        )


@dataclass(frozen=True)
class Voter:
    """Who stands at the booth: a participant, or (in anonymous rounds) a voter number."""

    participant_id: str | None = None
    number: int | None = None

    def key(self) -> str:
        if self.participant_id is not None:
            return f"participant:{self.participant_id}"
        return f"number:{self.number}"


@dataclass(frozen=True)
class BallotReceipt:
    """What the booth may say after Done: counted, whether it replaced one, how many have voted."""

    round_id: str
    replaced: bool
    ballots: int
    source: BallotSource = BallotSource.BOOTH


@dataclass(frozen=True)
class Turnout:
    """How many have voted; who, in a named round only."""

    round_id: str
    ballots: int
    voters_expected: int
    voted_participant_ids: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class IdeaResult:
    idea_id: str
    title: str
    cluster_id: str | None
    booth_dots: int
    paper_dots: int
    rank: int
    shared: bool  # the rank is shared with another idea

    @property
    def total(self) -> int:
        return self.booth_dots + self.paper_dots


@dataclass(frozen=True)
class TieSettlement:
    """How a tie at the cut was settled: by a runoff round, or by hand with a reason."""

    idea_ids: tuple[str, ...]  # the tied ideas in the settled order
    runoff_id: str | None
    reason: str


@dataclass(frozen=True)
class CutView:
    """The line after the top ``size``: who goes on, and an unsettled tie if there is one."""

    size: int
    going_on: tuple[str, ...]  # in order, settled ties included
    tied: tuple[str, ...]  # unsettled: the vote cannot say which of these go on
    places: int  # how many of ``tied`` go on
    settlements: tuple[TieSettlement, ...]

    @property
    def is_tied(self) -> bool:
        return bool(self.tied)


@dataclass(frozen=True)
class RoundResults:
    """A revealed round's tally: never built before the reveal."""

    round: RoundSnapshot
    ideas: tuple[IdeaResult, ...]  # ranked, highest first
    ballots: int
    booth_dots: int
    paper_dots: int

    @property
    def total_dots(self) -> int:
        return self.booth_dots + self.paper_dots


@dataclass(frozen=True)
class ShortlistItem:
    id: str
    idea_id: str
    title: str
    position: int
    round_id: str | None
    added_reason: str  # "" when it went on by the vote
    removed_reason: str
    created_at: datetime
    removed_at: datetime | None

    @property
    def removed(self) -> bool:
        return self.removed_at is not None
