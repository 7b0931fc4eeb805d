"""The voting panel before the reveal: rounds and their rules, opening, turnout, paper dots, the reveal."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidget, QMessageBox
from pytestqt.qtbot import QtBot

from app.clusters import list_clusters
from app.ideas import list_ideas
from app.participants import list_participants, remove_participant
from app.voting import get_round, list_rounds, paper_tally
from app.voting_rules import default_dots
from app.voting_snapshots import RoundSnapshot
from models.enums import Eligibility, RoundState
from tests.ui import voting_panel_helpers
from tests.ui.voting_panel_helpers import (
    LEFT,
    Answers,
    Board,
    FakePresenter,
    all_texts,
    fake_exec,
    ok_button,
    opened,
    round_rows,
    vote,
)
from ui.hub import Hub
from ui.presenter_voting import booth_view
from ui.voting_dialogs import PaperDotsDialog, RoundDialog, checked_keys
from ui.voting_panel import VotingPanel

# The voting tests' shared fixtures: English strings, a board of six ideas, the panel.
board = voting_panel_helpers.board
english = voting_panel_helpers.english
panel = voting_panel_helpers.panel
presenter = voting_panel_helpers.presenter


def check(dialog_list: object, keys: set[str]) -> None:
    """Tick the items of a checkable list whose key is in ``keys``."""
    for row in range(dialog_list.count()):  # type: ignore[attr-defined]
        item = dialog_list.item(row)  # type: ignore[attr-defined]
        if item.data(Qt.ItemDataRole.UserRole) in keys:
            item.setCheckState(Qt.CheckState.Checked)


def test_without_rounds_the_panel_offers_a_new_one(panel: VotingPanel) -> None:
    assert panel.stack.currentWidget() is panel.empty_view
    assert panel.empty_new_button.isVisible()
    assert "No voting round yet" in panel.empty_text.text()
    assert not panel.edit_button.isEnabled()
    assert not panel.delete_button.isEnabled()
    assert panel.tabs.tabText(0) == "Voting rounds"
    assert panel.tabs.tabText(1) == "Shortlist"


def test_a_round_made_in_the_dialog_is_listed_with_its_rules_and_undo_takes_it_away(
    panel: VotingPanel, hub: Hub, board: Board, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QDialog] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, RoundDialog)
        # GIVEN the defaults: a budget from the six ideas, one dot per idea, anonymous, three voters
        assert dialog.dots.value() == default_dots(6)
        assert dialog.max_per_idea.value() == 1
        assert dialog.max_hint.text().startswith("One per idea")
        assert dialog.anonymous.isChecked()
        assert dialog.anonymity_hint.text() == (
            "Anonymous: ballots are stored without names; nobody can find out later who voted for what, "
            "not even you."
        )
        assert dialog.voters.value() == 3
        assert dialog.eligible_all.text() == "All ideas (6)"
        # WHEN the facilitator picks a theme, a cumulative budget of 4 and a named round
        dialog.eligible_themes.setChecked(True)
        check(dialog.themes, {board.themes[0]})
        assert dialog.dots.value() == default_dots(2)
        dialog.dots.setValue(4)
        dialog.max_per_idea.setValue(4)
        assert dialog.max_hint.text().startswith("Cumulative")
        dialog.named.setChecked(True)
        assert dialog.anonymity_hint.text() == (
            "Named: each ballot is kept with the voter's name, for a vote that should be on record; "
            "the results show totals only."
        )
        dialog.title_edit.setText("Morning ideas")

    monkeypatch.setattr(RoundDialog, "exec", fake_exec(qtbot, shown, fill))
    qtbot.mouseClick(panel.empty_new_button, LEFT)

    assert len(shown) == 1
    stored = list_rounds(hub.db, board.workshop_id)
    assert len(stored) == 1
    r = stored[0]
    assert (r.dots, r.max_per_idea, r.anonymous, r.eligibility) == (4, 4, False, Eligibility.CLUSTERS)
    assert r.cluster_ids == (board.themes[0],)
    assert round_rows(panel) == ["Round 1: Morning ideas\ndraft"]
    assert panel.stack.currentWidget() is panel.draft_view
    rules = panel.draft_view.rules.text()
    assert "Each voter has 4 dots and may put them all on one idea (cumulative)." in rules
    assert "On the ballot: 2 ideas in the themes Continuity." in rules
    assert "Named: each ballot is kept with the voter's name, for a vote that should be on record" in rules
    assert panel.edit_button.isEnabled()

    hub.undo_stack.undo()
    assert list_rounds(hub.db, board.workshop_id) == []
    assert round_rows(panel) == []
    assert panel.stack.currentWidget() is panel.empty_view

    hub.undo_stack.redo()
    assert round_rows(panel) == ["Round 1: Morning ideas\ndraft"]


def test_a_refused_rule_shows_beside_its_field_and_keeps_what_was_typed(
    panel: VotingPanel, hub: Hub, board: Board, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    failures: list[str] = []
    hub.failed.connect(failures.append)
    shown: list[QDialog] = []
    steps: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, RoundDialog)
        dialog.title_edit.setText("Afternoon")
        dialog.eligible_themes.setChecked(True)  # but no theme ticked
        qtbot.mouseClick(ok_button(dialog), LEFT)
        assert dialog.isVisible()
        assert dialog.errors["cluster_ids"].isVisible()
        assert dialog.errors["cluster_ids"].text() == "Choose at least one theme to vote on."
        steps.append("themes refused")

        dialog.eligible_ideas.setChecked(True)  # and no idea ticked
        qtbot.mouseClick(ok_button(dialog), LEFT)
        assert dialog.errors["idea_ids"].text() == "Choose at least one idea to vote on."
        assert dialog.errors["idea_ids"].isVisible()
        assert not dialog.errors["cluster_ids"].isVisible()
        steps.append("ideas refused")

        dialog.title_edit.setText("x" * 400)
        check(dialog.idea_list, {board.ideas[1], board.ideas[4]})
        qtbot.mouseClick(ok_button(dialog), LEFT)
        assert dialog.errors["title"].isVisible()
        assert "at most 300 fit" in dialog.errors["title"].text()
        steps.append("title refused")

        assert checked_keys(dialog.idea_list) == [board.ideas[1], board.ideas[4]]
        dialog.title_edit.setText("Afternoon")

    monkeypatch.setattr(RoundDialog, "exec", fake_exec(qtbot, shown, fill))
    qtbot.mouseClick(panel.new_button, LEFT)

    assert steps == ["themes refused", "ideas refused", "title refused"]
    assert failures == []  # shown in the dialog, not also in the message bar
    assert hub.undo_stack.count() == 1  # the refused tries left nothing to undo
    (r,) = list_rounds(hub.db, board.workshop_id)
    assert r.title == "Afternoon"
    assert r.eligible_ids == (board.ideas[1], board.ideas[4])
    assert "On the ballot: 2 chosen ideas." in panel.draft_view.rules.text()


def test_rules_can_be_edited_only_in_draft_and_the_edit_is_undoable(
    panel: VotingPanel, hub: Hub, board: Board, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = opened(hub, board)
    hub.votingChanged.emit(board.workshop_id, first.id)
    assert not panel.edit_button.isEnabled()  # the open round is chosen

    def new(dialog: QDialog) -> None:
        assert isinstance(dialog, RoundDialog)
        assert dialog.title_edit.placeholderText() == "Round 2"

    monkeypatch.setattr(RoundDialog, "exec", fake_exec(qtbot, [], new))
    qtbot.mouseClick(panel.new_button, LEFT)
    second = list_rounds(hub.db, board.workshop_id)[-1]
    assert panel.current_id == second.id
    assert panel.edit_button.isEnabled()

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, RoundDialog)
        assert dialog.dots.value() == second.dots  # the round's own rules, not the default
        dialog.dots.setValue(7)
        dialog.allow_own.setChecked(False)
        assert "Voters pick their name at the booth" in dialog.anonymity_hint.text()

    monkeypatch.setattr(RoundDialog, "exec", fake_exec(qtbot, [], edit))
    qtbot.mouseClick(panel.edit_button, LEFT)
    changed = get_round(hub.db, second.id)
    assert (changed.dots, changed.allow_own_ideas) == (7, False)
    assert "Each voter has 7 dots, one per idea." in panel.draft_view.rules.text()
    assert "Voters may not vote for their own ideas." in panel.draft_view.rules.text()

    hub.undo_stack.undo()
    assert get_round(hub.db, second.id).dots == second.dots
    assert f"Each voter has {second.dots} dots" in panel.draft_view.rules.text()


def test_opening_shows_the_turnout_which_follows_the_ballots(
    panel: VotingPanel, hub: Hub, board: Board, presenter: FakePresenter, qtbot: QtBot
) -> None:
    from app.voting import create_round
    from app.voting_snapshots import RoundSpec

    r = create_round(hub.db, board.workshop_id, RoundSpec(dots=2, voters_expected=3))
    hub.votingChanged.emit(board.workshop_id, r.id)
    assert panel.stack.currentWidget() is panel.draft_view

    qtbot.mouseClick(panel.draft_view.open_button, LEFT)

    assert get_round(hub.db, r.id).state is RoundState.OPEN
    assert panel.stack.currentWidget() is panel.ballot_view
    assert panel.ballot_view.turnout.text() == "0 of 3 have voted"
    assert panel.ballot_view.voters_note.text() == "Anonymous round: nobody sees who has voted."
    assert panel.ballot_view.voters_box.isHidden()
    assert round_rows(panel) == ["Round 1\nvoting open · 0 of 3 have voted"]
    assert hub.undo_stack.count() == 0  # the room saw it open: not undoable

    vote(hub, board, get_round(hub.db, r.id), 1, {0: 1, 1: 1})
    assert panel.ballot_view.turnout.text() == "1 of 3 has voted"
    vote(hub, board, get_round(hub.db, r.id), 2, {2: 1})
    assert panel.ballot_view.turnout.text() == "2 of 3 have voted"
    assert round_rows(panel) == ["Round 1\nvoting open · 2 of 3 have voted"]

    qtbot.mouseClick(panel.ballot_view.booth_button, LEFT)
    assert presenter.calls == [("show_screen",), ("show_booth", r.id)]
    assert panel.screen_status.text() == "The shared screen shows the booth of round 1."
    qtbot.mouseClick(panel.board_button, LEFT)
    assert presenter.calls[-1] == ("show_board",)
    assert panel.screen_status.isHidden()

    qtbot.mouseClick(panel.ballot_view.close_button, LEFT)
    assert get_round(hub.db, r.id).state is RoundState.CLOSED
    assert panel.ballot_view.heading.text() == "Round 1 · voting closed"
    assert panel.ballot_view.close_button.isHidden()
    assert panel.ballot_view.booth_button.isHidden()


def names(widget: QListWidget) -> list[str]:
    return [widget.item(row).text() for row in range(widget.count())]


def booth_numbers(hub: Hub, board: Board, r: RoundSnapshot) -> dict[str, int]:
    """The number on each participant's tile at the booth of round ``r``."""
    ideas = {i.id: i for i in list_ideas(hub.db, board.workshop_id)}
    people = {p.id: p for p in list_participants(hub.db, board.workshop_id)}
    view = booth_view(r, ideas, list_clusters(hub.db, board.workshop_id), people)
    return {t.voter.participant_id: t.number for t in view.voters if t.voter.participant_id}


def test_a_named_round_shows_who_has_voted_and_who_not_yet_by_their_number_at_the_booth(
    panel: VotingPanel, hub: Hub, board: Board
) -> None:
    # GIVEN Bo Ek taken off the list of participants: the booth numbers the others 1 and 2
    remove_participant(hub.db, board.people[1])
    hub.participantsChanged.emit(board.workshop_id)
    r = opened(hub, board, anonymous=False)
    hub.votingChanged.emit(board.workshop_id, r.id)
    view = panel.ballot_view
    assert view.voters_box.isVisible()
    assert view.voted_caption.text() == "Have voted (0)"
    assert names(view.waiting_list) == ["1. Amira Hassan · Employee", "2. Citizen"]
    assert booth_numbers(hub, board, r) == {board.people[0]: 1, board.people[2]: 2}
    assert view.waiting_list.toolTip() == "Each voter's number is the one on their tile at the booth."

    vote(hub, board, r, 3, {1: 1})

    assert view.voted_caption.text() == "Have voted (1)"
    assert names(view.voted_list) == ["2. Citizen"]
    assert view.waiting_caption.text() == "Not yet (1)"
    assert names(view.waiting_list) == ["1. Amira Hassan · Employee"]


def test_no_count_shows_anywhere_in_the_panel_before_the_reveal(
    panel: VotingPanel, hub: Hub, board: Board, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a cumulative round whose totals are numbers nothing else in the panel shows
    r = opened(hub, board, dots=90, max_per_idea=90)
    hub.votingChanged.emit(board.workshop_id, r.id)
    vote(hub, board, r, 1, {0: 37, 1: 23})
    vote(hub, board, r, 2, {0: 24, 2: 41})
    counts = re.compile(r"\b(37|23|24|41|61|58|99)\b")

    def no_count_shown() -> None:
        qtbot.waitUntil(lambda: not panel.findChildren(QDialog))  # a closed dialog is let go
        texts = all_texts(panel)
        assert texts  # the panel does show text
        assert [t for t in texts if counts.search(t)] == []

    no_count_shown()

    def paper(dialog: QDialog) -> None:
        assert isinstance(dialog, PaperDotsDialog)
        dialog.spins[board.ideas[3]].setValue(58)

    monkeypatch.setattr(PaperDotsDialog, "exec", fake_exec(qtbot, [], paper))
    qtbot.mouseClick(panel.ballot_view.paper_button, LEFT)
    no_count_shown()
    qtbot.mouseClick(panel.ballot_view.close_button, LEFT)
    no_count_shown()

    monkeypatch.setattr(QMessageBox, "exec", Answers(True, True).exec)  # two ballots: a warning, then yes
    qtbot.mouseClick(panel.ballot_view.reveal_button, LEFT)

    assert panel.stack.currentWidget() is panel.results_view
    assert counts.search(" ".join(all_texts(panel)))  # and after the reveal they are there


def test_paper_dots_are_saved_join_the_tally_and_undo_puts_back_what_was_there(
    panel: VotingPanel, hub: Hub, board: Board, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = opened(hub, board)
    hub.votingChanged.emit(board.workshop_id, r.id)
    assert panel.ballot_view.paper_note.text() == "No paper dots have been entered."

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, PaperDotsDialog)
        assert dialog.table.rowCount() == 6
        assert dialog.table.item(0, 0).text() == "Fixed contact person"
        dialog.spins[board.ideas[1]].setValue(4)
        dialog.spins[board.ideas[5]].setValue(2)
        assert dialog.total.text() == "6 paper dots in all."

    monkeypatch.setattr(PaperDotsDialog, "exec", fake_exec(qtbot, [], fill))
    qtbot.mouseClick(panel.ballot_view.paper_button, LEFT)

    assert paper_tally(hub.db, r.id) == {board.ideas[1]: 4, board.ideas[5]: 2}
    assert panel.ballot_view.paper_note.text().startswith("Paper dots have been entered")

    def more(dialog: QDialog) -> None:
        assert isinstance(dialog, PaperDotsDialog)
        assert dialog.spins[board.ideas[1]].value() == 4  # what was typed before
        dialog.spins[board.ideas[1]].setValue(0)
        dialog.spins[board.ideas[2]].setValue(3)

    monkeypatch.setattr(PaperDotsDialog, "exec", fake_exec(qtbot, [], more))
    qtbot.mouseClick(panel.ballot_view.paper_button, LEFT)
    assert paper_tally(hub.db, r.id) == {board.ideas[2]: 3, board.ideas[5]: 2}

    hub.undo_stack.undo()
    assert paper_tally(hub.db, r.id) == {board.ideas[1]: 4, board.ideas[5]: 2}
    hub.undo_stack.undo()
    assert paper_tally(hub.db, r.id) == {}
    assert panel.ballot_view.paper_note.text() == "No paper dots have been entered."


def test_the_reveal_asks_first_and_warns_when_an_anonymous_round_has_few_ballots(
    panel: VotingPanel, hub: Hub, board: Board, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = opened(hub, board)
    hub.votingChanged.emit(board.workshop_id, r.id)
    vote(hub, board, r, 1, {0: 1})

    # WHEN the facilitator cancels the first question, nothing happens
    answers = Answers(False)
    monkeypatch.setattr(QMessageBox, "exec", answers.exec)
    qtbot.mouseClick(panel.ballot_view.reveal_button, LEFT)
    assert [icon for icon, _text in answers.asked] == [QMessageBox.Icon.Question]
    assert answers.asked[0][1].startswith("Reveal the results of Round 1?")
    assert get_round(hub.db, r.id).state is RoundState.OPEN

    # WHEN they confirm, they are warned of the single ballot, and No keeps the counts hidden
    answers = Answers(True, False)
    monkeypatch.setattr(QMessageBox, "exec", answers.exec)
    qtbot.mouseClick(panel.ballot_view.reveal_button, LEFT)
    assert answers.asked[1][0] == QMessageBox.Icon.Warning
    assert "Only 1 ballot was cast in this anonymous round" in answers.asked[1][1]
    assert get_round(hub.db, r.id).state is RoundState.OPEN
    assert panel.stack.currentWidget() is panel.ballot_view

    # WHEN they answer yes to both, the results are revealed
    monkeypatch.setattr(QMessageBox, "exec", Answers(True, True).exec)
    qtbot.mouseClick(panel.ballot_view.reveal_button, LEFT)
    assert get_round(hub.db, r.id).state is RoundState.REVEALED
    assert panel.stack.currentWidget() is panel.results_view
    assert round_rows(panel) == ["Round 1\nresults revealed · 1 of 3 has voted"]


def test_a_round_with_ballots_is_deleted_only_when_confirmed_and_undo_brings_it_back(
    panel: VotingPanel, hub: Hub, board: Board, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = opened(hub, board)
    vote(hub, board, r, 1, {0: 1})
    assert not panel.delete_button.isEnabled()  # not while it takes ballots
    assert panel.delete_button.toolTip() == "Close voting before deleting the round."
    qtbot.mouseClick(panel.ballot_view.close_button, LEFT)
    answers = Answers(False)
    monkeypatch.setattr(QMessageBox, "exec", answers.exec)

    qtbot.mouseClick(panel.delete_button, LEFT)
    assert answers.asked[0][1] == "Round 1 has 1 ballot. Delete the round? Undo (Ctrl+Z) brings it back."
    assert len(list_rounds(hub.db, board.workshop_id)) == 1

    monkeypatch.setattr(QMessageBox, "exec", Answers(True).exec)
    qtbot.mouseClick(panel.delete_button, LEFT)
    assert list_rounds(hub.db, board.workshop_id) == []
    assert panel.stack.currentWidget() is panel.empty_view

    hub.undo_stack.undo()
    assert round_rows(panel) == ["Round 1\nvoting closed · 1 of 3 has voted"]


def test_undo_never_takes_away_a_round_the_room_has_voted_in(
    panel: VotingPanel, hub: Hub, board: Board, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    failures: list[str] = []
    hub.failed.connect(failures.append)
    monkeypatch.setattr(RoundDialog, "exec", fake_exec(qtbot, [], lambda _dialog: None))
    qtbot.mouseClick(panel.new_button, LEFT)
    qtbot.mouseClick(panel.draft_view.open_button, LEFT)

    hub.undo_stack.undo()

    assert failures == ["Round 1 has been opened in the room; delete it from the list of rounds instead."]
    assert len(list_rounds(hub.db, board.workshop_id)) == 1
