"""What the shared screen shows, following the facilitator: the phase, blank, pause or the timer."""

from __future__ import annotations

import dataclasses
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Signal

from app.clusters import list_clusters
from app.i18n import _
from app.ideas import list_ideas
from app.participants import list_participants, participant_label
from app.snapshots import ClusterSnapshot, IdeaSnapshot, ParticipantSnapshot, WorkshopSnapshot
from app.timer import TimerState
from ui.hub import Hub
from ui.room_timer import RoomTimer
from ui.scene import CardView, Scene, SceneKind, TimerView, card_views, cluster_views

if TYPE_CHECKING:
    from ui.screens import ScreenPlacer
    from ui.shared_screen import SharedScreen

#: Phase kinds whose work shows the idea board in the room.
BOARD_PHASES = frozenset({"ideas", "clusters", "backing", "voting"})


class Mode(StrEnum):
    FOLLOW = "follow"  # the current phase's view
    BLANK = "blank"
    PAUSE = "pause"
    TIMER = "timer"


class Presenter(QObject):
    """Keeps the shared screen in step with the workshop, from cached snapshots.

    Signals:
        sceneChanged(object): the Scene now on the shared screen (also when it is hidden).
        modeChanged(str): the Mode.
        screenClosed(): the facilitator closed the shared screen's window.
    """

    sceneChanged = Signal(object)
    modeChanged = Signal(str)
    screenClosed = Signal()

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
        hub.ideasChanged.connect(self._ideas_changed)
        hub.ideasRemoved.connect(self._ideas_removed)
        hub.clustersChanged.connect(self._reload_clusters)
        hub.participantsChanged.connect(self._reload_people)
        hub.workshopChanged.connect(self._workshop_changed)
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
        if self.screen is not None:
            self.screen.removeEventFilter(self)
            self.screen.close()
            self.screen.deleteLater()
            self.screen = None

    # -- what it shows ------------------------------------------------------------------

    def open_workshop(self, workshop: WorkshopSnapshot) -> None:
        self.workshop = workshop
        self.ideas = {i.id: i for i in list_ideas(self.hub.db, workshop.id)}
        self.clusters = list_clusters(self.hub.db, workshop.id)
        self.people = {p.id: p for p in list_participants(self.hub.db, workshop.id)}
        self._card_cache.clear()
        self.refresh()

    def close_workshop(self) -> None:
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

    # -- keeping up ------------------------------------------------------------------------

    def _ideas_changed(self, workshop_id: str, ideas: list[IdeaSnapshot]) -> None:
        if self.workshop is not None and workshop_id == self.workshop.id:
            self.ideas.update((i.id, i) for i in ideas if not i.deleted)
            self.refresh()

    def _ideas_removed(self, workshop_id: str, idea_ids: list[str]) -> None:
        if self.workshop is not None and workshop_id == self.workshop.id:
            for idea_id in idea_ids:
                self.ideas.pop(idea_id, None)
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
