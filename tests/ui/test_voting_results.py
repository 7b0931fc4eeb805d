"""The voting panel after the reveal: the ranking with bars of dots, the cut line, ties, runoff, by hand."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.voting import get_round, list_rounds, set_paper_tally
from app.voting_results import reveal_round
from app.voting_snapshots import RoundSnapshot
from models.enums import RoundState
from tests.ui import voting_panel_helpers
from tests.ui.voting_panel_helpers import (
    LEFT,
    Answers,
    Board,
    FakePresenter,
    fake_exec,
    ok_button,
    opened,
    round_rows,
    vote,
)
from ui.hub import Hub
from ui.results_model import BOOTH_COLOUR, PAPER_COLOUR, ResultsModel
from ui.voting_panel import VotingPanel
from ui.voting_reason_dialogs import SettleTieDialog

# The voting tests' shared fixtures: English strings, a board of six ideas, the panel.
board = voting_panel_helpers.board
english = voting_panel_helpers.english
panel = voting_panel_helpers.panel
presenter = voting_panel_helpers.presenter


def tied_round(hub: Hub, board: Board) -> RoundSnapshot:
    """Revealed, with totals A 4, B 2, C 2, D 2 (one of them from paper), E 0, F 0: B, C and D tie."""
    r = opened(hub, board, dots=4, max_per_idea=4)
    vote(hub, board, r, 1, {0: 3, 1: 1})
    vote(hub, board, r, 2, {0: 1, 2: 2})
    vote(hub, board, r, 3, {1: 1, 3: 1})
    set_paper_tally(hub.db, r.id, {board.ideas[3]: 1})
    revealed = reveal_round(hub.db, r.id)
    hub.votingChanged.emit(board.workshop_id, r.id)
    return revealed


def column(model: ResultsModel, col: int) -> list[str]:
    return [model.index(row, col).data() for row in range(model.rowCount())]


def test_the_results_table_ranks_with_shared_ranks_bars_and_where_the_dots_came_from(
    panel: VotingPanel, hub: Hub, board: Board, qtmodeltester: object
) -> None:
    tied_round(hub, board)
    view = panel.results_view
    model = view.model

    assert panel.stack.currentWidget() is view
    assert view.heading.text() == "Round 1 · results"
    assert view.summary.text() == "3 ballots · 9 dots from the booth, 1 from paper"
    assert column(model, ResultsModel.RANK) == ["1", "2 (shared)", "2 (shared)", "2 (shared)", "5 (shared)",
                                                "5 (shared)"]  # fmt: skip
    assert column(model, ResultsModel.IDEA)[0] == "Fixed contact person"
    assert column(model, ResultsModel.BOOTH) == ["4", "2", "2", "1", "0", "0"]
    assert column(model, ResultsModel.PAPER) == ["0", "0", "0", "1", "0", "0"]
    assert column(model, ResultsModel.TOTAL) == ["4", "2", "2", "2", "0", "0"]
    assert model.index(3, ResultsModel.DOTS).data(3) == "1 dot from the booth, 1 from paper"
    qtmodeltester.check(model)  # type: ignore[attr-defined]

    # The bars are drawn: round booth dots in blue, square paper dots in vermillion.
    image = view.table.viewport().grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}
    assert QColor(BOOTH_COLOUR).name() in colours
    assert QColor(PAPER_COLOUR).name() in colours


def test_a_tie_at_the_line_is_explicit_and_blocks_the_shortlist(
    panel: VotingPanel, hub: Hub, board: Board
) -> None:
    tied_round(hub, board)
    view = panel.results_view
    view.top_spin.setValue(3)

    assert view.cut_label.text() == (
        "3 ideas are tied for the last 2 places: “Weekly photo schedule”, “Coffee on every visit”, "
        "“Pupils as friends”."
    )
    assert column(view.model, ResultsModel.CUT) == ["✓", "tied", "tied", "tied", "", ""]
    assert (
        view.model.index(1, ResultsModel.CUT).data(Qt.ItemDataRole.ToolTipRole).startswith("Tied at the line")
    )
    assert view.runoff_button.isVisible()
    assert view.settle_button.isVisible()
    assert not view.shortlist_button.isEnabled()

    view.top_spin.setValue(1)
    assert view.cut_label.text() == "1 idea goes on."
    assert view.runoff_button.isHidden()
    assert view.shortlist_button.isEnabled()

    view.least_radio.setChecked(True)
    view.least_spin.setValue(1)
    assert view.least_spin.text() == "1 dot"
    view.least_spin.setValue(2)
    assert view.least_spin.text() == "2 dots"
    assert view.cut_label.text() == "4 ideas have at least 2 dots and go on."
    assert column(view.model, ResultsModel.CUT).count("✓") == 4


def test_a_runoff_starts_with_one_click_on_the_booth_and_settles_the_tie(
    panel: VotingPanel,
    hub: Hub,
    board: Board,
    presenter: FakePresenter,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = tied_round(hub, board)
    panel.results_view.top_spin.setValue(3)

    qtbot.mouseClick(panel.results_view.runoff_button, LEFT)

    runoff = list_rounds(hub.db, board.workshop_id)[-1]
    assert runoff.runoff_of_id == first.id
    assert runoff.state is RoundState.OPEN
    assert set(runoff.eligible_ids) == set(board.ideas[1:4])
    assert (runoff.dots, runoff.max_per_idea) == (2, 1)
    assert presenter.calls[-2:] == [("show_screen",), ("show_booth", runoff.id)]
    assert panel.current_id == runoff.id
    assert panel.stack.currentWidget() is panel.ballot_view
    assert panel.ballot_view.runoff_note.text() == "A runoff between the ideas tied at the line in round 1."
    assert round_rows(panel)[-1] == "Round 2 · runoff of round 1\nvoting open · 0 of 3 have voted"

    # While the runoff is under way, round 1 says so and offers no second runoff.
    panel.select_round(first.id)
    assert "Round 2, a runoff between the tied ideas, is under way" in panel.results_view.runoff_note.text()
    assert panel.results_view.runoff_button.isHidden()
    qtbot.mouseClick(panel.results_view.go_to_runoff_button, LEFT)
    assert panel.current_id == runoff.id

    for voter, pair in enumerate(((1, 2), (1, 3), (1, 2)), start=1):
        vote(hub, board, runoff, voter, dict.fromkeys(pair, 1))
    monkeypatch.setattr(QMessageBox, "exec", Answers(True).exec)
    qtbot.mouseClick(panel.ballot_view.reveal_button, LEFT)

    assert panel.stack.currentWidget() is panel.results_view
    assert "This runoff settles the tie at the line in round 1" in panel.results_view.runoff_note.text()
    assert panel.results_view.shortlist_button.isHidden()  # the shortlist is made from round 1
    qtbot.mouseClick(panel.results_view.back_button, LEFT)

    assert panel.current_id == first.id
    view = panel.results_view
    assert view.top_spin.value() == 3  # the line the runoff was for
    assert view.cut_label.text() == "3 ideas go on. The tie at the line was settled by the runoff (round 2)."
    assert column(view.model, ResultsModel.CUT)[:4] == ["✓", "✓", "✓", ""]
    assert view.shortlist_button.isEnabled()
    assert view.settle_button.isHidden()  # settled by the runoff, not by hand

    qtbot.mouseClick(view.shortlist_button, LEFT)
    model = panel.shortlist_view.model
    assert [model.index(row, 2).data() for row in range(model.rowCount())] == [
        "By the vote in round 1",
        "By the vote in round 1, tie settled by the runoff (round 2)",
        "By the vote in round 1, tie settled by the runoff (round 2)",
    ]


def test_a_tie_settled_by_hand_needs_a_reason_and_says_so(
    panel: VotingPanel, hub: Hub, board: Board, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tied_round(hub, board)
    panel.results_view.top_spin.setValue(3)
    steps: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, SettleTieDialog)
        assert dialog.order.item(0).text() == "1. Weekly photo schedule  ✓ goes on"
        assert dialog.order.item(2).text() == "3. Pupils as friends"
        qtbot.mouseClick(ok_button(dialog), LEFT)
        assert dialog.isVisible()
        assert dialog.error.text() == "Write why the tie is settled this way."
        steps.append("refused without a reason")
        dialog.order.setCurrentRow(2)
        qtbot.mouseClick(dialog.up_button, LEFT)
        qtbot.mouseClick(dialog.up_button, LEFT)
        assert dialog.order.item(0).text() == "1. Pupils as friends  ✓ goes on"
        dialog.reason.setPlainText("The group agreed after a short talk")

    monkeypatch.setattr(SettleTieDialog, "exec", fake_exec(qtbot, [], fill))
    qtbot.mouseClick(panel.results_view.settle_button, LEFT)

    assert steps == ["refused without a reason"]
    view = panel.results_view
    assert view.cut_label.text() == (
        "3 ideas go on. The tie at the line was settled by hand: The group agreed after a short talk"
    )
    cut = column(view.model, ResultsModel.CUT)
    assert [view.model.index(row, ResultsModel.IDEA).data() for row in range(6) if cut[row]] == [
        "Fixed contact person", "Weekly photo schedule", "Pupils as friends",
    ]  # fmt: skip
    assert view.shortlist_button.isEnabled()
    assert get_round(hub.db, view.round.id).shortlist_size == 3  # type: ignore[union-attr]


Seen = list[tuple[SettleTieDialog, list[str]]]


def settle(qtbot: QtBot, order: list[str], reason: str, seen: Seen) -> object:
    """A stand-in for the settle dialog's exec: put ``order`` (titles) first, give ``reason``, OK.

    ``seen`` gets each dialog shown, with the order of titles it started from.
    """

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, SettleTieDialog)
        seen.append((dialog, [dialog.titles[i] for i in dialog.ordered()]))
        for target, title in enumerate(order):
            row = next(r for r in range(dialog.order.count()) if dialog.titles[dialog.ordered()[r]] == title)
            while row > target:
                dialog.order.setCurrentRow(row)
                qtbot.mouseClick(dialog.up_button, LEFT)
                row -= 1
        dialog.reason.setPlainText(reason)

    return fake_exec(qtbot, [], fill)


def test_a_tie_settled_by_hand_can_be_settled_again_and_the_shortlist_says_how_it_was(
    panel: VotingPanel, hub: Hub, board: Board, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tied_round(hub, board)
    view = panel.results_view
    view.top_spin.setValue(3)
    assert view.settle_button.text() == "Settle by hand…"
    seen: Seen = []
    monkeypatch.setattr(
        SettleTieDialog, "exec", settle(qtbot, ["Pupils as friends"], "Agreed in the room", seen)
    )
    qtbot.mouseClick(view.settle_button, LEFT)
    first, _order = seen[0]
    assert first.windowTitle() == "Settle the tie by hand"
    assert first.earlier.isHidden()

    # The button stays, to settle it again: the dialog starts from the order chosen before.
    assert view.settle_button.isVisible()
    assert view.settle_button.text() == "Settle again…"
    assert view.runoff_button.isHidden()
    monkeypatch.setattr(
        SettleTieDialog, "exec", settle(qtbot, ["Coffee on every visit"], "Bo had a second thought", seen)
    )
    qtbot.mouseClick(view.settle_button, LEFT)

    again, order = seen[1]
    assert again.windowTitle() == "Settle the tie again"
    assert order == ["Pupils as friends", "Weekly photo schedule", "Coffee on every visit"]
    assert again.places == 2
    assert not again.earlier.isHidden()
    assert again.earlier.text() == (
        "Settled before, by hand: “Agreed in the room”. This order and reason replace it."
    )
    assert view.cut_label.text() == (
        "3 ideas go on. The tie at the line was settled by hand: Bo had a second thought"
    )
    cut = column(view.model, ResultsModel.CUT)
    assert [view.model.index(row, ResultsModel.IDEA).data() for row in range(6) if cut[row]] == [
        "Fixed contact person", "Coffee on every visit", "Pupils as friends",
    ]  # fmt: skip

    # The shortlist says which ideas went on through the tie, and why.
    qtbot.mouseClick(view.shortlist_button, LEFT)
    model = panel.shortlist_view.model
    why = [model.index(row, 2).data() for row in range(model.rowCount())]
    assert why == [
        "By the vote in round 1",
        "By the vote in round 1, tie settled by hand: Bo had a second thought",
        "By the vote in round 1, tie settled by hand: Bo had a second thought",
    ]


def test_results_go_to_the_shared_screen_and_its_line_follows_the_one_here(
    panel: VotingPanel, hub: Hub, board: Board, presenter: FakePresenter, qtbot: QtBot
) -> None:
    r = tied_round(hub, board)
    view = panel.results_view
    view.top_spin.setValue(3)

    qtbot.mouseClick(view.screen_button, LEFT)
    assert presenter.calls == [("show_screen",), ("show_results", r.id, 3)]
    assert panel.screen_status.text() == "The shared screen shows the results of round 1."

    view.top_spin.setValue(1)
    assert presenter.calls[-1] == ("show_results", r.id, 1)
    view.least_radio.setChecked(True)
    view.least_spin.setValue(2)
    assert presenter.calls[-1] == ("show_results", r.id, 4)


def test_the_round_list_model_passes_the_model_tester(panel: VotingPanel, hub: Hub, board: Board,
                                                      qtmodeltester: object) -> None:  # fmt: skip
    tied_round(hub, board)
    opened(hub, board)
    panel.reload()
    assert panel.round_model.rowCount(QModelIndex()) == 2
    qtmodeltester.check(panel.round_model)  # type: ignore[attr-defined]
