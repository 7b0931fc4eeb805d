"""The critical review board on the shared screen: five coloured columns of notes, in large type.

Painted by hand into the shared screen, type sized from the window's height. Each column has
its kind's colour (Okabe-Ito, safe for colour-blind eyes) and always its word. The notes'
type shrinks until every column fits, down to a floor that reads from the back of the room;
below it, only the column that does not fit cuts its longest notes, then shows what fits and
"+ N more". Nobody's name is drawn: the slide holds none.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from app.i18n import _, ngettext
from models.enums import NoteKind
from ui.board_canvas import BACKGROUND, CARD, CARD_INK, MIN_TYPE, MUTED_INK, DrawnText, font, ink_on, wrap
from ui.booth_faces import CENTRE, LEFT_MIDDLE, RIGHT_MIDDLE, write
from ui.scene import ReviewCard, ReviewSlide

#: Sizes as fractions of the window's height.
MARGIN = 1 / 24
SMALL = 1 / 30
TITLE = 1 / 15
QUESTION = 1 / 26
HEADER = 1 / 26
NOTE_LARGEST, NOTE_SMALLEST = 1 / 22, MIN_TYPE
#: A note shows at most this many lines at the largest type (more as type shrinks); a longer one
#: ends in "…".
NOTE_LINES = 5
#: Notes up to this long are shown whole: type shrinks (to the floor) before one of them is cut.
WHOLE_CHARS = 280
#: More characters than NOTE_LINES lines hold on any screen: a long note is cut to this before it
#: is laid out, so that a note of many pages costs no more than a short one.
NOTE_CHARS = 1000
#: The hats' line under the question wraps into at most this many lines.
ROLE_LINES = 2
#: A column's prompts are shown under its header when every column's fit in this many lines
#: at the floor size and the notes are still read whole.
PROMPT_LINES = 3
#: The type shrinks (to the floor) rather than break a word shorter than this over two lines.
SHORT_WORD = 20
ACCENT = QColor("#E69F00")

#: The kinds' colours, from the Okabe-Ito palette; each column also says its kind in words.
KIND_COLOURS: dict[str, QColor] = {
    NoteKind.STRENGTH: QColor("#009E73"),  # bluish green
    NoteKind.WEAKNESS: QColor("#CC79A7"),  # reddish purple
    NoteKind.RISK: QColor("#D55E00"),  # vermilion
    NoteKind.QUESTION: QColor("#56B4E9"),  # sky blue
    NoteKind.SUGGESTION: QColor("#F0E442"),  # yellow
}


def header_label(name: str, count: int) -> str:
    """A column's word and how many notes it holds: "Risks (3)"."""
    return _("{kind} ({n})").format(kind=name, n=count)


def roles_text(slide: ReviewSlide) -> str:
    """The hats in one line: "White hat: facts · Red hat: feelings · ..."."""
    return " · ".join(slide.roles)


def more_label(count: int) -> str:
    return ngettext("+ {n} more", "+ {n} more", count).format(n=count)


@dataclass(frozen=True)
class PlacedNote:
    lines: tuple[str, ...]
    reading: str  # the note as it reads on the screen (cut ones end in "…")
    rect: QRectF


@dataclass(frozen=True)
class PlacedColumn:
    kind: str
    name: str
    header: QRectF
    notes: tuple[PlacedNote, ...]
    hidden: int  # notes that did not fit: "+ N more"
    more: QRectF | None
    prompt: QRectF | None = None  # the format's prompts under the header, when they fit
    prompt_lines: tuple[str, ...] = ()
    prompt_reading: str = ""


@dataclass(frozen=True, eq=False)
class ReviewLayout:
    slide: ReviewSlide
    px: int  # the notes' pixel size
    header_px: int  # the columns' words: as large as the widest one allows
    columns: tuple[PlacedColumn, ...]
    body_top: float
    prompt_px: int = 0  # the prompts' pixel size: the floor


class ReviewCanvas:
    """Lays out a ReviewSlide for a window and paints it.

    Each column is read whole when it can be: its notes up to WHOLE_CHARS long take the lines
    they need, and the type shrinks (to the floor) for that. Only a column that cannot hold its
    notes whole even at the floor cuts some to NOTE_LINES, the longest first; the others keep
    theirs whole.
    """

    def __init__(self) -> None:
        self.layout: ReviewLayout | None = None
        #: Notes' lines by (text, pixel size, width, most lines): the board is laid out anew at
        #: every change.
        self._lines: dict[tuple[str, int, float, int], tuple[list[str], str]] = {}
        #: Each note's words short enough to be kept whole by a smaller type.
        self._words: dict[str, tuple[str, ...]] = {}

    def _wrap(self, text: str, px: int, width: float, cap: int) -> tuple[list[str], str]:
        key = (text, px, width, cap)
        if key not in self._lines:
            if len(self._lines) > 4000:
                self._lines.clear()
            shown = text if len(text) <= NOTE_CHARS else text[:NOTE_CHARS] + " …"
            self._lines[key] = wrap(shown, font(px), width, cap)
        return self._lines[key]

    def _caps(
        self, notes: tuple[ReviewCard, ...], px: int, width: float, height: float, cut: bool
    ) -> list[int]:
        """The lines each note may take at ``px``: a short note whole, a long one NOTE_LINES.

        With ``cut``, the notes taking the most lines are cut to NOTE_LINES one by one, the
        longest first, until the column fits (or none is left to cut).
        """
        caps = [WHOLE_CHARS if len(note.text) <= WHOLE_CHARS else NOTE_LINES for note in notes]
        if not cut:
            return caps
        text_w = self._text_width(width, px)
        heights = [
            self._note_height(self._line_count(n.text, px, text_w, c), px)
            for n, c in zip(notes, caps, strict=True)
        ]
        gap = px * 0.35
        used = sum(heights) + gap * max(0, len(notes) - 1)
        longest = sorted(range(len(notes)), key=lambda i: heights[i], reverse=True)
        for i in longest:
            if used <= height:
                break
            if caps[i] == NOTE_LINES:
                continue
            shorter = self._note_height(self._line_count(notes[i].text, px, text_w, NOTE_LINES), px)
            if shorter >= heights[i]:
                break  # the rest are no longer than a cut note: cutting them gains nothing
            caps[i] = NOTE_LINES
            used -= heights[i] - shorter
        return caps

    def _line_count(self, text: str, px: int, width: float, cap: int) -> int:
        return max(1, len(self._wrap(text, px, width, cap)[0]))

    # -- layout ----------------------------------------------------------------------------------

    def arrange(self, slide: ReviewSlide, width: int, height: int) -> ReviewLayout:
        m = height * MARGIN
        top = self._heading_bottom(slide, width, height)
        gap = m * 0.4
        col_w = (width - 2 * m - gap * (len(slide.columns) - 1)) / max(1, len(slide.columns))
        header_h = height * HEADER * 1.6
        smallest, largest = round(height * NOTE_SMALLEST), round(height * NOTE_LARGEST)
        prompts = self._prompt_lines(slide, smallest, col_w)
        spacing = QFontMetricsF(font(smallest)).lineSpacing()
        prompt_h = spacing * max((len(lines) for lines, _reading in prompts), default=0)
        body_top = top + header_h + gap + (prompt_h + gap if prompt_h else 0.0)
        body_h = height - m * 0.6 - body_top
        px, cutting = self._type_size(slide, col_w, body_h, smallest, largest)
        if prompt_h and any(cutting):  # the prompts only while every column is read whole
            prompts, prompt_h = [((), "") for _c in slide.columns], 0.0
            body_top = top + header_h + gap
            body_h = height - m * 0.6 - body_top
            px, cutting = self._type_size(slide, col_w, body_h, smallest, largest)
        columns = []
        for n, (column, cut) in enumerate(zip(slide.columns, cutting, strict=True)):
            x = m + n * (col_w + gap)
            header = QRectF(x, top, col_w, header_h)
            caps = self._caps(column.notes, px, col_w, body_h, cut)
            notes, hidden = self._place(column.notes, caps, px, QRectF(x, body_top, col_w, body_h))
            more = None
            if hidden:
                bottom = notes[-1].rect.bottom() + px * 0.3 if notes else body_top
                more = QRectF(x, bottom, col_w, px * 1.4)
            prompt = QRectF(x, header.bottom() + gap * 0.5, col_w, prompt_h)
            placed = PlacedColumn(column.kind, column.name, header, tuple(notes), hidden, more)
            lines, reading = prompts[n]
            columns.append(
                replace(placed, prompt=prompt, prompt_lines=lines, prompt_reading=reading)
                if lines
                else placed
            )
        header_px = round(height * HEADER)
        labels = [header_label(c.name, len(c.notes)) for c in slide.columns]
        while header_px > smallest and any(
            QFontMetricsF(font(header_px, bold=True)).horizontalAdvance(t) > col_w - header_px for t in labels
        ):
            header_px -= 1
        self.layout = ReviewLayout(slide, px, header_px, tuple(columns), body_top, smallest)
        return self.layout

    def _type_size(
        self, slide: ReviewSlide, col_w: float, body_h: float, smallest: int, largest: int
    ) -> tuple[int, list[bool]]:
        """The notes' type size, and which columns cut notes: only those that cannot be read whole at the floor."""

        def fits(notes: tuple[ReviewCard, ...], px: int, cut: bool) -> bool:
            return self._fits(notes, self._caps(notes, px, col_w, body_h, cut), px, col_w, body_h)

        cutting = [not fits(c.notes, smallest, cut=False) for c in slide.columns]
        px = largest
        while px > smallest and not (
            all(fits(c.notes, px, cut) for c, cut in zip(slide.columns, cutting, strict=True))
            and self._short_words_whole(slide, px, col_w)
        ):
            px = max(smallest, int(px * 0.93))
        return px, cutting

    def _short_words_whole(self, slide: ReviewSlide, px: int, col_w: float) -> bool:
        """Whether every word shorter than SHORT_WORD fits a note's line at ``px`` (is not broken)."""
        metrics, room = QFontMetricsF(font(px)), self._text_width(col_w, px)
        for column in slide.columns:
            for note in column.notes:
                words = self._words.get(note.text)
                if words is None:
                    if len(self._words) > 4000:
                        self._words.clear()
                    split = note.text[:NOTE_CHARS].split()
                    words = self._words[note.text] = tuple({w for w in split if len(w) < SHORT_WORD})
                if any(metrics.horizontalAdvance(word) > room for word in words):
                    return False
        return True

    @staticmethod
    def _prompt_lines(slide: ReviewSlide, px: int, col_w: float) -> list[tuple[tuple[str, ...], str]]:
        """Each column's prompts in lines at ``px``; none at all if one column's need more than PROMPT_LINES."""
        prompt_font = font(px)
        found = []
        for column in slide.columns:
            lines, reading = wrap(" ".join(column.prompts), prompt_font, col_w, PROMPT_LINES + 1)
            if len(lines) > PROMPT_LINES:
                return [((), "") for _c in slide.columns]
            found.append((tuple(lines), reading))
        return found

    @staticmethod
    def _heading_bottom(slide: ReviewSlide, width: int, height: int) -> float:
        m = height * MARGIN
        y = m * 0.6 + height * SMALL * 1.5  # the line with the format, beside the corner timer
        y += height * TITLE * 1.3
        question = QFontMetricsF(font(round(height * QUESTION)))
        y += question.lineSpacing() * min(2, max(1, _lines(slide.question, height, width - 2 * m)))
        if slide.roles:
            roles = font(round(height * SMALL))
            lines, _reading = wrap(roles_text(slide), roles, width - 2 * m, ROLE_LINES)
            y += QFontMetricsF(roles).lineSpacing() * len(lines)
        return y + height * SMALL * 1.6 + m * 0.3  # who reviewed, and the recommendation

    @staticmethod
    def _note_height(lines: int, px: int) -> float:
        return lines * QFontMetricsF(font(px)).lineSpacing() + px * 0.8

    def _fits(
        self, notes: tuple[ReviewCard, ...], caps: list[int], px: int, width: float, height: float
    ) -> bool:
        used, gap = 0.0, px * 0.35
        text_w = self._text_width(width, px)
        for note, cap in zip(notes, caps, strict=True):
            used += self._note_height(self._line_count(note.text, px, text_w, cap), px) + gap
            if used - gap > height:
                return False
        return True

    @staticmethod
    def _text_width(width: float, px: int) -> float:
        return width - px * 0.3 - px * 0.8  # the kind's stripe, and the padding on both sides

    def _place(
        self, notes: tuple[ReviewCard, ...], caps: list[int], px: int, box: QRectF
    ) -> tuple[list[PlacedNote], int]:
        placed: list[PlacedNote] = []
        y, gap, more_h = box.top(), px * 0.35, px * 1.7
        text_w = self._text_width(box.width(), px)
        for index, (note, cap) in enumerate(zip(notes, caps, strict=True)):
            lines, reading = self._wrap(note.text, px, text_w, cap)
            height = self._note_height(max(1, len(lines)), px)
            last = index == len(notes) - 1
            if y + height > box.bottom() - (0 if last else more_h):
                return placed, len(notes) - index
            placed.append(PlacedNote(tuple(lines), reading, QRectF(box.left(), y, box.width(), height)))
            y += height + gap
        return placed, 0

    # -- painting -----------------------------------------------------------------------------

    def paint(
        self, painter: QPainter, width: int, height: int, badge_left: float, drawn: list[DrawnText]
    ) -> None:
        layout = self.layout
        if layout is None:
            return
        slide, m = layout.slide, height * MARGIN
        painter.fillRect(QRectF(0, 0, width, height), BACKGROUND)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = font(round(height * SMALL))
        line = QRectF(m, m * 0.6, max(0.0, badge_left - m), height * SMALL * 1.5)
        heading = _("Critical review · {format}").format(format=slide.format_name)
        write(painter, drawn, line, LEFT_MIDDLE, heading, small, MUTED_INK)
        box = QRectF(m, line.bottom(), width - 2 * m, height * TITLE * 1.3)
        write(
            painter, drawn, box, LEFT_MIDDLE, slide.idea_title, font(round(height * TITLE), bold=True), ACCENT
        )
        question_font = font(round(height * QUESTION))
        spacing = QFontMetricsF(question_font).lineSpacing()
        lines, reading = wrap(slide.question, question_font, width - 2 * m, 2)
        painter.setFont(question_font)
        painter.setPen(MUTED_INK)
        for i, text in enumerate(lines):
            painter.drawText(QRectF(m, box.bottom() + i * spacing, width - 2 * m, spacing), LEFT_MIDDLE, text)
        drawn.append(
            DrawnText(
                reading,
                QRectF(m, box.bottom(), width - 2 * m, spacing * len(lines)),
                question_font.pixelSize(),
            )
        )
        below = box.bottom() + spacing * max(1, len(lines))
        if slide.roles:  # the hats, under the question: the group sees which ways of thinking to take
            below = self._paint_lines(
                painter, drawn, roles_text(slide), small, QRectF(m, below, width - 2 * m, 0)
            )
        info = QRectF(m, below, width - 2 * m, height * SMALL * 1.6)
        if slide.recommendation:
            bold = font(round(height * SMALL), bold=True)
            used = write(painter, drawn, info, RIGHT_MIDDLE, slide.recommendation, bold, ACCENT)
            info.setRight(used.left() - m)
        if slide.composition:
            write(painter, drawn, info, LEFT_MIDDLE, slide.composition, small, MUTED_INK)
        for column in layout.columns:
            self._paint_column(painter, column, layout.px, layout.header_px, drawn)
        if not any(c.notes for c in layout.columns):
            empty = _("No notes yet") if slide.started else _("The review of this idea has not started yet")
            area = QRectF(m, layout.body_top, width - 2 * m, height - layout.body_top - m)
            write(painter, drawn, area, CENTRE, empty, font(round(height * QUESTION)), MUTED_INK)

    @staticmethod
    def _paint_lines(
        painter: QPainter, drawn: list[DrawnText], text: str, text_font: QFont, at: QRectF
    ) -> float:
        """``text`` wrapped into ROLE_LINES lines from ``at``'s top left, in muted ink; the bottom."""
        spacing = QFontMetricsF(text_font).lineSpacing()
        lines, reading = wrap(text, text_font, at.width(), ROLE_LINES)
        painter.setFont(text_font)
        painter.setPen(MUTED_INK)
        for i, line in enumerate(lines):
            painter.drawText(QRectF(at.x(), at.y() + i * spacing, at.width(), spacing), LEFT_MIDDLE, line)
        drawn.append(
            DrawnText(
                reading, QRectF(at.x(), at.y(), at.width(), spacing * len(lines)), text_font.pixelSize()
            )
        )
        return at.y() + spacing * len(lines)

    @staticmethod
    def _paint_prompt(
        painter: QPainter, column: PlacedColumn, prompt_font: QFont, drawn: list[DrawnText]
    ) -> None:
        assert column.prompt is not None
        box, spacing = column.prompt, QFontMetricsF(prompt_font).lineSpacing()
        painter.setFont(prompt_font)
        painter.setPen(MUTED_INK)
        for i, line in enumerate(column.prompt_lines):
            painter.drawText(QRectF(box.x(), box.y() + i * spacing, box.width(), spacing), LEFT_MIDDLE, line)
        used = QRectF(box.x(), box.y(), box.width(), spacing * len(column.prompt_lines))
        drawn.append(DrawnText(column.prompt_reading, used, prompt_font.pixelSize()))

    def _paint_column(
        self, painter: QPainter, column: PlacedColumn, px: int, header_px: int, drawn: list[DrawnText]
    ) -> None:
        colour = KIND_COLOURS.get(column.kind, QColor("#A8A8A8"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(column.header, px * 0.2, px * 0.2)
        label = header_label(column.name, len(column.notes) + column.hidden)
        write(painter, drawn, column.header, CENTRE, label, font(header_px, bold=True), ink_on(colour))
        if column.prompt is not None and self.layout is not None:
            self._paint_prompt(painter, column, font(self.layout.prompt_px), drawn)
        note_font = font(px)
        spacing = QFontMetricsF(note_font).lineSpacing()
        for note in column.notes:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(CARD)
            painter.drawRoundedRect(note.rect, px * 0.15, px * 0.15)
            painter.fillRect(QRectF(note.rect.x(), note.rect.y(), px * 0.3, note.rect.height()), colour)
            text_x = note.rect.x() + px * 0.3 + px * 0.4
            text_w = note.rect.width() - px * 0.3 - px * 0.8
            y = note.rect.y() + px * 0.4
            painter.setFont(note_font)
            painter.setPen(CARD_INK)
            for i, text in enumerate(note.lines):
                painter.drawText(QRectF(text_x, y + i * spacing, text_w, spacing), LEFT_MIDDLE, text)
            drawn.append(DrawnText(note.reading, QRectF(text_x, y, text_w, len(note.lines) * spacing), px))
        if column.more is not None:
            write(
                painter,
                drawn,
                column.more,
                LEFT_MIDDLE,
                more_label(column.hidden),
                font(px, bold=True),
                MUTED_INK,
            )


def _lines(text: str, height: int, width: float) -> int:
    lines, _reading = wrap(text, font(round(height * QUESTION)), width, 2)
    return len(lines)
