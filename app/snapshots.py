"""Plain, immutable pictures of the data that services hand to the screen and to exports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.workshop_rows import WorkshopSummary
from models.enums import PhaseState

__all__ = [
    "BackingSnapshot",
    "ClusterSnapshot",
    "IdeaSnapshot",
    "ImageSnapshot",
    "MergeResult",
    "ParticipantSnapshot",
    "PhaseSnapshot",
    "WorkshopSnapshot",
    "WorkshopSummary",
]


@dataclass(frozen=True)
class PhaseSnapshot:
    id: str
    position: int
    key: str
    kind: str
    step: int | None
    in_room: bool
    title: str
    description: str
    planned_minutes: int
    state: PhaseState


@dataclass(frozen=True)
class WorkshopSnapshot:
    id: str
    title: str
    challenge: str
    warmup_prompts: tuple[str, ...]
    held_on: date | None
    place: str
    organisation: str
    unit: str
    organiser: str
    facilitator: str
    case_number: str
    template_key: str
    language: str
    follow_up_url: str
    follow_up_on: date | None
    created_at: datetime
    deleted: bool
    phases: tuple[PhaseSnapshot, ...]

    @property
    def current_phase(self) -> PhaseSnapshot | None:
        return next((p for p in self.phases if p.state is PhaseState.ACTIVE), None)


@dataclass(frozen=True)
class ParticipantSnapshot:
    id: str
    workshop_id: str
    position: int
    display_name: str
    role: str
    organisation: str
    origin: str
    consent_to_be_named: bool
    deleted: bool


@dataclass(frozen=True)
class ClusterSnapshot:
    id: str
    workshop_id: str
    position: int
    name: str
    colour: str
    deleted: bool


@dataclass(frozen=True)
class BackingSnapshot:
    id: str
    idea_id: str
    text: str
    given_by: str
    created_at: datetime


@dataclass(frozen=True)
class IdeaSnapshot:
    id: str
    workshop_id: str
    cluster_id: str | None
    position: int
    title: str
    text: str
    anonymous: bool
    giver_ids: tuple[str, ...]
    origin: str | None
    actor_category: str | None
    idea_type: str | None
    novelty: str | None
    depth: str | None
    status: str
    backing_count: int
    image_count: int
    deleted: bool
    merged_into_id: str | None


@dataclass(frozen=True)
class MergeResult:
    """A merge of two ideas: the idea that remains, and the record that undoes it."""

    merge_id: str
    kept: IdeaSnapshot
    absorbed_id: str


@dataclass(frozen=True)
class ImageSnapshot:
    """A picture on an idea card, without its bytes (``app.images.image_bytes`` fetches them)."""

    id: str
    idea_id: str
    position: int
    mime_type: str
    width: int
    height: int
    caption: str
    deleted: bool
