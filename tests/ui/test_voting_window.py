"""The voting panel in the real facilitator's window (menu bar, toolbar, status bar) on a 1280x720 laptop."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from app import agenda
from app.participants import list_participants
from app.voting import cast_ballot, create_round, open_round
from app.voting_results import reveal_round
from app.voting_snapshots import RoundSnapshot, RoundSpec, Voter
from app.workshops import get_workshop
from ui.hub import Hub
from ui.main_window import MainWindow
from ui.voting_panel import VotingPanel

LAPTOP = QSize(1280, 720)


@pytest.fixture
def panel(demo_id: str, window: MainWindow, qtbot: QtBot) -> Iterator[VotingPanel]:
    """The demo workshop opened in the window at 1280x720, at its dot voting phase."""
    window.resize(LAPTOP)
    qtbot.waitUntil(lambda: window.size() == LAPTOP, timeout=5_000)
    window.open_workshop(demo_id)
    page = window.workshop_page
    voting = next(p for p in get_workshop(window.hub.db, demo_id).phases if p.kind == "voting")
    page._move("", lambda: agenda.go_to_phase(window.hub.db, demo_id, voting.id))
    widget = page.work.currentWidget()
    assert isinstance(widget, VotingPanel)
    yield widget
    page.presenter.close()


def revealed(hub: Hub, workshop_id: str, ballots: list[list[int]]) -> RoundSnapshot:
    """A round over all the demo's ideas, with a ballot per voter (dots on the ideas at these places)."""
    r = open_round(hub.db, create_round(hub.db, workshop_id, RoundSpec(dots=3, voters_expected=12)).id)
    for number, places in enumerate(ballots, start=1):
        cast_ballot(hub.db, r.id, Voter(number=number), {r.eligible_ids[i]: 1 for i in places})
    r = reveal_round(hub.db, r.id)
    hub.votingChanged.emit(workshop_id, r.id)
    return r


def in_sight(widget: QWidget) -> bool:
    """Shown whole: visible, and no part of it cut off by what it sits in."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def scroll_areas_around(widget: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            found.append(parent)
        parent = parent.parentWidget()
    return found


def test_the_results_line_tie_and_buttons_are_in_sight_and_the_table_scrolls_itself(
    panel: VotingPanel, demo_id: str, qtbot: QtBot
) -> None:
    # GIVEN a round over the demo's many ideas, revealed, with three ideas tied at the fourth place
    r = revealed(panel.hub, demo_id, [[0, 1, 2], [0, 1, 3], [0, 4, 5]])
    panel.select_round(r.id)
    view = panel.results_view
    view.top_spin.setValue(4)

    assert panel.stack.currentWidget() is view
    assert view.cut.is_tied  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: in_sight(view.shortlist_button))
    line = (view.cut_row, view.top_spin, view.least_spin, view.cut_label)
    buttons = (view.runoff_button, view.settle_button, view.screen_button, view.shortlist_button)
    for widget in (view.heading, *line, *buttons):
        assert in_sight(widget), widget
    assert scroll_areas_around(view) == []  # the page does not scroll: the table does
    assert view.table.verticalScrollBar().isVisible()
    assert view.table.height() >= 5 * view.table.verticalHeader().defaultSectionSize()
    assert not view.table.horizontalScrollBar().isVisible()


def test_a_newly_shown_round_starts_at_the_top(panel: VotingPanel, demo_id: str, qtbot: QtBot) -> None:
    first = revealed(panel.hub, demo_id, [[0, 1, 2], [3, 4, 5], [6, 7, 8]])
    second = revealed(panel.hub, demo_id, [[0, 1, 2], [0, 4, 5], [0, 7, 8]])
    panel.select_round(first.id)
    table = panel.results_view.table
    qtbot.waitUntil(lambda: table.verticalScrollBar().maximum() > 0)
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())

    panel.select_round(second.id)

    assert table.verticalScrollBar().value() == 0

    # A named round's long list of voters: scrolled down, then another round, which starts at the top.
    people = list_participants(panel.hub.db, demo_id)
    spec = RoundSpec(dots=2, voters_expected=len(people), anonymous=False)
    named = open_round(panel.hub.db, create_round(panel.hub.db, demo_id, spec).id)
    other = open_round(panel.hub.db, create_round(panel.hub.db, demo_id, spec).id)
    panel.hub.votingChanged.emit(demo_id, other.id)
    panel.select_round(named.id)
    scroll: QAbstractScrollArea = panel.ballot_view.scroll_area
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    assert not in_sight(panel.ballot_view.turnout)

    panel.select_round(other.id)

    assert scroll.verticalScrollBar().value() == 0
    assert in_sight(panel.ballot_view.turnout)
    for button in (panel.ballot_view.booth_button, panel.ballot_view.laptop_button,
                   panel.ballot_view.close_button, panel.ballot_view.reveal_button):  # fmt: skip
        assert in_sight(button), button.text()
