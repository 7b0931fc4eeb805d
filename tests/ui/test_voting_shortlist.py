"""The shortlist in the voting panel: made from a round's cut, changed by hand with reasons, undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.ideas import get_idea
from app.shortlist import shortlist
from app.voting import set_paper_tally
from app.voting_results import reveal_round
from app.voting_snapshots import RoundSnapshot
from models.enums import IdeaStatus
from tests.ui import voting_panel_helpers
from tests.ui.voting_panel_helpers import (
    LEFT,
    Board,
    fake_exec,
    ok_button,
    opened,
    vote,
)
from ui.hub import Hub
from ui.voting_models import ShortlistModel
from ui.voting_panel import VotingPanel
from ui.voting_reason_dialogs import AddToShortlistDialog, ReasonDialog

# The voting tests' shared fixtures: English strings, a board of six ideas, the panel.
board = voting_panel_helpers.board
english = voting_panel_helpers.english
panel = voting_panel_helpers.panel
presenter = voting_panel_helpers.presenter


def ranked_round(hub: Hub, board: Board) -> RoundSnapshot:
    """Revealed, with totals A 4, B 3, C 2, D 1, E 0, F 0: no two alike."""
    r = opened(hub, board, dots=4, max_per_idea=4)
    vote(hub, board, r, 1, {0: 3, 1: 1})
    vote(hub, board, r, 2, {0: 1, 1: 2, 2: 1})
    vote(hub, board, r, 3, {2: 1})
    set_paper_tally(hub.db, r.id, {board.ideas[3]: 1})
    revealed = reveal_round(hub.db, r.id)
    hub.votingChanged.emit(board.workshop_id, r.id)
    return revealed


def rows(model: ShortlistModel) -> list[tuple[str, str, str]]:
    return [tuple(model.index(row, col).data() for col in range(3)) for row in range(model.rowCount())]  # type: ignore[misc]


def test_the_shortlist_is_made_from_the_cut_and_undo_takes_it_back(
    panel: VotingPanel, hub: Hub, board: Board, qtbot: QtBot, qtmodeltester: object
) -> None:
    ranked_round(hub, board)
    panel.results_view.top_spin.setValue(2)

    qtbot.mouseClick(panel.results_view.shortlist_button, LEFT)

    view = panel.shortlist_view
    assert panel.tabs.currentWidget() is view
    assert panel.tabs.tabText(1) == "Shortlist (2)"
    assert view.heading.text() == "The shortlist: 2 ideas go on to critical review"
    assert rows(view.model) == [
        ("1", "Fixed contact person", "By the vote in round 1"),
        ("2", "Weekly photo schedule", "By the vote in round 1"),
    ]
    assert get_idea(hub.db, board.ideas[0]).status == IdeaStatus.SHORTLISTED
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]

    hub.undo_stack.undo()
    assert shortlist(hub.db, board.workshop_id) == []
    assert view.heading.text() == "No shortlist yet"
    assert panel.tabs.tabText(1) == "Shortlist"
    assert get_idea(hub.db, board.ideas[0]).status == IdeaStatus.PROPOSED

    hub.undo_stack.redo()
    assert [r[1] for r in rows(view.model)] == ["Fixed contact person", "Weekly photo schedule"]


def test_making_it_again_asks_why_and_keeps_the_reason(
    panel: VotingPanel, hub: Hub, board: Board, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ranked_round(hub, board)
    panel.results_view.top_spin.setValue(2)
    qtbot.mouseClick(panel.results_view.shortlist_button, LEFT)
    panel.tabs.setCurrentIndex(0)
    panel.results_view.top_spin.setValue(3)
    steps: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ReasonDialog)
        assert dialog.prompt.text().startswith("The shortlist has 2 ideas already.")
        qtbot.mouseClick(ok_button(dialog), LEFT)
        assert dialog.error.text() == "Write why the shortlist changes; the vote stays on record as it was."
        steps.append("refused without a reason")
        dialog.reason.setPlainText("The room wanted three")

    monkeypatch.setattr(ReasonDialog, "exec", fake_exec(qtbot, [], fill))
    qtbot.mouseClick(panel.results_view.shortlist_button, LEFT)

    assert steps == ["refused without a reason"]
    assert rows(panel.shortlist_view.model)[2] == (
        "3", "Coffee on every visit", "From round 1, when the shortlist was made again: The room wanted three"
    )  # fmt: skip
    hub.undo_stack.undo()
    assert [i.title for i in shortlist(hub.db, board.workshop_id)] == [
        "Fixed contact person", "Weekly photo schedule",
    ]  # fmt: skip


def test_ideas_are_added_and_removed_by_hand_with_reasons_kept_and_undoable(
    panel: VotingPanel, hub: Hub, board: Board, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ranked_round(hub, board)
    panel.results_view.top_spin.setValue(2)
    qtbot.mouseClick(panel.results_view.shortlist_button, LEFT)
    view = panel.shortlist_view

    def add(dialog: QDialog) -> None:
        assert isinstance(dialog, AddToShortlistDialog)
        titles = [dialog.ideas.item(row).text() for row in range(dialog.ideas.count())]
        assert "Fixed contact person" not in titles  # already on the list
        qtbot.keyClicks(dialog.search, "soup")
        visible = [
            dialog.ideas.item(r) for r in range(dialog.ideas.count()) if not dialog.ideas.item(r).isHidden()
        ]
        assert [item.text() for item in visible] == ["Soup night"]
        dialog.ideas.setCurrentItem(visible[0])
        qtbot.mouseClick(ok_button(dialog), LEFT)
        assert dialog.error.text() == "Write why the shortlist changes; the vote stays on record as it was."
        dialog.reason.setPlainText("Cheap to try at once")

    monkeypatch.setattr(AddToShortlistDialog, "exec", fake_exec(qtbot, [], add))
    qtbot.mouseClick(view.add_button, LEFT)
    assert rows(view.model)[-1] == ("3", "Soup night", "Added by hand: Cheap to try at once")
    assert panel.tabs.tabText(1) == "Shortlist (3)"

    # Remove the second idea, with a reason; it stays on record, shown on request.
    assert not view.remove_button.isEnabled()
    view.table.selectRow(1)
    assert view.remove_button.isEnabled()

    def remove(dialog: QDialog) -> None:
        assert isinstance(dialog, ReasonDialog)
        assert dialog.prompt.text().startswith("“Weekly photo schedule” comes off the shortlist.")
        dialog.reason.setPlainText("Already being done in the north district")

    monkeypatch.setattr(ReasonDialog, "exec", fake_exec(qtbot, [], remove))
    qtbot.mouseClick(view.remove_button, LEFT)
    assert [r[1] for r in rows(view.model)] == ["Fixed contact person", "Soup night"]
    view.show_removed.setChecked(True)
    assert rows(view.model)[-1] == (
        "–", "Weekly photo schedule", "Removed: Already being done in the north district"
    )  # fmt: skip
    assert view.model.index(2, 1).data(Qt.ItemDataRole.FontRole).italic()

    hub.undo_stack.undo()
    assert [i.title for i in shortlist(hub.db, board.workshop_id)] == [
        "Fixed contact person", "Weekly photo schedule", "Soup night",
    ]  # fmt: skip
    hub.undo_stack.undo()
    assert [i.title for i in shortlist(hub.db, board.workshop_id)] == [
        "Fixed contact person", "Weekly photo schedule",
    ]  # fmt: skip
    assert get_idea(hub.db, board.ideas[5]).status == IdeaStatus.PROPOSED
