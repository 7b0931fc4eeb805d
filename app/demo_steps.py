"""The demo's steps 4-10 after the vote, taken through the services as the organiser would.

Two shortlisted ideas go on: one is reviewed, analysed, planned, decided GO (§ 1) with resources
and followed up twice; the other is sent back for rework by a pre-mortem and postponed (§ 2).
The services stamp what they write with the present moment; the demo then dates it back to when
it happened in its story, counted from the workshop's date.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import update
from sqlalchemy.orm import InstrumentedAttribute

from app import demo_steps_content as text
from app.analysis import save_analysis
from app.decisions import allocate, record_decision
from app.followup import add_entry, add_lesson, set_follow_up_date, set_lessons_summary
from app.plans import add_action, create_plan, mark_ready_for_decision, update_plan
from app.review import add_note, set_recommendation, start_review
from models.database import Database
from models.enums import DecisionLevel, DecisionOutcome, FollowUpKind, ReviewFormat
from models.plan import Action, Decision, DevelopmentPlan, FollowUpEntry, ResourceAllocation
from models.review import Analysis, Review, ReviewNote
from models.voting import ShortlistEntry, VotingRound


def held_on_for(today: date) -> date:
    """The workshop's date: the Tuesday some months before ``today``."""
    day = today - timedelta(weeks=text.WEEKS_AGO)
    return day - timedelta(days=(day.weekday() - 1) % 7)


@dataclass
class _Story:
    """When each written row happened in the demo's story: (the row's key column, its value, moment)."""

    held_on: date
    moments: list[tuple[InstrumentedAttribute[str], str, datetime]] = field(default_factory=list)
    completed: list[tuple[str, datetime]] = field(default_factory=list)  # reviews: (id, moment)

    def at(self, days: int, hour: int, minute: int = 0) -> datetime:
        """A moment ``days`` after the workshop's date, in UTC (Swedish time is an hour or two ahead)."""
        return datetime.combine(self.held_on + timedelta(days=days), time(hour, minute), tzinfo=UTC)

    def day(self, days: int) -> date:
        return self.held_on + timedelta(days=days)

    def happened(self, key: InstrumentedAttribute[str], value: str, moment: datetime) -> None:
        self.moments.append((key, value, moment))


def _review(
    db: Database,
    story: _Story,
    idea_id: str,
    review_format: ReviewFormat,
    notes: Iterable[tuple[str, str, str]],
    reviewers: Mapping[str, str],
    outcome: tuple[str, str],
    start: datetime,
) -> None:
    review = start_review(db, idea_id, review_format)
    story.happened(Review.id, review.id, start)
    minutes = 0
    for kind, reviewer, words in notes:
        minutes += 2
        note = add_note(db, review.id, kind, words, reviewers.get(reviewer))
        story.happened(ReviewNote.id, note.id, start + timedelta(minutes=minutes))
    recommendation, reasons = outcome
    set_recommendation(db, review.id, recommendation, reasons)
    story.completed.append((review.id, start + timedelta(minutes=minutes + 10)))


def _plan(db: Database, story: _Story, idea_id: str, today: date) -> None:
    plan = create_plan(db, idea_id, today=today)
    story.happened(DevelopmentPlan.id, plan.id, story.at(7 * 3, 8))
    update_plan(db, plan.id, today=today, **text.PLAN)
    for n, (title, owner, due, status, within) in enumerate(text.ACTIONS):
        action = add_action(
            db,
            plan.id,
            title,
            owner=owner,
            due_on=story.day(due),
            status=status,
            followed_up_within=within,
            today=today,
        )
        story.happened(Action.id, action.id, story.at(7 * 3, 8, 10 + n))
    mark_ready_for_decision(db, plan.id, today=today)


def _decisions(
    db: Database, story: _Story, workshop_id: str, going_on: str | None, reworked: str | None
) -> None:
    meeting = story.day(text.MEETING_DAYS)
    paragraph = text.FIRST_PARAGRAPH

    def reference() -> str:
        return f"{text.DECIDED_BY} {meeting.isoformat()} § {paragraph}"

    if going_on is not None:
        go = record_decision(
            db,
            workshop_id,
            going_on,
            DecisionOutcome.GO,
            DecisionLevel.COMMITTEE,
            meeting,
            decided_by=text.DECIDED_BY,
            reference=reference(),
            reasons=text.GO_REASONS,
            lessons_capture=text.GO_LESSONS,
        )
        story.happened(Decision.id, go.id, story.at(text.MEETING_DAYS, 16))
        paragraph += 1
        for kind, amount, description in text.RESOURCES:
            given = allocate(
                db,
                go.id,
                kind,
                amount,
                description=description,
                allocated_by=text.ALLOCATED_BY,
                allocated_on=story.day(text.ALLOCATED_AFTER_DAYS),
            )
            story.happened(ResourceAllocation.id, given.id, story.at(text.ALLOCATED_AFTER_DAYS, 9))
    if reworked is not None:
        postponed = record_decision(
            db,
            workshop_id,
            reworked,
            DecisionOutcome.POSTPONED,
            DecisionLevel.COMMITTEE,
            meeting,
            decided_by=text.DECIDED_BY,
            reference=reference(),
            reasons=text.POSTPONED_REASONS,
        )
        story.happened(Decision.id, postponed.id, story.at(text.MEETING_DAYS, 16, 5))


def _follow_up(db: Database, story: _Story, workshop_id: str, going_on: str | None) -> None:
    if going_on is not None:
        for days, words, status in text.CHECK_INS:
            entry = add_entry(
                db, workshop_id, going_on, FollowUpKind.CHECK_IN, story.day(days), words, text.AUTHOR, status
            )
            story.happened(FollowUpEntry.id, entry.id, story.at(days, 13))
    lesson = add_lesson(db, workshop_id, story.day(text.LESSON_DAYS), text.LESSON, author=text.AUTHOR)
    story.happened(FollowUpEntry.id, lesson.id, story.at(text.LESSON_DAYS, 13, 30))
    set_lessons_summary(db, workshop_id, text.LESSONS_SUMMARY)
    set_follow_up_date(db, workshop_id, story.day(text.NEXT_FOLLOW_UP_DAYS))


def _date_back(db: Database, story: _Story, workshop_id: str) -> None:
    """Every row written above, and the workshop's vote and shortlist, stamped with their moments."""
    with db.transaction() as session:
        for key, value, moment in story.moments:
            table = key.class_
            session.execute(update(table).where(key == value).values(created_at=moment, updated_at=moment))
        for review_id, moment in story.completed:
            session.execute(update(Review).where(Review.id == review_id).values(completed_at=moment))
        session.execute(
            update(VotingRound)
            .where(VotingRound.workshop_id == workshop_id)
            .values(
                created_at=story.at(0, 10),
                opened_at=story.at(0, 10, 5),
                closed_at=story.at(0, 10, 25),
                revealed_at=story.at(0, 10, 30),
                updated_at=story.at(0, 10, 30),
            )
        )
        session.execute(
            update(ShortlistEntry)
            .where(ShortlistEntry.workshop_id == workshop_id)
            .values(created_at=story.at(0, 10, 35), updated_at=story.at(0, 10, 35))
        )


def follow_the_shortlist(
    db: Database,
    workshop_id: str,
    shortlisted: Mapping[str, str],
    reviewers: Mapping[str, str],
    held_on: date,
    today: date,
) -> None:
    """Steps 4-10 for the two demo ideas that are on the shortlist (``shortlisted``: title -> id).

    ``reviewers`` finds a participant's id by name, or by "role|organisation" for one unnamed.
    Lessons and the next follow-up date are written even when neither idea was shortlisted.
    """
    story = _Story(held_on)
    going_on = shortlisted.get(text.GOING_ON)
    reworked = shortlisted.get(text.REWORKED)
    if going_on is not None:
        _review(
            db,
            story,
            going_on,
            ReviewFormat.STANDARD,
            text.GOING_ON_NOTES,
            reviewers,
            (text.GOING_ON_RECOMMENDATION, text.GOING_ON_REASONS),
            story.at(0, 12, 30),
        )
        save_analysis(db, going_on, **text.GOING_ON_ANALYSIS)
        story.happened(Analysis.idea_id, going_on, story.at(7 * 2, 9))
        _plan(db, story, going_on, today)
    if reworked is not None:
        _review(
            db,
            story,
            reworked,
            ReviewFormat.PRE_MORTEM,
            text.REWORKED_NOTES,
            reviewers,
            (text.REWORKED_RECOMMENDATION, text.REWORKED_REASONS),
            story.at(0, 13, 20),
        )
        save_analysis(db, reworked, **text.REWORKED_ANALYSIS)
        story.happened(Analysis.idea_id, reworked, story.at(7 * 2, 10))
    _decisions(db, story, workshop_id, going_on, reworked)
    _follow_up(db, story, workshop_id, going_on)
    _date_back(db, story, workshop_id)
