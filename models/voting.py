"""Dot voting: rounds with their rules, ballots and their dots, paper tallies and the shortlist."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Keyed, SoftDeletable, UTCDateTime, new_id
from models.enums import Eligibility, RoundState, VotingMode

round_idea = Table(
    "voting_round_idea",
    Base.metadata,
    Column("round_id", ForeignKey("voting_round.id", ondelete="CASCADE"), primary_key=True),
    Column("idea_id", ForeignKey("idea.id", ondelete="CASCADE"), primary_key=True),
)

round_cluster = Table(
    "voting_round_cluster",
    Base.metadata,
    Column("round_id", ForeignKey("voting_round.id", ondelete="CASCADE"), primary_key=True),
    Column("cluster_id", ForeignKey("cluster.id", ondelete="CASCADE"), primary_key=True),
)


class VotingRound(Keyed, SoftDeletable, Base):
    __tablename__ = "voting_round"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300), default="")
    dots_per_participant: Mapped[int] = mapped_column(Integer)
    max_dots_per_idea: Mapped[int] = mapped_column(Integer, default=1)
    eligibility: Mapped[str] = mapped_column(String(16), default=Eligibility.ALL)
    allow_own_ideas: Mapped[bool] = mapped_column(Boolean, default=True)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=True)
    mode: Mapped[str] = mapped_column(String(16), default=VotingMode.BOOTH)
    state: Mapped[str] = mapped_column(String(16), default=RoundState.DRAFT)
    #: How many people are expected to vote: the "7 of 12" and the booth's voter numbers.
    voters_expected: Mapped[int] = mapped_column(Integer, default=0)
    #: How many ideas go on from this round (the cut line), once the facilitator has chosen.
    shortlist_size: Mapped[int | None] = mapped_column(Integer, default=None)
    runoff_of_id: Mapped[str | None] = mapped_column(
        ForeignKey("voting_round.id", ondelete="SET NULL"), default=None
    )
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    revealed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    ballots: Mapped[list[Ballot]] = relationship(back_populates="round", cascade="all, delete-orphan")


class Ballot(Base):
    """One voter's dots in one round, accepted whole.

    Stored so that an anonymous ballot cannot be traced to a person from the file:
    no creation time, ``participant_id`` only ever set in named rounds, a random key,
    and no rowid (a WITHOUT ROWID table keeps rows in key order, not in the order cast).
    ``voter_key_hash`` lets an anonymous voter replace their ballot while the round is
    open: a keyed hash whose key is kept outside the database and destroyed at close.
    """

    __tablename__ = "ballot"
    __table_args__ = ({"sqlite_with_rowid": False},)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    round_id: Mapped[str] = mapped_column(ForeignKey("voting_round.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[str | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"), default=None
    )
    voter_key_hash: Mapped[str | None] = mapped_column(String(128), default=None, index=True)
    source: Mapped[str] = mapped_column(String(16))

    round: Mapped[VotingRound] = relationship(back_populates="ballots")
    votes: Mapped[list[Vote]] = relationship(back_populates="ballot", cascade="all, delete-orphan")


class Vote(Base):
    __tablename__ = "vote"
    __table_args__ = ({"sqlite_with_rowid": False},)

    ballot_id: Mapped[str] = mapped_column(ForeignKey("ballot.id", ondelete="CASCADE"), primary_key=True)
    idea_id: Mapped[str] = mapped_column(ForeignKey("idea.id", ondelete="CASCADE"), primary_key=True)
    dots: Mapped[int] = mapped_column(Integer)

    ballot: Mapped[Ballot] = relationship(back_populates="votes")


class PaperTally(Keyed, Base):
    """Dots counted from stickers on a wall, typed in by the facilitator."""

    __tablename__ = "paper_tally"

    round_id: Mapped[str] = mapped_column(ForeignKey("voting_round.id", ondelete="CASCADE"), index=True)
    idea_id: Mapped[str] = mapped_column(ForeignKey("idea.id", ondelete="CASCADE"))
    dots: Mapped[int] = mapped_column(Integer)


class TieResolution(Keyed, Base):
    """A tie at the cut line settled by hand: the tied ideas in the chosen order, with the reason."""

    __tablename__ = "tie_resolution"

    round_id: Mapped[str] = mapped_column(ForeignKey("voting_round.id", ondelete="CASCADE"), index=True)
    idea_id: Mapped[str] = mapped_column(ForeignKey("idea.id", ondelete="CASCADE"))
    rank: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)


class ShortlistEntry(Keyed, SoftDeletable, Base):
    """An idea going on to critical review; the vote is advisory, so each change has a reason."""

    __tablename__ = "shortlist_entry"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"), index=True)
    idea_id: Mapped[str] = mapped_column(ForeignKey("idea.id", ondelete="CASCADE"))
    round_id: Mapped[str | None] = mapped_column(
        ForeignKey("voting_round.id", ondelete="SET NULL"), default=None
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    added_reason: Mapped[str] = mapped_column(Text, default="")
    removed_reason: Mapped[str] = mapped_column(Text, default="")
