"""Where the ballots are taken (the booth on the shared screen, or on this laptop passed round),
and what the panel does while someone is placing one."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.voting import get_round
from models.enums import RoundState
from tests.ui import voting_panel_helpers
from tests.ui.voting_panel_helpers import LEFT, Answers, Board, FakePresenter, opened, vote
from ui.hub import Hub
from ui.voting_panel import VotingPanel

# The voting tests' shared fixtures: English strings, a board of six ideas, the panel.
board = voting_panel_helpers.board
english = voting_panel_helpers.english
panel = voting_panel_helpers.panel
presenter = voting_panel_helpers.presenter

BUSY = "Someone is voting at the booth now."
NOT_COUNTED = "Someone is voting at the booth now. The ballot being placed will not be counted."


def test_the_booth_opens_on_the_shared_screen_or_on_this_laptop_and_says_when_to_use_which(
    panel: VotingPanel, hub: Hub, board: Board, presenter: FakePresenter, qtbot: QtBot
) -> None:
    r = opened(hub, board)
    hub.votingChanged.emit(board.workshop_id, r.id)
    view = panel.ballot_view
    assert view.booth_button.text() == "Show the booth on the shared screen"
    assert view.laptop_button.text() == "Open the booth on this laptop"
    assert view.booth_hint.isVisible()
    assert view.booth_hint.text() == (
        "The shared screen shows every dot as it is placed; the laptop keeps each ballot to its voter."
    )

    qtbot.mouseClick(view.laptop_button, LEFT)

    assert presenter.calls == [("show_screen",), ("show_booth", r.id, True)]
    assert panel.screen_status.text() == (
        "The booth of round 1 is open on this laptop; the shared screen shows the turnout."
    )

    qtbot.mouseClick(view.booth_button, LEFT)

    assert presenter.calls[-1] == ("show_booth", r.id)
    assert panel.screen_status.text() == "The shared screen shows the booth of round 1."

    qtbot.mouseClick(view.close_button, LEFT)  # nobody at the booth: closed without a question
    assert get_round(hub.db, r.id).state is RoundState.CLOSED
    assert view.booth_button.isHidden()
    assert view.laptop_button.isHidden()
    assert view.booth_hint.isHidden()


def test_a_runoff_opens_its_booth_where_the_last_booth_was(
    panel: VotingPanel, hub: Hub, board: Board, presenter: FakePresenter, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    r = opened(hub, board)
    hub.votingChanged.emit(board.workshop_id, r.id)
    qtbot.mouseClick(panel.ballot_view.laptop_button, LEFT)
    for voter, idea in ((1, 1), (2, 2), (3, 0)):
        vote(hub, board, r, voter, {idea: 1})
    monkeypatch.setattr(QMessageBox, "exec", Answers(True).exec)
    qtbot.mouseClick(panel.ballot_view.reveal_button, LEFT)
    panel.results_view.top_spin.setValue(2)  # ideas 0, 1 and 2 tie with one dot each

    qtbot.mouseClick(panel.results_view.runoff_button, LEFT)

    runoff = next(x for x in panel.rounds if x.runoff_of_id == r.id)
    assert presenter.calls[-1] == ("show_booth", runoff.id, True)


def test_while_someone_is_voting_the_panel_says_so_and_closing_asks_first(
    panel: VotingPanel, hub: Hub, board: Board, presenter: FakePresenter, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    r = opened(hub, board)
    hub.votingChanged.emit(board.workshop_id, r.id)
    view = panel.ballot_view
    qtbot.mouseClick(view.laptop_button, LEFT)
    assert view.busy_note.isHidden()

    presenter.step_up()

    assert view.busy_note.isVisible()
    assert view.busy_note.text() == BUSY

    # WHEN the facilitator closes voting and cancels the question, voting stays open
    answers = Answers(False)
    monkeypatch.setattr(QMessageBox, "exec", answers.exec)
    qtbot.mouseClick(view.close_button, LEFT)
    assert answers.asked == [(QMessageBox.Icon.Warning, f"{NOT_COUNTED} Close anyway?")]
    assert get_round(hub.db, r.id).state is RoundState.OPEN

    # WHEN they confirm, voting closes
    monkeypatch.setattr(QMessageBox, "exec", Answers(True).exec)
    qtbot.mouseClick(view.close_button, LEFT)
    assert get_round(hub.db, r.id).state is RoundState.CLOSED

    # Done or Cancel at the booth: the note goes
    presenter.step_up(False)
    assert view.busy_note.isHidden()


def test_while_someone_is_voting_the_reveal_warns_that_their_ballot_is_not_counted(
    panel: VotingPanel, hub: Hub, board: Board, presenter: FakePresenter, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    r = opened(hub, board)
    hub.votingChanged.emit(board.workshop_id, r.id)
    for voter in (1, 2, 3):
        vote(hub, board, r, voter, {voter: 1})
    qtbot.mouseClick(panel.ballot_view.booth_button, LEFT)
    presenter.step_up()

    answers = Answers(False)
    monkeypatch.setattr(QMessageBox, "exec", answers.exec)
    qtbot.mouseClick(panel.ballot_view.reveal_button, LEFT)

    [(icon, text)] = answers.asked
    assert icon == QMessageBox.Icon.Warning
    assert text.startswith(f"{NOT_COUNTED} Reveal the results of Round 1?")
    assert get_round(hub.db, r.id).state is RoundState.OPEN

    monkeypatch.setattr(QMessageBox, "exec", Answers(True).exec)
    qtbot.mouseClick(panel.ballot_view.reveal_button, LEFT)
    assert get_round(hub.db, r.id).state is RoundState.REVEALED


def test_a_ballot_at_another_rounds_booth_is_not_this_rounds(
    panel: VotingPanel, hub: Hub, board: Board, presenter: FakePresenter, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    first = opened(hub, board)
    second = opened(hub, board)
    hub.votingChanged.emit(board.workshop_id, second.id)
    panel.select_round(second.id)
    qtbot.mouseClick(panel.ballot_view.booth_button, LEFT)
    presenter.step_up()
    assert panel.ballot_view.busy_note.isVisible()

    panel.select_round(first.id)

    assert panel.ballot_view.busy_note.isHidden()
    answers = Answers()
    monkeypatch.setattr(QMessageBox, "exec", answers.exec)
    qtbot.mouseClick(panel.ballot_view.close_button, LEFT)
    assert answers.asked == []  # nobody is at round 1's booth
    assert get_round(hub.db, first.id).state is RoundState.CLOSED
