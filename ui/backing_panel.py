"""Spontaneous backing (step 3): a short positive response to every idea; none is left unanswered."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import InvalidInput
from app.i18n import N_, _, ngettext
from app.snapshots import IdeaSnapshot
from app.text import clean_text
from ui import typography
from ui.commands import push
from ui.hub import Hub
from ui.idea_commands import AddBacking, RemoveBacking
from ui.idea_list import BackedRole, IdeaFilter, WorkshopIdeas
from ui.item_models import IdRole

#: Quick responses, one click each; the facilitator can always write their own.
QUICK = (
    N_("Thank you for the idea!"),
    N_("A brave initiative – thank you!"),
    N_("We want to hear more about this!"),
)


class UnbackedFilter(IdeaFilter):
    """The idea filter, optionally narrowed to ideas still without a backing."""

    only_unbacked = False

    def set_only_unbacked(self, value: bool) -> None:
        self.beginFilterChange()
        self.only_unbacked = value
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # type: ignore[override]
        if self.only_unbacked:
            index = self.sourceModel().index(source_row, 0, source_parent)
            if index.data(BackedRole):
                return False
        return super().filterAcceptsRow(source_row, source_parent)


class BackingPanel(QWidget):
    """Ideas on the left (○ marks those without a backing), the chosen idea's backings on the right."""

    def __init__(self, hub: Hub, workshop_id: str, leader: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.workshop_id = workshop_id
        self.leader = leader
        self.current: IdeaSnapshot | None = None

        self.ideas = WorkshopIdeas(hub, workshop_id, self)
        self.ideas.changed.connect(self._ideas_changed)
        self.ideas.removed.connect(lambda _ids: self._update_missing())
        self.model = self.ideas.model
        self.filter = UnbackedFilter(self)
        self.filter.setSourceModel(self.model)
        self.list = QListView()
        self.list.setModel(self.filter)
        self.list.setUniformItemSizes(True)  # see IdeaCapture: two elided lines per idea
        self.list.setAlternatingRowColors(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # elide instead
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        typography.set_type(self.list, typography.LIST)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.only_unbacked = QCheckBox(_("Only ideas without a backing"))
        self.only_unbacked.toggled.connect(self.filter.set_only_unbacked)
        self.missing = QLabel()
        typography.set_type(self.missing, typography.LIST, bold=True)

        self.idea_title = QLabel()
        self.idea_title.setWordWrap(True)
        typography.set_type(self.idea_title, typography.PAGE_HEADING, bold=True)
        self.idea_text = QLabel()
        self.idea_text.setWordWrap(True)
        typography.set_type(self.idea_text, typography.LIST)
        self.backings = QListWidget()
        typography.set_type(self.backings, typography.LIST)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.backings)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected)
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(_("Write a short backing and press Enter"))
        typography.set_type(self.entry, typography.LIST)
        self.entry.returnPressed.connect(lambda: self.back(self.entry.text()))
        self.error = QLabel()
        self.error.setStyleSheet("color: #A3140C; font-weight: 600;")
        self.error.hide()
        quick = QGridLayout()
        for number, text in enumerate(QUICK):
            button = QPushButton(_(text))
            button.clicked.connect(lambda _checked=False, t=text: self.back(_(t)))
            quick.addWidget(button, number // 2, number % 2)
        next_button = QPushButton(_("Next without backing"))
        next_button.setShortcut(QKeySequence("F3"))
        next_button.setToolTip(_("The next idea still without a backing (F3)"))
        next_button.clicked.connect(self.next_unbacked)
        quick.addWidget(next_button, 1, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.missing)
        left_layout.addWidget(self.only_unbacked)
        left_layout.addWidget(self.list, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.idea_title)
        right_layout.addWidget(self.idea_text)
        right_layout.addWidget(QLabel(_("Backings")))
        right_layout.addWidget(self.backings, 1)
        right_layout.addWidget(self.entry)
        right_layout.addWidget(self.error)
        right_layout.addLayout(quick)
        typography.fill_with_panes(self, left, right)

        hub.backingsChanged.connect(self._backings_changed)
        self.reload()

    def reload(self) -> None:
        self.ideas.reload()
        self._update_missing()
        if self.current is None:
            self.next_unbacked()

    def _update_missing(self) -> None:
        missing = sum(1 for idea in self.model.ideas() if idea.backing_count == 0)
        if missing:
            text = ngettext("{n} idea still has no backing", "{n} ideas still have no backing", missing)
            self.missing.setText(text.format(n=missing))
        else:
            self.missing.setText(_("Every idea has been backed."))

    def next_unbacked(self) -> None:
        ideas = self.model.ideas()
        start = 0
        if self.current is not None:
            row = self.model.row_of(self.current.id)
            start = row + 1 if row >= 0 else 0
        for idea in ideas[start:] + ideas[:start]:
            if idea.backing_count == 0:
                self.select(idea.id)
                return

    def select(self, idea_id: str) -> None:
        row = self.model.row_of(idea_id)
        index = self.filter.mapFromSource(self.model.index(row)) if row >= 0 else QModelIndex()
        if index.isValid():
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)
        elif row >= 0:
            self._show(self.model.idea(row))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            row = self.model.row_of(current.data(IdRole))
            if row >= 0:
                self._show(self.model.idea(row))

    def _show(self, idea: IdeaSnapshot) -> None:
        self.current = idea
        self.idea_title.setText(idea.title)
        self.idea_text.setText(idea.text)
        self._load_backings()
        self.error.hide()
        self.entry.setFocus()

    def _load_backings(self) -> None:
        from app.backings import list_backings

        self.backings.clear()
        if self.current is None:
            return
        for backing in list_backings(self.hub.db, self.current.id):
            item = QListWidgetItem(f"{backing.text}" + (f" – {backing.given_by}" if backing.given_by else ""))
            item.setData(Qt.ItemDataRole.UserRole, backing.id)
            self.backings.addItem(item)

    def back(self, text: str) -> None:
        if self.current is None:
            return
        try:
            if not clean_text(text).strip():
                raise InvalidInput(_("Write a few words of backing first."))
        except InvalidInput as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        if push(self.hub, AddBacking(self.hub, self.current, text, self.leader)):
            self.entry.clear()
            self.error.hide()

    def remove_selected(self) -> None:
        item = self.backings.currentItem()
        if item is not None and self.current is not None:
            push(self.hub, RemoveBacking(self.hub, self.current, item.data(Qt.ItemDataRole.UserRole)))

    def _ideas_changed(self, ideas: list[IdeaSnapshot]) -> None:
        self._update_missing()
        if self.current is not None:
            fresh = next((i for i in ideas if i.id == self.current.id), None)
            if fresh is not None:
                self.current = fresh

    def _backings_changed(self, workshop_id: str, idea_id: str) -> None:
        if workshop_id == self.workshop_id and self.current is not None and idea_id == self.current.id:
            self._load_backings()
