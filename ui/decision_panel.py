"""Step 7, the decision (Beslut): the workshop's decisions numbered § 1, § 2 ... and the dialog to record one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.decision_resources import allocations
from app.decisions import get_decision, list_decisions
from app.errors import InvalidInput
from app.i18n import _, format_date, ngettext
from app.ideas import get_idea
from app.plan_snapshots import DecisionSnapshot
from app.review import review_of_idea
from app.vocabulary import DECISION_LEVELS, DECISION_OUTCOMES, RECOMMENDATIONS, label
from ui import typography
from ui.commands import push
from ui.decision_commands import CorrectDecision, DecisionValues, DeleteDecision, RecordDecision
from ui.decision_dialog import DecisionDialog, readiness_text
from ui.fresh_when_shown import FreshWhenShown
from ui.hub import Hub
from ui.shortlist_picker import ShortlistPicker
from ui.voting_commands import submit
from ui.voting_reason_dialogs import confirm

#: The decision id of a row.
DecisionIdRole = Qt.ItemDataRole.UserRole + 1


def decision_title(decision: DecisionSnapshot) -> str:
    """How a decision is named in lists: "§ 2 · GO · Fixa-Fia för hemmaboende"."""
    about = decision.idea_title or _("No particular idea")
    return _("§ {number} · {outcome} · {idea}").format(
        number=decision.number, outcome=label(DECISION_OUTCOMES, decision.outcome), idea=about
    )


def decision_details(decision: DecisionSnapshot) -> str:
    """Level, who decided, date and reference, as far as given; what the reference says is not repeated.

    "Committee · Vård- och omsorgsnämnden 2026-09-02 § 27", not the body and the date twice.
    """
    reference = decision.reference
    said = reference.casefold()
    parts = [label(DECISION_LEVELS, decision.level)]
    parts += [
        part
        for part in (decision.decided_by, format_date(decision.decided_on, "iso"))
        if part and part.casefold() not in said
    ]
    return " · ".join(part for part in (*parts, reference) if part)


def review_text(hub: Hub, idea_id: str) -> str:
    """What the critical review recommended, which a decision may follow or go against with reasons."""
    review = review_of_idea(hub.db, idea_id)
    if review is None:
        return _("The idea has not been through a critical review.")
    if not review.completed or review.recommendation is None:
        return _("The critical review of this idea is not completed.")
    recommended = label(RECOMMENDATIONS, review.recommendation)
    if review.reasons.strip():
        return _("The critical review recommends: {recommendation} (“{reasons}”)").format(
            recommendation=recommended, reasons=review.reasons.strip()
        )
    return _("The critical review recommends: {recommendation}").format(recommendation=recommended)


class DecisionPanel(FreshWhenShown):
    """The shortlist on the left; on the right, the chosen idea's plan readiness and every decision.

    "Record a decision…" opens the dialog with the chosen idea (or one whose plan is ready);
    a decision is corrected with a double-click or Enter and deleted with Delete, each undoable.
    """

    def __init__(self, hub: Hub, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.workshop_id = workshop_id
        self.decisions: list[DecisionSnapshot] = []
        self.picker = ShortlistPicker(hub, workshop_id)
        self.picker.ideaChosen.connect(lambda _id: self._show_idea())
        heading = QLabel(_("Decisions"))
        typography.set_type(heading, typography.LIST, bold=True)
        self.idea_title = QLabel()
        self.idea_title.setWordWrap(True)
        typography.set_type(self.idea_title, typography.LIST, bold=True)
        self.readiness = QLabel()
        self.readiness.setWordWrap(True)
        self.review = QLabel()
        self.review.setWordWrap(True)
        self.idea_decisions = QLabel()
        self.idea_decisions.setWordWrap(True)
        self.record_button = QPushButton(_("Record a decision…"))
        self.record_button.setDefault(True)
        self.record_button.clicked.connect(self.record)
        self.correct_button = QPushButton(_("Correct…"))
        self.correct_button.clicked.connect(self.correct)
        self.delete_button = QPushButton(_("Delete"))
        self.delete_button.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.delete_button)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(_("Decisions"))
        typography.set_type(self.list, typography.LIST)
        self.list.itemActivated.connect(lambda _item: self.correct())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.delete)
        self.empty = QLabel(
            _("No decision recorded yet. A decision is numbered § 1, § 2 … in the order taken.")
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        work = QWidget()
        layout = QVBoxLayout(work)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.idea_title)
        layout.addWidget(self.review)
        layout.addWidget(self.readiness)
        layout.addWidget(self.idea_decisions)
        layout.addLayout(buttons)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        typography.fill_with_panes(self, self.picker, work)
        # Bound methods, not lambdas: Qt drops them when the panel goes (the page drops its areas).
        hub.decisionsChanged.connect(self._workshop_changed)
        hub.progressChanged.connect(self._workshop_changed)
        hub.reviewChanged.connect(self._item_changed)
        hub.planChanged.connect(self._item_changed)
        hub.analysisChanged.connect(self._item_changed)
        hub.ideasChanged.connect(self._item_changed)
        self.refresh()

    # -- what is shown ------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        keep = self.current_decision()
        self.decisions = list_decisions(self.hub.db, self.workshop_id)
        blocked = self.list.blockSignals(True)
        self.list.clear()
        for decision in self.decisions:
            details = decision_details(decision)
            row = QListWidgetItem(
                f"{decision_title(decision)}\n{details}" if details else decision_title(decision)
            )
            row.setData(DecisionIdRole, decision.id)
            if decision.reasons:
                row.setToolTip(_("Reasons: {reasons}").format(reasons=decision.reasons))
            self.list.addItem(row)
        ids = [d.id for d in self.decisions]
        if keep is not None and keep.id in ids:
            self.list.setCurrentRow(ids.index(keep.id))
        self.list.blockSignals(blocked)
        self.list.setVisible(bool(self.decisions))
        self.empty.setVisible(not self.decisions)
        self._show_idea()
        self._update_buttons()

    def rows(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def current_decision(self) -> DecisionSnapshot | None:
        row = self.list.currentRow()
        return self.decisions[row] if 0 <= row < len(self.decisions) else None

    def choose_decision(self, decision_id: str) -> None:
        ids = [d.id for d in self.decisions]
        if decision_id in ids:
            self.list.setCurrentRow(ids.index(decision_id))

    def _show_idea(self) -> None:
        idea_id = self.picker.current_idea_id()
        if idea_id is None:
            for widget in (self.idea_title, self.review, self.readiness, self.idea_decisions):
                widget.hide()
            return
        self.idea_title.setText(get_idea(self.hub.db, idea_id).title)
        self.readiness.setText(readiness_text(self.hub, idea_id))
        taken = [d for d in self.decisions if d.idea_id == idea_id]
        self.idea_decisions.setText(
            _("Decisions on this idea: {list}").format(list="; ".join(decision_title(d) for d in taken))
            if taken
            else _("No decision on this idea yet.")
        )
        self.review.setText(review_text(self.hub, idea_id))
        for widget in (self.idea_title, self.review, self.readiness, self.idea_decisions):
            widget.show()

    def _update_buttons(self) -> None:
        chosen = self.current_decision() is not None
        self.correct_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # -- actions ------------------------------------------------------------------------------

    def record(self) -> None:
        """Open the dialog; the decision is recorded when it closes with OK."""
        recorded: list[RecordDecision] = []

        def send(values: DecisionValues) -> InvalidInput | None:
            command = RecordDecision(self.hub, self.workshop_id, values)
            refusal = submit(self.hub, command)
            if refusal is None:
                recorded.append(command)
            return refusal

        dialog = DecisionDialog(
            self.hub, self.workshop_id, send, idea_id=self.picker.current_idea_id(), parent=self
        )
        self._run(dialog)
        if recorded and recorded[0].decision is not None:
            self.choose_decision(recorded[0].decision.id)

    def correct(self) -> None:
        chosen = self.current_decision()
        if chosen is None:
            return
        before = get_decision(self.hub.db, chosen.id)

        def send(values: DecisionValues) -> InvalidInput | None:
            if values == DecisionValues.of(before):
                return None  # nothing changed: nothing to undo
            return submit(self.hub, CorrectDecision(self.hub, before, values))

        self._run(DecisionDialog(self.hub, self.workshop_id, send, decision=before, parent=self))

    def delete(self) -> None:
        """Take the chosen decision back (undoable); asks first when resources were given on it."""
        chosen = self.current_decision()
        if chosen is None:
            return
        given = allocations(self.hub.db, chosen.id)
        if given and not confirm(
            self,
            _("Delete decision § {number}").format(number=chosen.number),
            ngettext(
                "Resources were given on § {number} ({n} entry). They stop counting while the decision "
                "is deleted; Undo brings both back.",
                "Resources were given on § {number} ({n} entries). They stop counting while the decision "
                "is deleted; Undo brings both back.",
                len(given),
            ).format(number=chosen.number, n=len(given)),
            _("Delete decision"),
            warning=True,
        ):
            return
        push(self.hub, DeleteDecision(self.hub, chosen))

    def _run(self, dialog: QDialog) -> None:
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
