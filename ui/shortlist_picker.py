"""The shortlisted ideas of a workshop, each with its step: steps 4-10 work on one of them at a time."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.i18n import _
from app.idea_progress import progress
from app.shortlist import shortlist
from app.vocabulary import IDEA_STATUSES, label
from ui import typography
from ui.fresh_when_shown import FreshWhenShown
from ui.hub import Hub

#: The idea id of a row.
IdeaIdRole = Qt.ItemDataRole.UserRole + 1


class ShortlistPicker(FreshWhenShown):
    """A list of the shortlisted ideas with where each stands; the facilitator picks one to work on.

    The list follows the shortlist and the ideas' steps as they change (a hidden one when it is
    next shown: every idea captured would otherwise make each phase's list read the workshop
    again), and keeps the chosen idea chosen while it stays on the list.

    Signals:
        ideaChosen(str): the idea (id) to work on now; "" when the list is empty.
    """

    ideaChosen = Signal(str)

    def __init__(self, hub: Hub, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.workshop_id = workshop_id
        self.heading = QLabel(_("Shortlisted ideas"))
        typography.set_type(self.heading, typography.LIST, bold=True)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAccessibleName(_("Shortlisted ideas"))
        typography.set_type(self.list, typography.LIST)
        self.empty = QLabel(_("No idea is on the shortlist yet. Make the shortlist in the dot voting phase."))
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self._chosen: str | None = None
        self.list.currentItemChanged.connect(self._current_changed)
        hub.shortlistChanged.connect(self._workshop_changed)
        hub.progressChanged.connect(self._workshop_changed)
        # Bound methods, not lambdas: Qt drops them when the picker is deleted with its page.
        hub.ideasChanged.connect(self._item_changed)
        hub.ideasRemoved.connect(self._item_changed)
        self.refresh()

    def current_idea_id(self) -> str | None:
        return self._chosen

    def idea_ids(self) -> list[str]:
        return [str(self.list.item(row).data(IdeaIdRole)) for row in range(self.list.count())]

    def choose(self, idea_id: str) -> None:
        """Make ``idea_id`` the chosen idea, when it is on the list."""
        for row in range(self.list.count()):
            if self.list.item(row).data(IdeaIdRole) == idea_id:
                self.list.setCurrentRow(row)
                return

    def refresh(self) -> None:
        self._stale = False
        items = shortlist(self.hub.db, self.workshop_id)
        steps = progress(self.hub.db, self.workshop_id)
        keep = self._chosen
        blocked = self.list.blockSignals(True)
        self.list.clear()
        for item in items:
            step = label(IDEA_STATUSES, steps.get(item.idea_id))
            row = QListWidgetItem(f"{item.title}\n{step}" if step else item.title)
            row.setData(IdeaIdRole, item.idea_id)
            row.setToolTip(item.title)
            self.list.addItem(row)
        self.list.blockSignals(blocked)
        self.empty.setVisible(not items)
        self.list.setVisible(bool(items))
        ids = [item.idea_id for item in items]
        chosen = keep if keep in ids else (ids[0] if ids else None)
        if chosen is not None:
            blocked = self.list.blockSignals(True)
            self.list.setCurrentRow(ids.index(chosen))
            self.list.blockSignals(blocked)
        if chosen != keep:
            self._chosen = chosen
            self.ideaChosen.emit(chosen or "")

    def _current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        idea_id = str(current.data(IdeaIdRole)) if current is not None else None
        if idea_id != self._chosen:
            self._chosen = idea_id
            self.ideaChosen.emit(idea_id or "")
