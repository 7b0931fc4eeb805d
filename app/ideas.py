"""Idea services: capture, edit, move, merge (and unmerge), remove and restore."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.orm import Session

from app.errors import InvalidInput, NotFound
from app.i18n import _
from app.idea_progress import follow_progress
from app.records import fetch, idea_snapshot
from app.snapshots import IdeaSnapshot, MergeResult
from app.text import clean_text, clean_title
from models.base import new_id, utcnow
from models.database import Database
from models.enums import ActorCategory, ChangeDepth, IdeaStatus, IdeaType, Novelty, Origin
from models.idea import Backing, Idea, IdeaImage, IdeaMerge, idea_giver
from models.workshop import Cluster, Participant, Workshop

_CODES: dict[str, frozenset[str]] = {
    "origin": frozenset(Origin),
    "actor_category": frozenset(ActorCategory),
    "idea_type": frozenset(IdeaType),
    "novelty": frozenset(Novelty),
    "depth": frozenset(ChangeDepth),
}


_WORKSHOP_AND_LAST_POSITION = select(
    Workshop.deleted_at,
    select(func.max(Idea.position)).where(Idea.workshop_id == bindparam("workshop_id")).scalar_subquery(),
).where(Workshop.id == bindparam("workshop_id"))
_INSERT_IDEA = insert(Idea.__table__)  # type: ignore[arg-type]


def _clean(changes: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "title":
            cleaned[name] = clean_title(value)
        elif name == "text":
            cleaned[name] = clean_text(value)
        elif name in _CODES:
            if value is not None and value not in _CODES[name]:
                raise InvalidInput(
                    _("Unknown value for {field}: {value}").format(field=name, value=value), name
                )
            cleaned[name] = None if value is None else str(value)
        elif name == "anonymous":
            cleaned[name] = bool(value)
        elif name in ("giver_ids", "cluster_id"):
            cleaned[name] = value
        else:
            raise TypeError(f"not an idea detail: {name}")
    return cleaned


def _givers(session: Session, workshop_id: str, giver_ids: Iterable[str]) -> list[Participant]:
    wanted = list(dict.fromkeys(giver_ids))
    if not wanted:
        return []
    found = {
        p.id: p
        for p in session.scalars(
            select(Participant).where(
                Participant.id.in_(wanted),
                Participant.workshop_id == workshop_id,
                Participant.deleted_at.is_(None),
            )
        )
    }
    if len(found) != len(wanted):
        raise InvalidInput(_("An idea giver is not a participant of this workshop."), "giver_ids")
    return sorted(found.values(), key=lambda p: p.position)


def _check_cluster(session: Session, workshop_id: str, cluster_id: str | None) -> None:
    if cluster_id is None:
        return
    cluster = session.get(Cluster, cluster_id)
    if cluster is None or cluster.workshop_id != workshop_id or cluster.deleted_at is not None:
        raise InvalidInput(_("That cluster is not on this workshop's board."), "cluster_id")


def add_idea(
    db: Database,
    workshop_id: str,
    title: str,
    *,
    text: str = "",
    giver_ids: Sequence[str] = (),
    anonymous: bool = False,
    cluster_id: str | None = None,
    **details: str | None,
) -> IdeaSnapshot:
    """A new idea card at the end of the board. An anonymous idea stores no giver at all."""
    cleaned = _clean({"title": title, "text": text, "anonymous": anonymous, **details})
    if anonymous and giver_ids:
        raise InvalidInput(_("An anonymous idea has no idea giver."), "giver_ids")
    with db.core_transaction() as connection:
        # Capture is the hot path while people talk: one query checks the workshop and
        # finds the next place on the board, and the rows go in without the unit of work.
        found = connection.execute(_WORKSHOP_AND_LAST_POSITION, {"workshop_id": workshop_id}).one_or_none()
        if found is None or found[0] is not None:
            raise NotFound(_("It is no longer there: it may have been deleted."))
        givers: tuple[str, ...] = ()
        if cluster_id is not None or giver_ids:
            with Session(bind=connection) as session:
                _check_cluster(session, workshop_id, cluster_id)
                givers = tuple(g.id for g in _givers(session, workshop_id, giver_ids))
        now = utcnow()
        values = {
            **dict.fromkeys(_CODES),
            **cleaned,
            "id": new_id(),
            "workshop_id": workshop_id,
            "cluster_id": cluster_id,
            "position": 0 if found[1] is None else found[1] + 1,
            "status": IdeaStatus.PROPOSED,
            "created_at": now,
            "updated_at": now,
        }
        connection.execute(_INSERT_IDEA, [values])
        if givers:
            connection.execute(
                insert(idea_giver), [{"idea_id": values["id"], "participant_id": g} for g in givers]
            )
    return IdeaSnapshot(
        id=values["id"],
        workshop_id=workshop_id,
        cluster_id=cluster_id,
        position=values["position"],
        title=values["title"],
        text=values["text"],
        anonymous=values["anonymous"],
        giver_ids=givers,
        origin=values["origin"],
        actor_category=values["actor_category"],
        idea_type=values["idea_type"],
        novelty=values["novelty"],
        depth=values["depth"],
        status=IdeaStatus.PROPOSED,
        backing_count=0,
        image_count=0,
        deleted=False,
        merged_into_id=None,
    )


def update_idea(db: Database, idea_id: str, **changes: Any) -> IdeaSnapshot:
    """Edit an idea's fields; making it anonymous removes its givers."""
    cleaned = _clean(changes)
    giver_ids = cleaned.pop("giver_ids", None)
    with db.transaction() as session:
        idea = fetch(session, Idea, idea_id)
        if "cluster_id" in cleaned:
            _check_cluster(session, idea.workshop_id, cleaned["cluster_id"])
        for name, value in cleaned.items():
            setattr(idea, name, value)
        if giver_ids is not None:
            if idea.anonymous and giver_ids:
                raise InvalidInput(_("An anonymous idea has no idea giver."), "giver_ids")
            idea.givers = _givers(session, idea.workshop_id, giver_ids)
        if idea.anonymous:
            idea.givers = []
        session.flush()
        return idea_snapshot(idea)


def move_idea(
    db: Database, idea_id: str, cluster_id: str | None, position: int | None = None
) -> IdeaSnapshot:
    """Put an idea into a cluster (None: out of any) and, if given, at a place in the order."""
    with db.transaction() as session:
        idea = fetch(session, Idea, idea_id)
        _check_cluster(session, idea.workshop_id, cluster_id)
        idea.cluster_id = cluster_id
        if position is not None:
            # Deleted ideas keep a place among the others, so that restoring one is exact.
            others = list(
                session.scalars(
                    select(Idea)
                    .where(Idea.workshop_id == idea.workshop_id, Idea.id != idea.id)
                    .order_by(Idea.position)
                )
            )
            live = [i for i, row in enumerate(others) if row.deleted_at is None]
            at = live[position] if 0 <= position < len(live) else len(others)
            others.insert(at, idea)
            for index, row in enumerate(others):
                if row.position != index:
                    row.position = index
        session.flush()
        return idea_snapshot(idea)


def remove_idea(db: Database, idea_id: str) -> IdeaSnapshot:
    with db.transaction() as session:
        idea = fetch(session, Idea, idea_id)
        idea.deleted_at = utcnow()
        return idea_snapshot(idea)


def restore_idea(db: Database, idea_id: str) -> IdeaSnapshot:
    with db.transaction() as session:
        idea = fetch(session, Idea, idea_id, allow_deleted=True)
        idea.deleted_at = None
        return idea_snapshot(idea)


def merge_ideas(db: Database, kept_id: str, absorbed_id: str) -> MergeResult:
    """Fold ``absorbed`` into ``kept``: both texts, all givers, backings and pictures stay."""
    if kept_id == absorbed_id:
        raise InvalidInput(_("An idea cannot be merged with itself."))
    with db.transaction() as session:
        kept = fetch(session, Idea, kept_id)
        absorbed = fetch(session, Idea, absorbed_id)
        if kept.workshop_id != absorbed.workshop_id:
            raise InvalidInput(_("Only ideas of the same workshop can be merged."))
        before = {
            "text": kept.text,
            "anonymous": kept.anonymous,
            "giver_ids": [g.id for g in kept.givers],
            "backing_ids": [b.id for b in absorbed.backings],
            "image_ids": [i.id for i in absorbed.images],
        }
        addition = absorbed.title if not absorbed.text else f"{absorbed.title}\n{absorbed.text}"
        kept.text = clean_text(f"{kept.text}\n\n{addition}" if kept.text else addition)
        if kept.anonymous or absorbed.anonymous:
            # Part of it was given anonymously: naming anyone on the merged card could name
            # that giver too. The absorbed idea keeps its own givers for an undo.
            kept.anonymous = True
            kept.givers = []
        else:
            kept.givers = list(dict.fromkeys([*kept.givers, *absorbed.givers]))
        offset = len(kept.images)
        for image in list(absorbed.images):
            image.idea_id = kept.id
            image.position += offset
        for backing in list(absorbed.backings):
            backing.idea_id = kept.id
        absorbed.deleted_at = utcnow()
        absorbed.merged_into_id = kept.id
        session.flush()
        follow_progress(session, kept.workshop_id, kept.id)
        record = IdeaMerge(kept_id=kept.id, absorbed_id=absorbed.id, kept_before=before)
        session.add(record)
        session.flush()
        session.expire(kept, ["images", "backings"])
        return MergeResult(merge_id=record.id, kept=idea_snapshot(kept), absorbed_id=absorbed.id)


def unmerge_ideas(db: Database, merge_id: str) -> tuple[IdeaSnapshot, IdeaSnapshot]:
    """Undo a merge exactly: the kept idea as it was, the absorbed one back with its own things."""
    with db.transaction() as session:
        record = session.get(IdeaMerge, merge_id)
        if record is None or record.undone:
            raise InvalidInput(_("That merge has already been undone."))
        kept = fetch(session, Idea, record.kept_id)
        absorbed = fetch(session, Idea, record.absorbed_id, allow_deleted=True)
        before = record.kept_before
        kept.text = before["text"]
        kept.anonymous = before["anonymous"]
        kept.givers = _givers(session, kept.workshop_id, before["giver_ids"]) if before["giver_ids"] else []
        for backing in session.scalars(select(Backing).where(Backing.id.in_(before["backing_ids"]))):
            backing.idea_id = absorbed.id
        for image in session.scalars(select(IdeaImage).where(IdeaImage.id.in_(before["image_ids"]))):
            image.idea_id = absorbed.id
        absorbed.deleted_at = None
        absorbed.merged_into_id = None
        record.undone = True
        session.flush()
        follow_progress(session, kept.workshop_id, kept.id)
        follow_progress(session, absorbed.workshop_id, absorbed.id)
        session.flush()
        session.expire(kept, ["images", "backings"])
        session.expire(absorbed, ["images", "backings"])
        return idea_snapshot(kept), idea_snapshot(absorbed)


def get_idea(db: Database, idea_id: str) -> IdeaSnapshot:
    with db.transaction() as session:
        return idea_snapshot(fetch(session, Idea, idea_id))


def list_ideas(db: Database, workshop_id: str) -> list[IdeaSnapshot]:
    """The live ideas of a workshop in board order, counts fetched in bulk."""
    with db.transaction() as session:
        ideas = list(
            session.scalars(
                select(Idea)
                .where(Idea.workshop_id == workshop_id, Idea.deleted_at.is_(None))
                .order_by(Idea.position)
            )
        )
        ids = [i.id for i in ideas]
        givers: dict[str, list[str]] = {}
        for idea_id, participant_id in session.execute(
            select(idea_giver.c.idea_id, idea_giver.c.participant_id)
            .join(Participant, Participant.id == idea_giver.c.participant_id)
            .join(Idea, Idea.id == idea_giver.c.idea_id)
            .where(Idea.workshop_id == workshop_id)
            .order_by(Participant.position)
        ):
            givers.setdefault(idea_id, []).append(participant_id)
        backings = _counts(session, Backing.idea_id, Backing.deleted_at, workshop_id)
        images = _counts(session, IdeaImage.idea_id, IdeaImage.deleted_at, workshop_id)
        return (
            [
                idea_snapshot(
                    i,
                    giver_ids=tuple(givers.get(i.id, ())),
                    backing_count=backings.get(i.id, 0),
                    image_count=images.get(i.id, 0),
                )
                for i in ideas
            ]
            if ids
            else []
        )


def _counts(session: Session, idea_column: Any, deleted_column: Any, workshop_id: str) -> dict[str, int]:
    rows = session.execute(
        select(idea_column, func.count())
        .join(Idea, Idea.id == idea_column)
        .where(Idea.workshop_id == workshop_id, deleted_column.is_(None))
        .group_by(idea_column)
    )
    return {idea_id: int(n) for idea_id, n in rows}
