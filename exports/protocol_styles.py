"""The protocol's look: A4, embedded DejaVu Sans, clear headings, light table rules."""

from __future__ import annotations

from typing import Any, Final
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from exports.fonts import SANS, SANS_BOLD, printable, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 25 * mm, 20 * mm, 27 * mm, 20 * mm
FRAME_WIDTH: Final = PAGE_WIDTH - LEFT - RIGHT

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#B8B8B8")
SHADE = colors.HexColor("#EFEFEF")
BAR = colors.HexColor("#0072B2")
BAR_QUIET = colors.HexColor("#9DBFD9")

register_fonts()


def _style(name: str, font: str, size: float, leading: float, **extra: Any) -> ParagraphStyle:
    options: dict[str, Any] = {"textColor": INK, **extra}
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, **options)


BODY = _style("body", SANS, 10, 14, spaceAfter=5)
STRONG = _style("strong", SANS_BOLD, 10, 13.5, spaceAfter=5)
SMALL = _style("small", SANS, 8, 10.5, textColor=MUTED, spaceAfter=4)
CELL = _style("cell", SANS, 8.5, 11)
CELL_RIGHT = _style("cell_right", SANS, 8.5, 11, alignment=TA_RIGHT)
CELL_HEAD = _style("cell_head", SANS_BOLD, 8.5, 11)
CELL_HEAD_RIGHT = _style("cell_head_right", SANS_BOLD, 8.5, 11, alignment=TA_RIGHT)
LABEL = _style("label", SANS_BOLD, 8.5, 11, textColor=MUTED)
TITLE = _style("title", SANS_BOLD, 18, 22, spaceBefore=4, spaceAfter=10)
ORGANISATION = _style("organisation", SANS_BOLD, 10, 12.5)
UNIT = _style("unit", SANS, 9, 11.5, textColor=MUTED)
LINK = _style("link", SANS, 7.5, 9.5, textColor=MUTED)
HEADINGS = {
    1: _style("h1", SANS_BOLD, 13.5, 17, spaceBefore=14, spaceAfter=6, keepWithNext=1),
    2: _style("h2", SANS_BOLD, 11, 14, spaceBefore=10, spaceAfter=4, keepWithNext=1),
    3: _style("h3", SANS_BOLD, 10, 13, spaceBefore=8, spaceAfter=3, keepWithNext=1),
}
LIST_TITLE = _style("list_title", SANS_BOLD, 9, 12, spaceBefore=4, spaceAfter=1, keepWithNext=1)
BULLET = _style("bullet", SANS, 9.5, 13, leftIndent=10, bulletIndent=1, spaceAfter=1, bulletFontName=SANS)


def markup(text: str) -> str:
    """Plain text as reportlab paragraph markup: escaped, drawable, line breaks kept."""
    lines = text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br/>".join(escape(printable(line)) for line in lines)


def bold_first_line(text: str) -> str:
    first, _sep, rest = text.partition("\n")
    head = f"<font name='{SANS_BOLD}'>{markup(first)}</font>"
    return f"{head}<br/>{markup(rest)}" if rest else head


def paragraphs(text: str) -> list[str]:
    """A text's paragraphs (separated by blank lines), each as markup."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n")]
    return [markup(b) for b in blocks if b]
