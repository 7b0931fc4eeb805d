"""Follow-up (steps 9-10): dated entries on plans, realisation, recognition, lessons; the overview
across workshops is app.followup_overview (also reachable from here).

A plan is identified by its idea (one development plan per idea). Each change to the entries
brings the ideas' statuses up to date (app.idea_progress), so the idea shows how far it has come.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import InvalidInput
from app.followup_overview import CLOSED_ACTIONS as CLOSED_ACTIONS
from app.followup_overview import filter_overview as filter_overview
from app.followup_overview import overview as overview
from app.followup_snapshots import FollowUpEntrySnapshot, Lessons
from app.i18n import _
from app.idea_progress import follow_progress
from app.participants import participant_label
from app.records import fetch, fetch_idea_in, participant_snapshot
from app.snapshots import WorkshopSnapshot
from app.text import clean_line, clean_text
from app.workshops import update_workshop
from models.base import utcnow
from models.database import Database
from models.enums import FollowUpKind
from models.idea import Idea
from models.plan import DevelopmentPlan, FollowUpEntry
from models.workshop import Participant, Workshop

#: The room a progress entry's status has (a short word or two: "on track", "stuck").
STATUS_MAX = 24
#: Entries that belong to a plan; a lesson may belong to the workshop alone.
_ON_A_PLAN = (FollowUpKind.CHECK_IN, FollowUpKind.SUPPORT, FollowUpKind.REALISATION, FollowUpKind.RECOGNITION)


def entry_snapshot(entry: FollowUpEntry) -> FollowUpEntrySnapshot:
    return FollowUpEntrySnapshot(
        id=entry.id,
        workshop_id=entry.workshop_id,
        idea_id=entry.idea_id,
        kind=FollowUpKind(entry.kind),
        entry_on=entry.entry_on,
        author=entry.author,
        text=entry.text,
        status=entry.status,
        recognised=entry.recognised,
        created_at=entry.created_at,
        deleted=entry.deleted_at is not None,
    )


def _check_date(entry_on: object) -> date:
    if not isinstance(entry_on, date) or isinstance(entry_on, datetime):
        raise InvalidInput(_("Choose the date of the entry."), "entry_on")
    return entry_on


def _plan_idea(session: Session, workshop_id: str, idea_id: str | None, kind: FollowUpKind) -> Idea | None:
    """The idea whose plan the entry is about; refused if it is missing, elsewhere or unplanned."""
    if idea_id is None:
        if kind in _ON_A_PLAN:
            raise InvalidInput(_("Choose the plan the entry is about."), "idea_id")
        return None
    idea = fetch_idea_in(session, workshop_id, idea_id)
    has_plan = session.scalar(
        select(DevelopmentPlan.id).where(
            DevelopmentPlan.idea_id == idea_id, DevelopmentPlan.deleted_at.is_(None)
        )
    )
    if kind in _ON_A_PLAN and has_plan is None:
        raise InvalidInput(_("That idea has no development plan yet."), "idea_id")
    return idea


def _add(
    session: Session,
    workshop_id: str,
    idea_id: str | None,
    kind: FollowUpKind,
    entry_on: date,
    *,
    text: str = "",
    author: str = "",
    status: str = "",
    recognised: str = "",
) -> FollowUpEntry:
    entry = FollowUpEntry(
        workshop_id=workshop_id,
        idea_id=idea_id,
        kind=kind,
        entry_on=entry_on,
        text=text,
        author=author,
        status=status,
        recognised=recognised,
    )
    session.add(entry)
    return entry


def add_entry(
    db: Database,
    workshop_id: str,
    idea_id: str | None,
    kind: FollowUpKind | str,
    entry_on: date,
    text: str = "",
    author: str = "",
    status: str = "",
) -> FollowUpEntrySnapshot:
    """A dated entry from a follow-up meeting: a check-in, support given, a lesson, ...

    A check-in or support entry says what happened (``text``: notes, problems met) or the plan's
    new ``status``, or both. A realisation is passed on to ``mark_realised``; a recognition names
    people and goes through ``recognise``.
    """
    try:
        kind = FollowUpKind(kind)
    except ValueError:
        raise InvalidInput(_("Choose what kind of entry this is."), "kind") from None
    if kind is FollowUpKind.RECOGNITION:
        raise TypeError("a recognition names the people it recognises: use recognise()")
    if kind is FollowUpKind.REALISATION:
        if idea_id is None:
            raise InvalidInput(_("Choose the plan the entry is about."), "idea_id")
        return mark_realised(db, idea_id, entry_on, text, author=author, workshop_id=workshop_id)
    day = _check_date(entry_on)
    text = clean_text(text)
    author = clean_line(author, "author")
    status = clean_line(status, "status", STATUS_MAX)
    if kind is FollowUpKind.LESSON and not text.strip():
        raise InvalidInput(_("Write the lesson first."), "text")
    if not (text.strip() or status):
        raise InvalidInput(_("Write what happened, or the new status."), "text")
    with db.transaction() as session:
        fetch(session, Workshop, workshop_id)
        _plan_idea(session, workshop_id, idea_id, kind)
        entry = _add(session, workshop_id, idea_id, kind, day, text=text, author=author, status=status)
        session.flush()
        if idea_id is not None:
            follow_progress(session, workshop_id, idea_id)
        return entry_snapshot(entry)


def mark_realised(
    db: Database,
    idea_id: str,
    entry_on: date,
    text: str = "",
    *,
    author: str = "",
    workshop_id: str | None = None,
) -> FollowUpEntrySnapshot:
    """The plan is realised (step 10): a dated realisation entry; the idea becomes realised."""
    day = _check_date(entry_on)
    text = clean_text(text)
    author = clean_line(author, "author")
    with db.transaction() as session:
        idea = fetch(session, Idea, idea_id)
        _plan_idea(session, workshop_id or idea.workshop_id, idea_id, FollowUpKind.REALISATION)
        _refuse_a_second_realisation(session, idea_id)
        entry = _add(
            session, idea.workshop_id, idea_id, FollowUpKind.REALISATION, day, text=text, author=author
        )
        session.flush()
        follow_progress(session, idea.workshop_id, idea_id)
        return entry_snapshot(entry)


def recognise(
    db: Database,
    idea_id: str,
    entry_on: date,
    text: str = "",
    *,
    names: Sequence[str] = (),
    participant_ids: Sequence[str] = (),
    author: str = "",
    workshop_id: str | None = None,
) -> list[FollowUpEntrySnapshot]:
    """Celebrate those behind a plan: one recognition entry per person, with the same words.

    People are given by name (drivers, owners) or as participants of the workshop (idea givers),
    who are named as they may be in public: by name only with their consent. Each entry keeps
    the person in ``recognised`` and who gave the recognition (``author``, if said) in ``author``.
    """
    day = _check_date(entry_on)
    text = clean_text(text)
    author = clean_line(author, "author")
    typed = [clean_line(n, "names") for n in names]
    with db.transaction() as session:
        idea = fetch(session, Idea, idea_id)
        _plan_idea(session, workshop_id or idea.workshop_id, idea_id, FollowUpKind.RECOGNITION)
        people = []
        for participant_id in participant_ids:
            person = fetch(session, Participant, participant_id)
            if person.workshop_id != idea.workshop_id:
                raise InvalidInput(_("That person took part in another workshop."), "participant_ids")
            people.append(participant_label(participant_snapshot(person), public=True))
        recognised = list(dict.fromkeys(n for n in [*typed, *people] if n))
        if not recognised:
            raise InvalidInput(_("Name who is recognised."), "names")
        entries = [
            _add(
                session,
                idea.workshop_id,
                idea_id,
                FollowUpKind.RECOGNITION,
                day,
                text=text,
                author=author,
                recognised=name,
            )
            for name in recognised
        ]
        session.flush()
        return [entry_snapshot(e) for e in entries]


def remove_entry(db: Database, entry_id: str) -> FollowUpEntrySnapshot:
    """Soft delete (undo of an addition); the idea's status follows."""
    return _set_deleted(db, entry_id, deleted=True)


def restore_entry(db: Database, entry_id: str) -> FollowUpEntrySnapshot:
    return _set_deleted(db, entry_id, deleted=False)


def _refuse_a_second_realisation(session: Session, idea_id: str) -> None:
    already = session.scalar(
        select(FollowUpEntry.id).where(
            FollowUpEntry.idea_id == idea_id,
            FollowUpEntry.kind == FollowUpKind.REALISATION,
            FollowUpEntry.deleted_at.is_(None),
        )
    )
    if already is not None:
        raise InvalidInput(_("That plan is already marked realised."), "idea_id")


def _set_deleted(db: Database, entry_id: str, *, deleted: bool) -> FollowUpEntrySnapshot:
    with db.transaction() as session:
        entry = fetch(session, FollowUpEntry, entry_id, allow_deleted=True)
        if not deleted and entry.deleted_at is not None and entry.idea_id is not None:
            # Coming back, the entry meets the same rules as when it was written.
            kind = FollowUpKind(entry.kind)
            _plan_idea(session, entry.workshop_id, entry.idea_id, kind)
            if kind is FollowUpKind.REALISATION:
                _refuse_a_second_realisation(session, entry.idea_id)
        entry.deleted_at = utcnow() if deleted else None
        session.flush()
        if entry.idea_id is not None:
            follow_progress(session, entry.workshop_id, entry.idea_id)
        return entry_snapshot(entry)


def plan_entries(db: Database, idea_id: str) -> list[FollowUpEntrySnapshot]:
    """A plan's live entries, oldest first (by date, then as written)."""
    with db.transaction() as session:
        rows = session.scalars(
            select(FollowUpEntry)
            .where(FollowUpEntry.idea_id == idea_id, FollowUpEntry.deleted_at.is_(None))
            .order_by(FollowUpEntry.entry_on, FollowUpEntry.created_at)
        )
        return [entry_snapshot(e) for e in rows]


def add_lesson(
    db: Database, workshop_id: str, entry_on: date, text: str, *, author: str = "", idea_id: str | None = None
) -> FollowUpEntrySnapshot:
    """A lesson learned, dated, for the workshop (or one of its plans)."""
    return add_entry(db, workshop_id, idea_id, FollowUpKind.LESSON, entry_on, text, author)


def set_lessons_summary(db: Database, workshop_id: str, text: str) -> WorkshopSnapshot:
    """The workshop's lessons learned in a few paragraphs, as the protocol prints them."""
    return update_workshop(db, workshop_id, lessons_learned=text)


def lessons(db: Database, workshop_id: str) -> Lessons:
    with db.transaction() as session:
        workshop = fetch(session, Workshop, workshop_id)
        rows = session.scalars(
            select(FollowUpEntry)
            .where(
                FollowUpEntry.workshop_id == workshop_id,
                FollowUpEntry.kind == FollowUpKind.LESSON,
                FollowUpEntry.deleted_at.is_(None),
            )
            .order_by(FollowUpEntry.entry_on, FollowUpEntry.created_at)
        )
        return Lessons(workshop_id, workshop.lessons_learned, tuple(entry_snapshot(e) for e in rows))


def set_follow_up_date(db: Database, workshop_id: str, follow_up_on: date | None) -> WorkshopSnapshot:
    """When the workshop is next followed up (None: not planned)."""
    if isinstance(follow_up_on, datetime):
        raise InvalidInput(_("Not a date: {value}").format(value=follow_up_on), "follow_up_on")
    return update_workshop(db, workshop_id, follow_up_on=follow_up_on)
