"""Decisions numbered § n per workshop, with reasons when going against the vote or the review; resources."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.analysis import save_analysis
from app.decision_resources import get_allocation
from app.decisions import (
    PlanReadiness,
    allocate,
    allocations,
    delete_decision,
    get_decision,
    list_decisions,
    plan_readiness,
    reasons_needed,
    record_decision,
    remove_allocation,
    restore_allocation,
    restore_decision,
    update_allocation,
    update_decision,
)
from app.errors import InvalidInput, NotFound
from app.followup import add_entry, mark_realised
from app.i18n import _, set_language
from app.ideas import get_idea
from app.plan_snapshots import DecisionSnapshot
from app.plans import create_plan, mark_ready_for_decision, update_plan
from app.shortlist import add_to_shortlist, make_shortlist
from app.snapshots import WorkshopSnapshot
from app.workshops import create_workshop
from models.database import Database
from models.enums import (
    DecisionLevel,
    DecisionOutcome,
    FollowUpKind,
    IdeaStatus,
    Recommendation,
    ResourceKind,
)
from models.plan import Decision, ResourceAllocation
from models.review import Review
from tests.app import voting_setup
from tests.app.voting_setup import Board, revealed

DAY = date(2026, 3, 12)
GO, NO = DecisionOutcome.GO, DecisionOutcome.NO
BOARD_LEVEL = DecisionLevel.EXECUTIVE_BOARD

# A fresh migrated database per test, in English (see tests.app.voting_setup).
english, db, board = voting_setup.english, voting_setup.db, voting_setup.board


def decide(
    db: Database, board: Board, n: int | None, outcome: DecisionOutcome | str | None = GO, **more: object
) -> DecisionSnapshot:
    idea_id = None if n is None else board.ideas[n]
    given: dict[str, object] = {"level": BOARD_LEVEL, "decided_on": DAY, **more}
    return record_decision(db, board.workshop_id, idea_id, outcome, **given)  # type: ignore[arg-type]


def refusal(call: Callable[[], object]) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        call()
    return caught.value


def decision_rows(db: Database) -> list[Decision]:
    with db.transaction() as session:
        rows = list(session.scalars(select(Decision).order_by(Decision.number)))
        session.expunge_all()
        return rows


def status(db: Database, board: Board, n: int) -> str:
    return get_idea(db, board.ideas[n]).status


def reviewed(db: Database, board: Board, n: int, recommendation: Recommendation, hour: int = 9) -> None:
    with db.transaction() as session:
        session.add(
            Review(
                idea_id=board.ideas[n],
                recommendation=recommendation,
                completed_at=datetime(2026, 3, 1, hour, tzinfo=UTC),
            )
        )


def test_a_decision_is_recorded_as_given(db: Database, board: Board) -> None:
    made = decide(
        db,
        board,
        0,
        decided_by="Kommunstyrelsen",
        reference="KS 2026-03-12 § 45",
        reasons="Ryms i budgeten.",
        lessons_capture="Uppföljning i nämnden efter sex månader.",
    )
    assert (made.number, made.outcome, made.level, made.decided_on) == (1, GO, BOARD_LEVEL, DAY)
    assert made.idea_title == "Idé 0"
    (row,) = decision_rows(db)
    assert (row.decided_by, row.reference, row.reasons, row.lessons_capture) == (
        "Kommunstyrelsen",
        "KS 2026-03-12 § 45",
        "Ryms i budgeten.",
        "Uppföljning i nämnden efter sex månader.",
    )
    assert get_decision(db, made.id) == made


def test_decisions_are_numbered_in_the_order_taken_per_workshop(db: Database, board: Board) -> None:
    first = decide(db, board, 0)
    second = decide(db, board, 1, DecisionOutcome.POSTPONED)
    general = decide(db, board, None, NO, level=DecisionLevel.UNIT_MANAGER)
    elsewhere = record_decision(db, create_workshop(db, "Annan").id, None, GO, BOARD_LEVEL, DAY)
    assert [first.number, second.number, general.number] == [1, 2, 3]
    assert elsewhere.number == 1
    assert general.idea_id is None
    assert general.idea_title == ""
    assert [d.number for d in list_decisions(db, board.workshop_id)] == [1, 2, 3]


def test_a_deleted_decision_in_the_middle_keeps_its_number(db: Database, board: Board) -> None:
    decide(db, board, 0)
    second = decide(db, board, 1)
    decide(db, board, 2)
    delete_decision(db, second.id)
    assert [d.number for d in list_decisions(db, board.workshop_id)] == [1, 3]
    assert decide(db, board, 3).number == 4
    restore_decision(db, second.id, second.number)
    assert [d.number for d in list_decisions(db, board.workshop_id)] == [1, 2, 3, 4]


def test_a_decision_taken_back_frees_its_number_for_the_next(db: Database, board: Board) -> None:
    decide(db, board, 0)
    decide(db, board, 1)
    third = decide(db, board, 2)
    allocate(db, third.id, ResourceKind.HOURS, 40)
    delete_decision(db, third.id)  # an undone recording
    again = decide(db, board, 3)
    assert again.number == 3
    assert [d.number for d in list_decisions(db, board.workshop_id)] == [1, 2, 3]
    assert [row.id for row in decision_rows(db)].count(third.id) == 0  # gone for good, with its resources
    with db.transaction() as session:
        assert session.scalars(select(ResourceAllocation)).all() == []
    with pytest.raises(NotFound) as caught:
        restore_decision(db, third.id, third.number)
    assert caught.value.message == "§ 3 has since been given to another decision."
    assert get_decision(db, again.id).idea_id == board.ideas[3]


def test_numbers_freed_at_the_end_are_given_again_in_order(db: Database, board: Board) -> None:
    made = [decide(db, board, n) for n in range(4)]
    delete_decision(db, made[1].id)  # below a live one: stays taken
    delete_decision(db, made[3].id)
    assert [decide(db, board, None).number for _n in range(2)] == [4, 5]
    assert [d.number for d in list_decisions(db, board.workshop_id)] == [1, 3, 4, 5]
    assert [row.number for row in decision_rows(db)] == [1, 2, 3, 4, 5]
    assert restore_decision(db, made[1].id, 2).number == 2
    for decision in list_decisions(db, board.workshop_id)[1:]:
        delete_decision(db, decision.id)
    assert decide(db, board, None).number == 2  # only § 1 is live: every later number is free


def test_the_database_gives_a_number_only_once_per_workshop(db: Database, board: Board) -> None:
    decide(db, board, 0)
    with pytest.raises(IntegrityError), db.transaction() as session:
        session.add(Decision(workshop_id=board.workshop_id, number=1, outcome=NO, level=BOARD_LEVEL))


def test_an_outcome_and_a_date_are_needed_said_plainly(db: Database, board: Board) -> None:
    missing_outcome = refusal(lambda: decide(db, board, 0, None, reasons="Lång motivering"))
    assert (missing_outcome.field, missing_outcome.message) == (
        "outcome",
        "Choose the outcome of the decision: GO, no, postponed or declined.",
    )
    missing_date = refusal(lambda: decide(db, board, 0, GO, decided_on=None))
    assert (missing_date.field, missing_date.message) == ("decided_on", "Write the date of the decision.")
    assert refusal(lambda: decide(db, board, 0, "maybe")).field == "outcome"
    assert refusal(lambda: decide(db, board, 0, level="mayor")).field == "level"
    assert decision_rows(db) == []
    assert status(db, board, 0) == IdeaStatus.PROPOSED


def test_a_decision_on_an_idea_of_another_workshop_is_refused(db: Database, board: Board) -> None:
    other = create_workshop(db, "Annan").id
    error = refusal(lambda: record_decision(db, other, board.ideas[0], GO, BOARD_LEVEL, DAY))
    assert error.field == "idea_id"


def test_every_outcome_makes_the_idea_decided(db: Database, board: Board) -> None:
    for n, outcome in enumerate(DecisionOutcome):
        decide(db, board, n, outcome)
        assert status(db, board, n) == IdeaStatus.DECIDED
    assert DecisionOutcome.POSTPONED.value == "postponed"


def test_taking_decisions_back_returns_the_idea_to_where_it_was(db: Database, board: Board) -> None:
    create_plan(db, board.ideas[0], today=DAY)
    first = decide(db, board, 0, DecisionOutcome.POSTPONED)
    second = decide(db, board, 0, GO)
    # Out of order: the first goes, the second still stands
    delete_decision(db, first.id)
    assert status(db, board, 0) == IdeaStatus.DECIDED
    delete_decision(db, second.id)
    assert status(db, board, 0) == IdeaStatus.PLANNED
    restore_decision(db, second.id)
    assert status(db, board, 0) == IdeaStatus.DECIDED


def test_a_later_no_takes_the_resources_of_an_earlier_go_out_of_the_status(
    db: Database, board: Board
) -> None:
    go = decide(db, board, 0, GO)
    allocate(db, go.id, ResourceKind.HOURS, 40)
    assert status(db, board, 0) == IdeaStatus.RESOURCED
    later = decide(db, board, 0, NO, decided_on=date(2026, 4, 1))
    assert status(db, board, 0) == IdeaStatus.DECIDED
    delete_decision(db, later.id)
    assert status(db, board, 0) == IdeaStatus.RESOURCED


def test_taking_a_go_back_after_a_check_in_ends_realising(db: Database, board: Board) -> None:
    create_plan(db, board.ideas[0], today=DAY)
    go = decide(db, board, 0, GO)
    add_entry(db, board.workshop_id, board.ideas[0], FollowUpKind.CHECK_IN, DAY, "Igång.")
    assert status(db, board, 0) == IdeaStatus.REALISING
    delete_decision(db, go.id)
    assert status(db, board, 0) == IdeaStatus.PLANNED


def test_a_decision_never_undoes_realisation(db: Database, board: Board) -> None:
    create_plan(db, board.ideas[0], today=DAY)
    mark_realised(db, board.ideas[0], DAY, "Klart.")
    made = decide(db, board, 0, NO)
    assert status(db, board, 0) == IdeaStatus.REALISED
    delete_decision(db, made.id)
    assert status(db, board, 0) == IdeaStatus.REALISED


# Against the vote: ideas 0..4 by total 5, 4, 3, 3, 1; the shortlist is ideas 0 and 1.
VOTES = ({0: 5, 1: 4}, {2: 3, 3: 3, 4: 1})


@pytest.fixture
def voted(db: Database, board: Board) -> Board:
    make_shortlist(db, revealed(db, board, VOTES).id, size=2)
    return board


def test_a_go_for_an_idea_off_the_shortlist_needs_reasons(db: Database, voted: Board) -> None:
    error = refusal(lambda: decide(db, voted, 4, GO))
    assert error.field == "reasons"
    assert error.message == (
        "The vote did not put this idea on the shortlist. Write the reasons for the decision."
    )
    assert decision_rows(db) == []
    made = decide(db, voted, 4, GO, reasons="Billig och snabb att pröva.")
    assert made.reasons == "Billig och snabb att pröva."


def test_a_go_for_an_idea_put_on_by_hand_below_the_line_needs_reasons(db: Database, voted: Board) -> None:
    add_to_shortlist(db, voted.workshop_id, voted.ideas[4], "Gruppen ville pröva den.")
    assert reasons_needed(db, voted.workshop_id, voted.ideas[4], GO) == (
        "This idea was put on the shortlist by hand, below the vote's line.",
    )
    assert refusal(lambda: decide(db, voted, 4, GO, reasons="  ")).field == "reasons"


def test_decisions_that_follow_the_vote_need_no_reasons(db: Database, voted: Board) -> None:
    assert reasons_needed(db, voted.workshop_id, voted.ideas[0], GO) == ()
    decide(db, voted, 0, GO)
    decide(db, voted, 4, NO)  # a no for an idea the vote left out agrees with it
    decide(db, voted, None, GO)  # a decision about no idea in particular


@pytest.mark.parametrize("outcome", [NO, DecisionOutcome.POSTPONED, DecisionOutcome.DECLINED_IN_DOUBT])
def test_turning_down_the_idea_the_vote_ranked_first_needs_reasons(
    db: Database, voted: Board, outcome: DecisionOutcome
) -> None:
    assert reasons_needed(db, voted.workshop_id, voted.ideas[0], outcome) == (
        "The vote ranked this idea first.",
    )
    error = refusal(lambda: decide(db, voted, 0, outcome))
    assert (error.field, error.message) == (
        "reasons",
        "The vote ranked this idea first. Write the reasons for the decision.",
    )
    assert decision_rows(db) == []
    assert decide(db, voted, 0, outcome, reasons="Ryms inte i årets budget.").number == 1


def test_turning_down_an_idea_below_the_top_of_the_vote_needs_no_reasons(db: Database, voted: Board) -> None:
    assert reasons_needed(db, voted.workshop_id, voted.ideas[1], NO) == ()
    assert decide(db, voted, 1, DecisionOutcome.POSTPONED).reasons == ""


def test_ideas_sharing_the_first_place_are_both_at_the_top(db: Database, board: Board) -> None:
    make_shortlist(db, revealed(db, board, ({0: 4, 1: 4}, {2: 1})).id, min_dots=1)
    for n in (0, 1):
        assert reasons_needed(db, board.workshop_id, board.ideas[n], NO) == (
            "The vote ranked this idea first.",
        )
    assert reasons_needed(db, board.workshop_id, board.ideas[2], NO) == ()


def test_correcting_a_go_into_a_no_on_the_top_idea_needs_reasons(db: Database, voted: Board) -> None:
    made = decide(db, voted, 0, GO)
    error = refusal(lambda: update_decision(db, made.id, NO, BOARD_LEVEL, DAY))
    assert error.message == "The vote ranked this idea first. Write the reasons for the decision."
    assert decision_rows(db)[0].outcome == GO


def test_a_shortlist_made_by_hand_only_has_no_vote_to_go_against(db: Database, board: Board) -> None:
    add_to_shortlist(db, board.workshop_id, board.ideas[2], "Gruppen valde den utan omröstning.")
    assert reasons_needed(db, board.workshop_id, board.ideas[2], GO) == ()
    assert reasons_needed(db, board.workshop_id, board.ideas[4], GO) == ()
    assert decide(db, board, 2, GO).number == 1


def test_without_a_shortlist_there_is_no_vote_to_go_against(db: Database, board: Board) -> None:
    assert reasons_needed(db, board.workshop_id, board.ideas[4], GO) == ()
    decide(db, board, 4, GO)


@pytest.mark.parametrize(
    ("recommendation", "outcome", "why"),
    [
        (Recommendation.PARK, GO, "The critical review recommended parking this idea."),
        (Recommendation.REWORK, GO, "The critical review recommended reworking this idea."),
        (Recommendation.PROCEED, NO, "The critical review recommended going ahead with this idea."),
    ],
)
def test_going_against_the_review_needs_reasons(
    db: Database, board: Board, recommendation: Recommendation, outcome: DecisionOutcome, why: str
) -> None:
    reviewed(db, board, 0, recommendation)
    assert reasons_needed(db, board.workshop_id, board.ideas[0], outcome) == (why,)
    error = refusal(lambda: decide(db, board, 0, outcome))
    assert error.message == f"{why} Write the reasons for the decision."
    decide(db, board, 0, outcome, reasons="Nämnden vill pröva ändå.")


def test_only_the_latest_completed_review_counts(db: Database, board: Board) -> None:
    reviewed(db, board, 0, Recommendation.PARK, hour=9)
    reviewed(db, board, 0, Recommendation.PROCEED, hour=10)
    with db.transaction() as session:
        session.add(Review(idea_id=board.ideas[0], recommendation=Recommendation.PARK))  # not completed
    assert reasons_needed(db, board.workshop_id, board.ideas[0], GO) == ()
    assert reasons_needed(db, board.workshop_id, board.ideas[0], DecisionOutcome.POSTPONED) == ()
    with db.transaction() as session:
        latest = session.scalars(select(Review).where(Review.recommendation == Recommendation.PROCEED)).one()
        latest.deleted_at = datetime(2026, 3, 2, tzinfo=UTC)
    assert reasons_needed(db, board.workshop_id, board.ideas[0], GO) == (
        "The critical review recommended parking this idea.",
    )


def test_against_both_says_both(db: Database, voted: Board) -> None:
    reviewed(db, voted, 4, Recommendation.REWORK)
    error = refusal(lambda: decide(db, voted, 4, GO))
    assert error.message == (
        "The vote did not put this idea on the shortlist. The critical review recommended reworking "
        "this idea. Write the reasons for the decision."
    )


def test_correcting_a_decision_is_checked_the_same_way(db: Database, board: Board) -> None:
    reviewed(db, board, 0, Recommendation.PROCEED)
    made = decide(db, board, 0, GO, reference="KS 2026-03-12 § 4")
    error = refusal(lambda: update_decision(db, made.id, NO, BOARD_LEVEL, DAY, reference="KS § 45"))
    assert error.field == "reasons"
    assert decision_rows(db)[0].reference == "KS 2026-03-12 § 4"
    fixed = update_decision(db, made.id, GO, BOARD_LEVEL, DAY, reference="KS 2026-03-12 § 45")
    assert (fixed.number, fixed.reference) == (1, "KS 2026-03-12 § 45")
    assert refusal(lambda: update_decision(db, made.id, GO, BOARD_LEVEL, None)).field == "decided_on"


# Resources


def test_resources_on_a_go_make_the_idea_resourced(db: Database, board: Board) -> None:
    go = decide(db, board, 0, GO)
    money = allocate(
        db,
        go.id,
        ResourceKind.MONEY,
        Decimal("150000.5"),
        description="Pilotmedel",
        allocated_by="Förvaltningschef",
        allocated_on=DAY,
    )
    hours = allocate(db, go.id, "hours", 120, description="Samordnare 20 %")
    support = allocate(db, go.id, ResourceKind.SUPPORT, description="Kommunikationsstöd")
    assert (money.amount, money.currency, money.allocated_by) == (
        Decimal("150000.50"),
        "SEK",
        "Förvaltningschef",
    )
    assert (hours.amount, hours.currency) == (Decimal("120.00"), "")
    assert (support.amount, support.description) == (None, "Kommunikationsstöd")
    assert allocations(db, go.id) == [money, hours, support]
    with db.transaction() as session:
        assert session.get(ResourceAllocation, money.id).amount == Decimal("150000.50")  # type: ignore[union-attr]
    assert status(db, board, 0) == IdeaStatus.RESOURCED


def test_resources_only_on_a_go(db: Database, board: Board) -> None:
    for outcome in (NO, DecisionOutcome.POSTPONED, DecisionOutcome.DECLINED_IN_DOUBT):
        made = decide(db, board, 0, outcome)
        with pytest.raises(InvalidInput) as caught:
            allocate(db, made.id, ResourceKind.MONEY, 1000)
        assert caught.value.message == "Resources are given only on a GO decision."
    deleted = decide(db, board, 1, GO)
    delete_decision(db, deleted.id)
    with pytest.raises(NotFound):
        allocate(db, deleted.id, ResourceKind.HOURS, 10)
    with db.transaction() as session:
        assert session.scalars(select(ResourceAllocation)).all() == []


@pytest.mark.parametrize(
    ("kind", "amount", "currency", "description", "field"),
    [
        (ResourceKind.MONEY, None, "", "", "amount"),
        (ResourceKind.HOURS, None, "", "", "amount"),
        (ResourceKind.SUPPORT, None, "", "  ", "description"),
        (ResourceKind.MONEY, -5, "", "", "amount"),
        (ResourceKind.MONEY, 10**12, "", "", "amount"),
        (ResourceKind.HOURS, Decimal("NaN"), "", "", "amount"),
        (ResourceKind.MONEY, 10, "kronor", "", "currency"),
        (ResourceKind.MONEY, 10, "XYZ", "", "currency"),
        ("cake", 10, "", "", "kind"),
    ],
)
def test_bad_resources_are_refused_plainly(
    db: Database, board: Board, kind: str, amount: int | None, currency: str, description: str, field: str
) -> None:
    go = decide(db, board, 0, GO)
    error = refusal(lambda: allocate(db, go.id, kind, amount, currency, description))
    assert error.field == field
    assert allocations(db, go.id) == []
    assert status(db, board, 0) == IdeaStatus.DECIDED


@pytest.mark.parametrize(
    ("language", "typed", "currency", "amount"),
    [
        ("sv", "185.000", "", Decimal("185000")),  # a dot before three digits groups thousands
        ("sv", "1.250.000 kr", "SEK", Decimal("1250000")),
        ("sv", "12 500,50 kr", "NOK", Decimal("12500.50")),
        ("sv", "1.250,50 SEK", "", Decimal("1250.50")),
        ("sv", "2.5", "", Decimal("2.5")),
        ("sv", "5000 NOK", "nok", Decimal("5000")),
        ("en", "1,250.50", "", Decimal("1250.50")),
        ("en", "185,000 SEK", "SEK", Decimal("185000")),
    ],
)
def test_an_amount_is_read_as_the_language_writes_it(
    db: Database, board: Board, language: str, typed: str, currency: str, amount: Decimal
) -> None:
    go = decide(db, board, 0, GO)
    set_language(language)  # the english fixture sets it back
    assert allocate(db, go.id, ResourceKind.MONEY, typed, currency).amount == amount


TWO_WAYS = "“{typed}” could be {decimal} or {whole}: write the decimals after a dot, or leave out the comma."
OTHER_CURRENCY = "The amount says {said}, but the currency is {currency}."


@pytest.mark.parametrize(
    ("language", "kind", "typed", "currency", "message", "values"),
    [
        ("en", ResourceKind.HOURS, "1,5", "", TWO_WAYS, {"typed": "1,5", "decimal": "1.5", "whole": "15"}),
        (
            "en",
            ResourceKind.MONEY,
            "-2500,75",
            "",
            TWO_WAYS,
            {"typed": "-2500,75", "decimal": "-2500.75", "whole": "-250075"},
        ),
        ("sv", ResourceKind.MONEY, "1 000 NOK", "SEK", OTHER_CURRENCY, {"said": "NOK", "currency": "SEK"}),
        ("sv", ResourceKind.MONEY, "1 000 kr", "EUR", OTHER_CURRENCY, {"said": "kr", "currency": "EUR"}),
        ("sv", ResourceKind.HOURS, "40 kr", "", "Write the amount as a number.", {}),
        ("sv", ResourceKind.MONEY, "12.34.5", "", "Write a number, such as 120 or 1250.50.", {}),
    ],
)
def test_an_amount_read_two_ways_or_in_another_currency_is_refused_plainly(
    db: Database,
    board: Board,
    language: str,
    kind: ResourceKind,
    typed: str,
    currency: str,
    message: str,
    values: dict[str, str],
) -> None:
    go = decide(db, board, 0, GO)
    set_language(language)  # the english fixture sets it back
    error = refusal(lambda: allocate(db, go.id, kind, typed, currency))
    assert (error.field, error.message) == ("amount", _(message).format(**values))
    assert allocations(db, go.id) == []


def test_a_currency_is_kept_as_a_code(db: Database, board: Board) -> None:
    go = decide(db, board, 0, GO)
    assert allocate(db, go.id, ResourceKind.MONEY, 5000, " nok ").currency == "NOK"


def test_taking_resources_back_and_again(db: Database, board: Board) -> None:
    go = decide(db, board, 0, GO)
    given = allocate(db, go.id, ResourceKind.HOURS, 40)
    assert remove_allocation(db, given.id).deleted
    assert allocations(db, go.id) == []
    assert status(db, board, 0) == IdeaStatus.DECIDED
    assert not restore_allocation(db, given.id).deleted
    assert status(db, board, 0) == IdeaStatus.RESOURCED
    # The GO cannot turn into a no while it carries resources
    error = refusal(lambda: update_decision(db, go.id, NO, BOARD_LEVEL, DAY))
    assert error.field == "outcome"
    # Taking the decision back leaves its resources uncounted, and restoring it counts them again
    delete_decision(db, go.id)
    assert status(db, board, 0) == IdeaStatus.PROPOSED
    restore_decision(db, go.id)
    assert status(db, board, 0) == IdeaStatus.RESOURCED


def test_a_general_go_takes_resources_too(db: Database, workshop: WorkshopSnapshot) -> None:
    go = record_decision(db, workshop.id, None, GO, DecisionLevel.COUNCIL, DAY)
    given = allocate(db, go.id, ResourceKind.SUPPORT, description="Innovationsstöd")
    assert given.id
    assert given.decision_id == go.id


def test_a_resource_is_corrected_and_checked_as_when_given(db: Database, board: Board) -> None:
    go = decide(db, board, 0, GO)
    given = allocate(db, go.id, ResourceKind.MONEY, "1,250.50", "", "Pilotmedel", "Anna Berg", DAY)
    assert given.amount == Decimal("1250.50")
    fixed = update_allocation(db, given.id, ResourceKind.HOURS, "80", "", "Samordnare", "Anna Berg", None)
    assert (fixed.kind, fixed.amount, fixed.currency, fixed.allocated_on) == (
        ResourceKind.HOURS,
        Decimal("80.00"),
        "",
        None,
    )
    error = refusal(lambda: update_allocation(db, given.id, ResourceKind.MONEY, "mycket"))
    assert (error.field, error.message) == ("amount", "Write a number, such as 120 or 1250.50.")
    assert get_allocation(db, given.id) == fixed
    assert allocations(db, go.id) == [fixed]


def test_a_resource_of_a_decision_taken_back_cannot_be_corrected(db: Database, board: Board) -> None:
    go = decide(db, board, 0, GO)
    given = allocate(db, go.id, ResourceKind.HOURS, 10)
    delete_decision(db, go.id)
    with pytest.raises(NotFound):
        update_allocation(db, given.id, ResourceKind.HOURS, 20)


def test_the_plan_readiness_says_what_is_missing(db: Database, board: Board) -> None:
    idea = board.ideas[0]
    assert plan_readiness(db, idea) == PlanReadiness(has_plan=False, ready=False, missing=())
    plan = create_plan(db, idea, today=DAY)
    missing = plan_readiness(db, idea)
    assert (missing.has_plan, missing.ready) == (True, False)
    assert missing.missing[-2:] == (
        "Describe the concept of the plan.",
        "Name who is responsible for the plan.",
    )
    assert len(missing.missing) == 4  # the analysis's benefit and cost too
    save_analysis(db, idea, benefit="Färre ensamma äldre", cost_hours=Decimal(120))
    update_plan(db, plan.id, today=DAY, concept="Fast kontakt", responsible="Anna Berg")
    mark_ready_for_decision(db, plan.id, today=DAY)
    assert plan_readiness(db, idea).ready
