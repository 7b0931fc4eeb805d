"""The voting booth on the shared screen: a voter steps up, places dots on idea cards, presses Done.

Three states: "neutral" (next voter: who votes?), "ballot" (one voter's dots) and "closed".
The booth never holds more than the ballot being placed: after Done or Cancel, and whenever
it leaves the screen, it is back to neutral with nothing of that ballot left; a ballot dropped
so is said to be not counted, once. Touch, mouse and keyboard do the same things. A tap
repaints only the card and the dots left. The same widget serves the shared screen and the
facilitator's laptop (ui.booth_window), where it offers a way to close it between voters.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPointingDevice,
    QRegion,
    QResizeEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QWidget

from app.i18n import _
from app.voting_snapshots import Voter
from ui.board_canvas import BACKGROUND, DrawnText
from ui.booth_faces import card_dots, outline
from ui.booth_input import (
    DIGITS,
    MOVES,
    ROW,
    SIGNS,
    choose_first,
    name_note,
    next_number,
    not_counted,
    why_not_add,
    why_not_take_back,
)
from ui.booth_layout import (
    CARD,
    NUMBER_TILE,
    PERSON_TILE,
    Frame,
    Page,
    lay_out,
)
from ui.booth_paint import BoothPainter, Picture, dots_left_area, note_lines
from ui.scene import BoothCard, BoothState, BoothView, VoterTile

NEUTRAL, BALLOT, CLOSED = "neutral", "ballot", "closed"


class VotingBooth(QWidget):
    """The booth, a child of the shared screen covering it while it shows a BOOTH scene (or of a BoothWindow).

    The booth asks; the presenter answers: ``voterChosen`` is answered with set_replaces(),
    ``ballotDone`` with accept() or refuse().

    Signals:
        voterChosen(str, object): in round (id) this Voter stepped up to the booth.
        ballotDone(str, object, object): in round (id) the Voter pressed Done with these dots
            (dict of idea id to dots).
        stateChanged(str): the state is now "neutral", "ballot" or "closed".
        closeRequested(): the "Close the booth" button was pressed (only when ``closable``).
    """

    voterChosen = Signal(str, object)
    ballotDone = Signal(str, object, object)
    stateChanged = Signal(str)
    closeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.ArrowCursor)  # the shared screen hides the pointer; voters need it
        self._view: BoothView | None = None
        self._state = NEUTRAL
        self._dropped = False  # a ballot was left half placed: say it was not counted
        self._closable = False
        self._voter: VoterTile | None = None
        self._replaces = False
        self._placed: dict[str, int] = {}
        self._message, self._message_kind = "", ""
        self._chosen: int | None = None  # the number of the card (or tile) the keyboard chose
        self._typed = ""
        self._page = 0
        self._pressed: str | None = None
        self._painter = BoothPainter()
        self._pages: Page | None = None
        self._drawn: dict[str, list[DrawnText]] = {}
        self.paints = 0  # paint events: for tests and the benchmark
        self.painted: list[str] = []  # what the last paint drew: "card:<id>", "dots_left", ...

    # -- what it shows -------------------------------------------------------------------------

    def set_view(self, view: BoothView) -> None:
        """Show ``view``; a ballot being placed stays while its round is open and its voter listed."""
        before, self._view = self._view, view
        if before is not None and before.round_id != view.round_id:
            self._dropped = False  # a ballot dropped in another round is no news to this one's voters
        if view.state is not BoothState.OPEN:
            self._to(CLOSED)
        elif before is None or before.round_id != view.round_id or self._state == CLOSED:
            self._to(NEUTRAL)
        elif self._state == BALLOT:
            tile = next((t for t in view.voters if self._voter and t.voter == self._voter.voter), None)
            if tile is None:
                self._to(NEUTRAL)
            else:
                self._voter = tile
                ids = {c.id for c in view.cards}
                self._placed = {i: n for i, n in self._placed.items() if i in ids}
        self._relayout()

    @property
    def view(self) -> BoothView | None:
        return self._view

    @property
    def state(self) -> str:
        """ "neutral", "ballot" or "closed"."""
        return self._state

    @property
    def voter(self) -> VoterTile | None:
        return self._voter

    @property
    def replaces(self) -> bool:
        return self._replaces

    def placed(self) -> dict[str, int]:
        """The dots on the ballot being placed, by idea id."""
        return dict(self._placed)

    @property
    def message(self) -> str:
        """The line under the heading: a refusal, the thanks after a counted ballot, or that one was not."""
        if not self._message and self._dropped and self._state != BALLOT:
            return not_counted()
        return self._message

    def _message_kind_now(self) -> str:
        if not self._message and self._dropped and self._state != BALLOT:
            return "dropped"
        return self._message_kind

    @property
    def closable(self) -> bool:
        """Whether the booth offers "Close the booth" between voters (on the facilitator's laptop)."""
        return self._closable

    def set_closable(self, closable: bool) -> None:
        if closable != self._closable:
            self._closable = closable
            self._relayout()

    @property
    def chosen(self) -> int | None:
        """The number of the card (in a ballot) or tile (before one) that the keyboard chose."""
        return self._chosen

    @property
    def page(self) -> int:
        return self._page

    @property
    def page_count(self) -> int:
        return self._layout().pages

    # -- answers from the presenter ---------------------------------------------------------

    def set_replaces(self, replaces: bool) -> None:
        """The voter has a ballot already: say that Done replaces it (their ballot stays unseen)."""
        if self._state == BALLOT and replaces != self._replaces:
            self._replaces = replaces
            self.update(self._frame().info.toAlignedRect())

    def accept(self) -> None:
        """The ballot was counted: thank the voter and forget it."""
        self._to(NEUTRAL, finished=True)
        self._message, self._message_kind = _("Thank you, your dots are counted."), "thanks"
        self.update()

    def refuse(self, message: str, idea_id: str | None = None) -> None:
        """The ballot was refused whole: say why, keep it on screen to correct; choose the idea at fault."""
        if self._state != BALLOT:
            return
        self._message, self._message_kind = message, "refusal"
        number = next((c.number for c in self._cards() if c.id == idea_id), None)
        if number is not None:
            self._choose(number)
        self.update()

    def cancel(self) -> None:
        """Back to the next voter; nothing of the ballot is counted or kept."""
        self._to(NEUTRAL if self._state != CLOSED else CLOSED, finished=True)
        self.update()

    # -- state -------------------------------------------------------------------------------------

    def _to(self, state: str, *, finished: bool = False) -> None:
        """Go to ``state`` with nothing of a ballot left; a ballot left without Done or Cancel was dropped."""
        before = self._state
        if before == BALLOT and state != BALLOT and not finished:
            self._dropped = True
        elif state == BALLOT:
            self._dropped = False  # the note was there for this voter to see
        self._state = state
        self._voter, self._replaces, self._placed = None, False, {}
        self._message, self._message_kind = "", ""
        self._chosen, self._typed, self._page, self._pressed = None, "", 0, None
        self._pages = None
        if state != before:
            self.stateChanged.emit(state)

    def _begin(self, tile: VoterTile) -> None:
        assert self._view is not None
        self._to(BALLOT)
        self._voter = tile
        self._relayout()
        self.voterChosen.emit(self._view.round_id, tile.voter)

    def _cards(self) -> tuple[BoothCard, ...]:
        return self._view.cards if self._view is not None else ()

    def _items(self) -> tuple[BoothCard, ...] | tuple[VoterTile, ...]:
        if self._view is None:
            return ()
        return self._view.cards if self._state == BALLOT else self._view.voters

    def dots_left(self) -> int:
        return (self._view.dots if self._view else 0) - sum(self._placed.values())

    # -- layout ---------------------------------------------------------------------------------

    def _note(self) -> str:
        """What a name is for, under the instructions of the neutral state (anonymous rounds)."""
        return name_note(self._view) if self._view is not None and self._state == NEUTRAL else ""

    def _frame(self) -> Frame:
        return self._layout().frame

    def _layout(self) -> Page:
        count = len(self._items())
        note = note_lines(self._note(), self.width(), self.height())
        key = (self._state, self._page, self.width(), self.height(), count, note, self._closable)
        if self._pages is None or self._pages.key != key:
            if self._state == BALLOT:
                shape = CARD
            else:
                numbers = self._view is not None and any(not t.label for t in self._view.voters)
                shape = NUMBER_TILE if numbers else PERSON_TILE
            self._pages = lay_out(
                key, count, self._page, self.width(), self.height(), shape, note=note, closable=self._closable
            )
        return self._pages

    def _relayout(self) -> None:
        self._pages = None
        if self._page >= self.page_count:
            self._page = self.page_count - 1
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._pages = None
        super().resizeEvent(event)

    # -- test hooks: where things are --------------------------------------------------------------

    def card_rects(self) -> dict[str, QRectF]:
        """The cards of the page shown, by idea id (in a ballot)."""
        if self._state != BALLOT:
            return {}
        page = self._layout()
        return {c.id: r for c, r in zip(self._cards()[page.first :], page.grid.cells, strict=False)}

    def dot_rects(self, idea_id: str) -> list[QRectF]:
        """The dots placed on a card, as drawn: tap one to take it back."""
        rect = self.card_rects().get(idea_id)
        if rect is None:
            return []
        return card_dots(rect, self._placed.get(idea_id, 0), self._layout().grid.px)[0]

    def voter_rects(self) -> dict[Voter, QRectF]:
        """The voter tiles of the page shown (before a ballot)."""
        if self._state != NEUTRAL or self._view is None:
            return {}
        page = self._layout()
        return {t.voter: r for t, r in zip(self._view.voters[page.first :], page.grid.cells, strict=False)}

    def button_rects(self) -> dict[str, QRectF]:
        """The buttons now on screen: "done", "cancel" in a ballot; "previous", "next" with pages;
        "close" between voters when the booth is ``closable``."""
        f, buttons = self._frame(), dict[str, QRectF]()
        if self._state == BALLOT:
            buttons |= {"done": f.done, "cancel": f.cancel}
        elif self._closable:
            buttons["close"] = f.close
        if self._state != CLOSED and self.page_count > 1:
            buttons |= {"previous": f.previous, "next": f.next}
        return buttons

    def dots_left_rect(self) -> QRectF:
        """Where the dots left are shown, in words and as dots (in a ballot)."""
        return dots_left_area(self._frame())

    def drawn(self) -> list[DrawnText]:
        """Every string on the booth now, with where and how large it was drawn."""
        return [text for texts in self._drawn.values() for text in texts]

    def drawn_texts(self) -> list[str]:
        return [d.text for d in self.drawn()]

    # -- input -----------------------------------------------------------------------------------

    def target_at(self, point: QPointF) -> str | None:
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

    def _tile(self, voter: Voter) -> VoterTile:
        assert self._view is not None
        return next(t for t in self._view.voters if t.voter == voter)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self._from_touch(event):
            self._pressed = self.target_at(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self._from_touch(event):
            self._release(event.position())

    @staticmethod
    def _from_touch(event: QMouseEvent) -> bool:
        """A mouse event made from a touch the booth already took as a tap."""
        return event.device().type() == QPointingDevice.DeviceType.TouchScreen

    def event(self, event: QEvent) -> bool:
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

    def _release(self, point: QPointF) -> None:
        """A tap: pressed and released on the same thing."""
        pressed, self._pressed = self._pressed, None
        self._typed = ""
        target = self.target_at(point)
        if target is not None and target == pressed:
            self.press(target)

    def press(self, target: str) -> None:
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

    def go_to_page(self, page: int) -> None:
        page = max(0, min(page, self.page_count - 1))
        if page != self._page:
            self._page = page
            self._pages = None
            self.update()

    def _done(self) -> None:
        if self._state == BALLOT and self._view is not None and self._voter is not None:
            self.ballotDone.emit(self._view.round_id, self._voter.voter, dict(self._placed))

    def _add(self, idea_id: str) -> None:
        assert self._view is not None
        refusal = why_not_add(self._view, self._placed, idea_id, self._voter.voter if self._voter else None)
        if not refusal:
            self._placed[idea_id] = self._placed.get(idea_id, 0) + 1
            self._repaint_card(idea_id, dots=True)
        self._say(refusal)
        self._choose(self._number_of(idea_id))

    def _take_back(self, idea_id: str) -> None:
        refusal = why_not_take_back(self._placed, idea_id)
        if not refusal:
            self._placed[idea_id] -= 1
            if not self._placed[idea_id]:
                del self._placed[idea_id]
            self._repaint_card(idea_id, dots=True)
        self._say(refusal)
        self._choose(self._number_of(idea_id))

    def _number_of(self, idea_id: str) -> int:
        return next(c.number for c in self._cards() if c.id == idea_id)

    def _say(self, message: str) -> None:
        kind = "refusal" if message else ""
        if (message, kind) != (self._message, self._message_kind):
            self._message, self._message_kind = message, kind
            self.update(self._frame().message.toAlignedRect())

    def _repaint_card(self, idea_id: str, *, dots: bool = False) -> None:
        rect = self.card_rects().get(idea_id)
        if rect is not None:
            self.update(outline(rect, self._layout().grid.px).toAlignedRect())
        if dots:
            self.update(dots_left_area(self._frame()).toAlignedRect())

    def _choose(self, number: int | None) -> None:
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

    def _repaint_item(self, number: int | None) -> None:
        page = self._layout()
        if number is None or not page.first < number <= page.first + len(page.grid.cells):
            return
        rect = page.grid.cells[number - 1 - page.first]
        self.update(outline(rect, page.grid.px).toAlignedRect())

    def keyPressEvent(self, event: QKeyEvent) -> None:
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

    def _chosen_item(self) -> BoothCard | VoterTile | None:
        items = self._items()
        if self._chosen is None or not 1 <= self._chosen <= len(items):
            return None
        return items[self._chosen - 1]

    def _move(self, step: int) -> None:
        count = len(self._items())
        if not count:
            return
        if self._chosen is None:
            self._choose(1)
            return
        if abs(step) == ROW:
            step = self._layout().grid.columns * (1 if step > 0 else -1)
        self._choose(max(1, min(count, self._chosen + step)))

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the screen (a break, a blank screen, another view) drops a ballot not yet Done."""
        if self._state == BALLOT:
            self._to(NEUTRAL)
        self._message, self._message_kind = "", ""
        super().hideEvent(event)

    # -- painting -----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        region = event.region()
        painter = QPainter(self)
        painter.fillRect(region.boundingRect(), BACKGROUND)  # the painter is clipped to the region
        # One render hint for every part, so that a part looks the same whichever others are repainted.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if QRegion(self.rect()).subtracted(region).isEmpty():  # the whole booth: forget what was drawn
            self._drawn = {}
        picture = Picture(
            self._view,
            self._state,
            self._voter,
            self._replaces,
            self._placed,
            self.message,
            self._message_kind_now(),
            self._chosen,
            self._page,
            self._note(),
            self._closable,
        )
        self.painted = self._painter.paint(painter, picture, self._layout(), region, self._drawn)
        painter.end()
