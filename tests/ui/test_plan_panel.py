"""The development plan panel: the plan of each shortlisted idea, its readiness, deletion and actions."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QMessageBox, QTableView, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.analysis import save_analysis
from app.plans import add_action, create_plan, plan_for_idea
from app.snapshots import WorkshopSnapshot
from tests.ui.steps_helpers import SHORTLISTED, Shortlisted, english, shortlisted
from tests.ui.voting_panel_helpers import Answers
from ui.analysis_fields import FormLineEdit, FormTextEdit
from ui.hub import Hub
from ui.plan_actions_model import DueDateEditor
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


def test_actions_are_added_edited_reordered_and_removed_with_undo(
    dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    hub = dated_hub
    panel = make_panel(hub, shortlisted, qtbot)
    with_plan(panel, qtbot)
    editor = panel.view.action_editor
    model = editor.model
    # GIVEN three actions typed in the line above the table
    for title in ("Kravprofil", "Rekrytera fixare", "Pilot"):
        add(panel, qtbot, title)
    assert titles(panel) == ["Kravprofil", "Rekrytera fixare", "Pilot"]
    assert editor.new_title.text() == ""
    assert panel.view.tabs.tabText(1) == "Actions (3)"
    qtmodeltester.check(model)
    # WHEN cells are edited in place
    assert model.setData(model.index(0, model.OWNER), "Karin Lund")
    assert model.setData(model.index(0, model.DUE), "2026-06-30")
    assert model.setData(model.index(0, model.STATUS), "in_progress")
    assert model.setData(model.index(0, model.FOLLOW_UP), "1 månad")
    action = stored(hub, shortlisted.ideas[0]).actions[0]
    assert (action.owner, action.due_on, action.status, action.followed_up_within) == (
        "Karin Lund", date(2026, 6, 30), "in_progress", "1 månad"
    )  # fmt: skip
    assert model.index(0, model.STATUS).data() == "In progress"
    # an empty title is refused, said under the line, and the old title stays
    assert not model.setData(model.index(0, model.TITLE), "  ")
    assert editor.error.text() == "The title cannot be empty."
    assert model.index(0, model.TITLE).data() == "Kravprofil"
    # THEN they move with the buttons and with Ctrl+Down, and are removed
    editor.select(stored(hub, shortlisted.ideas[0]).actions[2].id)
    qtbot.mouseClick(editor.up_button, LEFT)
    assert titles(panel) == ["Kravprofil", "Pilot", "Rekrytera fixare"]
    assert editor.current_action_id() == stored(hub, shortlisted.ideas[0]).actions[1].id
    editor.select(stored(hub, shortlisted.ideas[0]).actions[0].id)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.view.tabs.setCurrentIndex(1)
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert titles(panel) == ["Pilot", "Kravprofil", "Rekrytera fixare"]
    assert [a.title for a in stored(hub, shortlisted.ideas[0]).actions] == titles(panel)
    qtbot.mouseClick(editor.remove_button, LEFT)
    assert titles(panel) == ["Pilot", "Rekrytera fixare"]
    qtmodeltester.check(model)
    # AND undo walks it all back, redo forward again
    hub.undo_stack.undo()
    assert titles(panel) == ["Pilot", "Kravprofil", "Rekrytera fixare"]
    hub.undo_stack.undo()
    hub.undo_stack.undo()
    assert titles(panel) == ["Kravprofil", "Rekrytera fixare", "Pilot"]
    for _ in range(4):
        hub.undo_stack.undo()
    assert stored(hub, shortlisted.ideas[0]).actions[0].owner == ""
    for _ in range(7):
        hub.undo_stack.redo()
    assert titles(panel) == ["Pilot", "Rekrytera fixare"]
    assert [a.title for a in stored(hub, shortlisted.ideas[0]).actions] == ["Pilot", "Rekrytera fixare"]


def test_an_empty_action_title_is_refused_and_what_was_typed_kept(
    dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    panel = make_panel(dated_hub, shortlisted, qtbot)
    with_plan(panel, qtbot)
    add(panel, qtbot, "   ")
    assert panel.view.action_editor.error.text() == "The title cannot be empty."
    assert panel.view.action_editor.new_title.text() == "   "
    assert titles(panel) == []


def test_a_past_due_date_is_allowed_and_marked_overdue_in_words(
    dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    hub = dated_hub
    plan = create_plan(hub.db, shortlisted.ideas[0], today=TODAY)
    add_action(hub.db, plan.id, "Late one", due_on=date(2026, 4, 1), today=TODAY)
    add_action(hub.db, plan.id, "Late but done", due_on=date(2026, 4, 1), status="done", today=TODAY)
    add_action(hub.db, plan.id, "In time", due_on=date(2026, 6, 1), today=TODAY)
    panel = make_panel(hub, shortlisted, qtbot)
    model = panel.view.action_editor.model
    assert model.index(0, model.DUE).data() == "2026-04-01"
    assert model.index(0, model.STATUS).data() == "Overdue · Not started"
    assert "Overdue" in model.index(0, model.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, model.TITLE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, model.STATUS).data() == "Done"
    assert model.index(2, model.STATUS).data() == "Not started"
    assert model.index(2, model.TITLE).data(Qt.ItemDataRole.ForegroundRole) is None
    # A date moved into the past makes the action overdue at once
    assert model.setData(model.index(2, model.DUE), "2026-05-03")
    assert model.index(2, model.STATUS).data() == "Overdue · Not started"


def test_the_date_editor_sets_and_clears_a_due_date(
    dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    hub = dated_hub
    plan = create_plan(hub.db, shortlisted.ideas[0], today=TODAY)
    add_action(hub.db, plan.id, "Kravprofil", due_on=date(2026, 6, 1), today=TODAY)
    add_action(hub.db, plan.id, "Utan datum", today=TODAY)
    panel = make_panel(hub, shortlisted, qtbot)
    panel.show()
    panel.view.tabs.setCurrentIndex(1)
    table = panel.view.action_editor.table
    model = panel.view.action_editor.model
    # An action without a date starts the calendar on today
    index = model.index(1, model.DUE)
    table.setCurrentIndex(index)
    editor = open_editor(table, index, DueDateEditor)
    assert editor.value() == TODAY.isoformat()
    qtbot.mouseClick(editor.clear_button, LEFT)
    assert stored(hub, shortlisted.ideas[0]).actions[1].due_on is None
    index = model.index(0, model.DUE)
    table.setCurrentIndex(index)
    editor = open_editor(table, index, DueDateEditor)
    assert editor.value() == "2026-06-01"
    qtbot.mouseClick(editor.clear_button, LEFT)
    assert stored(hub, shortlisted.ideas[0]).actions[0].due_on is None
    assert model.index(0, model.DUE).data() == ""
    hub.undo_stack.undo()
    assert model.index(0, model.DUE).data() == "2026-06-01"


def test_the_status_is_chosen_from_the_five(dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot) -> None:
    hub = dated_hub
    plan = create_plan(hub.db, shortlisted.ideas[0], today=TODAY)
    add_action(hub.db, plan.id, "Kravprofil", today=TODAY)
    panel = make_panel(hub, shortlisted, qtbot)
    panel.show()
    panel.view.tabs.setCurrentIndex(1)
    table = panel.view.action_editor.table
    model = panel.view.action_editor.model
    index = model.index(0, model.STATUS)
    combo = open_editor(table, index, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Not started", "In progress", "Done", "Not possible", "Handed over to ordinary operations"
    ]  # fmt: skip
    combo.setCurrentIndex(4)
    combo.activated.emit(4)
    assert stored(hub, shortlisted.ideas[0]).actions[0].status == "handed_over"


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


def test_an_action_dragged_to_another_row_moves_there(
    dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    hub = dated_hub
    plan = create_plan(hub.db, shortlisted.ideas[0], today=TODAY)
    for title in ("Kravprofil", "Rekrytera", "Pilot"):
        add_action(hub.db, plan.id, title, today=TODAY)
    panel = make_panel(hub, shortlisted, qtbot)
    model = panel.view.action_editor.model
    # WHEN the first row is dropped below the last
    data = model.mimeData([model.index(0, model.TITLE)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    qtbot.waitUntil(lambda: titles(panel) == ["Rekrytera", "Pilot", "Kravprofil"])
    # AND the last dropped above the first
    data = model.mimeData([model.index(2, model.OWNER)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    qtbot.waitUntil(lambda: titles(panel) == ["Kravprofil", "Rekrytera", "Pilot"])
    assert [a.title for a in stored(hub, shortlisted.ideas[0]).actions] == titles(panel)
    hub.undo_stack.undo()
    assert titles(panel) == ["Rekrytera", "Pilot", "Kravprofil"]


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


def test_keys_move_and_remove_the_chosen_action(
    dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    hub = dated_hub
    plan = create_plan(hub.db, shortlisted.ideas[0], today=TODAY)
    for title in ("Kravprofil", "Rekrytera", "Pilot"):
        add_action(hub.db, plan.id, title, today=TODAY)
    panel = make_panel(hub, shortlisted, qtbot)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.view.tabs.setCurrentIndex(1)
    editor = panel.view.action_editor
    editor.select(plan_for_idea(hub.db, shortlisted.ideas[0], today=TODAY).actions[2].id)
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert titles(panel) == ["Pilot", "Kravprofil", "Rekrytera"]
    assert not editor.up_button.isEnabled()
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert titles(panel) == ["Kravprofil", "Rekrytera"]
    assert [a.title for a in stored(hub, shortlisted.ideas[0]).actions] == ["Kravprofil", "Rekrytera"]


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
