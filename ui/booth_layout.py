"""Where the voting booth puts things: cards and voter tiles in grids sized from the window, buttons beside.

Everything is measured in fractions of the window's height, like the rest of the shared
screen; a grid picks the number of columns that gives its items the largest type.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF

#: Sizes as fractions of the window's height.
MARGIN = 1 / 24
SMALL = 1 / 34  # the round's title
HEADING = 1 / 18  # the voter's name, the dots left
NEXT_VOTER = 1 / 11
LINE = 1 / 30  # turnout, instructions
MESSAGE = 1 / 28  # a refusal, the thanks
BUTTON_TYPE = 1 / 22
CLOSED_TYPE = 1 / 12
#: The column of buttons beside the cards, in window heights.
SIDE = 0.22
#: The facilitator's small "Close the booth" button in the top right corner, in window heights.
CLOSE_WIDTH = 0.24

#: The most ideas on one page of the booth, and the most voter tiles.
PAGE_CARDS = 60
PAGE_TILES = 40
#: Gaps between grid cells, in title sizes.
GAP = 0.45


@dataclass(frozen=True)
class Shape:
    """A grid cell in sizes of its type: how high, how narrow at least, how wide at most."""

    high: float
    wide: float
    widest: float
    smallest: float  # of the window's height
    largest: float


#: An idea card: number and theme, three title lines, the row of placed dots.
CARD = Shape(high=5.9, wide=8.0, widest=14.0, smallest=1 / 64, largest=1 / 26)
TITLE_LINES = 4
#: A participant's tile: number, up to three lines of label; a voter number's tile: the number alone.
PERSON_TILE = Shape(high=6.0, wide=8.0, widest=16.0, smallest=1 / 42, largest=1 / 16)
NUMBER_TILE = Shape(high=2.2, wide=2.8, widest=5.0, smallest=1 / 30, largest=1 / 12)


@dataclass(frozen=True)
class Grid:
    """Cells for one page: their rectangles in reading order and their type size."""

    px: int
    columns: int
    cells: tuple[QRectF, ...]


def _best_px(count: int, width: float, height: float, shape: Shape) -> tuple[float, int]:
    """The largest type size at which ``count`` cells fit the area, and for how many columns."""
    best, best_columns = 0.0, 1
    for columns in range(1, max(1, count) + 1):
        rows = math.ceil(count / columns)
        px = min(
            width / (columns * shape.wide + (columns - 1) * GAP),
            height / (rows * shape.high + (rows - 1) * GAP),
        )
        if px > best:
            best, best_columns = px, columns
    return best, best_columns


@functools.lru_cache(maxsize=64)
def per_page(count: int, width: float, height: float, screen_height: int, shape: Shape, most: int) -> int:
    """How many cells go on a page: all if they fit at the smallest type, else pages of even size."""
    smallest = screen_height * shape.smallest
    for pages in range(1, max(1, count) + 1):
        size = math.ceil(count / pages)
        if size <= most and _best_px(size, width, height, shape)[0] >= smallest:
            return size
    return 1


@functools.lru_cache(maxsize=64)
def grid(count: int, area: tuple[float, float, float, float], screen_height: int, shape: Shape) -> Grid:
    """``count`` cells in the area (x, y, width, height), row after row, as large as they fit."""
    x, y, width, height = area
    px, columns = _best_px(count, width, height, shape)
    size = int(max(screen_height * shape.smallest, min(px, screen_height * shape.largest)))
    gap = GAP * size
    rows = max(1, math.ceil(count / columns))
    cell_w = min((width - (columns - 1) * gap) / columns, shape.widest * size)
    cell_h = min((height - (rows - 1) * gap) / rows, shape.high * size * 1.25)
    cells = tuple(
        QRectF(x + (n % columns) * (cell_w + gap), y + (n // columns) * (cell_h + gap), cell_w, cell_h)
        for n in range(count)
    )
    return Grid(max(1, size), columns, cells)


@dataclass(frozen=True)
class Frame:
    """The parts of the booth's screen for one window size."""

    margin: float
    top: QRectF  # the round's title
    heading: QRectF  # the voter's name and the dots left, or "Next voter" and the turnout
    info: QRectF  # instructions, or that Done replaces an earlier ballot
    message: QRectF  # a refusal or the thanks: where the instructions are
    note: QRectF  # under the instructions: what a name is for in an anonymous round (empty if none)
    close: QRectF  # the facilitator's way back, at the right of the title (empty if none)
    area: QRectF  # the cards or the voter tiles
    side: QRectF  # the column of buttons
    done: QRectF
    cancel: QRectF
    previous: QRectF
    next: QRectF
    page_label: QRectF


def frame(width: int, height: int, *, neutral: bool, note: int = 0, closable: bool = False) -> Frame:
    """The booth's parts; in the neutral state the heading is the larger "Next voter".

    ``note``: lines under the instructions; ``closable``: room for the close button by the title.
    """
    h, m = float(height), height * MARGIN
    top = QRectF(m, m * 0.5, width - 2 * m, h * SMALL * 1.4)
    close = QRectF()
    if closable:
        close = QRectF(width - m - h * CLOSE_WIDTH, top.y(), h * CLOSE_WIDTH, top.height())
        top.setRight(close.left() - m)
    heading_h = h * (NEXT_VOTER if neutral else HEADING) * 1.3
    heading = QRectF(m, top.bottom(), width - 2 * m, heading_h)
    # A refusal or the thanks takes the place of the instructions while it stands.
    info = QRectF(m, heading.bottom() + m * 0.1, width - 2 * m, h * MESSAGE * 1.6)
    message = info
    note_rect = QRectF(m, info.bottom(), width - 2 * m, h * LINE * (1.25 * note + 0.25) if note else 0.0)
    side_w = h * SIDE
    side = QRectF(width - m - side_w, note_rect.bottom() + m * 0.4, side_w, 0)
    side.setBottom(h - m)
    area = QRectF(m, side.top(), side.left() - 2 * m, side.height())
    unit = h * BUTTON_TYPE
    done = QRectF(side.left(), side.top(), side_w, unit * 3.6)
    cancel = QRectF(side.left(), done.bottom() + unit * 0.8, side_w, unit * 2.2)
    page_label = QRectF(side.left(), side.bottom() - unit * 1.4, side_w, unit * 1.4)
    next_rect = QRectF(side.left(), page_label.top() - unit * 2.4, side_w, unit * 2.2)
    previous = QRectF(side.left(), next_rect.top() - unit * 2.6, side_w, unit * 2.2)
    return Frame(
        m,
        top,
        heading,
        info,
        message,
        note_rect,
        close,
        area,
        side,
        done,
        cancel,
        previous,
        next_rect,
        page_label,
    )


def area_key(rect: QRectF) -> tuple[float, float, float, float]:
    return (rect.x(), rect.y(), rect.width(), rect.height())


@dataclass(frozen=True, eq=False)
class Page:
    """One page of cards (or voter tiles) in the frame: the cells and which items they show."""

    key: tuple[object, ...]  # what it was laid out for
    frame: Frame
    grid: Grid
    first: int  # the index of the first item on the page
    size: int  # items on a full page
    pages: int

    def page_of(self, number: int) -> int:
        """The page (from 0) of the item numbered ``number`` (from 1)."""
        return (number - 1) // self.size


def lay_out(
    key: tuple[object, ...],
    count: int,
    page: int,
    width: int,
    height: int,
    shape: Shape,
    *,
    note: int = 0,
    closable: bool = False,
) -> Page:
    """Page ``page`` of ``count`` cards (or voter tiles) in the booth's frame, as large as they fit.

    Voter tiles (not cards) that fit one page may use the column of buttons as well.
    """
    f = frame(width, height, neutral=shape is not CARD, note=note, closable=closable)
    most = PAGE_CARDS if shape is CARD else PAGE_TILES
    area = f.area
    if shape is not CARD:
        wide = QRectF(f.area.x(), f.area.y(), f.side.right() - f.area.x(), f.area.height())
        if count and per_page(count, wide.width(), wide.height(), height, shape, most) >= count:
            area = wide
    size = per_page(count, area.width(), area.height(), height, shape, most) if count else 1
    pages = max(1, -(-count // size))
    page = max(0, min(page, pages - 1))
    first = page * size
    cells = grid(max(0, min(size, count - first)), area_key(area), height, shape)
    return Page(key, f, cells, first, size, pages)
