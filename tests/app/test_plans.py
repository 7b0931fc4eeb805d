"""Development plans: one live plan per idea, its texts, its actions in order, overdue by the caller's day."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app import plans
from app.analysis import save_analysis
from app.decisions import record_decision
from app.errors import InvalidInput, NotFound
from app.ideas import add_idea, get_idea, remove_idea
from app.plan_snapshots import PlanSnapshot
from app.plans import (
    KEEP,
    NotReady,
    add_action,
    create_plan,
    delete_plan,
    get_plan,
    list_plans,
    mark_ready_for_decision,
    move_action,
    plan_for_idea,
    remove_action,
    restore_action,
    restore_plan,
    update_action,
    update_plan,
    withdraw_ready_for_decision,
)
from app.snapshots import WorkshopSnapshot
from models.database import Database
from models.enums import ActionStatus, DecisionLevel, DecisionOutcome, IdeaStatus
from models.plan import Action, DevelopmentPlan
from tests.app import voting_setup

TODAY = date(2026, 3, 12)

# A fresh migrated database per test, in English (see tests.app.voting_setup).
english, db = voting_setup.english, voting_setup.db


@pytest.fixture
def idea_id(db: Database, workshop: WorkshopSnapshot) -> str:
    return add_idea(db, workshop.id, "Fast omsorgskontakt").id


@pytest.fixture
def plan(db: Database, idea_id: str) -> PlanSnapshot:
    return create_plan(db, idea_id, today=TODAY)


def titles(db: Database, plan_id: str) -> list[str]:
    return [a.title for a in get_plan(db, plan_id, today=TODAY).actions]


def stored_plan(db: Database, plan_id: str) -> DevelopmentPlan:
    with db.transaction() as session:
        row = session.get(DevelopmentPlan, plan_id)
        assert row is not None
        session.expunge(row)
        return row


def refusal(call: Callable[[], object]) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        call()
    return caught.value


def test_a_new_plan_is_empty_and_an_idea_has_only_one(db: Database, idea_id: str, plan: PlanSnapshot) -> None:
    assert plan.idea_id == idea_id
    assert plan.idea_title == "Fast omsorgskontakt"
    assert (plan.concept, plan.responsible, plan.action_count, plan.ready_for_decision) == ("", "", 0, False)
    error = refusal(lambda: create_plan(db, idea_id, today=TODAY))
    assert error.message == "This idea already has a development plan."
    with db.transaction() as session:
        assert len(session.scalars(select(DevelopmentPlan)).all()) == 1
    assert plan_for_idea(db, idea_id, today=TODAY) == plan


def test_a_workshops_plans_in_board_order(db: Database, workshop: WorkshopSnapshot, idea_id: str) -> None:
    other = add_idea(db, workshop.id, "Mötesplats").id
    gone = add_idea(db, workshop.id, "Borttagen").id
    second = create_plan(db, other, today=TODAY)
    first = create_plan(db, idea_id, today=TODAY)
    create_plan(db, gone, today=TODAY)
    remove_idea(db, gone)
    add_action(db, first.id, "Schema", due_on=date(2026, 3, 1), today=TODAY)
    shown = list_plans(db, workshop.id, today=TODAY)
    assert [p.id for p in shown] == [first.id, second.id]
    assert shown[0].actions[0].overdue
    delete_plan(db, second.id, today=TODAY)
    assert [p.idea_title for p in list_plans(db, workshop.id, today=TODAY)] == ["Fast omsorgskontakt"]


def test_a_deleted_idea_gets_no_plan(db: Database, idea_id: str) -> None:
    remove_idea(db, idea_id)
    with pytest.raises(NotFound):
        create_plan(db, idea_id, today=TODAY)


def test_the_plans_texts_are_written_as_typed_and_names_trimmed(db: Database, plan: PlanSnapshot) -> None:
    concept = "  Varje brukare får en fast kontakt.\n\nHon ringer varje vecka.  "
    update_plan(
        db,
        plan.id,
        today=TODAY,
        concept=concept,
        factors="Personalomsättning",
        responsible="  Enhetschef hemtjänst Norr ",
        mandate="Får ändra schemat inom budget.",
        risk_bearer="Socialnämnden",
        pilot_plan="Tre månader i ett område.",
        user_involvement="Brukarrådet följer piloten.",
        operations_handover="Ingår i rutinen från hösten.",
    )
    row = stored_plan(db, plan.id)
    assert row.concept == concept
    assert row.responsible == "Enhetschef hemtjänst Norr"
    assert (row.factors, row.mandate, row.risk_bearer) == (
        "Personalomsättning",
        "Får ändra schemat inom budget.",
        "Socialnämnden",
    )
    assert (row.pilot_plan, row.user_involvement, row.operations_handover) == (
        "Tre månader i ett område.",
        "Brukarrådet följer piloten.",
        "Ingår i rutinen från hösten.",
    )


def test_a_refused_change_writes_nothing_and_names_the_field(db: Database, plan: PlanSnapshot) -> None:
    update_plan(db, plan.id, today=TODAY, concept="Fast kontakt", responsible="Anna")
    error = refusal(lambda: update_plan(db, plan.id, today=TODAY, concept="Nytt", responsible="x" * 301))
    assert error.field == "responsible"
    row = stored_plan(db, plan.id)
    assert (row.concept, row.responsible) == ("Fast kontakt", "Anna")
    with pytest.raises(TypeError):
        update_plan(db, plan.id, today=TODAY, colour="red")


def test_deleting_a_plan_keeps_its_actions_for_the_undo(
    db: Database, idea_id: str, plan: PlanSnapshot
) -> None:
    add_action(db, plan.id, "Ta fram schema", today=TODAY)
    add_action(db, plan.id, "Informera brukarna", today=TODAY)
    deleted = delete_plan(db, plan.id, today=TODAY)
    assert deleted.deleted
    assert deleted.action_count == 2  # the screen asks before this delete
    assert plan_for_idea(db, idea_id, today=TODAY) is None
    with pytest.raises(NotFound):
        get_plan(db, plan.id, today=TODAY)

    restored = restore_plan(db, plan.id, today=TODAY)
    assert not restored.deleted
    assert [a.title for a in restored.actions] == ["Ta fram schema", "Informera brukarna"]


def test_a_new_plan_after_a_delete_and_the_old_one_waits(
    db: Database, idea_id: str, plan: PlanSnapshot
) -> None:
    update_plan(db, plan.id, today=TODAY, concept="Första utkastet")
    delete_plan(db, plan.id, today=TODAY)
    second = create_plan(db, idea_id, today=TODAY)
    # The old plan cannot come back while the new one lives; after the new one goes, it can.
    assert refusal(lambda: restore_plan(db, plan.id, today=TODAY)).field == "idea_id"
    delete_plan(db, second.id, today=TODAY)
    assert restore_plan(db, plan.id, today=TODAY).concept == "Första utkastet"
    assert plan_for_idea(db, idea_id, today=TODAY) == get_plan(db, plan.id, today=TODAY)


def test_the_database_allows_one_live_plan_per_idea(db: Database, idea_id: str, plan: PlanSnapshot) -> None:
    with pytest.raises(IntegrityError), db.transaction() as session:
        session.add(DevelopmentPlan(idea_id=idea_id))


def test_actions_in_order_with_their_details(db: Database, plan: PlanSnapshot) -> None:
    first = add_action(
        db,
        plan.id,
        "  Ta fram schema ",
        owner="Anna, enhetschef",
        due_on=date(2026, 4, 30),
        status="in_progress",
        followed_up_within="Två veckor",
        today=TODAY,
    )
    second = add_action(db, plan.id, "Informera brukarna", today=TODAY)
    assert (first.position, second.position) == (0, 1)
    assert first.title == "Ta fram schema"
    assert (first.owner, first.due_on, first.status, first.followed_up_within) == (
        "Anna, enhetschef",
        date(2026, 4, 30),
        ActionStatus.IN_PROGRESS,
        "Två veckor",
    )
    assert second.status is ActionStatus.NOT_STARTED
    assert get_plan(db, plan.id, today=TODAY).actions == (first, second)


def test_an_action_needs_a_title_and_a_known_status(db: Database, plan: PlanSnapshot) -> None:
    assert refusal(lambda: add_action(db, plan.id, "  ", today=TODAY)).field == "title"
    assert (
        refusal(lambda: add_action(db, plan.id, "Schema", status="finished", today=TODAY)).field == "status"
    )
    assert get_plan(db, plan.id, today=TODAY).action_count == 0


@pytest.mark.parametrize(
    ("due_on", "status", "overdue"),
    [
        (date(2026, 3, 11), ActionStatus.NOT_STARTED, True),
        (date(2026, 3, 11), ActionStatus.IN_PROGRESS, True),
        (date(2026, 3, 12), ActionStatus.IN_PROGRESS, False),
        (date(2026, 3, 11), ActionStatus.DONE, False),
        (date(2026, 3, 11), ActionStatus.NOT_POSSIBLE, False),
        (date(2026, 3, 11), ActionStatus.HANDED_OVER, False),
        (None, ActionStatus.NOT_STARTED, False),
    ],
)
def test_a_past_due_date_is_allowed_and_shown_as_overdue_while_open(
    db: Database, plan: PlanSnapshot, due_on: date | None, status: ActionStatus, overdue: bool
) -> None:
    action = add_action(db, plan.id, "Ta fram schema", due_on=due_on, status=status, today=TODAY)
    assert action.overdue is overdue
    with db.transaction() as session:
        assert session.get(Action, action.id).due_on == due_on  # type: ignore[union-attr]


def test_overdue_follows_the_day_the_caller_gives(db: Database, plan: PlanSnapshot) -> None:
    action = add_action(db, plan.id, "Schema", due_on=date(2026, 4, 1), today=TODAY)
    assert not action.overdue
    assert get_plan(db, plan.id, today=date(2026, 4, 2)).actions[0].overdue


def test_changing_an_action_keeps_what_is_not_given(db: Database, plan: PlanSnapshot) -> None:
    action = add_action(db, plan.id, "Schema", owner="Anna", due_on=date(2026, 3, 1), today=TODAY)
    assert action.overdue
    done = update_action(db, action.id, status=ActionStatus.DONE, today=TODAY)
    assert (done.title, done.owner, done.due_on, done.overdue) == ("Schema", "Anna", date(2026, 3, 1), False)
    moved = update_action(db, action.id, due_on=date(2026, 5, 1), owner="Bo", today=TODAY)
    assert (moved.due_on, moved.owner) == (date(2026, 5, 1), "Bo")
    assert update_action(db, action.id, due_on=KEEP, title="Nytt schema", today=TODAY).due_on == date(
        2026, 5, 1
    )
    assert update_action(db, action.id, due_on=None, today=TODAY).due_on is None


def test_a_refused_action_change_writes_nothing(db: Database, plan: PlanSnapshot) -> None:
    action = add_action(db, plan.id, "Schema", owner="Anna", today=TODAY)
    assert refusal(lambda: update_action(db, action.id, owner="Bo", title="", today=TODAY)).field == "title"
    assert (
        refusal(lambda: update_action(db, action.id, owner="Bo", status="klar", today=TODAY)).field
        == "status"
    )
    assert get_plan(db, plan.id, today=TODAY).actions[0] == action


def _actions(db: Database, plan_id: str, names: Sequence[str]) -> list[str]:
    return [add_action(db, plan_id, name, today=TODAY).id for name in names]


def test_moving_an_action_reorders_the_plan(db: Database, plan: PlanSnapshot) -> None:
    ids = _actions(db, plan.id, ["A", "B", "C", "D"])
    assert [a.title for a in move_action(db, ids[3], 0, today=TODAY).actions] == ["D", "A", "B", "C"]
    assert [a.title for a in move_action(db, ids[3], 99, today=TODAY).actions] == ["A", "B", "C", "D"]
    move_action(db, ids[0], 2, today=TODAY)
    assert titles(db, plan.id) == ["B", "C", "A", "D"]


def test_a_removed_action_comes_back_in_its_place(db: Database, plan: PlanSnapshot) -> None:
    ids = _actions(db, plan.id, ["A", "B", "C", "D"])
    removed = remove_action(db, ids[1], today=TODAY)
    assert removed.deleted
    assert not removed.overdue
    assert get_plan(db, plan.id, today=TODAY).action_count == 3
    move_action(db, ids[3], 0, today=TODAY)
    assert titles(db, plan.id) == ["D", "A", "C"]
    # Undone in reverse: the move, then the removal
    move_action(db, ids[3], 2, today=TODAY)
    restore_action(db, ids[1], today=TODAY)
    assert titles(db, plan.id) == ["A", "B", "C", "D"]
    remove_action(db, ids[1], today=TODAY)
    with pytest.raises(NotFound):
        update_action(db, ids[1], title="X", today=TODAY)


def problems_are(monkeypatch: pytest.MonkeyPatch, problems: Sequence[str]) -> None:
    """The analysis's readiness rules answer ``problems`` for every idea."""
    monkeypatch.setattr(plans, "ready_problems_in", lambda session, idea_id: list(problems))


def _status(db: Database, idea_id: str) -> str:
    return get_idea(db, idea_id).status


def test_a_plan_goes_to_a_decision_only_when_nothing_is_missing(
    db: Database, idea_id: str, plan: PlanSnapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    problems_are(monkeypatch, ["The critical review is not completed."])
    with pytest.raises(NotReady) as caught:
        mark_ready_for_decision(db, plan.id, today=TODAY)
    assert caught.value.problems == (
        "The critical review is not completed.",
        "Describe the concept of the plan.",
        "Name who is responsible for the plan.",
    )
    assert not stored_plan(db, plan.id).ready_for_decision
    assert _status(db, idea_id) == IdeaStatus.PLANNED  # the plan exists, ready or not

    problems_are(monkeypatch, [])
    update_plan(db, plan.id, today=TODAY, concept="Fast kontakt", responsible="Anna")
    ready = mark_ready_for_decision(db, plan.id, today=TODAY)
    assert ready.ready_for_decision
    assert _status(db, idea_id) == IdeaStatus.PLANNED

    taken_back = withdraw_ready_for_decision(db, plan.id, today=TODAY)
    assert not taken_back.ready_for_decision
    assert _status(db, idea_id) == IdeaStatus.PLANNED


def test_the_idea_is_planned_while_its_plan_is_there(db: Database, idea_id: str, plan: PlanSnapshot) -> None:
    assert _status(db, idea_id) == IdeaStatus.PLANNED
    delete_plan(db, plan.id, today=TODAY)
    assert _status(db, idea_id) == IdeaStatus.PROPOSED
    restore_plan(db, plan.id, today=TODAY)
    assert _status(db, idea_id) == IdeaStatus.PLANNED


def test_ready_for_decision_never_undoes_a_later_step(
    db: Database, idea_id: str, plan: PlanSnapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    problems_are(monkeypatch, [])
    update_plan(db, plan.id, today=TODAY, concept="Fast kontakt", responsible="Anna")
    workshop_id = get_idea(db, idea_id).workshop_id
    record_decision(db, workshop_id, idea_id, DecisionOutcome.GO, DecisionLevel.EXECUTIVE_BOARD, TODAY)
    mark_ready_for_decision(db, plan.id, today=TODAY)
    assert _status(db, idea_id) == IdeaStatus.DECIDED
    withdraw_ready_for_decision(db, plan.id, today=TODAY)
    assert _status(db, idea_id) == IdeaStatus.DECIDED


def test_the_analysis_must_weigh_benefit_against_cost_first(
    db: Database, idea_id: str, plan: PlanSnapshot
) -> None:
    update_plan(db, plan.id, today=TODAY, concept="Fast kontakt", responsible="Anna")
    with pytest.raises(NotReady) as caught:
        mark_ready_for_decision(db, plan.id, today=TODAY)
    assert len(caught.value.problems) == 2  # the analysis has neither a benefit nor a cost
    assert all("in-depth analysis" in problem for problem in caught.value.problems)
    assert not stored_plan(db, plan.id).ready_for_decision

    save_analysis(db, idea_id, benefit="Tryggare brukare, färre akuta besök.", cost_hours=Decimal("120"))
    assert mark_ready_for_decision(db, plan.id, today=TODAY).ready_for_decision
    assert _status(db, idea_id) == IdeaStatus.PLANNED


@settings(
    deadline=None,
    max_examples=25,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    moves=st.lists(st.tuples(st.integers(0, 4), st.integers(-1, 6)), max_size=6),
    removed=st.sets(st.integers(0, 4), max_size=2),
)
def test_moves_follow_a_list_and_undo_in_reverse_restores_the_order(
    db: Database, workshop: WorkshopSnapshot, moves: list[tuple[int, int]], removed: set[int]
) -> None:
    # GIVEN a plan of five actions, some removed
    plan = create_plan(db, add_idea(db, workshop.id, "Idé").id, today=TODAY)
    ids = _actions(db, plan.id, ["A", "B", "C", "D", "E"])
    for n in removed:
        remove_action(db, ids[n], today=TODAY)
    expected = [i for n, i in enumerate(ids) if n not in removed]
    # WHEN live actions are moved about, THEN the plan holds the order a plain list would
    undo: list[tuple[str, int]] = []
    for pick, to in moves:
        action_id = expected[pick % len(expected)]
        undo.append((action_id, expected.index(action_id)))
        expected.remove(action_id)
        expected.insert(max(0, min(to, len(expected))), action_id)
        shown = move_action(db, action_id, to, today=TODAY)
        assert [a.id for a in shown.actions] == expected
    # AND undoing the moves, then the removals, gives back the plan as first written
    for action_id, old in reversed(undo):
        move_action(db, action_id, old, today=TODAY)
    for n in removed:
        restore_action(db, ids[n], today=TODAY)
    assert [a.id for a in get_plan(db, plan.id, today=TODAY).actions] == ids
