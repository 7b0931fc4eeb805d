"""The revealed results on the shared screen: ranks (shared ones marked), bars of dots, totals, cut line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from app.i18n import _, ngettext
from app.ideas import add_idea
from app.participants import list_participants
from app.snapshots import WorkshopSnapshot
from app.voting import cast_ballot, create_round, open_round, set_paper_tally
from app.voting_results import reveal_round, set_shortlist_size, settle_tie
from app.voting_snapshots import RoundSpec, Voter
from app.workshops import get_workshop
from ui.board_canvas import BACKGROUND, MIN_TYPE, contrast
from ui.hub import Hub
from ui.presenter import Presenter
from ui.results_screen import DOT, LINE, TIE
from ui.room_timer import RoomTimer
from ui.scene import ResultRow, ResultsView, Scene, SceneKind
from ui.shared_screen import SharedScreen

FULL_HD = (1920, 1080)
TITLES = ("Fast omsorgskontakt", "Veckoschema med foto", "Kaffe vid varje besök", "Fikavänner", "Samåkning",
          "Kvarterssoppa")  # fmt: skip


@dataclass
class Revealed:
    hub: Hub
    workshop: WorkshopSnapshot
    presenter: Presenter
    screen: SharedScreen
    round_id: str
    ideas: list[str]

    def seen(self) -> list[str]:
        self.screen.grab()
        return self.screen.drawn_texts()

    def line_label(self, going_on: int) -> str:
        return ngettext(
            "Above the line: {n} idea goes on", "Above the line: {n} ideas go on", going_on
        ).format(n=going_on)


@pytest.fixture
def revealed(hub: Hub, room: WorkshopSnapshot, qtbot: QtBot) -> Iterator[Revealed]:
    """Totals 3, 2, 2, 1, 0, 0 over the six ideas: ranks 1, 2, 2, 4, 5, 5."""
    ideas = [add_idea(hub.db, room.id, title).id for title in TITLES]
    spec = RoundSpec(dots=3, max_per_idea=2, anonymous=False, title="Vilka går vidare?")
    snapshot = open_round(hub.db, create_round(hub.db, room.id, spec).id)
    people = [p.id for p in list_participants(hub.db, room.id)]
    ballots = (
        {ideas[0]: 2, ideas[1]: 1},
        {ideas[0]: 1, ideas[2]: 1, ideas[3]: 1},
        {ideas[1]: 1, ideas[2]: 1},
    )
    for person, dots in zip(people, ballots, strict=True):
        cast_ballot(hub.db, snapshot.id, Voter(participant_id=person), dots)
    presenter = Presenter(hub, RoomTimer())
    presenter.open_workshop(get_workshop(hub.db, room.id))
    screen = presenter.show_screen()
    screen.resize(*FULL_HD)
    yield Revealed(hub, room, presenter, screen, snapshot.id, ideas)
    presenter.close()


def test_nothing_is_shown_before_the_reveal(revealed: Revealed, qtbot: QtBot) -> None:
    with qtbot.waitSignal(revealed.hub.failed, timeout=1000):
        revealed.presenter.show_results(revealed.round_id)
    assert revealed.presenter.voting_view is None
    assert revealed.presenter.scene.kind is not SceneKind.RESULTS
    assert not any(t.isdigit() for t in revealed.seen())


def test_the_ranking_shows_ranks_titles_totals_and_shared_ranks(revealed: Revealed) -> None:
    reveal_round(revealed.hub.db, revealed.round_id)
    revealed.presenter.show_results(revealed.round_id)
    texts = revealed.seen()
    assert revealed.presenter.scene.kind is SceneKind.RESULTS
    assert _("Results: {title}").format(title="Vilka går vidare?") in texts
    assert ngettext("{n} ballot", "{n} ballots", 3).format(n=3) in texts
    rows = revealed.screen.result_rects()
    assert list(rows) == [revealed.ideas[i] for i in (0, 1, 2, 3)]
    ranks_and_totals = []
    for rect in rows.values():
        on_row = [d.text for d in revealed.screen.drawn() if rect.contains(d.rect.center())]
        ranks_and_totals.append((on_row[0], _("tie") in on_row, on_row[-1]))
    assert ranks_and_totals == [
        ("1", False, "3"),
        ("2", True, "2"),
        ("2", True, "2"),
        ("4", False, "1"),
    ]
    assert revealed.screen.cut_line_rect() is None  # no size: no line
    assert revealed.presenter.voting_view is not None
    assert revealed.presenter.voting_view.kind == "results"


def test_ideas_without_dots_are_one_line_at_the_end_without_a_tie_badge(revealed: Revealed) -> None:
    # GIVEN the two ideas without dots (sharing rank 5) and a line after the top two
    reveal_round(revealed.hub.db, revealed.round_id)
    revealed.presenter.show_results(revealed.round_id, 1)
    texts = revealed.seen()
    # THEN they are counted on one line under the others, not drawn as rows, and no "tie" is shown for them
    label = ngettext("{n} idea without dots", "{n} ideas without dots", 2).format(n=2)
    assert label in texts
    assert not any(TITLES[4] in t or TITLES[5] in t for t in texts)
    assert texts.count(_("tie")) == 2  # the two ideas sharing rank 2 only
    zeros = revealed.screen.without_dots_rect()
    line = revealed.screen.cut_line_rect()
    assert zeros is not None
    assert line is not None
    last_row = max(r.bottom() for r in revealed.screen.result_rects().values())
    assert line.bottom() <= zeros.top()
    assert last_row <= zeros.top()


def test_the_cut_line_falls_after_the_ideas_that_go_on(revealed: Revealed) -> None:
    reveal_round(revealed.hub.db, revealed.round_id)
    revealed.presenter.show_results(revealed.round_id, 1)
    assert revealed.line_label(1) in revealed.seen()
    line = revealed.screen.cut_line_rect()
    rows = revealed.screen.result_rects()
    assert line is not None
    assert rows[revealed.ideas[0]].bottom() <= line.top() < line.bottom() <= rows[revealed.ideas[1]].top()


def test_a_tie_at_the_line_is_marked_on_the_line_and_its_rows(revealed: Revealed) -> None:
    reveal_round(revealed.hub.db, revealed.round_id)
    revealed.presenter.show_results(revealed.round_id, 2)
    texts = revealed.seen()
    tie = ngettext(
        "Tied at the line: {n} ideas for {places} place", "Tied at the line: {n} ideas for {places} places", 1
    ).format(n=2, places=1)
    assert tie in texts
    tie_size = next(d.pixel_size for d in revealed.screen.drawn() if d.text == tie)
    title_size = next(d.pixel_size for d in revealed.screen.drawn() if d.text == TITLES[0])
    assert tie_size == title_size  # the line's label reads as well as the rows
    view = revealed.presenter.scene.results
    assert view is not None
    assert [r.idea_id for r in view.rows if r.at_line] == revealed.ideas[1:3]
    line = revealed.screen.cut_line_rect()
    assert line is not None
    assert line.top() >= revealed.screen.result_rects()[revealed.ideas[2]].bottom()


def test_a_tie_settled_by_hand_puts_the_line_where_it_was_decided(revealed: Revealed) -> None:
    reveal_round(revealed.hub.db, revealed.round_id)
    settle_tie(revealed.hub.db, revealed.round_id, 2, [revealed.ideas[2], revealed.ideas[1]], "Lottning")
    revealed.presenter.show_results(revealed.round_id, 2)
    texts = revealed.seen()
    assert revealed.line_label(2) in texts
    # The reason is for the facilitator's record: the room reads only who settled it.
    assert any(_("Tie settled by the facilitator") in t for t in texts)
    assert not any("Lottning" in t for t in texts)
    order = list(revealed.screen.result_rects())
    assert order[:3] == [revealed.ideas[0], revealed.ideas[2], revealed.ideas[1]]
    line = revealed.screen.cut_line_rect()
    assert line is not None
    assert revealed.screen.result_rects()[revealed.ideas[2]].bottom() <= line.top()


def test_the_line_follows_a_changed_shortlist_size(revealed: Revealed, qtbot: QtBot) -> None:
    reveal_round(revealed.hub.db, revealed.round_id)
    revealed.presenter.show_results(revealed.round_id, 1)
    set_shortlist_size(revealed.hub.db, revealed.round_id, 3)
    with qtbot.waitSignal(revealed.presenter.votingViewChanged, timeout=1000):
        revealed.hub.votingChanged.emit(revealed.workshop.id, revealed.round_id)
    assert revealed.presenter.voting_view is not None
    assert revealed.presenter.voting_view.size == 3
    assert revealed.line_label(3) in revealed.seen()


def test_large_totals_draw_one_dot_for_several_and_say_so(revealed: Revealed) -> None:
    set_paper_tally(revealed.hub.db, revealed.round_id, {revealed.ideas[4]: 480})
    reveal_round(revealed.hub.db, revealed.round_id)
    revealed.presenter.show_results(revealed.round_id)
    texts = revealed.seen()
    legend = [t for t in texts if t.startswith("=")]
    assert len(legend) == 1
    per_dot = int(legend[0].split()[1])
    assert per_dot > 1
    assert legend[0] == ngettext("= {k} dot", "= {k} dots", per_dot).format(k=per_dot)
    assert "480" in texts
    assert any(ngettext("{n} dot on paper", "{n} dots on paper", 480).format(n=480) in t for t in texts)


def many(count: int) -> ResultsView:
    rows = tuple(
        ResultRow(f"i{n}", n + 1, False, f"Idé nummer {n + 1} om trygghet hemma", count - n, n < 5, False)
        for n in range(count)
    )
    return ResultsView("r", "Omgång 1", rows, 30, 0, 5, 5, 0, "")


def test_many_ideas_go_onto_pages_top_first(qtbot: QtBot) -> None:
    screen = SharedScreen()
    qtbot.addWidget(screen)
    screen.resize(*FULL_HD)
    screen.set_scene(Scene(SceneKind.RESULTS, results=many(45)))
    assert screen.page_count > 1
    window = QRectF(0, 0, *FULL_HD)
    seen_ids: list[str] = []
    for _page in range(screen.page_count):
        screen.grab()
        rects = screen.result_rects()
        assert all(window.contains(r) for r in rects.values())
        seen_ids += list(rects)
        page = _("Page {page} of {count}").format(page=screen.page + 1, count=screen.page_count)
        assert page in screen.drawn_texts()
        sizes = [d.pixel_size for d in screen.drawn() if d.text.startswith("Idé nummer")]
        assert min(sizes) >= round(FULL_HD[1] * MIN_TYPE)
        screen.next_page()
    assert seen_ids == [f"i{n}" for n in range(45)]


def test_type_grows_with_the_screen(qtbot: QtBot) -> None:
    screen = SharedScreen()
    qtbot.addWidget(screen)
    screen.set_scene(Scene(SceneKind.RESULTS, results=many(6)))
    sizes = []
    for size in ((1280, 720), (3840, 2160)):
        screen.resize(*size)
        screen.grab()
        sizes.append(max(d.pixel_size for d in screen.drawn()))
    assert sizes[1] == pytest.approx(3 * sizes[0], rel=0.1)


def test_colours_are_safe_and_strong() -> None:
    assert contrast(DOT, BACKGROUND) >= 3
    assert contrast(LINE, BACKGROUND) >= 7
    assert contrast(TIE, QColor("#000000")) >= 7


def test_a_ranking_with_many_ideas_without_dots_fits_one_page(qtbot: QtBot) -> None:
    # GIVEN 40 ideas of which 9 got dots, on a small projector
    rows = tuple(
        ResultRow(f"i{n}", min(n + 1, 10), n >= 9, f"Idé nummer {n + 1}", max(0, 9 - n), False, n < 4)
        for n in range(40)
    )
    view = ResultsView("r", "Omgång 1", rows, 12, 0, 4, 4, 0, "")
    screen = SharedScreen()
    qtbot.addWidget(screen)
    screen.resize(1280, 720)
    screen.set_scene(Scene(SceneKind.RESULTS, results=view))
    screen.grab()
    # THEN one page shows every idea with dots, and one line the 31 without
    assert screen.page_count == 1
    assert list(screen.result_rects()) == [f"i{n}" for n in range(9)]
    label = ngettext("{n} idea without dots", "{n} ideas without dots", 31).format(n=31)
    assert label in screen.drawn_texts()


def test_ideas_without_dots_tied_at_a_runoffs_line_are_still_drawn(qtbot: QtBot) -> None:
    # GIVEN a runoff where nobody chose the last two ideas, tied at the line for one place
    rows = (
        ResultRow("a", 1, False, "Fikavänner", 3, False, True),
        ResultRow("b", 2, True, "Samåkning", 0, True, False),
        ResultRow("c", 2, True, "Kvarterssoppa", 0, True, False),
    )
    view = ResultsView("r", "Utslagsomgång", rows, 3, 0, 2, 3, 1, "")
    screen = SharedScreen()
    qtbot.addWidget(screen)
    screen.resize(*FULL_HD)
    screen.set_scene(Scene(SceneKind.RESULTS, results=view))
    screen.grab()
    assert list(screen.result_rects()) == ["a", "b", "c"]
    assert screen.without_dots_rect() is None
