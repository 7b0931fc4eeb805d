"""The critical review board on the shared screen: large, coloured with words, live, and without names."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFontMetricsF
from pytestqt.qtbot import QtBot

from app.agenda import advance
from app.review import add_note, set_recommendation, start_review
from app.workshops import get_workshop
from tests.ui.steps_helpers import SHORTLISTED, Shortlisted, english, shortlisted
from ui.board_canvas import MIN_TYPE, font, wrap
from ui.hub import Hub
from ui.presenter import Presenter
from ui.review_screen import KIND_COLOURS, ReviewCanvas
from ui.room_timer import RoomTimer
from ui.scene import ReviewCard, ReviewColumn, ReviewSlide, SceneKind
from ui.shared_screen import SharedScreen

__all__ = ["english", "shortlisted"]

FULL_HD = (1920, 1080)


@pytest.fixture
def presenter(hub: Hub, shortlisted: Shortlisted, qtbot: QtBot) -> Iterator[Presenter]:
    """The room's presenter (qtbot first: the QApplication must exist before its windows)."""
    the_presenter = Presenter(hub, RoomTimer(clock=lambda: 1000.0))
    the_presenter.open_workshop(get_workshop(hub.db, shortlisted.workshop_id))
    yield the_presenter
    the_presenter.close()


@pytest.fixture
def screen(presenter: Presenter) -> SharedScreen:
    shown = presenter.show_screen()
    shown.resize(*FULL_HD)
    return shown


def seen(screen: SharedScreen) -> list[str]:
    screen.grab()
    return screen.drawn_texts()


def test_the_board_shows_the_notes_by_kind_and_never_a_reviewer(
    hub: Hub, shortlisted: Shortlisted, presenter: Presenter, screen: SharedScreen, qtbot: QtBot
) -> None:
    review = start_review(hub.db, shortlisted.ideas[0], "pre_mortem")
    amira, bo, _citizen = shortlisted.people
    add_note(hub.db, review.id, "strength", "The morning call itself worked", amira)
    add_note(hub.db, review.id, "risk", "Staff left and nobody took over the list", bo)
    add_note(hub.db, review.id, "question", "Who answers at weekends?")
    with qtbot.waitSignal(presenter.reviewViewChanged):
        presenter.show_review(shortlisted.ideas[0])
    assert presenter.scene.kind is SceneKind.REVIEW
    slide = presenter.scene.review
    assert slide is not None
    assert [c.name for c in slide.columns] == ["Strengths", "Weaknesses", "Risks", "Questions", "Suggestions"]
    assert [c.origin for c in slide.columns[0].notes] == ["internal"]
    texts = seen(screen)
    assert SHORTLISTED[0] in texts
    assert "A year from now the idea has failed. Why?" in texts
    assert "Critical review · Pre-mortem" in texts
    for words in ("Strengths (1)", "Weaknesses (0)", "Risks (1)", "Questions (1)", "Suggestions (0)"):
        assert words in texts
    assert "The morning call itself worked" in texts
    assert "Reviewers: 1 internal, 1 external" in texts
    assert not [t for t in texts if "Amira" in t or "Bo Ek" in t]


def test_it_follows_the_notes_live_and_shows_the_recommendation(
    hub: Hub, shortlisted: Shortlisted, presenter: Presenter, screen: SharedScreen
) -> None:
    review = start_review(hub.db, shortlisted.ideas[1])
    presenter.show_review(shortlisted.ideas[1])
    assert "No notes yet" in seen(screen)
    add_note(hub.db, review.id, "suggestion", "Ask the users which hour suits them")
    hub.reviewChanged.emit(shortlisted.workshop_id, shortlisted.ideas[1])
    assert "Ask the users which hour suits them" in seen(screen)
    set_recommendation(hub.db, review.id, "rework", "The weekend gap first")
    hub.reviewChanged.emit(shortlisted.workshop_id, shortlisted.ideas[1])
    texts = seen(screen)
    assert "Recommendation: Rework" in texts
    assert "The weekend gap first" not in texts  # the reasons are for the record


def test_an_idea_without_a_review_says_so(
    shortlisted: Shortlisted, presenter: Presenter, screen: SharedScreen
) -> None:
    presenter.show_review(shortlisted.ideas[2])
    texts = seen(screen)
    assert SHORTLISTED[2] in texts
    assert "The review of this idea has not started yet" in texts


def test_forty_notes_shrink_to_the_floor_then_say_how_many_more(
    hub: Hub, shortlisted: Shortlisted, presenter: Presenter, screen: SharedScreen
) -> None:
    review = start_review(hub.db, shortlisted.ideas[0])
    kinds = ("strength", "weakness", "risk", "question", "suggestion")
    for n in range(40):
        text = f"Note {n}: the rota must cover evenings and weekends, or the calls stop when staff are away"
        add_note(hub.db, review.id, kinds[n % 5], text)
    presenter.show_review(shortlisted.ideas[0])
    image = screen.grab()
    assert (image.width(), image.height()) == FULL_HD
    drawn = screen.drawn()
    notes = [d for d in drawn if d.text.startswith("Note ")]
    assert notes
    assert min(d.pixel_size for d in notes) >= round(FULL_HD[1] * MIN_TYPE)
    more = [d.text for d in drawn if d.text.startswith("+ ")]
    assert len(more) == 5
    shown_and_hidden = len(notes) + sum(int(t.split()[1]) for t in more)
    assert shown_and_hidden == 40
    for d in notes:
        assert d.rect.bottom() <= FULL_HD[1]
    # Each column's word is drawn on its colour: the room reads the kind without the colour too.
    picture = image.toImage()
    header = next(d for d in drawn if d.text == "Strengths (8)")
    colour = picture.pixelColor(int(header.rect.left()) - 4, int(header.rect.center().y()))
    assert colour.name() == KIND_COLOURS["strength"].name().lower()


def test_the_phase_moving_on_or_the_board_button_ends_the_review_view(
    hub: Hub, shortlisted: Shortlisted, presenter: Presenter
) -> None:
    presenter.show_review(shortlisted.ideas[0])
    assert presenter.review_idea_id == shortlisted.ideas[0]
    presenter.show_board()
    assert presenter.review_idea_id is None
    assert presenter.scene.kind is not SceneKind.REVIEW
    presenter.show_review(shortlisted.ideas[0])
    advance(hub.db, shortlisted.workshop_id)
    hub.workshopChanged.emit(shortlisted.workshop_id)
    assert presenter.review_idea_id is None


def test_the_room_timer_counts_down_in_the_corner_of_the_review_board(
    hub: Hub, shortlisted: Shortlisted, presenter: Presenter, screen: SharedScreen
) -> None:
    start_review(hub.db, shortlisted.ideas[0])
    presenter.show_review(shortlisted.ideas[0])
    presenter.timer.set(8, 0)
    presenter.timer.start()
    assert screen.badge.isVisibleTo(screen)
    assert "08:00" in seen(screen)
    heading = next(d for d in screen.drawn() if d.text.startswith("Critical review"))
    assert heading.rect.right() <= screen.badge.x()


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    columns=st.lists(
        st.lists(st.text(min_size=1, max_size=400).filter(str.strip), max_size=14), min_size=5, max_size=5
    ),
    size=st.sampled_from([(1920, 1080), (1280, 720), (1024, 768)]),
)
def test_every_note_is_drawn_on_the_screen_or_counted_as_more(
    qtbot: QtBot, columns: list[list[str]], size: tuple[int, int]
) -> None:
    kinds = ("strength", "weakness", "risk", "question", "suggestion")
    slide = ReviewSlide(
        idea_id="i",
        idea_title="Trygghetsringning varje morgon",
        format_name="Review board",
        question="What holds, and what must be better?",
        columns=tuple(
            ReviewColumn(kind, kind.title(), tuple(ReviewCard(text, "") for text in notes))
            for kind, notes in zip(kinds, columns, strict=True)
        ),
        started=True,
        composition="",
        recommendation="",
    )
    canvas = ReviewCanvas()
    layout = canvas.arrange(slide, *size)
    assert layout.px >= round(size[1] * MIN_TYPE)
    for placed, notes in zip(layout.columns, columns, strict=True):
        assert len(placed.notes) + placed.hidden == len(notes)
        assert (placed.more is not None) == (placed.hidden > 0)
        bottoms = [n.rect.bottom() for n in placed.notes] + ([placed.more.bottom()] if placed.more else [])
        assert all(bottom <= size[1] for bottom in bottoms)


def test_an_idea_removed_while_shown_leaves_the_screen(
    hub: Hub, shortlisted: Shortlisted, presenter: Presenter, qtbot: QtBot
) -> None:
    from app.ideas import remove_idea

    presenter.show_review(shortlisted.ideas[0])
    remove_idea(hub.db, shortlisted.ideas[0])
    with qtbot.waitSignal(presenter.reviewViewChanged):
        hub.ideasRemoved.emit(shortlisted.workshop_id, [shortlisted.ideas[0]])
    assert presenter.review_idea_id is None
    assert presenter.scene.kind is not SceneKind.REVIEW


def test_a_note_of_many_pages_shows_its_beginning_and_ends_in_an_ellipsis(
    hub: Hub, shortlisted: Shortlisted, presenter: Presenter, screen: SharedScreen
) -> None:
    review = start_review(hub.db, shortlisted.ideas[0])
    long_note = "Vi behöver en plan för helgerna, annars faller hela idén. " * 350
    add_note(hub.db, review.id, "weakness", long_note)
    presenter.show_review(shortlisted.ideas[0])
    seen(screen)
    [note] = [d for d in screen.drawn() if d.text.startswith("Vi behöver")]
    assert note.text.endswith("…")
    assert long_note.startswith(note.text.removesuffix("…").rstrip())
    assert note.rect.bottom() < FULL_HD[1]


def test_a_few_notes_are_read_whole_at_a_smaller_type_rather_than_cut(
    hub: Hub, shortlisted: Shortlisted, presenter: Presenter, screen: SharedScreen
) -> None:
    review = start_review(hub.db, shortlisted.ideas[0])
    notes = [
        "Brukarna slipper berätta sin historia för nya ansikten varje vecka – det är det de oftast "
        "klagar på.",
        "Det är oklart vad brukaren kan göra om det inte fungerar med kontaktpersonen.",
    ]
    for text in notes:
        add_note(hub.db, review.id, "weakness", text)
    presenter.show_review(shortlisted.ideas[0])
    seen(screen)
    shown = [d.text for d in screen.drawn() if d.text.startswith(("Brukarna", "Det är oklart"))]
    assert shown == notes


def test_notes_without_a_named_reviewer_show_no_line_of_reviewers(
    hub: Hub, shortlisted: Shortlisted, presenter: Presenter, screen: SharedScreen
) -> None:
    review = start_review(hub.db, shortlisted.ideas[0])
    add_note(hub.db, review.id, "strength", "Neighbours already meet at the school")
    presenter.show_review(shortlisted.ideas[0])
    texts = seen(screen)
    assert "Neighbours already meet at the school" in texts
    assert not [t for t in texts if t.startswith("Reviewers")]
    add_note(hub.db, review.id, "risk", "Volunteers tire", shortlisted.people[1])
    hub.reviewChanged.emit(shortlisted.workshop_id, shortlisted.ideas[0])
    assert "Reviewers: 0 internal, 1 external" in seen(screen)


def review_slide_of(columns: dict[str, list[str]]) -> ReviewSlide:
    kinds = ("strength", "weakness", "risk", "question", "suggestion")
    return ReviewSlide(
        idea_id="i",
        idea_title="Kvarterssoppa en gång i veckan",
        format_name="Review board",
        question="What holds, and what must be better?",
        columns=tuple(
            ReviewColumn(kind, kind.title(), tuple(ReviewCard(text, "") for text in columns.get(kind, [])))
            for kind in kinds
        ),
        started=True,
        composition="",
        recommendation="",
    )


def test_one_overflowing_column_cuts_its_own_longest_notes_and_no_other_column(qtbot: QtBot) -> None:
    # GIVEN a risk read whole anywhere, and a column of questions too many to show whole
    risk = "Långt ord: arbetsmiljöverksamhetsansvarsfördelningsprocessen fungerar inte " * 2
    long_question = "Hur gör vi med kvällarna när volontärerna har gått hem och köket är stängt? " * 3
    questions = [long_question] + [f"Fråga nummer {n}: vem lagar soppan?" for n in range(1, 13)]
    slide = review_slide_of({"risk": [risk], "question": questions})
    # WHEN the board is laid out for the room
    layout = ReviewCanvas().arrange(slide, *FULL_HD)
    # THEN the risk is read whole and the questions cut only their long one
    [risk_note] = layout.columns[2].notes
    assert risk_note.reading == " ".join(risk.split())
    placed = layout.columns[3]
    assert placed.notes[0].reading.endswith("…")
    assert [n.reading for n in placed.notes[1:]] == questions[1 : len(placed.notes)]
    assert len(placed.notes) + placed.hidden == len(questions)


def test_the_six_hats_are_named_under_the_question(
    hub: Hub, shortlisted: Shortlisted, presenter: Presenter, screen: SharedScreen
) -> None:
    review = start_review(hub.db, shortlisted.ideas[0], "six_hats")
    add_note(hub.db, review.id, "risk", "Black hat: who cooks when the volunteers stop?")
    presenter.show_review(shortlisted.ideas[0])
    slide = presenter.scene.review
    assert slide is not None
    assert slide.roles == (
        "White hat: facts",
        "Red hat: feelings",
        "Black hat: caution",
        "Yellow hat: benefits",
        "Green hat: creativity",
        "Blue hat: process",
    )
    assert slide.columns[3].prompts == (
        "Facts: what do we know, and what do we need to know?",
        "Process: what should we think about next, and what is to decide?",
    )
    seen(screen)
    drawn = {d.text: d for d in screen.drawn()}
    roles = drawn[" · ".join(slide.roles)]
    question = drawn["Everyone wears the same hat at the same time; change hats together."]
    header = drawn["Risks (1)"]
    assert question.rect.bottom() <= roles.rect.top() + 1
    assert roles.rect.bottom() <= header.rect.top()
    assert roles.pixel_size >= round(FULL_HD[1] * MIN_TYPE)


def test_the_prompts_stand_under_the_headers_while_the_notes_are_read_whole(
    hub: Hub, shortlisted: Shortlisted, presenter: Presenter, screen: SharedScreen
) -> None:
    review = start_review(hub.db, shortlisted.ideas[0])
    add_note(hub.db, review.id, "risk", "Volunteers tire by spring")
    presenter.show_review(shortlisted.ideas[0])
    seen(screen)
    drawn = {d.text: d for d in screen.drawn()}
    prompt = drawn["What could go wrong, and for whom?"]
    assert drawn["Risks (1)"].rect.bottom() <= prompt.rect.top()
    assert prompt.rect.bottom() <= drawn["Volunteers tire by spring"].rect.top()
    assert prompt.pixel_size >= round(FULL_HD[1] * MIN_TYPE)
    # A board too full to read whole gives the prompts' room to the notes.
    for n in range(30):
        add_note(hub.db, review.id, "risk", f"Risk {n}: the rota must cover evenings and weekends as well")
    hub.reviewChanged.emit(shortlisted.workshop_id, shortlisted.ideas[0])
    assert "What could go wrong, and for whom?" not in seen(screen)


def test_a_short_word_is_not_broken_while_the_type_can_shrink(qtbot: QtBot) -> None:
    note = "Svart hatt: vem lagar soppan när volontärerna slutar?"
    layout = ReviewCanvas().arrange(review_slide_of({"risk": [note]}), *FULL_HD)
    [placed] = layout.columns[2].notes
    assert placed.reading == note
    assert not [line for line in placed.lines if line.endswith("-")]


@pytest.mark.parametrize("width", range(200, 420, 7))
def test_a_broken_word_leaves_at_least_three_characters_on_the_next_line(qtbot: QtBot, width: int) -> None:
    # Lines of eight characters and more: a column on the room's screen holds at least that.
    text = "Svart hatt: vem lagar soppan när volontärerna slutar? Gymnasieeleverna? Arbetsmiljöverksamhet"
    lines, reading = wrap(text, font(49), width, 40)
    assert reading == text
    for line, after in itertools.pairwise(lines):
        if line.endswith("-"):
            assert len(after.split()[0]) >= 3, (line, after)
    assert all(QFontMetricsF(font(49)).horizontalAdvance(line) <= width + 1 for line in lines)
