"""The shared screen: what the room sees of each scene, at projector sizes, and nothing it may not see."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from app import demo_content
from app.clusters import PALETTE, list_clusters
from app.i18n import _
from app.ideas import list_ideas
from app.participants import list_participants, participant_label
from app.snapshots import IdeaSnapshot, ParticipantSnapshot
from app.vocabulary import ROLES, label
from models.database import Database
from ui.board_canvas import (
    BACKGROUND,
    CARD,
    CARD_INK,
    GIVER_INK,
    MIN_TYPE,
    MUTED_INK,
    SCREEN_INK,
    contrast,
    ink_on,
)
from ui.scene import (
    BoothState,
    CardView,
    ClusterView,
    Scene,
    SceneKind,
    TimerView,
    VotingSlide,
    card_views,
    cluster_views,
)
from ui.shared_screen import PAUSE_BACKGROUND, TIME_UP, SharedScreen, clock

FULL_HD = (1920, 1080)


def public_label(person: ParticipantSnapshot) -> str:
    return participant_label(person, public=True)


@pytest.fixture
def screen(qtbot: QtBot) -> SharedScreen:
    widget = SharedScreen()
    qtbot.addWidget(widget)
    widget.resize(*FULL_HD)
    return widget


def seen(screen: SharedScreen) -> list[str]:
    """Paint the screen as the projector would and return every string drawn."""
    screen.grab()
    return screen.drawn_texts()


def pixel_size_of(screen: SharedScreen, text: str) -> int:
    return next(d.pixel_size for d in screen.drawn() if d.text == text)


def person(pid: str, name: str, consent: bool, role: str = "employee") -> ParticipantSnapshot:
    return ParticipantSnapshot(pid, "w", 0, name, role, "Hemtjänsten Norra", "internal", consent, False)


def idea(iid: str, title: str, givers: tuple[str, ...] = (), anonymous: bool = False) -> IdeaSnapshot:
    return IdeaSnapshot(
        iid,
        "w",
        None,
        0,
        title,
        "",
        anonymous,
        givers,
        None,
        None,
        None,
        None,
        None,
        "proposed",
        0,
        0,
        False,
        None,
    )


def board(count: int, clusters: int = 4, givers: str = "Medborgare") -> Scene:
    """``count`` cards with different titles, spread over ``clusters`` clusters and no cluster."""
    views = tuple(ClusterView(f"c{i}", demo_content.CLUSTERS[i % 4][0], PALETTE[i]) for i in range(clusters))
    whats, wheres = demo_content.MORE_WHAT, demo_content.MORE_WHERE
    cards = tuple(
        CardView(
            f"i{n}",
            f"{n + 1}. {whats[n % len(whats)]} {wheres[n % len(wheres)]}",
            givers if n % 3 else "",
            f"c{n % (clusters + 1)}" if n % (clusters + 1) < clusters else None,
            n % 2 == 0,
        )
        for n in range(count)
    )
    return Scene(SceneKind.BOARD, phase_title="Gruppera idéerna", clusters=views, cards=cards)


def test_the_window_is_titled_for_the_facilitator(screen: SharedScreen) -> None:
    assert screen.windowTitle() == _("Mylla – shared screen")
    assert screen.isWindow()


def test_the_challenge_is_drawn_very_large_under_the_workshop_and_phase(screen: SharedScreen) -> None:
    prompts = ("Tänk på en gång då du kände dig trygg hemma.", "Vad gör en vanlig dag bra?")
    screen.set_scene(
        Scene(
            SceneKind.CHALLENGE,
            workshop_title=demo_content.TITLE,
            phase_title="Utmaningen",
            challenge=demo_content.CHALLENGE,
            prompts=prompts,
        )
    )
    texts = seen(screen)
    assert demo_content.CHALLENGE in texts
    assert demo_content.TITLE in texts
    assert "Utmaningen" in texts
    assert any(prompts[0] in t and prompts[1] in t for t in texts)
    challenge = pixel_size_of(screen, demo_content.CHALLENGE)
    assert challenge >= FULL_HD[1] / 24
    assert challenge > pixel_size_of(screen, demo_content.TITLE)


def test_the_board_shows_each_cluster_by_name_and_every_card(screen: SharedScreen, db: Database) -> None:
    from app.demo import create_demo_workshop

    workshop_id = create_demo_workshop(db)
    people = {p.id: p for p in list_participants(db, workshop_id)}
    cards = card_views(list_ideas(db, workshop_id), people, public_label)
    clusters = cluster_views(list_clusters(db, workshop_id))
    screen.set_scene(Scene(SceneKind.BOARD, clusters=clusters, cards=cards))

    texts = seen(screen)

    assert screen.page_count == 1
    for name, _colour in demo_content.CLUSTERS:
        assert name in texts
    assert _("Other ideas") in texts  # the demo has ideas outside every cluster
    assert Counter(c.title for c in cards) <= Counter(texts)
    assert "Amira Hassan" in texts


def test_no_giver_is_shown_for_anonymous_ideas_nor_a_name_without_consent(screen: SharedScreen) -> None:
    # GIVEN one person who agreed to be named and one who did not
    people = {
        "p1": person("p1", "Amira Hassan", consent=True),
        "p2": person("p2", "Per Persson", consent=False, role="citizen"),
    }
    ideas = [
        idea("anon", "Fikavänner från gymnasiet", anonymous=True),
        idea("named", "Sms när besöket blir sent", ("p1",)),
        idea("unnamed", "Kvarterssoppa en gång i veckan", ("p2",)),
    ]
    # WHEN the board shows their ideas
    screen.set_scene(Scene(SceneKind.BOARD, cards=card_views(ideas, people, public_label)))
    texts = seen(screen)
    # THEN the anonymous card carries its title and nothing else
    rects = screen.card_rects()
    on_anonymous = [d.text for d in screen.drawn() if rects["anon"].intersects(d.rect)]
    assert on_anonymous == ["Fikavänner från gymnasiet"]
    # and a name is shown only with consent; without it, the role
    assert "Amira Hassan" in texts
    assert not any("Per Persson" in t for t in texts)
    on_unnamed = [d.text for d in screen.drawn() if rects["unnamed"].intersects(d.rect)]
    assert on_unnamed == ["Kvarterssoppa en gång i veckan", public_label(people["p2"])]
    assert on_unnamed[1].startswith(label(ROLES, "citizen"))


@pytest.mark.parametrize("count", [200, 500])
def test_a_large_board_shrinks_to_the_smallest_readable_type_then_pages(
    screen: SharedScreen, count: int
) -> None:
    scene = board(count)
    screen.set_scene(scene)
    window = QRectF(QRect(0, 0, *FULL_HD))
    assert screen.page_count > 1
    assert screen.card_pixel_size() >= round(FULL_HD[1] * MIN_TYPE)

    titles: Counter[str] = Counter()
    for page in range(screen.page_count):
        assert screen.page == page
        texts = seen(screen)
        assert _("Page {page} of {count}").format(page=page + 1, count=screen.page_count) in texts
        rects = list(screen.card_rects().values())
        assert rects
        assert all(window.contains(r) for r in rects)
        assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
        sizes = [d.pixel_size for d in screen.drawn() if d.text.split(".")[0].isdigit()]
        assert min(sizes) >= round(FULL_HD[1] * MIN_TYPE)
        titles.update(texts)
        screen.next_page()

    assert screen.page == screen.page_count - 1  # no page beyond the last
    assert Counter(c.title for c in scene.cards) <= titles


def test_pages_move_within_bounds_and_are_announced(screen: SharedScreen, qtbot: QtBot) -> None:
    screen.set_scene(board(300))
    screen.previous_page()
    assert screen.page == 0
    with qtbot.waitSignal(screen.pageChanged, timeout=1000) as signal:
        screen.next_page()
    assert signal.args == [1, screen.page_count]
    # A smaller board keeps the page when it still exists, else goes to the last.
    screen.set_scene(board(12))
    assert (screen.page, screen.page_count) == (0, 1)


@pytest.mark.parametrize("title", [" ".join(["Trygghetsskapande"] * 17), "Å" * 300])
def test_a_very_long_title_stays_inside_its_card(screen: SharedScreen, title: str) -> None:
    assert len(title) >= 300
    cards = (
        CardView("long", title, "Amira Hassan", None, True),
        CardView("short", "Bokbuss", "", None, True),
    )
    screen.set_scene(Scene(SceneKind.BOARD, cards=cards))
    seen(screen)
    card = screen.card_rects()["long"]
    drawn = next(d for d in screen.drawn() if d.rect.intersects(card) and d.text != "Amira Hassan")
    assert drawn.text.endswith("…")
    assert card.contains(drawn.rect)


def test_the_timer_counts_down_in_minutes_and_seconds(screen: SharedScreen) -> None:
    screen.set_scene(
        Scene(SceneKind.TIMER, phase_title="Idéer på lappar", timer=TimerView(300, 300, True, False))
    )
    assert "05:00" in seen(screen)
    screen.set_timer(TimerView(300, 61.2, True, False))
    assert "01:02" in seen(screen)
    assert clock(59.0) == "00:59"
    assert clock(3725) == "1:02:05"


def test_the_end_of_time_is_shown_in_words_on_a_changed_background(screen: SharedScreen) -> None:
    screen.set_scene(Scene(SceneKind.TIMER, timer=TimerView(300, 0, False, True)))
    picture = screen.grab().toImage()
    assert _("Time is up") in screen.drawn_texts()
    assert picture.pixelColor(5, 5) == TIME_UP
    assert contrast(CARD_INK, TIME_UP) >= 7


def test_a_running_timer_shows_in_the_corner_and_repaints_only_there(
    screen: SharedScreen, qtbot: QtBot
) -> None:
    screen.set_scene(board(500))
    screen.show()
    qtbot.waitExposed(screen)
    screen.set_timer(TimerView(300, 288, True, False))
    qtbot.waitUntil(lambda: "04:48" in screen.drawn_texts(), timeout=2000)
    painted = screen.paints
    for tenth in range(1, 11):
        screen.set_timer(TimerView(300, 288 - tenth / 10, True, False))
    qtbot.waitUntil(lambda: "04:47" in screen.drawn_texts(), timeout=2000)
    assert screen.paints == painted
    corner = screen.badge.geometry()
    assert QRect(0, 0, *FULL_HD).contains(corner)
    assert corner.top() < min(r.top() for r in screen.card_rects().values())


def test_blank_draws_nothing_at_all(screen: SharedScreen) -> None:
    screen.set_timer(TimerView(300, 100, True, False))
    screen.set_scene(Scene(SceneKind.BLANK, workshop_title="Hemligt", message="Paus"))
    picture = screen.grab().toImage()
    assert screen.drawn_texts() == []
    for x, y in ((0, 0), (960, 540), (1919, 1079), (1800, 40)):
        assert picture.pixelColor(x, y) == QColor("#000000")


def test_pause_shows_its_message_or_says_break(screen: SharedScreen) -> None:
    screen.set_scene(Scene(SceneKind.PAUSE, message="Fika – vi fortsätter 14.30"))
    assert seen(screen) == ["Fika – vi fortsätter 14.30"]
    assert screen.grab().toImage().pixelColor(5, 5) == PAUSE_BACKGROUND
    screen.set_scene(Scene(SceneKind.PAUSE))
    assert seen(screen) == [_("Break")]


@pytest.mark.parametrize(
    "scene",
    [
        Scene(SceneKind.CHALLENGE, challenge=demo_content.CHALLENGE),
        board(16),
        Scene(SceneKind.TIMER, timer=TimerView(300, 300, True, False)),
        Scene(SceneKind.PAUSE, message="Paus"),
        Scene(SceneKind.VOTING, voting=VotingSlide("r", "Omgång 1", BoothState.OPEN, 3, 12)),
    ],
    ids=lambda scene: scene.kind.value,
)
def test_type_grows_with_the_screen(screen: SharedScreen, scene: Scene) -> None:
    screen.set_scene(scene)
    sizes = []
    for size in ((1280, 720), (3840, 2160)):
        screen.resize(*size)
        seen(screen)
        sizes.append(max(d.pixel_size for d in screen.drawn()))
    assert sizes[1] == pytest.approx(3 * sizes[0], rel=0.1)
    assert sizes[0] >= 720 * MIN_TYPE


def test_colours_read_well_in_a_lit_room() -> None:
    for colour in map(QColor, PALETTE):
        assert contrast(ink_on(colour), colour) >= 4.5
    assert contrast(CARD_INK, CARD) >= 7
    assert contrast(GIVER_INK, CARD) >= 4.5
    assert contrast(SCREEN_INK, BACKGROUND) >= 7
    assert contrast(MUTED_INK, BACKGROUND) >= 4.5
    assert contrast(SCREEN_INK, PAUSE_BACKGROUND) >= 7


def test_a_very_long_challenge_gives_way_but_never_runs_off_the_screen(screen: SharedScreen) -> None:
    sentence = "Många äldre som får hemtjänst i Sjövik känner sig ensamma och vet sällan vem som kommer. "
    screen.set_scene(
        Scene(
            SceneKind.CHALLENGE,
            phase_title="Myllstimulans",
            challenge=sentence * 60,
            prompts=("Vad fick dig att le?",),
        )
    )
    screen.grab()
    drawn = screen.drawn()
    challenge = next(d for d in drawn if d.text.startswith("Många äldre"))
    assert challenge.text.endswith("…")
    assert challenge.pixel_size >= round(screen.height() * MIN_TYPE)
    assert all(d.rect.bottom() <= screen.height() for d in drawn)


def test_while_the_booth_goes_round_the_room_sees_the_turnout_and_the_time(screen: SharedScreen) -> None:
    slide = VotingSlide("r", "Vilka går vidare?", BoothState.OPEN, 7, 12)
    screen.set_timer(TimerView(300, 120, True, False))
    screen.set_scene(Scene(SceneKind.VOTING, workshop_title="Trygg skolväg", voting=slide))
    texts = seen(screen)
    assert texts[:4] == ["Trygg skolväg", _("Voting in progress"), "Vilka går vidare?", "7 av 12 har röstat"]
    assert "02:00" in texts  # the corner timer stays
    assert pixel_size_of(screen, _("Voting in progress")) >= FULL_HD[1] / 12
    assert pixel_size_of(screen, "7 av 12 har röstat") >= FULL_HD[1] / 16
    closed = VotingSlide("r", "Vilka går vidare?", BoothState.CLOSED, 12, 12)
    screen.set_scene(Scene(SceneKind.VOTING, voting=closed))
    assert _("Voting has closed") in seen(screen)
