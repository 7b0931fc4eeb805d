"""Painting the voting booth: which parts a state shows, where, and only those the repaint needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF, QPainter, QRegion

from app.i18n import _, ngettext
from ui.board_canvas import MUTED_INK, SCREEN_INK, DrawnText, font
from ui.booth_faces import (
    ACCENT,
    CENTRE,
    GO,
    LEFT_MIDDLE,
    LEFT_WRAPPED,
    REFUSAL,
    RIGHT_MIDDLE,
    Faces,
    band,
    dots_left_row,
    draw_button,
    draw_card,
    draw_chosen,
    draw_dots_left,
    draw_tile,
    fitted,
    write,
    write_wrapped,
)
from ui.booth_input import is_own_idea
from ui.booth_layout import (
    BUTTON_TYPE,
    CLOSED_TYPE,
    HEADING,
    LINE,
    MARGIN,
    MESSAGE,
    NEXT_VOTER,
    SMALL,
    Frame,
    Page,
)
from ui.scene import BoothCard, BoothState, BoothView, VoterTile


@dataclass(frozen=True, eq=False)
class Picture:
    """What the booth shows at one moment: everything a paint needs to know of its state."""

    view: BoothView | None
    state: str  # "neutral", "ballot" or "closed"
    voter: VoterTile | None
    replaces: bool
    placed: dict[str, int]
    message: str
    message_kind: str  # "refusal" or "thanks"
    chosen: int | None
    page: int
    note: str = ""  # under the instructions of the neutral state: what a name is for
    closable: bool = False  # the facilitator's "Close the booth" between voters


def dots_left_area(f: Frame) -> QRectF:
    """The right part of the ballot's heading: the dots left, in words and as dots."""
    return QRectF(f.heading.center().x(), f.heading.y(), f.heading.width() / 2, f.heading.height())


def note_lines(note: str, width: int, height: int) -> int:
    """How many lines the note under the instructions takes (0 without one, else 1 or 2)."""
    if not note:
        return 0
    room = width - 2 * height * MARGIN
    return 1 if QFontMetricsF(font(round(height * LINE))).horizontalAdvance(note) <= room else 2


def turnout_text(ballots: int, expected: int) -> str:
    if expected > 0:
        return ngettext("{n} of {expected} has voted", "{n} of {expected} have voted", ballots).format(
            n=ballots, expected=expected
        )
    return ngettext("{n} has voted", "{n} have voted", ballots).format(n=ballots)


def dots_left_text(left: int, budget: int) -> str:
    return ngettext("{left} of {n} dot left", "{left} of {n} dots left", budget).format(left=left, n=budget)


#: Paints one part of the booth, noting the strings it drew.
Paint = Callable[[QPainter, list[DrawnText]], object]


class BoothPainter:
    """Paints a Picture of the booth, only the parts that meet the region being repainted."""

    def __init__(self) -> None:
        self.faces = Faces()

    def paint(
        self,
        painter: QPainter,
        picture: Picture,
        page: Page,
        region: QRegion,
        drawn: dict[str, list[DrawnText]],
    ) -> list[str]:
        """Paint what meets ``region``; each part's strings replace its entry in ``drawn``. The parts painted."""
        parts = self._parts(picture, page)
        painted = []
        for key, rect, paint in parts:
            # A pixel in: neighbours that only touch the repainted area stay as they are.
            if region.intersects(rect.adjusted(1, 1, -1, -1).toAlignedRect()):
                texts: list[DrawnText] = []
                paint(painter, texts)
                drawn[key] = texts
                painted.append(key)
        return painted

    def _parts(self, picture: Picture, page: Page) -> list[tuple[str, QRectF, Paint]]:
        f, view = page.frame, picture.view
        h = f.margin / MARGIN
        parts: list[tuple[str, QRectF, Paint]] = []
        if view is None:
            return parts
        small = self.faces.font(round(h * SMALL))
        parts.append(
            ("top", f.top, lambda p, d: write(p, d, f.top, LEFT_MIDDLE, view.title, small, MUTED_INK))
        )
        if picture.closable and picture.state != "ballot":
            close_font = self.faces.font(round(h * SMALL * 0.8))
            parts.append(
                ("close", f.close, lambda p, d: draw_button(p, d, f.close, _("Close the booth"), close_font))
            )
        if picture.state == "closed":
            text = (
                _("Voting in this round has not started yet.")
                if view.state is BoothState.NOT_STARTED
                else _("Voting in this round has closed.")
            )
            large = self.faces.font(round(h * CLOSED_TYPE), True)
            body = QRectF(
                f.margin, f.info.bottom(), f.side.right() - f.margin, f.side.bottom() - f.info.bottom()
            )
            parts.append(("closed", body, lambda p, d: write_wrapped(p, d, body, text, large, SCREEN_INK)))
        elif picture.state == "ballot":
            parts += self._ballot_parts(picture, page, h)
        else:
            parts += self._neutral_parts(picture, page, h)
        if picture.message:
            fill = GO if picture.message_kind == "thanks" else REFUSAL
            message_font = self.faces.font(round(h * MESSAGE), True)
            parts.append(
                (
                    "message",
                    f.message,
                    lambda p, d: band(p, d, f.message, picture.message, message_font, fill),
                )
            )
        if picture.state != "closed":
            parts += self._page_parts(picture, page, h)
        return parts

    def _neutral_parts(self, picture: Picture, page: Page, h: float) -> list[tuple[str, QRectF, Paint]]:
        f, view = page.frame, picture.view
        assert view is not None
        heading_font = self.faces.font(round(h * NEXT_VOTER), True)
        turnout_font = self.faces.font(round(h * LINE * 1.3))
        turnout = turnout_text(view.ballots, view.expected)
        turnout_w = QFontMetricsF(turnout_font).horizontalAdvance(turnout) + f.margin

        def heading(p: QPainter, d: list[DrawnText]) -> None:
            left = QRectF(f.heading.x(), f.heading.y(), f.heading.width() - turnout_w, f.heading.height())
            text = _("Next voter")
            write(p, d, left, LEFT_MIDDLE, text, fitted(text, heading_font, left.width()), ACCENT)
            write(p, d, f.heading, RIGHT_MIDDLE, turnout, turnout_font, SCREEN_INK)

        numbers = any(not t.label for t in view.voters)
        prompt = _("Who is voting? Tap your voter number.") if numbers else _("Who is voting? Tap your name.")
        info_font = self.faces.font(round(h * LINE))
        parts: list[tuple[str, QRectF, Paint]] = [
            ("heading", f.heading, heading),
        ]
        if not view.voters:
            notice = _("Nobody can vote here yet: add participants, or give the round a number of voters.")
            large = self.faces.font(round(h * MESSAGE * 1.2))
            parts.append(
                (
                    "info",
                    page_area(page),
                    lambda p, d: write_wrapped(p, d, page_area(page), notice, large, MUTED_INK),
                )
            )
            return parts
        parts.append(
            ("info", f.info, lambda p, d: write(p, d, f.info, LEFT_MIDDLE, prompt, info_font, MUTED_INK))
        )
        if picture.note:
            parts.append(
                (
                    "note",
                    f.note,
                    lambda p, d: write_wrapped(
                        p, d, f.note, picture.note, info_font, SCREEN_INK, LEFT_WRAPPED
                    ),
                )
            )
        for n, (tile, rect) in enumerate(zip(view.voters[page.first :], page.grid.cells, strict=False)):
            chosen = picture.chosen == page.first + n + 1

            def paint_tile(
                p: QPainter,
                d: list[DrawnText],
                tile: VoterTile = tile,
                rect: QRectF = rect,
                chosen: bool = chosen,
            ) -> None:
                draw_tile(p, rect, self.faces.tile(tile, rect, page.grid.px), self.faces, d)
                if chosen:
                    draw_chosen(p, rect, page.grid.px)

            parts.append((f"voter:{tile.number}", rect, paint_tile))
        return parts

    def _ballot_parts(self, picture: Picture, page: Page, h: float) -> list[tuple[str, QRectF, Paint]]:
        f, view, voter = page.frame, picture.view, picture.voter
        assert view is not None
        assert voter is not None
        name_font = self.faces.font(round(h * HEADING), True)
        # An anonymous ballot carries no name: nor does the screen that shows it.
        name = _("Your ballot") if view.anonymous else voter.label or _("Voter {n}").format(n=voter.number)
        name_rect = QRectF(f.heading.x(), f.heading.y(), f.heading.width() / 2 - f.margin, f.heading.height())
        left = view.dots - sum(picture.placed.values())
        count_font = self.faces.font(round(h * LINE * 1.3))
        area = dots_left_area(f)

        def dots_left(p: QPainter, d: list[DrawnText]) -> None:
            label = dots_left_text(left, view.dots)
            label_w = QFontMetricsF(count_font).horizontalAdvance(label) + f.margin * 0.5
            circles = dots_left_row(area, view.dots, label_w - area.width() * 0.5)
            draw_dots_left(p, circles, left)
            end = circles[0].left() - f.margin * 0.4 if circles else area.right()
            write(
                p,
                d,
                QRectF(area.x(), area.y(), end - area.x(), area.height()),
                RIGHT_MIDDLE,
                label,
                count_font,
                SCREEN_INK,
            )

        info_font = self.faces.font(round(h * LINE), picture.replaces)
        if picture.replaces:
            info, ink = _("You have voted before: Done replaces your earlier ballot."), ACCENT
        else:
            info, ink = _("Tap an idea to give it a dot; tap a dot to take it back."), MUTED_INK
        parts: list[tuple[str, QRectF, Paint]] = [
            (
                "voter",
                name_rect,
                lambda p, d: write(p, d, name_rect, LEFT_MIDDLE, name, name_font, SCREEN_INK),
            ),
            ("dots_left", area, dots_left),
        ]
        if not picture.message:  # a message takes the instructions' line
            parts.append(
                ("info", f.info, lambda p, d: write(p, d, f.info, LEFT_MIDDLE, info, info_font, ink))
            )
        if not view.cards:
            notice = _("There are no ideas to vote on in this round.")
            large = self.faces.font(round(h * MESSAGE * 1.2))
            parts.append(
                ("cards", f.area, lambda p, d: write_wrapped(p, d, f.area, notice, large, MUTED_INK))
            )
        for n, (card, rect) in enumerate(zip(view.cards[page.first :], page.grid.cells, strict=False)):
            chosen = picture.chosen == page.first + n + 1
            dots = picture.placed.get(card.id, 0)
            own = is_own_idea(card, voter.voter)

            def paint_card(
                p: QPainter,
                d: list[DrawnText],
                card: BoothCard = card,
                rect: QRectF = rect,
                chosen: bool = chosen,
                dots: int = dots,
                own: bool = own,
            ) -> None:
                face = self.faces.card(card, rect, page.grid.px, dots, own)
                draw_card(p, rect, card, dots, face, self.faces, d, own=own)
                if chosen:
                    draw_chosen(p, rect, page.grid.px)

            parts.append((f"card:{card.id}", rect, paint_card))
        button_font = self.faces.font(round(h * BUTTON_TYPE), True)
        parts.append(
            ("done", f.done, lambda p, d: draw_button(p, d, f.done, _("Done"), button_font, fill=GO))
        )
        parts.append(("cancel", f.cancel, lambda p, d: draw_button(p, d, f.cancel, _("Cancel"), button_font)))
        return parts

    def _page_parts(self, picture: Picture, page: Page, h: float) -> list[tuple[str, QRectF, Paint]]:
        if page.pages <= 1:
            return []
        f = page.frame
        button_font = self.faces.font(round(h * BUTTON_TYPE), True)
        label_font = self.faces.font(round(h * LINE))
        label = _("Page {page} of {count}").format(page=picture.page + 1, count=page.pages)
        first, last = picture.page == 0, picture.page >= page.pages - 1
        return [
            (
                "previous",
                f.previous,
                lambda p, d: draw_button(p, d, f.previous, _("Previous"), button_font, enabled=not first),
            ),
            (
                "next",
                f.next,
                lambda p, d: draw_button(p, d, f.next, _("Next"), button_font, enabled=not last),
            ),
            (
                "page_label",
                f.page_label,
                lambda p, d: write(p, d, f.page_label, CENTRE, label, label_font, SCREEN_INK),
            ),
        ]


def page_area(page: Page) -> QRectF:
    f = page.frame
    return QRectF(f.area.x(), f.area.y(), f.side.right() - f.area.x(), f.area.height())
