"""Each kind of block of the protocol document as reportlab flowables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle
from reportlab.platypus import Paragraph as Para
from reportlab.platypus import Table as RTable

from exports.fonts import SANS, printable
from exports.protocol_document import (
    Bars,
    Block,
    BulletList,
    Facts,
    Paragraph,
    QrCode,
    Signatures,
    Table,
)
from exports.protocol_styles import (
    BAR,
    BAR_QUIET,
    BODY,
    BULLET,
    CELL,
    CELL_HEAD,
    CELL_HEAD_RIGHT,
    CELL_RIGHT,
    FRAME_WIDTH,
    LABEL,
    LINK,
    LIST_TITLE,
    MUTED,
    RULE,
    SHADE,
    SMALL,
    STRONG,
    bold_first_line,
    markup,
    paragraphs,
)
from exports.qr import QrFlowable

_PARAGRAPH_STYLES = {"body": BODY, "small": SMALL, "strong": STRONG}
#: Every table names its font: reportlab's default (Helvetica) would not be embedded.
FONT: tuple[Any, ...] = ("FONTNAME", (0, 0), (-1, -1), SANS)
_GRID: list[Any] = [
    FONT,
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
]


class Cell(Para):
    """A paragraph in a table cell that remembers its last wrap.

    A long table is measured again each time it is split at a page; a cell's lines only change
    with its width, so breaking them once per width keeps a 300-row table from being broken
    into lines once per page it runs over.
    """

    _wrapped: tuple[float, float, float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        # A split that finds no room drops the lines (``blPara``): then they are broken again.
        if self._wrapped is not None and self._wrapped[0] == availWidth and hasattr(self, "blPara"):
            return self._wrapped[1], self._wrapped[2]
        width, height = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, width, height)
        return width, height


def _widths(relative: Sequence[float], total: float = FRAME_WIDTH) -> list[float]:
    whole = sum(relative)
    return [total * r / whole for r in relative]


def _head_style() -> list[Any]:
    return [
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, MUTED),
    ]


def table(block: Table) -> Flowable:
    header = [
        Cell(markup(h), CELL_HEAD_RIGHT if n in block.numeric else CELL_HEAD)
        for n, h in enumerate(block.header)
    ]
    rows: list[list[Any]] = [header]
    for n, row in enumerate(block.rows):
        cells = []
        for column, text in enumerate(row):
            style = CELL_RIGHT if column in block.numeric else CELL
            content = bold_first_line(text) if column in block.first_line_bold else markup(text)
            if n in block.marked:
                content = f"<b>{content}</b>"
            cells.append(Cell(content, style))
        rows.append(cells)
    # A row taller than a page (an idea of many paragraphs) goes on over the page break.
    result = RTable(rows, colWidths=_widths(block.widths), repeatRows=1, hAlign="LEFT", splitInRow=1)
    result.setStyle(TableStyle([*_GRID, *_head_style()]))
    return result


def facts(block: Facts) -> Flowable | None:
    kept = [(label, value) for label, value in block.rows if value.strip()]
    if not kept:
        return None
    rows: list[list[Any]] = [
        [Cell(markup(label), LABEL), [Cell(p, CELL) for p in paragraphs(value)]] for label, value in kept
    ]
    result = RTable(rows, colWidths=_widths((1, 2.6)), hAlign="LEFT", splitInRow=1)
    result.setStyle(TableStyle(_GRID))
    return result


class BarCell(Flowable):
    """One bar of a ranking, its length in proportion to the largest, with the count after it."""

    def __init__(self, fraction: float, text: str, width: float, marked: bool) -> None:
        super().__init__()
        self.fraction, self.text, self.width, self.marked = fraction, text, width, marked
        self.height = 10.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        room = self.width * 0.62
        self.canv.setFillColor(BAR if self.marked else BAR_QUIET)
        self.canv.rect(0, 1, max(room * self.fraction, 0.8), self.height - 2, stroke=0, fill=1)
        self.canv.setFillColor(MUTED)
        self.canv.setFont(CELL.fontName, CELL.fontSize)
        self.canv.drawString(room * self.fraction + 4, 2, printable(self.text))


def bars(block: Bars) -> list[Flowable]:
    widths = _widths((0.8, 6.2, 4.8))
    largest = max((b.value for b in block.bars), default=1) or 1
    rows: list[list[Any]] = [[Cell(markup(h), CELL_HEAD) for h in block.header]]
    for bar in block.bars:
        label = markup(bar.label)
        rows.append(
            [
                Cell(bar.rank, CELL),
                Cell(f"<b>{label}</b>" if bar.marked else label, CELL),
                BarCell(bar.value / largest, bar.value_text, widths[2] - 6, bar.marked),
            ]
        )
    result = RTable(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    result.setStyle(TableStyle([*_GRID, *_head_style(), ("VALIGN", (2, 1), (2, -1), "MIDDLE")]))
    out: list[Flowable] = [result]
    if block.note:
        out.append(Spacer(1, 2))
        out.append(Para(markup(block.note), SMALL))
    return out


def bullet_list(block: BulletList) -> list[Flowable]:
    items: list[Flowable] = [Para(markup(block.title), LIST_TITLE)]
    items += [Para(markup(item), BULLET, bulletText="•") for item in block.items]
    return items


def qr_code(block: QrCode) -> Flowable:
    code = QrFlowable(block.link, block.size_mm)
    words = [Para(markup(block.caption), SMALL), Para(markup(block.link), LINK)]
    result = RTable([[code, words]], colWidths=[code.width + 4 * mm, FRAME_WIDTH - code.width - 4 * mm])
    result.setStyle(
        TableStyle([FONT, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (0, 0), 0)])
    )
    return KeepTogether([Spacer(1, 3), result])


def signatures(block: Signatures) -> Flowable:
    """Side by side: a heading, then a line to sign on, a line for the name, a line for the date."""
    count = len(block.blocks)
    columns = [2 * n for n in range(count)]  # a narrow gutter column between the blocks
    rows: list[list[Any]] = [_spread([Para(markup(head), CELL_HEAD) for head, _name in block.blocks])]
    style: list[Any] = [FONT, ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
    for n, label in enumerate(block.line_labels):
        rows.append(_spread([Para(markup(name) if n == 1 else "", CELL) for _head, name in block.blocks]))
        rows.append(_spread([Para(markup(label), SMALL) for _ in block.blocks]))
        line = len(rows) - 2
        style.append(("TOPPADDING", (0, line), (-1, line), 18))
        style += [("LINEBELOW", (c, line), (c, line), 0.6, MUTED) for c in columns]
    gutter = 12 * mm
    width = (FRAME_WIDTH - gutter * (count - 1)) / count
    widths = [width if n % 2 == 0 else gutter for n in range(2 * count - 1)]
    result = RTable(rows, colWidths=widths, hAlign="LEFT")
    result.setStyle(TableStyle(style))
    return KeepTogether([Spacer(1, 6), result])


def _spread(cells: list[Para]) -> list[Any]:
    """Cells with an empty gutter cell between each two."""
    out: list[Any] = []
    for n, cell in enumerate(cells):
        out += [cell] if n == 0 else ["", cell]
    return out


def flowables(block: Block) -> list[Flowable]:
    """The flowables that print ``block``."""
    if isinstance(block, Paragraph):
        return [Para(p, _PARAGRAPH_STYLES[block.style]) for p in paragraphs(block.text)]
    if isinstance(block, Table):
        return [table(block), Spacer(1, 4)]
    if isinstance(block, Facts):
        found = facts(block)
        return [found, Spacer(1, 4)] if found is not None else []
    if isinstance(block, Bars):
        return bars(block)
    if isinstance(block, BulletList):
        return bullet_list(block)
    if isinstance(block, QrCode):
        return [qr_code(block)]
    return [signatures(block)]
