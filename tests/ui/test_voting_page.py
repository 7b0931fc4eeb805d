"""The voting panel in the workshop page: the voting phase's work area, with the real shared screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app import agenda
from app.snapshots import WorkshopSnapshot
from app.voting import create_round, list_rounds
from app.voting_snapshots import RoundSpec
from tests.ui import voting_panel_helpers
from tests.ui.voting_panel_helpers import LEFT, Answers, Board, vote
from ui.hub import Hub
from ui.voting_panel import VotingPanel
from ui.workshop_page import WorkshopPage

board = voting_panel_helpers.board
english = voting_panel_helpers.english


@pytest.fixture
def page(hub: Hub, room: WorkshopSnapshot, board: Board, qtbot: QtBot) -> Iterator[WorkshopPage]:
    """The workshop page of a 1280x720 laptop, at the dot voting phase."""
    widget = WorkshopPage(hub)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show_workshop(room.id)
    widget.show()
    qtbot.waitExposed(widget)
    voting = next(p for p in room.phases if p.kind == "voting")
    widget._move("", lambda: agenda.go_to_phase(hub.db, room.id, voting.id))
    yield widget
    widget.presenter.close()


def test_the_voting_phase_opens_the_voting_panel_and_the_booth_goes_on_the_shared_screen(
    page: WorkshopPage, hub: Hub, board: Board, qtbot: QtBot
) -> None:
    panel = page.work.currentWidget()
    assert isinstance(panel, VotingPanel)
    r = create_round(hub.db, board.workshop_id, RoundSpec(dots=2, voters_expected=3))
    hub.votingChanged.emit(board.workshop_id, r.id)
    qtbot.mouseClick(panel.draft_view.open_button, LEFT)

    qtbot.mouseClick(panel.ballot_view.booth_button, LEFT)

    view = page.presenter.voting_view
    assert view is not None
    assert (view.kind, view.round_id) == ("booth", r.id)
    assert page.presenter.screen is not None
    assert page.presenter.screen.isVisible()
    assert panel.screen_status.text() == "The shared screen shows the booth of round 1."
    qtbot.mouseClick(panel.board_button, LEFT)
    assert page.presenter.voting_view is None
    assert panel.screen_status.isHidden()


def test_the_results_fit_a_1280x720_screen_without_scrolling_sideways(
    page: WorkshopPage, hub: Hub, board: Board, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = page.work.currentWidget()
    assert isinstance(panel, VotingPanel)
    r = create_round(hub.db, board.workshop_id, RoundSpec(dots=3, voters_expected=3))
    hub.votingChanged.emit(board.workshop_id, r.id)
    qtbot.mouseClick(panel.draft_view.open_button, LEFT)
    r = list_rounds(hub.db, board.workshop_id)[0]
    for voter in (1, 2, 3):
        vote(hub, board, r, voter, {0: 1, voter: 1, 5: 1})
    monkeypatch.setattr(QMessageBox, "exec", Answers(True).exec)
    qtbot.mouseClick(panel.ballot_view.reveal_button, LEFT)
    panel.results_view.top_spin.setValue(3)  # ideas 1, 2 and 3 tie for the third place

    assert panel.stack.currentWidget() is panel.results_view
    assert panel.results_view.runoff_button.isVisible()
    qtbot.waitUntil(lambda: panel.scroll.widget().width() <= panel.scroll.viewport().width())
    assert not panel.scroll.horizontalScrollBar().isVisible()
    assert not panel.scroll.verticalScrollBar().isVisible()  # the buttons are in sight, not below


def test_the_results_on_the_shared_screen_follow_the_line_drawn_here(
    page: WorkshopPage, hub: Hub, board: Board, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = page.work.currentWidget()
    assert isinstance(panel, VotingPanel)
    r = create_round(hub.db, board.workshop_id, RoundSpec(dots=2, voters_expected=3))
    hub.votingChanged.emit(board.workshop_id, r.id)
    qtbot.mouseClick(panel.draft_view.open_button, LEFT)
    r = list_rounds(hub.db, board.workshop_id)[0]
    for voter in (1, 2, 3):
        vote(hub, board, r, voter, {0: 1, voter: 1})
    monkeypatch.setattr(QMessageBox, "exec", Answers(True).exec)
    qtbot.mouseClick(panel.ballot_view.reveal_button, LEFT)
    panel.results_view.top_spin.setValue(1)

    qtbot.mouseClick(panel.results_view.screen_button, LEFT)
    assert page.presenter.voting_view is not None
    assert (page.presenter.voting_view.kind, page.presenter.voting_view.size) == ("results", 1)
    assert panel.screen_status.text() == "The shared screen shows the results of round 1."

    panel.results_view.top_spin.setValue(4)
    assert page.presenter.voting_view.size == 4
