"""The booth on the facilitator's laptop, passed round the room; the shared screen shows only the turnout."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app import agenda
from app.i18n import _
from app.ideas import add_idea
from app.participants import list_participants, participant_label
from app.snapshots import WorkshopSnapshot
from app.voting import close_round, create_round, open_round, turnout
from app.voting_snapshots import RoundSnapshot, RoundSpec, Voter
from app.workshops import get_workshop
from tests.ui.test_booth import TITLES
from ui.booth import VotingBooth
from ui.booth_paint import turnout_text
from ui.booth_window import BoothWindow
from ui.hub import Hub
from ui.presenter import Mode, Presenter
from ui.room_timer import RoomTimer
from ui.scene import SceneKind
from ui.shared_screen import SharedScreen

LEFT = Qt.MouseButton.LeftButton
NOT_COUNTED = "The last ballot was not finished and was not counted."


@dataclass
class Laptop:
    """A facilitator's window with its presenter, the shared screen open, and a round to vote in."""

    hub: Hub
    workshop: WorkshopSnapshot
    facilitator: QWidget
    presenter: Presenter
    screen: SharedScreen
    people: dict[str, str]
    qtbot: QtBot

    def open_round(self, **rules: object) -> RoundSnapshot:
        spec = RoundSpec(**{"dots": 3, "anonymous": False, **rules})  # type: ignore[arg-type]
        snapshot = open_round(self.hub.db, create_round(self.hub.db, self.workshop.id, spec).id)
        self.presenter.show_booth(snapshot.id, here=True)
        return snapshot

    @property
    def window(self) -> BoothWindow:
        assert self.presenter.booth_window is not None
        return self.presenter.booth_window

    @property
    def booth(self) -> VotingBooth:
        return self.window.booth

    def room_sees(self) -> list[str]:
        self.screen.grab()
        return self.screen.drawn_texts()

    def booth_shows(self) -> list[str]:
        self.booth.grab()
        return self.booth.drawn_texts()

    def click(self, rect: QRectF) -> None:
        self.qtbot.mouseClick(self.booth, LEFT, pos=rect.center().toPoint())

    def step_up(self, who: str) -> None:
        self.booth.grab()
        self.click(self.booth.voter_rects()[Voter(participant_id=self.people[who])])
        assert self.booth.state == "ballot"

    def card(self, number: int) -> QRectF:
        assert self.booth.view is not None
        idea_id = next(c.id for c in self.booth.view.cards if c.number == number)
        return self.booth.card_rects()[idea_id]


@pytest.fixture
def laptop(hub: Hub, room: WorkshopSnapshot, qtbot: QtBot) -> Iterator[Laptop]:
    people = {p.display_name or "citizen": p.id for p in list_participants(hub.db, room.id)}
    people = {"amira": people["Amira Hassan"], "bo": people["Bo Ek"], "citizen": people["citizen"]}
    for title in TITLES:
        add_idea(hub.db, room.id, title, giver_ids=[people["amira"]] if title == TITLES[0] else [])
    facilitator = QWidget()
    qtbot.addWidget(facilitator)
    facilitator.resize(1280, 720)
    facilitator.show()
    presenter = Presenter(hub, RoomTimer(), facilitator)
    presenter.open_workshop(get_workshop(hub.db, room.id))
    screen = presenter.show_screen()
    screen.resize(1920, 1080)
    yield Laptop(hub, room, facilitator, presenter, screen, people, qtbot)
    presenter.close()


def test_the_booth_opens_full_screen_on_the_facilitators_monitor(laptop: Laptop, qtbot: QtBot) -> None:
    with qtbot.waitSignal(laptop.presenter.votingViewChanged, timeout=1000):
        snapshot = laptop.open_round()
    view = laptop.presenter.voting_view
    assert view is not None
    assert (view.kind, view.round_id, view.here) == ("booth", snapshot.id, True)
    assert laptop.window.isVisible()
    assert laptop.window.isFullScreen()
    assert laptop.window.screen() == laptop.facilitator.screen()
    assert laptop.window.windowTitle() == _("Mylla – voting booth")
    assert _("Next voter") in laptop.booth_shows()
    assert laptop.screen.booth.isHidden()  # the shared screen is no booth now


def test_the_room_sees_voting_in_progress_and_the_turnout_only(laptop: Laptop, qtbot: QtBot) -> None:
    snapshot = laptop.open_round()
    assert laptop.presenter.scene.kind is SceneKind.VOTING
    texts = laptop.room_sees()
    assert _("Voting in progress") in texts
    assert turnout_text(0, 3) in texts
    assert snapshot.title or _("Round {n}").format(n=snapshot.number) in texts
    # WHEN Bo places his dots on the laptop
    with qtbot.waitSignal(laptop.presenter.ballotInProgressChanged, timeout=1000) as began:
        laptop.step_up("bo")
    assert began.args == [True]
    assert laptop.presenter.ballot_in_progress
    laptop.click(laptop.card(2))
    laptop.click(laptop.card(4))
    # THEN the room sees none of it: no name, no idea, no dot
    texts = laptop.room_sees()
    assert not any("Bo" in t or "Amira" in t for t in texts)
    assert not any(title in t for t in texts for title in TITLES)
    assert not any("dot" in t for t in texts)
    # WHEN he presses Done, the ballot counts and the turnout moves on
    with qtbot.waitSignal(laptop.presenter.ballotInProgressChanged, timeout=1000) as ended:
        laptop.click(laptop.booth.button_rects()["done"])
    assert ended.args == [False]
    assert not laptop.presenter.ballot_in_progress
    assert turnout(laptop.hub.db, snapshot.id).ballots == 1
    assert turnout_text(1, 3) in laptop.room_sees()
    assert _("Thank you, your dots are counted.") in laptop.booth_shows()


def test_close_the_booth_is_offered_between_voters_only(laptop: Laptop, qtbot: QtBot) -> None:
    laptop.open_round()
    laptop.booth.grab()
    assert "close" in laptop.booth.button_rects()
    assert _("Close the booth") in laptop.booth_shows()
    laptop.step_up("amira")
    assert "close" not in laptop.booth.button_rects()
    assert _("Close the booth") not in laptop.booth_shows()
    laptop.click(laptop.booth.button_rects()["cancel"])
    with qtbot.waitSignal(laptop.presenter.votingViewChanged, timeout=1000):
        laptop.click(laptop.booth.button_rects()["close"])
    assert not laptop.window.isVisible()
    assert laptop.presenter.voting_view is None
    assert laptop.presenter.scene.kind is SceneKind.CHALLENGE  # the room is back on the phase


def test_the_shared_screens_booth_has_no_close_button(laptop: Laptop) -> None:
    snapshot = laptop.open_round()
    laptop.presenter.show_booth(snapshot.id)
    assert not laptop.window.isVisible()
    laptop.screen.grab()
    assert "close" not in laptop.screen.booth.button_rects()
    assert _("Close the booth") not in laptop.screen.drawn_texts()


def test_closing_the_window_mid_ballot_counts_nothing_and_says_so_later(laptop: Laptop) -> None:
    snapshot = laptop.open_round()
    laptop.step_up("bo")
    laptop.click(laptop.card(1))
    laptop.window.close()
    assert not laptop.presenter.ballot_in_progress
    assert laptop.presenter.voting_view is None
    assert turnout(laptop.hub.db, snapshot.id).ballots == 0
    laptop.presenter.show_booth(snapshot.id, here=True)
    assert laptop.booth.state == "neutral"
    assert laptop.booth.placed() == {}
    assert _(NOT_COUNTED) in laptop.booth_shows()


def test_blank_or_a_break_on_the_projector_leaves_the_ballot_on_the_laptop(laptop: Laptop) -> None:
    laptop.open_round()
    laptop.step_up("bo")
    laptop.click(laptop.card(1))
    laptop.presenter.set_mode(Mode.BLANK)
    laptop.presenter.set_mode(Mode.PAUSE)
    assert laptop.presenter.scene.kind is SceneKind.PAUSE
    assert laptop.window.isVisible()
    assert laptop.booth.state == "ballot"
    assert len(laptop.booth.placed()) == 1
    laptop.presenter.set_mode(Mode.FOLLOW)
    assert laptop.presenter.scene.kind is SceneKind.VOTING


def test_a_new_phase_closes_the_booth_and_drops_a_half_ballot(laptop: Laptop, qtbot: QtBot) -> None:
    laptop.open_round()
    laptop.step_up("bo")
    laptop.click(laptop.card(1))
    phase = next(p for p in get_workshop(laptop.hub.db, laptop.workshop.id).phases if p.kind == "voting")
    agenda.go_to_phase(laptop.hub.db, laptop.workshop.id, phase.id)
    with qtbot.waitSignal(laptop.presenter.ballotInProgressChanged, timeout=1000):
        laptop.hub.workshopChanged.emit(laptop.workshop.id)
    assert not laptop.window.isVisible()
    assert laptop.booth.state == "neutral"
    assert laptop.presenter.voting_view is None


def test_a_closed_round_says_so_on_both_screens(laptop: Laptop) -> None:
    snapshot = laptop.open_round()
    laptop.step_up("amira")
    laptop.click(laptop.card(2))
    close_round(laptop.hub.db, snapshot.id)
    laptop.hub.votingChanged.emit(laptop.workshop.id, snapshot.id)
    assert laptop.booth.state == "closed"
    shown = laptop.booth_shows()
    assert _("Voting in this round has closed.") in shown
    assert _(NOT_COUNTED) in shown
    assert "close" in laptop.booth.button_rects()  # the facilitator can take the laptop back
    assert _("Voting has closed") in laptop.room_sees()


def test_an_anonymous_ballot_on_the_laptop_shows_no_name(laptop: Laptop) -> None:
    laptop.open_round(anonymous=True)
    assert _("Your name only keeps you from voting twice; your ballot is stored without it.") in (
        laptop.booth_shows()
    )
    laptop.step_up("amira")
    shown = laptop.booth_shows()
    assert _("Your ballot") in shown
    assert not any("Amira" in t for t in shown)


def test_tiles_on_the_laptop_label_people_as_the_room_may_see_them(laptop: Laptop) -> None:
    laptop.open_round()
    shown = laptop.booth_shows()
    people = {p.id: p for p in list_participants(laptop.hub.db, laptop.workshop.id)}
    for pid in laptop.people.values():
        assert participant_label(people[pid], public=True) in shown
    assert not any("Bo Ek" in t for t in shown)


def test_moving_the_booth_back_to_the_shared_screen_closes_the_window(laptop: Laptop) -> None:
    snapshot = laptop.open_round()
    laptop.presenter.show_booth(snapshot.id)
    assert not laptop.window.isVisible()
    assert laptop.presenter.scene.kind is SceneKind.BOOTH
    assert laptop.presenter.voting_view is not None
    assert not laptop.presenter.voting_view.here


def test_leaving_the_workshop_closes_the_booth_window(laptop: Laptop) -> None:
    laptop.open_round()
    laptop.presenter.close_workshop()
    assert not laptop.window.isVisible()
    assert laptop.presenter.voting_view is None
