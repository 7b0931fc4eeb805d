"""The voting booth's pieces: idea cards with their dots, voter tiles, the dots left, buttons, colours.

Text on cards and tiles is laid out once per size and kept, so repainting a card after a tap
only draws. Every string drawn is noted as a DrawnText, for what the room saw.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QStaticText

from app.i18n import _
from ui.board_canvas import (
    CARD,
    CARD_INK,
    GIVER_INK,
    NO_CLUSTER,
    DrawnText,
    font,
    ink_on,
    static_text,
    wrap,
)
from ui.booth_layout import (
    TITLE_LINES,
)
from ui.scene import BoothCard, VoterTile

#: Vermilion of the Okabe–Ito palette: a dot, on the cards (3.8:1) and on the dark screen (4.7:1).
DOT = QColor("#D55E00")
#: The keyboard's choice: a yellow outline round a card or tile (13:1 on the dark screen).
CHOSEN = QColor("#F0E442")
#: Bluish green: the Done button and the thanks, with black ink (6:1).
GO = QColor("#009E73")
#: Orange: a refusal, with black ink (9:1).
REFUSAL = QColor("#E69F00")
#: Orange of the Okabe–Ito palette, as the shared screen's headings.
ACCENT = QColor("#E69F00")
#: The theme's name on a card, in title sizes; the row of placed dots at the card's foot.
THEME_SCALE = 0.8
DOT_ROW = 1.4
#: Outlines and ink of buttons that cannot be pressed now.
DIMMED = QColor("#7A7A7A")
#: The "Your idea" tag on a voter's own idea: white on near black (15:1), and the card's paler fill.
OWN_TAG = QColor("#2B2B2B")
OWN_CARD = QColor("#E4E0D6")

LEFT_MIDDLE = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT_MIDDLE = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTRE = int(Qt.AlignmentFlag.AlignCenter)
LEFT_WRAPPED = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)


def write(
    painter: QPainter,
    drawn: list[DrawnText],
    rect: QRectF,
    flags: int,
    text: str,
    text_font: QFont,
    ink: QColor,
) -> QRectF:
    """Draw ``text`` in ``rect``, elided to one line, and note it."""
    shown = QFontMetricsF(text_font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    painter.setFont(text_font)
    painter.setPen(ink)
    used = painter.drawText(rect, flags, shown)
    drawn.append(DrawnText(shown, used, text_font.pixelSize()))
    return used


@dataclass(frozen=True, eq=False)
class Face:
    """A card's or tile's text, laid out for one size: lines from the cell's top-left corner."""

    number: tuple[QStaticText, QPointF, QRectF]
    detail: tuple[QStaticText, QPointF, QRectF, str] | None  # the theme's name, on cards
    lines: tuple[tuple[QStaticText, QPointF], ...]
    reading: str
    text_rect: QRectF
    px: int


class Faces:
    """Laid-out text of cards and tiles, by what they show and their size."""

    def __init__(self) -> None:
        self._faces: dict[tuple[object, ...], Face] = {}
        self._fonts: dict[tuple[int, bool], QFont] = {}

    def font(self, px: int, bold: bool = False) -> QFont:
        key = (px, bold)
        if key not in self._fonts:
            self._fonts[key] = font(px, bold=bold)
        return self._fonts[key]

    def _get(self, key: tuple[object, ...]) -> Face | None:
        if len(self._faces) > 4000:
            self._faces.clear()
        return self._faces.get(key)

    def card(self, card: BoothCard, rect: QRectF, px: int, dots: int, own: bool = False) -> Face:
        """The card's text; the theme's name gives way to the ``dots`` placed beside it, or the "Your idea" tag."""
        key = (card, px, round(rect.width()), round(rect.height()), dots, own)
        face = self._get(key)
        if face is None:
            face = self._faces[key] = self._lay_out_card(card, rect, px, dots, own)
        return face

    def _lay_out_card(self, card: BoothCard, rect: QRectF, px: int, dots: int, own: bool) -> Face:
        """The number in bold, the title after it in up to three lines; the theme's name at the bottom."""
        pad, stripe = 0.35 * px, 0.35 * px
        x, width = stripe + pad, rect.width() - stripe - 2 * pad
        number_font, title_font = self.font(px, True), self.font(px)
        label = str(card.number)
        number_w = QFontMetricsF(number_font).horizontalAdvance(label)
        spacing = QFontMetricsF(title_font).lineSpacing()
        number = (static_text(label, number_font), QPointF(x, pad), QRectF(x, pad, number_w, spacing))
        indent = number_w + 0.4 * px
        room = max(1, min(TITLE_LINES, int((rect.height() - 2 * pad - DOT_ROW * px) // spacing)))
        first_word = card.title.split()[0] if card.title.split() else ""
        skip = QFontMetricsF(title_font).horizontalAdvance(first_word) > width - indent and room > 1
        if skip:  # a long first word starts on the line under the number rather than be cut
            lines, reading = wrap(card.title, title_font, width, room - 1)
        else:
            lines, reading = wrap(card.title, title_font, width, room, indent)
        top = pad + (spacing if skip else 0.0)
        placed = tuple(
            (
                static_text(line, title_font),
                QPointF(x + (indent if i == 0 and not skip else 0.0), top + i * spacing),
            )
            for i, line in enumerate(lines)
        )
        widest = max((QFontMetricsF(title_font).horizontalAdvance(line) for line in lines), default=0.0)
        detail = None
        if card.theme:
            theme_font = self.font(round(px * THEME_SCALE))
            metrics = QFontMetricsF(theme_font)
            local = QRectF(0, 0, rect.width(), rect.height())
            circles, _label = card_dots(local, dots, px)
            right = min((c.left() for c in circles), default=rect.width() - pad) - 0.4 * px
            if own:
                right = min(right, own_tag(local, px).left() - 0.4 * px)
            shown = metrics.elidedText(card.theme, Qt.TextElideMode.ElideRight, max(0.0, right - x))
            middle = rect.height() - pad - DOT_ROW * px / 2
            box = QRectF(x, middle - metrics.height() / 2, metrics.horizontalAdvance(shown), metrics.height())
            detail = (static_text(shown, theme_font), box.topLeft(), box, shown)
        return Face(
            number,
            detail,
            placed,
            reading,
            QRectF(x, pad, max(widest + indent, widest), len(lines) * spacing),
            px,
        )

    def tile(self, tile: VoterTile, rect: QRectF, px: int) -> Face:
        key = (tile, px, round(rect.width()), round(rect.height()))
        face = self._get(key)
        if face is None:
            face = self._faces[key] = self._lay_out_tile(tile, rect, px)
        return face

    def _lay_out_tile(self, tile: VoterTile, rect: QRectF, px: int) -> Face:
        pad = 0.4 * px
        number_font = self.font(round(px * 1.35), True)
        metrics = QFontMetricsF(number_font)
        label = str(tile.number)
        number_w, number_h = metrics.horizontalAdvance(label), metrics.height()
        if not tile.label:  # a voter number: the number alone, in the middle
            at = QPointF((rect.width() - number_w) / 2, (rect.height() - number_h) / 2)
            box = QRectF(at.x(), at.y(), number_w, number_h)
            return Face((static_text(label, number_font), at, box), None, (), "", QRectF(), px)
        number = (static_text(label, number_font), QPointF(pad, pad), QRectF(pad, pad, number_w, number_h))
        label_font = self.font(px)
        spacing = QFontMetricsF(label_font).lineSpacing()
        room = max(1, int((rect.height() - 2 * pad - number_h) // spacing))
        lines, reading = wrap(tile.label, label_font, rect.width() - 2 * pad, min(3, room))
        top = pad + number_h
        placed = tuple(
            (static_text(line, label_font), QPointF(pad, top + i * spacing)) for i, line in enumerate(lines)
        )
        widest = max((QFontMetricsF(label_font).horizontalAdvance(line) for line in lines), default=0.0)
        return Face(number, None, placed, reading, QRectF(pad, top, widest, len(lines) * spacing), px)


def draw_card_text(
    painter: QPainter, face: Face, origin: QPointF, drawn: list[DrawnText], faces: Faces
) -> None:
    """A card's number, theme and title at ``origin``; noted in ``drawn``.

    The painter's font is set to the one each static text was laid out with, so none is laid out again.
    """
    text, at, box = face.number
    painter.setPen(CARD_INK)
    painter.setFont(faces.font(face.px, True))
    painter.drawStaticText(origin + at, text)
    drawn.append(DrawnText(text.text(), box.translated(origin), face.px))
    if face.detail is not None:
        detail, at, box, shown = face.detail
        painter.setPen(GIVER_INK)
        painter.setFont(faces.font(round(face.px * THEME_SCALE)))
        painter.drawStaticText(origin + at, detail)
        drawn.append(DrawnText(shown, box.translated(origin), round(face.px * THEME_SCALE)))
    if face.lines:
        painter.setPen(CARD_INK)
        painter.setFont(faces.font(face.px))
        for line, at in face.lines:
            painter.drawStaticText(origin + at, line)
        drawn.append(DrawnText(face.reading, face.text_rect.translated(origin), face.px))


def outline(rect: QRectF, px: int) -> QRectF:
    """The area a card or tile covers with the keyboard's outline round it."""
    grow = 0.3 * px
    return rect.adjusted(-grow, -grow, grow, grow)


def draw_chosen(painter: QPainter, rect: QRectF, px: int) -> None:
    width = max(3.0, 0.18 * px)
    painter.setPen(QPen(CHOSEN, width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    grow = 0.3 * px - width / 2
    painter.drawRect(rect.adjusted(-grow, -grow, grow, grow))


def card_dots(rect: QRectF, count: int, px: int) -> tuple[list[QRectF], str]:
    """Where the dots placed on a card are drawn (at its foot, from the right), and "×n" when too many to draw each."""
    if count <= 0:
        return [], ""
    pad, stripe = 0.35 * px, 0.35 * px
    width = rect.width() - stripe - 2 * pad
    size = 1.2 * px
    step = min(size * 1.2, width / count)
    label = ""
    if step < 0.6 * px:  # too many to draw one by one: one dot and the count
        count, step, label = 1, size * 1.2, f"×{count}"
    size = min(size, step / 1.1)
    middle = rect.bottom() - pad - DOT_ROW * px / 2
    label_w = QFontMetricsF(font(px, bold=True)).horizontalAdvance(label) + 0.2 * px if label else 0.0
    right = rect.right() - pad - label_w
    return [
        QRectF(right - (count - i) * step + (step - size), middle - size / 2, size, size)
        for i in range(count)
    ], label


def own_tag(rect: QRectF, px: int) -> QRectF:
    """Where "Your idea" is written on a card (at its foot, on the right, where dots would be)."""
    pad = 0.35 * px
    tag_font = font(round(px * THEME_SCALE), bold=True)
    width = min(QFontMetricsF(tag_font).horizontalAdvance(own_idea_label()) + 0.8 * px, rect.width() * 0.7)
    height = DOT_ROW * px * 0.85
    middle = rect.bottom() - pad - DOT_ROW * px / 2
    return QRectF(rect.right() - pad - width, middle - height / 2, width, height)


def own_idea_label() -> str:
    return _("Your idea")


def draw_card(
    painter: QPainter,
    rect: QRectF,
    card: BoothCard,
    dots: int,
    face: Face,
    faces: Faces,
    drawn: list[DrawnText],
    *,
    own: bool = False,
) -> None:
    """A card with its dots; a voter's own idea (which they may not vote for) paler, with a tag saying so."""
    painter.fillRect(rect, OWN_CARD if own else CARD)
    colour = QColor(card.colour) if card.theme else NO_CLUSTER
    painter.fillRect(QRectF(rect.x(), rect.y(), 0.35 * face.px, rect.height()), colour)
    draw_card_text(painter, face, rect.topLeft(), drawn, faces)
    if own:
        tag = own_tag(rect, face.px)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(OWN_TAG)
        painter.drawRoundedRect(tag, tag.height() * 0.25, tag.height() * 0.25)
        tag_font = faces.font(round(face.px * THEME_SCALE), True)
        write(painter, drawn, tag, CENTRE, own_idea_label(), tag_font, QColor("#FFFFFF"))
    circles, label = card_dots(rect, dots, face.px)
    if circles:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(DOT)
        for circle in circles:
            painter.drawEllipse(circle)
        if label:
            text_font = faces.font(face.px, True)
            box = QRectF(
                circles[-1].right() + 0.1 * face.px, circles[-1].y(), rect.right(), circles[-1].height()
            )
            box.setRight(rect.right() - 0.3 * face.px)
            write(painter, drawn, box, LEFT_MIDDLE, label, text_font, CARD_INK)


def draw_tile(painter: QPainter, rect: QRectF, face: Face, faces: Faces, drawn: list[DrawnText]) -> None:
    painter.fillRect(rect, CARD)
    text, at, box = face.number
    painter.setPen(CARD_INK)
    painter.setFont(faces.font(round(face.px * 1.35), True))
    painter.drawStaticText(rect.topLeft() + at, text)
    drawn.append(DrawnText(text.text(), box.translated(rect.topLeft()), round(face.px * 1.35)))
    if face.lines:
        painter.setFont(faces.font(face.px))
        for line, at in face.lines:
            painter.drawStaticText(rect.topLeft() + at, line)
        drawn.append(DrawnText(face.reading, face.text_rect.translated(rect.topLeft()), face.px))


def dots_left_row(rect: QRectF, budget: int, label_width: float) -> list[QRectF]:
    """The budget's dots, right-aligned in ``rect``, smaller when there are many; none if too small."""
    size = rect.height() * 0.62
    room = max(0.0, rect.width() * 0.5 - label_width)
    step = min(size * 1.3, room / max(1, budget))
    if step < rect.height() * 0.2:
        return []
    size = min(size, step / 1.15)
    top = rect.center().y() - size / 2
    return [
        QRectF(rect.right() - (budget - i) * step + (step - size), top, size, size) for i in range(budget)
    ]


def draw_dots_left(painter: QPainter, circles: list[QRectF], left: int) -> None:
    """Filled dots for those left, then hollow rings for those placed."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for i, circle in enumerate(circles):
        if i < left:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(DOT)
            painter.drawEllipse(circle)
        else:
            ring = max(2.0, circle.width() * 0.13)
            painter.setPen(QPen(DOT, ring))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(circle.adjusted(ring / 2, ring / 2, -ring / 2, -ring / 2))


def draw_button(
    painter: QPainter,
    drawn: list[DrawnText],
    rect: QRectF,
    text: str,
    text_font: QFont,
    *,
    fill: QColor | None = None,
    enabled: bool = True,
) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    radius = rect.height() * 0.18
    if fill is not None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        ink = ink_on(fill)
    else:
        ink = QColor("#FFFFFF") if enabled else DIMMED
        painter.setPen(QPen(QColor("#C4C4C4") if enabled else DIMMED, max(2.0, rect.height() * 0.05)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = max(2.0, rect.height() * 0.05) / 2
    painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), radius, radius)
    inner = rect.adjusted(rect.height() * 0.2, 0, -rect.height() * 0.2, 0)
    write(painter, drawn, inner, CENTRE, text, fitted(text, text_font, inner.width()), ink)


def fitted(text: str, text_font: QFont, width: float) -> QFont:
    """``text_font``, or a smaller one (down to 60 %) in which ``text`` fits ``width`` on one line."""
    px, smallest = text_font.pixelSize(), text_font.pixelSize() * 0.6
    while px > smallest and QFontMetricsF(font(px, bold=text_font.bold())).horizontalAdvance(text) > width:
        px -= 1
    return text_font if px == text_font.pixelSize() else font(px, bold=text_font.bold())


def write_wrapped(
    painter: QPainter,
    drawn: list[DrawnText],
    rect: QRectF,
    text: str,
    text_font: QFont,
    ink: QColor,
    flags: int = CENTRE | int(Qt.TextFlag.TextWordWrap),
) -> None:
    painter.setFont(text_font)
    painter.setPen(ink)
    used = painter.drawText(rect, flags, text)
    drawn.append(DrawnText(text, used, text_font.pixelSize()))


def band(
    painter: QPainter, drawn: list[DrawnText], rect: QRectF, text: str, text_font: QFont, fill: QColor
) -> None:
    """A message on a coloured band as wide as its text; a long one in smaller type."""
    text_font = fitted(text, text_font, rect.width() - rect.height())
    width = min(rect.width(), QFontMetricsF(text_font).horizontalAdvance(text) + rect.height() + 2)
    box = QRectF(rect.x(), rect.y(), width, rect.height())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(box, rect.height() * 0.2, rect.height() * 0.2)
    inner = box.adjusted(rect.height() * 0.5, 0, -rect.height() * 0.5 + 2, 0)
    write(painter, drawn, inner, LEFT_MIDDLE, text, text_font, ink_on(fill))
