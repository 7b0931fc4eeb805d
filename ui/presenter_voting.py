"""The presenter's voting view: the booth or the revealed results of one round, as the room may see them.

The booth's picture carries the rules, the ideas and who may vote, never a vote; the results
are read only through app.voting_results, which refuses before the reveal. When the booth is
on the facilitator's laptop, the shared screen shows only the round and its turnout.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.errors import KNOWN_ERRORS, NotFound
from app.i18n import _
from app.participants import participant_label
from app.snapshots import ClusterSnapshot, IdeaSnapshot, ParticipantSnapshot
from app.voting import get_round
from app.voting_results import cut_view, results
from app.voting_snapshots import RoundSnapshot, Voter
from models.enums import RoundState
from ui.hub import Hub
from ui.scene import (
    BoothCard,
    BoothState,
    BoothView,
    ResultsView,
    Scene,
    SceneKind,
    TimerView,
    VoterTile,
    VotingSlide,
    results_view,
    round_title,
)

BOOTH, RESULTS = "booth", "results"


@dataclass(frozen=True)
class VotingView:
    """What the shared screen shows of a vote: ``kind`` "booth" or "results", with the cut line's ``size``.

    ``here``: the booth is on the facilitator's laptop, passed round the room (the shared screen
    shows "Voting in progress"), not on the shared screen.
    """

    kind: str
    round_id: str
    size: int | None = None
    here: bool = False


def uses_numbers(snapshot: RoundSnapshot) -> bool:
    """Voters step up by number only in an anonymous round that allows own ideas and knows how many vote."""
    return snapshot.anonymous and snapshot.allow_own_ideas and snapshot.voters_expected > 0


def booth_view(
    snapshot: RoundSnapshot,
    ideas: Mapping[str, IdeaSnapshot],
    clusters: Sequence[ClusterSnapshot],
    people: Mapping[str, ParticipantSnapshot],
) -> BoothView:
    """The round as the booth shows it: its ideas in board order (theme by theme), and who may vote."""
    themes = {c.id: (n, c) for n, c in enumerate(c for c in clusters if not c.deleted)}
    eligible = [ideas[i] for i in snapshot.eligible_ids if i in ideas and ideas[i].merged_into_id is None]
    eligible.sort(
        key=lambda i: (themes[i.cluster_id][0] if i.cluster_id in themes else len(themes), i.position)
    )
    cards = []
    for number, idea in enumerate(eligible, start=1):
        theme = themes[idea.cluster_id][1] if idea.cluster_id in themes else None
        cards.append(
            BoothCard(
                idea.id,
                number,
                idea.title,
                theme.name if theme else "",
                theme.colour if theme else "",
                own_idea_of(snapshot, idea),
            )
        )
    if uses_numbers(snapshot):
        voters = tuple(VoterTile(Voter(number=n), n, "") for n in range(1, snapshot.voters_expected + 1))
    else:
        listed = sorted((p for p in people.values() if not p.deleted), key=lambda p: p.position)
        voters = tuple(
            VoterTile(Voter(participant_id=p.id), n, participant_label(p, public=True))
            for n, p in enumerate(listed, start=1)
        )
    return BoothView(
        round_id=snapshot.id,
        title=round_title(snapshot),
        state=booth_state(snapshot),
        dots=snapshot.dots,
        max_per_idea=snapshot.max_per_idea,
        cards=tuple(cards),
        voters=voters,
        ballots=snapshot.ballots,
        expected=expected_voters(snapshot, people),
        anonymous=snapshot.anonymous,
        allow_own_ideas=snapshot.allow_own_ideas,
    )


def own_idea_of(snapshot: RoundSnapshot, idea: IdeaSnapshot) -> tuple[str, ...]:
    """Who may not vote for ``idea`` in this round: its open givers, when the round keeps voters from their own.

    As app.voting counts it: an anonymous idea's givers stay secret, even from the rule.
    """
    if snapshot.allow_own_ideas or idea.anonymous:
        return ()
    return tuple(dict.fromkeys(idea.giver_ids))


def expected_voters(snapshot: RoundSnapshot, people: Mapping[str, ParticipantSnapshot]) -> int:
    """How many may vote: the round's number of voters, else (with names) the workshop's participants."""
    if uses_numbers(snapshot) or snapshot.voters_expected:
        return snapshot.voters_expected
    return sum(1 for p in people.values() if not p.deleted)


def booth_state(snapshot: RoundSnapshot) -> BoothState:
    if snapshot.state is RoundState.OPEN:
        return BoothState.OPEN
    if snapshot.state is RoundState.DRAFT:
        return BoothState.NOT_STARTED
    return BoothState.CLOSED


def voting_slide(snapshot: RoundSnapshot, people: Mapping[str, ParticipantSnapshot]) -> VotingSlide:
    return VotingSlide(
        snapshot.id,
        round_title(snapshot),
        booth_state(snapshot),
        snapshot.ballots,
        expected_voters(snapshot, people),
    )


class VotingScenes:
    """Which round the shared screen shows and how; rereads it when the round changes."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.view: VotingView | None = None
        self._round: RoundSnapshot | None = None
        self._results: ResultsView | None = None
        #: The round's shortlist size when last read: the results' line follows a change of it.
        self._shortlist_size: int | None = None

    def show_booth(self, round_id: str, here: bool = False) -> None:
        snapshot = self._live_round(round_id)
        self.view, self._round, self._results = VotingView(BOOTH, round_id, here=here), snapshot, None

    def show_results(self, round_id: str, size: int | None) -> None:
        """Raises NotRevealed (a UserError) for a round whose results are not revealed."""
        snapshot = self._live_round(round_id)
        self._results = self._read_results(round_id, size)
        self.view, self._round, self._shortlist_size = (
            VotingView(RESULTS, round_id, size),
            snapshot,
            snapshot.shortlist_size,
        )

    def clear(self) -> None:
        self.view, self._round, self._results = None, None, None

    def follows(self, round_id: str) -> bool:
        return self.view is not None and self.view.round_id == round_id

    def reload(self) -> None:
        """The round changed (a ballot, its state, its shortlist size): read it again; gone, clear."""
        view = self.view
        if view is None:
            return
        try:
            self._round = self._live_round(view.round_id)
            if view.kind == RESULTS:
                size = view.size
                if self._round.shortlist_size != self._shortlist_size:
                    size = self._shortlist_size = self._round.shortlist_size
                self._results = self._read_results(view.round_id, size)
                self.view = VotingView(RESULTS, view.round_id, size)
        except KNOWN_ERRORS:
            self.clear()

    def ideas_changed(self) -> None:
        """Titles come from the database in the results: read them again."""
        if self.view is not None and self.view.kind == RESULTS:
            self.reload()

    def scene(
        self,
        ideas: Mapping[str, IdeaSnapshot],
        clusters: Sequence[ClusterSnapshot],
        people: Mapping[str, ParticipantSnapshot],
        *,
        workshop_title: str,
        timer: TimerView | None,
    ) -> Scene | None:
        if self.view is None or self._round is None:
            return None
        if self.view.kind == BOOTH and self.view.here:
            slide = voting_slide(self._round, people)
            return Scene(SceneKind.VOTING, workshop_title=workshop_title, voting=slide, timer=timer)
        if self.view.kind == BOOTH:
            view = booth_view(self._round, ideas, clusters, people)
            return Scene(SceneKind.BOOTH, workshop_title=workshop_title, booth=view, timer=timer)
        return Scene(SceneKind.RESULTS, workshop_title=workshop_title, results=self._results, timer=timer)

    def booth_here(
        self,
        ideas: Mapping[str, IdeaSnapshot],
        clusters: Sequence[ClusterSnapshot],
        people: Mapping[str, ParticipantSnapshot],
    ) -> BoothView | None:
        """The booth for the facilitator's laptop, when it is there rather than on the shared screen."""
        if self.view is None or self._round is None or self.view.kind != BOOTH or not self.view.here:
            return None
        return booth_view(self._round, ideas, clusters, people)

    def _live_round(self, round_id: str) -> RoundSnapshot:
        snapshot = get_round(self.hub.db, round_id)
        if snapshot.deleted:
            raise NotFound(_("This voting round is no longer there."))
        return snapshot

    def _read_results(self, round_id: str, size: int | None) -> ResultsView:
        tally = results(self.hub.db, round_id)
        line = cut_view(self.hub.db, round_id, size) if size is not None else None
        return results_view(tally, line)
