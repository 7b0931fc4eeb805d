"""The shortlist going on to critical review: its ideas in order, changed by hand with reasons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import shortlist as shortlist_service
from app.errors import KNOWN_ERRORS
from app.i18n import _, ngettext
from app.ideas import list_ideas
from app.voting import list_rounds
from app.voting_results import cut_view
from app.voting_snapshots import RoundSnapshot, ShortlistItem, TieSettlement
from ui import typography
from ui.hub import Hub
from ui.voting_commands import AddToShortlist, RemoveFromShortlist, submit
from ui.voting_dialogs import run
from ui.voting_models import ShortlistModel
from ui.voting_reason_dialogs import AddToShortlistDialog, ReasonDialog
from ui.voting_round_view import heading_label, text_label


class ShortlistView(QWidget):
    """The shortlist as a table (place, idea, why), with removed entries on request."""

    def __init__(self, hub: Hub, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub, self.workshop_id = hub, workshop_id
        self.heading = heading_label()
        self.advice = text_label()
        self.model = ShortlistModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ShortlistModel.PLACE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ShortlistModel.IDEA, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ShortlistModel.WHY, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())
        typography.set_type(self.table, typography.LIST)
        self.table.selectionModel().currentRowChanged.connect(lambda *_args: self._update_buttons())
        self.show_removed = QCheckBox(_("Show removed ideas and why"))
        self.show_removed.toggled.connect(lambda _on: self.reload())
        self.add_button = QPushButton(_("Add an idea…"))
        self.add_button.clicked.connect(self.add_idea)
        self.remove_button = QPushButton(_("Remove…"))
        self.remove_button.clicked.connect(self.remove_selected)
        remove_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_removed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.advice)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.items: list[ShortlistItem] = []

    def reload(self) -> None:
        self.items = shortlist_service.shortlist(self.hub.db, self.workshop_id, removed=True)
        rounds = list_rounds(self.hub.db, self.workshop_id)
        numbers = {r.id: r.number for r in rounds}
        shown = self.items if self.show_removed.isChecked() else [i for i in self.items if not i.removed]
        self.model.set_items(shown, numbers, self._ties(rounds))
        self.table.resizeRowsToContents()
        live = len(self.model.live_items())
        self.heading.setText(
            ngettext(
                "The shortlist: {n} idea goes on to critical review",
                "The shortlist: {n} ideas go on to critical review",
                live,
            ).format(n=live)
            if live
            else _("No shortlist yet")
        )
        if not self.items:
            self.advice.setText(
                _(
                    "Make the shortlist from a round's results, under Voting rounds, or add ideas to it by hand."
                )
            )
        else:
            self.advice.setText(
                _("The vote is advisory: you may change the shortlist. Each change keeps its reason, "
                  "and the vote stays on record as it was.")
            )  # fmt: skip
        self._update_buttons()

    def _ties(self, rounds: list[RoundSnapshot]) -> dict[tuple[str, str], TieSettlement]:
        """How each tie at a round's line was settled, for the ideas the shortlist took from it.

        The line is where the round's shortlist was drawn (its shortlist size), as when it was made.
        """
        voted = {i.round_id for i in self.items if i.round_id is not None and not i.removed}
        ties: dict[tuple[str, str], TieSettlement] = {}
        for r in rounds:
            if r.id not in voted or r.shortlist_size is None:
                continue
            try:
                line = cut_view(self.hub.db, r.id, r.shortlist_size)
            except KNOWN_ERRORS:
                continue  # not readable now (deleted since): the reason says "by the vote" alone
            for settled in line.settlements:
                ties.update(((r.id, idea_id), settled) for idea_id in settled.idea_ids)
        return ties

    def live_count(self) -> int:
        return len(self.model.live_items())

    def selected(self) -> ShortlistItem | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        item = self.model.item(index.row())
        return None if item.removed else item

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected() is not None)

    def add_idea(self) -> None:
        on_list = {i.idea_id for i in self.items if not i.removed}
        ideas = [
            (i.id, i.title)
            for i in list_ideas(self.hub.db, self.workshop_id)
            if not i.deleted and i.merged_into_id is None and i.id not in on_list
        ]
        titles = dict(ideas)
        dialog = AddToShortlistDialog(
            ideas,
            lambda idea_id, reason: submit(
                self.hub, AddToShortlist(self.hub, self.workshop_id, idea_id, titles[idea_id], reason)
            ),
            self,
        )
        run(dialog)

    def remove_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        dialog = ReasonDialog(
            _("Remove from the shortlist"),
            _("“{title}” comes off the shortlist. Why? The reason is kept with the shortlist.").format(
                title=item.title
            ),
            _("Remove"),
            lambda reason: submit(self.hub, RemoveFromShortlist(self.hub, item, self.workshop_id, reason)),
            self,
        )
        run(dialog)
