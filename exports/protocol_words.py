"""The protocol's language, chosen at export: its words, dates and numbers, apart from the screen's.

The screen keeps its own language while a protocol is written in another (an export may run in a
worker thread), so the words come from a catalogue of their own rather than from ``app.i18n._``:
Swedish, Norwegian Bokmål or English, each with its own quotation marks, dates and numbers.
"""

from __future__ import annotations

import functools
import gettext
from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from app.errors import InvalidInput
from app.i18n import LANGUAGES, _, load_translations

#: How each language quotes a title in running text.
_QUOTES = {"sv": ("”", "”"), "nb": ("«", "»"), "en": ("“", "”")}
#: Babel's date style per language: ISO in Swedish, as the country writes it elsewhere.
_DATE_STYLES = {"sv": "short", "nb": "short", "en": "medium"}


@functools.cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    """A language's catalogue, read once per run: the catalogues are files shipped with Mylla."""
    return load_translations(lang)


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise InvalidInput(
            _("The protocol can be written in {languages}, not in {lang}.").format(
                languages=", ".join(LANGUAGES), lang=lang
            ),
            "lang",
        )
    return lang


class Words:
    """Translations and local formats for one language."""

    def __init__(self, lang: str) -> None:
        self.lang = check_language(lang)
        self._catalogue = _catalogue(lang)

    def _(self, message: str) -> str:
        return self._catalogue.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._catalogue.ngettext(singular, plural, n)

    def label(self, table: dict[str, str], code: str | None) -> str:
        """The word for a stored code (``app.vocabulary``'s tables), in this language."""
        if not code:
            return ""
        return self._(table[code]) if code in table else code

    def date(self, value: date | None) -> str:
        if value is None:
            return ""
        return str(format_date(value, _DATE_STYLES[self.lang], locale=self.lang))

    def number(self, value: int | float | Decimal) -> str:
        return str(format_decimal(value, locale=self.lang))

    def quoted(self, titles: list[str] | tuple[str, ...]) -> str:
        """Titles in the language's quotation marks, separated by commas."""
        left, right = _QUOTES[self.lang]
        return ", ".join(f"{left}{title}{right}" for title in titles)

    def money(self, amount: Decimal, currency: str) -> str:
        return str(format_currency(amount, currency or "SEK", locale=self.lang))
