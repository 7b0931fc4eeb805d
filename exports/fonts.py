"""The fonts embedded in the protocol (DejaVu Sans, shipped in assets/fonts) and what to print for
a character they cannot draw.

DejaVu Sans covers Latin with å ä ö æ ø (and Sámi, Finnish, Icelandic, Polish, Turkish ...),
Greek, Cyrillic and many symbols. A character outside it (emoji, Chinese, Thai, ...) would print
as an empty box that says nothing; instead ``printable`` gives the nearest thing the font can
draw: a compatible form (full-width letters -> letters), else the letter without its accent, else
one visible "□" (U+25A1) so that the reader sees that something was there. Joiners, emoji
variation selectors and skin tones are dropped. Arabic and Hebrew count as not drawable: the font
has their letters, but reportlab would print them unjoined and left to right, which misleads.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Final

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import ASSETS

FONT_DIR: Final = ASSETS / "fonts"
#: reportlab's name for each face -> the file shipped in assets/fonts.
FACES: Final = {"MyllaSans": "DejaVuSans.ttf", "MyllaSans-Bold": "DejaVuSans-Bold.ttf"}
SANS, SANS_BOLD = FACES
#: Scripts written right to left with joined letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and
#: their presentation forms), which reportlab cannot lay out.
_RIGHT_TO_LEFT: Final = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))
#: What a character outside the fonts prints as.
MISSING: Final = "\u25a1"
#: Joiners, variation selectors and emoji skin tones: nothing to print, even as a box.
_DROPPED: Final = frozenset(
    "\u200b\u200c\u200d\u2060\ufe0e\ufe0f\ufeff" + "".join(map(chr, range(0x1F3FB, 0x1F400)))
)


@functools.cache
def register_fonts() -> None:
    """Make the faces known to reportlab (once per process), bold for ``<b>``."""
    for name, filename in FACES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD)


@functools.cache
def _covered() -> frozenset[int]:
    """Code points that every face draws (the text may appear in any of them)."""
    register_fonts()
    sets = [set(pdfmetrics.getFont(name).face.charToGlyph) for name in FACES]  # type: ignore[attr-defined]
    unjoined = {c for start, end in _RIGHT_TO_LEFT for c in range(start, end + 1)}
    return frozenset(set.intersection(*sets) - unjoined)


def draws(character: str) -> bool:
    return ord(character) in _covered()


@functools.cache
def _fallback(character: str) -> str:
    if character in _DROPPED:
        return ""
    for form in ("NFKC", "NFKD"):
        candidate = unicodedata.normalize(form, character)
        if form == "NFKD":
            candidate = "".join(c for c in candidate if not unicodedata.combining(c))
        if candidate and candidate != character and all(draws(c) for c in candidate):
            return candidate
    return MISSING


def printable(text: str) -> str:
    """``text`` with every character the fonts cannot draw replaced as the module says."""
    covered = _covered()
    if all(ord(c) in covered and c not in _DROPPED for c in text):
        return text
    return "".join(c if ord(c) in covered and c not in _DROPPED else _fallback(c) for c in text)
