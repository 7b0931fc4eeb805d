"""Fetching rows for a service and turning them into snapshots."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.errors import InvalidInput, NotFound
from app.i18n import _, localised
from app.snapshots import (
    BackingSnapshot,
    ClusterSnapshot,
    IdeaSnapshot,
    ParticipantSnapshot,
    PhaseSnapshot,
    WorkshopSnapshot,
)
from models.base import Base
from models.enums import PhaseState
from models.idea import Backing, Idea
from models.workshop import Cluster, Participant, Phase, Workshop

Row = TypeVar("Row", bound=Base)


def fetch(session: Session, model: type[Row], row_id: str, *, allow_deleted: bool = False) -> Row:
    """The row with ``row_id``; NotFound if it is missing or (unless allowed) deleted."""
    row = session.get(model, row_id)
    if row is None or (not allow_deleted and getattr(row, "deleted_at", None) is not None):
        raise NotFound(_("It is no longer there: it may have been deleted."))
    return row


def fetch_idea_in(session: Session, workshop_id: str, idea_id: str) -> Idea:
    """The idea, refused (InvalidInput on ``idea_id``) when it belongs to another workshop."""
    idea = fetch(session, Idea, idea_id)
    if idea.workshop_id != workshop_id:
        raise InvalidInput(_("That idea belongs to another workshop."), "idea_id")
    return idea


def next_position(
    session: Session,
    column: InstrumentedAttribute[int],
    parent_column: InstrumentedAttribute[str],
    parent_id: str,
) -> int:
    """One past the highest position among the parent's rows (deleted ones included, so undo fits)."""
    last = session.scalar(select(func.max(column)).where(parent_column == parent_id))
    return 0 if last is None else int(last) + 1


def phase_snapshot(phase: Phase) -> PhaseSnapshot:
    return PhaseSnapshot(
        id=phase.id,
        position=phase.position,
        key=phase.key,
        kind=phase.kind,
        step=phase.step,
        in_room=phase.in_room,
        title=localised(phase.titles),
        description=localised(phase.descriptions),
        planned_minutes=phase.planned_minutes,
        state=PhaseState(phase.state),
    )


def workshop_snapshot(workshop: Workshop) -> WorkshopSnapshot:
    return WorkshopSnapshot(
        id=workshop.id,
        title=workshop.title,
        challenge=workshop.challenge,
        warmup_prompts=tuple(workshop.warmup_prompts),
        held_on=workshop.held_on,
        place=workshop.place,
        organisation=workshop.organisation,
        unit=workshop.unit,
        organiser=workshop.organiser,
        facilitator=workshop.facilitator,
        case_number=workshop.case_number,
        template_key=workshop.template_key,
        language=workshop.language,
        follow_up_url=workshop.follow_up_url,
        follow_up_on=workshop.follow_up_on,
        created_at=workshop.created_at,
        deleted=workshop.deleted_at is not None,
        phases=tuple(phase_snapshot(p) for p in workshop.phases),
    )


def participant_snapshot(p: Participant) -> ParticipantSnapshot:
    return ParticipantSnapshot(
        id=p.id,
        workshop_id=p.workshop_id,
        position=p.position,
        display_name=p.display_name,
        role=p.role,
        organisation=p.organisation,
        origin=p.origin,
        consent_to_be_named=p.consent_to_be_named,
        deleted=p.deleted_at is not None,
    )


def cluster_snapshot(c: Cluster) -> ClusterSnapshot:
    return ClusterSnapshot(
        id=c.id,
        workshop_id=c.workshop_id,
        position=c.position,
        name=c.name,
        colour=c.colour,
        deleted=c.deleted_at is not None,
    )


def idea_snapshot(
    idea: Idea,
    *,
    giver_ids: tuple[str, ...] | None = None,
    backing_count: int | None = None,
    image_count: int | None = None,
) -> IdeaSnapshot:
    """A snapshot; counts may be given by a caller that fetched them in bulk."""
    if giver_ids is None:
        giver_ids = tuple(g.id for g in idea.givers)
    if backing_count is None:
        backing_count = sum(1 for b in idea.backings if b.deleted_at is None)
    if image_count is None:
        image_count = sum(1 for i in idea.images if i.deleted_at is None)
    return IdeaSnapshot(
        id=idea.id,
        workshop_id=idea.workshop_id,
        cluster_id=idea.cluster_id,
        position=idea.position,
        title=idea.title,
        text=idea.text,
        anonymous=idea.anonymous,
        giver_ids=giver_ids,
        origin=idea.origin,
        actor_category=idea.actor_category,
        idea_type=idea.idea_type,
        novelty=idea.novelty,
        depth=idea.depth,
        status=idea.status,
        backing_count=backing_count,
        image_count=image_count,
        deleted=idea.deleted_at is not None,
        merged_into_id=idea.merged_into_id,
    )


def backing_snapshot(b: Backing) -> BackingSnapshot:
    return BackingSnapshot(
        id=b.id, idea_id=b.idea_id, text=b.text, given_by=b.given_by, created_at=b.created_at
    )
