"""Cluster services: themes on the idea board."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from app.errors import InvalidInput
from app.i18n import _
from app.records import cluster_snapshot, fetch, next_position
from app.snapshots import ClusterSnapshot
from app.text import clean_title
from models.base import utcnow
from models.database import Database
from models.idea import Idea
from models.workshop import Cluster, Workshop

#: Okabe–Ito: told apart by readers with any common colour-vision deficiency.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")


def clean_cluster_name(name: str) -> str:
    if not name.strip():
        raise InvalidInput(_("The name cannot be empty."), "name")
    return clean_title(name, "name")


def _check_colour(colour: str) -> str:
    if len(colour) != 7 or colour[0] != "#" or any(c not in "0123456789abcdefABCDEF" for c in colour[1:]):
        raise InvalidInput(_("Not a colour: {value}").format(value=colour), "colour")
    return colour.upper()


def add_cluster(db: Database, workshop_id: str, name: str, colour: str | None = None) -> ClusterSnapshot:
    name = clean_cluster_name(name)
    with db.transaction() as session:
        fetch(session, Workshop, workshop_id)
        position = next_position(session, Cluster.position, Cluster.workshop_id, workshop_id)
        cluster = Cluster(
            workshop_id=workshop_id,
            name=name,
            colour=_check_colour(colour) if colour else PALETTE[position % len(PALETTE)],
            position=position,
        )
        session.add(cluster)
        session.flush()
        return cluster_snapshot(cluster)


def update_cluster(
    db: Database, cluster_id: str, *, name: str | None = None, colour: str | None = None
) -> ClusterSnapshot:
    """Rename or recolour."""
    with db.transaction() as session:
        cluster = fetch(session, Cluster, cluster_id)
        if name is not None:
            cluster.name = clean_cluster_name(name)
        if colour is not None:
            cluster.colour = _check_colour(colour)
        return cluster_snapshot(cluster)


def move_cluster(db: Database, cluster_id: str, position: int) -> list[ClusterSnapshot]:
    """Reorder: the cluster goes to ``position`` among the live clusters; all are returned in order."""
    with db.transaction() as session:
        cluster = fetch(session, Cluster, cluster_id)
        others = list(
            session.scalars(
                select(Cluster)
                .where(
                    Cluster.workshop_id == cluster.workshop_id,
                    Cluster.deleted_at.is_(None),
                    Cluster.id != cluster.id,
                )
                .order_by(Cluster.position)
            )
        )
        others.insert(max(0, min(position, len(others))), cluster)
        for index, row in enumerate(others):
            row.position = index
        return [cluster_snapshot(c) for c in others]


def dissolve_cluster(db: Database, cluster_id: str) -> tuple[str, ...]:
    """Remove a cluster; its ideas stay on the board, unclustered. Returns their ids for undo."""
    with db.transaction() as session:
        cluster = fetch(session, Cluster, cluster_id)
        ideas = list(session.scalars(select(Idea).where(Idea.cluster_id == cluster_id)))
        for idea in ideas:
            idea.cluster_id = None
        cluster.deleted_at = utcnow()
        return tuple(i.id for i in ideas)


def merge_clusters(db: Database, kept_id: str, absorbed_id: str) -> tuple[str, ...]:
    """Move every idea of ``absorbed`` into ``kept`` and dissolve ``absorbed``; returns the moved ids."""
    if kept_id == absorbed_id:
        raise InvalidInput(_("A cluster cannot be merged with itself."))
    with db.transaction() as session:
        kept = fetch(session, Cluster, kept_id)
        absorbed = fetch(session, Cluster, absorbed_id)
        if kept.workshop_id != absorbed.workshop_id:
            raise InvalidInput(_("Only clusters of the same workshop can be merged."))
        ideas = list(session.scalars(select(Idea).where(Idea.cluster_id == absorbed_id)))
        for idea in ideas:
            idea.cluster_id = kept_id
        absorbed.deleted_at = utcnow()
        return tuple(i.id for i in ideas)


def restore_cluster(db: Database, cluster_id: str, idea_ids: Sequence[str] = ()) -> ClusterSnapshot:
    """Undo of dissolve or merge: the cluster back, with the ideas it had."""
    with db.transaction() as session:
        cluster = fetch(session, Cluster, cluster_id, allow_deleted=True)
        cluster.deleted_at = None
        if idea_ids:
            for idea in session.scalars(select(Idea).where(Idea.id.in_(idea_ids))):
                idea.cluster_id = cluster_id
        return cluster_snapshot(cluster)


def list_clusters(db: Database, workshop_id: str) -> list[ClusterSnapshot]:
    with db.transaction() as session:
        rows = session.scalars(
            select(Cluster)
            .where(Cluster.workshop_id == workshop_id, Cluster.deleted_at.is_(None))
            .order_by(Cluster.position)
        )
        return [cluster_snapshot(c) for c in rows]
