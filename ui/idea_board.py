"""The idea board of the clustering phase: a column of idea cards per theme, dragged between them.

The board reads the workshop once (``IdeaBoard.reload``) and then follows the hub's
signals, changing only the columns an event touches, so that it stays quick with
hundreds of cards. Every edit is an undoable command from ui/board_commands.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import (
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QIcon,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import clusters as cluster_service
from app import ideas as idea_service
from app import participants as participant_service
from app.i18n import N_, _, ngettext
from app.participants import participant_label
from app.snapshots import ClusterSnapshot, IdeaSnapshot, ParticipantSnapshot
from ui import typography
from ui.board_commands import AddCluster, DissolveCluster, MergeIdeas, MoveCluster, MoveIdeas, UpdateCluster
from ui.commands import push
from ui.dialogs import ClusterNameDialog
from ui.hub import Hub
from ui.idea_cards import CardListView, IdeaColumnModel
from ui.idea_list import StepFollower

#: What a dragged card carries: ``{"workshop": id, "ideas": [ids]}`` as JSON.
COLUMN_WIDTH = 240


COLOUR_NAMES: dict[str, str] = dict(
    zip(
        cluster_service.PALETTE,
        (N_("Orange"), N_("Sky blue"), N_("Bluish green"), N_("Yellow"), N_("Blue"), N_("Vermilion"),
         N_("Reddish purple"), N_("Black")),
        strict=True,
    )
)  # fmt: skip


def colour_name(colour: str) -> str:
    """The colour's name in the UI language; a colour outside the palette by its code."""
    name = COLOUR_NAMES.get(colour.upper())
    return _(name) if name else colour.upper()


def swatch(colour: str, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#606060"))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


class ColourBand(QWidget):
    """A theme's colour as a strip at the top of its column (its name is written beside it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour: QColor | None = None
        self.setFixedHeight(8)

    def set_colour(self, colour: str | None) -> None:
        self.colour = QColor(colour) if colour else None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.colour is not None:
            painter.fillRect(self.rect(), self.colour)
        painter.end()


class ClusterColumn(QFrame):
    """A theme's column: a header (colour band, name, number of ideas, buttons) over its cards.

    The column without theme (``cluster`` None) has no buttons.

    Signals:
        menuRequested(QPoint): the theme's menu is asked for, at this global position.
    """

    menuRequested = Signal(QPoint)

    def __init__(
        self, workshop_id: str, cluster: ClusterSnapshot | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.cluster = cluster
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(COLUMN_WIDTH)
        self.band = ColourBand()
        self.name = QLabel()
        self.name.setWordWrap(True)
        typography.set_type(self.name, typography.LIST + 1, bold=True)
        # Two lines for every name, so that the cards of all columns start at one height.
        self.name.setMinimumHeight(2 * self.name.fontMetrics().lineSpacing())
        self.name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.count = QLabel()
        self.model = IdeaColumnModel(workshop_id, cluster.id if cluster else None, self)
        self.view = CardListView()
        self.view.setModel(self.model)
        typography.set_type(self.view, typography.LIST)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._update_count)

        header = QWidget()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda pos: self.menuRequested.emit(header.mapToGlobal(pos))
        )
        self.left_button = self._tool_button("◀", _("Move theme left"))
        self.right_button = self._tool_button("▶", _("Move theme right"))
        self.menu_button = self._tool_button("⋯", _("Theme menu: rename, colour, dissolve"))
        self.menu_button.clicked.connect(
            lambda: self.menuRequested.emit(
                self.menu_button.mapToGlobal(self.menu_button.rect().bottomLeft())
            )
        )
        self.count.setMinimumHeight(self.menu_button.sizeHint().height())
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.count, 1)
        for button in (self.left_button, self.right_button, self.menu_button):
            buttons.addWidget(button)
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(8, 6, 8, 2)
        header_layout.setSpacing(4)
        header_layout.addWidget(self.name)
        header_layout.addLayout(buttons)
        for button in (self.left_button, self.right_button, self.menu_button):
            # Only now that the header owns them: shown without a parent, each would be a window.
            button.setVisible(cluster is not None)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addWidget(self.band)
        layout.addWidget(header)
        layout.addWidget(self.view, 1)
        self.set_cluster(cluster)

    @staticmethod
    def _tool_button(text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    def set_cluster(self, cluster: ClusterSnapshot | None) -> None:
        self.cluster = cluster
        if cluster is None:
            self.name.setText(_("Without theme"))
            self.band.set_colour(None)
            self.view.delegate.stripe = None
            described = _("Ideas without a theme")
        else:
            self.name.setText(cluster.name)
            self.band.set_colour(cluster.colour)
            self.view.delegate.stripe = QColor(cluster.colour)
            described = _("Theme “{name}”, colour {colour}").format(
                name=cluster.name, colour=colour_name(cluster.colour)
            )
        self.band.setToolTip(described)
        self.name.setToolTip(described)
        self.view.setAccessibleName(described)
        self.view.viewport().update()

    def set_position(self, index: int, last: int) -> None:
        """Where the column stands among the themes: the move buttons that make sense."""
        self.left_button.setEnabled(index > 1)
        self.right_button.setEnabled(index < last)

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count.setText(ngettext("{n} idea", "{n} ideas", n).format(n=n))


class IdeaBoard(QWidget):
    """The workshop's idea cards in columns, one per theme and one for the ideas without a theme.

    Cards are dragged between columns and within one (their order); two selected cards
    (Ctrl+click, also in different columns) are merged with Ctrl+M. Alt+Right and
    Alt+Left move the selected cards to the next or previous column.

    Signals:
        selectionChanged(): the selected cards changed (see ``selected_ids``).
    """

    selectionChanged = Signal()

    def __init__(self, hub: Hub, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub, self.workshop_id = hub, workshop_id
        self._ideas: dict[str, IdeaSnapshot] = {}
        self._people: dict[str, ParticipantSnapshot] = {}
        self._columns: dict[str | None, ClusterColumn] = {}
        self._order: list[str | None] = []
        #: How often the whole board was read; the hub's signals should not raise it.
        self.reload_count = 0
        self.name_dialog: ClusterNameDialog | None = None
        self.menu: QMenu | None = None

        self.new_cluster_action = self._action(_("New theme…"), self.new_cluster)
        self.merge_action = self._action(_("Merge ideas"), self.merge_selected, "Ctrl+M")
        self.merge_action.setToolTip(
            _("Merge the two selected ideas into the first one; both texts and all idea givers are kept.")
        )
        self.next_action = self._action(
            _("Move to the next theme"), lambda: self.move_selected(1), "Alt+Right"
        )
        self.previous_action = self._action(
            _("Move to the previous theme"), lambda: self.move_selected(-1), "Alt+Left"
        )

        toolbar = QHBoxLayout()
        for action in (self.new_cluster_action, self.merge_action):
            button = QToolButton()
            action.setIconText(action.text())  # keep the "…" of an action that opens a dialog
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            toolbar.addWidget(button)
        self.hint = QLabel(
            _("Drag cards between the themes. Select two cards with Ctrl+click to merge them (Ctrl+M).")
        )
        self.hint.setWordWrap(True)
        toolbar.addWidget(self.hint, 1)

        self.strip = QWidget()
        self.strip_layout = QHBoxLayout(self.strip)
        self.strip_layout.setContentsMargins(0, 0, 0, 0)
        self.strip_layout.setSpacing(8)
        self.strip_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.strip)
        self.scroll.setWidgetResizable(True)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll_pending: str | None = None
        self.scroll.horizontalScrollBar().rangeChanged.connect(self._scroll_to_new_column)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(toolbar)
        layout.addWidget(self.scroll, 1)

        hub.ideasChanged.connect(self._on_ideas_changed)
        hub.ideasRemoved.connect(self._on_ideas_removed)
        hub.clustersChanged.connect(self._on_clusters_changed)
        hub.participantsChanged.connect(self._on_participants_changed)
        self.steps = StepFollower(hub, workshop_id, self._shown_idea, self)
        self.steps.moved.connect(self._on_steps_moved)
        self.reload()

    def _action(self, text: str, slot: Callable[[], object], shortcut: str = "") -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcuts([QKeySequence(shortcut)])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        return action

    # -- reading and following the workshop

    def reload(self) -> None:
        """Read the ideas, themes and participants once and draw every column anew."""
        self.reload_count += 1
        db = self.hub.db
        self._people = {p.id: p for p in participant_service.list_participants(db, self.workshop_id)}
        self._ideas = {i.id: i for i in idea_service.list_ideas(db, self.workshop_id)}
        self._set_clusters(cluster_service.list_clusters(db, self.workshop_id))
        groups = self._grouped()
        for key, column in self._columns.items():
            column.model.set_ideas(groups.get(key, []))
        self._selection_changed()

    def _key(self, idea: IdeaSnapshot) -> str | None:
        """The column an idea is in: its theme's, or the one without theme."""
        return idea.cluster_id if idea.cluster_id in self._columns else None

    def _grouped(self) -> dict[str | None, list[IdeaSnapshot]]:
        groups: dict[str | None, list[IdeaSnapshot]] = {}
        for idea in sorted(self._ideas.values(), key=lambda i: i.position):
            groups.setdefault(self._key(idea), []).append(idea)
        return groups

    def _sync(self, keys: Iterable[str | None]) -> None:
        groups = self._grouped()
        for key in set(keys):
            if key in self._columns:
                self._columns[key].model.sync(groups.get(key, []))

    def _on_ideas_changed(self, workshop_id: str, ideas: list[IdeaSnapshot]) -> None:
        if workshop_id != self.workshop_id:
            return
        keys: set[str | None] = set()
        for idea in ideas:
            old = self._ideas.pop(idea.id, None)
            if old is not None:
                keys.add(self._key(old))
            if not idea.deleted:
                self._ideas[idea.id] = idea
                keys.add(self._key(idea))
        self._sync(keys)

    def _shown_idea(self, idea_id: str) -> IdeaSnapshot | None:
        return self._ideas.get(idea_id)

    def _on_steps_moved(self, ideas: list[IdeaSnapshot]) -> None:
        """Reviews, plans, decisions or follow-up moved these ideas' steps: their cards' tags follow."""
        self._on_ideas_changed(self.workshop_id, ideas)

    def _on_ideas_removed(self, workshop_id: str, idea_ids: list[str]) -> None:
        if workshop_id != self.workshop_id:
            return
        gone = [self._ideas.pop(i) for i in idea_ids if i in self._ideas]
        self._sync(self._key(i) for i in gone)

    def _on_clusters_changed(self, workshop_id: str) -> None:
        if workshop_id != self.workshop_id:
            return
        self._set_clusters(cluster_service.list_clusters(self.hub.db, self.workshop_id))
        self._sync(self._columns)

    def _on_participants_changed(self, workshop_id: str) -> None:
        if workshop_id != self.workshop_id:
            return
        self._people = {p.id: p for p in participant_service.list_participants(self.hub.db, workshop_id)}
        for column in self._columns.values():
            column.model.refresh_labels()

    def _giver_label(self, idea: IdeaSnapshot) -> str:
        """Who gave the idea, as the room may see it (the board is often projected)."""
        if idea.anonymous:
            return ""
        people = (self._people[g] for g in idea.giver_ids if g in self._people)
        # Not ", ": a label may hold one ("Employee, Home care North").
        return "  ·  ".join(dict.fromkeys(participant_label(p, public=True) for p in people))

    def _set_clusters(self, clusters: list[ClusterSnapshot]) -> None:
        live = {c.id: c for c in clusters}
        for key in [k for k in self._columns if k is not None and k not in live]:
            column = self._columns.pop(key)
            self.strip_layout.removeWidget(column)
            column.hide()
            column.deleteLater()
        if None not in self._columns:
            self._columns[None] = self._new_column(None)
        for cluster in clusters:
            if cluster.id in self._columns:
                self._columns[cluster.id].set_cluster(cluster)
            else:
                self._columns[cluster.id] = self._new_column(cluster)
        order: list[str | None] = [None, *live]
        if order != self._order:
            self._order = order
            for key in order:
                self.strip_layout.removeWidget(self._columns[key])
            for index, key in enumerate(order):
                self.strip_layout.insertWidget(index, self._columns[key])
        for index, key in enumerate(order):
            self._columns[key].set_position(index, len(order) - 1)

    def _new_column(self, cluster: ClusterSnapshot | None) -> ClusterColumn:
        column = ClusterColumn(self.workshop_id, cluster)
        column.model.giver_label = self._giver_label
        column.model.on_drop = self.move_ideas
        key = cluster.id if cluster else None
        column.menuRequested.connect(lambda pos: self.show_cluster_menu(column.model.cluster_id, pos))
        column.left_button.clicked.connect(lambda: self.move_cluster(column.model.cluster_id, -1))
        column.right_button.clicked.connect(lambda: self.move_cluster(column.model.cluster_id, 1))
        view = column.view
        view.selectionReplaced.connect(lambda: self._clear_selections(but=key))
        view.selectionModel().selectionChanged.connect(self._selection_changed)
        view.customContextMenuRequested.connect(
            lambda pos: self.show_card_menu(key, view.viewport().mapToGlobal(pos))
        )
        return column

    # -- columns and selection

    def columns(self) -> list[ClusterColumn]:
        """The columns from left to right; the first holds the ideas without a theme."""
        return [self._columns[k] for k in self._order]

    def column(self, cluster_id: str | None) -> ClusterColumn:
        return self._columns[cluster_id]

    def selected_ids(self) -> list[str]:
        """The selected cards in the order the board shows them: column by column, top down."""
        ids = []
        for column in self.columns():
            rows = sorted(i.row() for i in column.view.selectionModel().selectedIndexes())
            ids.extend(column.model.idea(r).id for r in rows)
        return ids

    def _clear_selections(self, but: str | None) -> None:
        for key, column in self._columns.items():
            if key != but:
                column.view.selectionModel().clearSelection()

    def _selection_changed(self) -> None:
        n = len(self.selected_ids())
        self.merge_action.setEnabled(n == 2)
        self.next_action.setEnabled(n > 0)
        self.previous_action.setEnabled(n > 0)
        self.selectionChanged.emit()

    def _source_column(self) -> ClusterColumn | None:
        """The column whose cards are focused, else the first with a selection."""
        with_selection = [c for c in self.columns() if c.view.selectionModel().hasSelection()]
        return next(
            (c for c in with_selection if c.view.hasFocus()), with_selection[0] if with_selection else None
        )

    def _show_cards(self, cluster_id: str | None, idea_ids: Sequence[str]) -> None:
        column = self._columns.get(cluster_id)
        if column is None:
            return
        self._clear_selections(but=cluster_id)
        column.view.select_ids(idea_ids)
        column.view.setFocus()
        self.scroll.ensureWidgetVisible(column)

    # -- moving and merging cards

    def move_ideas(self, idea_ids: list[str], cluster_id: str | None, row: int) -> bool:
        """Put cards into a column before the card now at ``row``; False if nothing changed."""
        column = self._columns.get(cluster_id)
        ids = [i for i in dict.fromkeys(idea_ids) if i in self._ideas]
        if column is None or not ids:
            return False
        cards = [i.id for i in column.model.ideas()]
        others = [i for i in cards if i not in ids]
        before = next((i for i in cards[row:] if i not in ids), None)
        at = others.index(before) if before is not None else len(others)
        if others[:at] + ids + others[at:] == cards:
            return False  # dropped where they are
        after = others[at - 1] if before is None and others else None
        command = MoveIdeas(self.hub, self.workshop_id, ids, cluster_id, before_id=before, after_id=after)
        if not push(self.hub, command):
            return False
        self._show_cards(cluster_id, ids)
        return True

    def move_selected(self, step: int) -> bool:
        """The selected cards of the focused column to the end of the column ``step`` away."""
        source = self._source_column()
        if source is None:
            return False
        key = source.model.cluster_id
        target = self._order.index(key) + step
        if not 0 <= target < len(self._order):
            return False
        return self._move_selected_to(key, self._order[target])

    def merge_selected(self) -> bool:
        """Merge the two selected cards: the first (left, then top) keeps the other's text and givers."""
        ids = self.selected_ids()
        if len(ids) != 2:
            return False
        kept, absorbed = ids
        if not push(self.hub, MergeIdeas(self.hub, self.workshop_id, kept, absorbed)):
            return False
        self._show_cards(self._key(self._ideas[kept]), [kept])
        return True

    # -- themes

    def _cluster(self, cluster_id: str | None) -> ClusterSnapshot | None:
        column = self._columns.get(cluster_id)
        return column.cluster if column else None

    def new_cluster(self) -> None:
        """Ask for a name, then add the theme at the right end of the board."""
        self._ask_name(_("New theme"), _("Create"), "", self.add_cluster)

    def ask_rename(self, cluster_id: str) -> None:
        cluster = self._cluster(cluster_id)
        if cluster is not None:
            self._ask_name(_("Rename theme"), _("Rename"), cluster.name,
                           lambda name: self.rename_cluster(cluster_id, name))  # fmt: skip

    def _ask_name(self, title: str, ok_text: str, name: str, done: Callable[[str], object]) -> None:
        if self.name_dialog is not None:
            self.name_dialog.close()
            self.name_dialog.deleteLater()
        dialog = ClusterNameDialog(title, ok_text, name, self)
        dialog.accepted.connect(lambda: done(dialog.name.text()))
        self.name_dialog = dialog
        dialog.open()

    def add_cluster(self, name: str, colour: str | None = None) -> bool:
        command = AddCluster(self.hub, self.workshop_id, name, colour)
        if not push(self.hub, command):
            return False
        assert command.cluster is not None
        # The new column is laid out later, and the board grows wider: show it then.
        self._scroll_pending = command.cluster.id
        return True

    def _scroll_to_new_column(self) -> None:
        column = self._columns.get(self._scroll_pending or "")
        if column is not None:
            self.scroll.ensureWidgetVisible(column)
        self._scroll_pending = None

    def rename_cluster(self, cluster_id: str, name: str) -> bool:
        cluster = self._cluster(cluster_id)
        if cluster is None or name.strip() == cluster.name:
            return False
        return push(self.hub, UpdateCluster(self.hub, cluster, name=name))

    def recolour_cluster(self, cluster_id: str, colour: str) -> bool:
        cluster = self._cluster(cluster_id)
        if cluster is None or colour.upper() == cluster.colour.upper():
            return False
        return push(self.hub, UpdateCluster(self.hub, cluster, colour=colour))

    def move_cluster(self, cluster_id: str | None, step: int) -> bool:
        """A theme ``step`` places to the right (negative: left) among the themes."""
        cluster = self._cluster(cluster_id)
        if cluster is None:
            return False
        themes = self._order[1:]
        here = themes.index(cluster.id)
        there = here + step
        if not 0 <= there < len(themes):
            return False
        return push(self.hub, MoveCluster(self.hub, cluster, here, there))

    def dissolve_cluster(self, cluster_id: str) -> bool:
        """The theme goes; its cards go to the column without theme (undo brings them back)."""
        cluster = self._cluster(cluster_id)
        if cluster is None:
            return False
        return push(self.hub, DissolveCluster(self.hub, cluster))

    # -- menus

    def cluster_menu(self, cluster_id: str | None) -> QMenu:
        """The theme's actions, as in its header's ⋯ button and its context menu."""
        menu = QMenu(self)
        cluster = self._cluster(cluster_id)
        if cluster is None:
            menu.addAction(self.new_cluster_action)
            return menu
        cid = cluster.id
        menu.addAction(_("Rename theme…"), lambda: self.ask_rename(cid))
        colours = menu.addMenu(_("Colour"))
        for colour in cluster_service.PALETTE:
            current = colour.upper() == cluster.colour.upper()
            # The style draws the swatch where a check mark would be: say it in the text too.
            action = colours.addAction(swatch(colour), colour_name(colour) + ("  ✓" if current else ""))
            action.setCheckable(True)
            action.setChecked(current)
            action.triggered.connect(lambda _checked=False, c=colour: self.recolour_cluster(cid, c))
        index = self._order.index(cid)
        left = menu.addAction(_("Move theme left"), lambda: self.move_cluster(cid, -1))
        left.setEnabled(index > 1)
        right = menu.addAction(_("Move theme right"), lambda: self.move_cluster(cid, 1))
        right.setEnabled(index < len(self._order) - 1)
        menu.addSeparator()
        menu.addAction(_("Dissolve theme (its ideas stay on the board)"), lambda: self.dissolve_cluster(cid))
        menu.addSeparator()
        menu.addAction(self.new_cluster_action)
        return menu

    def card_menu(self, cluster_id: str | None) -> QMenu:
        menu = QMenu(self)
        move_to = menu.addMenu(_("Move to"))
        for key in self._order:
            if key != cluster_id:
                target = self._columns[key]
                action = move_to.addAction(target.name.text().replace("&", "&&"))
                action.triggered.connect(lambda _checked=False, k=key: self._move_selected_to(cluster_id, k))
        menu.addAction(self.next_action)
        menu.addAction(self.previous_action)
        menu.addSeparator()
        menu.addAction(self.merge_action)
        return menu

    def _move_selected_to(self, source: str | None, target: str | None) -> bool:
        """The selected cards of column ``source`` to the end of column ``target``."""
        ids = [i for i in self.selected_ids() if self._key(self._ideas[i]) == source]
        return self.move_ideas(ids, target, self._columns[target].model.rowCount())

    def show_cluster_menu(self, cluster_id: str | None, global_pos: QPoint) -> None:
        self._popup(self.cluster_menu(cluster_id), global_pos)

    def show_card_menu(self, cluster_id: str | None, global_pos: QPoint) -> None:
        self._popup(self.card_menu(cluster_id), global_pos)

    def _popup(self, menu: QMenu, global_pos: QPoint) -> None:
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = menu
        menu.popup(global_pos)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.show_cluster_menu(None, event.globalPos())
