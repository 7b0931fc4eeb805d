"""The idea capture phase: the form on the left, the ideas so far on the right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.clusters import list_clusters
from app.errors import InvalidInput
from app.i18n import _, ngettext
from app.participants import participant_label
from app.snapshots import ClusterSnapshot, IdeaSnapshot, ParticipantSnapshot
from app.text import clean_title
from ui import typography
from ui.commands import push
from ui.hub import Hub
from ui.idea_commands import (
    AddIdea,
    AddParticipants,
    AddPicture,
    EditIdea,
    RemoveIdeas,
    RemoveParticipant,
    RemovePicture,
    SetConsent,
)
from ui.idea_form import IdeaForm
from ui.idea_list import NO_CLUSTER, IdeaFilter, WorkshopIdeas
from ui.item_models import IdRole
from ui.participant_form import ParticipantForm

IMAGE_FILTER = "*.jpg *.jpeg *.png *.gif *.bmp *.webp *.tif *.tiff"


class IdeaCapture(QWidget):
    """Capture ideas by keyboard; edit, filter, delete (undoable) and add pictures."""

    def __init__(self, hub: Hub, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.workshop_id = workshop_id
        self.clusters: list[ClusterSnapshot] = []

        self.form = IdeaForm()
        self.form.submitted.connect(self._add)
        self.form.saveRequested.connect(self._save)
        self.form.pictureRequested.connect(self.choose_picture)
        self.form.pictureRemoveRequested.connect(self._remove_picture)
        self.participant_form = ParticipantForm()
        self.participant_form.addRequested.connect(self._add_participants)
        people_box = QGroupBox(_("Participants"))
        self.people_summary = QLabel()
        self.people_summary.setWordWrap(True)
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.people_summary)
        self.people_list = QListWidget()
        self.people_list.setMinimumHeight(48)
        self.people_list.setToolTip(
            _(
                "Tick: may be named on the shared screen and in the protocol. Delete removes (undo with Ctrl+Z)."
            )
        )
        self.people_list.itemChanged.connect(self._consent_changed)
        remove_person = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.people_list)
        remove_person.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_person.activated.connect(self.remove_selected_participant)
        people_layout.addWidget(self.people_list, 1)
        people_layout.addWidget(self.participant_form)

        self.ideas = WorkshopIdeas(hub, workshop_id, self)
        self.ideas.changed.connect(self._ideas_changed)
        self.ideas.removed.connect(self._ideas_removed)
        self.ideas.peopleChanged.connect(self._people_loaded)
        self.model = self.ideas.model
        self.form.step.read_step = self.ideas.step_reached
        self.model.on_title_edited = self._title_edited
        self.filter = IdeaFilter(self)
        self.filter.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Filter by text"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter.set_text)
        self.cluster_filter = QComboBox()
        self.cluster_filter.currentIndexChanged.connect(self._cluster_chosen)
        self.count = QLabel()
        self.list = QListView()
        self.list.setModel(self.filter)
        # Every row is two lines (title, then givers and state), elided: with rows of one
        # height, adding an idea to hundreds does not measure all the others again.
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setAlternatingRowColors(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # elide instead
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setAcceptDrops(True)
        self.list.viewport().setAcceptDrops(True)
        self.list.viewport().installEventFilter(self)
        typography.set_type(self.list, typography.LIST)
        # Enter or a double-click opens an idea in the form; a click only chooses it (for
        # Delete or a picture), so that the next idea typed never overwrites it.
        self.list.activated.connect(self._activated)
        self.filter.rowsInserted.connect(self._update_count)
        self.filter.rowsRemoved.connect(self._update_count)
        self.filter.modelReset.connect(self._update_count)
        self.filter.layoutChanged.connect(self._update_count)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.cluster_filter, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(filters)
        right_layout.addWidget(self.list, 1)
        right_layout.addWidget(self.count)
        help_text = QLabel(
            _(
                "Enter or a double-click opens an idea for editing; F2 renames it here; Delete removes it (undo with Ctrl+Z). Drop picture files on an idea to add them."
            )
        )
        help_text.setWordWrap(True)
        right_layout.addWidget(help_text)
        form_page = QWidget()
        form_layout = QVBoxLayout(form_page)
        form_layout.addWidget(self.form)
        form_layout.addStretch(1)
        people_page = QWidget()
        people_page_layout = QVBoxLayout(people_page)
        people_page_layout.addWidget(people_box)
        people_page_layout.addStretch(1)
        left = QTabWidget()
        left.addTab(form_page, _("Idea"))
        left.addTab(people_page, _("Participants"))
        self.tabs = left
        typography.fill_with_panes(self, left, right)

        hub.clustersChanged.connect(self._clusters_changed)
        self.reload()

    # -- reading ----------------------------------------------------------------------

    def reload(self) -> None:
        self._load_clusters()
        self.ideas.reload()

    @property
    def people(self) -> dict[str, ParticipantSnapshot]:
        return self.ideas.people

    def _people_loaded(self) -> None:
        people = list(self.ideas.people.values())
        self._fill_people_list(people)
        labels = {p.id: participant_label(p, public=False) for p in people}
        self.form.set_people(people, labels)
        internal = sum(1 for p in people if p.origin == "internal")
        self.people_summary.setText(
            ngettext("{n} participant", "{n} participants", len(people)).format(n=len(people))
            + " · "
            + _("{internal} internal, {external} external").format(
                internal=internal, external=len(people) - internal
            )
        )

    def _load_clusters(self) -> None:
        self.clusters = list_clusters(self.hub.db, self.workshop_id)
        chosen = self.cluster_filter.currentData()
        self.cluster_filter.blockSignals(True)
        self.cluster_filter.clear()
        self.cluster_filter.addItem(_("All clusters"), None)
        self.cluster_filter.addItem(_("Without a cluster"), NO_CLUSTER)
        for cluster in self.clusters:
            self.cluster_filter.addItem(cluster.name, cluster.id)
        self.cluster_filter.setCurrentIndex(max(0, self.cluster_filter.findData(chosen)))
        self.cluster_filter.blockSignals(False)
        self.filter.set_cluster(self.cluster_filter.currentData())

    def _update_count(self, *_args: object) -> None:
        shown, total = self.filter.rowCount(), self.model.rowCount()
        text = ngettext("{n} idea", "{n} ideas", total).format(n=total)
        if shown != total:
            text = _("{shown} of {text} shown").format(shown=shown, text=text)
        self.count.setText(text)

    # -- hub signals ----------------------------------------------------------------------

    def _ideas_changed(self, ideas: list[IdeaSnapshot]) -> None:
        if self.form.editing is not None:
            fresh = next((i for i in ideas if i.id == self.form.editing.id), None)
            if fresh is not None:
                pictures_changed = fresh.image_count != self.form.editing.image_count
                self.form.editing = fresh
                if pictures_changed:
                    self._load_pictures(fresh)

    def _ideas_removed(self, idea_ids: list[str]) -> None:
        if self.form.editing is not None and self.form.editing.id in idea_ids:
            self.form.clear()

    def _fill_people_list(self, people: list[ParticipantSnapshot]) -> None:
        blocked = self.people_list.blockSignals(True)
        self.people_list.clear()
        for person in people:
            item = QListWidgetItem(participant_label(person, public=False))
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            named = person.consent_to_be_named
            item.setCheckState(Qt.CheckState.Checked if named else Qt.CheckState.Unchecked)
            self.people_list.addItem(item)
        self.people_list.blockSignals(blocked)

    def _consent_changed(self, item: QListWidgetItem) -> None:
        person = self.people.get(item.data(Qt.ItemDataRole.UserRole))
        consent = item.checkState() == Qt.CheckState.Checked
        if person is not None and consent != person.consent_to_be_named:
            push(self.hub, SetConsent(self.hub, person, consent))

    def remove_selected_participant(self) -> None:
        item = self.people_list.currentItem()
        person = self.people.get(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
        if person is not None:
            push(self.hub, RemoveParticipant(self.hub, person))

    def _clusters_changed(self, workshop_id: str) -> None:
        if workshop_id == self.workshop_id:
            self._load_clusters()

    # -- actions ------------------------------------------------------------------------

    def _add(self, values: dict[str, Any]) -> None:
        try:
            clean_title(values["title"])
        except InvalidInput as exc:
            self.form.show_error(exc.message)
            return
        title = values.pop("title")
        command = AddIdea(self.hub, self.workshop_id, title, **values)
        if push(self.hub, command):
            self.form.clear()
            if command.idea is not None:
                self._select(command.idea.id, edit=False)
        elif command.error:
            self.form.show_error(command.error)

    def _save(self, idea_id: str, changes: dict[str, Any]) -> None:
        row = self.model.row_of(idea_id)
        if row < 0:
            return
        if "title" in changes:
            try:
                clean_title(changes["title"])
            except InvalidInput as exc:
                self.form.show_error(exc.message)
                return
        command = EditIdea(self.hub, self.model.idea(row), **changes)
        if push(self.hub, command):
            self.form.clear()
        elif command.error:
            self.form.show_error(command.error)

    def _title_edited(self, idea: IdeaSnapshot, title: str) -> None:
        push(self.hub, EditIdea(self.hub, idea, title=title))

    def _add_participants(self, count: int, details: dict[str, Any]) -> None:
        if push(self.hub, AddParticipants(self.hub, self.workshop_id, count, **details)):
            self.participant_form.clear()

    def selected_ids(self) -> list[str]:
        return [index.data(IdRole) for index in self.list.selectionModel().selectedIndexes()]

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            push(self.hub, RemoveIdeas(self.hub, self.workshop_id, ids))

    def choose_picture(self, idea_id: str) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, _("Add picture"), "", _("Pictures ({patterns})").format(patterns=IMAGE_FILTER)
        )
        for path in paths:
            self.add_picture(idea_id, path)

    def add_picture(self, idea_id: str, path: str) -> bool:
        row = self.model.row_of(idea_id)
        if row < 0:
            return False
        return push(self.hub, AddPicture(self.hub, self.model.idea(row), path))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit(index.data(IdRole))

    def edit(self, idea_id: str) -> None:
        """Open an idea in the form for editing (Escape or saving goes back to a new idea)."""
        row = self.model.row_of(idea_id)
        if row >= 0:
            idea = self.model.idea(row)
            self.form.edit(idea)
            self._load_pictures(idea)
            self.form.title.setFocus()

    def _load_pictures(self, idea: IdeaSnapshot) -> None:
        from app.images import image_bytes, list_images

        pictures = []
        if idea.image_count:
            for image in list_images(self.hub.db, idea.id):
                pixmap = QPixmap()
                pixmap.loadFromData(image_bytes(self.hub.db, image.id)[1])
                tip = image.caption or f"{image.width} × {image.height}"
                pictures.append((image.id, pixmap.scaled(192, 192, Qt.AspectRatioMode.KeepAspectRatio), tip))
        self.form.show_pictures(pictures)

    def _remove_picture(self, idea_id: str, image_id: str) -> None:
        row = self.model.row_of(idea_id)
        if row >= 0:
            push(self.hub, RemovePicture(self.hub, self.model.idea(row), image_id))

    def _select(self, idea_id: str, *, edit: bool) -> None:
        row = self.model.row_of(idea_id)
        if row < 0:
            return
        index = self.filter.mapFromSource(self.model.index(row))
        if index.isValid():
            self.list.scrollTo(index)
            if edit:
                self.list.setCurrentIndex(index)

    def _cluster_chosen(self) -> None:
        self.filter.set_cluster(self.cluster_filter.currentData())

    # -- pictures dropped on an idea --------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list.viewport():
            if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
                assert isinstance(event, QDragEnterEvent | QDropEvent)
                if event.mimeData().hasUrls():
                    event.acceptProposedAction()
                    return True
            elif event.type() == QEvent.Type.Drop:
                assert isinstance(event, QDropEvent)
                return self._drop(event)
        return super().eventFilter(watched, event)

    def _drop(self, event: QDropEvent) -> bool:
        if not event.mimeData().hasUrls():
            return False
        index = self.list.indexAt(event.position().toPoint())
        if not index.isValid():
            self.hub.failed.emit(_("Drop the picture on the idea it belongs to."))
            return True
        idea_id = index.data(IdRole)
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.add_picture(idea_id, url.toLocalFile())
        event.acceptProposedAction()
        return True
