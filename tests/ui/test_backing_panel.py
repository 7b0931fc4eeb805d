"""Spontaneous backing: every idea gets a response; the ones still waiting are marked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.backings import add_backing, list_backings
from app.ideas import add_idea, list_ideas
from app.snapshots import WorkshopSnapshot
from ui.backing_panel import BackingPanel
from ui.hub import Hub

from .conftest import type_text


@pytest.fixture
def panel(hub: Hub, room: WorkshopSnapshot, qtbot: QtBot) -> BackingPanel:
    first = add_idea(hub.db, room.id, "Skolpatrull")
    add_idea(hub.db, room.id, "Gångbuss")
    add_idea(hub.db, room.id, "Cykelkurs i fyran")
    add_backing(hub.db, first.id, "Bra att börja med det som finns!")
    widget = BackingPanel(hub, room.id, leader="Karin")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def status(hub: Hub, room: WorkshopSnapshot) -> dict[str, int]:
    return {i.title: i.backing_count for i in list_ideas(hub.db, room.id)}


def test_the_first_idea_without_backing_is_chosen_and_the_rest_counted(panel: BackingPanel) -> None:
    assert panel.idea_title.text() == "Gångbuss"
    assert panel.missing.text() == "2 idéer saknar ännu uppbackning"
    shown = [panel.filter.index(r, 0).data() for r in range(panel.filter.rowCount())]
    assert "saknar uppbackning" not in shown[0]
    assert all(text.endswith("saknar uppbackning") for text in shown[1:])


def test_typing_a_backing_and_enter_saves_it_with_the_leader(
    panel: BackingPanel, hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    type_text(panel.entry, "Tack – det här vill vi pröva!")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    assert status(hub, room)["Gångbuss"] == 1
    backing = list_backings(hub.db, panel.current.id)[0]  # type: ignore[union-attr]
    assert (backing.text, backing.given_by) == ("Tack – det här vill vi pröva!", "Karin")
    assert panel.backings.item(0).text() == "Tack – det här vill vi pröva! – Karin"
    assert panel.missing.text() == "1 idé saknar ännu uppbackning"
    assert panel.entry.text() == ""


def test_a_quick_response_and_next(panel: BackingPanel, hub: Hub, room: WorkshopSnapshot) -> None:
    thanks = next(b for b in panel.findChildren(QPushButton) if b.text() == "Tack för idén!")
    thanks.click()
    panel.next_unbacked()
    assert panel.idea_title.text() == "Cykelkurs i fyran"
    thanks.click()
    assert panel.missing.text() == "Alla idéer har fått uppbackning."
    assert set(status(hub, room).values()) == {1}


def test_an_empty_backing_is_refused(
    panel: BackingPanel, hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    assert panel.error.text() == "Skriv först några ord som uppbackning."
    assert hub.undo_stack.count() == 0


def test_removing_a_backing_and_undo(
    panel: BackingPanel, hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    panel.select(list_ideas(hub.db, room.id)[0].id)
    assert panel.idea_title.text() == "Skolpatrull"
    panel.backings.setCurrentRow(0)
    panel.backings.setFocus()
    qtbot.keyClick(panel.backings, Qt.Key.Key_Delete)
    assert status(hub, room)["Skolpatrull"] == 0
    assert panel.backings.count() == 0
    assert panel.missing.text() == "3 idéer saknar ännu uppbackning"
    hub.undo_stack.undo()
    assert status(hub, room)["Skolpatrull"] == 1
    assert panel.backings.count() == 1


def test_only_ideas_without_backing(panel: BackingPanel) -> None:
    panel.only_unbacked.setChecked(True)
    shown = [panel.filter.index(r, 0).data(Qt.ItemDataRole.EditRole) for r in range(panel.filter.rowCount())]
    assert shown == ["Gångbuss", "Cykelkurs i fyran"]
