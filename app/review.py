"""Critical review (step 4): a board of notes per shortlisted idea, ending in a recommendation.

A review in progress takes notes; a completed one (a recommendation with reasons) is closed
to changes until it is reopened, since the recommendation rests on its notes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from enum import Enum
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import InvalidInput, UserError
from app.i18n import _
from app.idea_progress import follow_progress
from app.records import fetch, next_position
from app.review_snapshots import Composition, NoteSnapshot, ReviewSnapshot
from app.text import clean_text
from models.base import utcnow
from models.database import Database
from models.enums import NoteKind, Recommendation, ReviewFormat
from models.idea import Idea
from models.review import Review, ReviewNote
from models.voting import ShortlistEntry
from models.workshop import Participant

_KIND_ORDER = {kind: n for n, kind in enumerate(NoteKind)}
Choice = TypeVar("Choice", bound=Enum)


class ReviewCompleted(UserError):
    """The review has its recommendation: its notes stay as they were when it was given."""


class _Unchanged(Enum):
    UNCHANGED = "unchanged"


UNCHANGED = _Unchanged.UNCHANGED


# Status ----------------------------------------------------------------------------------------


def _on_shortlist(session: Session, idea_id: str) -> bool:
    entry = session.scalar(
        select(ShortlistEntry.id).where(
            ShortlistEntry.idea_id == idea_id, ShortlistEntry.deleted_at.is_(None)
        )
    )
    return entry is not None


def _follow(session: Session, review: Review) -> None:
    """The idea's stored status after its review changed (app.idea_progress)."""
    idea = fetch(session, Idea, review.idea_id, allow_deleted=True)
    follow_progress(session, idea.workshop_id, idea.id)


# Snapshots -------------------------------------------------------------------------------------


def _origin(session: Session, reviewer_id: str | None) -> str | None:
    return (
        None
        if reviewer_id is None
        else session.scalar(select(Participant.origin).where(Participant.id == reviewer_id))
    )


def _note_snapshot(note: ReviewNote, reviewer_origin: str | None) -> NoteSnapshot:
    return NoteSnapshot(
        id=note.id,
        review_id=note.review_id,
        kind=NoteKind(note.kind),
        text=note.text,
        reviewer_id=note.reviewer_id,
        reviewer_origin=reviewer_origin,
        position=note.position,
        created_at=note.created_at,
        deleted=note.deleted_at is not None,
    )


def _live_notes_of(session: Session, review_ids: Collection[str]) -> dict[str, list[NoteSnapshot]]:
    """The live notes of these reviews, each review's in board order: one query however many."""
    rows = session.execute(
        select(ReviewNote, Participant.origin)
        .outerjoin(Participant, Participant.id == ReviewNote.reviewer_id)
        .where(ReviewNote.review_id.in_(review_ids), ReviewNote.deleted_at.is_(None))
    )
    notes: dict[str, list[NoteSnapshot]] = {review_id: [] for review_id in review_ids}
    for note, origin in rows:
        notes[note.review_id].append(_note_snapshot(note, origin))
    for column in notes.values():
        column.sort(key=lambda n: (_KIND_ORDER[n.kind], n.position, n.created_at))
    return notes


def _composition_of(notes: Iterable[NoteSnapshot]) -> Composition:
    """Distinct reviewers by origin, from the live notes; and the notes without a reviewer."""
    origins: dict[str, str | None] = {}
    without = 0
    for note in notes:
        if note.reviewer_id is None:
            without += 1
        else:
            origins[note.reviewer_id] = note.reviewer_origin
    external = sum(1 for o in origins.values() if o == "external")
    return Composition(internal=len(origins) - external, external=external, notes_without_reviewer=without)


def composition_in(session: Session, review_id: str) -> Composition:
    return _composition_of(_live_notes_of(session, (review_id,))[review_id])


def review_snapshot(session: Session, review: Review) -> ReviewSnapshot:
    idea = fetch(session, Idea, review.idea_id, allow_deleted=True)
    return _snapshot(review, idea, _live_notes_of(session, (review.id,))[review.id])


def _snapshot(review: Review, idea: Idea, notes: list[NoteSnapshot]) -> ReviewSnapshot:
    return ReviewSnapshot(
        id=review.id,
        idea_id=review.idea_id,
        idea_title=idea.title,
        workshop_id=idea.workshop_id,
        format=ReviewFormat(review.format),
        recommendation=None if review.recommendation is None else Recommendation(review.recommendation),
        reasons=review.reasons,
        completed_at=review.completed_at,
        created_at=review.created_at,
        deleted=review.deleted_at is not None,
        notes=tuple(notes),
        composition=_composition_of(notes),
    )


# Reviews ---------------------------------------------------------------------------------------


def _live_review_of(session: Session, idea_id: str) -> Review | None:
    return session.scalar(select(Review).where(Review.idea_id == idea_id, Review.deleted_at.is_(None)))


def _choice(value: str, kind: type[Choice], message: str, field: str) -> Choice:
    try:
        return kind(value)
    except ValueError:
        raise InvalidInput(message, field) from None


def start_review(db: Database, idea_id: str, review_format: str = ReviewFormat.STANDARD) -> ReviewSnapshot:
    """Open the review board of a shortlisted idea, in a format from the catalogue."""
    chosen = _choice(review_format, ReviewFormat, _("Choose a review format from the catalogue."), "format")
    with db.transaction() as session:
        idea = fetch(session, Idea, idea_id)
        if not _on_shortlist(session, idea.id):
            raise InvalidInput(
                _("Only an idea on the shortlist goes to critical review: put it on the shortlist first."),
                "idea_id",
            )
        if _live_review_of(session, idea.id) is not None:
            raise InvalidInput(_("This idea is already being reviewed: open its review instead."), "idea_id")
        review = Review(idea_id=idea.id, format=chosen)
        session.add(review)
        session.flush()
        _follow(session, review)
        return review_snapshot(session, review)


def get_review(db: Database, review_id: str) -> ReviewSnapshot:
    with db.transaction() as session:
        return review_snapshot(session, fetch(session, Review, review_id, allow_deleted=True))


def review_of_idea(db: Database, idea_id: str) -> ReviewSnapshot | None:
    """The idea's live review, if it has one."""
    with db.transaction() as session:
        review = _live_review_of(session, idea_id)
        return None if review is None else review_snapshot(session, review)


def list_reviews(db: Database, workshop_id: str) -> list[ReviewSnapshot]:
    """A workshop's live reviews of live ideas, in shortlist order (ideas taken off it last)."""
    with db.transaction() as session:
        pairs = session.execute(
            select(Review, Idea)
            .join(Idea, Idea.id == Review.idea_id)
            .where(Idea.workshop_id == workshop_id, Idea.deleted_at.is_(None), Review.deleted_at.is_(None))
            .order_by(Review.created_at, Review.id)
        ).all()
        reviews = [review for review, _idea in pairs]
        ideas = {idea.id: idea for _review, idea in pairs}
        rows = session.execute(
            select(ShortlistEntry.idea_id, ShortlistEntry.position).where(
                ShortlistEntry.workshop_id == workshop_id, ShortlistEntry.deleted_at.is_(None)
            )
        )
        places = {idea_id: position for idea_id, position in rows}
        reviews.sort(key=lambda r: (r.idea_id not in places, places.get(r.idea_id, 0)))
        notes = _live_notes_of(session, [r.id for r in reviews]) if reviews else {}
        return [_snapshot(r, ideas[r.idea_id], notes[r.id]) for r in reviews]


def remove_review(db: Database, review_id: str) -> ReviewSnapshot:
    """Soft delete (the undo of starting one); the idea's status follows."""
    with db.transaction() as session:
        review = fetch(session, Review, review_id)
        review.deleted_at = utcnow()
        session.flush()
        _follow(session, review)
        return review_snapshot(session, review)


def restore_review(db: Database, review_id: str) -> ReviewSnapshot:
    with db.transaction() as session:
        review = fetch(session, Review, review_id, allow_deleted=True)
        if review.deleted_at is not None:
            if _live_review_of(session, review.idea_id) is not None:
                raise InvalidInput(
                    _("This idea is already being reviewed: open its review instead."), "idea_id"
                )
            review.deleted_at = None
            session.flush()
            _follow(session, review)
        return review_snapshot(session, review)


def change_format(db: Database, review_id: str, review_format: str) -> ReviewSnapshot:
    """Review in another format: every format asks for the same five kinds of note, so all stay."""
    chosen = _choice(review_format, ReviewFormat, _("Choose a review format from the catalogue."), "format")
    with db.transaction() as session:
        review = fetch(session, Review, review_id)
        review.format = chosen
        session.flush()
        return review_snapshot(session, review)


def set_recommendation(db: Database, review_id: str, recommendation: str, reasons: str) -> ReviewSnapshot:
    """Complete the review: proceed, rework or park, with the reasons; the idea's status follows."""
    chosen = _choice(recommendation, Recommendation, _("Choose proceed, rework or park."), "recommendation")
    reasons = clean_text(reasons, "reasons")
    if not reasons.strip():
        raise InvalidInput(_("Write the reasons for the recommendation."), "reasons")
    with db.transaction() as session:
        review = fetch(session, Review, review_id)
        review.recommendation = chosen
        review.reasons = reasons
        review.completed_at = utcnow()
        session.flush()
        _follow(session, review)
        return review_snapshot(session, review)


def reopen_review(db: Database, review_id: str) -> ReviewSnapshot:
    """Open a completed review again; its recommendation and reasons stay as a draft."""
    with db.transaction() as session:
        review = fetch(session, Review, review_id)
        review.completed_at = None
        session.flush()
        _follow(session, review)
        return review_snapshot(session, review)


def composition(db: Database, review_id: str) -> Composition:
    """The review group as its notes show it: how many internal, how many external."""
    with db.transaction() as session:
        fetch(session, Review, review_id, allow_deleted=True)
        return composition_in(session, review_id)


# Notes -----------------------------------------------------------------------------------------


def _open_review(session: Session, review_id: str) -> Review:
    review = fetch(session, Review, review_id)
    if review.completed_at is not None:
        raise ReviewCompleted(_("The review is complete: reopen it to change its notes."))
    return review


def _note_text(text: str) -> str:
    text = clean_text(text)
    if not text.strip():
        raise InvalidInput(_("Write the note first."), "text")
    return text


def _note_kind(kind: str) -> NoteKind:
    return _choice(kind, NoteKind, _("Choose strength, weakness, risk, question or suggestion."), "kind")


def _check_reviewer(session: Session, review: Review, reviewer_id: str | None) -> None:
    if reviewer_id is None:
        return
    reviewer = fetch(session, Participant, reviewer_id)
    idea = fetch(session, Idea, review.idea_id, allow_deleted=True)
    if reviewer.workshop_id != idea.workshop_id:
        raise InvalidInput(_("The reviewer takes part in another workshop."), "reviewer_id")


def add_note(
    db: Database, review_id: str, kind: str, text: str, reviewer_id: str | None = None
) -> NoteSnapshot:
    """A note on the board, last in its column; the reviewer is optional."""
    chosen = _note_kind(kind)
    text = _note_text(text)
    with db.transaction() as session:
        review = _open_review(session, review_id)
        _check_reviewer(session, review, reviewer_id)
        note = ReviewNote(
            review_id=review.id,
            kind=chosen,
            text=text,
            reviewer_id=reviewer_id,
            position=next_position(session, ReviewNote.position, ReviewNote.review_id, review.id),
        )
        session.add(note)
        session.flush()
        return _note_snapshot(note, _origin(session, note.reviewer_id))


def update_note(
    db: Database,
    note_id: str,
    text: str | None = None,
    *,
    reviewer_id: str | _Unchanged | None = UNCHANGED,
) -> NoteSnapshot:
    """Reword a note and/or change who wrote it (None: no one in particular)."""
    cleaned = None if text is None else _note_text(text)
    with db.transaction() as session:
        note = fetch(session, ReviewNote, note_id)
        review = _open_review(session, note.review_id)
        if cleaned is not None:
            note.text = cleaned
        if not isinstance(reviewer_id, _Unchanged):
            _check_reviewer(session, review, reviewer_id)
            note.reviewer_id = reviewer_id
        session.flush()
        return _note_snapshot(note, _origin(session, note.reviewer_id))


def move_note(db: Database, note_id: str, position: int, kind: str | None = None) -> ReviewSnapshot:
    """Put a note at ``position`` among the live notes of a column (its own, or ``kind``)."""
    chosen = None if kind is None else _note_kind(kind)
    with db.transaction() as session:
        note = fetch(session, ReviewNote, note_id)
        review = _open_review(session, note.review_id)
        if chosen is not None:
            note.kind = chosen
        # Deleted notes keep a place among the others, so that restoring one is exact.
        others = [
            n
            for n in session.scalars(
                select(ReviewNote)
                .where(ReviewNote.review_id == review.id, ReviewNote.id != note.id)
                .order_by(ReviewNote.position, ReviewNote.created_at)
            )
            if n.kind == note.kind
        ]
        live = [i for i, row in enumerate(others) if row.deleted_at is None]
        at = live[position] if 0 <= position < len(live) else len(others)
        others.insert(at, note)
        for index, row in enumerate(others):
            row.position = index
        session.flush()
        return review_snapshot(session, review)


def remove_note(db: Database, note_id: str) -> NoteSnapshot:
    with db.transaction() as session:
        note = fetch(session, ReviewNote, note_id)
        _open_review(session, note.review_id)
        note.deleted_at = utcnow()
        session.flush()
        return _note_snapshot(note, _origin(session, note.reviewer_id))


def restore_note(db: Database, note_id: str) -> NoteSnapshot:
    with db.transaction() as session:
        note = fetch(session, ReviewNote, note_id, allow_deleted=True)
        _open_review(session, note.review_id)
        note.deleted_at = None
        session.flush()
        return _note_snapshot(note, _origin(session, note.reviewer_id))
