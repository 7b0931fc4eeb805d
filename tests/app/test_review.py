"""Critical review: a board of notes per shortlisted idea, its group and its recommendation."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.backings import add_backing
from app.errors import InvalidInput, NotFound
from app.ideas import get_idea
from app.participants import add_participant
from app.plans import create_plan
from app.review import (
    ReviewCompleted,
    add_note,
    change_format,
    composition,
    get_review,
    list_reviews,
    move_note,
    remove_note,
    remove_review,
    reopen_review,
    restore_note,
    restore_review,
    review_of_idea,
    set_recommendation,
    start_review,
    update_note,
)
from app.review_snapshots import FORMAT_GUIDES, NOTE_KIND_NAMES, Composition, format_guide
from app.shortlist import add_to_shortlist, remove_from_shortlist, shortlist
from app.snapshots import WorkshopSnapshot
from app.text import TEXT_MAX
from app.workshops import create_workshop
from models.database import Database
from models.enums import IdeaStatus, NoteKind, Recommendation, ReviewFormat
from models.review import Review, ReviewNote
from tests.app import voting_setup
from tests.app.test_text import PIECES
from tests.app.voting_setup import Board, make_board

english, db = voting_setup.english, voting_setup.db
REASON = "Gruppen valde den."


@pytest.fixture
def board(db: Database, workshop: WorkshopSnapshot) -> Board:
    """Ideas 0 and 1 on the shortlist (idea 1 backed); the others not."""
    made = make_board(db, workshop.id)
    add_backing(db, made.ideas[1], "Tack för idén!")
    add_to_shortlist(db, workshop.id, made.ideas[0], REASON)
    add_to_shortlist(db, workshop.id, made.ideas[1], REASON)
    return made


@pytest.fixture
def review_id(db: Database, board: Board) -> str:
    return start_review(db, board.ideas[0]).id


def stored_notes(db: Database, review_id: str) -> list[ReviewNote]:
    with db.transaction() as session:
        return list(session.scalars(select(ReviewNote).where(ReviewNote.review_id == review_id)))


def status(db: Database, idea_id: str) -> str:
    return get_idea(db, idea_id).status


def texts(db: Database, review_id: str, kind: NoteKind) -> list[str]:
    return [n.text for n in get_review(db, review_id).column(kind)]


# Starting a review -------------------------------------------------------------------------------


def test_a_shortlisted_idea_gets_one_review_in_the_chosen_format(db: Database, board: Board) -> None:
    review = start_review(db, board.ideas[1], ReviewFormat.PRE_MORTEM)

    assert (review.idea_id, review.format, review.workshop_id) == (
        board.ideas[1],
        ReviewFormat.PRE_MORTEM,
        board.workshop_id,
    )
    assert (review.notes, review.recommendation, review.completed) == ((), None, False)
    assert review_of_idea(db, board.ideas[1]) == review
    with pytest.raises(InvalidInput) as again:
        start_review(db, board.ideas[1])
    assert again.value.message == "This idea is already being reviewed: open its review instead."
    with db.transaction() as session:
        assert len(list(session.scalars(select(Review)))) == 1


def test_an_idea_off_the_shortlist_is_not_reviewed(db: Database, board: Board) -> None:
    [first, _second] = shortlist(db, board.workshop_id)
    remove_from_shortlist(db, first.id, "Ändrade oss.")

    for idea_id in (board.ideas[0], board.ideas[5]):
        with pytest.raises(InvalidInput) as refused:
            start_review(db, idea_id)
        assert refused.value.message == (
            "Only an idea on the shortlist goes to critical review: put it on the shortlist first."
        )
    assert review_of_idea(db, board.ideas[5]) is None
    with db.transaction() as session:
        assert list(session.scalars(select(Review))) == []


def test_an_unknown_format_or_idea_is_refused(db: Database, board: Board) -> None:
    with pytest.raises(InvalidInput) as unknown:
        start_review(db, board.ideas[0], "brainstorm")
    with pytest.raises(NotFound):
        start_review(db, "no-such-idea")

    assert unknown.value.field == "format"
    assert review_of_idea(db, board.ideas[0]) is None


def test_a_removed_review_makes_room_and_comes_back_only_if_there_is_room(
    db: Database, board: Board, review_id: str
) -> None:
    removed = remove_review(db, review_id)
    second = start_review(db, board.ideas[0], ReviewFormat.SIX_HATS)

    assert removed.deleted
    assert review_of_idea(db, board.ideas[0]) == second
    with pytest.raises(InvalidInput):
        restore_review(db, review_id)
    remove_review(db, second.id)
    assert restore_review(db, review_id).deleted is False
    assert review_of_idea(db, board.ideas[0]) == get_review(db, review_id)


def test_a_workshops_reviews_follow_the_shortlist(db: Database, board: Board, review_id: str) -> None:
    later = start_review(db, board.ideas[1])
    [first, second] = shortlist(db, board.workshop_id)
    remove_from_shortlist(db, first.id, "Ändrade oss.")
    other = create_workshop(db, "Annan verkstad")
    make_board(db, other.id)

    assert [r.id for r in list_reviews(db, board.workshop_id)] == [later.id, review_id]
    assert list_reviews(db, other.id) == []
    remove_review(db, later.id)
    assert [r.id for r in list_reviews(db, board.workshop_id)] == [review_id]
    assert second.idea_id == board.ideas[1]


# Notes -------------------------------------------------------------------------------------------


def test_notes_stand_in_their_columns_in_order(db: Database, board: Board, review_id: str) -> None:
    add_note(db, review_id, NoteKind.RISK, "Kan bli dyrt.")
    add_note(db, review_id, NoteKind.STRENGTH, "Enkel att prova.", board.people[0])
    add_note(db, review_id, "strength", "Billig.")
    add_note(db, review_id, NoteKind.SUGGESTION, "Prova i en stadsdel.")

    review = get_review(db, review_id)
    assert [(n.kind, n.text) for n in review.notes] == [
        (NoteKind.STRENGTH, "Enkel att prova."),
        (NoteKind.STRENGTH, "Billig."),
        (NoteKind.RISK, "Kan bli dyrt."),
        (NoteKind.SUGGESTION, "Prova i en stadsdel."),
    ]
    assert review.notes[0].reviewer_id == board.people[0]
    assert review.column(NoteKind.QUESTION) == ()


def test_a_note_that_cannot_be_taken_leaves_the_board_as_it_was(
    db: Database, board: Board, review_id: str
) -> None:
    other = create_workshop(db, "Annan verkstad")
    stranger = add_participant(db, other.id, origin="external")

    refusals = [
        (lambda: add_note(db, review_id, "praise", "Bra!"), "kind"),
        (lambda: add_note(db, review_id, NoteKind.RISK, " \n\t"), "text"),
        (lambda: add_note(db, review_id, NoteKind.RISK, "ø" * (TEXT_MAX + 1)), "text"),
        (lambda: add_note(db, review_id, NoteKind.RISK, "Dyrt.", stranger.id), "reviewer_id"),
    ]
    for call, field in refusals:
        with pytest.raises(InvalidInput) as refused:
            call()
        assert refused.value.field == field
    with pytest.raises(NotFound):
        add_note(db, review_id, NoteKind.RISK, "Dyrt.", "no-such-person")
    assert stored_notes(db, review_id) == []


PROPERTY = settings(
    deadline=None, max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
unicode_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=12).map("".join)


@PROPERTY
@given(text=unicode_text.filter(lambda s: s.strip()), reasons=unicode_text.filter(lambda s: s.strip()))
def test_notes_and_reasons_keep_any_unicode_exactly(
    db: Database, board: Board, review_id: str, text: str, reasons: str
) -> None:
    note = add_note(db, review_id, NoteKind.QUESTION, text)
    reworded = update_note(db, note.id, text + "?")
    done = set_recommendation(db, review_id, Recommendation.REWORK, reasons)
    reopen_review(db, review_id)

    assert (note.text, reworded.text, done.reasons) == (text, text + "?", reasons)
    assert [n.text for n in stored_notes(db, review_id) if n.id == note.id] == [text + "?"]


def test_a_long_note_is_kept_whole(db: Database, board: Board, review_id: str) -> None:
    long = "Lång anteckning med 🌱.\n" * (TEXT_MAX // 24)

    add_note(db, review_id, NoteKind.WEAKNESS, long)

    assert texts(db, review_id, NoteKind.WEAKNESS) == [long]


def test_a_note_is_reworded_and_its_reviewer_changed_or_cleared(
    db: Database, board: Board, review_id: str
) -> None:
    note = add_note(db, review_id, NoteKind.RISK, "Dyrt.", board.people[0])

    update_note(db, note.id, "Dyrt i början.")
    assert stored_notes(db, review_id)[0].reviewer_id == board.people[0]
    update_note(db, note.id, reviewer_id=board.people[1])
    assert stored_notes(db, review_id)[0].reviewer_id == board.people[1]
    cleared = update_note(db, note.id, reviewer_id=None)

    assert (cleared.text, cleared.reviewer_id) == ("Dyrt i början.", None)
    with pytest.raises(InvalidInput):
        update_note(db, note.id, "  ")
    assert stored_notes(db, review_id)[0].text == "Dyrt i början."


def test_notes_move_within_and_between_columns(db: Database, board: Board, review_id: str) -> None:
    a, b, c = (add_note(db, review_id, NoteKind.RISK, t) for t in ("A", "B", "C"))
    d = add_note(db, review_id, NoteKind.QUESTION, "D")

    move_note(db, c.id, 0)
    assert texts(db, review_id, NoteKind.RISK) == ["C", "A", "B"]
    board_after = move_note(db, a.id, 0, NoteKind.QUESTION)
    assert [n.text for n in board_after.column(NoteKind.QUESTION)] == ["A", "D"]
    assert texts(db, review_id, NoteKind.RISK) == ["C", "B"]
    move_note(db, b.id, 99)
    assert texts(db, review_id, NoteKind.RISK) == ["C", "B"]
    with pytest.raises(InvalidInput):
        move_note(db, d.id, 0, "praise")
    assert texts(db, review_id, NoteKind.QUESTION) == ["A", "D"]


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    moves=st.lists(
        st.tuples(st.integers(0, 4), st.integers(-1, 6), st.sampled_from([None, *NoteKind])), max_size=8
    )
)
def test_moves_keep_every_note_once_and_land_where_asked(
    db: Database, board: Board, moves: list[tuple[int, int, NoteKind | None]]
) -> None:
    review = start_review(db, board.ideas[1])  # one per example: the database is the test's
    try:
        notes = [
            add_note(db, review.id, NoteKind.RISK if n % 2 else NoteKind.STRENGTH, str(n)) for n in range(5)
        ]
        kinds = {n.id: n.kind for n in notes}

        for which, position, kind in moves:
            moved = notes[which].id
            after = move_note(db, moved, position, kind)
            kinds[moved] = kind or kinds[moved]
            column = [n.id for n in after.column(kinds[moved])]
            assert column.index(moved) == (position if 0 <= position < len(column) else len(column) - 1)

        shown = get_review(db, review.id).notes
        assert sorted(n.id for n in shown) == sorted(kinds)
        assert all(n.kind is kinds[n.id] for n in shown)
    finally:
        remove_review(db, review.id)


def test_a_removed_note_is_kept_and_comes_back_in_its_place(
    db: Database, board: Board, review_id: str
) -> None:
    _a, b, _c = (add_note(db, review_id, NoteKind.STRENGTH, t) for t in ("A", "B", "C"))

    removed = remove_note(db, b.id)
    assert removed.deleted
    assert texts(db, review_id, NoteKind.STRENGTH) == ["A", "C"]
    assert [n.deleted_at is not None for n in stored_notes(db, review_id) if n.id == b.id] == [True]
    restore_note(db, b.id)

    assert texts(db, review_id, NoteKind.STRENGTH) == ["A", "B", "C"]


# The review group --------------------------------------------------------------------------------


def test_the_group_counts_distinct_internal_and_external_reviewers(
    db: Database, board: Board, review_id: str
) -> None:
    colleague = add_participant(db, board.workshop_id, origin="internal", role="employee")
    add_note(db, review_id, NoteKind.STRENGTH, "Bra.", board.people[0])  # external
    add_note(db, review_id, NoteKind.RISK, "Dyrt.", board.people[0])
    add_note(db, review_id, NoteKind.RISK, "Tidskrävande.", board.people[1])  # external
    add_note(db, review_id, NoteKind.QUESTION, "Vem äger det?", colleague.id)
    add_note(db, review_id, NoteKind.QUESTION, "Hur mäter vi?")
    gone = add_note(db, review_id, NoteKind.QUESTION, "Glömt.")

    remove_note(db, gone.id)

    group = composition(db, review_id)
    assert group == Composition(internal=1, external=2, notes_without_reviewer=1)
    assert (group.reviewers, group.mixed) == (3, True)
    assert get_review(db, review_id).composition == group
    marks = [(n.text, n.reviewer_origin) for n in get_review(db, review_id).notes]
    assert marks == [
        ("Bra.", "external"),
        ("Dyrt.", "external"),
        ("Tidskrävande.", "external"),
        ("Vem äger det?", "internal"),
        ("Hur mäter vi?", None),
    ]


def test_a_group_of_one_kind_is_not_mixed(db: Database, board: Board, review_id: str) -> None:
    assert composition(db, review_id) == Composition(0, 0, 0)
    add_note(db, review_id, NoteKind.STRENGTH, "Bra.", board.people[2])

    assert composition(db, review_id).mixed is False


# The recommendation ------------------------------------------------------------------------------


def test_a_recommendation_needs_reasons(db: Database, board: Board, review_id: str) -> None:
    with pytest.raises(InvalidInput) as no_reasons:
        set_recommendation(db, review_id, Recommendation.PROCEED, "  \n")
    with pytest.raises(InvalidInput) as unknown:
        set_recommendation(db, review_id, "maybe", "Vet ej.")

    assert no_reasons.value.message == "Write the reasons for the recommendation."
    assert unknown.value.field == "recommendation"
    review = get_review(db, review_id)
    assert (review.recommendation, review.completed_at) == (None, None)
    assert status(db, board.ideas[0]) == IdeaStatus.SHORTLISTED


def test_proceed_completes_the_review_and_the_idea_is_reviewed(
    db: Database, board: Board, review_id: str
) -> None:
    before = datetime.now(UTC)
    done = set_recommendation(db, review_id, Recommendation.PROCEED, "Stark idé, låg risk.")

    assert (done.recommendation, done.reasons, done.completed) == (
        Recommendation.PROCEED,
        "Stark idé, låg risk.",
        True,
    )
    assert done.completed_at is not None
    assert done.completed_at >= before
    assert status(db, board.ideas[0]) == IdeaStatus.REVIEWED


def test_park_parks_the_idea_and_reopening_brings_it_back(db: Database, board: Board) -> None:
    review = start_review(db, board.ideas[1])  # idea 1 is backed as well

    set_recommendation(db, review.id, Recommendation.PARK, "Inte nu.")
    assert status(db, board.ideas[1]) == IdeaStatus.PARKED
    set_recommendation(db, review.id, Recommendation.REWORK, "Ändrade oss: gör om.")
    assert status(db, board.ideas[1]) == IdeaStatus.REVIEWED
    reopened = reopen_review(db, review.id)

    assert (reopened.completed, reopened.recommendation, reopened.reasons) == (
        False,
        Recommendation.REWORK,
        "Ändrade oss: gör om.",
    )
    assert status(db, board.ideas[1]) == IdeaStatus.SHORTLISTED
    [_first, second] = shortlist(db, board.workshop_id)
    remove_from_shortlist(db, second.id, "Ändrade oss.")
    set_recommendation(db, review.id, Recommendation.PROCEED, "Ändå.")
    remove_review(db, review.id)
    assert status(db, board.ideas[1]) == IdeaStatus.BACKED


def test_a_later_step_is_not_undone_by_the_review(db: Database, board: Board, review_id: str) -> None:
    create_plan(db, board.ideas[0], today=date(2026, 3, 12))
    assert status(db, board.ideas[0]) == IdeaStatus.PLANNED

    set_recommendation(db, review_id, Recommendation.PROCEED, "Bra.")
    reopen_review(db, review_id)

    assert status(db, board.ideas[0]) == IdeaStatus.PLANNED


def test_a_completed_review_keeps_its_notes_until_reopened(
    db: Database, board: Board, review_id: str
) -> None:
    note = add_note(db, review_id, NoteKind.RISK, "Dyrt.")
    set_recommendation(db, review_id, Recommendation.PROCEED, "Bra.")

    changes = [
        lambda: add_note(db, review_id, NoteKind.RISK, "Sent påkommet."),
        lambda: update_note(db, note.id, "Ändrat."),
        lambda: move_note(db, note.id, 0, NoteKind.QUESTION),
        lambda: remove_note(db, note.id),
    ]
    for change in changes:
        with pytest.raises(ReviewCompleted) as refused:
            change()
        assert refused.value.message == "The review is complete: reopen it to change its notes."
    assert [(n.kind, n.text, n.deleted_at) for n in stored_notes(db, review_id)] == [
        (NoteKind.RISK, "Dyrt.", None)
    ]
    reopen_review(db, review_id)
    update_note(db, note.id, "Ändrat.")
    assert texts(db, review_id, NoteKind.RISK) == ["Ändrat."]


# The formats -------------------------------------------------------------------------------------


@pytest.mark.parametrize("review_format", list(ReviewFormat))
def test_every_format_asks_for_every_kind_of_note(review_format: ReviewFormat) -> None:
    guide = format_guide(review_format)

    assert guide.format is review_format
    assert guide.name
    assert guide.question
    for kind in NoteKind:
        assert guide.prompts_for(kind), kind
    assert {p.role for p in guide.prompts} == ({r.key for r in guide.roles} or {""})


def test_six_hats_map_onto_the_note_kinds() -> None:
    guide = format_guide(ReviewFormat.SIX_HATS)
    kinds = {role.key: {p.kind for p in guide.prompts if p.role == role.key} for role in guide.roles}

    assert kinds == {
        "white": {NoteKind.QUESTION},
        "red": {NoteKind.STRENGTH, NoteKind.WEAKNESS},
        "black": {NoteKind.RISK, NoteKind.WEAKNESS},
        "yellow": {NoteKind.STRENGTH},
        "green": {NoteKind.SUGGESTION},
        "blue": {NoteKind.QUESTION},
    }
    assert format_guide(ReviewFormat.PRE_MORTEM).question == "A year from now the idea has failed. Why?"
    assert list(NOTE_KIND_NAMES) == list(NoteKind)
    assert set(FORMAT_GUIDES) == set(ReviewFormat)


def test_the_format_changes_and_the_notes_stay(db: Database, board: Board, review_id: str) -> None:
    add_note(db, review_id, NoteKind.RISK, "Dyrt.")

    changed = change_format(db, review_id, ReviewFormat.PRE_MORTEM)

    assert changed.format is ReviewFormat.PRE_MORTEM
    assert [n.text for n in changed.notes] == ["Dyrt."]
    with pytest.raises(InvalidInput):
        change_format(db, review_id, "sticky_notes")
    assert get_review(db, review_id).format is ReviewFormat.PRE_MORTEM


def test_the_snapshot_carries_the_format(db: Database, board: Board) -> None:
    start_review(db, board.ideas[0], ReviewFormat.SIX_HATS)

    [review] = list_reviews(db, board.workshop_id)
    assert review.format is ReviewFormat.SIX_HATS
    with db.transaction() as session:
        assert session.scalars(select(Review.format)).one() == "six_hats"


def test_a_workshops_reviews_are_read_in_the_same_few_queries_however_many(
    db: Database, board: Board, review_id: str
) -> None:
    from sqlalchemy import event

    def statements() -> int:
        seen: list[object] = []

        def count(*args: object) -> None:
            seen.append(args[2])

        event.listen(db.engine, "before_cursor_execute", count)
        try:
            list_reviews(db, board.workshop_id)
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
        return len(seen)

    add_note(db, review_id, "risk", "Kostar mer än vi tror")
    one = statements()
    later = start_review(db, board.ideas[1])
    add_note(db, later.id, "strength", "Enkel att börja med")
    add_note(db, later.id, "question", "Vem ringer på helger?")
    reviews = list_reviews(db, board.workshop_id)
    assert statements() == one
    assert [[n.text for n in r.notes] for r in reviews] == [
        ["Kostar mer än vi tror"],
        ["Enkel att börja med", "Vem ringer på helger?"],
    ]
    assert [r.composition.notes_without_reviewer for r in reviews] == [1, 2]
