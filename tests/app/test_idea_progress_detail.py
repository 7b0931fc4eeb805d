"""What put an idea at its step, and when: the record behind the status shown on the idea."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from app.analysis import save_analysis
from app.decisions import allocate, record_decision, remove_allocation
from app.demo import create_demo_workshop
from app.demo_steps_content import CHECK_INS, GOING_ON, REWORKED
from app.followup import add_entry, mark_realised
from app.idea_progress_detail import StepReached, step_reached, stored_statuses
from app.ideas import add_idea, list_ideas, remove_idea
from app.plans import create_plan
from app.review import set_recommendation, start_review
from app.shortlist import add_to_shortlist, shortlist
from app.snapshots import WorkshopSnapshot
from app.workshops import get_workshop
from models.database import Database
from models.enums import DecisionOutcome, IdeaStatus, Recommendation

MEETING = date(2026, 3, 18)


def shortlisted(db: Database, workshop: WorkshopSnapshot, title: str = "Fast omsorgskontakt") -> str:
    idea = add_idea(db, workshop.id, title)
    add_to_shortlist(db, workshop.id, idea.id, "Chosen by the group")
    return idea.id


def test_each_step_names_its_record_and_date(db: Database, workshop: WorkshopSnapshot) -> None:
    idea = shortlisted(db, workshop)
    reached = step_reached(db, idea)
    assert reached.status is IdeaStatus.SHORTLISTED
    assert reached.on is not None

    review = start_review(db, idea)
    done = set_recommendation(db, review.id, "proceed", "A clear need")
    assert step_reached(db, idea) == StepReached(
        IdeaStatus.REVIEWED, on=done.completed_at, recommendation=Recommendation.PROCEED
    )
    save_analysis(db, idea, benefit="Calmer days", cost_hours="120")
    assert step_reached(db, idea).status is IdeaStatus.ANALYSED
    plan = create_plan(db, idea, today=MEETING)
    assert step_reached(db, idea).status is IdeaStatus.PLANNED
    assert not step_reached(db, idea).ready_for_decision
    assert plan.id

    decision = record_decision(db, workshop.id, idea, "go", "committee", MEETING)
    assert step_reached(db, idea) == StepReached(
        IdeaStatus.DECIDED, on=MEETING, decision_number=1, decision_outcome=DecisionOutcome.GO
    )
    given = allocate(db, decision.id, "hours", 40, allocated_on=MEETING + timedelta(days=5))
    assert step_reached(db, idea) == StepReached(
        IdeaStatus.RESOURCED, on=MEETING + timedelta(days=5), decision_number=1, decision_outcome="go"
    )
    add_entry(db, workshop.id, idea, "check_in", MEETING + timedelta(days=20), "Under way")
    add_entry(db, workshop.id, idea, "support", MEETING + timedelta(days=40), "Coaching")
    assert step_reached(db, idea) == StepReached(IdeaStatus.REALISING, on=MEETING + timedelta(days=40))
    mark_realised(db, idea, MEETING + timedelta(days=90), "In ordinary operations")
    assert step_reached(db, idea) == StepReached(IdeaStatus.REALISED, on=MEETING + timedelta(days=90))

    remove_allocation(db, given.id)  # the realisation still stands: realised is the furthest step
    assert step_reached(db, idea).status is IdeaStatus.REALISED


def test_a_parked_idea_names_its_review(db: Database, workshop: WorkshopSnapshot) -> None:
    idea = shortlisted(db, workshop)
    review = start_review(db, idea)
    done = set_recommendation(db, review.id, "park", "Not now")
    assert step_reached(db, idea) == StepReached(
        IdeaStatus.PARKED, on=done.completed_at, recommendation=Recommendation.PARK
    )


def test_an_idea_before_the_shortlist_has_no_record_to_name(db: Database, workshop: WorkshopSnapshot) -> None:
    idea = add_idea(db, workshop.id, "Fler bänkar")
    assert step_reached(db, idea.id) == StepReached(IdeaStatus.PROPOSED)


def test_stored_statuses_are_the_live_ideas_steps(db: Database, workshop: WorkshopSnapshot) -> None:
    idea = shortlisted(db, workshop)
    other = add_idea(db, workshop.id, "Fler bänkar")
    gone = add_idea(db, workshop.id, "Borttagen")
    remove_idea(db, gone.id)
    assert stored_statuses(db, workshop.id) == {idea: IdeaStatus.SHORTLISTED, other.id: IdeaStatus.PROPOSED}


def test_the_demo_ideas_steps_and_their_dates(db: Database) -> None:
    workshop_id = create_demo_workshop(db)
    held_on = get_workshop(db, workshop_id).held_on
    assert held_on is not None
    ideas = {i.title: i.id for i in list_ideas(db, workshop_id)}

    going_on = step_reached(db, ideas[GOING_ON])
    last_check_in = held_on + timedelta(days=CHECK_INS[-1][0])
    assert going_on == StepReached(IdeaStatus.REALISING, on=last_check_in)
    waiting = next(
        i.idea_id for i in shortlist(db, workshop_id) if i.idea_id not in {ideas[GOING_ON], ideas[REWORKED]}
    )
    shortlisted_on = step_reached(db, waiting)
    assert shortlisted_on.status is IdeaStatus.SHORTLISTED
    assert isinstance(shortlisted_on.on, datetime)
    assert shortlisted_on.on.date() == held_on  # chosen by the vote at the workshop
    reworked = step_reached(db, ideas[REWORKED])
    assert (reworked.status, reworked.decision_number, reworked.decision_outcome) == (
        IdeaStatus.DECIDED,
        2,
        DecisionOutcome.POSTPONED,
    )
    assert reworked.on is not None
    assert reworked.on > held_on
