"""What the shared screen is given: it follows the phase and never carries an anonymous giver."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app import agenda
from app.ideas import add_idea
from app.participants import list_participants
from app.snapshots import WorkshopSnapshot
from app.workshops import get_workshop
from ui.hub import Hub
from ui.presenter import Mode, Presenter
from ui.room_timer import RoomTimer
from ui.scene import SceneKind


class FakeClock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def presenter(hub: Hub, room: WorkshopSnapshot, clock: FakeClock, qtbot: QtBot) -> Presenter:
    the_presenter = Presenter(hub, RoomTimer(clock))
    the_presenter.open_workshop(get_workshop(hub.db, room.id))
    return the_presenter


def go_to(hub: Hub, room: WorkshopSnapshot, kind: str) -> None:
    phase = next(p for p in get_workshop(hub.db, room.id).phases if p.kind == kind)
    agenda.go_to_phase(hub.db, room.id, phase.id)
    hub.workshopChanged.emit(room.id)


def test_the_first_phase_shows_the_challenge(presenter: Presenter) -> None:
    scene = presenter.scene
    assert scene.kind is SceneKind.CHALLENGE
    assert scene.challenge == "Hur blir skolvägen tryggare?"
    assert scene.phase_title == "Myllstimulans"
    assert scene.prompts  # the template's warm-up prompts


def test_idea_phases_show_the_board_without_anonymous_or_unconsented_names(
    presenter: Presenter, hub: Hub, room: WorkshopSnapshot
) -> None:
    people = {p.display_name or "unnamed": p for p in list_participants(hub.db, room.id)}
    named = add_idea(hub.db, room.id, "Skolpatrull", giver_ids=[people["Amira Hassan"].id])
    unconsented = add_idea(hub.db, room.id, "Gångbuss", giver_ids=[people["Bo Ek"].id])
    secret = add_idea(hub.db, room.id, "Fler övergångsställen", anonymous=True)
    hub.ideasChanged.emit(room.id, [named, unconsented, secret])
    go_to(hub, room, "ideas")
    scene = presenter.scene
    assert scene.kind is SceneKind.BOARD
    givers = {card.title: card.givers for card in scene.cards}
    assert givers == {"Skolpatrull": "Amira Hassan", "Gångbuss": "Medborgare", "Fler övergångsställen": ""}
    assert "Bo Ek" not in repr(scene)


def test_an_added_idea_reaches_the_scene_without_reading_the_database(
    presenter: Presenter, hub: Hub, room: WorkshopSnapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    go_to(hub, room, "ideas")
    import ui.presenter as module

    monkeypatch.setattr(module, "list_ideas", lambda *_a: pytest.fail("read all ideas again"))
    idea = add_idea(hub.db, room.id, "Reflexvästar")
    hub.ideasChanged.emit(room.id, [idea])
    assert [c.title for c in presenter.scene.cards] == ["Reflexvästar"]
    hub.ideasRemoved.emit(room.id, [idea.id])
    assert presenter.scene.cards == ()


def test_blank_pause_and_follow(presenter: Presenter) -> None:
    presenter.set_mode(Mode.BLANK)
    assert presenter.scene.kind is SceneKind.BLANK
    assert presenter.scene.challenge == ""
    presenter.set_mode(Mode.PAUSE)
    assert (presenter.scene.kind, presenter.scene.message) == (SceneKind.PAUSE, "Paus")
    presenter.set_mode(Mode.FOLLOW)
    assert presenter.scene.kind is SceneKind.CHALLENGE


def test_when_time_is_up_the_big_timer_shows(presenter: Presenter, clock: FakeClock) -> None:
    presenter.timer.set(0, 30)
    presenter.timer.start()
    assert presenter.scene.timer is not None
    clock.now += 31
    presenter.timer.tick()
    assert presenter.mode is Mode.TIMER
    assert presenter.scene.kind is SceneKind.TIMER
    assert presenter.scene.timer is not None
    assert presenter.scene.timer.finished


def test_leaving_the_workshop_blanks_the_screen(presenter: Presenter) -> None:
    presenter.close_workshop()
    assert presenter.scene.kind is SceneKind.BLANK
