"""Each idea's status along the 10 steps, read from the records, and the funnel."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from app import decisions
from app.analysis import save_analysis
from app.backings import add_backing, remove_backing
from app.decisions import delete_decision, record_decision, remove_allocation
from app.followup import add_entry, mark_realised, remove_entry
from app.followup_snapshots import Funnel
from app.idea_progress import funnel, funnels, progress
from app.ideas import add_idea, get_idea, list_ideas, remove_idea
from app.participants import add_participants
from app.plans import create_plan, delete_plan, mark_ready_for_decision, update_plan
from app.review import set_recommendation, start_review
from app.shortlist import add_to_shortlist
from app.snapshots import WorkshopSnapshot
from app.workshops import create_workshop, delete_workshop
from models.base import utcnow
from models.database import Database
from models.enums import (
    DecisionLevel,
    DecisionOutcome,
    FollowUpKind,
    IdeaStatus,
    Recommendation,
    ResourceKind,
)
from models.plan import Decision, DevelopmentPlan, ResourceAllocation
from models.review import Analysis, Review
from tests.app import voting_setup

DAY = date(2026, 11, 2)


english, db = voting_setup.english, voting_setup.db


# The plans, decisions and reviews are written straight into the tables, as their own services would.


def review(db: Database, idea_id: str, recommendation: Recommendation, *, completed: bool = True) -> str:
    with db.transaction() as session:
        row = Review(
            idea_id=idea_id, recommendation=recommendation, completed_at=utcnow() if completed else None
        )
        session.add(row)
        session.flush()
        return row.id


def analyse(
    db: Database, idea_id: str, *, benefit: str = "Färre akuta besök", hours: str | None = "120"
) -> None:
    with db.transaction() as session:
        session.add(
            Analysis(idea_id=idea_id, benefit=benefit, cost_hours=None if hours is None else Decimal(hours))
        )


def plan(db: Database, idea_id: str, responsible: str = "Eva Sjöberg") -> str:
    with db.transaction() as session:
        row = DevelopmentPlan(idea_id=idea_id, responsible=responsible)
        session.add(row)
        session.flush()
        return row.id


def decide(
    db: Database, workshop_id: str, idea_id: str, outcome: DecisionOutcome, *, on: date | None = DAY
) -> str:
    """A decision numbered after the workshop's last one (§ 1, § 2, ...)."""
    with db.transaction() as session:
        last = session.scalar(select(func.max(Decision.number)).where(Decision.workshop_id == workshop_id))
        row = Decision(
            workshop_id=workshop_id,
            idea_id=idea_id,
            number=(last or 0) + 1,
            outcome=outcome,
            level=DecisionLevel.COMMITTEE,
            decided_on=on,
        )
        session.add(row)
        session.flush()
        return row.id


def allocate(db: Database, decision_id: str) -> None:
    with db.transaction() as session:
        session.add(
            ResourceAllocation(decision_id=decision_id, kind=ResourceKind.MONEY, amount=Decimal(50000))
        )


def test_every_step_follows_from_its_record(db: Database, workshop: WorkshopSnapshot) -> None:
    """GIVEN one idea that stops at each step WHEN progress is read THEN each shows its own step."""
    w = workshop.id
    ideas = {status: add_idea(db, w, f"Idé {status}").id for status in IdeaStatus}
    ladder = [
        IdeaStatus.BACKED,
        IdeaStatus.SHORTLISTED,
        IdeaStatus.REVIEWED,
        IdeaStatus.ANALYSED,
        IdeaStatus.PLANNED,
        IdeaStatus.DECIDED,
        IdeaStatus.RESOURCED,
        IdeaStatus.REALISING,
        IdeaStatus.REALISED,
    ]
    for n, status in enumerate(ladder):
        idea = ideas[status]
        reached = ladder[: n + 1]
        add_backing(db, idea, "Tack!")
        if IdeaStatus.SHORTLISTED in reached:
            add_to_shortlist(db, w, idea, "Lyftes av gruppen")
        if IdeaStatus.REVIEWED in reached:
            review(db, idea, Recommendation.PROCEED)
        if IdeaStatus.ANALYSED in reached:
            analyse(db, idea)
        if IdeaStatus.PLANNED in reached:
            plan(db, idea)
        if IdeaStatus.DECIDED in reached:
            decision = decide(db, w, idea, DecisionOutcome.GO)
        if IdeaStatus.RESOURCED in reached:
            allocate(db, decision)
        if IdeaStatus.REALISING in reached:
            add_entry(db, w, idea, FollowUpKind.CHECK_IN, DAY, "Första brukarna är med")
        if IdeaStatus.REALISED in reached:
            mark_realised(db, idea, DAY)
    parked = ideas[IdeaStatus.PARKED]
    add_backing(db, parked, "Tack!")
    add_to_shortlist(db, w, parked, "Lyftes av gruppen")
    review(db, parked, Recommendation.PARK)

    found = progress(db, w)

    assert found == {idea: status for status, idea in ideas.items()}
    # Stored on the ideas too where the follow-up changed them, so the board shows them.
    shown = {i.id: i.status for i in list_ideas(db, w)}
    assert shown[ideas[IdeaStatus.REALISED]] == IdeaStatus.REALISED
    assert shown[ideas[IdeaStatus.REALISING]] == IdeaStatus.REALISING


def test_a_record_that_goes_takes_its_step_with_it(db: Database, workshop: WorkshopSnapshot) -> None:
    idea = add_idea(db, workshop.id, "Fast omsorgskontakt").id
    backing = add_backing(db, idea, "Tack!")
    plan(db, idea)
    decide(db, workshop.id, idea, DecisionOutcome.GO)
    check_in = add_entry(db, workshop.id, idea, FollowUpKind.CHECK_IN, DAY, "Igång")
    assert progress(db, workshop.id)[idea] is IdeaStatus.REALISING

    remove_entry(db, check_in.id)
    assert progress(db, workshop.id)[idea] is IdeaStatus.DECIDED
    assert [i.status for i in list_ideas(db, workshop.id)] == [IdeaStatus.DECIDED]

    remove_backing(db, backing.id)  # the later steps still stand
    assert progress(db, workshop.id)[idea] is IdeaStatus.DECIDED


def test_half_done_records_do_not_count(db: Database, workshop: WorkshopSnapshot) -> None:
    w = workshop.id
    open_review, no_cost, no_benefit = (add_idea(db, w, f"Idé {n}").id for n in range(3))
    review(db, open_review, Recommendation.PARK, completed=False)
    analyse(db, no_cost, hours=None)
    analyse(db, no_benefit, benefit="\u00a0\t\n ")  # whitespace of any kind is no benefit

    assert set(progress(db, w).values()) == {IdeaStatus.PROPOSED}


def test_a_check_in_before_go_is_not_realising(db: Database, workshop: WorkshopSnapshot) -> None:
    """A NO (or a decline in doubt) stays decided: the decision record says which it was."""
    w = workshop.id
    refused, in_doubt, undecided = (add_idea(db, w, f"Idé {n}").id for n in range(3))
    for idea in (refused, in_doubt, undecided):
        plan(db, idea)
        add_entry(db, w, idea, FollowUpKind.CHECK_IN, DAY, "Vi väntar")
    decide(db, w, refused, DecisionOutcome.NO)
    decide(db, w, in_doubt, DecisionOutcome.DECLINED_IN_DOUBT)

    assert progress(db, w) == {
        refused: IdeaStatus.DECIDED,
        in_doubt: IdeaStatus.DECIDED,
        undecided: IdeaStatus.PLANNED,
    }


def test_the_latest_decision_and_review_count(db: Database, workshop: WorkshopSnapshot) -> None:
    w = workshop.id
    reconsidered, parked_later = add_idea(db, w, "Omprövad").id, add_idea(db, w, "Parkerad").id
    plan(db, reconsidered)
    decide(db, w, reconsidered, DecisionOutcome.DECLINED_IN_DOUBT, on=date(2026, 3, 1))
    decide(db, w, reconsidered, DecisionOutcome.GO, on=date(2026, 6, 1))
    add_entry(db, w, reconsidered, FollowUpKind.SUPPORT, DAY, "Chefen stöttar")
    review(db, parked_later, Recommendation.REWORK)
    review(db, parked_later, Recommendation.PARK)

    assert progress(db, w) == {reconsidered: IdeaStatus.REALISING, parked_later: IdeaStatus.PARKED}
    assert funnel(db, w).go == 1


def test_a_park_recommendation_gives_way_to_later_steps(db: Database, workshop: WorkshopSnapshot) -> None:
    idea = add_idea(db, workshop.id, "Ändå vidare").id
    review(db, idea, Recommendation.PARK)
    analyse(db, idea)

    assert progress(db, workshop.id) == {idea: IdeaStatus.ANALYSED}


def test_deleted_ideas_are_left_out(db: Database, workshop: WorkshopSnapshot) -> None:
    kept, gone = add_idea(db, workshop.id, "Kvar").id, add_idea(db, workshop.id, "Borta").id
    remove_idea(db, gone)

    assert progress(db, workshop.id) == {kept: IdeaStatus.PROPOSED}


def _stage(
    db: Database, workshop_id: str, people: int, ideas: int, shortlisted: int, planned: int, go: int
) -> None:
    add_participants(db, workshop_id, people, role="citizen", origin="external")
    ids = [add_idea(db, workshop_id, f"Idé {n}").id for n in range(ideas)]
    for idea in ids[:shortlisted]:
        add_to_shortlist(db, workshop_id, idea, "Lyftes")
    for idea in ids[:planned]:
        plan(db, idea)
    for idea in ids[:go]:
        decide(db, workshop_id, idea, DecisionOutcome.GO)
    decide(db, workshop_id, ids[go], DecisionOutcome.NO)
    mark_realised(db, ids[0], DAY)


def test_the_funnel_per_workshop_and_across_all(db: Database, workshop: WorkshopSnapshot) -> None:
    other = create_workshop(db, "Vägen till jobbet").id
    gone = create_workshop(db, "Struken").id
    _stage(db, workshop.id, people=12, ideas=9, shortlisted=5, planned=3, go=2)
    _stage(db, other, people=7, ideas=4, shortlisted=3, planned=2, go=1)
    _stage(db, gone, people=3, ideas=3, shortlisted=2, planned=2, go=1)
    delete_workshop(db, gone)

    assert funnel(db, workshop.id) == Funnel(workshop.id, 12, 9, 5, 3, 2, 1)
    assert funnel(db, other) == Funnel(other, 7, 4, 3, 2, 1, 1)
    assert funnel(db) == Funnel(None, 19, 13, 8, 5, 3, 2)
    assert set(funnels(db)) == {workshop.id, other}
    assert funnel(db, gone) == Funnel(gone)


def test_the_funnel_of_an_empty_workshop_is_all_zero(db: Database, workshop: WorkshopSnapshot) -> None:
    assert funnel(db, workshop.id) == Funnel(workshop.id, 0, 0, 0, 0, 0, 0)


def test_a_deleted_plan_is_no_plan(db: Database, workshop: WorkshopSnapshot) -> None:
    idea = add_idea(db, workshop.id, "Omgjord plan").id
    plan_id = plan(db, idea)
    with db.transaction() as session:
        row = session.get(DevelopmentPlan, plan_id)
        assert row is not None
        row.deleted_at = utcnow()

    assert progress(db, workshop.id) == {idea: IdeaStatus.PROPOSED}
    assert funnel(db, workshop.id).with_plan == 0


def test_a_postponed_decision_is_decided(db: Database, workshop: WorkshopSnapshot) -> None:
    idea = add_idea(db, workshop.id, "Senare").id
    decide(db, workshop.id, idea, DecisionOutcome.POSTPONED)

    assert progress(db, workshop.id) == {idea: IdeaStatus.DECIDED}
    assert funnel(db, workshop.id).go == 0


def test_an_undated_decision_is_the_latest(db: Database, workshop: WorkshopSnapshot) -> None:
    idea = add_idea(db, workshop.id, "Beslut på väg").id
    plan(db, idea)
    decide(db, workshop.id, idea, DecisionOutcome.NO, on=date(2026, 3, 1))
    decide(db, workshop.id, idea, DecisionOutcome.GO, on=None)

    assert funnel(db, workshop.id).go == 1


def test_the_stored_status_is_the_derived_one_after_every_service(
    db: Database, workshop: WorkshopSnapshot
) -> None:
    """GIVEN an idea taken through the 10 steps by the real services, and back again.

    THEN after every step the status the idea stores is the one its records give.
    """
    w = workshop.id
    idea = add_idea(db, w, "Fast omsorgskontakt").id

    def now_at(step: IdeaStatus) -> None:
        stored = get_idea(db, idea).status
        assert stored == progress(db, w)[idea]
        assert stored == step

    now_at(IdeaStatus.PROPOSED)
    add_backing(db, idea, "Tack!")
    now_at(IdeaStatus.BACKED)
    add_to_shortlist(db, w, idea, "Lyftes av gruppen")
    now_at(IdeaStatus.SHORTLISTED)
    board = start_review(db, idea)
    now_at(IdeaStatus.SHORTLISTED)
    set_recommendation(db, board.id, Recommendation.PROCEED, "Billigt att pröva.")
    now_at(IdeaStatus.REVIEWED)
    save_analysis(db, idea, benefit="Färre akuta besök", cost_hours=120)
    now_at(IdeaStatus.ANALYSED)
    plan_id = create_plan(db, idea, today=DAY).id
    now_at(IdeaStatus.PLANNED)  # a plan, not yet ready for a decision
    update_plan(db, plan_id, today=DAY, concept="En kontakt per brukare", responsible="Eva Sjöberg")
    mark_ready_for_decision(db, plan_id, today=DAY)
    now_at(IdeaStatus.PLANNED)
    go = record_decision(db, w, idea, DecisionOutcome.GO, DecisionLevel.COMMITTEE, DAY, reasons="Ryms.")
    now_at(IdeaStatus.DECIDED)
    given = decisions.allocate(db, go.id, ResourceKind.HOURS, 200)
    now_at(IdeaStatus.RESOURCED)
    check_in = add_entry(db, w, idea, FollowUpKind.CHECK_IN, DAY, "Första brukarna är med")
    now_at(IdeaStatus.REALISING)
    realised = mark_realised(db, idea, DAY)
    now_at(IdeaStatus.REALISED)

    # WHEN it is taken back, one record at a time
    remove_entry(db, realised.id)
    now_at(IdeaStatus.REALISING)
    remove_entry(db, check_in.id)
    now_at(IdeaStatus.RESOURCED)
    remove_allocation(db, given.id)
    now_at(IdeaStatus.DECIDED)
    delete_decision(db, go.id)
    now_at(IdeaStatus.PLANNED)
    delete_plan(db, plan_id, today=DAY)
    now_at(IdeaStatus.ANALYSED)
