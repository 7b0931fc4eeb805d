"""The follow-up view tells workshops apart by date and cites each plan's decision and resources."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from app.decision_resources import allocate
from app.decisions import record_decision
from app.ideas import add_idea
from app.workshops import create_workshop, update_workshop
from tests.ui.conftest import type_text
from tests.ui.steps_helpers import SHORTLISTED, Shortlisted, english, shortlisted
from tests.ui.test_followup_view import PARK, Followed, _plan, column, followed, iso, view
from ui.followup_view import FollowUpView
from ui.followup_view_models import ActionsModel, PlansModel
from ui.hub import Hub

__all__ = ["english", "followed", "shortlisted", "view"]

TWIN = "Idéverkstad: Trygg och delaktig hemma"


def twins(hub: Hub) -> tuple[str, str]:
    """Two workshops of the same title, held in July and September, each with a plan and an action."""
    ids = []
    for held_on, idea in ((date(2026, 7, 21), "Fixare"), (date(2026, 9, 2), "Ringlista")):
        workshop_id = create_workshop(hub.db, TWIN, held_on=held_on).id
        _plan(hub, add_idea(hub.db, workshop_id, idea).id, "Eva", ("Boka möte", "Eva", 3, "not_started"))
        ids.append(workshop_id)
    return ids[0], ids[1]


def test_workshops_of_the_same_title_are_told_apart_by_their_date(
    hub: Hub, view: FollowUpView, qtbot: QtBot
) -> None:
    july, _september = twins(hub)
    view.refresh()

    combo = view.workshop_filter
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All workshops",
        f"2026-09-02 · {TWIN}",
        f"2026-07-21 · {TWIN}",
        PARK,
        "Trygg skolväg",
    ]
    type_text(view.search, "Boka möte")
    assert column(view.actions_model, ActionsModel.WORKSHOP) == [
        f"2026-07-21 · {TWIN}",
        f"2026-09-02 · {TWIN}",
    ]
    view.search.clear()
    type_text(view.search, "2026-09-02")  # the date finds the workshop too
    assert column(view.plans_model, PlansModel.WORKSHOP) == [f"2026-09-02 · {TWIN}"]

    view.choose_workshop(july)
    assert view.funnel_heading.text() == f"Funnel: 2026-07-21 · {TWIN}"
    assert combo.toolTip() == f"2026-07-21 · {TWIN}"
    combo.setMinimumContentsLength(12)
    combo.setFixedWidth(combo.fontMetrics().horizontalAdvance("2026-07-21 · Idéverkstad") + 40)
    shown = combo.shown_text()
    assert shown.startswith("2026-07-21 · Id")  # the date stays whole, the title keeps both ends
    assert shown.endswith("mma")
    assert "…" in shown


def test_long_workshop_and_decision_cells_keep_their_start_and_are_cut_in_the_middle(
    hub: Hub, view: FollowUpView, followed: Followed, shortlisted: Shortlisted
) -> None:
    update_workshop(hub.db, followed.workshop_id, held_on=date(2026, 7, 21), title=TWIN)
    record_decision(
        hub.db, followed.workshop_id, shortlisted.ideas[0], "go", "committee", followed.today,
        reference="Vård- och omsorgsnämnden 2026-09-02 § 27",
    )  # fmt: skip
    view.refresh()
    view.tabs.setCurrentIndex(view.PLANS_TAB)
    table = view.plan_rows.table  # at 1280 wide, neither cell has room for all of its text
    row = view.plans_model.row_of(shortlisted.ideas[0])
    cut = {}
    for col in (PlansModel.WORKSHOP, PlansModel.DECISION):
        index = view.plans_model.index(row, col)
        option = QStyleOptionViewItem()
        option.rect = table.visualRect(index)
        option.widget = table
        table.itemDelegateForColumn(col).initStyleOption(option, index)
        cut[col] = option.text
        assert option.fontMetrics.horizontalAdvance(option.text) <= option.rect.width()

    assert cut[PlansModel.WORKSHOP].startswith("2026-07-21 · ")
    assert cut[PlansModel.WORKSHOP].endswith("a")
    assert "…" in cut[PlansModel.WORKSHOP]
    assert cut[PlansModel.DECISION].startswith("§ 2 GO · ")
    assert cut[PlansModel.DECISION].endswith("7")
    assert "…" in cut[PlansModel.DECISION]
    assert view.action_rows.table.itemDelegateForColumn(ActionsModel.ACTION) is None  # cut at the end


def test_each_plan_cites_its_decision_and_the_resources_given(
    hub: Hub, view: FollowUpView, followed: Followed, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    """GIVEN the GO (§ 1) on the second plan, without a reference; no decision on the others
    WHEN a second GO with a reference and resources is recorded
    THEN the Plans tab cites the latest decision and sums what was given."""
    decided_on = followed.today - timedelta(days=20)
    plans = view.plans_model
    assert column(plans, PlansModel.PLAN) == ["Fler parkbänkar", SHORTLISTED[0], SHORTLISTED[1]]
    assert column(plans, PlansModel.DECISION) == ["", "", f"§ 1 GO, {iso(decided_on)}"]
    assert [plans.index(n, PlansModel.DECISION).data(Qt.ItemDataRole.ToolTipRole) for n in range(3)] == [
        "",
        "",
        f"§ 1 GO, {iso(decided_on)}",
    ]

    go = record_decision(
        hub.db, followed.workshop_id, shortlisted.ideas[0], "go", "committee",
        followed.today, reference="KS 2026-06-10 § 27",
    ).id  # fmt: skip
    allocate(hub.db, go, "money", "150000", "SEK")
    allocate(hub.db, go, "hours", "120")
    allocate(hub.db, go, "support", description="Kommunikatör")
    with qtbot.waitSignal(hub.decisionsChanged):
        hub.decisionsChanged.emit(followed.workshop_id)
    qtbot.waitUntil(lambda: column(plans, PlansModel.DECISION)[1] != "")

    assert column(plans, PlansModel.DECISION) == [
        "",
        "§ 2 GO · KS 2026-06-10 § 27",
        f"§ 1 GO, {iso(decided_on)}",
    ]
    assert plans.index(1, PlansModel.DECISION).data(Qt.ItemDataRole.ToolTipRole) == (
        "§ 2 GO · KS 2026-06-10 § 27\nResources given: 150,000 SEK · 120 hours · 1 other support"
    )
    view.tabs.setCurrentIndex(view.PLANS_TAB)
    assert view.plan_rows.table.columnWidth(PlansModel.DECISION) > 0
    type_text(view.search, "KS 2026-06")
    assert column(plans, PlansModel.PLAN) == [SHORTLISTED[0]]


def test_the_plans_fit_a_laptop_window_with_long_headings_on_two_lines(view: FollowUpView) -> None:
    view.tabs.setCurrentIndex(view.PLANS_TAB)
    model, table = view.plans_model, view.plan_rows.table

    assert model.headerData(PlansModel.OPEN, Qt.Orientation.Horizontal) == "Open\nactions"
    assert model.headerData(PlansModel.OPEN, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Open actions"
    )
    assert not table.horizontalScrollBar().isVisible()
    assert table.columnWidth(PlansModel.PLAN) >= 150
