"""The idea board of the shared screen: cards grouped by cluster, sized to fit, painted in one pass.

Cards flow down columns like a newspaper: each cluster starts with a band in its colour
and its name, and the band is repeated at the top of a column the cluster continues in.
The type shrinks until everything fits one screen; at the smallest readable size the
board is split into pages. Text layouts are kept per card, so a repaint only draws.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QStaticText, QTextLayout, QTextOption

from app.i18n import _
from ui.scene import CardView, Scene

BACKGROUND = QColor("#161616")
SCREEN_INK = QColor("#FFFFFF")
#: Secondary text on the background (contrast 11:1).
MUTED_INK = QColor("#C4C4C4")
CARD = QColor("#FFFDF6")
CARD_INK = QColor("#161616")
#: Who gave the idea, on the card (contrast 9:1).
GIVER_INK = QColor("#474747")
#: The band of the ideas outside every cluster.
NO_CLUSTER = QColor("#A8A8A8")

#: Card titles never get smaller than this fraction of the screen height, nor larger than the next.
MIN_TYPE = 1 / 36
MAX_TYPE = 1 / 17
#: Cards are between these widths, in ems of their titles, before columns are stretched to fill the width.
WIDEST_CARD_EMS, NARROWEST_CARD_EMS = 12.0, 8.5
MAX_TITLE_LINES = 4
GIVER_SCALE = 0.8
_REFERENCE_PX = 100


@dataclass(frozen=True)
class DrawnText:
    """A string the last paint drew, where, and at what pixel size: what the room saw."""

    text: str  # as it reads: lines joined, without the hyphens added where a word was broken
    rect: QRectF
    pixel_size: int


def luminance(colour: QColor) -> float:
    """Relative luminance as WCAG defines it."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ink_on(colour: QColor) -> QColor:
    """Black or white, whichever reads better on ``colour``."""
    black, white = QColor("#000000"), QColor("#FFFFFF")
    return black if contrast(colour, black) >= contrast(colour, white) else white


def font(pixel_size: int, *, bold: bool = False) -> QFont:
    result = QFont()
    result.setPixelSize(max(1, pixel_size))
    result.setBold(bold)
    return result


def static_text(text: str, text_font: QFont) -> QStaticText:
    result = QStaticText(text)
    result.setTextFormat(Qt.TextFormat.PlainText)
    result.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
    result.prepare(font=text_font)
    return result


def _utf16_index(text: str) -> dict[int, int]:
    """From QTextLayout's positions (UTF-16 units) to Python's (code points)."""
    index_of, position = {}, 0
    for i, char in enumerate(text):
        index_of[position] = i
        position += 1 if ord(char) < 0x10000 else 2
    index_of[position] = len(text)
    return index_of


#: A word broken over two lines leaves at least this many of its characters on the second line.
MIN_TAIL = 3


def _word_run(text: str, at: int, step: int) -> int:
    """How many characters of a word run from ``at`` in direction ``step`` (1: forward, -1: back)."""
    n, i = 0, at
    while 0 <= i < len(text) and not text[i].isspace():
        n, i = n + 1, i + step
    return n


def _lay_out(
    text: str, text_font: QFont, widths: tuple[float, float], max_lines: int
) -> tuple[list[int], int]:
    """Where each line of ``text`` starts (at most ``max_lines``) and where the last one ends.

    ``widths``: the first line's and the others'.
    """
    index_of = _utf16_index(text)
    layout = QTextLayout(text, text_font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    starts: list[int] = []
    end = 0
    while len(starts) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(widths[0] if not starts else widths[1])
        starts.append(index_of[line.textStart()])
        end = index_of[line.textStart() + line.textLength()]
    layout.endLayout()
    return starts, end


def _line_starts(
    text: str, text_font: QFont, widths: tuple[float, float], max_lines: int
) -> tuple[list[int], int]:
    """As ``_lay_out``, but a word broken with fewer than MIN_TAIL characters after the break
    ("volontärer-na", "gymnasieeleverna" and "?") is broken earlier ("volontäre-rna"), and the
    lines after are laid out anew."""
    starts: list[int] = []
    offset = 0
    while True:
        first = widths[0] if not starts else widths[1]
        found, end = _lay_out(text[offset:], text_font, (first, widths[1]), max_lines - len(starts))
        found, end = [offset + s for s in found], offset + end
        for k, b in enumerate(found[1:]):  # b: where line k+1 starts
            tail = _word_run(text, b, 1)
            if text[b - 1].isspace() or not 0 < tail < MIN_TAIL:
                continue
            head = min(_word_run(text, b - 1, -1), b - found[k])  # the word's letters on line k
            shift = min(MIN_TAIL - tail, head - MIN_TAIL)
            if shift > 0:
                starts += found[: k + 1]
                offset = b - shift
                break
        else:
            return starts + found, end


def wrap(
    text: str, text_font: QFont, width: float, max_lines: int, indent: float = 0.0
) -> tuple[list[str], str]:
    """``text`` in at most ``max_lines`` lines of ``width``, and as it reads.

    The last line ends in "…" if the text was cut; a word too long for a line is broken
    with a hyphen, which the reading leaves out, and never with fewer than MIN_TAIL of its
    characters after the break. The first line is ``indent`` shorter (something else is drawn
    before it).
    """
    text = " ".join(text.split())
    if not text:
        return [], ""
    metrics = QFontMetricsF(text_font)
    hyphen = (
        metrics.horizontalAdvance("-")
        if any(metrics.horizontalAdvance(word) > width for word in text.split())
        else 0.0
    )
    widths = (max(1.0, width - indent - hyphen), max(1.0, width - hyphen))
    starts, end = _line_starts(text, text_font, widths, max_lines)
    ends = [*starts[1:], end]
    lines = [text[a:b] for a, b in zip(starts, ends, strict=True)]
    if end < len(text):
        room = width - (indent if len(lines) == 1 else 0.0)
        lines[-1] = metrics.elidedText(text[starts[-1] :], Qt.TextElideMode.ElideRight, room)
    reading = "".join(lines).strip()
    drawn = [
        f"{line}-" if i < len(lines) - 1 and text[b - 1].isalnum() and text[b].isalnum() else line.rstrip()
        for i, (line, b) in enumerate(zip(lines, ends, strict=True))
    ]
    return drawn, reading


@dataclass(frozen=True)
class Group:
    name: str  # "" when the board has no clusters at all: no band then
    colour: QColor
    cards: tuple[CardView, ...]
    clustered: bool


def groups_of(scene: Scene) -> list[Group]:
    """The scene's clusters in order with their cards, then the ideas outside every cluster."""
    known = {c.id: c for c in scene.clusters}
    members: dict[str, list[CardView]] = {c.id: [] for c in scene.clusters}
    loose = []
    for card in scene.cards:
        if card.cluster_id in known:
            members[card.cluster_id].append(card)
        else:
            loose.append(card)
    groups = [Group(c.name, QColor(c.colour), tuple(members[c.id]), True) for c in scene.clusters]
    if loose:
        groups.append(Group(_("Other ideas") if groups else "", NO_CLUSTER, tuple(loose), False))
    return groups


class Measure:
    """Widths of a text's words at a reference size, to count its lines at any size cheaply."""

    def __init__(self) -> None:
        self._metrics = QFontMetricsF(font(_REFERENCE_PX, bold=True))
        self._space = self._metrics.horizontalAdvance(" ")
        self._words: dict[str, tuple[float, ...]] = {}
        # A relayout measures the same titles at the same few sizes again: remember the answers.
        self._lines: dict[tuple[str, int, float], int] = {}
        self._fitting: dict[tuple[str, int, int, float], int] = {}

    def _widths(self, text: str) -> tuple[float, ...]:
        words = self._words.get(text)
        if words is None:
            if len(self._words) > 20_000:
                self._words.clear()
            words = self._words[text] = tuple(self._metrics.horizontalAdvance(w) for w in text.split())
        return words

    def fitting_px(self, text: str, px: int, smallest: int, width: float) -> int:
        key = (text, px, smallest, width)
        found = self._fitting.get(key)
        if found is None:
            if len(self._fitting) > 50_000:
                self._fitting.clear()
            found = self._fitting[key] = self._fitting_px(text, px, smallest, width)
        return found

    def _fitting_px(self, text: str, px: int, smallest: int, width: float) -> int:
        """``px``, or less (not below ``smallest``) so that the longest word of ``text`` fits ``width``.

        Swedish compounds are long ("biståndshandläggaren"): one card's type shrinks a little
        rather than a word being cut in two, or every card being made wider for it.
        """
        longest = max(self._widths(text), default=0.0)
        if longest * px / _REFERENCE_PX <= width * 0.97:
            return px
        return max(smallest, min(px, int(width * 0.97 * _REFERENCE_PX / longest)))

    def lines(self, text: str, px: int, width: float) -> int:
        """How many lines ``text`` wraps into at ``px`` in ``width``, as QTextLayout breaks it."""
        key = (text, px, width)
        found = self._lines.get(key)
        if found is None:
            if len(self._lines) > 50_000:
                self._lines.clear()
            found = self._lines[key] = self._count_lines(text, px, width)
        return found

    def _count_lines(self, text: str, px: int, width: float) -> int:
        words = self._widths(text)
        # Sizes are not quite proportional (hinting): count as if lines were a little shorter.
        room = max(1.0, width * _REFERENCE_PX / px * 0.97)
        lines, used = 1, None  # used: the width taken on the current line; None while it is empty
        for word in words:
            if used is not None and used + self._space + word <= room:
                used += self._space + word
                continue
            if used is not None:
                lines += 1
            extra = max(0, math.ceil(word / room) - 1)  # a word longer than a line is broken anywhere
            lines += extra
            used = word - extra * room
        return lines


@dataclass(frozen=True, eq=False)
class Metrics:
    """Sizes of everything on the board for one type size."""

    px: int
    smallest_px: int
    title_font: QFont
    giver_font: QFont
    title_spacing: float
    giver_spacing: float
    pad: float
    gap: float
    stripe: float
    columns: int
    card_w: float

    @property
    def text_x(self) -> float:
        return self.stripe + self.pad

    @property
    def text_w(self) -> float:
        return max(1.0, self.card_w - self.text_x - self.pad)

    @property
    def band_text_w(self) -> float:
        return max(1.0, self.card_w - 2 * self.pad)

    def spacing(self, px: int) -> float:
        return self.title_spacing * px / self.px

    def card_height(self, lines: int, px: int, givers: bool) -> float:
        giver = self.giver_spacing + 0.2 * self.px if givers else 0.0
        return 2 * self.pad + lines * self.spacing(px) + giver

    def band_height(self, lines: int) -> float:
        return lines * self.title_spacing + self.pad


def column_choices(px: int, width: float) -> range:
    """How many columns of cards may share ``width`` at ``px``: from the widest cards to the narrowest."""
    gap = max(4.0, 0.3 * px)

    def columns(card: float) -> int:
        return max(1, int((width + gap) // (card + gap)))

    return range(columns(WIDEST_CARD_EMS * px), columns(NARROWEST_CARD_EMS * px) + 1)


def measure(px: int, smallest_px: int, width: float, columns: int) -> Metrics:
    title_font, giver_font = font(px, bold=True), font(round(px * GIVER_SCALE))
    title_spacing = QFontMetricsF(title_font).lineSpacing()
    giver_spacing = QFontMetricsF(giver_font).lineSpacing()
    pad, gap, stripe = 0.4 * px, max(4.0, 0.3 * px), 0.3 * px
    card_w = (width - (columns - 1) * gap) / columns
    return Metrics(
        px,
        smallest_px,
        title_font,
        giver_font,
        title_spacing,
        giver_spacing,
        pad,
        gap,
        stripe,
        columns,
        card_w,
    )


@dataclass(frozen=True)
class Placed:
    """A card, or a group's band when ``card`` is None, at its place on a page."""

    rect: QRectF
    group: Group
    card: CardView | None
    lines: int  # of the title, or of the band's name
    px: int  # of the title, or of the band's name


class _Columns:
    """Places items down the columns of an area, column after column, page after page."""

    def __init__(self, m: Metrics, area: QRectF, stop_after: int) -> None:
        self.m, self.area, self.stop_after = m, area, stop_after
        self.pages: list[list[Placed]] = [[]]
        self.column, self.y = 0, 0.0

    @property
    def overflowed(self) -> bool:
        return bool(self.stop_after) and len(self.pages) > self.stop_after

    def room(self) -> float:
        return self.area.height() - self.y

    def new_column(self) -> None:
        self.column, self.y = self.column + 1, 0.0
        if self.column == self.m.columns:
            self.pages.append([])
            self.column = 0

    def put(self, height: float, group: Group, card: CardView | None, lines: int, px: int) -> None:
        x = self.area.x() + self.column * (self.m.card_w + self.m.gap)
        self.pages[-1].append(
            Placed(QRectF(x, self.area.y() + self.y, self.m.card_w, height), group, card, lines, px)
        )
        self.y += height + self.m.gap


def flow(
    groups: list[Group], m: Metrics, area: QRectF, measure_text: Measure, stop_after: int = 0
) -> list[list[Placed]]:
    """Groups poured down the columns of ``area``, page after page; a group that fits a column stays whole.

    With ``stop_after``, pouring stops once there are more pages than that: enough to know it does not fit.
    """
    columns = _Columns(m, area, stop_after)
    for group in groups:
        band_lines = min(2, measure_text.lines(group.name, m.px, m.band_text_w)) if group.name else 0
        band = m.band_height(band_lines) if band_lines else 0.0
        cards = []
        for card in group.cards:
            px = measure_text.fitting_px(card.title, m.px, m.smallest_px, m.text_w)
            lines = min(MAX_TITLE_LINES, measure_text.lines(card.title, px, m.text_w))
            cards.append((card, lines, px, m.card_height(lines, px, bool(card.givers))))
        whole = band + sum(c[3] + m.gap for c in cards)
        first = band + (cards[0][3] if cards else 0.0)
        if columns.y > 0:
            columns.y += m.gap
            if whole > columns.room() and (whole <= area.height() or first > columns.room()):
                columns.new_column()
        if band:
            columns.put(band, group, None, band_lines, m.px)
        for card, lines, px, height in cards:
            if columns.y > 0 and height > columns.room():
                columns.new_column()
                if band:
                    columns.put(band, group, None, band_lines, m.px)
            columns.put(height, group, card, lines, px)
            if columns.overflowed:
                return columns.pages
    return columns.pages


@dataclass(frozen=True, eq=False)
class CardText:
    """A card's text laid out once: lines ready to draw, and what they say."""

    lines: tuple[tuple[QStaticText, QPointF], ...]
    title: str
    title_rect: QRectF  # from the card's top-left corner
    giver: tuple[QStaticText, QPointF] | None
    giver_text: str
    giver_rect: QRectF


@dataclass(frozen=True, eq=False)
class BoardLayout:
    metrics: Metrics
    pages: list[list[Placed]]


class BoardCanvas:
    """Lays out a BOARD scene for one area and paints a page of it; keeps text layouts per card."""

    def __init__(self) -> None:
        self.layout: BoardLayout | None = None
        self._measure = Measure()
        self._texts: dict[tuple[str, str, int, int, int, int], CardText] = {}
        self._bands: dict[tuple[str, int, int, int], tuple[tuple[QStaticText, ...], str, float]] = {}
        self._fonts: dict[int, QFont] = {}
        #: (area and screen size, number of cards) of the last arrangement.
        self._previous: tuple[tuple[float, float, int], int] | None = None

    def arrange(self, scene: Scene, area: QRectF, screen_height: int) -> BoardLayout:
        """The largest type (down to the minimum) at which the board fits one page; else pages.

        While ideas are only added (the usual case while people talk), the type can only get
        smaller: the search starts from the previous size instead of from the largest.
        """
        groups = groups_of(scene)
        smallest = max(1, round(screen_height * MIN_TYPE))
        low, high = smallest, max(smallest, round(screen_height * MAX_TYPE))
        key = (area.width(), area.height(), screen_height)
        growing = (
            self._previous is not None and self._previous[0] == key and len(scene.cards) >= self._previous[1]
        )
        if growing and self.layout is not None:
            previous = self.layout.metrics
            if len(self.layout.pages) > 1 and previous.px == smallest:
                # Already at the smallest type over several pages: keep the columns, pour again.
                self._previous = (key, len(scene.cards))
                self.layout = BoardLayout(previous, flow(groups, previous, area, self._measure))
                return self.layout
            high = min(high, previous.px)
        self._previous = (key, len(scene.cards))
        fitting: tuple[Metrics, list[list[Placed]]] | None = None
        while low <= high:  # binary search on the largest size that fits one page
            middle = (low + high) // 2
            attempt = self._one_page(groups, area, middle, smallest)
            if attempt is not None:
                fitting, low = attempt, middle + 1
            else:
                high = middle - 1
        metrics, pages = fitting or self._fewest_pages(groups, area, smallest)
        if len(self._texts) > 5000:
            self._texts.clear()
            self._bands.clear()
        self.layout = BoardLayout(metrics, pages)
        return self.layout

    def _one_page(
        self, groups: list[Group], area: QRectF, px: int, smallest: int
    ) -> tuple[Metrics, list[list[Placed]]] | None:
        """The board at ``px`` on one page, with the widest cards that allow it; None if it does not fit."""
        for columns in column_choices(px, area.width()):
            metrics = measure(px, smallest, area.width(), columns)
            pages = flow(groups, metrics, area, self._measure, stop_after=1)
            if len(pages) == 1:
                return metrics, pages
        return None

    def _fewest_pages(self, groups: list[Group], area: QRectF, px: int) -> tuple[Metrics, list[list[Placed]]]:
        """The board at the smallest size, over as few pages as the column widths allow."""
        layouts = [
            (metrics, flow(groups, metrics, area, self._measure))
            for metrics in (measure(px, px, area.width(), c) for c in column_choices(px, area.width()))
        ]
        return min(layouts, key=lambda layout: len(layout[1]))  # the first (widest cards) on a tie

    @property
    def page_count(self) -> int:
        return len(self.layout.pages) if self.layout else 1

    def card_text(self, item: Placed, m: Metrics) -> CardText:
        card = item.card
        assert card is not None
        key = (card.title, card.givers, item.px, round(m.card_w), item.lines, round(item.rect.height()))
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = self._lay_out_card(card, m, item)
        return text

    def _font(self, px: int) -> QFont:
        if px not in self._fonts:
            self._fonts[px] = font(px, bold=True)
        return self._fonts[px]

    def _lay_out_card(self, card: CardView, m: Metrics, item: Placed) -> CardText:
        title_font = self._font(item.px)
        drawn, reading = wrap(card.title, title_font, m.text_w, item.lines)
        title_metrics = QFontMetricsF(title_font)
        spacing = m.spacing(item.px)
        placed = tuple(
            (static_text(line, title_font), QPointF(m.text_x, m.pad + i * spacing))
            for i, line in enumerate(drawn)
        )
        widest = max((title_metrics.horizontalAdvance(line) for line in drawn), default=0.0)
        title_rect = QRectF(m.text_x, m.pad, widest, len(drawn) * spacing)
        height = item.rect.height()
        giver, giver_text, giver_rect = None, "", QRectF()
        if card.givers:
            giver_metrics = QFontMetricsF(m.giver_font)
            giver_text = giver_metrics.elidedText(card.givers, Qt.TextElideMode.ElideRight, m.text_w)
            at = QPointF(m.text_x, height - m.pad - m.giver_spacing)
            giver = (static_text(giver_text, m.giver_font), at)
            giver_rect = QRectF(at.x(), at.y(), giver_metrics.horizontalAdvance(giver_text), m.giver_spacing)
        return CardText(placed, reading, title_rect, giver, giver_text, giver_rect)

    def _band_text(self, item: Placed, m: Metrics) -> tuple[tuple[QStaticText, ...], str, float]:
        name = item.group.name
        key = (name, m.px, round(m.card_w), item.lines)
        if key not in self._bands:
            lines, reading = wrap(name, m.title_font, m.band_text_w, item.lines)
            widest = max((QFontMetricsF(m.title_font).horizontalAdvance(line) for line in lines), default=0.0)
            self._bands[key] = (
                tuple(static_text(line, m.title_font) for line in lines),
                reading,
                widest,
            )
        return self._bands[key]

    def paint(self, painter: QPainter, page: int, drawn: list[DrawnText]) -> None:
        """Draw one page; append every string drawn to ``drawn``."""
        if self.layout is None or not self.layout.pages:
            return
        m = self.layout.metrics
        items = self.layout.pages[min(page, len(self.layout.pages) - 1)]
        cards = [item for item in items if item.card is not None]
        for item in cards:
            painter.fillRect(item.rect, CARD)
            if item.group.clustered:
                painter.fillRect(
                    QRectF(item.rect.x(), item.rect.y(), m.stripe, item.rect.height()), item.group.colour
                )
        self._paint_bands(painter, [item for item in items if item.card is None], m, drawn)
        self._paint_unbacked_marks(painter, cards, m)
        painter.setPen(CARD_INK)
        texts = [(item, self.card_text(item, m)) for item in cards]
        # A few titles with a long word are smaller: sorted by size, each font is set once.
        texts.sort(key=lambda pair: -pair[0].px)
        px = 0
        for item, text in texts:
            if item.px != px:
                px = item.px
                painter.setFont(self._font(px))
            origin = item.rect.topLeft()
            for line, at in text.lines:
                painter.drawStaticText(origin + at, line)
            drawn.append(DrawnText(text.title, text.title_rect.translated(origin), px))
        painter.setFont(m.giver_font)
        painter.setPen(GIVER_INK)
        for item, text in texts:
            origin = item.rect.topLeft()
            if text.giver is not None:
                line, at = text.giver
                painter.drawStaticText(origin + at, line)
                drawn.append(
                    DrawnText(text.giver_text, text.giver_rect.translated(origin), m.giver_font.pixelSize())
                )

    def _paint_bands(
        self, painter: QPainter, bands: list[Placed], m: Metrics, drawn: list[DrawnText]
    ) -> None:
        painter.setFont(m.title_font)
        for item in bands:
            colour = item.group.colour
            painter.fillRect(item.rect, colour)
            if contrast(colour, BACKGROUND) < 3:  # a black cluster on the dark screen: outline it
                painter.setPen(QPen(MUTED_INK, max(2.0, m.px / 12)))
                painter.drawRect(item.rect)
            lines, shown, width = self._band_text(item, m)
            top = item.rect.y() + (item.rect.height() - len(lines) * m.title_spacing) / 2
            painter.setPen(ink_on(colour))
            for i, line in enumerate(lines):
                painter.drawStaticText(QPointF(item.rect.x() + m.pad, top + i * m.title_spacing), line)
            rect = QRectF(item.rect.x() + m.pad, top, width, len(lines) * m.title_spacing)
            drawn.append(DrawnText(shown, rect, m.px))

    def _paint_unbacked_marks(self, painter: QPainter, cards: list[Placed], m: Metrics) -> None:
        """A small ring in the corner of each card not yet backed: discreet, and not colour alone."""
        radius = m.pad * 0.35
        painter.setPen(QPen(GIVER_INK, max(1.0, radius / 2.5)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for item in cards:
            if item.card is not None and not item.card.backed:
                r = item.rect
                painter.drawEllipse(
                    QPointF(r.right() - m.pad * 0.75, r.bottom() - m.pad * 0.6), radius, radius
                )

    def card_rects(self, page: int) -> dict[str, QRectF]:
        if self.layout is None or not self.layout.pages:
            return {}
        items = self.layout.pages[min(page, len(self.layout.pages) - 1)]
        return {item.card.id: item.rect for item in items if item.card is not None}
