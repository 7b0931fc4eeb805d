"""Critical review (step 4) and in-depth analysis (step 5) of a shortlisted idea."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Keyed, SoftDeletable, UTCDateTime
from models.enums import ReviewFormat


class Review(Keyed, SoftDeletable, Base):
    """One review board for an idea, ending in a recommendation with reasons."""

    __tablename__ = "review"

    idea_id: Mapped[str] = mapped_column(ForeignKey("idea.id", ondelete="CASCADE"), index=True)
    format: Mapped[str] = mapped_column(String(16), default=ReviewFormat.STANDARD)
    recommendation: Mapped[str | None] = mapped_column(String(16), default=None)
    reasons: Mapped[str] = mapped_column(Text, default="")
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    notes: Mapped[list[ReviewNote]] = relationship(
        back_populates="review", order_by="ReviewNote.position", cascade="all, delete-orphan"
    )


class ReviewNote(Keyed, SoftDeletable, Base):
    __tablename__ = "review_note"

    review_id: Mapped[str] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    reviewer_id: Mapped[str | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"), default=None
    )
    position: Mapped[int] = mapped_column(Integer, default=0)

    review: Mapped[Review] = relationship(back_populates="notes")


class Analysis(Keyed, Base):
    """The in-depth analysis checklist: will the benefit exceed the cost?"""

    __tablename__ = "analysis"

    idea_id: Mapped[str] = mapped_column(ForeignKey("idea.id", ondelete="CASCADE"), unique=True)
    benefit: Mapped[str] = mapped_column(Text, default="")
    beneficiaries: Mapped[str] = mapped_column(Text, default="")
    cost_hours: Mapped[Decimal | None] = mapped_column(Numeric(12, 1), default=None)
    cost_money: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), default=None)
    currency: Mapped[str] = mapped_column(String(3), default="SEK")
    external_information: Mapped[str] = mapped_column(Text, default="")
    rights: Mapped[str] = mapped_column(Text, default="")
    financing: Mapped[str] = mapped_column(Text, default="")
    skills: Mapped[str] = mapped_column(Text, default="")
    partners: Mapped[str] = mapped_column(Text, default="")
