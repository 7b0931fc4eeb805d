"""What the shared screen shows, following the facilitator: the phase, blank, pause, timer, booth, results
or the critical review board of one idea.

The booth is on the shared screen, or on the facilitator's laptop (a BoothWindow) while the
shared screen shows "Voting in progress"; either way the presenter casts its ballots.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from app.clusters import list_clusters
from app.errors import KNOWN_ERRORS, describe
from app.i18n import _
from app.ideas import list_ideas
from app.participants import list_participants, participant_label
from app.snapshots import ClusterSnapshot, IdeaSnapshot, ParticipantSnapshot, WorkshopSnapshot
from app.timer import TimerState
from app.voting_snapshots import Voter
from ui.hub import Hub
from ui.presenter_review import ReviewOnScreen, ReviewScenes
from ui.presenter_voting import VotingScenes, VotingView
from ui.room_timer import RoomTimer
from ui.scene import CardView, Scene, SceneKind, TimerView, card_views, cluster_views

if TYPE_CHECKING:
    from ui.booth import VotingBooth
    from ui.booth_window import BoothWindow
    from ui.screens import ScreenPlacer
    from ui.shared_screen import SharedScreen

#: Phase kinds whose work shows the idea board in the room.
BOARD_PHASES = frozenset({"ideas", "clusters", "backing", "voting"})


class Mode(StrEnum):
    FOLLOW = "follow"  # the current phase's view
    BLANK = "blank"
    PAUSE = "pause"
    TIMER = "timer"


class Presenter(ReviewOnScreen, QObject):
    """Keeps the shared screen in step with the workshop, from cached snapshots.

    In FOLLOW mode a voting view (the booth, or the results of a round) replaces the phase's
    view until show_board(), a change of phase or leaving the workshop; blank, pause and the
    big timer still win over it, and it comes back with FOLLOW. A booth on the facilitator's
    laptop (``here``) stays open whatever the shared screen shows, until it is closed.

    Signals:
        sceneChanged(object): the Scene now on the shared screen (also when it is hidden).
        modeChanged(str): the Mode.
        screenClosed(): the facilitator closed the shared screen's window.
        votingViewChanged(): voting_view changed (booth or results shown, or neither).
        ballotInProgressChanged(bool): whether someone is at the booth placing dots now.
        reviewViewChanged(): review_idea_id changed (an idea's review board shown, or none).
    """

    sceneChanged = Signal(object)
    modeChanged = Signal(str)
    screenClosed = Signal()
    votingViewChanged = Signal()
    ballotInProgressChanged = Signal(bool)
    reviewViewChanged = Signal()

    def __init__(self, hub: Hub, timer: RoomTimer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.timer = timer
        self.mode = Mode.FOLLOW
        self.workshop: WorkshopSnapshot | None = None
        self.ideas: dict[str, IdeaSnapshot] = {}
        #: Cards by (idea id, snapshot): a changed snapshot is a new key; cleared with the people.
        self._card_cache: dict[tuple[str, IdeaSnapshot], CardView] = {}
        self.clusters: list[ClusterSnapshot] = []
        self.people: dict[str, ParticipantSnapshot] = {}
        self.scene = Scene(SceneKind.BLANK)
        self.screen: SharedScreen | None = None
        self.placer: ScreenPlacer | None = None
        self.booth_window: BoothWindow | None = None
        self.voting = VotingScenes(hub)
        self.review = ReviewScenes(hub)
        self._in_progress = False
        self._phase_id: str | None = None
        hub.votingChanged.connect(self._voting_changed)
        hub.ideasChanged.connect(self._ideas_changed)
        hub.ideasRemoved.connect(self._ideas_removed)
        hub.clustersChanged.connect(self._reload_clusters)
        hub.participantsChanged.connect(self._reload_people)
        hub.workshopChanged.connect(self._workshop_changed)
        hub.reviewChanged.connect(self._review_changed)
        timer.changed.connect(self._timer_changed)
        timer.finished.connect(self._timer_finished)

    # -- the window ---------------------------------------------------------------------

    def show_screen(self) -> SharedScreen:
        """Open the shared screen (full screen on a second monitor if there is one)."""
        if self.screen is None:
            from ui.screens import ScreenPlacer
            from ui.shared_screen import SharedScreen

            self.screen = SharedScreen()
            self.screen.installEventFilter(self)
            self._answer(self.screen.booth)
            self.placer = ScreenPlacer(self.screen, parent=self)
            self.screen.set_scene(self.scene)
            self.screen.set_timer(self._timer_view(self.timer.state()))
        assert self.placer is not None
        self.placer.place()
        return self.screen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.screen and event.type() == QEvent.Type.Close:
            self.screenClosed.emit()
        return super().eventFilter(watched, event)

    def hide_screen(self) -> None:
        if self.screen is not None:
            self.screen.hide()

    def close(self) -> None:
        if self.booth_window is not None:
            self.booth_window.closed.disconnect(self._booth_window_closed)
            self.booth_window.close()
            self.booth_window.deleteLater()
            self.booth_window = None
        if self.screen is not None:
            self.screen.removeEventFilter(self)
            self.screen.close()
            self.screen.deleteLater()
            self.screen = None
        self._booth_state_changed()

    # -- what it shows ------------------------------------------------------------------

    def open_workshop(self, workshop: WorkshopSnapshot) -> None:
        if self.workshop is None or self.workshop.id != workshop.id:
            self._clear_voting()
            self._clear_review()
        self.workshop = workshop
        self._phase_id = workshop.current_phase.id if workshop.current_phase else None
        self.ideas = {i.id: i for i in list_ideas(self.hub.db, workshop.id)}
        self.clusters = list_clusters(self.hub.db, workshop.id)
        self.people = {p.id: p for p in list_participants(self.hub.db, workshop.id)}
        self._card_cache.clear()
        self.refresh()

    def close_workshop(self) -> None:
        self._clear_voting()
        self._clear_review()
        self.workshop = None
        self.ideas, self.clusters, self.people = {}, [], {}
        self.set_mode(Mode.FOLLOW)
        self.refresh()

    def set_mode(self, mode: Mode) -> None:
        if mode != self.mode:
            self.mode = mode
            self.modeChanged.emit(str(mode))
        self.refresh()

    def refresh(self) -> None:
        self.scene = self.build_scene()
        if self.screen is not None:
            self.screen.set_scene(self.scene)
        self._follow_booth_here()
        self.sceneChanged.emit(self.scene)

    def build_scene(self) -> Scene:
        w = self.workshop
        if self.mode is Mode.BLANK or w is None:
            return Scene(SceneKind.BLANK)
        timer = self._timer_view(self.timer.state())
        if self.mode is Mode.PAUSE:
            return Scene(SceneKind.PAUSE, workshop_title=w.title, message=_("Break"), timer=timer)
        if self.mode is Mode.TIMER:
            return Scene(SceneKind.TIMER, workshop_title=w.title, timer=timer)
        if self.voting.view is not None:
            scene = self.voting.scene(
                self.ideas, self.clusters, self.people, workshop_title=w.title, timer=timer
            )
            if scene is not None:
                return scene
        if self.review.slide is not None:
            return Scene(SceneKind.REVIEW, workshop_title=w.title, review=self.review.slide, timer=timer)
        phase = w.current_phase
        common: dict[str, Any] = {
            "workshop_title": w.title,
            "phase_title": phase.title if phase else "",
            "challenge": w.challenge,
            "prompts": w.warmup_prompts,
            "timer": timer,
        }
        if phase is not None and phase.kind in BOARD_PHASES:
            return Scene(
                SceneKind.BOARD, clusters=cluster_views(self.clusters), cards=self._cards(), **common
            )
        return Scene(SceneKind.CHALLENGE, **common)

    def _cards(self) -> tuple[CardView, ...]:
        """The cards in board order; a card is made anew only for an idea that changed."""
        ideas = sorted(self.ideas.values(), key=lambda i: i.position)
        missing = [i for i in ideas if (i.id, i) not in self._card_cache]
        if missing:
            public = lambda p: participant_label(p, public=True)  # noqa: E731
            for idea, card in zip(missing, card_views(missing, self.people, public), strict=True):
                self._card_cache[(idea.id, idea)] = card
        cards = tuple(self._card_cache[(i.id, i)] for i in ideas)
        if len(self._card_cache) > 2 * len(ideas) + 100:  # old versions of edited ideas
            self._card_cache = {(i.id, i): card for i, card in zip(ideas, cards, strict=True)}
        return cards

    def _timer_view(self, state: TimerState) -> TimerView | None:
        if state.total_seconds == 0:
            return None
        return TimerView(state.total_seconds, state.remaining_seconds, state.running, state.finished)

    # -- voting ------------------------------------------------------------------------------

    @property
    def voting_view(self) -> VotingView | None:
        """The booth or results instead of the phase's view, if any (``here``: the booth is on this laptop)."""
        return self.voting.view

    @property
    def ballot_in_progress(self) -> bool:
        """Someone has stepped up to the booth (wherever it is) and not pressed Done or Cancel yet."""
        return self._in_progress

    def show_booth(self, round_id: str, *, here: bool = False) -> None:
        """The booth for ``round_id``: on the shared screen (shown when the mode is FOLLOW), or ``here``.

        ``here``: the laptop is passed round. The booth fills the screen of the facilitator's
        window, in a window of its own; the shared screen shows "Voting in progress" and the
        turnout, nothing of any ballot.
        """
        self._set_voting(lambda: self.voting.show_booth(round_id, here))

    def show_results(self, round_id: str, size: int | None = None) -> None:
        """The revealed results of ``round_id`` with the cut line after ``size`` ideas (None: no line).

        A round not revealed yet is refused (hub.failed): its counts are never shown before.
        """
        self._set_voting(lambda: self.voting.show_results(round_id, size))

    def show_board(self) -> None:
        """Back to the phase's own view."""
        self._clear_voting()
        self._clear_review()
        self.refresh()

    def _set_voting(self, show: Callable[[], None]) -> None:
        if self.workshop is None:
            return
        before = self.voting.view
        try:
            show()
        except KNOWN_ERRORS as error:
            self.hub.failed.emit(describe(error))
            return
        self._clear_review()
        self.refresh()
        if self.voting.view != before:
            self.votingViewChanged.emit()

    def _clear_voting(self) -> None:
        if self.voting.view is not None:
            self.voting.clear()
            self.votingViewChanged.emit()

    def _voting_changed(self, workshop_id: str, round_id: str) -> None:
        if self.workshop is None or workshop_id != self.workshop.id or not self.voting.follows(round_id):
            return
        before = self.voting.view
        self.voting.reload()
        self.refresh()
        if self.voting.view != before:
            self.votingViewChanged.emit()

    # -- the booth on this laptop, and the booths' questions -----------------------------------

    def _follow_booth_here(self) -> None:
        """Open, update or close the booth window as the voting view says; closing drops a half ballot."""
        view = self.voting.booth_here(self.ideas, self.clusters, self.people) if self.workshop else None
        if view is None:
            if self.booth_window is not None and self.booth_window.isVisible():
                self.booth_window.hide()
            return
        if self.booth_window is None:
            from ui.booth_window import BoothWindow

            self.booth_window = BoothWindow()
            self.booth_window.closed.connect(self._booth_window_closed)
            self._answer(self.booth_window.booth)
        self.booth_window.set_view(view)
        if not self.booth_window.isVisible():
            parent = self.parent()  # the facilitator's page, when there is one
            self.booth_window.open_on(parent.window().screen() if isinstance(parent, QWidget) else None)

    def _booth_window_closed(self) -> None:
        view = self.voting.view
        if view is not None and view.kind == "booth" and view.here:
            self.show_board()

    def _answer(self, booth: VotingBooth) -> None:
        booth.voterChosen.connect(functools.partial(self._voter_chosen, booth))
        booth.ballotDone.connect(functools.partial(self._cast_ballot, booth))
        booth.stateChanged.connect(self._booth_state_changed)

    def _booth_state_changed(self, _state: str = "") -> None:
        booths = [
            self.screen.booth if self.screen else None,
            self.booth_window.booth if self.booth_window else None,
        ]
        in_progress = any(b is not None and b.state == "ballot" for b in booths)
        if in_progress != self._in_progress:
            self._in_progress = in_progress
            self.ballotInProgressChanged.emit(in_progress)

    def _voter_chosen(self, booth: VotingBooth, round_id: str, voter: Voter) -> None:
        """Tell the booth whether this voter's Done replaces a ballot (never what it held)."""
        from app.voting import has_voted

        try:
            replaces = has_voted(self.hub.db, round_id, voter)
        except KNOWN_ERRORS:
            replaces = False
        booth.set_replaces(replaces)

    def _cast_ballot(self, booth: VotingBooth, round_id: str, voter: Voter, dots: dict[str, int]) -> None:
        """Count the booth's ballot whole, or tell the voter why not; the booth then forgets it."""
        from app.voting import cast_ballot

        if self.workshop is None:
            return
        try:
            cast_ballot(self.hub.db, round_id, voter, dots)
        except KNOWN_ERRORS as error:
            booth.refuse(describe(error), getattr(error, "idea_id", None))
            return
        booth.accept()
        self.hub.votingChanged.emit(self.workshop.id, round_id)
        self.hub.saved.emit(datetime.now().astimezone())

    # -- keeping up ------------------------------------------------------------------------

    def _ideas_changed(self, workshop_id: str, ideas: list[IdeaSnapshot]) -> None:
        if self.workshop is not None and workshop_id == self.workshop.id:
            self.ideas.update((i.id, i) for i in ideas if not i.deleted)
            self.voting.ideas_changed()
            self._reload_review()  # the idea's title
            self.refresh()

    def _ideas_removed(self, workshop_id: str, idea_ids: list[str]) -> None:
        if self.workshop is not None and workshop_id == self.workshop.id:
            for idea_id in idea_ids:
                self.ideas.pop(idea_id, None)
            self.voting.ideas_changed()
            self._reload_review()
            self.refresh()

    def _reload_clusters(self, workshop_id: str) -> None:
        if self.workshop is not None and workshop_id == self.workshop.id:
            self.clusters = list_clusters(self.hub.db, workshop_id)
            self.ideas = {i.id: i for i in list_ideas(self.hub.db, workshop_id)}
            self.refresh()

    def _reload_people(self, workshop_id: str) -> None:
        if self.workshop is not None and workshop_id == self.workshop.id:
            self.people = {p.id: p for p in list_participants(self.hub.db, workshop_id)}
            self._card_cache.clear()
            self.refresh()

    def _workshop_changed(self, workshop_id: str) -> None:
        if self.workshop is None or workshop_id != self.workshop.id:
            return
        from app.errors import NotFound
        from app.workshops import get_workshop

        try:
            self.workshop = get_workshop(self.hub.db, workshop_id)
        except NotFound:
            self.close_workshop()
            return
        phase = self.workshop.current_phase
        if (phase.id if phase else None) != self._phase_id:
            self._phase_id = phase.id if phase else None
            self._clear_voting()
            self._clear_review()
        self.refresh()

    def _timer_changed(self, state: TimerState) -> None:
        view = self._timer_view(state)
        if self.screen is not None:
            self.screen.set_timer(view)
        self.scene = dataclasses.replace(self.scene, timer=view)

    def _timer_finished(self) -> None:
        # The end must be seen: a small corner timer becomes the big one.
        if self.mode is Mode.FOLLOW:
            self.set_mode(Mode.TIMER)
