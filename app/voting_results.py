"""The reveal and what follows it: the tally, ranks, the cut line, ties settled by runoff or by hand.

Counts are read only here, and only for a revealed round: ``results`` refuses before.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.errors import InvalidInput, UserError
from app.i18n import _, ngettext
from app.records import fetch
from app.text import clean_text
from app.voting import RoundStateError, close_round, create_round, open_round, round_snapshot
from app.voting_rules import Cut, cut, groups_by_total, rank
from app.voting_snapshots import CutView, IdeaResult, RoundResults, RoundSnapshot, RoundSpec, TieSettlement
from models.base import utcnow
from models.database import Database
from models.enums import Eligibility, RoundState
from models.idea import Idea
from models.voting import Ballot, PaperTally, TieResolution, Vote, VotingRound, round_idea

#: An anonymous round with fewer ballots than this may show how someone voted.
FEW_BALLOTS = 3


class NotRevealed(UserError):
    """The counts of a round are asked for before the reveal."""


class FewBallots(UserError):
    """Revealing an anonymous round with so few ballots that a voter could be recognised."""

    def __init__(self, ballots: int) -> None:
        super().__init__(
            ngettext(
                "Only {n} ballot was cast in this anonymous round: "
                "the results could show how that person voted. Reveal anyway?",
                "Only {n} ballots were cast in this anonymous round: "
                "the results could show how someone voted. Reveal anyway?",
                ballots,
            ).format(n=ballots)
        )
        self.ballots = ballots


def reveal_round(db: Database, round_id: str, *, few_ballots_ok: bool = False) -> RoundSnapshot:
    """Show the counts from now on (closing the round first if it is open).

    An anonymous round with one or two ballots raises FewBallots unless ``few_ballots_ok``
    (with none, the counts are paper dots only, and those were never anyone's ballot).
    """
    snapshot = _get(db, round_id)
    if snapshot.state is RoundState.DRAFT:
        raise RoundStateError(_("Nobody has voted yet: open the round first."))
    if snapshot.state is RoundState.REVEALED:
        return snapshot
    if snapshot.anonymous and 0 < snapshot.ballots < FEW_BALLOTS and not few_ballots_ok:
        raise FewBallots(snapshot.ballots)
    if snapshot.state is RoundState.OPEN:
        close_round(db, round_id)
    with db.transaction() as session:
        row = fetch(session, VotingRound, round_id)
        row.state = RoundState.REVEALED
        row.revealed_at = utcnow()
        return round_snapshot(session, row)


def _get(db: Database, round_id: str) -> RoundSnapshot:
    with db.transaction() as session:
        return round_snapshot(session, fetch(session, VotingRound, round_id))


def _tally(session: Session, round_id: str) -> tuple[dict[str, int], dict[str, int]]:
    booth = session.execute(
        select(Vote.idea_id, func.sum(Vote.dots))
        .join(Ballot, Ballot.id == Vote.ballot_id)
        .where(Ballot.round_id == round_id)
        .group_by(Vote.idea_id)
    )
    paper = session.execute(
        select(PaperTally.idea_id, PaperTally.dots).where(PaperTally.round_id == round_id)
    )
    return {i: int(n) for i, n in booth}, {i: int(n) for i, n in paper}


def _results(session: Session, row: VotingRound) -> RoundResults:
    if row.state != RoundState.REVEALED:
        raise NotRevealed(_("The results of this round have not been revealed."))
    snapshot = round_snapshot(session, row)
    booth, paper = _tally(session, row.id)
    totals = {i: booth.get(i, 0) + paper.get(i, 0) for i in snapshot.eligible_ids}
    ideas = {
        i: (title, cluster)
        for i, title, cluster in session.execute(
            select(Idea.id, Idea.title, Idea.cluster_id)
            .join(round_idea, round_idea.c.idea_id == Idea.id)
            .where(round_idea.c.round_id == row.id)
        )
    }
    ranked = rank(totals, snapshot.eligible_ids)
    return RoundResults(
        round=snapshot,
        ideas=tuple(
            IdeaResult(
                idea_id=r.idea_id,
                title=ideas[r.idea_id][0],
                cluster_id=ideas[r.idea_id][1],
                booth_dots=booth.get(r.idea_id, 0),
                paper_dots=paper.get(r.idea_id, 0),
                rank=r.rank,
                shared=r.shared,
            )
            for r in ranked
        ),
        ballots=snapshot.ballots,
        booth_dots=sum(booth.get(i, 0) for i in snapshot.eligible_ids),
        paper_dots=sum(paper.get(i, 0) for i in snapshot.eligible_ids),
    )


def results(db: Database, round_id: str) -> RoundResults:
    """The revealed round's ranking; NotRevealed before the reveal."""
    with db.transaction() as session:
        return _results(session, fetch(session, VotingRound, round_id))


# -- the cut line and ties ---------------------------------------------------------------------


def _settlement(session: Session, row: VotingRound, tied: Sequence[str], places: int) -> TieSettlement | None:
    """How a tie among ``tied`` was settled in this round: by hand first, else by a revealed runoff."""
    wanted = set(tied)
    by_hand = list(
        session.execute(
            select(TieResolution.idea_id, TieResolution.reason)
            .where(TieResolution.round_id == row.id)
            .order_by(TieResolution.rank)
        )
    )
    if by_hand and {i for i, _reason in by_hand} == wanted:
        return TieSettlement(tuple(i for i, _reason in by_hand), None, by_hand[0][1])
    runoffs = session.scalars(
        select(VotingRound)
        .where(
            VotingRound.runoff_of_id == row.id,
            VotingRound.deleted_at.is_(None),
            VotingRound.state == RoundState.REVEALED,
        )
        .order_by(VotingRound.number.desc())
    )
    for runoff in runoffs:
        view = cut_view_in(session, runoff, places)
        if set(round_snapshot(session, runoff).eligible_ids) == wanted and not view.is_tied:
            rest = [i for i in tied if i not in view.going_on]
            return TieSettlement(tuple(view.going_on) + tuple(rest), runoff.id, "")
    return None


def cut_view_in(session: Session, row: VotingRound, size: int) -> CutView:
    result = _results(session, row)
    totals = {r.idea_id: r.total for r in result.ideas}
    groups = groups_by_total(rank(totals, [r.idea_id for r in result.ideas]))
    settlements: list[TieSettlement] = []
    line: Cut = cut(groups, totals, size, zeros=row.runoff_of_id is not None)
    if line.is_tied:
        settled = _settlement(session, row, line.tied, line.places)
        if settled is not None:
            settlements.append(settled)
            going_on = line.above + settled.idea_ids[: line.places]
            return CutView(size, going_on, (), 0, tuple(settlements))
    return CutView(size, line.above, line.tied, line.places, tuple(settlements))


def cut_view(db: Database, round_id: str, size: int) -> CutView:
    """Which ideas go on if the top ``size`` do, with any tie at the line and how it was settled."""
    if size < 1:
        raise InvalidInput(_("At least one idea must go on."), "size")
    with db.transaction() as session:
        return cut_view_in(session, fetch(session, VotingRound, round_id), size)


def set_shortlist_size(db: Database, round_id: str, size: int | None) -> RoundSnapshot:
    """Remember where the facilitator drew the line (None: not chosen)."""
    if size is not None and size < 1:
        raise InvalidInput(_("At least one idea must go on."), "size")
    with db.transaction() as session:
        row = fetch(session, VotingRound, round_id)
        row.shortlist_size = size
        return round_snapshot(session, row)


def settle_tie(db: Database, round_id: str, size: int, ordered: Sequence[str], reason: str) -> CutView:
    """Settle the tie at the line by hand: the tied ideas in the chosen order, with a reason."""
    reason = clean_text(reason, "reason").strip()
    if not reason:
        raise InvalidInput(_("Write why the tie is settled this way."), "reason")
    with db.transaction() as session:
        row = fetch(session, VotingRound, round_id)
        session.execute(delete(TieResolution).where(TieResolution.round_id == round_id))
        session.flush()
        line = cut_view_in(session, row, size)
        if not line.is_tied:
            raise InvalidInput(_("There is no tie at this line to settle."), "size")
        if sorted(ordered) != sorted(line.tied):
            raise InvalidInput(_("Put every tied idea in order, and only those."), "ordered")
        for position, idea_id in enumerate(ordered, start=1):
            session.add(TieResolution(round_id=round_id, idea_id=idea_id, rank=position, reason=reason))
        row.shortlist_size = size
        session.flush()
        return cut_view_in(session, row, size)


def start_runoff(db: Database, round_id: str, size: int, *, dots: int | None = None) -> RoundSnapshot:
    """Open a runoff over the ideas tied at the line: one dot per idea, a budget of the places left."""
    with db.transaction() as session:
        row = fetch(session, VotingRound, round_id)
        line = cut_view_in(session, row, size)
        if not line.is_tied:
            raise InvalidInput(_("There is no tie at this line to settle."), "size")
        for earlier in _runoffs(session, round_id):
            if earlier.state != RoundState.REVEALED and set(_eligible(session, earlier)) == set(line.tied):
                raise RoundStateError(_("A runoff over these ideas is already under way."))
        row.shortlist_size = size
        parent = round_snapshot(session, row)
    budget = dots if dots is not None else line.places
    spec = RoundSpec(
        dots=max(1, min(budget, len(line.tied))),
        max_per_idea=1,
        eligibility=Eligibility.LIST,
        idea_ids=line.tied,
        allow_own_ideas=parent.allow_own_ideas,
        anonymous=parent.anonymous,
        voters_expected=parent.voters_expected,
        title=_("Runoff after round {n}").format(n=parent.number),
        mode=parent.mode,
    )
    runoff = create_round(db, parent.workshop_id, spec, runoff_of=round_id)
    return open_round(db, runoff.id)


def _runoffs(session: Session, round_id: str) -> list[VotingRound]:
    return list(
        session.scalars(
            select(VotingRound)
            .where(VotingRound.runoff_of_id == round_id, VotingRound.deleted_at.is_(None))
            .order_by(VotingRound.number)
        )
    )


def _eligible(session: Session, row: VotingRound) -> tuple[str, ...]:
    return round_snapshot(session, row).eligible_ids


def runoffs_of(db: Database, round_id: str) -> list[RoundSnapshot]:
    """The round's runoffs (not deleted), in the order they were made."""
    with db.transaction() as session:
        return [round_snapshot(session, r) for r in _runoffs(session, round_id)]
