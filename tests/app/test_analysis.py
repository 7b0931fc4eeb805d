"""In-depth analysis: a checklist per idea, its completeness, and what a plan needs before a decision."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.analysis import (
    CHECKLIST,
    TEXT_FIELDS,
    get_analysis,
    problems_before_ready,
    ready_problems,
    ready_problems_in,
    save_analysis,
)
from app.decisions import record_decision
from app.errors import InvalidInput, NotFound
from app.i18n import _, set_language
from app.ideas import get_idea
from app.review import set_recommendation, start_review
from app.shortlist import add_to_shortlist
from app.snapshots import WorkshopSnapshot
from app.text import TEXT_MAX
from models.database import Database
from models.enums import DecisionLevel, DecisionOutcome, IdeaStatus, Recommendation
from models.review import Analysis
from tests.app import voting_setup
from tests.app.test_text import PIECES
from tests.app.voting_setup import Board, make_board

english, db = voting_setup.english, voting_setup.db

NO_BENEFIT = (
    "The in-depth analysis says nothing about the expected benefit: a plan is ready for "
    "decision only when its benefit can be weighed against its cost."
)
NO_COST = (
    "The in-depth analysis gives no cost in hours or money: a plan is ready for decision "
    "only when its benefit can be weighed against its cost."
)


@pytest.fixture
def board(db: Database, workshop: WorkshopSnapshot) -> Board:
    return make_board(db, workshop.id)


@pytest.fixture
def idea_id(board: Board) -> str:
    return board.ideas[0]


def stored(db: Database, idea_id: str) -> dict[str, Any] | None:
    """The analysis row as the database holds it, or None if there is none."""
    with db.transaction() as session:
        row = session.scalar(select(Analysis).where(Analysis.idea_id == idea_id))
        if row is None:
            return None
        return {name: getattr(row, name) for name in (*CHECKLIST, "currency")}


def status(db: Database, idea_id: str) -> str:
    return get_idea(db, idea_id).status


def test_an_idea_without_analysis_shows_an_empty_checklist(db: Database, idea_id: str) -> None:
    analysis = get_analysis(db, idea_id)

    assert (analysis.id, analysis.idea_id, analysis.currency) == (None, idea_id, "SEK")
    assert (analysis.benefit, analysis.cost_hours, analysis.cost_money) == ("", None, None)
    assert (analysis.completeness.filled, analysis.completeness.total) == (0, 9)
    assert analysis.completeness.missing == tuple(CHECKLIST)
    assert stored(db, idea_id) is None
    with pytest.raises(NotFound):
        get_analysis(db, "no-such-idea")


def test_saving_some_fields_keeps_the_others(db: Database, idea_id: str) -> None:
    save_analysis(db, idea_id, benefit="Färre fall hemma.", beneficiaries="Äldre som bor hemma")
    saved = save_analysis(db, idea_id, cost_hours=Decimal("120.5"), rights="Kommunen äger materialet.")

    assert stored(db, idea_id) == {
        "benefit": "Färre fall hemma.",
        "beneficiaries": "Äldre som bor hemma",
        "cost_hours": Decimal("120.5"),
        "cost_money": None,
        "currency": "SEK",
        "external_information": "",
        "rights": "Kommunen äger materialet.",
        "financing": "",
        "skills": "",
        "partners": "",
    }
    assert saved == get_analysis(db, idea_id)
    assert saved.completeness.filled == 4
    assert saved.completeness.missing == (
        "cost_money",
        "external_information",
        "financing",
        "skills",
        "partners",
    )


def test_a_zero_cost_is_an_answer_and_blank_text_is_not(db: Database, idea_id: str) -> None:
    saved = save_analysis(db, idea_id, cost_money=0, partners=" \n ")

    assert saved.cost_money == Decimal("0.00")
    assert "cost_money" not in saved.completeness.missing
    assert "partners" in saved.completeness.missing
    assert stored(db, idea_id) is not None


def test_money_keeps_its_exact_amount_and_currency(db: Database, idea_id: str) -> None:
    save_analysis(db, idea_id, cost_money=Decimal("999999999999.99"), currency="eur")
    held = stored(db, idea_id)
    assert held is not None
    assert (held["cost_money"], held["currency"]) == (Decimal("999999999999.99"), "EUR")

    set_language("sv")  # as a Swedish or Norwegian user types it
    save_analysis(db, idea_id, cost_money="12 500,50", cost_hours="1\u00a0234,5", currency=" nok ")
    analysis = get_analysis(db, idea_id)
    assert (analysis.cost_money, analysis.cost_hours, analysis.currency) == (
        Decimal("12500.50"),
        Decimal("1234.5"),
        "NOK",
    )
    set_language("en")  # as an English user types it: the comma groups thousands
    analysis = save_analysis(db, idea_id, cost_money="1,250", cost_hours="1,234.5")
    assert (analysis.cost_money, analysis.cost_hours) == (Decimal("1250"), Decimal("1234.5"))

    cleared = save_analysis(db, idea_id, cost_money=None, cost_hours="")
    assert (cleared.cost_money, cleared.cost_hours) == (None, None)
    held = stored(db, idea_id)
    assert held is not None
    assert (held["cost_money"], held["cost_hours"]) == (None, None)


def test_amounts_are_read_as_swedes_write_them_with_a_currency_word(db: Database, idea_id: str) -> None:
    set_language("sv")  # the english fixture sets it back
    analysis = save_analysis(db, idea_id, cost_money="185.000", cost_hours="1.250")
    assert (analysis.cost_money, analysis.cost_hours) == (Decimal("185000"), Decimal("1250"))
    assert save_analysis(db, idea_id, cost_money="12 500,50 kr").cost_money == Decimal("12500.50")
    assert save_analysis(db, idea_id, cost_money="1.250.000,50 SEK").cost_money == Decimal("1250000.50")
    assert save_analysis(db, idea_id, cost_hours="2.5").cost_hours == Decimal("2.5")
    assert save_analysis(db, idea_id, cost_money="300 NOK", currency="NOK").cost_money == Decimal(300)
    assert save_analysis(db, idea_id, cost_money="40 kr").cost_money == Decimal(40)  # kroner too
    with pytest.raises(InvalidInput) as refused:
        save_analysis(db, idea_id, cost_money="99 SEK")
    assert (refused.value.field, refused.value.message) == (
        "cost_money",
        _("The amount says {said}, but the currency is {currency}.").format(said="SEK", currency="NOK"),
    )
    assert get_analysis(db, idea_id).cost_money == Decimal(40)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"cost_hours": "1,5"},
            "“1,5” could be 1.5 or 15: write the decimals after a dot, or leave out the comma.",
        ),
        (
            {"cost_money": "250,50"},
            "“250,50” could be 250.50 or 25050: write the decimals after a dot, or leave out the comma.",
        ),
        ({"cost_money": "1,250,5"}, "Write a number, such as 120 or 1250.50."),
        ({"cost_hours": "12 kr"}, "Write a number, such as 120 or 1250.50."),
        ({"cost_money": "500 kr", "currency": "EUR"}, "The amount says kr, but the currency is EUR."),
    ],
)
def test_an_english_comma_not_grouping_thousands_is_refused_with_both_readings(
    db: Database, idea_id: str, fields: dict[str, Any], message: str
) -> None:
    save_analysis(db, idea_id, cost_money=500, cost_hours=8)
    before = stored(db, idea_id)
    with pytest.raises(InvalidInput) as refused:
        save_analysis(db, idea_id, **fields)
    assert (refused.value.field, refused.value.message) == (next(iter(fields)), message)
    assert stored(db, idea_id) == before
    assert save_analysis(db, idea_id, cost_hours="1,250").cost_hours == Decimal(1250)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"cost_money": Decimal(-1)}, "A cost cannot be negative."),
        ({"cost_hours": "-0.5"}, "A cost cannot be negative."),
        ({"cost_money": "tolv tusen"}, "Write a number, such as 120 or 1250.50."),
        ({"cost_money": Decimal("NaN")}, "Write a number, such as 120 or 1250.50."),
        ({"cost_hours": "Infinity"}, "Write a number, such as 120 or 1250.50."),
        ({"cost_money": "10.005"}, "An amount takes at most two decimals."),
        ({"cost_hours": Decimal("1.25")}, "Hours take at most one decimal (1.5 is an hour and a half)."),
        ({"cost_money": 10**12}, "That is more than fits: at most 999,999,999,999."),
        ({"cost_hours": 10**11}, "That is more than fits: at most 99,999,999,999."),
        ({"currency": "kr"}, "Write the currency as its three-letter code, such as SEK, NOK or EUR."),
        ({"currency": "ABC"}, "Write the currency as its three-letter code, such as SEK, NOK or EUR."),
        ({"currency": "SE1"}, "Write the currency as its three-letter code, such as SEK, NOK or EUR."),
        ({"benefit": "ø" * (TEXT_MAX + 1)}, "The text is 100,001 characters long; at most 100,000 fit."),
    ],
)
def test_a_refused_value_changes_nothing(
    db: Database, idea_id: str, fields: dict[str, Any], message: str
) -> None:
    save_analysis(db, idea_id, benefit="Färre fall.", cost_money=500)
    before = stored(db, idea_id)

    with pytest.raises(InvalidInput) as refused:
        save_analysis(db, idea_id, skills="Sjuksköterskor", **fields)

    assert refused.value.message == message
    assert refused.value.field == next(iter(fields))
    assert stored(db, idea_id) == before


def test_a_refused_first_save_stores_nothing(db: Database, idea_id: str) -> None:
    with pytest.raises(InvalidInput):
        save_analysis(db, idea_id, benefit="Färre fall.", cost_money=-5)
    with pytest.raises(TypeError):
        save_analysis(db, idea_id, benefit="Färre fall.", colour="green")
    with pytest.raises(NotFound):
        save_analysis(db, "no-such-idea", benefit="Färre fall.")

    assert stored(db, idea_id) is None


unicode_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=12).map("".join)


@settings(deadline=None, max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.fixed_dictionaries({name: unicode_text for name in sorted(TEXT_FIELDS)}))
def test_every_text_keeps_any_unicode_exactly(db: Database, idea_id: str, values: dict[str, str]) -> None:
    save_analysis(db, idea_id, **values)

    held = stored(db, idea_id)
    assert held is not None
    assert {name: held[name] for name in values} == values


def test_a_long_text_is_kept_whole(db: Database, idea_id: str) -> None:
    long = "Omvärldsbevakning från tre kommuner 🌱.\n" * (TEXT_MAX // 40)

    save_analysis(db, idea_id, external_information=long)

    assert get_analysis(db, idea_id).external_information == long


# Ready for decision ------------------------------------------------------------------------------


def test_a_plan_needs_benefit_and_cost_before_a_decision(db: Database, idea_id: str) -> None:
    assert ready_problems(db, idea_id) == [NO_BENEFIT, NO_COST]
    save_analysis(db, idea_id, benefit="Färre fall hemma.", financing="Statsbidrag")
    assert ready_problems(db, idea_id) == [NO_COST]
    save_analysis(db, idea_id, cost_hours=0)
    assert ready_problems(db, idea_id) == []
    save_analysis(db, idea_id, cost_hours=None, cost_money="40000", benefit="  ")
    assert ready_problems(db, idea_id) == [NO_BENEFIT]
    assert problems_before_ready(get_analysis(db, idea_id)) == [NO_BENEFIT]


def test_ready_problems_inside_an_open_unit_of_work(db: Database, idea_id: str) -> None:
    save_analysis(db, idea_id, cost_money=100)

    with db.transaction() as session:
        assert ready_problems_in(session, idea_id) == [NO_BENEFIT]
    with pytest.raises(NotFound):
        ready_problems(db, "no-such-idea")


# The idea's status -------------------------------------------------------------------------------


def test_benefit_and_cost_make_the_idea_analysed_until_one_is_cleared(db: Database, board: Board) -> None:
    idea_id = board.ideas[0]
    add_to_shortlist(db, board.workshop_id, idea_id, "Gruppen valde den.")
    review = start_review(db, idea_id)
    set_recommendation(db, review.id, Recommendation.PARK, "Inte nu.")

    save_analysis(db, idea_id, benefit="Färre fall hemma.")
    assert status(db, idea_id) == IdeaStatus.PARKED
    save_analysis(db, idea_id, cost_money=Decimal("40000"))
    assert status(db, idea_id) == IdeaStatus.ANALYSED
    save_analysis(db, idea_id, cost_money=None)
    assert status(db, idea_id) == IdeaStatus.PARKED


def test_an_idea_analysed_without_a_review_falls_back_to_where_it_was(db: Database, board: Board) -> None:
    idea_id = board.ideas[5]

    save_analysis(db, idea_id, benefit="Mer gemenskap.", cost_hours=10)
    assert status(db, idea_id) == IdeaStatus.ANALYSED
    save_analysis(db, idea_id, benefit="")
    assert status(db, idea_id) == IdeaStatus.PROPOSED


def test_a_later_step_is_not_undone_by_the_analysis(db: Database, board: Board, idea_id: str) -> None:
    record_decision(
        db, board.workshop_id, idea_id, DecisionOutcome.NO, DecisionLevel.EXECUTIVE_BOARD, date(2026, 3, 12)
    )

    save_analysis(db, idea_id, benefit="Färre fall hemma.", cost_hours=10)
    save_analysis(db, idea_id, cost_hours=None)

    assert status(db, idea_id) == IdeaStatus.DECIDED
