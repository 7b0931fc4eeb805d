"""What the shared screen shows, as plain values: built only from what the room may see.

The facilitator's window builds a Scene; the shared screen draws it. Anonymous ideas
never carry an idea giver here, so the shared screen cannot show one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from app.snapshots import ClusterSnapshot, IdeaSnapshot, ParticipantSnapshot


class SceneKind(StrEnum):
    CHALLENGE = "challenge"
    BOARD = "board"
    TIMER = "timer"
    BLANK = "blank"
    PAUSE = "pause"


@dataclass(frozen=True)
class CardView:
    """One idea card as the room sees it."""

    id: str
    title: str
    givers: str  # "" for anonymous ideas and ideas without a giver
    cluster_id: str | None
    backed: bool


@dataclass(frozen=True)
class ClusterView:
    id: str
    name: str
    colour: str  # "#RRGGBB", from a colour-blind-safe palette; always shown with its name


@dataclass(frozen=True)
class TimerView:
    total_seconds: int
    remaining_seconds: float
    running: bool
    finished: bool


@dataclass(frozen=True)
class Scene:
    kind: SceneKind
    workshop_title: str = ""
    phase_title: str = ""
    challenge: str = ""
    prompts: tuple[str, ...] = ()
    clusters: tuple[ClusterView, ...] = ()
    cards: tuple[CardView, ...] = ()
    timer: TimerView | None = None
    message: str = ""  # the pause slide's text


def giver_label(
    idea: IdeaSnapshot,
    people: Mapping[str, ParticipantSnapshot],
    public_label: Callable[[ParticipantSnapshot], str],
) -> str:
    """Who gave the idea, as the room may see it: nobody for an anonymous idea.

    ``public_label`` names a person for the room (app.participants.participant_label with
    public=True: a name only with consent).
    """
    if idea.anonymous:
        return ""
    labels = [public_label(people[g]) for g in idea.giver_ids if g in people]
    return ", ".join(dict.fromkeys(labels))


def card_views(
    ideas: Iterable[IdeaSnapshot],
    people: Mapping[str, ParticipantSnapshot],
    public_label: Callable[[ParticipantSnapshot], str],
) -> tuple[CardView, ...]:
    return tuple(
        CardView(
            id=i.id,
            title=i.title,
            givers=giver_label(i, people, public_label),
            cluster_id=i.cluster_id,
            backed=i.backing_count > 0,
        )
        for i in ideas
        if not i.deleted
    )


def cluster_views(clusters: Iterable[ClusterSnapshot]) -> tuple[ClusterView, ...]:
    return tuple(ClusterView(id=c.id, name=c.name, colour=c.colour) for c in clusters if not c.deleted)
