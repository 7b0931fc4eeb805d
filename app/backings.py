"""Backings: the leader's short positive response to each idea (step 3, no idea without a response)."""

from __future__ import annotations

from sqlalchemy import select

from app.errors import InvalidInput
from app.i18n import _
from app.idea_progress import follow_progress
from app.records import backing_snapshot, fetch
from app.snapshots import BackingSnapshot
from app.text import clean_line, clean_text
from models.base import utcnow
from models.database import Database
from models.idea import Backing, Idea


def _clean_backing(text: str) -> str:
    text = clean_text(text).strip()
    if not text:
        raise InvalidInput(_("Write a few words of backing first."), "text")
    return text


def add_backing(db: Database, idea_id: str, text: str, given_by: str = "") -> BackingSnapshot:
    """The leader's positive response to an idea; the idea becomes backed."""
    text = _clean_backing(text)
    given_by = clean_line(given_by, "given_by")
    with db.transaction() as session:
        idea = fetch(session, Idea, idea_id)
        backing = Backing(idea_id=idea.id, text=text, given_by=given_by)
        session.add(backing)
        session.flush()
        follow_progress(session, idea.workshop_id, idea.id)
        return backing_snapshot(backing)


def update_backing(
    db: Database, backing_id: str, text: str, *, given_by: str | None = None
) -> BackingSnapshot:
    """Reword a backing (and, if given, who gave it)."""
    text = _clean_backing(text)
    cleaned_by = None if given_by is None else clean_line(given_by, "given_by")
    with db.transaction() as session:
        backing = fetch(session, Backing, backing_id)
        backing.text = text
        if cleaned_by is not None:
            backing.given_by = cleaned_by
        follow_progress(session, backing.idea.workshop_id, backing.idea_id)
        return backing_snapshot(backing)


def remove_backing(db: Database, backing_id: str) -> BackingSnapshot:
    """Soft delete; the idea's status follows (proposed again when nothing else is recorded)."""
    with db.transaction() as session:
        backing = fetch(session, Backing, backing_id)
        backing.deleted_at = utcnow()
        session.flush()
        follow_progress(session, backing.idea.workshop_id, backing.idea_id)
        return backing_snapshot(backing)


def restore_backing(db: Database, backing_id: str) -> BackingSnapshot:
    with db.transaction() as session:
        backing = fetch(session, Backing, backing_id, allow_deleted=True)
        backing.deleted_at = None
        session.flush()
        follow_progress(session, backing.idea.workshop_id, backing.idea_id)
        return backing_snapshot(backing)


def list_backings(db: Database, idea_id: str) -> list[BackingSnapshot]:
    """An idea's live backings, oldest first."""
    with db.transaction() as session:
        rows = session.scalars(
            select(Backing)
            .where(Backing.idea_id == idea_id, Backing.deleted_at.is_(None))
            .order_by(Backing.created_at, Backing.id)
        )
        return [backing_snapshot(b) for b in rows]
