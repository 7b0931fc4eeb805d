"""A whole round of dot voting in the facilitator's window and the booth on the shared screen.

Three voters come up to the booth in turn (one ballot is refused and put right), the results
are revealed, the line falls in a tie, a runoff settles it, and the shortlist is made.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.shortlist import shortlist
from app.voting import list_rounds, turnout
from app.voting_results import results
from app.voting_snapshots import Voter
from tests.ui import voting_panel_helpers
from tests.ui.voting_panel_helpers import LEFT, Answers, Board, all_texts, fake_exec
from ui.booth import VotingBooth
from ui.hub import Hub
from ui.voting_dialogs import RoundDialog
from ui.voting_panel import VotingPanel
from ui.workshop_page import WorkshopPage

board = voting_panel_helpers.board
page = voting_panel_helpers.page
english = voting_panel_helpers.english


class Room:
    """The facilitator's panel and the booth, driven as the people in the room would."""

    def __init__(self, page: WorkshopPage, board: Board, qtbot: QtBot) -> None:
        panel = page.work.currentWidget()
        assert isinstance(panel, VotingPanel)
        self.page, self.panel, self.board, self.qtbot = page, panel, board, qtbot

    @property
    def booth(self) -> VotingBooth:
        assert self.page.presenter.screen is not None
        return self.page.presenter.screen.booth

    def seen(self) -> list[str]:
        self.booth.grab()
        return self.booth.drawn_texts()

    def step_up(self, person: int) -> None:
        self.booth.grab()
        tile = self.booth.voter_rects()[Voter(participant_id=self.board.people[person])]
        self.qtbot.mouseClick(self.booth, LEFT, pos=tile.center().toPoint())
        assert self.booth.state == "ballot"

    def tap(self, idea: int) -> None:
        self.booth.grab()
        card = self.booth.card_rects()[self.board.ideas[idea]]
        self.qtbot.mouseClick(self.booth, LEFT, pos=card.center().toPoint())

    def take_back(self, idea: int) -> None:
        self.booth.grab()
        dot = self.booth.dot_rects(self.board.ideas[idea])[0]
        self.qtbot.mouseClick(self.booth, LEFT, pos=dot.center().toPoint())

    def done(self) -> None:
        self.booth.grab()
        button = self.booth.button_rects()["done"]
        self.qtbot.mouseClick(self.booth, LEFT, pos=button.center().toPoint())

    def vote(self, person: int, *ideas: int) -> None:
        self.step_up(person)
        for idea in ideas:
            self.tap(idea)
        self.done()
        assert self.booth.state == "neutral", self.booth.message

    def reveal(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(QMessageBox, "exec", Answers(True).exec)
        self.qtbot.mouseClick(self.panel.ballot_view.reveal_button, LEFT)
        assert self.panel.stack.currentWidget() is self.panel.results_view


def test_a_whole_round_three_voters_a_refusal_a_tie_a_runoff_and_the_shortlist(
    page: WorkshopPage, hub: Hub, board: Board, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    room = Room(page, board, qtbot)
    page.presenter.show_screen().setGeometry(0, 0, 1920, 1080)
    amira, bo, citizen = 0, 1, 2  # Amira gave idea 0

    # GIVEN a named round of two dots, one per idea, where nobody may vote for their own idea
    def rules(dialog: QDialog) -> None:
        assert isinstance(dialog, RoundDialog)
        dialog.dots.setValue(2)
        dialog.max_per_idea.setValue(1)
        dialog.allow_own.setChecked(False)
        dialog.named.setChecked(True)

    monkeypatch.setattr(RoundDialog, "exec", fake_exec(qtbot, [], rules))
    qtbot.mouseClick(room.panel.new_button, LEFT)
    (first,) = list_rounds(hub.db, board.workshop_id)
    assert (first.dots, first.max_per_idea, first.allow_own_ideas, first.anonymous) == (2, 1, False, False)
    qtbot.mouseClick(room.panel.draft_view.open_button, LEFT)
    qtbot.mouseClick(room.panel.ballot_view.booth_button, LEFT)
    assert "Next voter" in room.seen()

    # WHEN Amira taps her own idea, the booth refuses the dot at once and says why
    room.step_up(amira)
    room.tap(0)
    assert room.booth.placed() == {}
    assert room.booth.message == "In this round you may not vote for your own idea."
    assert "In this round you may not vote for your own idea." in room.seen()
    # ... and Done with no dot placed is a ballot refused whole: nothing is counted
    room.done()
    assert room.booth.state == "ballot"
    assert room.booth.message == "Place at least one dot before you press Done."
    assert turnout(hub.db, first.id).ballots == 0
    # ... she gives her dots to two other ideas: counted
    room.tap(1)
    room.tap(2)
    room.done()
    assert room.booth.state == "neutral"
    assert room.booth.placed() == {}
    seen_after = room.seen()
    assert "Next voter" in seen_after
    assert not any(board_title in " ".join(seen_after) for board_title in voting_panel_helpers.TITLES)

    room.vote(bo, 1, 3)
    # A half ballot left without Done is not counted
    room.step_up(citizen)
    room.tap(4)
    room.booth.press("cancel")
    assert room.booth.state == "neutral"
    room.vote(citizen, 1, 4)

    # THEN the facilitator sees who voted, but no count before the reveal
    assert room.panel.ballot_view.turnout.text() == "3 of 3 have voted"
    texts = " ".join(all_texts(room.panel))
    assert "Bo Ek" in texts
    assert room.panel.results_view.model.rowCount() == 0
    assert "ballots ·" not in texts

    # WHEN the results are revealed: idea 1 has three dots, ideas 2, 3 and 4 one each
    room.reveal(monkeypatch)
    tally = results(hub.db, first.id)
    assert [(r.idea_id, r.total, r.rank, r.shared) for r in tally.ideas[:4]] == [
        (board.ideas[1], 3, 1, False),
        (board.ideas[2], 1, 2, True),
        (board.ideas[3], 1, 2, True),
        (board.ideas[4], 1, 2, True),
    ]
    view = room.panel.results_view
    ranks = [view.model.index(row, view.model.RANK).data() for row in range(4)]
    assert ranks == ["1", "2 (shared)", "2 (shared)", "2 (shared)"]

    # ... two go on: the line falls in a three-way tie, said plainly, and no shortlist can be made yet
    view.top_spin.setValue(2)
    assert "3 ideas are tied for the last place" in view.cut_label.text()
    assert not view.shortlist_button.isEnabled()
    qtbot.mouseClick(view.screen_button, LEFT)
    screen = page.presenter.screen
    assert screen is not None
    screen.grab()
    assert "Tied at the line: 3 ideas for 1 place" in screen.drawn_texts()

    # ... one click starts a runoff between the tied ideas, at the booth at once
    qtbot.mouseClick(view.runoff_button, LEFT)
    runoff = list_rounds(hub.db, board.workshop_id)[-1]
    assert runoff.runoff_of_id == first.id
    assert set(runoff.eligible_ids) == {board.ideas[2], board.ideas[3], board.ideas[4]}
    assert (runoff.dots, runoff.max_per_idea) == (1, 1)
    assert page.presenter.voting_view is not None
    assert (page.presenter.voting_view.kind, page.presenter.voting_view.round_id) == ("booth", runoff.id)
    room.vote(amira, 3)
    room.vote(bo, 3)
    room.vote(citizen, 4)
    room.reveal(monkeypatch)
    assert [r.total for r in results(hub.db, runoff.id).ideas] == [2, 1, 0]

    # THEN back in the first round the tie is settled by the runoff, and the shortlist is made
    qtbot.mouseClick(room.panel.results_view.back_button, LEFT)
    assert room.panel.current_id == first.id
    view = room.panel.results_view
    view.top_spin.setValue(2)
    assert "settled by the runoff" in view.cut_label.text()
    qtbot.mouseClick(view.shortlist_button, LEFT)
    assert [item.idea_id for item in shortlist(hub.db, board.workshop_id)] == [board.ideas[1], board.ideas[3]]
    shortlist_model = room.panel.shortlist_view.model
    assert shortlist_model.rowCount() == 2
