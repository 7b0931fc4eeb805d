"""The development plan panel: each shortlisted idea's plan, its texts, readiness and deletion."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox, QTableView, QWidget
from pytestqt.qtbot import QtBot

from app.analysis import save_analysis
from app.plans import add_action, create_plan, plan_for_idea
from app.snapshots import WorkshopSnapshot
from tests.ui.steps_helpers import SHORTLISTED, Shortlisted, english, shortlisted
from tests.ui.voting_panel_helpers import Answers
from ui.analysis_fields import FormLineEdit, FormTextEdit
from ui.hub import Hub
from ui.plan_panel import PlanPanel

__all__ = ["english", "shortlisted"]

TODAY = date(2026, 5, 4)
W = TypeVar("W", bound=QWidget)
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def dated_hub(hub: Hub, monkeypatch: pytest.MonkeyPatch) -> Hub:
    """The hub, on a calendar that says it is TODAY."""
    monkeypatch.setattr(hub, "today", lambda: TODAY)
    return hub


def make_panel(hub: Hub, shortlisted: Shortlisted, qtbot: QtBot) -> PlanPanel:
    panel = PlanPanel(hub, shortlisted.workshop_id)
    qtbot.addWidget(panel)
    panel.resize(880, 460)
    return panel


def type_into(panel: PlanPanel, name: str, text: str) -> None:
    widget = panel.view.fields[name].widget
    if isinstance(widget, FormTextEdit):
        widget.setPlainText(text)
    else:
        assert isinstance(widget, FormLineEdit)
        widget.setText(text)
    panel.view.fields[name].flush()


def stored(hub: Hub, idea_id: str) -> Any:
    """The idea's plan as stored (None when it has none)."""
    return plan_for_idea(hub.db, idea_id, today=TODAY)


def with_plan(panel: PlanPanel, qtbot: QtBot) -> None:
    qtbot.mouseClick(panel.create_button, LEFT)
    assert panel.current_plan() is not None


def open_editor(table: QTableView, index: QModelIndex, kind: type[W]) -> W:
    """Start editing a cell as a double-click does; the editor the delegate made for it."""
    table.setCurrentIndex(index)
    table.edit(index)
    editors = [w for w in table.findChildren(kind) if w.isVisible()]
    assert len(editors) == 1
    return editors[0]


def titles(panel: PlanPanel) -> list[str]:
    return [action.title for action in panel.view.action_editor.model.actions()]


def add(panel: PlanPanel, qtbot: QtBot, title: str) -> None:
    editor = panel.view.action_editor
    editor.new_title.setText(title)
    qtbot.keyClick(editor.new_title, Qt.Key.Key_Return)


def test_a_plan_is_created_for_the_chosen_idea_and_undone(
    dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    hub = dated_hub
    panel = make_panel(hub, shortlisted, qtbot)
    panel.show()
    assert panel.idea_title.text() == SHORTLISTED[0]
    assert panel.create_button.isVisible()
    with qtbot.waitSignals([hub.planChanged, hub.progressChanged]):
        qtbot.mouseClick(panel.create_button, LEFT)
    assert stored(hub, shortlisted.ideas[0]) is not None
    assert panel.view.isVisible()
    assert panel.view.state.text() == "Not yet ready for decision"
    hub.undo_stack.undo()
    assert stored(hub, shortlisted.ideas[0]) is None
    assert panel.create_button.isVisible()
    hub.undo_stack.redo()
    assert panel.view.isVisible()


def test_the_plan_texts_are_saved_and_read_back(
    dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    hub = dated_hub
    panel = make_panel(hub, shortlisted, qtbot)
    with_plan(panel, qtbot)
    type_into(panel, "concept", "En fixartjänst för äldre – två timmar per besök")
    type_into(panel, "responsible", "  Karin Lund, enhetschef  ")
    type_into(panel, "mandate", "Enhetschefen beslutar inom budget")
    type_into(panel, "risk_bearer", "Socialnämnden")
    type_into(panel, "operations_handover", "Hemtjänsten tar över efter piloten")
    plan = stored(hub, shortlisted.ideas[0])
    assert plan.concept == "En fixartjänst för äldre – två timmar per besök"
    assert plan.responsible == "Karin Lund, enhetschef"
    assert plan.risk_bearer == "Socialnämnden"
    assert panel.view.fields["responsible"].text() == "Karin Lund, enhetschef"
    again = make_panel(hub, shortlisted, qtbot)
    assert again.view.fields["mandate"].text() == "Enhetschefen beslutar inom budget"
    assert again.view.fields["operations_handover"].text() == "Hemtjänsten tar över efter piloten"
    hub.undo_stack.undo()
    assert stored(hub, shortlisted.ideas[0]).operations_handover == ""
    assert again.view.fields["operations_handover"].text() == ""


def test_leaving_the_phase_saves_the_text_being_typed(
    dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    panel = make_panel(dated_hub, shortlisted, qtbot)
    with_plan(panel, qtbot)
    panel.view.fields["pilot_plan"].widget.setPlainText("Pilot i Norra distriktet under våren")
    panel.flush()
    assert stored(dated_hub, shortlisted.ideas[0]).pilot_plan == "Pilot i Norra distriktet under våren"


def test_ready_for_decision_is_refused_with_the_reasons_and_nothing_typed_lost(
    dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    hub = dated_hub
    panel = make_panel(hub, shortlisted, qtbot)
    panel.show()
    with_plan(panel, qtbot)
    # GIVEN a concept being typed and an analysis without benefit or cost
    panel.view.fields["concept"].widget.setPlainText("A handyman service")
    # WHEN the facilitator marks the plan ready for decision
    qtbot.mouseClick(panel.view.ready_button, LEFT)
    # THEN it is refused, each reason said, and the typed concept is kept (and saved)
    problems = panel.view.problems.text()
    assert panel.view.problems.isVisible()
    assert "expected benefit" in problems
    assert "no cost in hours or money" in problems
    assert "Name who is responsible" in problems
    assert "concept" not in problems
    assert panel.view.fields["concept"].text() == "A handyman service"
    assert stored(hub, shortlisted.ideas[0]).concept == "A handyman service"
    assert not stored(hub, shortlisted.ideas[0]).ready_for_decision
    # WHEN what is missing is written, it goes through; withdrawing takes it back
    save_analysis(hub.db, shortlisted.ideas[0], benefit="Fewer falls", cost_hours="40")
    hub.analysisChanged.emit(shortlisted.workshop_id, shortlisted.ideas[0])
    type_into(panel, "responsible", "Karin Lund")
    with qtbot.waitSignals([hub.planChanged, hub.progressChanged]):
        qtbot.mouseClick(panel.view.ready_button, LEFT)
    assert not panel.view.problems.isVisible()
    assert stored(hub, shortlisted.ideas[0]).ready_for_decision
    assert panel.view.state.text() == "✓ Ready for decision"
    assert panel.view.ready_button.text() == "Withdraw readiness"
    qtbot.mouseClick(panel.view.ready_button, LEFT)
    assert not stored(hub, shortlisted.ideas[0]).ready_for_decision
    hub.undo_stack.undo()
    assert stored(hub, shortlisted.ideas[0]).ready_for_decision


def test_a_long_name_pasted_into_a_line_is_refused_by_the_service_and_kept_whole(
    dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    panel = make_panel(dated_hub, shortlisted, qtbot)
    panel.show()
    with_plan(panel, qtbot)
    pasted = "Förvaltningschef för vård och omsorg, 🌱 " * 10  # 400 characters, nothing cut
    type_into(panel, "responsible", pasted)
    field = panel.view.fields["responsible"]
    assert field.error.text() == "The text is 399 characters long; at most 300 fit."
    assert field.text() == pasted
    assert stored(dated_hub, shortlisted.ideas[0]).responsible == ""


def test_deleting_a_plan_with_actions_asks_first_and_undo_brings_them_back(
    dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = dated_hub
    plan = create_plan(hub.db, shortlisted.ideas[0], today=TODAY)
    for title in ("Kravprofil", "Rekrytera", "Pilot", "Överlämning"):
        add_action(hub.db, plan.id, title, today=TODAY)
    panel = make_panel(hub, shortlisted, qtbot)
    answers = Answers(False, True)
    monkeypatch.setattr(QMessageBox, "exec", answers.exec)
    qtbot.mouseClick(panel.view.delete_button, LEFT)
    assert answers.asked[0][1] == "The plan has 4 actions. Delete it?"
    assert stored(hub, shortlisted.ideas[0]) is not None
    qtbot.mouseClick(panel.view.delete_button, LEFT)
    assert stored(hub, shortlisted.ideas[0]) is None
    assert panel.current_plan() is None
    hub.undo_stack.undo()
    assert [a.title for a in stored(hub, shortlisted.ideas[0]).actions] == [
        "Kravprofil", "Rekrytera", "Pilot", "Överlämning"
    ]  # fmt: skip
    assert titles(panel) == ["Kravprofil", "Rekrytera", "Pilot", "Överlämning"]


def test_deleting_a_plan_names_its_decision_resources_and_follow_up(
    dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.decisions import allocate, record_decision
    from app.followup import add_entry
    from models.enums import DecisionLevel, FollowUpKind, ResourceKind

    hub, idea = dated_hub, shortlisted.ideas[0]
    plan = create_plan(hub.db, idea, today=TODAY)
    for title in ("Kravprofil", "Rekrytera", "Pilot", "Överlämning", "Utvärdering"):
        add_action(hub.db, plan.id, title, today=TODAY)
    record_decision(
        hub.db, shortlisted.workshop_id, shortlisted.ideas[1], "go", DecisionLevel.COMMITTEE, TODAY
    )
    go = record_decision(hub.db, shortlisted.workshop_id, idea, "go", DecisionLevel.COMMITTEE, TODAY)
    allocate(hub.db, go.id, ResourceKind.HOURS, 40)
    for note in ("Första avstämningen", "Andra avstämningen"):
        add_entry(hub.db, shortlisted.workshop_id, idea, FollowUpKind.CHECK_IN, TODAY, note)
    panel = make_panel(hub, shortlisted, qtbot)
    answers = Answers(False, False)
    monkeypatch.setattr(QMessageBox, "exec", answers.exec)
    qtbot.mouseClick(panel.view.delete_button, LEFT)
    assert answers.asked[0][1] == (
        "The plan has 5 actions, decision § 2 GO with resources and 2 follow-up entries. Delete it?"
    )
    assert stored(hub, idea) is not None

    other = create_plan(hub.db, shortlisted.ideas[2], today=TODAY)
    record_decision(
        hub.db, shortlisted.workshop_id, shortlisted.ideas[2], "postponed", DecisionLevel.COMMITTEE, TODAY
    )
    panel.picker.choose(shortlisted.ideas[2])
    qtbot.mouseClick(panel.view.delete_button, LEFT)
    assert answers.asked[1][1] == "The plan has decision § 3 Postponed. Delete it?"
    assert plan_for_idea(hub.db, other.idea_id, today=TODAY) is not None


def test_a_plan_without_actions_is_deleted_without_asking(
    dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = dated_hub
    create_plan(hub.db, shortlisted.ideas[0], today=TODAY)
    panel = make_panel(hub, shortlisted, qtbot)
    answers = Answers()
    monkeypatch.setattr(QMessageBox, "exec", answers.exec)
    qtbot.mouseClick(panel.view.delete_button, LEFT)
    assert answers.asked == []
    assert stored(hub, shortlisted.ideas[0]) is None


def test_each_idea_shows_its_own_plan(dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot) -> None:
    hub = dated_hub
    plan = create_plan(hub.db, shortlisted.ideas[1], today=TODAY)
    add_action(hub.db, plan.id, "Ring listan", today=TODAY)
    panel = make_panel(hub, shortlisted, qtbot)
    panel.show()
    assert panel.create_button.isVisible()
    panel.picker.choose(shortlisted.ideas[1])
    assert panel.idea_title.text() == SHORTLISTED[1]
    assert titles(panel) == ["Ring listan"]
    panel.picker.choose(shortlisted.ideas[2])
    assert panel.create_button.isVisible()


def test_plan_texts_take_long_text_and_any_unicode(
    dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    panel = make_panel(dated_hub, shortlisted, qtbot)
    with_plan(panel, qtbot)
    long_text = "Överlämning till ordinarie verksamhet, steg för steg. 🌱 ✓ ÅÄÖ æøå – ﷺ 漢字\n" * 1200
    type_into(panel, "factors", long_text)
    type_into(panel, "risk_bearer", "Socialnämnden (ÅÄÖ) – 12\u00a0500 kr")
    plan = stored(dated_hub, shortlisted.ideas[0])
    assert plan.factors == long_text
    assert plan.risk_bearer == "Socialnämnden (ÅÄÖ) – 12\u00a0500 kr"
    assert panel.view.fields["factors"].text() == long_text


def test_without_a_shortlist_there_is_nothing_to_plan(hub: Hub, room: WorkshopSnapshot, qtbot: QtBot) -> None:
    panel = PlanPanel(hub, room.id)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.current_plan() is None
    assert panel.empty.isVisible()
    assert not panel.create_button.isVisible()
    panel.flush()


def test_a_plan_made_meanwhile_elsewhere_is_shown_not_made_twice(
    dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    hub = dated_hub
    panel = make_panel(hub, shortlisted, qtbot)
    plan = create_plan(hub.db, shortlisted.ideas[0], today=TODAY)
    add_action(hub.db, plan.id, "Kravprofil", today=TODAY)
    with qtbot.waitSignal(hub.failed) as failed:
        qtbot.mouseClick(panel.create_button, LEFT)
    assert failed.args == ["This idea already has a development plan."]
    assert panel.current_plan() is not None
    assert titles(panel) == ["Kravprofil"]
    assert hub.undo_stack.count() == 0
