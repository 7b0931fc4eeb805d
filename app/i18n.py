"""Translations (gettext catalogues shared by the screen and the paper) and local formats.

Source strings are English; Swedish is the default language. ``python -m app.i18n``
extracts, updates and compiles the catalogues in assets/locale.
"""

from __future__ import annotations

import gettext
import io
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from app.paths import ASSETS

DOMAIN = "mylla"
LOCALE_DIR = ASSETS / "locale"
DEFAULT_LANGUAGE = "sv"
#: The languages the UI offers, in the order it offers them.
LANGUAGES = ("sv", "nb", "en")
SOURCE_LANGUAGE = "en"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE
#: A language in force for one thread only (a file written in another language in the
#: background), so that the window's texts stay in the user's language meanwhile.
_this_thread = threading.local()


def _active() -> tuple[gettext.NullTranslations, str]:
    override: tuple[gettext.NullTranslations, str] | None = getattr(_this_thread, "override", None)
    return override if override is not None else (_translations, _language)


def N_(message: str) -> str:
    """Mark a string for extraction where it is defined; translate it with ``_`` where shown."""
    return message


def _(message: str) -> str:
    return _active()[0].gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _active()[0].ngettext(singular, plural, n)


def current_language() -> str:
    return _active()[1]


@contextmanager
def thread_language(language: str) -> Iterator[None]:
    """``language`` for the texts made in this thread while the block runs; others keep theirs.

    Raises ValueError, as ``set_language`` does, when there is no catalogue for it.
    """
    before = getattr(_this_thread, "override", None)
    _this_thread.override = (load_translations(language), language)
    try:
        yield
    finally:
        _this_thread.override = before


def _catalogue_paths(language: str) -> tuple[Path, Path]:
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    return folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"


def _compile(po_path: Path) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale=po_path.parent.parent.name, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def load_translations(language: str) -> gettext.NullTranslations:
    """The catalogue for ``language``; the compiled file if current, else compiled in memory."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    po_path, mo_path = _catalogue_paths(language)
    if not po_path.exists():
        raise ValueError(f"no translation for language {language!r}")
    if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
        with mo_path.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    return gettext.GNUTranslations(io.BytesIO(_compile(po_path)))


def set_language(language: str) -> None:
    global _translations, _language
    _translations = load_translations(language)
    _language = language


def localised(text: Mapping[str, str] | None, language: str | None = None) -> str:
    """A text stored in several languages, in ``language`` (default: the UI's), else Swedish, else any."""
    if not text:
        return ""
    language = language or current_language()
    for candidate in (language, DEFAULT_LANGUAGE, *LANGUAGES):
        if text.get(candidate):
            return text[candidate]
    return next(iter(text.values()))


def format_date(value: date | datetime | None, style: str = "medium") -> str:
    """A date as people write it in the current language; ISO (YYYY-MM-DD) with ``style="iso"``."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone()
    if style == "iso":
        return value.strftime("%Y-%m-%d")
    from babel.dates import format_date as babel_format_date

    day = value.date() if isinstance(value, datetime) else value
    return str(babel_format_date(day, style, locale=current_language()))


def format_number(value: int | float) -> str:
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=current_language()))


def compile_all() -> None:
    for language in LANGUAGES:
        po_path, mo_path = _catalogue_paths(language)
        if po_path.exists():
            mo_path.write_bytes(_compile(po_path))


def _pybabel(*args: str) -> None:
    from babel.messages.frontend import CommandLineInterface

    CommandLineInterface().run(["pybabel", "--quiet", *args])  # type: ignore[no-untyped-call]


def extract_template(pot: Path) -> None:
    """Write every string marked for translation in the code into the template ``pot``."""
    root = ASSETS.parent
    _pybabel(
        "extract", "--no-location", "--sort-output", "--width=100", "--project=Mylla", "--version=0.1",
        "--copyright-holder=the Mylla team", "--msgid-bugs-address=the Mylla team",
        "-k", "_", "-k", "N_", "-k", "ngettext:1,2",
        "-o", str(pot), *(str(root / d) for d in ("app", "models", "exports", "ui")),
    )  # fmt: skip


def extract() -> None:
    """Refresh the template and merge it into every catalogue."""
    pot = LOCALE_DIR / f"{DOMAIN}.pot"
    extract_template(pot)
    for language in LANGUAGES:
        po_path, _mo = _catalogue_paths(language)
        if po_path.exists():
            _pybabel(
                "update", "--no-fuzzy-matching", "--ignore-obsolete", "--width=100",
                "-i", str(pot), "-o", str(po_path), "-l", language,
            )  # fmt: skip


if __name__ == "__main__":
    {"compile": compile_all, "extract": extract}[sys.argv[1]]()
