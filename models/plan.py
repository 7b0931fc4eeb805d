"""Development plans with actions (step 6), decisions (7), resources (8) and follow-up (9-10)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Keyed, SoftDeletable
from models.enums import ActionStatus


class DevelopmentPlan(Keyed, SoftDeletable, Base):
    """The sharpened proposal for one idea; an idea has at most one plan that is not deleted."""

    __tablename__ = "development_plan"
    __table_args__ = (
        Index(
            "uq_development_plan_live_idea",
            "idea_id",
            unique=True,
            sqlite_where=sql_text("deleted_at IS NULL"),
            postgresql_where=sql_text("deleted_at IS NULL"),
        ),
    )

    idea_id: Mapped[str] = mapped_column(ForeignKey("idea.id", ondelete="CASCADE"))
    concept: Mapped[str] = mapped_column(Text, default="")
    factors: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(String(300), default="")
    mandate: Mapped[str] = mapped_column(Text, default="")
    risk_bearer: Mapped[str] = mapped_column(String(300), default="")
    pilot_plan: Mapped[str] = mapped_column(Text, default="")
    user_involvement: Mapped[str] = mapped_column(Text, default="")
    operations_handover: Mapped[str] = mapped_column(Text, default="")
    ready_for_decision: Mapped[bool] = mapped_column(Boolean, default=False)

    actions: Mapped[list[Action]] = relationship(
        back_populates="plan", order_by="Action.position", cascade="all, delete-orphan"
    )


class Action(Keyed, SoftDeletable, Base):
    """An insats: who does what by when, and how it is followed up."""

    __tablename__ = "action"

    plan_id: Mapped[str] = mapped_column(ForeignKey("development_plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    owner: Mapped[str] = mapped_column(String(300), default="")
    due_on: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(16), default=ActionStatus.NOT_STARTED)
    followed_up_within: Mapped[str] = mapped_column(String(300), default="")

    plan: Mapped[DevelopmentPlan] = relationship(back_populates="actions")


class Decision(Keyed, SoftDeletable, Base):
    """A formal decision (GO, no, postponed, declined while in doubt), numbered with § in the protocol."""

    __tablename__ = "decision"
    # Two laptops or two windows can never give the same § number in one workshop.
    __table_args__ = (UniqueConstraint("workshop_id", "number"),)

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"), index=True)
    idea_id: Mapped[str | None] = mapped_column(ForeignKey("idea.id", ondelete="SET NULL"), default=None)
    number: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(24))
    level: Mapped[str] = mapped_column(String(24))
    decided_by: Mapped[str] = mapped_column(String(300), default="")
    reference: Mapped[str] = mapped_column(String(200), default="")
    decided_on: Mapped[date | None] = mapped_column(Date, default=None)
    reasons: Mapped[str] = mapped_column(Text, default="")
    staff_vote: Mapped[str] = mapped_column(Text, default="")
    lessons_capture: Mapped[str] = mapped_column(Text, default="")


class ResourceAllocation(Keyed, SoftDeletable, Base):
    __tablename__ = "resource_allocation"

    decision_id: Mapped[str] = mapped_column(ForeignKey("decision.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), default=None)
    currency: Mapped[str] = mapped_column(String(3), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    allocated_by: Mapped[str] = mapped_column(String(300), default="")
    allocated_on: Mapped[date | None] = mapped_column(Date, default=None)


class FollowUpEntry(Keyed, SoftDeletable, Base):
    """A note from the months after: a check-in, support given, realisation, recognition, a lesson."""

    __tablename__ = "follow_up_entry"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"), index=True)
    idea_id: Mapped[str | None] = mapped_column(ForeignKey("idea.id", ondelete="SET NULL"), default=None)
    action_id: Mapped[str | None] = mapped_column(ForeignKey("action.id", ondelete="SET NULL"), default=None)
    kind: Mapped[str] = mapped_column(String(16))
    entry_on: Mapped[date] = mapped_column(Date)
    author: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(24), default="")
    #: For a recognition, the person recognised; ``author`` is who gave the recognition.
    recognised: Mapped[str] = mapped_column(String(300), default="")
