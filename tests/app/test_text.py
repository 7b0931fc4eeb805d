"""Any Unicode is kept exactly; a pasted document is refused with its length and the limit."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.errors import InvalidInput
from app.i18n import format_number
from app.ideas import add_idea, list_ideas, update_idea
from app.snapshots import WorkshopSnapshot
from app.text import TEXT_MAX, TITLE_MAX
from app.workshops import create_workshop, get_workshop, list_workshops, update_workshop
from models.database import Database

#: Pieces that have broken text handling elsewhere: Nordic letters, emoji with joiners and skin
#: tones, right-to-left scripts with their marks, combining accents, odd white space.
PIECES = (
    "åäöÅÄÖ",
    "æøÆØ",
    "🌱",
    "👩🏽‍🌾",
    "🇸🇪",
    "مرحبا بالعالم",
    "שלום עולם",
    "\u200f",
    "\u202e",
    "e\u0301",
    "a\u0308\u0323",
    "\u00a0",
    "\u3000",
    "\t",
    "\r\n",
    "\x00",
    "ﬁ",
    "Ω",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
)

unicode_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=12).map("".join)
titles = unicode_text.filter(lambda s: s.strip() and len(s.strip()) <= TITLE_MAX)

PROPERTY = settings(
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def too_long(length: int, limit: int) -> str:
    return f"Texten är {format_number(length)} tecken lång; högst {format_number(limit)} får plats."


@PROPERTY
@given(title=titles, body=unicode_text)
def test_an_idea_keeps_any_unicode(db: Database, workshop: WorkshopSnapshot, title: str, body: str) -> None:
    idea = add_idea(db, workshop.id, title, text=body)

    stored = next(i for i in list_ideas(db, workshop.id) if i.id == idea.id)
    assert stored.title == title.strip()
    assert stored.text == body


@PROPERTY
@given(title=titles, body=unicode_text)
def test_an_edited_idea_keeps_any_unicode(
    db: Database, workshop: WorkshopSnapshot, title: str, body: str
) -> None:
    idea = add_idea(db, workshop.id, "Fika", text="Varje torsdag.")

    update_idea(db, idea.id, title=title, text=body)

    stored = next(i for i in list_ideas(db, workshop.id) if i.id == idea.id)
    assert (stored.title, stored.text) == (title.strip(), body)


@PROPERTY
@given(title=titles, challenge=unicode_text, place=unicode_text, lessons=unicode_text)
def test_workshop_details_keep_any_unicode(
    db: Database, workshop: WorkshopSnapshot, title: str, challenge: str, place: str, lessons: str
) -> None:
    assume(len(place.strip()) <= TITLE_MAX)

    update_workshop(db, workshop.id, title=title, challenge=challenge, place=place, lessons_learned=lessons)

    stored = get_workshop(db, workshop.id)
    assert stored.title == title.strip()
    assert stored.challenge == challenge
    assert stored.place == place.strip()
    assert [w.title for w in list_workshops(db)] == [title.strip()]


@PROPERTY
@given(title=titles)
def test_a_new_workshop_keeps_any_unicode_title(db: Database, title: str) -> None:
    created = create_workshop(db, title)
    assert get_workshop(db, created.id).title == title.strip()


PASTE = "Ö" * 2_000_000


def test_a_pasted_document_as_a_workshop_title_is_refused(db: Database) -> None:
    with pytest.raises(InvalidInput) as caught:
        create_workshop(db, PASTE)

    assert caught.value.message == too_long(2_000_000, TITLE_MAX)
    assert "2\u00a0000\u00a0000" in caught.value.message
    assert caught.value.field == "title"
    assert list_workshops(db, include_deleted=True) == []


def test_a_pasted_document_as_a_renamed_title_is_refused(db: Database, workshop: WorkshopSnapshot) -> None:
    with pytest.raises(InvalidInput) as caught:
        update_workshop(db, workshop.id, title=PASTE, place="Sjövik")

    assert caught.value.message == too_long(2_000_000, TITLE_MAX)
    assert get_workshop(db, workshop.id) == workshop


def test_a_pasted_document_as_an_idea_is_refused(db: Database, workshop: WorkshopSnapshot) -> None:
    with pytest.raises(InvalidInput) as title_error:
        add_idea(db, workshop.id, PASTE)
    with pytest.raises(InvalidInput) as text_error:
        add_idea(db, workshop.id, "Fika", text=PASTE)

    assert title_error.value.message == too_long(2_000_000, TITLE_MAX)
    assert text_error.value.message == too_long(2_000_000, TEXT_MAX)
    assert "100\u00a0000" in text_error.value.message
    assert text_error.value.field == "text"
    assert list_ideas(db, workshop.id) == []


def test_a_pasted_document_into_a_stored_text_changes_nothing(
    db: Database, workshop: WorkshopSnapshot
) -> None:
    update_workshop(db, workshop.id, challenge="Ensamhet i hemtjänsten.")
    idea = add_idea(db, workshop.id, "Fika", text="Varje torsdag.")
    before = get_workshop(db, workshop.id)

    with pytest.raises(InvalidInput) as challenge_error:
        update_workshop(db, workshop.id, challenge=PASTE)
    with pytest.raises(InvalidInput) as idea_error:
        update_idea(db, idea.id, text=PASTE)

    assert challenge_error.value.message == too_long(2_000_000, TEXT_MAX)
    assert challenge_error.value.field == "challenge"
    assert idea_error.value.message == too_long(2_000_000, TEXT_MAX)
    assert get_workshop(db, workshop.id) == before
    assert list_ideas(db, workshop.id) == [idea]


def test_text_exactly_at_the_limit_is_accepted(db: Database, workshop: WorkshopSnapshot) -> None:
    title = "å" * TITLE_MAX
    body = "ø" * TEXT_MAX

    idea = add_idea(db, workshop.id, f"  {title}\n", text=body)
    update_workshop(db, workshop.id, title=title, challenge=body)

    [stored] = list_ideas(db, workshop.id)
    assert (stored.id, stored.title, stored.text) == (idea.id, title, body)
    shown = get_workshop(db, workshop.id)
    assert (shown.title, shown.challenge) == (title, body)


def test_one_character_over_the_limit_is_refused(db: Database, workshop: WorkshopSnapshot) -> None:
    with pytest.raises(InvalidInput) as title_error:
        add_idea(db, workshop.id, "å" * (TITLE_MAX + 1))
    with pytest.raises(InvalidInput) as text_error:
        add_idea(db, workshop.id, "Fika", text="ø" * (TEXT_MAX + 1))

    assert title_error.value.message == too_long(TITLE_MAX + 1, TITLE_MAX)
    assert text_error.value.message == too_long(TEXT_MAX + 1, TEXT_MAX)
    assert list_ideas(db, workshop.id) == []
