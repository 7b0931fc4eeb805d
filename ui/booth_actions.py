"""What a voter does at the booth: taps, clicks and keys, and what each does to the ballot being placed.

VoterActions is one part of VotingBooth, kept apart for its size: it works on the booth's own
state. A tap is a press and a release on the same thing; a touch the booth took as a tap is not
taken again as the mouse event Qt makes of it. Each action repaints only what it changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPointingDevice, QTouchEvent

from app.voting_snapshots import Voter
from ui.booth_faces import outline
from ui.booth_input import (
    DIGITS,
    MOVES,
    ROW,
    SIGNS,
    choose_first,
    next_number,
    why_not_add,
    why_not_take_back,
)
from ui.booth_paint import dots_left_area
from ui.scene import BoothCard, VoterTile

if TYPE_CHECKING:
    from ui.booth import VotingBooth

#: The booth's three states, as VotingBooth.state and stateChanged name them.
NEUTRAL, BALLOT, CLOSED = "neutral", "ballot", "closed"


class VoterActions:
    """Taps, clicks and keys on a VotingBooth, mixed into it before QWidget; ``self`` is the booth."""

    def target_at(self: VotingBooth, point: QPointF) -> str | None:
        """What a tap at ``point`` would press: "card:<id>", "dot:<id>", "voter:<n>" or a button's name."""
        for name, rect in self.button_rects().items():
            if rect.contains(point):
                return name
        if self._state == BALLOT:
            for idea_id, rect in self.card_rects().items():
                if rect.contains(point):
                    grow = 0.15 * self._layout().grid.px
                    on_dot = any(
                        d.adjusted(-grow, -grow, grow, grow).contains(point) for d in self.dot_rects(idea_id)
                    )
                    return f"{'dot' if on_dot else 'card'}:{idea_id}"
        elif self._state == NEUTRAL:
            for voter, rect in self.voter_rects().items():
                if rect.contains(point):
                    return f"voter:{self._tile(voter).number}"
        return None

    def _tile(self: VotingBooth, voter: Voter) -> VoterTile:
        assert self._view is not None
        return next(t for t in self._view.voters if t.voter == voter)

    def mousePressEvent(self: VotingBooth, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self._from_touch(event):
            self._pressed = self.target_at(event.position())

    def mouseReleaseEvent(self: VotingBooth, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self._from_touch(event):
            self._release(event.position())

    @staticmethod
    def _from_touch(event: QMouseEvent) -> bool:
        """A mouse event made from a touch the booth already took as a tap."""
        return event.device().type() == QPointingDevice.DeviceType.TouchScreen

    def event(self: VotingBooth, event: QEvent) -> bool:
        kind = event.type()
        if kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            assert isinstance(event, QTouchEvent)
            point = event.points()[0].position() if event.points() else None
            if kind == QEvent.Type.TouchBegin and point is not None:
                self._pressed = self.target_at(point)
            elif kind == QEvent.Type.TouchEnd and point is not None:
                self._release(point)
            elif kind == QEvent.Type.TouchCancel:
                self._pressed = None
            event.accept()
            return True
        return super().event(event)

    def _release(self: VotingBooth, point: QPointF) -> None:
        """A tap: pressed and released on the same thing."""
        pressed, self._pressed = self._pressed, None
        self._typed = ""
        target = self.target_at(point)
        if target is not None and target == pressed:
            self.press(target)

    def press(self: VotingBooth, target: str) -> None:
        """Do what tapping ``target`` does (see target_at)."""
        kind, _sep, key = target.partition(":")
        if kind == "voter" and self._view is not None:
            self._begin(next(t for t in self._view.voters if t.number == int(key)))
        elif kind == "card":
            self._add(key)
        elif kind == "dot":
            self._take_back(key)
        elif kind == "done":
            self._done()
        elif kind == "cancel":
            self.cancel()
        elif kind == "close" and self._closable and self._state != BALLOT:
            self.closeRequested.emit()
        elif kind in ("previous", "next"):
            self.go_to_page(self._page + (1 if kind == "next" else -1))

    def go_to_page(self: VotingBooth, page: int) -> None:
        page = max(0, min(page, self.page_count - 1))
        if page != self._page:
            self._page = page
            self._pages = None
            self.update()

    def _done(self: VotingBooth) -> None:
        if self._state == BALLOT and self._view is not None and self._voter is not None:
            self.ballotDone.emit(self._view.round_id, self._voter.voter, dict(self._placed))

    def _add(self: VotingBooth, idea_id: str) -> None:
        assert self._view is not None
        refusal = why_not_add(self._view, self._placed, idea_id, self._voter.voter if self._voter else None)
        if not refusal:
            self._placed[idea_id] = self._placed.get(idea_id, 0) + 1
            self._repaint_card(idea_id, dots=True)
        self._say(refusal)
        self._choose(self._number_of(idea_id))

    def _take_back(self: VotingBooth, idea_id: str) -> None:
        refusal = why_not_take_back(self._placed, idea_id)
        if not refusal:
            self._placed[idea_id] -= 1
            if not self._placed[idea_id]:
                del self._placed[idea_id]
            self._repaint_card(idea_id, dots=True)
        self._say(refusal)
        self._choose(self._number_of(idea_id))

    def _number_of(self: VotingBooth, idea_id: str) -> int:
        return next(c.number for c in self._cards() if c.id == idea_id)

    def _say(self: VotingBooth, message: str) -> None:
        kind = "refusal" if message else ""
        if (message, kind) != (self._message, self._message_kind):
            self._message, self._message_kind = message, kind
            self.update(self._frame().message.toAlignedRect())

    def _repaint_card(self: VotingBooth, idea_id: str, *, dots: bool = False) -> None:
        rect = self.card_rects().get(idea_id)
        if rect is not None:
            self.update(outline(rect, self._layout().grid.px).toAlignedRect())
        if dots:
            self.update(dots_left_area(self._frame()).toAlignedRect())

    def _choose(self: VotingBooth, number: int | None) -> None:
        """Move the keyboard's choice to card (or tile) ``number``, turning the page to it."""
        items = self._items()
        if number is None or not 1 <= number <= len(items):
            return
        before, self._chosen = self._chosen, number
        page = self._layout().page_of(number)
        if page != self._page:
            self.go_to_page(page)
            return
        for chosen in (before, number):
            self._repaint_item(chosen)

    def _repaint_item(self: VotingBooth, number: int | None) -> None:
        page = self._layout()
        if number is None or not page.first < number <= page.first + len(page.grid.cells):
            return
        rect = page.grid.cells[number - 1 - page.first]
        self.update(outline(rect, page.grid.px).toAlignedRect())

    def keyPressEvent(self: VotingBooth, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        if self._state == CLOSED or self._view is None:
            super().keyPressEvent(event)
            return
        if len(text) == 1 and text in DIGITS:
            self._typed = next_number(self._typed, text, len(self._items()))
            if self._typed:
                self._choose(int(self._typed))
            return
        self._typed = ""
        chosen = self._chosen_item()
        if key in MOVES:
            self._move(MOVES[key])
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self._move(1 if key == Qt.Key.Key_Tab else -1)
        elif key == Qt.Key.Key_Space:
            if self._state == BALLOT and isinstance(chosen, BoothCard):
                self._add(chosen.id)
            elif isinstance(chosen, VoterTile):
                self._begin(chosen)
            elif self._state == BALLOT:
                self._say(choose_first())
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.go_to_page(self._page + (1 if key == Qt.Key.Key_PageDown else -1))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._state == BALLOT:
                self._done()
            elif isinstance(chosen, VoterTile):
                self._begin(chosen)
        elif self._state == BALLOT and key == Qt.Key.Key_Escape:
            self.cancel()
        elif self._state == BALLOT and (sign := SIGNS.get(text) or SIGNS.get(key)):
            if not isinstance(chosen, BoothCard):
                self._say(choose_first())
            elif sign > 0:
                self._add(chosen.id)
            else:
                self._take_back(chosen.id)
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self: VotingBooth, next: bool) -> bool:
        # Tab moves the choice within the booth (keyPressEvent) and never takes the keys off it.
        return False

    def _chosen_item(self: VotingBooth) -> BoothCard | VoterTile | None:
        items = self._items()
        if self._chosen is None or not 1 <= self._chosen <= len(items):
            return None
        return items[self._chosen - 1]

    def _move(self: VotingBooth, step: int) -> None:
        count = len(self._items())
        if not count:
            return
        if self._chosen is None:
            self._choose(1)
            return
        if abs(step) == ROW:
            step = self._layout().grid.columns * (1 if step > 0 else -1)
        self._choose(max(1, min(count, self._chosen + step)))
