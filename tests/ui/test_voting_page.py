"""The voting panel in the workshop page: the voting phase's work area, with the real shared screen."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.voting import close_round, create_round, get_round, list_rounds
from app.voting_snapshots import RoundSpec, Voter
from models.enums import RoundState
from tests.ui import voting_panel_helpers
from tests.ui.voting_panel_helpers import LEFT, Answers, Board, opened, vote
from ui.hub import Hub
from ui.voting_panel import VotingPanel
from ui.workshop_page import WorkshopPage

board = voting_panel_helpers.board
page = voting_panel_helpers.page
english = voting_panel_helpers.english


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


def test_the_booth_opens_on_this_laptop_and_the_panel_knows_when_someone_is_voting_there(
    page: WorkshopPage, hub: Hub, board: Board, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = page.work.currentWidget()
    assert isinstance(panel, VotingPanel)
    r = opened(hub, board)
    hub.votingChanged.emit(board.workshop_id, r.id)

    qtbot.mouseClick(panel.ballot_view.laptop_button, LEFT)

    view = page.presenter.voting_view
    assert view is not None
    assert (view.kind, view.round_id, view.here) == ("booth", r.id, True)
    window = page.presenter.booth_window
    assert window is not None
    qtbot.waitUntil(window.isVisible)
    assert panel.screen_status.text() == (
        "The booth of round 1 is open on this laptop; the shared screen shows the turnout."
    )
    assert panel.ballot_view.busy_note.isHidden()

    # WHEN voter 1 steps up at the laptop, the panel says someone is voting
    window.booth.grab()
    tile = window.booth.voter_rects()[Voter(number=1)]
    qtbot.mouseClick(window.booth, LEFT, pos=tile.center().toPoint())
    assert page.presenter.ballot_in_progress
    assert not panel.ballot_view.busy_note.isHidden()
    assert panel.ballot_view.busy_note.text() == "Someone is voting at the booth now."

    # and closing voting asks first; Cancel keeps it open
    answers = Answers(False)
    monkeypatch.setattr(QMessageBox, "exec", answers.exec)
    qtbot.mouseClick(panel.ballot_view.close_button, LEFT)
    assert [icon for icon, _text in answers.asked] == [QMessageBox.Icon.Warning]
    assert answers.asked[0][1].endswith("The ballot being placed will not be counted. Close anyway?")
    assert get_round(hub.db, r.id).state is RoundState.OPEN

    monkeypatch.setattr(QMessageBox, "exec", Answers(True).exec)
    qtbot.mouseClick(panel.ballot_view.close_button, LEFT)
    closed = get_round(hub.db, r.id)
    assert (closed.state, closed.ballots) == (RoundState.CLOSED, 0)
    assert panel.ballot_view.busy_note.isHidden()


def choose(answer: str, asked: list[str]) -> Callable[[QMessageBox], int]:
    """A stand-in for QMessageBox.exec that notes the question and clicks the button named ``answer``."""

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == answer).click()
        return 0

    return exec_


OPEN_IN_ROUND_1 = "Voting is still open in round 1. Close it and go on, go on and leave it open, or stay?"


@pytest.mark.parametrize(
    ("answer", "state", "phase"),
    [
        ("Close voting and go on", RoundState.CLOSED, "review"),
        ("Go on, voting stays open", RoundState.OPEN, "review"),
        ("Stay", RoundState.OPEN, "voting"),
    ],
)
def test_leaving_the_voting_phase_while_a_round_is_open_asks_first(
    page: WorkshopPage, hub: Hub, board: Board, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
    answer: str, state: RoundState, phase: str,
) -> None:  # fmt: skip
    r = opened(hub, board)
    hub.votingChanged.emit(board.workshop_id, r.id)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", choose(answer, asked))

    qtbot.mouseClick(page.next_button, LEFT)

    assert asked == [OPEN_IN_ROUND_1]
    assert get_round(hub.db, r.id).state is state
    assert current_kind(page) == phase


def current_kind(page: WorkshopPage) -> str:
    assert page.workshop is not None
    assert page.workshop.current_phase is not None
    return page.workshop.current_phase.kind


def test_every_way_out_of_the_voting_phase_asks_and_none_asks_without_an_open_round(
    page: WorkshopPage, hub: Hub, board: Board, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = opened(hub, board)
    second = opened(hub, board)
    hub.votingChanged.emit(board.workshop_id, second.id)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", choose("Stay", asked))
    two_open = (
        "Voting is still open in rounds 1, 2. Close them and go on, go on and leave them open, or stay?"
    )

    qtbot.mouseClick(page.previous_button, LEFT)
    assert asked == [two_open]
    page.agenda.setCurrentIndex(page.agenda_model.index(0))  # a jump to the first phase
    page.agenda.setFocus()
    qtbot.keyClick(page.agenda, Qt.Key.Key_Return)
    assert len(asked) == 2
    voting_row = next(p.position for p in page.workshop.phases if p.kind == "voting")  # type: ignore[union-attr]
    page.agenda.setCurrentIndex(page.agenda_model.index(voting_row))
    qtbot.mouseClick(page.skip_button, LEFT)  # skipping the current phase moves on
    assert len(asked) == 3
    page.agenda.setCurrentIndex(page.agenda_model.index(voting_row + 2))
    qtbot.mouseClick(page.skip_button, LEFT)  # skipping a later phase stays here: not asked
    assert len(asked) == 3
    assert current_kind(page) == "voting"

    # With voting closed in both rounds, the agenda moves on without a question.
    for each in (r, second):
        close_round(hub.db, each.id)
    hub.votingChanged.emit(board.workshop_id, r.id)
    qtbot.mouseClick(page.next_button, LEFT)
    assert len(asked) == 3
    assert current_kind(page) != "voting"


def test_leaving_asks_with_a_warning_while_someone_is_at_the_booth() -> None:
    from ui.voting_leave import leaving_question

    r = SimpleNamespace(number=3)
    question = leaving_question([r], busy=True)  # type: ignore[list-item]
    assert question == (
        "Voting is still open in round 3. Close it and go on, go on and leave it open, or stay?\n\n"
        "Someone is voting at the booth now: if you close, the ballot being placed will not be counted."
    )
