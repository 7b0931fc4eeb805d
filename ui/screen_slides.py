"""The shared screen's slides: how each scene is painted (challenge, board, timer, break, voting in progress).

Type is sized from the window's height, so that it reads from the back of the room at any
resolution. Every string drawn is noted as a DrawnText, for what the room saw.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from app.i18n import _
from ui.board_canvas import (
    BACKGROUND,
    CARD_INK,
    MIN_TYPE,
    MUTED_INK,
    SCREEN_INK,
    BoardCanvas,
    DrawnText,
    font,
)
from ui.booth_paint import turnout_text
from ui.scene import BoothState, Scene, TimerView

#: Sizes as fractions of the window's height.
MARGIN = 1 / 24
SMALL = 1 / 30  # the workshop title, the board's heading, page numbers
PHASE = 1 / 15
CHALLENGE_LARGEST, CHALLENGE_SMALLEST = 1 / 11, 1 / 26
PROMPT = 1 / 26
DIGITS = 1 / 3.2
END_TEXT = 1 / 7
PAUSE_LARGEST, PAUSE_SMALLEST = 1 / 7, 1 / 16
VOTING_HEADING = 1 / 9
TURNOUT = 1 / 14

#: Orange of the Okabe–Ito palette, for headings and the end of time (black on it: 9:1).
ACCENT = QColor("#E69F00")
TIME_UP = ACCENT
PAUSE_BACKGROUND = QColor("#0E2A3B")
TRACK = QColor("#4A4A4A")

WRAP = int(Qt.TextFlag.TextWordWrap)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
LEFT_MIDDLE = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT_MIDDLE = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTRE = int(Qt.AlignmentFlag.AlignCenter)
TOP_CENTRE = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)


def clock(seconds: float) -> str:
    """A countdown as people read it: mm:ss, h:mm:ss from an hour; whole seconds rounded up."""
    whole = max(0, math.ceil(seconds - 1e-6))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class Writer:
    """Draws strings with one painter and notes each in ``drawn``, for drawn_texts()."""

    def __init__(self, painter: QPainter, drawn: list[DrawnText]) -> None:
        self.painter = painter
        self.drawn = drawn

    def write(self, rect: QRectF, flags: int, text: str, text_font: QFont, ink: QColor) -> QRectF:
        self.painter.setFont(text_font)
        self.painter.setPen(ink)
        used = self.painter.drawText(rect, flags, text)
        self.drawn.append(DrawnText(text, used, text_font.pixelSize()))
        return used


@functools.lru_cache(maxsize=64)
def fitting_size(text: str, width: float, height: float, largest: int, smallest: int) -> int:
    """The largest pixel size from ``largest`` down to ``smallest`` at which ``text`` wraps into the box."""
    box = QRectF(0, 0, width, height)
    size = largest
    while size > smallest:
        needed = QFontMetricsF(font(size)).boundingRect(box, WRAP, text)
        if needed.height() <= height and needed.width() <= width:
            break
        size = max(smallest, int(size * 0.93))
    return size


def fits(text: str, size: int, box: QRectF) -> bool:
    needed = QFontMetricsF(font(size)).boundingRect(QRectF(0, 0, box.width(), box.height()), WRAP, text)
    return needed.height() <= box.height() and needed.width() <= box.width()


def shortened_to_fit(text: str, size: int, box: QRectF) -> str:
    """``text``, or as many of its first words as fit ``box`` followed by "…"."""
    if fits(text, size, box):
        return text
    words = text.split(" ")
    low, high = 0, len(words)
    while low < high:  # the most words that still fit, with the ellipsis
        middle = (low + high + 1) // 2
        if fits(" ".join(words[:middle]) + " …", size, box):
            low = middle
        else:
            high = middle - 1
    return " ".join(words[:low]) + " …"


def elided(text: str, text_font: QFont, width: float) -> str:
    return QFontMetricsF(text_font).elidedText(text, Qt.TextElideMode.ElideRight, width)


@dataclass(frozen=True)
class SlideArea:
    """The window a slide is painted in: its rectangle, and where the corner timer's place begins."""

    rect: QRect
    badge_x: int

    @property
    def width(self) -> int:
        return self.rect.width()

    @property
    def height(self) -> int:
        return self.rect.height()

    @property
    def margin(self) -> float:
        return self.height * MARGIN

    @property
    def heading(self) -> QRectF:
        m = self.margin
        return QRectF(m, m * 0.6, self.width - 2 * m, self.height * SMALL * 1.5)

    def heading_line(self, width: float) -> QRectF:
        heading = self.heading
        return QRectF(heading.x(), heading.y(), max(0.0, width), heading.height())

    @property
    def board_area(self) -> QRectF:
        m, heading = self.margin, self.heading
        top = heading.bottom() + m * 0.5
        return QRectF(m, top, self.width - 2 * m, self.height - top - m * 0.6)

    @property
    def badge_left(self) -> float:
        """Where the heading ends: the corner timer's place is kept free even while it is hidden."""
        return self.badge_x - self.margin * 0.5


def paint_board(
    writer: Writer, area: SlideArea, scene: Scene, board: BoardCanvas, page: int, page_count: int
) -> None:
    small = font(round(area.height * SMALL))
    right = area.badge_left - area.heading.x()
    if page_count > 1:
        label = _("Page {page} of {count}").format(page=page + 1, count=page_count)
        writer.write(area.heading_line(right), RIGHT_MIDDLE, label, small, SCREEN_INK)
        right -= QFontMetricsF(small).horizontalAdvance(label) + area.margin
    title = scene.phase_title or scene.workshop_title
    if title:
        writer.write(area.heading_line(right), LEFT_MIDDLE, elided(title, small, right), small, MUTED_INK)
    if not scene.cards and not scene.clusters:
        large = font(round(area.height * PHASE))
        writer.write(area.board_area, CENTRE, _("No ideas yet"), large, MUTED_INK)
        return
    board.paint(writer.painter, page, writer.drawn)


def paint_challenge(writer: Writer, area: SlideArea, scene: Scene) -> None:
    h, m = area.height, area.margin
    small = font(round(h * SMALL))
    if scene.workshop_title:
        line = area.heading_line(area.badge_left - area.heading.x())
        writer.write(line, LEFT_MIDDLE, elided(scene.workshop_title, small, line.width()), small, MUTED_INK)
    y = area.heading.bottom() + m * 0.5
    width = area.width - 2 * m
    if scene.phase_title:
        phase = font(round(h * PHASE), bold=True)
        y = writer.write(QRectF(m, y, width, h), LEFT | WRAP, scene.phase_title, phase, ACCENT).bottom()
        y += m * 0.6
    prompts = "\n".join(f"•  {p}" for p in scene.prompts)
    prompt_font = font(round(h * PROMPT))
    prompt_h = 0.0
    if prompts:
        prompt_h = QFontMetricsF(prompt_font).boundingRect(QRectF(m, 0, width, h), WRAP, prompts).height()
        prompt_h = min(prompt_h, (h - y) * 0.4)
    room = QRectF(m, y, width, h - y - m - (prompt_h + m if prompts else 0.0))
    if scene.challenge:
        largest, smallest = round(h * CHALLENGE_LARGEST), round(h * CHALLENGE_SMALLEST)
        size = fitting_size(scene.challenge, room.width(), room.height(), largest, smallest)
        text = scene.challenge
        if not fits(text, size, room):
            # A long challenge: the warm-up prompts give way, then the type goes down to the
            # smallest the room can read, and what still does not fit ends in "…".
            prompts, room = "", QRectF(m, y, width, h - y - m)
            size = fitting_size(text, room.width(), room.height(), size, round(h * MIN_TYPE))
            text = shortened_to_fit(text, size, room)
        y = writer.write(room, LEFT | WRAP, text, font(size), SCREEN_INK).bottom() + m
    if prompts:
        rect = QRectF(m, max(y, h - m - prompt_h), width, prompt_h)
        writer.write(rect, LEFT | WRAP, prompts, prompt_font, MUTED_INK)


def paint_voting(writer: Writer, area: SlideArea, scene: Scene) -> None:
    """The booth is on the facilitator's laptop: the round and its turnout, nothing of a ballot."""
    slide, h, m = scene.voting, area.height, area.margin
    if slide is None:
        return
    small = font(round(h * SMALL))
    if scene.workshop_title:
        line = area.heading_line(area.badge_left - area.heading.x())
        title = elided(scene.workshop_title, small, line.width())
        writer.write(line, LEFT_MIDDLE, title, small, MUTED_INK)
    if slide.state is BoothState.OPEN:
        heading = _("Voting in progress")
    elif slide.state is BoothState.NOT_STARTED:
        heading = _("Voting has not started yet")
    else:
        heading = _("Voting has closed")
    width = area.width - 2 * m
    heading_font = font(round(h * VOTING_HEADING), bold=True)
    top = h * 0.3
    box = QRectF(m, top, width, h * VOTING_HEADING * 1.4)
    used = writer.write(box, CENTRE, elided(heading, heading_font, width), heading_font, ACCENT)
    prompt = font(round(h * PROMPT))
    box = QRectF(m, used.bottom() + m * 0.3, width, h * PROMPT * 1.5)
    used = writer.write(box, CENTRE, elided(slide.title, prompt, width), prompt, MUTED_INK)
    turnout = turnout_text(slide.ballots, slide.expected)
    turnout_font = font(round(h * TURNOUT))
    box = QRectF(m, used.bottom() + m * 1.2, width, h * TURNOUT * 1.5)
    writer.write(box, CENTRE, elided(turnout, turnout_font, width), turnout_font, SCREEN_INK)


def paint_timer(writer: Writer, area: SlideArea, scene: Scene, view: TimerView | None) -> None:
    w, h, m = area.width, area.height, area.margin
    finished = view is not None and view.finished
    writer.painter.fillRect(area.rect, TIME_UP if finished else BACKGROUND)
    ink = CARD_INK if finished else SCREEN_INK
    if scene.phase_title:
        phase = font(round(h * PHASE), bold=True)
        rect = QRectF(m, m, w - 2 * m, h * PHASE * 1.4)
        writer.write(rect, CENTRE, elided(scene.phase_title, phase, rect.width()), phase, ink)
    size = round(min(h * DIGITS, w / 3.4))
    digits = QRectF(0, h * 0.5 - size * 0.75, w, size * 1.3)
    writer.write(digits, CENTRE, clock(view.remaining_seconds if view else 0), font(size, bold=True), ink)
    below = QRectF(m, digits.bottom() + m * 0.5, w - 2 * m, h * END_TEXT * 1.4)
    if finished:
        writer.write(below, CENTRE, _("Time is up"), font(round(h * END_TEXT), bold=True), ink)
    elif view is not None:
        bar = QRectF(w * 0.15, below.y(), w * 0.7, h / 28)
        left = view.remaining_seconds / view.total_seconds if view.total_seconds > 0 else 0.0
        writer.painter.fillRect(bar, TRACK)
        writer.painter.fillRect(
            bar.adjusted(0, 0, -bar.width() * (1 - max(0.0, min(1.0, left))), 0), SCREEN_INK
        )
        if not view.running and view.remaining_seconds != view.total_seconds:
            rect = below.translated(0, bar.height() + m * 0.5)
            writer.write(rect, TOP_CENTRE, _("Paused"), font(round(h * SMALL * 1.5)), MUTED_INK)


def paint_pause(writer: Writer, area: SlideArea, scene: Scene) -> None:
    h, m = area.height, area.margin * 2
    message = scene.message or _("Break")
    rect = QRectF(m, m, area.width - 2 * m, h - 2 * m)
    size = fitting_size(
        message, rect.width(), rect.height(), round(h * PAUSE_LARGEST), round(h * PAUSE_SMALLEST)
    )
    writer.write(rect, CENTRE | WRAP, message, font(size), SCREEN_INK)
