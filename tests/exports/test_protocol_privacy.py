"""Over generated workshops: the protocol names a person only with consent, never an anonymous giver.

Also the characters the embedded fonts cannot draw, and how participants are named.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pypdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.ideas import add_idea
from app.participants import add_participant, list_participants, participant_label
from app.workshops import create_workshop
from exports.fonts import MISSING, printable
from exports.markdown import write_markdown
from exports.protocol import write_protocol
from exports.protocol_content import public_name
from exports.protocol_words import Words
from models.database import Database
from models.enums import ActorCategory
from tests.app.voting_setup import fresh_database

LINK = "https://intranet.example.se/uppfoljning/{workshop_id}"
person = st.tuples(st.booleans(), st.sampled_from(list(ActorCategory)), st.sampled_from(["", "Hemtjänsten"]))
#: (index of the giver among the people, or None; anonymous)
idea = st.tuples(st.one_of(st.none(), st.integers(0, 5)), st.booleans())


def name(n: int) -> str:
    """A name that cannot be part of any other text of the protocol."""
    return f"Zelmå Qvörnstrand{n:02d}X"


def workshop_of(
    db: Database, people: list[tuple[bool, ActorCategory, str]], ideas: list[tuple[int | None, bool]]
) -> str:
    w = create_workshop(db, "Verkstad", organisation="Sjöviks kommun")
    ids = [
        add_participant(
            db, w.id, display_name=name(n), consent_to_be_named=consent, role=role, organisation=org
        ).id
        for n, (consent, role, org) in enumerate(people)
    ]
    for n, (giver, anonymous) in enumerate(ideas):
        givers = [] if anonymous or giver is None or giver >= len(ids) else [ids[giver]]
        add_idea(db, w.id, f"Idé nummer {n}", giver_ids=givers, anonymous=anonymous)
    return w.id


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people=st.lists(person, min_size=1, max_size=6), ideas=st.lists(idea, max_size=6))
def test_only_those_who_consented_are_named(
    people: list[tuple[bool, ActorCategory, str]], ideas: list[tuple[int | None, bool]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = fresh_database(Path(folder) / "mylla.db")
        try:
            workshop_id = workshop_of(db, people, ideas)
            pdf, md = Path(folder) / "p.pdf", Path(folder) / "p.md"
            write_protocol(db, workshop_id, pdf, lang="sv", follow_up_url=LINK)
            write_markdown(db, workshop_id, md, lang="en", follow_up_url=LINK)
            texts = {
                "pdf": " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(pdf).pages),
                "md": md.read_text(encoding="utf-8"),
            }
        finally:
            db.close()
    for kind, text in texts.items():
        for n, (consent, _role, _org) in enumerate(people):
            assert (name(n) in text) == consent, (kind, n)


def test_the_public_name_is_the_apps_public_label(db: Database) -> None:
    w = create_workshop(db, "Verkstad")
    add_participant(db, w.id, display_name="Amira Hassan", consent_to_be_named=True)
    add_participant(db, w.id, display_name="Ola Berg", organisation="Hemtjänsten Norra")
    add_participant(db, w.id, role=ActorCategory.CITIZEN)
    add_participant(db, w.id, display_name="Per Ek", role=ActorCategory.BUSINESS, consent_to_be_named=False)
    for p in list_participants(db, w.id):
        assert public_name(p, Words("sv")) == participant_label(p, public=True)


def test_characters_outside_the_fonts_print_as_their_nearest_or_a_box() -> None:
    assert printable("Åsa Ærø Øvergaard ÄÖ é ñ ß") == "Åsa Ærø Øvergaard ÄÖ é ñ ß"
    assert printable("ＡＢ") == "AB"  # full-width letters
    assert printable("Kim 🎉") == f"Kim {MISSING}"
    assert printable("😀 ☕") == "😀 ☕"  # the few emoji DejaVu draws, in black and white
    assert printable("👍🏽 bra") == f"{MISSING} bra"  # a skin tone is not a second box
    assert printable("❤️") == "❤"  # the emoji variation selector prints nothing
    assert printable("会议") == MISSING * 2
    assert printable("✓ klart, ≤ 5 %, € 120, ŋ đ ž, Жизнь") == "✓ klart, ≤ 5 %, € 120, ŋ đ ž, Жизнь"
    # Right-to-left scripts would print unjoined and backwards: a box says so honestly.
    assert printable("شكرا") == MISSING * 4
    assert printable("שלום") == MISSING * 4


def test_an_emoji_in_a_name_prints_as_one_box(db: Database, tmp_path: Path) -> None:
    w = create_workshop(db, "Verkstad 🚀", organisation="Sjöviks kommun")
    add_participant(db, w.id, display_name="Kim 🎉 Ek", consent_to_be_named=True)
    out = tmp_path / "p.pdf"
    write_protocol(db, w.id, out, lang="sv", follow_up_url=LINK)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert f"Kim {MISSING} Ek" in text
    assert f"Verkstad {MISSING}" in text
    assert "🎉" not in text
