"""The shared screen: the room's window on the projector, drawing only what a Scene holds.

Everything is painted by hand in one widget (cards by ui.board_canvas, results by
ui.results_screen) with type sized from the window's height, so that it reads from the back
of the room at any resolution. The corner timer is a small opaque child: its ten updates a
second repaint only itself. The voting booth is a child too, covering the window while shown;
while the booth goes round on the facilitator's laptop, a calm slide shows only the turnout.
"""

from __future__ import annotations

import functools
import math

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QKeyEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

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
from ui.booth import VotingBooth
from ui.booth_paint import turnout_text
from ui.results_screen import ResultsCanvas
from ui.scene import BoothState, Scene, SceneKind, TimerView

#: Sizes as fractions of the window's height.
MARGIN = 1 / 24
SMALL = 1 / 30  # the workshop title, the board's heading, page numbers
PHASE = 1 / 15
CHALLENGE_LARGEST, CHALLENGE_SMALLEST = 1 / 11, 1 / 26
PROMPT = 1 / 26
DIGITS = 1 / 3.2
END_TEXT = 1 / 7
BADGE = 1 / 20
PAUSE_LARGEST, PAUSE_SMALLEST = 1 / 7, 1 / 16
VOTING_HEADING = 1 / 9
TURNOUT = 1 / 14

#: Orange of the Okabe–Ito palette, for headings and the end of time (black on it: 9:1).
ACCENT = QColor("#E69F00")
TIME_UP = ACCENT
PAUSE_BACKGROUND = QColor("#0E2A3B")
TRACK = QColor("#4A4A4A")
BADGE_FILL = QColor("#333333")

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


def shows_in_corner(view: TimerView | None) -> bool:
    return view is not None and (view.running or view.finished)


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


class TimerBadge(QWidget):
    """The compact timer in the top right corner, over a board or the challenge."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.view: TimerView | None = None
        self.drawn: list[DrawnText] = []

    def set_view(self, view: TimerView | None) -> None:
        before = self._label(self.view)
        self.view = view
        if self._label(view) != before:
            self.update()

    @staticmethod
    def _label(view: TimerView | None) -> str:
        if view is None:
            return ""
        return _("Time is up") if view.finished else clock(view.remaining_seconds)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        drawn: list[DrawnText] = []
        if self.view is not None:
            text_font = font(round(self.height() * 0.62), bold=True)
            label = self._label(self.view)
            width = QFontMetricsF(text_font).horizontalAdvance(label) + self.height() * 0.6
            pill = QRectF(self.width() - width, 0, width, self.height())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TIME_UP if self.view.finished else BADGE_FILL)
            painter.drawRoundedRect(pill, self.height() / 4, self.height() / 4)
            ink = CARD_INK if self.view.finished else SCREEN_INK
            Writer(painter, drawn).write(pill, CENTRE, label, text_font, ink)
        painter.end()
        self.drawn = drawn


class SharedScreen(QWidget):
    """The window the room sees. Show it with ui.screens.ScreenPlacer.

    Signals:
        pageChanged(int, int): the board page now shown (from 0) and the number of pages.
    """

    pageChanged = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(_("Mylla – shared screen"))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._scene = Scene(SceneKind.BLANK)
        self._timer: TimerView | None = None
        self._page = 0
        self._board = BoardCanvas()
        self._results = ResultsCanvas()
        self._laid_out_for: tuple[Scene, int, int] | None = None
        self._drawn: list[DrawnText] = []
        self.paints = 0  # how many times the whole screen was painted: for tests and benchmarks
        self.badge = TimerBadge(self)
        self.badge.hide()
        self.booth = VotingBooth(self)
        self.booth.hide()
        self.resize(960, 540)

    # -- what to show ------------------------------------------------------------------------

    @property
    def scene(self) -> Scene:
        return self._scene

    def set_scene(self, scene: Scene) -> None:
        """Show ``scene``. Its timer, when it has one, replaces the current timer."""
        if scene.timer is not None:
            self._timer = scene.timer
        if scene == self._scene:
            self._show_badge()
            return
        self._scene = scene
        self._relayout()
        self._show_badge()
        self._show_booth()
        self.update()

    def set_timer(self, view: TimerView | None) -> None:
        """The timer changed (called about ten times a second): repaint only what shows it."""
        if view == self._timer:
            return
        self._timer = view
        if self._scene.kind is SceneKind.TIMER:
            self.update()
        else:
            self._show_badge()

    @property
    def timer(self) -> TimerView | None:
        return self._timer

    # -- pages -------------------------------------------------------------------------------

    @property
    def page(self) -> int:
        """The board page shown, from 0."""
        return self._page

    @property
    def page_count(self) -> int:
        self._ensure_layout()
        if self._scene.kind is SceneKind.BOARD:
            return self._board.page_count
        return self._results.page_count if self._scene.kind is SceneKind.RESULTS else 1

    def next_page(self) -> None:
        self._go_to(self._page + 1)

    def previous_page(self) -> None:
        self._go_to(self._page - 1)

    def _go_to(self, page: int) -> None:
        page = max(0, min(page, self.page_count - 1))
        if page != self._page:
            self._page = page
            self.update()
            self.pageChanged.emit(self._page, self.page_count)

    # -- what the last paint drew --------------------------------------------------------------

    def drawn(self) -> list[DrawnText]:
        """Every string the room sees now, with where and how large it was drawn."""
        if self.booth.isVisibleTo(self):
            return self.booth.drawn()
        badge = self.badge.drawn if self.badge.isVisibleTo(self) else []
        return [*self._drawn, *badge]

    def drawn_texts(self) -> list[str]:
        return [d.text for d in self.drawn()]

    def card_rects(self) -> dict[str, QRectF]:
        """Where each card of the page shown lies, by idea id."""
        self._ensure_layout()
        return self._board.card_rects(self._page) if self._scene.kind is SceneKind.BOARD else {}

    def result_rects(self) -> dict[str, QRectF]:
        """Where each idea's row of the results page shown lies, by idea id."""
        self._ensure_layout()
        return self._results.row_rects(self._page) if self._scene.kind is SceneKind.RESULTS else {}

    def cut_line_rect(self) -> QRectF | None:
        """Where the cut line of the results lies, if it is on the page shown."""
        self._ensure_layout()
        return self._results.line_rect(self._page) if self._scene.kind is SceneKind.RESULTS else None

    def without_dots_rect(self) -> QRectF | None:
        """Where the results count their ideas without dots, if on the page shown."""
        self._ensure_layout()
        return self._results.without_dots_rect(self._page) if self._scene.kind is SceneKind.RESULTS else None

    def card_pixel_size(self) -> int:
        """The pixel size of the card titles on the board."""
        self._ensure_layout()
        layout = self._board.layout
        return layout.metrics.px if layout else 0

    # -- layout ------------------------------------------------------------------------------

    def _ensure_layout(self) -> None:
        if self._laid_out_for != (self._scene, self.width(), self.height()):
            self._relayout()

    def _relayout(self) -> None:
        self._laid_out_for = (self._scene, self.width(), self.height())
        count_before = self._board.page_count
        self._board.layout = None
        self._results.layout = None
        if self._scene.kind is SceneKind.BOARD:
            self._board.arrange(self._scene, self._board_area(), self.height())
        elif self._scene.kind is SceneKind.RESULTS and self._scene.results is not None:
            self._results.arrange(self._scene.results, self.width(), self.height())
        page = max(0, min(self._page, self.page_count - 1))
        if (page, self.page_count) != (self._page, count_before):
            self._page = page
            self.pageChanged.emit(self._page, self.page_count)

    def _margin(self) -> float:
        return self.height() * MARGIN

    def _heading_rect(self) -> QRectF:
        m = self._margin()
        return QRectF(m, m * 0.6, self.width() - 2 * m, self.height() * SMALL * 1.5)

    def _board_area(self) -> QRectF:
        m, heading = self._margin(), self._heading_rect()
        top = heading.bottom() + m * 0.5
        return QRectF(m, top, self.width() - 2 * m, self.height() - top - m * 0.6)

    def _show_badge(self) -> None:
        kind = self._scene.kind
        self.badge.set_view(self._timer)
        visible = kind in (SceneKind.BOARD, SceneKind.CHALLENGE, SceneKind.VOTING) and shows_in_corner(
            self._timer
        )
        self.badge.setVisible(visible)

    def _show_booth(self) -> None:
        """The booth covers the window while the scene is the booth; leaving it drops a half ballot."""
        view = self._scene.booth if self._scene.kind is SceneKind.BOOTH else None
        if view is None:
            self.booth.hide()
            return
        self.booth.setGeometry(self.rect())
        self.booth.set_view(view)
        if self.booth.isHidden():
            self.booth.show()
            self.booth.raise_()
            self.booth.setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        heading = self._heading_rect()
        height = round(self.height() * BADGE * 1.4)
        width = round(
            QFontMetricsF(font(round(height * 0.62), bold=True)).horizontalAdvance(_("Time is up")) + height
        )
        self.badge.setGeometry(round(heading.right()) - width, round(heading.top()), width, height)
        self.booth.setGeometry(self.rect())
        super().resizeEvent(event)

    def _badge_left(self) -> float:
        """Where the heading ends: the corner timer's place is kept free even while it is hidden."""
        return self.badge.x() - self._margin() * 0.5

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        self._ensure_layout()
        self.paints += 1
        drawn: list[DrawnText] = []
        painter = QPainter(self)
        writer = Writer(painter, drawn)
        kind = self._scene.kind
        if kind is SceneKind.BLANK:
            painter.fillRect(self.rect(), Qt.GlobalColor.black)
        elif kind is SceneKind.TIMER:
            self._paint_timer(writer)
        elif kind is SceneKind.PAUSE:
            painter.fillRect(self.rect(), PAUSE_BACKGROUND)
            self._paint_pause(writer)
        elif kind is SceneKind.RESULTS:
            self._results.paint(painter, self._page, self.width(), self.height(), drawn)
        elif kind is SceneKind.BOOTH:
            painter.fillRect(self.rect(), BACKGROUND)  # the booth covers it
        elif kind is SceneKind.VOTING:
            painter.fillRect(self.rect(), BACKGROUND)
            self._paint_voting(writer)
        else:
            painter.fillRect(self.rect(), BACKGROUND)
            if kind is SceneKind.BOARD:
                self._paint_board(writer)
            else:
                self._paint_challenge(writer)
        painter.end()
        self._drawn = drawn

    def _heading_line(self, width: float) -> QRectF:
        heading = self._heading_rect()
        return QRectF(heading.x(), heading.y(), max(0.0, width), heading.height())

    def _paint_board(self, writer: Writer) -> None:
        small = font(round(self.height() * SMALL))
        right = self._badge_left() - self._heading_rect().x()
        if self.page_count > 1:
            label = _("Page {page} of {count}").format(page=self._page + 1, count=self.page_count)
            writer.write(self._heading_line(right), RIGHT_MIDDLE, label, small, SCREEN_INK)
            right -= QFontMetricsF(small).horizontalAdvance(label) + self._margin()
        title = self._scene.phase_title or self._scene.workshop_title
        if title:
            writer.write(
                self._heading_line(right), LEFT_MIDDLE, elided(title, small, right), small, MUTED_INK
            )
        if not self._scene.cards and not self._scene.clusters:
            large = font(round(self.height() * PHASE))
            writer.write(self._board_area(), CENTRE, _("No ideas yet"), large, MUTED_INK)
            return
        self._board.paint(writer.painter, self._page, writer.drawn)

    def _paint_challenge(self, writer: Writer) -> None:
        scene, h, m = self._scene, self.height(), self._margin()
        small = font(round(h * SMALL))
        if scene.workshop_title:
            line = self._heading_line(self._badge_left() - self._heading_rect().x())
            writer.write(
                line, LEFT_MIDDLE, elided(scene.workshop_title, small, line.width()), small, MUTED_INK
            )
        y = self._heading_rect().bottom() + m * 0.5
        width = self.width() - 2 * m
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

    def _paint_voting(self, writer: Writer) -> None:
        """The booth is on the facilitator's laptop: the round and its turnout, nothing of a ballot."""
        slide, h, m = self._scene.voting, self.height(), self._margin()
        if slide is None:
            return
        small = font(round(h * SMALL))
        if self._scene.workshop_title:
            line = self._heading_line(self._badge_left() - self._heading_rect().x())
            title = elided(self._scene.workshop_title, small, line.width())
            writer.write(line, LEFT_MIDDLE, title, small, MUTED_INK)
        if slide.state is BoothState.OPEN:
            heading = _("Voting in progress")
        elif slide.state is BoothState.NOT_STARTED:
            heading = _("Voting has not started yet")
        else:
            heading = _("Voting has closed")
        width = self.width() - 2 * m
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

    def _paint_timer(self, writer: Writer) -> None:
        view = self._timer
        w, h, m = self.width(), self.height(), self._margin()
        finished = view is not None and view.finished
        writer.painter.fillRect(self.rect(), TIME_UP if finished else BACKGROUND)
        ink = CARD_INK if finished else SCREEN_INK
        if self._scene.phase_title:
            phase = font(round(h * PHASE), bold=True)
            rect = QRectF(m, m, w - 2 * m, h * PHASE * 1.4)
            writer.write(rect, CENTRE, elided(self._scene.phase_title, phase, rect.width()), phase, ink)
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

    def _paint_pause(self, writer: Writer) -> None:
        h, m = self.height(), self._margin() * 2
        message = self._scene.message or _("Break")
        rect = QRectF(m, m, self.width() - 2 * m, h - 2 * m)
        size = fitting_size(
            message, rect.width(), rect.height(), round(h * PAUSE_LARGEST), round(h * PAUSE_SMALLEST)
        )
        writer.write(rect, CENTRE | WRAP, message, font(size), SCREEN_INK)

    # -- keys ------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Presenter remotes send Page Down and Page Up."""
        if event.key() == Qt.Key.Key_PageDown:
            self.next_page()
        elif event.key() == Qt.Key.Key_PageUp:
            self.previous_page()
        else:
            super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """No mouse pointer over the projected picture."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            if self.isFullScreen():
                self.setCursor(Qt.CursorShape.BlankCursor)
            else:
                self.unsetCursor()
