"""The shared screen: the room's window on the projector, drawing only what a Scene holds.

Everything is painted by hand in one widget (slides by ui.screen_slides, cards by
ui.board_canvas, results by ui.results_screen, a review board by ui.review_screen) with type sized from the window's height, so
that it reads from the back of the room at any resolution. The corner timer is a small opaque
child: its ten updates a second repaint only itself. The voting booth is a child too, covering
the window while shown; while the booth goes round on the facilitator's laptop, a calm slide
shows only the turnout.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QKeyEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from app.i18n import _
from ui.board_canvas import BACKGROUND, CARD_INK, SCREEN_INK, BoardCanvas, DrawnText, font
from ui.booth import VotingBooth
from ui.results_screen import ResultsCanvas
from ui.review_screen import ReviewCanvas
from ui.scene import Scene, SceneKind, TimerView
from ui.screen_slides import (
    CENTRE,
    PAUSE_BACKGROUND,
    TIME_UP,
    SlideArea,
    Writer,
    clock,
    paint_board,
    paint_challenge,
    paint_pause,
    paint_timer,
    paint_voting,
)

#: The corner timer: its height as a fraction of the window's height, and its fill.
BADGE = 1 / 20
BADGE_FILL = QColor("#333333")


def shows_in_corner(view: TimerView | None) -> bool:
    return view is not None and (view.running or view.finished)


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
        self._review = ReviewCanvas()
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
        # The board keeps its last layout while it stays on screen: as ideas are added, the
        # search for the largest type that fits starts from it (the room's hot path).
        if self._scene.kind is not SceneKind.BOARD:
            self._board.layout = None
        self._results.layout = None
        self._review.layout = None
        if self._scene.kind is SceneKind.REVIEW and self._scene.review is not None:
            self._review.arrange(self._scene.review, self.width(), self.height())
        if self._scene.kind is SceneKind.BOARD:
            self._board.arrange(self._scene, self._area().board_area, self.height())
        elif self._scene.kind is SceneKind.RESULTS and self._scene.results is not None:
            self._results.arrange(self._scene.results, self.width(), self.height())
        page = max(0, min(self._page, self.page_count - 1))
        if (page, self.page_count) != (self._page, count_before):
            self._page = page
            self.pageChanged.emit(self._page, self.page_count)

    def _area(self) -> SlideArea:
        """Where the slides are painted; the heading stops short of the corner timer's place."""
        return SlideArea(self.rect(), self.badge.x())

    def _show_badge(self) -> None:
        kind = self._scene.kind
        self.badge.set_view(self._timer)
        shown_over = (SceneKind.BOARD, SceneKind.CHALLENGE, SceneKind.VOTING, SceneKind.REVIEW)
        visible = kind in shown_over and shows_in_corner(self._timer)
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
        heading = self._area().heading
        height = round(self.height() * BADGE * 1.4)
        width = round(
            QFontMetricsF(font(round(height * 0.62), bold=True)).horizontalAdvance(_("Time is up")) + height
        )
        self.badge.setGeometry(round(heading.right()) - width, round(heading.top()), width, height)
        self.booth.setGeometry(self.rect())
        super().resizeEvent(event)

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        self._ensure_layout()
        self.paints += 1
        drawn: list[DrawnText] = []
        painter = QPainter(self)
        writer, area = Writer(painter, drawn), self._area()
        kind = self._scene.kind
        if kind is SceneKind.BLANK:
            painter.fillRect(self.rect(), Qt.GlobalColor.black)
        elif kind is SceneKind.TIMER:
            paint_timer(writer, area, self._scene, self._timer)
        elif kind is SceneKind.PAUSE:
            painter.fillRect(self.rect(), PAUSE_BACKGROUND)
            paint_pause(writer, area, self._scene)
        elif kind is SceneKind.RESULTS:
            self._results.paint(painter, self._page, self.width(), self.height(), drawn)
        elif kind is SceneKind.REVIEW:
            self._review.paint(painter, self.width(), self.height(), area.badge_left, drawn)
        elif kind is SceneKind.BOOTH:
            painter.fillRect(self.rect(), BACKGROUND)  # the booth covers it
        elif kind is SceneKind.VOTING:
            painter.fillRect(self.rect(), BACKGROUND)
            paint_voting(writer, area, self._scene)
        else:
            painter.fillRect(self.rect(), BACKGROUND)
            if kind is SceneKind.BOARD:
                paint_board(writer, area, self._scene, self._board, self._page, self.page_count)
            else:
                paint_challenge(writer, area, self._scene)
        painter.end()
        self._drawn = drawn

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
