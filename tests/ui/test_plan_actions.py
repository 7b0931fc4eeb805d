"""The actions (insatser) of a development plan: added, edited in place, reordered, removed, overdue."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.plans import add_action, create_plan, plan_for_idea
from tests.ui.steps_helpers import Shortlisted, english, shortlisted
from tests.ui.test_plan_panel import (
    LEFT,
    TODAY,
    add,
    dated_hub,
    make_panel,
    open_editor,
    stored,
    titles,
    with_plan,
)
from ui.hub import Hub
from ui.plan_actions_model import DueDateEditor

__all__ = ["dated_hub", "english", "shortlisted"]


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


def test_a_long_pasted_title_is_refused_by_the_service_and_kept_whole(
    dated_hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    hub = dated_hub
    panel = make_panel(hub, shortlisted, qtbot)
    panel.show()
    with_plan(panel, qtbot)
    panel.view.tabs.setCurrentIndex(1)
    editor = panel.view.action_editor
    pasted = "Rekrytera fixare 🌱" * 40  # 720 characters
    add(panel, qtbot, pasted)
    assert editor.error.text() == "The text is 720 characters long; at most 300 fit."
    assert editor.new_title.text() == pasted
    assert titles(panel) == []
    add(panel, qtbot, "Kravprofil")
    # In place: the refused text comes back in the cell's editor, the reason above the table
    model = editor.model
    index = model.index(0, model.TITLE)
    line = open_editor(editor.table, index, QLineEdit)
    line.setText(pasted)
    qtbot.keyClick(line, Qt.Key.Key_Return)  # the view commits and closes the editor a moment later
    qtbot.waitUntil(lambda: line not in cell_editors(editor.table))
    assert editor.error.isVisible()
    assert editor.error.text() == "The text is 720 characters long; at most 300 fit."
    assert model.index(0, model.TITLE).data() == "Kravprofil"
    qtbot.waitUntil(lambda: len(cell_editors(editor.table)) == 1)
    (again,) = cell_editors(editor.table)
    assert again.text() == pasted
    again.setText("Kravprofil för fixare")
    qtbot.keyClick(again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: titles(panel) == ["Kravprofil för fixare"])
    assert editor.error.isHidden()
    assert cell_editors(editor.table) == []


def cell_editors(table: QTableView) -> list[QLineEdit]:
    return [line for line in table.findChildren(QLineEdit) if line.isVisible()]
