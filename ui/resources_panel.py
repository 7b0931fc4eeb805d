"""Step 8, resources (Resurstilldelning): money, hours and other support given on each GO decision."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.decision_resources import allocations
from app.decisions import list_decisions
from app.errors import InvalidInput
from app.i18n import _, current_language, format_date, ngettext
from app.idea_progress import progress
from app.plan_snapshots import AllocationSnapshot, DecisionSnapshot
from app.vocabulary import IDEA_STATUSES, RESOURCE_KINDS, label
from models.enums import DecisionOutcome, ResourceKind
from ui import typography
from ui.commands import push
from ui.decision_commands import CorrectResource, GiveResource, RemoveResource, ResourceValues
from ui.decision_panel import decision_details, decision_title
from ui.fresh_when_shown import FreshWhenShown
from ui.hub import Hub
from ui.resources_dialog import ResourceDialog, typed_amount
from ui.voting_commands import submit


def amount_text(amount: Decimal) -> str:
    """An amount as the user's language writes it: 150 000 or 1 250,50 in Swedish."""
    pattern = "#,##0" if amount == amount.to_integral() else "#,##0.00"
    return str(format_decimal(amount, format=pattern, locale=current_language()))


def given_text(given: AllocationSnapshot) -> str:
    """The resource in a few words: "Money: 150 000 SEK", "Hours: 120", "Other support"."""
    kind = label(RESOURCE_KINDS, given.kind)
    if given.amount is None:
        return kind
    if given.kind is ResourceKind.MONEY:
        value = _("{amount} {currency}").format(amount=amount_text(given.amount), currency=given.currency)
    else:
        value = amount_text(given.amount)
    return _("{kind}: {value}").format(kind=kind, value=value)


def totals_text(given: list[AllocationSnapshot]) -> str:
    """The decision's resources summed: money per currency, hours, and how many other kinds of support."""
    money: dict[str, Decimal] = {}
    hours = Decimal(0)
    support = 0
    for row in given:
        if row.kind is ResourceKind.MONEY and row.amount is not None:
            money[row.currency] = money.get(row.currency, Decimal(0)) + row.amount
        elif row.kind is ResourceKind.HOURS and row.amount is not None:
            hours += row.amount
        elif row.kind is ResourceKind.SUPPORT:
            support += 1
    parts = [
        _("{amount} {currency}").format(amount=amount_text(v), currency=c) for c, v in sorted(money.items())
    ]
    if hours:
        parts.append(
            ngettext("{amount} hour", "{amount} hours", int(hours)).format(amount=amount_text(hours))
        )
    if support:
        parts.append(ngettext("{n} other support", "{n} other kinds of support", support).format(n=support))
    if not parts:
        return _("Nothing given yet.")
    return _("In total: {parts}").format(parts=" · ".join(parts))


class ResourcesPanel(FreshWhenShown):
    """The GO decisions on the left (with each idea's step); the chosen one's resources on the right.

    Resources are given, corrected and removed through undoable commands; the totals follow.
    """

    def __init__(self, hub: Hub, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.workshop_id = workshop_id
        self.goes: list[DecisionSnapshot] = []
        self.given: list[AllocationSnapshot] = []
        left_heading = QLabel(_("GO decisions"))
        typography.set_type(left_heading, typography.LIST, bold=True)
        self.decision_list = QListWidget()
        self.decision_list.setWordWrap(True)
        self.decision_list.setSpacing(2)
        self.decision_list.setAccessibleName(_("GO decisions"))
        typography.set_type(self.decision_list, typography.LIST)
        self.decision_list.currentRowChanged.connect(lambda _row: self._show_decision())
        self.no_go = QLabel(
            _("No GO decision yet. Resources are given on a GO, recorded in the decision step.")
        )
        self.no_go.setWordWrap(True)
        self.no_go.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        typography.set_type(self.no_go, typography.EMPTY_STATE)
        self.left_out = QLabel()
        self.left_out.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(left_heading)
        left_layout.addWidget(self.decision_list, 1)
        left_layout.addWidget(self.left_out)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        typography.set_type(self.heading, typography.LIST, bold=True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(_("Resources given"))
        typography.set_type(self.list, typography.LIST)
        self.list.itemActivated.connect(lambda _item: self.edit())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        typography.set_type(self.totals, typography.LIST, bold=True)
        self.add_button = QPushButton(_("Give resources…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(_("Correct…"))
        self.edit_button.clicked.connect(self.edit)
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        self.error = QLabel()
        self.error.setStyleSheet("color: #A3140C; font-weight: 600;")
        self.error.setWordWrap(True)
        self.error.hide()
        work = QWidget()
        layout = QVBoxLayout(work)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.no_go, 1)
        typography.fill_with_panes(self, left, work)
        hub.decisionsChanged.connect(self._workshop_changed)
        hub.progressChanged.connect(self._workshop_changed)
        self.refresh()

    # -- what is shown ------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        keep = self.current_decision()
        every = list_decisions(self.hub.db, self.workshop_id)
        self.goes = [d for d in every if d.outcome is DecisionOutcome.GO]
        steps = progress(self.hub.db, self.workshop_id)
        blocked = self.decision_list.blockSignals(True)
        self.decision_list.clear()
        for decision in self.goes:
            step = label(IDEA_STATUSES, steps.get(decision.idea_id)) if decision.idea_id else ""
            text = decision_title(decision)
            row = QListWidgetItem(f"{text}\n{step}" if step else text)
            row.setToolTip(text)
            self.decision_list.addItem(row)
        ids = [d.id for d in self.goes]
        self.decision_list.setCurrentRow(ids.index(keep.id) if keep is not None and keep.id in ids else 0)
        self.decision_list.blockSignals(blocked)
        self.no_go.setVisible(not self.goes)
        others = len(every) - len(self.goes)
        self.left_out.setText(
            ngettext(
                "{n} decision that is not a GO is not listed: resources are given only on a GO.",
                "{n} decisions that are not a GO are not listed: resources are given only on a GO.",
                others,
            ).format(n=others)
        )
        self.left_out.setVisible(others > 0)
        self._show_decision()

    def current_decision(self) -> DecisionSnapshot | None:
        row = self.decision_list.currentRow()
        return self.goes[row] if 0 <= row < len(self.goes) else None

    def choose_decision(self, decision_id: str) -> None:
        ids = [d.id for d in self.goes]
        if decision_id in ids:
            self.decision_list.setCurrentRow(ids.index(decision_id))

    def decision_rows(self) -> list[str]:
        return [self.decision_list.item(row).text() for row in range(self.decision_list.count())]

    def rows(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _show_decision(self) -> None:
        decision = self.current_decision()
        self.error.hide()
        keep = self.current_given()
        self.given = [] if decision is None else allocations(self.hub.db, decision.id)
        self.list.clear()
        for given in self.given:
            by = [given.allocated_by, format_date(given.allocated_on, "iso")]
            lines = [given_text(given), " · ".join(part for part in by if part), given.description.strip()]
            self.list.addItem(QListWidgetItem("\n".join(line for line in lines if line)))
        ids = [g.id for g in self.given]
        if keep is not None and keep.id in ids:
            self.list.setCurrentRow(ids.index(keep.id))
        for widget in (self.heading, self.details, self.list, self.totals, self.add_button):
            widget.setVisible(decision is not None)
        if decision is not None:
            self.heading.setText(_("Resources for {decision}").format(decision=decision_title(decision)))
            self.details.setText(decision_details(decision))
            self.totals.setText(totals_text(self.given))
        self._update_buttons()

    def current_given(self) -> AllocationSnapshot | None:
        row = self.list.currentRow()
        return self.given[row] if 0 <= row < len(self.given) else None

    def _update_buttons(self) -> None:
        chosen = self.current_given() is not None
        self.edit_button.setVisible(self.current_decision() is not None)
        self.remove_button.setVisible(self.current_decision() is not None)
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # -- actions ------------------------------------------------------------------------------

    def add(self) -> None:
        decision = self.current_decision()
        if decision is None:
            return
        leader = next((g.allocated_by for g in reversed(self.given) if g.allocated_by), "")

        def send(values: ResourceValues) -> InvalidInput | None:
            return submit(self.hub, GiveResource(self.hub, decision, values))

        title = _("Give resources on § {number}").format(number=decision.number)
        self._run(ResourceDialog(title, send, today=self.hub.today(), leader=leader, parent=self))

    def edit(self) -> None:
        given = self.current_given()
        if given is None:
            return

        def send(values: ResourceValues) -> InvalidInput | None:
            if values.fields() == {**ResourceValues.of(given).fields(), "amount": typed_amount(given)}:
                return None
            return submit(self.hub, CorrectResource(self.hub, self.workshop_id, given, values))

        self._run(ResourceDialog(_("Correct resources"), send, given=given, parent=self))

    def remove(self) -> None:
        given = self.current_given()
        if given is not None:
            push(self.hub, RemoveResource(self.hub, self.workshop_id, given))

    def _run(self, dialog: ResourceDialog) -> None:
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
