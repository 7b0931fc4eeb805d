"""The shortlist: the ideas going on to critical review, made from a vote and changed with reasons.

The vote is advisory: the shortlist is its own record, apart from the tally, and every
change after it was made says why.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import InvalidInput
from app.i18n import _
from app.idea_progress import follow_progress
from app.records import fetch, fetch_idea_in
from app.text import clean_text
from app.voting_results import cut_view_in
from app.voting_results import results as round_results
from app.voting_rules import Ranked, above_line
from app.voting_snapshots import ShortlistItem
from models.base import utcnow
from models.database import Database
from models.idea import Idea
from models.voting import ShortlistEntry, VotingRound


def _item(entry: ShortlistEntry, title: str) -> ShortlistItem:
    return ShortlistItem(
        id=entry.id,
        idea_id=entry.idea_id,
        title=title,
        position=entry.position,
        round_id=entry.round_id,
        added_reason=entry.added_reason,
        removed_reason=entry.removed_reason,
        created_at=entry.created_at,
        removed_at=entry.deleted_at,
    )


def _reason(reason: str) -> str:
    text = clean_text(reason, "reason").strip()
    if not text:
        raise InvalidInput(
            _("Write why the shortlist changes; the vote stays on record as it was."), "reason"
        )
    return text


def _live(session: Session, workshop_id: str) -> list[ShortlistEntry]:
    return list(
        session.scalars(
            select(ShortlistEntry)
            .where(ShortlistEntry.workshop_id == workshop_id, ShortlistEntry.deleted_at.is_(None))
            .order_by(ShortlistEntry.position)
        )
    )


def _snapshot(session: Session, workshop_id: str, *, removed: bool = False) -> list[ShortlistItem]:
    query = select(ShortlistEntry, Idea.title).join(Idea, Idea.id == ShortlistEntry.idea_id)
    query = query.where(ShortlistEntry.workshop_id == workshop_id)
    if not removed:
        query = query.where(ShortlistEntry.deleted_at.is_(None))
    rows = session.execute(query.order_by(ShortlistEntry.position, ShortlistEntry.created_at))
    return [_item(entry, title) for entry, title in rows]


def shortlist(db: Database, workshop_id: str, *, removed: bool = False) -> list[ShortlistItem]:
    """The ideas on the shortlist in order; with ``removed``, also those taken off (and why)."""
    with db.transaction() as session:
        return _snapshot(session, workshop_id, removed=removed)


def make_shortlist(
    db: Database,
    round_id: str,
    *,
    size: int | None = None,
    min_dots: int | None = None,
    reason: str = "",
) -> list[ShortlistItem]:
    """The top ``size`` ideas of a revealed round (ties settled), or all with ``min_dots`` or more.

    A shortlist that already exists is replaced only with a reason, kept on each change.
    """
    if (size is None) == (min_dots is None):
        raise InvalidInput(_("Choose how many ideas go on, or the fewest dots an idea needs."), "size")
    result = round_results(db, round_id)  # refuses before the reveal
    with db.transaction() as session:
        row = fetch(session, VotingRound, round_id)
        if row.runoff_of_id is not None:
            raise InvalidInput(
                _("A runoff only settles a tie: make the shortlist from the round it belongs to."), "round_id"
            )
        if size is not None:
            view = cut_view_in(session, row, size)
            if view.is_tied:
                raise InvalidInput(
                    _("Ideas are tied at the line: start a runoff or settle the tie by hand first."), "size"
                )
            chosen: Sequence[str] = view.going_on
            row.shortlist_size = size
        else:
            assert min_dots is not None
            chosen = above_line(
                [Ranked(r.idea_id, r.total, r.rank, r.shared) for r in result.ideas], min_dots
            )
            row.shortlist_size = len(chosen)
        if not chosen:
            raise InvalidInput(_("No idea has enough dots to go on."), "size")
        current = _live(session, row.workshop_id)
        changing = [e.idea_id for e in current] != list(chosen)
        why = _reason(reason) if current and changing else ""
        now = utcnow()
        kept = {e.idea_id: e for e in current}
        for entry in current:
            if entry.idea_id not in chosen:
                entry.deleted_at = now
                entry.removed_reason = why
        for position, idea_id in enumerate(chosen):
            if idea_id in kept:
                kept[idea_id].position = position
                continue
            session.add(
                ShortlistEntry(
                    workshop_id=row.workshop_id,
                    idea_id=idea_id,
                    round_id=round_id,
                    position=position,
                    added_reason=why,
                )
            )
        session.flush()
        for idea_id in {e.idea_id for e in current} | set(chosen):
            follow_progress(session, row.workshop_id, idea_id)
        return _snapshot(session, row.workshop_id)


def add_to_shortlist(db: Database, workshop_id: str, idea_id: str, reason: str) -> ShortlistItem:
    """Put an idea on the shortlist against (or without) the vote; the reason is kept."""
    why = _reason(reason)
    with db.transaction() as session:
        idea = fetch_idea_in(session, workshop_id, idea_id)
        if any(e.idea_id == idea_id for e in _live(session, workshop_id)):
            raise InvalidInput(_("That idea is already on the shortlist."), "idea_id")
        last = session.scalar(
            select(func.max(ShortlistEntry.position)).where(ShortlistEntry.workshop_id == workshop_id)
        )
        entry = ShortlistEntry(
            workshop_id=workshop_id,
            idea_id=idea_id,
            position=0 if last is None else last + 1,
            added_reason=why,
        )
        session.add(entry)
        session.flush()
        follow_progress(session, workshop_id, idea_id)
        return _item(entry, idea.title)


def remove_from_shortlist(db: Database, entry_id: str, reason: str) -> ShortlistItem:
    """Take an idea off the shortlist, with the reason; the entry stays on record."""
    why = _reason(reason)
    with db.transaction() as session:
        entry = fetch(session, ShortlistEntry, entry_id)
        entry.deleted_at = utcnow()
        entry.removed_reason = why
        idea = fetch(session, Idea, entry.idea_id, allow_deleted=True)
        session.flush()
        follow_progress(session, entry.workshop_id, entry.idea_id)
        return _item(entry, idea.title)


def restore_to_shortlist(db: Database, entry_id: str) -> ShortlistItem:
    """Undo a removal: the entry is live again, as if never taken off."""
    with db.transaction() as session:
        entry = fetch(session, ShortlistEntry, entry_id, allow_deleted=True)
        if entry.deleted_at is None:
            return _item(entry, fetch(session, Idea, entry.idea_id, allow_deleted=True).title)
        if any(e.idea_id == entry.idea_id for e in _live(session, entry.workshop_id)):
            raise InvalidInput(_("That idea is already on the shortlist."), "idea_id")
        entry.deleted_at = None
        entry.removed_reason = ""
        idea = fetch(session, Idea, entry.idea_id, allow_deleted=True)
        session.flush()
        follow_progress(session, entry.workshop_id, entry.idea_id)
        return _item(entry, idea.title)


def withdraw_from_shortlist(db: Database, entry_id: str) -> None:
    """Undo an addition: the entry goes as if never made (it was only just added)."""
    with db.transaction() as session:
        entry = fetch(session, ShortlistEntry, entry_id, allow_deleted=True)
        idea = fetch(session, Idea, entry.idea_id, allow_deleted=True)
        session.delete(entry)
        session.flush()
        follow_progress(session, idea.workshop_id, idea.id)
