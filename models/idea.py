"""Ideas with their givers, pictures, backings and the record of merges."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Integer, LargeBinary, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Keyed, SoftDeletable
from models.enums import IdeaStatus

if TYPE_CHECKING:
    from models.workshop import Cluster, Participant, Workshop

idea_giver = Table(
    "idea_giver",
    Base.metadata,
    Column("idea_id", ForeignKey("idea.id", ondelete="CASCADE"), primary_key=True),
    Column("participant_id", ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True),
)


class Idea(Keyed, SoftDeletable, Base):
    __tablename__ = "idea"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"), index=True)
    cluster_id: Mapped[str | None] = mapped_column(
        ForeignKey("cluster.id", ondelete="SET NULL"), default=None, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text, default="")
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    origin: Mapped[str | None] = mapped_column(String(16), default=None)
    actor_category: Mapped[str | None] = mapped_column(String(32), default=None)
    idea_type: Mapped[str | None] = mapped_column(String(16), default=None)
    novelty: Mapped[str | None] = mapped_column(String(32), default=None)
    depth: Mapped[str | None] = mapped_column(String(16), default=None)
    status: Mapped[str] = mapped_column(String(16), default=IdeaStatus.PROPOSED)
    merged_into_id: Mapped[str | None] = mapped_column(
        ForeignKey("idea.id", ondelete="SET NULL"), default=None
    )

    workshop: Mapped[Workshop] = relationship(back_populates="ideas")
    cluster: Mapped[Cluster | None] = relationship()
    givers: Mapped[list[Participant]] = relationship(secondary=idea_giver, order_by="Participant.position")
    images: Mapped[list[IdeaImage]] = relationship(
        back_populates="idea", order_by="IdeaImage.position", cascade="all, delete-orphan"
    )
    backings: Mapped[list[Backing]] = relationship(
        back_populates="idea", order_by="Backing.created_at", cascade="all, delete-orphan"
    )


class IdeaImage(Keyed, SoftDeletable, Base):
    """A picture on an idea card (a photo of a sticky note, a sketch), stored scaled down."""

    __tablename__ = "idea_image"

    idea_id: Mapped[str] = mapped_column(ForeignKey("idea.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    mime_type: Mapped[str] = mapped_column(String(64))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    caption: Mapped[str] = mapped_column(String(300), default="")

    idea: Mapped[Idea] = relationship(back_populates="images")


class Backing(Keyed, SoftDeletable, Base):
    """The leader's short positive response to an idea (step 3: no idea without a response)."""

    __tablename__ = "backing"

    idea_id: Mapped[str] = mapped_column(ForeignKey("idea.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    given_by: Mapped[str] = mapped_column(String(300), default="")

    idea: Mapped[Idea] = relationship(back_populates="backings")


class IdeaMerge(Keyed, Base):
    """What a merge changed, so that it can be undone exactly and read later."""

    __tablename__ = "idea_merge"

    kept_id: Mapped[str] = mapped_column(ForeignKey("idea.id", ondelete="CASCADE"), index=True)
    absorbed_id: Mapped[str] = mapped_column(ForeignKey("idea.id", ondelete="CASCADE"), index=True)
    kept_before: Mapped[dict[str, Any]] = mapped_column(JSON)
    undone: Mapped[bool] = mapped_column(Boolean, default=False)
