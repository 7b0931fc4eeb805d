"""Every string the user can see has a Swedish translation with the same placeholders."""

from __future__ import annotations

import re
import string
from datetime import date

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from app.i18n import LOCALE_DIR, _, extract_template, format_date, set_language
from app.paths import ASSETS

ROOT = ASSETS.parent
SWEDISH = LOCALE_DIR / "sv" / "LC_MESSAGES" / "mylla.po"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The strings marked for translation in the code, as the catalogues are made from."""
    pot = tmp_path_factory.mktemp("pot") / "mylla.pot"
    extract_template(pot)
    with pot.open("rb") as fh:
        return read_po(fh)


@pytest.fixture(scope="module")
def swedish_catalogue() -> Catalog:
    with SWEDISH.open("rb") as fh:
        return read_po(fh, locale="sv")


def placeholders(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def as_tuple(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def test_the_extraction_finds_the_strings_of_every_layer(extracted: Catalog) -> None:
    ids = {as_tuple(m.id)[0] for m in extracted if m.id}
    assert len(ids) > 50
    assert {"The title cannot be empty.", "Undo", "{title} (copy)", "Employee"} <= ids


def test_every_translatable_string_has_a_swedish_translation(
    extracted: Catalog, swedish_catalogue: Catalog
) -> None:
    missing = []
    for message in extracted:
        if not message.id:
            continue
        translated = swedish_catalogue.get(message.id)
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


def test_swedish_placeholders_match_the_source(swedish_catalogue: Catalog) -> None:
    wrong = []
    for message in swedish_catalogue:
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
