"""What the shared screen shows, as plain values: built only from what the room may see.

The facilitator's window builds a Scene; the shared screen draws it. Anonymous ideas
never carry an idea giver here, so the shared screen cannot show one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from app.i18n import _
from app.snapshots import ClusterSnapshot, IdeaSnapshot, ParticipantSnapshot
from app.voting_snapshots import CutView, RoundResults, RoundSnapshot, Voter


class SceneKind(StrEnum):
    CHALLENGE = "challenge"
    BOARD = "board"
    TIMER = "timer"
    BLANK = "blank"
    PAUSE = "pause"
    BOOTH = "booth"
    VOTING = "voting"  # the booth is on the facilitator's laptop: the room sees only the turnout
    RESULTS = "results"
    REVIEW = "review"  # the critical review board of one idea


@dataclass(frozen=True)
class CardView:
    """One idea card as the room sees it."""

    id: str
    title: str
    givers: str  # "" for anonymous ideas and ideas without a giver
    cluster_id: str | None
    backed: bool


@dataclass(frozen=True)
class ClusterView:
    id: str
    name: str
    colour: str  # "#RRGGBB", from a colour-blind-safe palette; always shown with its name


@dataclass(frozen=True)
class TimerView:
    total_seconds: int
    remaining_seconds: float
    running: bool
    finished: bool


@dataclass(frozen=True)
class BoothCard:
    """An idea in the booth: its number there, its title and its theme (colour always with the name)."""

    id: str
    number: int
    title: str
    theme: str  # "" for an idea outside every theme
    colour: str  # "#RRGGBB" of the theme
    #: Who gave the idea openly, in a round that keeps voters from their own ideas (else empty):
    #: the booth marks it "Your idea" for them. An anonymous idea's givers are never here.
    giver_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class VoterTile:
    """Someone who can step up to the booth: a participant as the room may name them, or a voter number."""

    voter: Voter
    number: int
    label: str  # "" for a voter number: the number says it all


class BoothState(StrEnum):
    OPEN = "open"
    NOT_STARTED = "not_started"
    CLOSED = "closed"


@dataclass(frozen=True)
class BoothView:
    """A voting round as the booth shows it: the rules, the ideas and who may vote; never a vote."""

    round_id: str
    title: str
    state: BoothState
    dots: int
    max_per_idea: int
    cards: tuple[BoothCard, ...]
    voters: tuple[VoterTile, ...]
    ballots: int  # how many have voted
    expected: int  # how many may vote; 0 when nobody knows
    anonymous: bool = False  # the ballot is stored without a name: the booth shows none on it
    allow_own_ideas: bool = True


@dataclass(frozen=True)
class VotingSlide:
    """What the shared screen shows while the booth is on the facilitator's laptop: the round and its turnout."""

    round_id: str
    title: str
    state: BoothState
    ballots: int
    expected: int  # 0 when nobody knows


@dataclass(frozen=True)
class ResultRow:
    idea_id: str
    rank: int
    shared: bool  # the rank is shared with another idea
    title: str
    total: int
    at_line: bool  # tied at the cut line, not settled: the vote alone cannot say if it goes on
    going_on: bool  # above the cut line


@dataclass(frozen=True)
class ResultsView:
    """A revealed round's ranking for the room; built only from app.voting_results."""

    round_id: str
    title: str
    rows: tuple[ResultRow, ...]  # ranked, the top first
    ballots: int
    paper_dots: int
    size: int | None  # the cut line after this many ideas; None: no line
    line_after: int  # rows above the line (the tied ones included when the tie is not settled)
    places: int  # with an unsettled tie: how many of the tied ideas go on
    settled: str  # how a tie at the line was settled ("" if none was)


@dataclass(frozen=True)
class ReviewCard:
    """A review note as the room sees it: its words and whether its reviewer is internal or external.

    Never who wrote it: the room sees what was said, the protocol keeps who said it.
    """

    text: str
    origin: str  # "internal", "external" or "" (no reviewer)


@dataclass(frozen=True)
class ReviewColumn:
    kind: str  # a NoteKind value: the column's colour and its word
    name: str  # "Strengths", ... in the current language
    notes: tuple[ReviewCard, ...]
    prompts: tuple[str, ...] = ()  # the format's questions that lead to this kind of note


@dataclass(frozen=True)
class ReviewSlide:
    """The critical review board of one idea, for the room."""

    idea_id: str
    idea_title: str
    format_name: str
    question: str
    columns: tuple[ReviewColumn, ...]  # the five kinds, in board order
    started: bool  # False: the idea has no review yet (the columns are empty)
    composition: str  # "Reviewers who wrote notes: ..." ("" before the first note)
    recommendation: str  # "Recommendation: Proceed" once the review is complete, else ""
    roles: tuple[str, ...] = ()  # the ways of thinking the group takes in turn (six thinking hats)


@dataclass(frozen=True)
class Scene:
    kind: SceneKind
    workshop_title: str = ""
    phase_title: str = ""
    challenge: str = ""
    prompts: tuple[str, ...] = ()
    clusters: tuple[ClusterView, ...] = ()
    cards: tuple[CardView, ...] = ()
    timer: TimerView | None = None
    message: str = ""  # the pause slide's text
    booth: BoothView | None = None  # with SceneKind.BOOTH
    voting: VotingSlide | None = None  # with SceneKind.VOTING
    results: ResultsView | None = None  # with SceneKind.RESULTS
    review: ReviewSlide | None = None  # with SceneKind.REVIEW


def giver_label(
    idea: IdeaSnapshot,
    people: Mapping[str, ParticipantSnapshot],
    public_label: Callable[[ParticipantSnapshot], str],
) -> str:
    """Who gave the idea, as the room may see it: nobody for an anonymous idea.

    ``public_label`` names a person for the room (app.participants.participant_label with
    public=True: a name only with consent).
    """
    if idea.anonymous:
        return ""
    labels = [public_label(people[g]) for g in idea.giver_ids if g in people]
    return ", ".join(dict.fromkeys(labels))


def card_views(
    ideas: Iterable[IdeaSnapshot],
    people: Mapping[str, ParticipantSnapshot],
    public_label: Callable[[ParticipantSnapshot], str],
) -> tuple[CardView, ...]:
    return tuple(
        CardView(
            id=i.id,
            title=i.title,
            givers=giver_label(i, people, public_label),
            cluster_id=i.cluster_id,
            backed=i.backing_count > 0,
        )
        for i in ideas
        if not i.deleted
    )


def round_title(snapshot: RoundSnapshot) -> str:
    return snapshot.title or _("Round {n}").format(n=snapshot.number)


def results_view(results: RoundResults, line: CutView | None) -> ResultsView:
    """The ranking with the cut line of ``line`` (None: no line).

    A tie settled by hand or by a runoff puts the tied ideas in the settled order, so the line
    falls where the decision put it; an unsettled tie is marked on each tied row.
    """
    ideas = list(results.ideas)
    settled = ""
    if line is not None and line.settlements:
        settlement = line.settlements[-1]
        order = {idea_id: i for i, idea_id in enumerate(settlement.idea_ids)}
        tied_rows = [r for r in ideas if r.idea_id in order]
        if tied_rows:
            start = ideas.index(tied_rows[0])
            tied_rows.sort(key=lambda r: order[r.idea_id])
            ideas[start : start + len(tied_rows)] = tied_rows
        # The reason of a tie settled by hand is for the facilitator's record, not for the projector.
        settled = (
            _("Tie settled by a runoff") if settlement.runoff_id else _("Tie settled by the facilitator")
        )
    going_on = set(line.going_on) if line is not None else set()
    tied = set(line.tied) if line is not None else set()
    rows = tuple(
        ResultRow(r.idea_id, r.rank, r.shared, r.title, r.total, r.idea_id in tied, r.idea_id in going_on)
        for r in ideas
    )
    line_after = sum(1 for r in rows if r.going_on or r.at_line)
    return ResultsView(
        round_id=results.round.id,
        title=round_title(results.round),
        rows=rows,
        ballots=results.ballots,
        paper_dots=results.paper_dots,
        size=line.size if line is not None else None,
        line_after=line_after,
        places=line.places if line is not None else 0,
        settled=settled,
    )


def cluster_views(clusters: Iterable[ClusterSnapshot]) -> tuple[ClusterView, ...]:
    return tuple(ClusterView(id=c.id, name=c.name, colour=c.colour) for c in clusters if not c.deleted)
