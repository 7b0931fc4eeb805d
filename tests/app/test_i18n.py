"""Every string the user can see has Swedish and Norwegian Bokmål translations with the same placeholders."""

from __future__ import annotations

import re
import string
from datetime import date

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from app.i18n import (
    LANGUAGES,
    LOCALE_DIR,
    SOURCE_LANGUAGE,
    _,
    extract_template,
    format_date,
    ngettext,
    set_language,
)
from app.paths import ASSETS
from exports.protocol_words import Words

ROOT = ASSETS.parent
#: Every language the UI offers apart from the source language has a catalogue of its own.
TRANSLATED = tuple(language for language in LANGUAGES if language != SOURCE_LANGUAGE)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The strings marked for translation in the code, as the catalogues are made from."""
    pot = tmp_path_factory.mktemp("pot") / "mylla.pot"
    extract_template(pot)
    with pot.open("rb") as fh:
        return read_po(fh)


def read_catalogue(language: str) -> Catalog:
    with (LOCALE_DIR / language / "LC_MESSAGES" / "mylla.po").open("rb") as fh:
        return read_po(fh, locale=language)


@pytest.fixture(scope="module", params=TRANSLATED)
def catalogue(request: pytest.FixtureRequest) -> Catalog:
    return read_catalogue(request.param)


def placeholders(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def as_tuple(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def test_the_extraction_finds_the_strings_of_every_layer(extracted: Catalog) -> None:
    ids = {as_tuple(m.id)[0] for m in extracted if m.id}
    assert len(ids) > 50
    assert {"The title cannot be empty.", "Undo", "{title} (copy)", "Employee"} <= ids


def test_the_offered_languages_are_swedish_norwegian_and_english() -> None:
    assert TRANSLATED == ("sv", "nb")


def test_every_translatable_string_has_a_translation(extracted: Catalog, catalogue: Catalog) -> None:
    missing = []
    for message in extracted:
        if not message.id:
            continue
        translated = catalogue.get(message.id)
        if translated is None or translated.fuzzy or not all(as_tuple(translated.string)):
            missing.append(as_tuple(message.id)[0])
    assert missing == []


def test_no_translatable_string_hides_inside_an_f_string() -> None:
    # The extraction does not look inside f-strings: a _() there would never be translated.
    root = ASSETS.parent
    hidden = [
        f"{path.relative_to(root)}:{number}"
        for folder in ("app", "ui", "exports")
        for path in sorted((root / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"""\bf(["']).*\{_\(""", line)
    ]
    assert hidden == []


def test_placeholders_match_the_source(catalogue: Catalog) -> None:
    wrong = []
    for message in catalogue:
        if not message.id:
            continue
        expected = set().union(*(placeholders(text) for text in as_tuple(message.id)))
        for text in as_tuple(message.string):
            if text and placeholders(text) != expected:
                wrong.append((as_tuple(message.id)[0], text))
    assert wrong == []


def test_the_translations_load_and_switch() -> None:
    assert _("Undo") == "Ångra"
    assert _("The title cannot be empty.") == "Titeln får inte vara tom."
    set_language("en")
    assert _("Undo") == "Undo"
    set_language("sv")
    assert _("Undo") == "Ångra"
    assert _("{title} (copy)").format(title="Trygg hemma") == "Trygg hemma (kopia)"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="xx"):
        set_language("xx")
    assert _("Undo") == "Ångra"


def test_dates() -> None:
    assert format_date(date(2026, 3, 12), "iso") == "2026-03-12"
    assert format_date(None) == ""
    assert "mars" in format_date(date(2026, 3, 12), "long")


def test_norwegian_has_two_plural_forms_and_keeps_accelerators_and_ellipses() -> None:
    catalogue = read_catalogue("nb")
    assert catalogue.num_plurals == 2
    assert catalogue.plural_expr == "(n != 1)"
    lost = []
    for message in catalogue:
        if not message.id:
            continue
        source = as_tuple(message.id)[0]
        for text in as_tuple(message.string):
            if ("&" in source) != ("&" in text) or ("…" in source) != ("…" in text):
                lost.append((source, text))
    assert lost == []


def test_norwegian_loads_with_its_plurals() -> None:
    set_language("nb")
    assert _("Undo") == "Angre"
    assert (
        _("Add “{title}” to the shortlist").format(title="Trygg hjemme")
        == "Legg til «Trygg hjemme» på kortlisten"
    )
    assert ngettext("{n} idea", "{n} ideas", 1).format(n=1) == "1 idé"
    assert ngettext("{n} idea", "{n} ideas", 3).format(n=3) == "3 ideer"
    assert "mars" in format_date(date(2026, 3, 12), "long")


def test_a_norwegian_protocol_has_norwegian_words() -> None:
    words = Words("nb")
    assert words._("Dot voting") == "Prikkstemming"
    assert words._("Decision") == "Vedtak"
    assert words.ngettext("{n} ballot was cast.", "{n} ballots were cast.", 14).format(n=14) == (
        "14 stemmesedler ble avgitt."
    )
    assert words.quoted(["Trygg hjemme"]) == "«Trygg hjemme»"
    assert Words("sv")._("Decision") == "Beslut"
