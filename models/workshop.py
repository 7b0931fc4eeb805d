"""The workshop, its agenda of phases, its participants and its clusters of ideas."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Keyed, SoftDeletable
from models.enums import Origin, PhaseState

if TYPE_CHECKING:
    from models.idea import Idea


class Workshop(Keyed, SoftDeletable, Base):
    __tablename__ = "workshop"

    title: Mapped[str] = mapped_column(String(300))
    challenge: Mapped[str] = mapped_column(Text, default="")
    warmup_prompts: Mapped[list[str]] = mapped_column(JSON, default=list)
    held_on: Mapped[date | None] = mapped_column(Date, default=None)
    place: Mapped[str] = mapped_column(String(300), default="")
    organisation: Mapped[str] = mapped_column(String(300), default="")
    unit: Mapped[str] = mapped_column(String(300), default="")
    organiser: Mapped[str] = mapped_column(String(300), default="")
    facilitator: Mapped[str] = mapped_column(String(300), default="")
    case_number: Mapped[str] = mapped_column(String(100), default="")
    template_key: Mapped[str] = mapped_column(String(100), default="")
    language: Mapped[str] = mapped_column(String(8), default="sv")
    follow_up_url: Mapped[str] = mapped_column(String(2000), default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date, default=None)
    lessons_learned: Mapped[str] = mapped_column(Text, default="")

    phases: Mapped[list[Phase]] = relationship(
        back_populates="workshop",
        order_by="Phase.position",
        cascade="all, delete-orphan",
    )
    participants: Mapped[list[Participant]] = relationship(
        back_populates="workshop", order_by="Participant.position", cascade="all, delete-orphan"
    )
    clusters: Mapped[list[Cluster]] = relationship(
        back_populates="workshop", order_by="Cluster.position", cascade="all, delete-orphan"
    )
    ideas: Mapped[list[Idea]] = relationship(
        back_populates="workshop", order_by="Idea.position", cascade="all, delete-orphan"
    )


class Phase(Keyed, Base):
    """One step of a workshop's agenda, copied from its template at creation.

    The workshop's current phase is the one whose state is ``active``.
    """

    __tablename__ = "phase"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(32))
    step: Mapped[int | None] = mapped_column(Integer, default=None)
    in_room: Mapped[bool] = mapped_column(Boolean, default=True)
    titles: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    descriptions: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    planned_minutes: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String(16), default=PhaseState.PENDING)

    workshop: Mapped[Workshop] = relationship(back_populates="phases")


class Participant(Keyed, SoftDeletable, Base):
    """A person in the room; often only a role and an organisation, never required to be named."""

    __tablename__ = "participant"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    display_name: Mapped[str] = mapped_column(String(300), default="")
    role: Mapped[str] = mapped_column(String(32))
    organisation: Mapped[str] = mapped_column(String(300), default="")
    origin: Mapped[str] = mapped_column(String(16), default=Origin.INTERNAL)
    consent_to_be_named: Mapped[bool] = mapped_column(Boolean, default=False)

    workshop: Mapped[Workshop] = relationship(back_populates="participants")


class Cluster(Keyed, SoftDeletable, Base):
    """A named, coloured theme that ideas are gathered into."""

    __tablename__ = "cluster"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(300))
    colour: Mapped[str] = mapped_column(String(16), default="")

    workshop: Mapped[Workshop] = relationship(back_populates="clusters")
