"""Undoable commands of the idea board: themes (clusters), moving idea cards, merging two ideas.

Each tells the views what changed through the hub (clustersChanged, then ideasChanged and
ideasRemoved with the ideas' new snapshots) so that a board of hundreds of cards is
updated, not read again.
"""

from __future__ import annotations

from collections.abc import Sequence

from app import clusters as cluster_service
from app import ideas as idea_service
from app.i18n import _
from app.snapshots import ClusterSnapshot, IdeaSnapshot
from ui.commands import ServiceCommand
from ui.hub import Hub


class BoardCommand(ServiceCommand):
    """Base for the board's commands: they report the themes and ideas they changed."""

    def __init__(self, hub: Hub, workshop_id: str, text: str) -> None:
        super().__init__(hub, text)
        self.workshop_id = workshop_id
        self.clusters_changed = False
        self.touched: list[IdeaSnapshot] = []
        self.removed: list[str] = []
        #: The workshop list shows how many ideas a workshop has: tell it when that changes.
        self.count_changed = False

    def changed(self) -> None:
        # Themes first: a theme that comes back has its column before its ideas arrive.
        if self.clusters_changed:
            self.hub.clustersChanged.emit(self.workshop_id)
        if self.touched:
            self.hub.ideasChanged.emit(self.workshop_id, list(self.touched))
        if self.removed:
            self.hub.ideasRemoved.emit(self.workshop_id, list(self.removed))
        if self.count_changed:
            self.hub.workshopsChanged.emit()
        self.touched, self.removed = [], []

    def ideas_now(self, idea_ids: Sequence[str]) -> list[IdeaSnapshot]:
        """The current snapshots of these ideas (the services that move many return only ids)."""
        wanted = set(idea_ids)
        if not wanted:
            return []
        return [i for i in idea_service.list_ideas(self.hub.db, self.workshop_id) if i.id in wanted]


class AddCluster(BoardCommand):
    def __init__(self, hub: Hub, workshop_id: str, name: str, colour: str | None = None) -> None:
        super().__init__(hub, workshop_id, _("New theme “{name}”").format(name=name.strip()[:40]))
        self.name, self.colour = name, colour
        self.cluster: ClusterSnapshot | None = None
        self.idea_ids: tuple[str, ...] = ()

    def do(self) -> None:
        if self.cluster is None:
            self.cluster = cluster_service.add_cluster(self.hub.db, self.workshop_id, self.name, self.colour)
        else:
            cluster_service.restore_cluster(self.hub.db, self.cluster.id, self.idea_ids)
            self.touched = self.ideas_now(self.idea_ids)
        self.clusters_changed = True

    def undo_service(self) -> None:
        assert self.cluster is not None
        self.idea_ids = cluster_service.dissolve_cluster(self.hub.db, self.cluster.id)
        self.touched = self.ideas_now(self.idea_ids)
        self.clusters_changed = True


class UpdateCluster(BoardCommand):
    """Rename or recolour a theme; undo writes back what it was."""

    def __init__(
        self, hub: Hub, cluster: ClusterSnapshot, *, name: str | None = None, colour: str | None = None
    ) -> None:
        text = (
            _("Rename theme “{name}”") if name is not None else _("Change the colour of “{name}”")
        ).format(name=cluster.name[:40])
        super().__init__(hub, cluster.workshop_id, text)
        self.cluster_id = cluster.id
        self.after = {"name": name, "colour": colour}
        self.before = {
            "name": cluster.name if name is not None else None,
            "colour": cluster.colour if colour is not None else None,
        }

    def do(self) -> None:
        cluster_service.update_cluster(self.hub.db, self.cluster_id, **self.after)
        self.clusters_changed = True

    def undo_service(self) -> None:
        cluster_service.update_cluster(self.hub.db, self.cluster_id, **self.before)
        self.clusters_changed = True


class MoveCluster(BoardCommand):
    """A theme to another place in the row of themes (``to_index`` among the live ones)."""

    def __init__(self, hub: Hub, cluster: ClusterSnapshot, from_index: int, to_index: int) -> None:
        super().__init__(hub, cluster.workshop_id, _("Move theme “{name}”").format(name=cluster.name[:40]))
        self.cluster_id, self.from_index, self.to_index = cluster.id, from_index, to_index

    def do(self) -> None:
        cluster_service.move_cluster(self.hub.db, self.cluster_id, self.to_index)
        self.clusters_changed = True

    def undo_service(self) -> None:
        cluster_service.move_cluster(self.hub.db, self.cluster_id, self.from_index)
        self.clusters_changed = True


class DissolveCluster(BoardCommand):
    """The theme goes; its ideas stay on the board without a theme. Undo brings both back."""

    def __init__(self, hub: Hub, cluster: ClusterSnapshot) -> None:
        super().__init__(
            hub, cluster.workshop_id, _("Dissolve theme “{name}”").format(name=cluster.name[:40])
        )
        self.cluster_id = cluster.id
        self.idea_ids: tuple[str, ...] = ()

    def do(self) -> None:
        self.idea_ids = cluster_service.dissolve_cluster(self.hub.db, self.cluster_id)
        self.touched = self.ideas_now(self.idea_ids)
        self.clusters_changed = True

    def undo_service(self) -> None:
        cluster_service.restore_cluster(self.hub.db, self.cluster_id, self.idea_ids)
        self.touched = self.ideas_now(self.idea_ids)
        self.clusters_changed = True


class MoveIdeas(BoardCommand):
    """One drop: idea cards into a column (a theme, or None) and a place in it, in one step.

    The place is given by a neighbour in the column: before ``before_id``, or after
    ``after_id``; with neither the cards keep their place in the board order. The board
    order is one order over all ideas (``move_idea``'s position counts every live idea).
    """

    def __init__(
        self,
        hub: Hub,
        workshop_id: str,
        idea_ids: Sequence[str],
        cluster_id: str | None,
        *,
        before_id: str | None = None,
        after_id: str | None = None,
    ) -> None:
        n = len(idea_ids)
        super().__init__(hub, workshop_id, _("Move idea") if n == 1 else _("Move {n} ideas").format(n=n))
        self.idea_ids = list(dict.fromkeys(idea_ids))
        self.cluster_id, self.before_id, self.after_id = cluster_id, before_id, after_id
        #: (idea, theme, place) for each step, and the steps that take them back.
        self.steps: list[tuple[str, str | None, int | None]] = []
        self.back: list[tuple[str, str | None, int | None]] = []

    def _plan(self, board: list[IdeaSnapshot]) -> None:
        order = [i.id for i in board]
        theme = {i.id: i.cluster_id for i in board}
        after = self.after_id
        for idea_id in self.idea_ids:
            if idea_id not in theme:
                continue  # gone meanwhile
            old_index = order.index(idea_id)
            order.remove(idea_id)
            if self.before_id in order:
                place: int | None = order.index(self.before_id)
            elif after in order:
                place = order.index(after) + 1
                after = idea_id  # the next card goes after this one
            else:
                place = None  # a column without other cards: the board order stays
            order.insert(old_index if place is None else place, idea_id)
            self.steps.append((idea_id, self.cluster_id, place))
            self.back.insert(0, (idea_id, theme[idea_id], old_index))

    def _board(self) -> dict[str, IdeaSnapshot]:
        return {i.id: i for i in idea_service.list_ideas(self.hub.db, self.workshop_id)}

    def _move(self, steps: list[tuple[str, str | None, int | None]], before: dict[str, IdeaSnapshot]) -> None:
        done = 0
        try:
            for idea_id, cluster_id, place in steps:
                idea_service.move_idea(self.hub.db, idea_id, cluster_id, place)
                done += 1
        except Exception:
            # Each move commits on its own: put back those made, so a refusal changes nothing.
            if done:
                made = self.back[-done:] if steps is self.steps else self.steps[-done:]
                for idea_id, cluster_id, place in made:
                    idea_service.move_idea(self.hub.db, idea_id, cluster_id, place)
            raise
        # move_idea renumbers the cards around the moved one but returns only that one:
        # read the board once more and report every card whose place or theme changed.
        self.touched = [i for i in self._board().values() if before.get(i.id) != i]

    def do(self) -> None:
        before = self._board()
        if not self.steps:
            self._plan(list(before.values()))
        self._move(self.steps, before)

    def undo_service(self) -> None:
        self._move(self.back, self._board())


class MergeIdeas(BoardCommand):
    """Fold one idea into another: both texts and every idea giver stay; undo separates them."""

    def __init__(self, hub: Hub, workshop_id: str, kept_id: str, absorbed_id: str) -> None:
        super().__init__(hub, workshop_id, _("Merge ideas"))
        self.kept_id, self.absorbed_id = kept_id, absorbed_id
        self.merge_id: str | None = None

    def do(self) -> None:
        result = idea_service.merge_ideas(self.hub.db, self.kept_id, self.absorbed_id)
        self.merge_id = result.merge_id
        self.touched, self.removed = [result.kept], [result.absorbed_id]
        self.count_changed = True

    def undo_service(self) -> None:
        assert self.merge_id is not None
        kept, absorbed = idea_service.unmerge_ideas(self.hub.db, self.merge_id)
        self.touched = [kept, absorbed]
        self.count_changed = True
