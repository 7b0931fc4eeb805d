"""Voting rounds and ballots: setting the rules, opening, casting and replacing ballots, paper tallies.

What was voted stays out of every snapshot here until the reveal (app.voting_results):
before it, only how many have voted (and who, in a named round) can be read.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Connection, RowMapping, delete, func, insert, select, update
from sqlalchemy.orm import Session

from app import voter_keys
from app.errors import InvalidInput, NotFound, UserError
from app.i18n import _, ngettext
from app.records import fetch
from app.text import clean_line
from app.voting_rules import (
    MOST_DOTS,
    MOST_PAPER_DOTS,
    MOST_VOTERS,
    BallotRefused,
    Refusal,
    Rules,
    check_ballot,
)
from app.voting_snapshots import BallotReceipt, RoundSnapshot, RoundSpec, Turnout, Voter
from models.base import new_id, utcnow
from models.database import Database
from models.enums import BallotSource, Eligibility, RoundState, VotingMode
from models.idea import Idea, idea_giver
from models.voting import Ballot, PaperTally, Vote, VotingRound, round_cluster, round_idea
from models.workshop import Cluster, Participant, Workshop


class RoundStateError(UserError):
    """The round is not in a state that allows this (opening a revealed round, editing an open one)."""


# -- reading -------------------------------------------------------------------------------


def _live_ideas(session: Session, workshop_id: str) -> list[str]:
    return list(
        session.scalars(
            select(Idea.id)
            .where(Idea.workshop_id == workshop_id, Idea.deleted_at.is_(None), Idea.merged_into_id.is_(None))
            .order_by(Idea.position)
        )
    )


def _eligible_ids(session: Session, round_id: str) -> tuple[str, ...]:
    rows = session.execute(
        select(round_idea.c.idea_id)
        .join(Idea, Idea.id == round_idea.c.idea_id)
        .where(round_idea.c.round_id == round_id)
        .order_by(Idea.position)
    )
    return tuple(r[0] for r in rows)


def round_snapshot(session: Session, row: VotingRound) -> RoundSnapshot:
    ballots = session.scalar(select(func.count()).select_from(Ballot).where(Ballot.round_id == row.id))
    paper = session.scalar(select(func.count()).select_from(PaperTally).where(PaperTally.round_id == row.id))
    clusters = session.scalars(select(round_cluster.c.cluster_id).where(round_cluster.c.round_id == row.id))
    return RoundSnapshot(
        id=row.id,
        workshop_id=row.workshop_id,
        number=row.number,
        title=row.title,
        dots=row.dots_per_participant,
        max_per_idea=row.max_dots_per_idea,
        eligibility=Eligibility(row.eligibility),
        cluster_ids=tuple(sorted(clusters)),
        eligible_ids=_eligible_ids(session, row.id),
        allow_own_ideas=row.allow_own_ideas,
        anonymous=row.anonymous,
        mode=VotingMode(row.mode),
        state=RoundState(row.state),
        voters_expected=row.voters_expected,
        shortlist_size=row.shortlist_size,
        runoff_of_id=row.runoff_of_id,
        opened_at=row.opened_at,
        closed_at=row.closed_at,
        revealed_at=row.revealed_at,
        ballots=int(ballots or 0),
        has_paper=bool(paper),
        deleted=row.deleted_at is not None,
    )


def get_round(db: Database, round_id: str) -> RoundSnapshot:
    with db.transaction() as session:
        return round_snapshot(session, fetch(session, VotingRound, round_id))


def list_rounds(db: Database, workshop_id: str) -> list[RoundSnapshot]:
    """The workshop's rounds in the order they were made."""
    with db.transaction() as session:
        rows = session.scalars(
            select(VotingRound)
            .where(VotingRound.workshop_id == workshop_id, VotingRound.deleted_at.is_(None))
            .order_by(VotingRound.number)
        )
        return [round_snapshot(session, row) for row in rows]


def turnout(db: Database, round_id: str) -> Turnout:
    """How many have voted; in a named round also who. Never what."""
    with db.transaction() as session:
        row = fetch(session, VotingRound, round_id)
        ids = session.scalars(select(Ballot.participant_id).where(Ballot.round_id == round_id))
        voted = frozenset(i for i in ids if i is not None) if not row.anonymous else frozenset()
        count = session.scalar(select(func.count()).select_from(Ballot).where(Ballot.round_id == round_id))
        return Turnout(round_id, int(count or 0), row.voters_expected, voted)


# -- the rules -------------------------------------------------------------------------------


def _check_spec(spec: RoundSpec) -> None:
    if not 1 <= spec.dots <= MOST_DOTS:
        raise InvalidInput(_("Give each voter between 1 and {n} dots.").format(n=MOST_DOTS), "dots")
    if not 1 <= spec.max_per_idea <= spec.dots:
        raise InvalidInput(
            _("The most dots on one idea must be between 1 and the dots each voter has."), "max_per_idea"
        )
    if not 0 <= spec.voters_expected <= MOST_VOTERS:
        raise InvalidInput(
            _("The number of voters must be between 0 and {n}.").format(n=MOST_VOTERS), "voters_expected"
        )
    if spec.eligibility is Eligibility.CLUSTERS and not spec.cluster_ids:
        raise InvalidInput(_("Choose at least one theme to vote on."), "cluster_ids")
    if spec.eligibility is Eligibility.LIST and not spec.idea_ids:
        raise InvalidInput(_("Choose at least one idea to vote on."), "idea_ids")


def _write_eligibility(session: Session, row: VotingRound, spec: RoundSpec) -> None:
    """Store which ideas the round is about: the chosen list, or all (or chosen themes') ideas now."""
    session.execute(delete(round_cluster).where(round_cluster.c.round_id == row.id))
    session.execute(delete(round_idea).where(round_idea.c.round_id == row.id))
    live = _live_ideas(session, row.workshop_id)
    if spec.eligibility is Eligibility.CLUSTERS:
        clusters = set(
            session.scalars(
                select(Cluster.id).where(
                    Cluster.workshop_id == row.workshop_id,
                    Cluster.id.in_(spec.cluster_ids),
                    Cluster.deleted_at.is_(None),
                )
            )
        )
        if not clusters:
            raise InvalidInput(_("Choose at least one theme to vote on."), "cluster_ids")
        session.execute(insert(round_cluster), [{"round_id": row.id, "cluster_id": c} for c in clusters])
        in_clusters = set(
            session.scalars(select(Idea.id).where(Idea.id.in_(live), Idea.cluster_id.in_(clusters)))
        )
        chosen = [i for i in live if i in in_clusters]
    elif spec.eligibility is Eligibility.LIST:
        wanted = set(spec.idea_ids)
        chosen = [i for i in live if i in wanted]
    else:
        chosen = live
    if chosen:
        session.execute(insert(round_idea), [{"round_id": row.id, "idea_id": i} for i in chosen])


def _apply(row: VotingRound, spec: RoundSpec) -> None:
    row.title = clean_line(spec.title, "title")
    row.dots_per_participant = spec.dots
    row.max_dots_per_idea = spec.max_per_idea
    row.eligibility = spec.eligibility
    row.allow_own_ideas = spec.allow_own_ideas
    row.anonymous = spec.anonymous
    row.voters_expected = spec.voters_expected
    row.mode = spec.mode


def create_round(
    db: Database, workshop_id: str, spec: RoundSpec, *, runoff_of: str | None = None
) -> RoundSnapshot:
    """A new round in draft, numbered after the workshop's others."""
    _check_spec(spec)
    with db.transaction() as session:
        fetch(session, Workshop, workshop_id)
        last = session.scalar(
            select(func.max(VotingRound.number)).where(VotingRound.workshop_id == workshop_id)
        )
        row = VotingRound(
            id=new_id(), workshop_id=workshop_id, number=(last or 0) + 1, runoff_of_id=runoff_of
        )
        _apply(row, spec)
        row.state = RoundState.DRAFT
        session.add(row)
        session.flush()
        _write_eligibility(session, row, spec)
        return round_snapshot(session, row)


def update_round(db: Database, round_id: str, spec: RoundSpec) -> RoundSnapshot:
    """Change the rules; only before the round opens."""
    _check_spec(spec)
    with db.transaction() as session:
        row = fetch(session, VotingRound, round_id)
        if row.state != RoundState.DRAFT:
            raise RoundStateError(_("The rules cannot change once voting has started."))
        _apply(row, spec)
        _write_eligibility(session, row, spec)
        return round_snapshot(session, row)


def open_round(db: Database, round_id: str) -> RoundSnapshot:
    """Start voting: the eligible ideas are fixed as they are now, ballots are taken from here on."""
    with db.transaction() as session:
        row = fetch(session, VotingRound, round_id)
        if row.state != RoundState.DRAFT:
            raise RoundStateError(_("This round has already been opened."))
        # Frozen as the board is now: ideas deleted or merged since the rules were set drop out,
        # and with all ideas (or chosen themes) those added or moved in since come in.
        _write_eligibility(session, row, round_snapshot(session, row).spec())
        if not _eligible_ids(session, row.id):
            raise InvalidInput(_("There are no ideas to vote on in this round."), "idea_ids")
        if row.anonymous:
            voter_keys.create_key(db.path, row.id)
        row.state = RoundState.OPEN
        row.opened_at = utcnow()
        return round_snapshot(session, row)


def _forget_voters(session: Session, row: VotingRound) -> None:
    """After voting, nothing is left that could tell one anonymous ballot from another's voter."""
    if row.anonymous:
        session.execute(update(Ballot).where(Ballot.round_id == row.id).values(voter_key_hash=None))


def close_round(db: Database, round_id: str) -> RoundSnapshot:
    """No more ballots; the counts stay hidden until the reveal."""
    with db.transaction() as session:
        row = fetch(session, VotingRound, round_id)
        if row.state != RoundState.OPEN:
            raise RoundStateError(_("Only an open round can be closed."))
        row.state = RoundState.CLOSED
        row.closed_at = utcnow()
        _forget_voters(session, row)
        snapshot = round_snapshot(session, row)
    voter_keys.destroy_key(db.path, round_id)
    if snapshot.anonymous:
        db.empty_log()
    return snapshot


def delete_round(db: Database, round_id: str) -> RoundSnapshot:
    """Delete a round that is not taking ballots (undone exactly by ``restore_round``).

    An open round is closed first by the facilitator: a deleted round must not keep
    its voters' hashes and key while nobody can close it.
    """
    with db.transaction() as session:
        row = fetch(session, VotingRound, round_id)
        if row.state == RoundState.OPEN:
            raise RoundStateError(_("Close voting in this round before deleting it."))
        row.deleted_at = utcnow()
        return round_snapshot(session, row)


def restore_round(db: Database, round_id: str) -> RoundSnapshot:
    with db.transaction() as session:
        row = fetch(session, VotingRound, round_id, allow_deleted=True)
        row.deleted_at = None
        return round_snapshot(session, row)


# -- ballots -------------------------------------------------------------------------------


def _not_open(state: str) -> BallotRefused:
    if state == RoundState.DRAFT:
        return BallotRefused(Refusal.NOT_OPEN, _("Voting in this round has not started yet."))
    return BallotRefused(Refusal.NOT_OPEN, _("Voting in this round has closed; the ballot was not counted."))


def _own_ideas(connection: Connection, participant_id: str) -> frozenset[str]:
    """Ideas the participant gave openly; an anonymous idea's giver stays secret, even from the rule."""
    rows = connection.execute(
        select(idea_giver.c.idea_id)
        .join(Idea, Idea.id == idea_giver.c.idea_id)
        .where(idea_giver.c.participant_id == participant_id, Idea.anonymous.is_(False))
    )
    return frozenset(r[0] for r in rows)


def _voter_check(connection: Connection, row: RowMapping, voter: Voter) -> None:
    if voter.participant_id is None:
        if not row["anonymous"]:
            raise BallotRefused(Refusal.NAME_NEEDED, _("In a named round, choose your name to vote."))
        if not row["allow_own_ideas"]:
            raise BallotRefused(
                Refusal.NAME_NEEDED,
                _("Choose your name to vote: this round keeps you from voting for your own ideas."),
            )
        expected = int(str(row["voters_expected"]))
        if voter.number is None or not 1 <= voter.number <= max(expected, 1):
            raise BallotRefused(Refusal.UNKNOWN_VOTER, _("That voter number is not part of this round."))
        return
    known = connection.scalar(
        select(func.count())
        .select_from(Participant)
        .where(
            Participant.id == voter.participant_id,
            Participant.workshop_id == row["workshop_id"],
            Participant.deleted_at.is_(None),
        )
    )
    if not known:
        raise BallotRefused(Refusal.UNKNOWN_VOTER, _("That name is not a participant of this workshop."))


def cast_ballot(
    db: Database,
    round_id: str,
    voter: Voter,
    dots: Mapping[str, int],
    source: BallotSource = BallotSource.BOOTH,
) -> BallotReceipt:
    """Count a ballot whole, replacing the voter's earlier one; or BallotRefused, counting nothing."""
    with db.core_transaction() as connection:
        found = (
            connection.execute(
                select(
                    VotingRound.workshop_id,
                    VotingRound.state,
                    VotingRound.anonymous,
                    VotingRound.allow_own_ideas,
                    VotingRound.voters_expected,
                    VotingRound.dots_per_participant,
                    VotingRound.max_dots_per_idea,
                ).where(VotingRound.id == round_id, VotingRound.deleted_at.is_(None))
            )
            .mappings()
            .first()
        )
        if found is None:
            raise NotFound(_("This voting round is no longer there."))
        if found["state"] != RoundState.OPEN:
            raise _not_open(found["state"])
        _voter_check(connection, found, voter)
        # Only the ideas with dots on this ballot are looked up: a round may hold a thousand.
        marked = [idea_id for idea_id, count in dots.items() if count]
        eligible = frozenset(
            connection.scalars(
                select(round_idea.c.idea_id).where(
                    round_idea.c.round_id == round_id, round_idea.c.idea_id.in_(marked)
                )
            )
        )
        rules = Rules(
            found["dots_per_participant"], found["max_dots_per_idea"], eligible, found["allow_own_ideas"]
        )
        own = _own_ideas(connection, voter.participant_id) if voter.participant_id else frozenset()
        placed = check_ballot(rules, dots, own)

        if found["anonymous"]:
            key = voter_keys.read_key(db.path, round_id)
            if key is None:
                raise UserError(
                    _("This round's voter key is missing (the database was moved while voting was open). "
                      "Close the round and start a new one.")
                )  # fmt: skip
            voter_hash: str | None = voter_keys.voter_hash(key, voter.key())
            mine = Ballot.voter_key_hash == voter_hash
            participant_id = None
        else:
            voter_hash = None
            mine = Ballot.participant_id == voter.participant_id
            participant_id = voter.participant_id
        removed = connection.execute(delete(Ballot).where(Ballot.round_id == round_id, mine)).rowcount
        ballot_id = new_id()
        connection.execute(
            insert(Ballot).values(
                id=ballot_id,
                round_id=round_id,
                participant_id=participant_id,
                voter_key_hash=voter_hash,
                source=source,
            )
        )
        connection.execute(
            insert(Vote), [{"ballot_id": ballot_id, "idea_id": i, "dots": n} for i, n in placed.items()]
        )
        count = connection.scalar(select(func.count()).select_from(Ballot).where(Ballot.round_id == round_id))
        return BallotReceipt(round_id, removed > 0, int(count or 0), source)


def has_voted(db: Database, round_id: str, voter: Voter) -> bool:
    """Whether this voter has a ballot in the open round (so the booth can say it will be replaced)."""
    with db.transaction() as session:
        row = fetch(session, VotingRound, round_id)
        if row.anonymous:
            key = voter_keys.read_key(db.path, round_id)
            if key is None:
                return False
            clause = Ballot.voter_key_hash == voter_keys.voter_hash(key, voter.key())
        elif voter.participant_id is None:
            return False
        else:
            clause = Ballot.participant_id == voter.participant_id
        found = session.scalar(
            select(func.count()).select_from(Ballot).where(Ballot.round_id == round_id, clause)
        )
        return bool(found)


# -- paper ----------------------------------------------------------------------------------


def paper_tally(db: Database, round_id: str) -> dict[str, int]:
    """The dots the facilitator typed in from the wall (what they typed; not the round's tally)."""
    with db.transaction() as session:
        fetch(session, VotingRound, round_id)
        rows = session.execute(
            select(PaperTally.idea_id, PaperTally.dots).where(PaperTally.round_id == round_id)
        )
        return {idea_id: dots for idea_id, dots in rows}


def set_paper_tally(db: Database, round_id: str, dots: Mapping[str, int]) -> RoundSnapshot:
    """Replace the paper dots of the given ideas (0 clears one); until the reveal."""
    for count in dots.values():
        if not 0 <= count <= MOST_PAPER_DOTS:
            raise InvalidInput(
                _("A paper count must be a whole number from 0 to {n}.").format(n=MOST_PAPER_DOTS), "dots"
            )
    with db.transaction() as session:
        row = fetch(session, VotingRound, round_id)
        if row.state == RoundState.REVEALED:
            raise RoundStateError(_("The results are revealed: paper dots can no longer change."))
        eligible = set(_eligible_ids(session, round_id))
        strangers = [i for i in dots if i not in eligible]
        if strangers:
            raise InvalidInput(
                ngettext(
                    "{n} idea is not part of this vote.",
                    "{n} ideas are not part of this vote.",
                    len(strangers),
                ).format(n=len(strangers)),
                "dots",
            )
        session.execute(
            delete(PaperTally).where(PaperTally.round_id == round_id, PaperTally.idea_id.in_(list(dots)))
        )
        session.add_all(PaperTally(round_id=round_id, idea_id=i, dots=n) for i, n in dots.items() if n > 0)
        session.flush()
        return round_snapshot(session, row)
