"""The voting booth: a voter steps up, places dots by touch, mouse or keys, and presses Done."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app import agenda
from app.clusters import add_cluster
from app.i18n import _, ngettext
from app.ideas import add_idea
from app.participants import list_participants, participant_label
from app.snapshots import WorkshopSnapshot
from app.voting import close_round, create_round, open_round, turnout
from app.voting_results import results as round_results
from app.voting_results import reveal_round
from app.voting_rules import over_cap_message
from app.voting_snapshots import RoundSnapshot, RoundSpec, Voter
from app.workshops import get_workshop
from ui.booth import VotingBooth
from ui.booth_input import next_number
from ui.booth_paint import dots_left_text, turnout_text
from ui.hub import Hub
from ui.presenter import Mode, Presenter
from ui.room_timer import RoomTimer
from ui.scene import SceneKind

FULL_HD = (1920, 1080)
LEFT = Qt.MouseButton.LeftButton
TITLES = ("Fast omsorgskontakt", "Veckoschema med foto", "Kaffe vid varje besök", "Fikavänner", "Samåkning")


@dataclass
class Booth:
    """A workshop with ideas, its presenter with the shared screen open, and the booth in it."""

    hub: Hub
    workshop: WorkshopSnapshot
    presenter: Presenter
    booth: VotingBooth
    ideas: list[str]
    people: dict[str, str]  # "amira", "bo", "citizen" -> participant id
    qtbot: QtBot

    def open_round(self, **rules: object) -> RoundSnapshot:
        spec = RoundSpec(**{"dots": 5, "anonymous": False, **rules})  # type: ignore[arg-type]
        snapshot = open_round(self.hub.db, create_round(self.hub.db, self.workshop.id, spec).id)
        self.presenter.show_booth(snapshot.id)
        return snapshot

    def seen(self) -> list[str]:
        """Paint the booth as the room sees it and return every string drawn."""
        self.booth.grab()
        return self.booth.drawn_texts()

    def click(self, rect: QRectF) -> None:
        self.qtbot.mouseClick(self.booth, LEFT, pos=rect.center().toPoint())

    def step_up(self, voter: Voter) -> None:
        self.click(self.booth.voter_rects()[voter])
        assert self.booth.state == "ballot"

    def card(self, number: int) -> QRectF:
        return self.booth.card_rects()[self.card_id(number)]

    def card_id(self, number: int) -> str:
        assert self.booth.view is not None
        return next(c.id for c in self.booth.view.cards if c.number == number)

    def keys(self, *keys: Qt.Key) -> None:
        for key in keys:
            self.qtbot.keyClick(self.booth, key)

    def type(self, text: str) -> None:
        for char in text:
            self.qtbot.keyClicks(self.booth, char)


@pytest.fixture(scope="module")
def touch_screen() -> QPointingDevice:
    return QTest.createTouchDevice()


@pytest.fixture
def room_booth(hub: Hub, room: WorkshopSnapshot, qtbot: QtBot) -> Iterator[Booth]:
    people = {p.display_name or "citizen": p.id for p in list_participants(hub.db, room.id)}
    people = {"amira": people["Amira Hassan"], "bo": people["Bo Ek"], "citizen": people["citizen"]}
    theme = add_cluster(hub.db, room.id, "Kontinuitet")
    ideas = [add_idea(hub.db, room.id, TITLES[0], giver_ids=[people["amira"]], cluster_id=theme.id).id]
    ideas += [add_idea(hub.db, room.id, title).id for title in TITLES[1:]]
    presenter = Presenter(hub, RoomTimer())
    presenter.open_workshop(get_workshop(hub.db, room.id))
    screen = presenter.show_screen()
    screen.resize(*FULL_HD)
    qtbot.waitExposed(screen)
    yield Booth(hub, room, presenter, screen.booth, ideas, people, qtbot)
    presenter.close()


def test_the_next_voter_sees_turnout_and_tiles_but_no_name_without_consent(room_booth: Booth) -> None:
    room_booth.open_round()
    texts = room_booth.seen()
    assert room_booth.presenter.scene.kind is SceneKind.BOOTH
    assert _("Next voter") in texts
    assert turnout_text(0, 3) in texts
    assert "Amira Hassan" in texts
    assert not any("Bo Ek" in t for t in texts)
    assert len(room_booth.booth.voter_rects()) == 3
    assert not any(title in texts for title in TITLES)  # the ideas show once a voter has stepped up


def test_an_anonymous_round_that_allows_own_ideas_uses_voter_numbers(room_booth: Booth) -> None:
    room_booth.open_round(anonymous=True, voters_expected=4)
    texts = room_booth.seen()
    assert list(room_booth.booth.voter_rects()) == [Voter(number=n) for n in range(1, 5)]
    assert _("Who is voting? Tap your voter number.") in texts
    assert not any("Amira" in t for t in texts)
    room_booth.step_up(Voter(number=3))
    texts = room_booth.seen()
    assert _("Your ballot") in texts  # an anonymous ballot is nobody's on the screen either
    assert _("Voter {n}").format(n=3) not in texts


def test_a_round_that_forbids_own_ideas_asks_for_names_even_when_anonymous(room_booth: Booth) -> None:
    room_booth.open_round(anonymous=True, allow_own_ideas=False, voters_expected=4)
    people = {Voter(participant_id=p) for p in room_booth.people.values()}
    assert set(room_booth.booth.voter_rects()) == people


def test_dots_are_placed_and_taken_back_by_mouse(room_booth: Booth) -> None:
    room_booth.open_round(dots=3, max_per_idea=2)
    room_booth.step_up(Voter(participant_id=room_booth.people["amira"]))
    assert "Amira Hassan" in room_booth.seen()
    assert set(TITLES) <= set(room_booth.seen())
    room_booth.click(room_booth.card(2))
    room_booth.click(room_booth.card(2))
    assert room_booth.booth.placed() == {room_booth.card_id(2): 2}
    assert dots_left_text(1, 3) in room_booth.seen()
    dots = room_booth.booth.dot_rects(room_booth.card_id(2))
    assert len(dots) == 2
    room_booth.click(dots[0])
    assert room_booth.booth.placed() == {room_booth.card_id(2): 1}


def test_dots_are_placed_and_taken_back_by_touch(room_booth: Booth, touch_screen: QPointingDevice) -> None:
    room_booth.open_round(dots=3)
    booth = room_booth.booth
    booth.window().setGeometry(0, 0, 800, 450)  # touches reach only what lies on the (offscreen) monitor

    def tap(rect: QRectF) -> None:
        point = rect.center().toPoint()
        QTest.touchEvent(booth, touch_screen).press(0, point, booth).commit()
        QTest.touchEvent(booth, touch_screen).release(0, point, booth).commit()

    assert booth.testAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    tap(booth.voter_rects()[Voter(participant_id=room_booth.people["bo"])])
    assert booth.state == "ballot"
    tap(room_booth.card(4))
    assert booth.placed() == {room_booth.card_id(4): 1}
    tap(booth.dot_rects(room_booth.card_id(4))[0])
    assert booth.placed() == {}


def test_the_keyboard_chooses_cards_by_number_and_places_dots(room_booth: Booth, hub: Hub) -> None:
    for n in range(10):
        add_idea(hub.db, room_booth.workshop.id, f"Idé nummer {n + 6}")
    room_booth.presenter.open_workshop(get_workshop(hub.db, room_booth.workshop.id))
    room_booth.open_round(dots=4, max_per_idea=2)
    booth = room_booth.booth
    room_booth.type("2")
    room_booth.keys(Qt.Key.Key_Return)  # picks voter 2
    assert booth.voter is not None
    assert booth.voter.number == 2
    room_booth.type("12")
    assert booth.chosen == 12
    room_booth.type("+=")
    assert booth.placed() == {room_booth.card_id(12): 2}
    room_booth.type("-")
    assert booth.placed() == {room_booth.card_id(12): 1}
    room_booth.type("127")  # 127 is beyond the 15 cards: the 7 starts a new number
    assert booth.chosen == 7
    room_booth.keys(Qt.Key.Key_Right, Qt.Key.Key_Right)
    assert booth.chosen == 9
    room_booth.keys(Qt.Key.Key_Left)
    room_booth.type("+")
    assert booth.placed() == {room_booth.card_id(12): 1, room_booth.card_id(8): 1}
    with room_booth.qtbot.waitSignal(room_booth.hub.votingChanged, timeout=2000):
        room_booth.keys(Qt.Key.Key_Return)  # Done
    assert booth.state == "neutral"


def test_tab_and_space_stay_in_the_booth_and_choose_and_place(room_booth: Booth) -> None:
    # GIVEN a booth on the shared screen, its keys going to the booth
    room_booth.open_round(dots=2)
    booth = room_booth.booth
    booth.setFocus()
    room_booth.keys(Qt.Key.Key_Tab, Qt.Key.Key_Tab)  # voter tiles 1 and then 2
    assert booth.chosen == 2
    room_booth.keys(Qt.Key.Key_Space)  # voter 2 steps up
    assert booth.state == "ballot"

    # WHEN Tab and Shift+Tab move among the cards and Space places a dot
    room_booth.keys(Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
    room_booth.keys(Qt.Key.Key_Space)

    # THEN the keys never left the booth, and the dot is on the second card
    assert booth.hasFocus()
    assert booth.placed() == {room_booth.card_id(2): 1}


def test_next_number_is_deterministic() -> None:
    assert next_number("", "1", 60) == "1"
    assert next_number("1", "2", 60) == "12"
    assert next_number("12", "3", 60) == "3"
    assert next_number("1", "2", 10) == "2"
    assert next_number("1", "0", 10) == "10"
    assert next_number("", "0", 10) == ""
    assert next_number("6", "0", 60) == "60"


def test_a_tap_that_breaks_a_rule_says_so(room_booth: Booth) -> None:
    room_booth.open_round(dots=2, max_per_idea=1)
    room_booth.step_up(Voter(participant_id=room_booth.people["amira"]))
    room_booth.click(room_booth.card(2))
    room_booth.click(room_booth.card(2))
    assert room_booth.booth.message == over_cap_message(1)
    assert over_cap_message(1) in room_booth.seen()
    room_booth.click(room_booth.card(3))
    assert room_booth.booth.message == ""
    room_booth.click(room_booth.card(4))
    no_dots_left = ngettext(
        "Your {n} dot is placed: tap it to take it back first.",
        "All your {n} dots are placed: tap a dot to take it back first.",
        2,
    ).format(n=2)
    assert room_booth.booth.message == no_dots_left
    assert room_booth.booth.placed() == {room_booth.card_id(2): 1, room_booth.card_id(3): 1}
    room_booth.type("5-")
    assert room_booth.booth.message == _("There is no dot on this idea to take back.")


def test_a_cumulative_round_caps_dots_on_one_idea(room_booth: Booth) -> None:
    room_booth.open_round(dots=5, max_per_idea=2)
    room_booth.step_up(Voter(participant_id=room_booth.people["bo"]))
    for _n in range(3):
        room_booth.click(room_booth.card(1))
    assert room_booth.booth.message == over_cap_message(2)
    assert room_booth.booth.placed() == {room_booth.card_id(1): 2}


def test_done_counts_the_ballot_and_the_next_voter_sees_nothing_of_it(room_booth: Booth) -> None:
    snapshot = room_booth.open_round(dots=3, max_per_idea=2)
    room_booth.step_up(Voter(participant_id=room_booth.people["bo"]))
    room_booth.click(room_booth.card(3))
    room_booth.click(room_booth.card(3))
    room_booth.click(room_booth.card(5))
    with room_booth.qtbot.waitSignal(room_booth.hub.saved, timeout=2000):
        room_booth.click(room_booth.booth.button_rects()["done"])
    booth = room_booth.booth
    texts = room_booth.seen()
    assert booth.state == "neutral"
    assert booth.placed() == {}
    assert booth.chosen is None
    assert _("Thank you, your dots are counted.") in texts
    assert not any(title in t for t in texts for title in TITLES)
    assert turnout_text(1, 3) in texts
    assert turnout(room_booth.hub.db, snapshot.id).ballots == 1
    reveal_round(room_booth.hub.db, snapshot.id)
    totals = {r.title: r.total for r in round_results(room_booth.hub.db, snapshot.id).ideas}
    assert totals[TITLES[2]] == 2
    assert totals[TITLES[4]] == 1
    assert sum(totals.values()) == 3


def test_a_refused_ballot_says_why_and_stays_to_be_corrected(room_booth: Booth) -> None:
    snapshot = room_booth.open_round(dots=2)
    room_booth.step_up(Voter(participant_id=room_booth.people["amira"]))
    room_booth.click(room_booth.booth.button_rects()["done"])
    assert room_booth.booth.message == _("Place at least one dot before you press Done.")
    assert _("Place at least one dot before you press Done.") in room_booth.seen()
    assert room_booth.booth.state == "ballot"
    assert turnout(room_booth.hub.db, snapshot.id).ballots == 0
    room_booth.click(room_booth.card(2))
    room_booth.click(room_booth.card(4))
    # A refusal that names an idea (the rules in the database have the last word) chooses it.
    room_booth.booth.refuse(_("One of the ideas is not part of this vote."), room_booth.card_id(4))
    assert room_booth.booth.chosen == 4
    assert room_booth.booth.placed() == {room_booth.card_id(2): 1, room_booth.card_id(4): 1}
    room_booth.type("-")
    room_booth.click(room_booth.card(5))
    room_booth.click(room_booth.booth.button_rects()["done"])
    assert room_booth.booth.state == "neutral"
    assert turnout(room_booth.hub.db, snapshot.id).ballots == 1


def test_cancel_and_a_half_ballot_count_nothing(room_booth: Booth) -> None:
    snapshot = room_booth.open_round(dots=3)
    room_booth.step_up(Voter(participant_id=room_booth.people["amira"]))
    room_booth.click(room_booth.card(2))
    room_booth.click(room_booth.booth.button_rects()["cancel"])
    assert room_booth.booth.state == "neutral"
    assert room_booth.booth.message == ""
    room_booth.step_up(Voter(participant_id=room_booth.people["bo"]))
    room_booth.click(room_booth.card(2))
    room_booth.keys(Qt.Key.Key_Escape)
    assert room_booth.booth.state == "neutral"
    # A half ballot left when the facilitator calls a break is gone after it.
    room_booth.step_up(Voter(participant_id=room_booth.people["citizen"]))
    room_booth.click(room_booth.card(3))
    room_booth.presenter.set_mode(Mode.PAUSE)
    assert room_booth.booth.isHidden()
    room_booth.presenter.set_mode(Mode.FOLLOW)
    assert room_booth.booth.isVisible()
    assert room_booth.booth.state == "neutral"
    assert room_booth.booth.placed() == {}
    assert turnout(room_booth.hub.db, snapshot.id).ballots == 0


def test_a_second_ballot_replaces_the_first_and_starts_empty(room_booth: Booth) -> None:
    snapshot = room_booth.open_round(dots=2)
    amira = Voter(participant_id=room_booth.people["amira"])
    room_booth.step_up(amira)
    assert not room_booth.booth.replaces
    room_booth.click(room_booth.card(2))
    room_booth.click(room_booth.booth.button_rects()["done"])
    room_booth.step_up(amira)
    assert room_booth.booth.replaces
    assert room_booth.booth.placed() == {}
    texts = room_booth.seen()
    assert _("You have voted before: Done replaces your earlier ballot.") in texts
    assert room_booth.booth.dot_rects(room_booth.card_id(2)) == []
    room_booth.click(room_booth.card(5))
    room_booth.click(room_booth.booth.button_rects()["done"])
    assert turnout(room_booth.hub.db, snapshot.id).ballots == 1
    reveal_round(room_booth.hub.db, snapshot.id, few_ballots_ok=True)
    totals = {r.title: r.total for r in round_results(room_booth.hub.db, snapshot.id).ideas}
    assert (totals[TITLES[1]], totals[TITLES[4]]) == (0, 1)


def test_a_round_closed_by_the_facilitator_closes_the_booth(room_booth: Booth) -> None:
    snapshot = room_booth.open_round()
    room_booth.step_up(Voter(participant_id=room_booth.people["bo"]))
    room_booth.click(room_booth.card(2))
    close_round(room_booth.hub.db, snapshot.id)
    room_booth.hub.votingChanged.emit(room_booth.workshop.id, snapshot.id)
    assert room_booth.booth.state == "closed"
    assert room_booth.booth.placed() == {}
    assert room_booth.seen() == [snapshot.title or _("Round {n}").format(n=snapshot.number),
                                 _("Voting in this round has closed."),
                                 _("The last ballot was not finished and was not counted.")]  # fmt: skip
    assert room_booth.booth.button_rects() == {}
    room_booth.type("1")
    room_booth.keys(Qt.Key.Key_Return)
    assert room_booth.booth.state == "closed"


def test_the_shared_screen_reports_what_the_booth_drew(room_booth: Booth) -> None:
    room_booth.open_round()
    screen = room_booth.presenter.screen
    assert screen is not None
    screen.grab()
    assert screen.drawn_texts() == room_booth.booth.drawn_texts()
    assert _("Next voter") in screen.drawn_texts()


def test_a_round_not_opened_yet_says_so(room_booth: Booth) -> None:
    draft = create_round(room_booth.hub.db, room_booth.workshop.id, RoundSpec(dots=3))
    room_booth.presenter.show_booth(draft.id)
    assert _("Voting in this round has not started yet.") in room_booth.seen()


def test_a_tap_repaints_only_the_card_and_the_dots_left(room_booth: Booth) -> None:
    room_booth.open_round(dots=3)
    room_booth.step_up(Voter(participant_id=room_booth.people["amira"]))
    booth = room_booth.booth
    room_booth.qtbot.waitUntil(lambda: "Amira Hassan" in booth.drawn_texts(), timeout=2000)
    painted = booth.paints
    room_booth.click(room_booth.card(3))
    room_booth.qtbot.waitUntil(lambda: booth.paints > painted, timeout=2000)
    assert set(booth.painted) == {f"card:{room_booth.card_id(3)}", "dots_left"}
    assert dots_left_text(2, 3) in booth.drawn_texts()
    assert "Amira Hassan" in booth.drawn_texts()  # what was not repainted is still known as seen


def test_what_a_tap_repaints_matches_the_whole_booth_painted_anew(room_booth: Booth) -> None:
    room_booth.open_round(dots=2, max_per_idea=1)
    booth = room_booth.booth
    window = booth.window()
    window.setGeometry(0, 0, 800, 450)  # on the (offscreen) monitor, so that it can be grabbed
    room_booth.step_up(Voter(participant_id=room_booth.people["bo"]))
    for number in (2, 2, 4, 5, 3):  # dots, a refusal and its message, the message gone
        painted = booth.paints
        room_booth.click(room_booth.card(number))
        room_booth.qtbot.waitUntil(lambda painted=painted: booth.paints > painted, timeout=2000)
    on_screen = window.screen().grabWindow(window.winId()).toImage()
    assert on_screen == window.grab().toImage()


def test_a_message_takes_the_line_of_the_instructions_instead_of_covering_half_of_them(
    room_booth: Booth,
) -> None:
    room_booth.open_round(dots=1)
    room_booth.step_up(Voter(participant_id=room_booth.people["bo"]))
    instructions = _("Tap an idea to give it a dot; tap a dot to take it back.")
    assert instructions in room_booth.seen()
    room_booth.click(room_booth.card(1))
    room_booth.click(room_booth.card(2))  # no dot left: refused, with a message
    seen = room_booth.seen()
    assert room_booth.booth.message in seen
    assert instructions not in seen


def test_many_ideas_go_onto_pages_that_the_keyboard_follows(room_booth: Booth, hub: Hub) -> None:
    for n in range(70):
        add_idea(hub.db, room_booth.workshop.id, f"Idé {n + 6}")
    room_booth.presenter.open_workshop(get_workshop(hub.db, room_booth.workshop.id))
    room_booth.open_round(dots=3)
    room_booth.step_up(Voter(participant_id=room_booth.people["bo"]))
    booth = room_booth.booth
    assert booth.page_count == 2
    assert len(booth.card_rects()) == 38  # 75 ideas on two even pages
    assert {"previous", "next"} <= set(booth.button_rects())
    assert _("Page {page} of {count}").format(page=1, count=2) in room_booth.seen()
    room_booth.type("60")
    assert (booth.page, booth.chosen) == (1, 60)
    room_booth.type("+")
    assert booth.placed() == {room_booth.card_id(60): 1}
    room_booth.type("38")  # the last card of the first page
    assert (booth.page, booth.chosen) == (0, 38)
    room_booth.click(booth.button_rects()["next"])
    assert booth.page == 1
    room_booth.click(booth.button_rects()["previous"])
    assert booth.page == 0
    window = QRectF(0, 0, *FULL_HD)
    assert all(window.contains(r) for r in booth.card_rects().values())


def test_sixty_ideas_fit_one_page_at_a_readable_size(room_booth: Booth, hub: Hub) -> None:
    for n in range(55):
        add_idea(hub.db, room_booth.workshop.id, f"Trygghetsvandring i kvarteret nummer {n + 6}")
    room_booth.presenter.open_workshop(get_workshop(hub.db, room_booth.workshop.id))
    room_booth.open_round(dots=3)
    room_booth.step_up(Voter(participant_id=room_booth.people["bo"]))
    room_booth.seen()
    booth = room_booth.booth
    rects = list(booth.card_rects().values())
    assert booth.page_count == 1
    assert len(rects) == 60
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    title_sizes = [d.pixel_size for d in booth.drawn() if d.text.startswith("Trygghetsvandring")]
    assert min(title_sizes) >= FULL_HD[1] / 64
    done = booth.button_rects()["done"]
    assert done.height() >= FULL_HD[1] / 10  # a large target for a finger


def test_the_presenter_switches_views_and_blank_or_pause_still_win(room_booth: Booth, qtbot: QtBot) -> None:
    presenter = room_booth.presenter
    with qtbot.waitSignal(presenter.votingViewChanged, timeout=1000):
        snapshot = room_booth.open_round()
    assert presenter.voting_view is not None
    assert (presenter.voting_view.kind, presenter.voting_view.round_id) == ("booth", snapshot.id)
    presenter.set_mode(Mode.BLANK)
    assert presenter.scene.kind is SceneKind.BLANK
    assert room_booth.booth.isHidden()
    presenter.set_mode(Mode.FOLLOW)
    assert presenter.scene.kind is SceneKind.BOOTH
    with qtbot.waitSignal(presenter.votingViewChanged, timeout=1000):
        presenter.show_board()
    assert presenter.voting_view is None
    assert presenter.scene.kind is SceneKind.CHALLENGE
    assert room_booth.booth.isHidden()


def test_a_new_phase_or_leaving_the_workshop_ends_the_voting_view(room_booth: Booth, qtbot: QtBot) -> None:
    presenter, hub, workshop = room_booth.presenter, room_booth.hub, room_booth.workshop
    snapshot = room_booth.open_round()
    phase = next(p for p in get_workshop(hub.db, workshop.id).phases if p.kind == "voting")
    agenda.go_to_phase(hub.db, workshop.id, phase.id)
    with qtbot.waitSignal(presenter.votingViewChanged, timeout=1000):
        hub.workshopChanged.emit(workshop.id)
    assert presenter.voting_view is None
    assert presenter.scene.kind is SceneKind.BOARD
    presenter.show_booth(snapshot.id)
    hub.workshopChanged.emit(workshop.id)  # the same phase: the booth stays
    assert presenter.scene.kind is SceneKind.BOOTH
    presenter.close_workshop()
    assert presenter.voting_view is None
    assert presenter.scene.kind is SceneKind.BLANK


def test_results_are_refused_before_the_reveal(room_booth: Booth, qtbot: QtBot) -> None:
    snapshot = room_booth.open_round()
    with qtbot.waitSignal(room_booth.hub.failed, timeout=1000) as failed:
        room_booth.presenter.show_results(snapshot.id, 2)
    assert failed.args == [_("The results of this round have not been revealed.")]
    assert room_booth.presenter.voting_view is not None
    assert room_booth.presenter.voting_view.kind == "booth"


def test_tiles_label_people_as_the_room_may_see_them(room_booth: Booth) -> None:
    room_booth.open_round()
    texts = room_booth.seen()
    people = {p.id: p for p in list_participants(room_booth.hub.db, room_booth.workshop.id)}
    for pid in room_booth.people.values():
        assert participant_label(people[pid], public=True) in texts
    tiles = room_booth.booth.voter_rects()
    assert all(QRectF(0, 0, *FULL_HD).contains(r) for r in tiles.values())
