"""The follow-up view across workshops: open actions, plans, follow-up dates, search, filter, funnel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QAbstractItemModel, QDate, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.decisions import record_decision
from app.followup import add_entry, mark_realised, set_follow_up_date
from app.idea_progress import funnel
from app.ideas import add_idea
from app.plans import add_action, create_plan, update_plan
from app.workshops import create_workshop, get_workshop
from tests.ui.conftest import LEFT, type_text
from tests.ui.steps_helpers import SHORTLISTED, Shortlisted, english, shortlisted
from ui.followup_view import FollowUpView
from ui.followup_view_models import LATE_TINT, ActionsModel, PlansModel, WorkshopsModel
from ui.hub import Hub

__all__ = ["english", "shortlisted"]

PARK = "Medborgardialog om parken"


@dataclass(frozen=True)
class Followed:
    workshop_id: str  # "Trygg skolväg": two plans, one realised; its follow-up is due
    park_id: str  # a second workshop with one plan and no follow-up date
    today: date


def _plan(hub: Hub, idea_id: str, responsible: str, *actions: tuple[str, str, int | None, str]) -> str:
    today = hub.today()
    plan = create_plan(hub.db, idea_id, today=today)
    update_plan(hub.db, plan.id, today=today, responsible=responsible)
    for title, owner, days, status in actions:
        due = None if days is None else today + timedelta(days=days)
        add_action(hub.db, plan.id, title, owner=owner, due_on=due, status=status, today=today)
    return plan.id


@pytest.fixture
def followed(hub: Hub, shortlisted: Shortlisted) -> Followed:
    today = hub.today()
    ws = shortlisted.workshop_id
    _plan(
        hub,
        shortlisted.ideas[0],
        "Eva Sjöberg",
        ("Ring fastighetsbolaget", "Ola Berg", -10, "not_started"),
        ("Skriv avtal", "Eva Sjöberg", 20, "in_progress"),
        ("Ta fram broschyr", "", None, "not_started"),
        ("Boka lokal", "Ola Berg", -30, "done"),
    )
    _plan(hub, shortlisted.ideas[1], "Amira Hassan", ("Testa ringlistan", "Bo Ek", 5, "in_progress"))
    record_decision(
        hub.db,
        ws,
        shortlisted.ideas[1],
        "go",
        "committee",
        today - timedelta(days=20),
        reasons="Strong support in the room",
    )
    add_entry(hub.db, ws, shortlisted.ideas[1], "check_in", today - timedelta(days=3), "Going well")
    mark_realised(hub.db, shortlisted.ideas[1], today - timedelta(days=1))
    set_follow_up_date(hub.db, ws, today - timedelta(days=1))
    park = create_workshop(hub.db, PARK).id
    bench = add_idea(hub.db, park, "Fler parkbänkar").id
    _plan(hub, bench, "Per Ek", ("Beställ bänkar", "Per Ek", 40, "not_started"))
    return Followed(ws, park, today)


@pytest.fixture
def view(hub: Hub, followed: Followed, qtbot: QtBot) -> FollowUpView:
    widget = FollowUpView(hub)
    qtbot.addWidget(widget)
    widget.resize(1280, 680)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def column(model: QAbstractItemModel, col: int) -> list[str]:
    return [model.index(row, col).data() for row in range(model.rowCount())]


def double_click(qtbot: QtBot, table: QAbstractItemView, at: QPoint) -> None:
    """As a user does it: a click, then the second click of the double-click."""
    qtbot.mouseClick(table.viewport(), LEFT, pos=at)
    qtbot.mouseDClick(table.viewport(), LEFT, pos=at)


def iso(day: date) -> str:
    return day.strftime("%Y-%m-%d")


def test_open_actions_by_due_date_with_the_overdue_one_marked(
    view: FollowUpView, followed: Followed, qtmodeltester: ModelTester
) -> None:
    model = view.actions_model
    today = followed.today

    assert column(model, ActionsModel.ACTION) == [
        "Ring fastighetsbolaget",
        "Testa ringlistan",
        "Skriv avtal",
        "Beställ bänkar",
        "Ta fram broschyr",
    ]
    assert column(model, ActionsModel.DUE) == [
        f"{iso(today - timedelta(days=10))} · Overdue",
        iso(today + timedelta(days=5)),
        iso(today + timedelta(days=20)),
        iso(today + timedelta(days=40)),
        "No due date",
    ]
    assert column(model, ActionsModel.OWNER) == ["Ola Berg", "Bo Ek", "Eva Sjöberg", "Per Ek", ""]
    assert column(model, ActionsModel.PLAN)[:2] == [SHORTLISTED[0], SHORTLISTED[1]]
    assert column(model, ActionsModel.WORKSHOP) == ["Trygg skolväg"] * 3 + [PARK, "Trygg skolväg"]
    assert column(model, ActionsModel.STATUS)[:3] == ["Not started", "In progress", "In progress"]
    # the overdue date has a colour besides the word; the others have none
    assert model.index(0, ActionsModel.DUE).data(Qt.ItemDataRole.BackgroundRole).color() == LATE_TINT
    assert model.index(1, ActionsModel.DUE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert view.summary.text().startswith("1 of 5 open actions are overdue")
    assert view.tabs.tabText(view.ACTIONS_TAB) == "Open actions (5)"
    for checked in (view.actions_model, view.plans_model, view.workshops_model):
        qtmodeltester.check(checked, force_py=True)


def test_a_header_click_sorts_and_the_next_refresh_keeps_that_order(view: FollowUpView) -> None:
    header = view.action_rows.table.horizontalHeader()
    header.setSortIndicator(ActionsModel.OWNER, Qt.SortOrder.AscendingOrder)
    assert column(view.actions_model, ActionsModel.OWNER) == [
        "Bo Ek",
        "Eva Sjöberg",
        "Ola Berg",
        "Per Ek",
        "",
    ]
    type_text(view.search, "e")
    assert column(view.actions_model, ActionsModel.OWNER)[0] == "Bo Ek"


def test_plans_by_step_with_responsible_open_actions_and_last_follow_up(
    view: FollowUpView, followed: Followed
) -> None:
    model = view.plans_model
    assert column(model, PlansModel.PLAN) == ["Fler parkbänkar", SHORTLISTED[0], SHORTLISTED[1]]
    assert column(model, PlansModel.STATUS) == ["Planned", "Planned", "Realised"]
    assert column(model, PlansModel.RESPONSIBLE) == ["Per Ek", "Eva Sjöberg", "Amira Hassan"]
    assert column(model, PlansModel.OPEN) == ["1", "3", "1"]
    assert column(model, PlansModel.LAST) == ["None yet", "None yet", iso(followed.today - timedelta(days=1))]


def test_each_workshops_next_follow_up_with_the_due_one_marked(
    view: FollowUpView, followed: Followed
) -> None:
    model = view.workshops_model
    assert column(model, WorkshopsModel.WORKSHOP) == ["Trygg skolväg", PARK]
    assert column(model, WorkshopsModel.NEXT) == [
        f"{iso(followed.today - timedelta(days=1))} · Due",
        "Not planned",
    ]
    assert column(model, WorkshopsModel.OPEN) == ["4", "1"]
    assert column(model, WorkshopsModel.OVERDUE) == ["1", "0"]
    assert "1 workshop is due for follow-up" in view.summary.text()


def test_typing_a_search_narrows_all_three_lists(view: FollowUpView) -> None:
    type_text(view.search, "ola")

    assert column(view.actions_model, ActionsModel.ACTION) == ["Ring fastighetsbolaget"]
    assert column(view.plans_model, PlansModel.PLAN) == []
    assert column(view.workshops_model, WorkshopsModel.WORKSHOP) == ["Trygg skolväg"]
    assert view.tabs.tabText(view.PLANS_TAB) == "Plans (0)"
    view.tabs.setCurrentIndex(view.PLANS_TAB)
    assert view.plan_rows.empty.isVisible()
    assert view.plan_rows.empty.text() == "Nothing matches the search."

    view.search.clear()
    type_text(view.search, "PARKBÄNK")
    assert column(view.actions_model, ActionsModel.ACTION) == ["Beställ bänkar"]
    assert column(view.plans_model, PlansModel.PLAN) == ["Fler parkbänkar"]
    assert column(view.workshops_model, WorkshopsModel.WORKSHOP) == [PARK]

    view.search.clear()
    assert view.actions_model.rowCount() == 5
    assert view.plan_rows.table.isVisible()


def test_the_summary_counts_only_what_the_search_finds(view: FollowUpView) -> None:
    type_text(view.search, "zzz")
    assert view.summary.text() == "Nothing matches the search."

    view.search.clear()
    type_text(view.search, "Amira")  # a plan of the due workshop, but no open action
    assert view.plans_model.rowCount() == 1
    assert view.summary.text() == "1 workshop is due for follow-up"

    view.search.clear()
    type_text(view.search, "parkbänk")
    assert view.summary.text() == "0 of 1 open action is overdue"

    view.search.clear()
    assert view.summary.text() == ("1 of 5 open actions are overdue   ·   1 workshop is due for follow-up")


def test_the_workshop_filter_narrows_the_lists_and_the_funnel(
    view: FollowUpView, followed: Followed, hub: Hub
) -> None:
    combo = view.workshop_filter
    assert [combo.itemText(i) for i in range(combo.count())] == ["All workshops", PARK, "Trygg skolväg"]
    assert not view.action_rows.table.isColumnHidden(ActionsModel.WORKSHOP)

    combo.setCurrentIndex(1)

    assert column(view.actions_model, ActionsModel.ACTION) == ["Beställ bänkar"]
    assert column(view.plans_model, PlansModel.PLAN) == ["Fler parkbänkar"]
    assert column(view.workshops_model, WorkshopsModel.WORKSHOP) == [PARK]
    assert view.action_rows.table.isColumnHidden(ActionsModel.WORKSHOP)  # one workshop: no need to say it
    assert view.funnel_heading.text() == f"Funnel: {PARK}"
    assert view.funnel.funnel == funnel(hub.db, followed.park_id)


def test_choosing_a_date_persists_it_and_undo_takes_it_back(
    view: FollowUpView, followed: Followed, hub: Hub, qtbot: QtBot
) -> None:
    view.tabs.setCurrentIndex(view.DATES_TAB)
    table = view.date_rows.table
    assert view.date_rows.choose(followed.park_id)
    target = followed.today + timedelta(days=60)

    # WHEN the organiser asks to change the date, picks one, and leaves the field
    qtbot.mouseClick(view.change_date, LEFT)
    editor = view.date_delegate.editor
    assert editor is not None
    assert editor.date() == QDate(followed.today)  # a new date starts from today
    editor.setDate(QDate(target))
    view.flush()

    # THEN the database has it, and the list shows it in date order
    assert get_workshop(hub.db, followed.park_id).follow_up_on == target
    qtbot.waitUntil(lambda: column(view.workshops_model, WorkshopsModel.NEXT)[1] == iso(target))
    assert view.date_rows.current_id() == followed.park_id
    assert table.currentIndex().row() == 1

    # WHEN undone, the workshop has no date again
    hub.undo_stack.undo()
    assert get_workshop(hub.db, followed.park_id).follow_up_on is None
    qtbot.waitUntil(lambda: column(view.workshops_model, WorkshopsModel.NEXT)[1] == "Not planned")
    hub.undo_stack.redo()
    assert get_workshop(hub.db, followed.park_id).follow_up_on == target


def test_a_date_can_be_removed_and_the_button_says_when_there_is_none(
    view: FollowUpView, followed: Followed, hub: Hub, qtbot: QtBot
) -> None:
    view.tabs.setCurrentIndex(view.DATES_TAB)
    view.date_rows.choose(followed.workshop_id)
    assert view.remove_date.isEnabled()

    with qtbot.waitSignal(hub.followUpChanged) as changed:
        qtbot.mouseClick(view.remove_date, LEFT)

    assert changed.args == [followed.workshop_id]
    assert get_workshop(hub.db, followed.workshop_id).follow_up_on is None
    qtbot.waitUntil(lambda: "Not planned" in column(view.workshops_model, WorkshopsModel.NEXT)[0])
    assert not view.remove_date.isEnabled()
    assert "0 workshops are due for follow-up" in view.summary.text()


def test_double_clicking_an_action_or_a_plan_asks_for_its_workshop(
    view: FollowUpView, followed: Followed, qtbot: QtBot
) -> None:
    table = view.action_rows.table
    rect = table.visualRect(view.actions_model.index(3, ActionsModel.ACTION))
    with qtbot.waitSignal(view.openRequested) as opened:
        double_click(qtbot, table, rect.center())
    assert opened.args == [followed.park_id]

    view.tabs.setCurrentIndex(view.PLANS_TAB)
    table = view.plan_rows.table
    rect = table.visualRect(view.plans_model.index(2, PlansModel.PLAN))
    with qtbot.waitSignal(view.openRequested) as opened:
        double_click(qtbot, table, rect.center())
    assert opened.args == [followed.workshop_id]


def test_it_reads_again_on_a_change_when_shown_and_on_showing_when_hidden(
    view: FollowUpView, followed: Followed, hub: Hub, qtbot: QtBot
) -> None:
    plan_id = create_plan(hub.db, add_idea(hub.db, followed.park_id, "Parkkafé").id, today=followed.today).id
    add_action(hub.db, plan_id, "Prata med föreningen", owner="Lina Nordin", today=followed.today)
    hub.planChanged.emit(followed.park_id, "")
    qtbot.waitUntil(lambda: "Prata med föreningen" in column(view.actions_model, ActionsModel.ACTION))

    view.hide()
    add_action(hub.db, plan_id, "Skriv ansökan", today=followed.today)
    hub.planChanged.emit(followed.park_id, "")
    hub.progressChanged.emit(followed.park_id)
    QApplication.processEvents()  # a refresh queued by the signals would run here
    assert "Skriv ansökan" not in column(view.actions_model, ActionsModel.ACTION)  # cheap while hidden
    view.show()
    assert "Skriv ansökan" in column(view.actions_model, ActionsModel.ACTION)


def test_the_funnel_says_the_workshops_numbers(view: FollowUpView, followed: Followed, hub: Hub) -> None:
    everything = funnel(hub.db)
    assert view.funnel.funnel == everything
    assert view.funnel_heading.text() == "Funnel: All workshops"

    view.choose_workshop(followed.workshop_id)

    figures = funnel(hub.db, followed.workshop_id)
    assert (figures.participants, figures.ideas, figures.shortlisted) == (3, 4, 3)
    assert (figures.with_plan, figures.go, figures.realised) == (2, 1, 1)
    assert view.funnel.stage_texts() == [
        ("Participants", "3", ""),
        ("Ideas", "4", "4 ideas from 3 participants"),
        ("Shortlisted", "3", "3 of 4 ideas shortlisted (75 %)"),
        ("With a plan", "2", "2 of 3 shortlisted got a plan (67 %)"),
        ("GO", "1", "1 of 2 plans got a GO (50 %)"),
        ("Realised", "1", "1 of 1 idea with a GO realised (100 %)"),
    ]
    tooltip = view.funnel.toolTip()
    assert tooltip.startswith("Trygg skolväg\nParticipants: 3\n")
    assert "With a plan: 2 – 2 of 3 shortlisted got a plan (67 %)" in tooltip
    assert view.funnel.accessibleDescription() == tooltip
    assert view.funnel_summary.text() == "2 of 4 ideas got a plan, 1 got a GO, 1 was realised."


def test_an_empty_database_says_there_is_nothing_to_follow_up(hub: Hub, qtbot: QtBot) -> None:
    widget = FollowUpView(hub)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.action_rows.empty.isVisible()
    assert widget.action_rows.empty.text().startswith("No open actions")
    assert widget.funnel.stage_texts()[0] == ("Participants", "0", "")
    assert widget.funnel_summary.text() == "0 of 0 ideas got a plan, 0 got a GO, 0 were realised."
    assert widget.summary.text() == "0 workshops are due for follow-up"


def test_a_change_elsewhere_waits_until_the_date_being_chosen_is_saved(
    view: FollowUpView, followed: Followed, hub: Hub, qtbot: QtBot
) -> None:
    view.tabs.setCurrentIndex(view.DATES_TAB)
    view.date_rows.choose(followed.park_id)
    qtbot.mouseClick(view.change_date, LEFT)
    editor = view.date_delegate.editor
    assert editor is not None
    target = followed.today + timedelta(days=9)
    editor.setDate(QDate(target.year, target.month, target.day))

    # WHEN something else changes while the date is being chosen (a phone adds an idea)
    add_idea(hub.db, followed.park_id, "Bättre belysning")
    hub.ideasChanged.emit(followed.park_id, [])
    QApplication.processEvents()

    # THEN the date stays open; saving it saves the date and the view then reads both
    assert view.date_delegate.editor is editor
    view.flush()
    assert get_workshop(hub.db, followed.park_id).follow_up_on == target
    qtbot.waitUntil(lambda: view.funnel.funnel.ideas == 6)
    assert iso(target) in column(view.workshops_model, WorkshopsModel.NEXT)
