"""The revealed results on the shared screen: the ranking with bars of dots, totals and the cut line.

Painted by hand into the shared screen, type sized from the window's height. Equal totals
share a rank and say so; a tie at the line is marked on each tied row and on the line.
Ideas without dots that do not go on are one line at the end, not a row each. Many ideas go
onto pages, the top ones first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from app.i18n import _, ngettext
from ui.board_canvas import BACKGROUND, MIN_TYPE, MUTED_INK, SCREEN_INK, DrawnText, font, wrap
from ui.booth_faces import CENTRE, LEFT_MIDDLE, RIGHT_MIDDLE, write
from ui.scene import ResultRow, ResultsView

#: Sizes as fractions of the window's height.
MARGIN = 1 / 24
TITLE = 1 / 15
SUMMARY = 1 / 30
ROW_LARGEST, ROW_SMALLEST = 1 / 20, MIN_TYPE
#: Vermilion dots (4.7:1 on the dark screen), an orange tie (9:1 with black), the yellow line (13:1).
DOT = QColor("#D55E00")
TIE = QColor("#E69F00")
LINE = QColor("#F0E442")
ACCENT = TIE
#: The band behind ideas tied at the line.
TIED_BAND = QColor("#2E2E2E")
#: Entries of a page besides rows (row indices): the cut line, and the line for ideas without dots.
CUT, WITHOUT_DOTS = "cut", "without_dots"
#: How many dots one drawn dot may stand for when totals are large.
STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000)


def dots_per_drawn(largest: int, room: int) -> int:
    """How many dots one drawn dot stands for, so that the largest total fits ``room`` drawn dots."""
    return next((k for k in STEPS if math.ceil(largest / k) <= room), STEPS[-1])


def line_label(view: ResultsView) -> str:
    tied = sum(1 for r in view.rows if r.at_line)
    if tied:
        return ngettext(
            "Tied at the line: {n} ideas for {places} place",
            "Tied at the line: {n} ideas for {places} places",
            view.places,
        ).format(n=tied, places=view.places)
    going_on = view.line_after
    return ngettext("Above the line: {n} idea goes on", "Above the line: {n} ideas go on", going_on).format(
        n=going_on
    )


def folded(row: ResultRow) -> bool:
    """A row without dots that does not go on: counted on one line at the end, not drawn alone."""
    return row.total == 0 and not (row.going_on or row.at_line)


def without_dots_label(count: int) -> str:
    return ngettext("{n} idea without dots", "{n} ideas without dots", count).format(n=count)


def summary(view: ResultsView) -> str:
    parts = [ngettext("{n} ballot", "{n} ballots", view.ballots).format(n=view.ballots)]
    if view.paper_dots:
        parts.append(
            ngettext("{n} dot on paper", "{n} dots on paper", view.paper_dots).format(n=view.paper_dots)
        )
    if view.settled:
        parts.append(view.settled)
    return " · ".join(parts)


@dataclass(frozen=True, eq=False)
class ResultsLayout:
    """The results laid out for one window: sizes, and per page its rows and the line's place."""

    view: ResultsView
    px: int
    row_h: float
    line_h: float
    dot: float  # the drawn dot's diameter
    per_dot: int  # dots one drawn dot stands for
    rank_w: float
    title_w: float
    total_w: float
    area: QRectF
    pages: list[list[int | str]]  # row indices, CUT for the cut line, WITHOUT_DOTS at the end
    without_dots: int  # the ideas counted on the last line instead of drawn


class ResultsCanvas:
    """Lays out a ResultsView for a window and paints a page of it."""

    def __init__(self) -> None:
        self.layout: ResultsLayout | None = None

    @property
    def page_count(self) -> int:
        return len(self.layout.pages) if self.layout else 1

    def arrange(self, view: ResultsView, width: int, height: int) -> ResultsLayout:
        m = height * MARGIN
        top = m * 0.5 + height * TITLE * 1.3 + height * SUMMARY * 1.5 + m * 0.4
        area = QRectF(m, top, width - 2 * m, height - top - m * 0.6)
        entries: list[int | str] = [i for i, row in enumerate(view.rows) if not folded(row)]
        rows = len(entries)
        if view.size is not None:
            entries.insert(min(view.line_after, rows), CUT)
        without_dots = len(view.rows) - rows
        if without_dots:
            entries.append(WITHOUT_DOTS)
        lines = len(entries) - rows
        smallest, largest = round(height * ROW_SMALLEST), round(height * ROW_LARGEST)
        px = largest
        while px > smallest and rows * self._row_h(px) + lines * self._line_h(px) > area.height():
            px -= 1
        row_h, line_h = self._row_h(px), self._line_h(px)
        pages: list[list[int | str]] = [[]]
        used = 0.0
        for entry in entries:
            step = row_h if isinstance(entry, int) else line_h
            if used + step > area.height() and pages[-1]:
                pages.append([])
                used = 0.0
            pages[-1].append(entry)
            used += step
        bold = QFontMetricsF(font(round(px * 1.3), bold=True))
        pill = QFontMetricsF(font(round(px * 0.65), bold=True)).horizontalAdvance(_("tie")) + px * 0.6
        rank_w = bold.horizontalAdvance("88") + pill + px * 0.6
        total_w = QFontMetricsF(font(px, bold=True)).horizontalAdvance("8888") + px * 0.4
        title_w = area.width() * 0.36
        bar_w = area.width() - rank_w - title_w - total_w - px * 1.2
        largest_total = max((r.total for r in view.rows), default=0)
        dot, step = px * 0.85, 1.25
        per_dot = 1
        if largest_total * dot * step > bar_w:
            smaller = bar_w / (largest_total * step)
            if smaller >= px * 0.5:
                dot = smaller
            else:
                per_dot = dots_per_drawn(largest_total, max(1, int(bar_w // (dot * step))))
        self.layout = ResultsLayout(
            view, px, row_h, line_h, dot, per_dot, rank_w, title_w, total_w, area, pages, without_dots
        )
        return self.layout

    @staticmethod
    def _row_h(px: int) -> float:
        return 2.5 * px

    @staticmethod
    def _line_h(px: int) -> float:
        return 1.6 * px

    def _places(self, page: int) -> list[tuple[int | str, QRectF]]:
        layout = self.layout
        if layout is None or not layout.pages:
            return []
        y, placed = layout.area.y(), []
        for entry in layout.pages[min(page, len(layout.pages) - 1)]:
            height = layout.row_h if isinstance(entry, int) else layout.line_h
            placed.append((entry, QRectF(layout.area.x(), y, layout.area.width(), height)))
            y += height
        return placed

    def row_rects(self, page: int) -> dict[str, QRectF]:
        """Where each idea's row of the page lies, by idea id."""
        if self.layout is None:
            return {}
        rows = self.layout.view.rows
        return {rows[entry].idea_id: rect for entry, rect in self._places(page) if isinstance(entry, int)}

    def line_rect(self, page: int) -> QRectF | None:
        """Where the cut line lies on the page, if it is on it."""
        return next((rect for entry, rect in self._places(page) if entry == CUT), None)

    def without_dots_rect(self, page: int) -> QRectF | None:
        """Where the line counting the ideas without dots lies, if it is on the page."""
        return next((rect for entry, rect in self._places(page) if entry == WITHOUT_DOTS), None)

    def paint(self, painter: QPainter, page: int, width: int, height: int, drawn: list[DrawnText]) -> None:
        layout = self.layout
        if layout is None:
            return
        painter.fillRect(QRectF(0, 0, width, height), BACKGROUND)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_heading(painter, page, width, height, drawn)
        for entry, rect in self._places(page):
            if isinstance(entry, int):
                self._paint_row(painter, layout.view.rows[entry], rect, drawn)
            elif entry == CUT:
                self._paint_line(painter, rect, drawn)
            else:
                label = without_dots_label(layout.without_dots)
                box = rect.adjusted(layout.px * 0.5, 0, 0, 0)
                write(painter, drawn, box, LEFT_MIDDLE, label, font(layout.px), MUTED_INK)

    def _paint_heading(
        self, painter: QPainter, page: int, width: int, height: int, drawn: list[DrawnText]
    ) -> None:
        layout = self.layout
        assert layout is not None
        m = height * MARGIN
        small = font(round(height * SUMMARY))
        heading = QRectF(m, m * 0.5, width - 2 * m, height * TITLE * 1.3)
        if self.page_count > 1:
            label = _("Page {page} of {count}").format(page=page + 1, count=self.page_count)
            used = write(painter, drawn, heading, RIGHT_MIDDLE, label, small, SCREEN_INK)
            heading.setRight(used.left() - m)
        title = _("Results: {title}").format(title=layout.view.title)
        write(painter, drawn, heading, LEFT_MIDDLE, title, font(round(height * TITLE), bold=True), ACCENT)
        line = QRectF(m, heading.bottom(), width - 2 * m, height * SUMMARY * 1.5)
        if layout.per_dot > 1:
            legend = ngettext("= {k} dot", "= {k} dots", layout.per_dot).format(k=layout.per_dot)
            used = write(painter, drawn, line, RIGHT_MIDDLE, legend, small, SCREEN_INK)
            size = layout.dot
            self._dot(
                painter, QRectF(used.left() - size * 1.3, line.center().y() - size / 2, size, size), 1.0
            )
            line.setRight(used.left() - size * 1.3 - m)
        write(painter, drawn, line, LEFT_MIDDLE, summary(layout.view), small, MUTED_INK)

    def _paint_row(self, painter: QPainter, row: ResultRow, rect: QRectF, drawn: list[DrawnText]) -> None:
        layout = self.layout
        assert layout is not None
        px = layout.px
        inner = rect.adjusted(0, px * 0.15, 0, -px * 0.15)
        if row.at_line:
            painter.fillRect(inner, TIED_BAND)
            painter.fillRect(QRectF(inner.x(), inner.y(), px * 0.25, inner.height()), TIE)
        x = inner.x() + px * 0.5
        rank_box = QRectF(x, inner.y(), layout.rank_w, inner.height())
        used = write(
            painter, drawn, rank_box, LEFT_MIDDLE, str(row.rank), font(round(px * 1.3), bold=True), SCREEN_INK
        )
        if row.shared and row.total > 0:  # nothing to tell apart among ideas without dots
            self._pill(painter, QPointF(used.right() + px * 0.3, inner.center().y()), px, drawn)
        x += layout.rank_w
        ink = MUTED_INK if layout.view.size is not None and not (row.going_on or row.at_line) else SCREEN_INK
        title_font = font(px, bold=row.going_on)
        lines, reading = wrap(row.title, title_font, layout.title_w, 2)
        spacing = QFontMetricsF(title_font).lineSpacing()
        top = inner.center().y() - len(lines) * spacing / 2
        painter.setFont(title_font)
        painter.setPen(ink)
        for i, text in enumerate(lines):
            painter.drawText(QRectF(x, top + i * spacing, layout.title_w, spacing), LEFT_MIDDLE, text)
        drawn.append(DrawnText(reading, QRectF(x, top, layout.title_w, len(lines) * spacing), px))
        x += layout.title_w + px * 0.6
        self._bar(painter, row.total, x, inner.center().y())
        total_box = QRectF(inner.right() - layout.total_w, inner.y(), layout.total_w, inner.height())
        write(painter, drawn, total_box, RIGHT_MIDDLE, str(row.total), font(px, bold=True), SCREEN_INK)

    def _pill(self, painter: QPainter, left_middle: QPointF, px: int, drawn: list[DrawnText]) -> None:
        pill_font = font(round(px * 0.65), bold=True)
        text = _("tie")
        width = QFontMetricsF(pill_font).horizontalAdvance(text) + px * 0.5
        box = QRectF(left_middle.x(), left_middle.y() - px * 0.45, width, px * 0.9)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TIE)
        painter.drawRoundedRect(box, px * 0.2, px * 0.2)
        write(painter, drawn, box, CENTRE, text, pill_font, QColor("#000000"))

    def _bar(self, painter: QPainter, total: int, x: float, middle: float) -> None:
        layout = self.layout
        assert layout is not None
        size, step = layout.dot, layout.dot * 1.25
        whole, rest = divmod(total, layout.per_dot)
        for i in range(whole + (1 if rest else 0)):
            share = 1.0 if i < whole else rest / layout.per_dot
            self._dot(painter, QRectF(x + i * step, middle - size / 2, size, size), share)

    @staticmethod
    def _dot(painter: QPainter, rect: QRectF, share: float) -> None:
        """A dot, or the ``share`` of one as a slice (with its outline, so that it still reads as a dot)."""
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(DOT)
        if share >= 1.0:
            painter.drawEllipse(rect)
            return
        painter.drawPie(rect, 90 * 16, -round(share * 360 * 16))
        painter.setPen(QPen(DOT, max(1.5, rect.width() * 0.08)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect)

    def _paint_line(self, painter: QPainter, rect: QRectF, drawn: list[DrawnText]) -> None:
        layout = self.layout
        assert layout is not None
        px = layout.px
        tied = any(r.at_line for r in layout.view.rows)
        label_font = font(px, bold=True)  # as large as the rows: the room must read it
        used = write(
            painter,
            drawn,
            rect.adjusted(px * 0.5, 0, 0, 0),
            LEFT_MIDDLE,
            line_label(layout.view),
            label_font,
            LINE,
        )
        pen = QPen(LINE, max(3.0, px * 0.14))
        if tied:  # dashed: the vote alone has not decided where the line falls
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        y = rect.center().y()
        painter.drawLine(QPointF(used.right() + px * 0.5, y), QPointF(rect.right(), y))
