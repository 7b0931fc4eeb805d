"""The voting booth on the shared screen: a voter steps up, places dots on idea cards, presses Done.

Three states: "neutral" (next voter: who votes?), "ballot" (one voter's dots) and "closed".
The booth never holds more than the ballot being placed: after Done or Cancel, and whenever
it leaves the screen, it is back to neutral with nothing of that ballot left; a ballot dropped
so is said to be not counted, once. Touch, mouse and keyboard do the same things (their
handling is in ui.booth_actions). A tap repaints only the card and the dots left. The same
widget serves the shared screen and the facilitator's laptop (ui.booth_window), where it
offers a way to close it between voters.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QHideEvent, QPainter, QPaintEvent, QRegion, QResizeEvent
from PySide6.QtWidgets import QWidget

from app.i18n import _
from app.voting_snapshots import Voter
from ui.board_canvas import BACKGROUND, DrawnText
from ui.booth_actions import BALLOT, CLOSED, NEUTRAL, VoterActions
from ui.booth_faces import card_dots
from ui.booth_input import name_note, not_counted
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


class VotingBooth(VoterActions, QWidget):
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

    # -- input: taps, clicks and keys are VoterActions (ui.booth_actions) ---------------------------

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
