"""Ideas as a Qt list model, updated piece by piece, with a filter by text and cluster."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from app.errors import NotFound
from app.i18n import _, ngettext
from app.idea_progress_detail import StepReached, step_reached, stored_statuses
from app.ideas import list_ideas
from app.participants import list_participants, participant_label
from app.snapshots import IdeaSnapshot, ParticipantSnapshot
from app.steps import from_step
from app.vocabulary import IDEA_STATUSES, label
from models.enums import IdeaStatus
from ui.hub import Hub
from ui.item_models import AnyIndex, IdRole

GiversRole = Qt.ItemDataRole.UserRole + 2
BackedRole = Qt.ItemDataRole.UserRole + 3
ClusterRole = Qt.ItemDataRole.UserRole + 4
SearchTextRole = Qt.ItemDataRole.UserRole + 5
#: The idea's step along the ten as a short tag ("Planned"), or "" before the shortlist.
StepRole = Qt.ItemDataRole.UserRole + 6

#: The cluster filter's value for "ideas without a cluster".
NO_CLUSTER = "-"

#: From the shortlist on an idea shows its step; before it, whether it is backed is what counts,
#: and a capture or a dot vote stays free of steps.
TAGGED_STEPS = from_step(IdeaStatus.SHORTLISTED) | {IdeaStatus.PARKED}


def step_tag(status: str) -> str:
    """The idea's step as a short tag ("Planned", "Parked"), or "" for one not yet shortlisted."""
    return label(IDEA_STATUSES, status) if status in TAGGED_STEPS else ""


class StepFollower(QObject):
    """Follows the steps of a workshop's ideas, which move when reviews, plans, decisions and
    follow-up change (``hub.progressChanged``), so that a view keeps its snapshots current.

    ``known(idea_id)`` gives the view's snapshot of an idea (None: the view does not show it).

    Signals:
        moved(list): the view's snapshots of the ideas whose step moved, with the new step.
    """

    moved = Signal(list)

    def __init__(
        self,
        hub: Hub,
        workshop_id: str,
        known: Callable[[str], IdeaSnapshot | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.hub, self.workshop_id, self.known = hub, workshop_id, known
        hub.progressChanged.connect(self._progress_changed)

    def _progress_changed(self, workshop_id: str) -> None:
        if workshop_id != self.workshop_id:
            return
        moved = []
        for idea_id, status in stored_statuses(self.hub.db, workshop_id).items():
            shown = self.known(idea_id)
            if shown is not None and shown.status != status:
                moved.append(dataclasses.replace(shown, status=str(status)))
        if moved:
            self.moved.emit(moved)


class IdeaListModel(QAbstractListModel):
    """The live ideas of one workshop in board order.

    ``upsert`` and ``remove`` change single rows, so capture stays fast with hundreds of
    ideas. Editing a title in place calls ``on_title_edited`` (which pushes an undoable
    command); the row changes when the command reports the stored idea back.
    """

    def __init__(self, giver_label: Callable[[IdeaSnapshot], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._ideas: list[IdeaSnapshot] = []
        self._rows: dict[str, int] = {}
        self.giver_label = giver_label
        self.on_title_edited: Callable[[IdeaSnapshot, str], None] | None = None

    def set_ideas(self, ideas: Iterable[IdeaSnapshot]) -> None:
        self.beginResetModel()
        self._ideas = sorted((i for i in ideas if not i.deleted), key=lambda i: i.position)
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._rows = {idea.id: row for row, idea in enumerate(self._ideas)}

    def idea(self, row: int) -> IdeaSnapshot:
        return self._ideas[row]

    def ideas(self) -> list[IdeaSnapshot]:
        return list(self._ideas)

    def row_of(self, idea_id: str) -> int:
        return self._rows.get(idea_id, -1)

    def upsert(self, ideas: Iterable[IdeaSnapshot]) -> None:
        for idea in ideas:
            if idea.deleted:
                self.remove([idea.id])
                continue
            row = self._rows.get(idea.id)
            if row is not None and self._ideas[row].position == idea.position:
                self._ideas[row] = idea
                index = self.index(row)
                self.dataChanged.emit(index, index)
                continue
            if row is not None:
                self.remove([idea.id])
            at = next(
                (r for r, other in enumerate(self._ideas) if other.position > idea.position), len(self._ideas)
            )
            self.beginInsertRows(QModelIndex(), at, at)
            self._ideas.insert(at, idea)
            self._reindex()
            self.endInsertRows()

    def remove(self, idea_ids: Iterable[str]) -> None:
        for idea_id in idea_ids:
            row = self._rows.get(idea_id)
            if row is None:
                continue
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ideas[row]
            self._reindex()
            self.endRemoveRows()

    def refresh_labels(self) -> None:
        """The participants changed: givers' labels are drawn anew."""
        if self._ideas:
            self.dataChanged.emit(self.index(0), self.index(len(self._ideas) - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ideas)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ideas):
            return None
        idea = self._ideas[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            details = [step_tag(idea.status)]
            if not idea.backing_count:
                details.append(_("no backing yet"))
            if idea.image_count:
                details.append(
                    ngettext("{n} picture", "{n} pictures", idea.image_count).format(n=idea.image_count)
                )
            details.append(_("anonymous") if idea.anonymous else self.giver_label(idea))
            line = " · ".join(d for d in details if d)
            return f"{idea.title}\n      {line or ' '}"
        if role == Qt.ItemDataRole.EditRole:
            return idea.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return idea.text or idea.title
        if role == IdRole:
            return idea.id
        if role == GiversRole:
            return self.giver_label(idea)
        if role == BackedRole:
            return idea.backing_count > 0
        if role == ClusterRole:
            return idea.cluster_id
        if role == SearchTextRole:
            # The step's word finds the ideas at that step ("planned", "parked").
            return f"{idea.title}\n{idea.text}\n{step_tag(idea.status)}".casefold()
        if role == StepRole:
            return step_tag(idea.status)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.on_title_edited is None:
            return False
        idea = self._ideas[index.row()]
        if str(value) != idea.title:
            self.on_title_edited(idea, str(value))
        return True


class IdeaFilter(QSortFilterProxyModel):
    """Ideas whose title or description contains the search text, in a chosen cluster."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._cluster: str | None = None  # None: all clusters

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange()

    def set_cluster(self, cluster: str | None) -> None:
        self.beginFilterChange()
        self._cluster = cluster
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._text and self._text not in index.data(SearchTextRole):
            return False
        if self._cluster is None:
            return True
        cluster = index.data(ClusterRole)
        return cluster is None if self._cluster == NO_CLUSTER else cluster == self._cluster


class WorkshopIdeas(QObject):
    """One workshop's ideas (as an IdeaListModel) and participants, kept current from the hub.

    Signals:
        changed(list): ideas added or edited, once the model holds their new snapshots.
        removed(list): ids of ideas removed, once the model dropped them.
        peopleChanged(): the participants were read again.
    """

    changed = Signal(list)
    removed = Signal(list)
    peopleChanged = Signal()

    def __init__(self, hub: Hub, workshop_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.workshop_id = workshop_id
        self.people: dict[str, ParticipantSnapshot] = {}
        self.model = IdeaListModel(self.giver_label, self)
        hub.ideasChanged.connect(self._ideas_changed)
        hub.ideasRemoved.connect(self._ideas_removed)
        hub.participantsChanged.connect(self._people_changed)
        self.steps = StepFollower(hub, workshop_id, self._shown, self)
        self.steps.moved.connect(self._steps_moved)

    def reload(self) -> None:
        self.load_people()
        self.model.set_ideas(list_ideas(self.hub.db, self.workshop_id))

    def load_people(self) -> None:
        self.people = {p.id: p for p in list_participants(self.hub.db, self.workshop_id)}
        self.peopleChanged.emit()

    def _shown(self, idea_id: str) -> IdeaSnapshot | None:
        row = self.model.row_of(idea_id)
        return None if row < 0 else self.model.idea(row)

    def step_reached(self, idea_id: str) -> StepReached | None:
        """What put the idea at its step and when (for the idea form's step line); None if it is gone."""
        try:
            return step_reached(self.hub.db, idea_id)
        except NotFound:
            return None

    def giver_label(self, idea: IdeaSnapshot) -> str:
        """The idea's givers as the facilitator knows them."""
        return ", ".join(
            participant_label(self.people[g], public=False) for g in idea.giver_ids if g in self.people
        )

    def _ideas_changed(self, workshop_id: str, ideas: list[IdeaSnapshot]) -> None:
        if workshop_id == self.workshop_id:
            self.model.upsert(ideas)
            self.changed.emit(ideas)

    def _steps_moved(self, ideas: list[IdeaSnapshot]) -> None:
        self._ideas_changed(self.workshop_id, ideas)

    def _ideas_removed(self, workshop_id: str, idea_ids: list[str]) -> None:
        if workshop_id == self.workshop_id:
            self.model.remove(idea_ids)
            self.removed.emit(idea_ids)

    def _people_changed(self, workshop_id: str) -> None:
        if workshop_id == self.workshop_id:
            self.load_people()
            self.model.refresh_labels()
