"""Development plan (step 6): the sharpened proposal of the chosen idea, its actions and its readiness."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.analysis import get_analysis
from app.decision_resources import allocations
from app.decisions import list_decisions
from app.errors import KNOWN_ERRORS
from app.followup import plan_entries
from app.i18n import N_, _, ngettext
from app.ideas import get_idea
from app.plan_snapshots import PlanSnapshot
from app.plans import plan_for_idea
from app.vocabulary import DECISION_OUTCOMES, label
from ui import typography
from ui.analysis_fields import FormField, FormLineEdit, FormTextEdit, group_box
from ui.commands import push
from ui.dialogs import error_label
from ui.hub import Hub
from ui.plan_actions import ActionsEditor
from ui.plan_commands import CreatePlan, DeletePlan, EditPlan, SetReady
from ui.shortlist_picker import ShortlistPicker
from ui.voting_commands import push_or_report, submit
from ui.voting_reason_dialogs import confirm

#: The plan's texts in groups, each with its caption (translate with ``_``); names are one line.
GROUPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        N_("The proposal"),
        (
            ("concept", N_("Concept: what is proposed, sharpened")),
            ("factors", N_("Factors that will affect it")),
        ),
    ),
    (
        N_("Responsibility"),
        (
            ("responsible", N_("Responsible")),
            ("mandate", N_("Mandate: with what authority?")),
            ("risk_bearer", N_("Risk bearer: who formally bears the risk?")),
        ),
    ),
    (
        N_("Testing and taking hold"),
        (
            ("pilot_plan", N_("Pilot or test plan")),
            ("user_involvement", N_("How users take part")),
            ("operations_handover", N_("How it becomes part of ordinary operations")),
        ),
    ),
)
LINE_FIELDS = ("responsible", "risk_bearer")
READY_COLOUR = "#1B6E20"


class PlanView(QWidget):
    """One idea's plan: its readiness for a decision, the texts in one tab and the actions in another."""

    def __init__(self, hub: Hub, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.workshop_id = workshop_id
        self.plan: PlanSnapshot | None = None

        self.state = QLabel()
        typography.set_type(self.state, typography.LIST, bold=True)
        self.analysis = QLabel()
        self.ready_button = QPushButton()
        self.ready_button.clicked.connect(self.toggle_ready)
        self.delete_button = QPushButton(_("Delete plan"))
        self.delete_button.clicked.connect(self.delete)
        self.problems = error_label()
        self.problems.setTextFormat(Qt.TextFormat.PlainText)

        self.fields: dict[str, FormField] = {}
        form = QWidget()
        form_layout = QVBoxLayout(form)
        for title, rows in GROUPS:
            box, layout = group_box(_(title))
            for name, caption in rows:
                widget = FormLineEdit() if name in LINE_FIELDS else FormTextEdit()
                self.fields[name] = field = FormField(name, widget, self._commit)
                field.add_to(layout, _(caption))
            form_layout.addWidget(box)
        form_layout.addStretch(1)
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setWidget(form)
        self.form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.action_editor = ActionsEditor(hub, workshop_id)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form_scroll, _("The plan"))
        self.tabs.addTab(self.action_editor, "")

        state_row = QHBoxLayout()
        state_row.addWidget(self.state)
        state_row.addStretch(1)
        state_row.addWidget(self.ready_button)
        state_row.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(state_row)
        layout.addWidget(self.analysis)
        layout.addWidget(self.problems)
        layout.addWidget(self.tabs, 1)

    def show_plan(self, plan: PlanSnapshot, *, force: bool = False) -> None:
        if self.plan is None or plan.id != self.plan.id:
            force = True
            self.problems.hide()
            self.tabs.setCurrentIndex(0)
        self.plan = plan
        for name, field in self.fields.items():
            field.load(str(getattr(plan, name)), force=force)
        self.action_editor.set_plan(plan)
        self.tabs.setTabText(1, _("Actions ({n})").format(n=plan.action_count))
        if plan.ready_for_decision:
            self.state.setText(_("✓ Ready for decision"))
            self.state.setStyleSheet(f"color: {READY_COLOUR};")
            self.ready_button.setText(_("Withdraw readiness"))
        else:
            self.state.setText(_("Not yet ready for decision"))
            self.state.setStyleSheet("")
            self.ready_button.setText(_("Mark ready for decision"))
        self.show_analysis()

    def show_analysis(self) -> None:
        if self.plan is None:
            return
        done = get_analysis(self.hub.db, self.plan.idea_id).completeness
        self.analysis.setText(
            _("In-depth analysis: {filled} of {total} answered").format(filled=done.filled, total=done.total)
        )

    def flush(self) -> None:
        for field in self.fields.values():
            field.flush()

    def refused_fields(self) -> dict[str, tuple[str, str]]:
        return {name: (f.text(), f.error.text()) for name, f in self.fields.items() if f.refused}

    def _commit(self, name: str, text: str) -> str | None:
        if self.plan is None:
            return None
        refusal = submit(self.hub, EditPlan(self.hub, self.workshop_id, self.plan, name, text))
        if refusal is None:
            self.problems.hide()
        return None if refusal is None else refusal.message

    def toggle_ready(self) -> None:
        if self.plan is None:
            return
        self.flush()  # what is typed counts: the concept may just have been written
        command = SetReady(self.hub, self.workshop_id, self.plan, not self.plan.ready_for_decision)
        push(self.hub, command)
        if command.problems:
            lines = "\n".join(f"• {problem}" for problem in command.problems)
            self.problems.setText(_("The plan cannot go to a decision yet:") + "\n" + lines)
            self.problems.show()
        else:
            self.problems.hide()

    def delete(self) -> None:
        if self.plan is None:
            return
        self.flush()
        question = delete_question(self.hub, self.workshop_id, self.plan)
        if question and not confirm(
            self, _("Delete the development plan"), question, _("Delete plan"), warning=True
        ):
            return
        push_or_report(self.hub, DeletePlan(self.hub, self.workshop_id, self.plan))


def delete_question(hub: Hub, workshop_id: str, plan: PlanSnapshot) -> str:
    """What would be lost with the plan, as a question ("" when nothing hangs on it).

    "The plan has 5 actions, decision § 1 GO with resources and 2 follow-up entries. Delete it?"
    """
    count = plan.action_count
    things = [ngettext("{n} action", "{n} actions", count).format(n=count)] if count else []
    for decision in list_decisions(hub.db, workshop_id):
        if decision.idea_id != plan.idea_id:
            continue
        outcome = label(DECISION_OUTCOMES, decision.outcome)
        said = (
            _("decision § {number} {outcome} with resources")
            if allocations(hub.db, decision.id)
            else _("decision § {number} {outcome}")
        )
        things.append(said.format(number=decision.number, outcome=outcome))
    entries = len(plan_entries(hub.db, plan.idea_id))
    if entries:
        things.append(ngettext("{n} follow-up entry", "{n} follow-up entries", entries).format(n=entries))
    if not things:
        return ""
    if len(things) == 1 and count:  # only actions: the question as it has always been
        return ngettext(
            "The plan has {n} action. Delete it?", "The plan has {n} actions. Delete it?", count
        ).format(n=count)
    listed = (
        things[0]
        if len(things) == 1
        else _("{items} and {last}").format(items=", ".join(things[:-1]), last=things[-1])
    )
    return _("The plan has {things}. Delete it?").format(things=listed)


class PlanPanel(QWidget):
    """The shortlisted ideas on the left, the chosen idea's development plan on the right."""

    def __init__(self, hub: Hub, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.workshop_id = workshop_id
        self.idea_id: str | None = None
        #: Texts refused by a rule, per idea and field, kept while another idea is shown.
        self.drafts: dict[str, dict[str, tuple[str, str]]] = {}
        self.picker = ShortlistPicker(hub, workshop_id)

        self.idea_title = QLabel()
        self.idea_title.setWordWrap(True)
        typography.set_type(self.idea_title, typography.EMPTY_STATE, bold=True)
        self.empty = QLabel(_("Choose a shortlisted idea to plan."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        typography.set_type(self.empty, typography.EMPTY_STATE)
        self.none = QWidget()
        self.none_text = QLabel()
        self.none_text.setWordWrap(True)
        typography.set_type(self.none_text, typography.LIST)
        self.create_button = QPushButton(_("Create a development plan"))
        self.create_button.clicked.connect(self.create_plan)
        none_layout = QVBoxLayout(self.none)
        none_layout.setContentsMargins(0, 0, 0, 0)
        none_layout.addWidget(self.none_text)
        none_layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        none_layout.addStretch(1)
        self.view = PlanView(hub, workshop_id)
        self.stack = QStackedWidget()
        for page in (self.empty, self.none, self.view):
            self.stack.addWidget(page)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.idea_title)
        right_layout.addWidget(self.stack, 1)
        typography.fill_with_panes(self, self.picker, right)
        splitter = self.findChild(QSplitter)
        if splitter is not None:
            splitter.setSizes([230, 650])

        self.picker.ideaChosen.connect(self._choose)
        hub.planChanged.connect(self._plan_changed)
        hub.analysisChanged.connect(self._analysis_changed)
        self._choose(self.picker.current_idea_id() or "")

    def current_plan(self) -> PlanSnapshot | None:
        return self.view.plan if self.stack.currentWidget() is self.view else None

    def flush(self) -> None:
        """Save what is being typed now (before the phase changes or the app closes)."""
        if self.stack.currentWidget() is self.view:
            self.view.flush()

    def create_plan(self) -> None:
        if self.idea_id is None:
            return
        if push_or_report(self.hub, CreatePlan(self.hub, self.workshop_id, self.idea_id)):
            self.view.fields["concept"].widget.setFocus()
        else:
            self.reload()  # made meanwhile in another window: show that one

    def reload(self) -> None:
        if self.idea_id is None:
            self.idea_title.clear()
            self.stack.setCurrentWidget(self.empty)
            return
        plan = plan_for_idea(self.hub.db, self.idea_id, today=self.hub.today())
        if plan is None:
            self.none_text.setText(
                _(
                    "This idea has no development plan yet. The plan sharpens the proposal: the concept, "
                    "who is responsible and with what mandate, who bears the risk, a pilot, and the "
                    "actions with owners and dates."
                )
            )
            self.stack.setCurrentWidget(self.none)
            self.view.plan = None
            return
        self.view.show_plan(plan)
        self.stack.setCurrentWidget(self.view)

    def _choose(self, idea_id: str) -> None:
        self.flush()
        if self.idea_id is not None and self.stack.currentWidget() is self.view:
            kept = self.view.refused_fields()
            if kept:
                self.drafts[self.idea_id] = kept
        self.idea_id = idea_id or None
        title = ""
        if self.idea_id is not None:
            try:
                title = get_idea(self.hub.db, self.idea_id).title
            except KNOWN_ERRORS:
                self.idea_id = None
        self.idea_title.setText(title)
        self.reload()
        if self.idea_id is not None and self.stack.currentWidget() is self.view:
            for name, (text, message) in self.drafts.pop(self.idea_id, {}).items():
                self.view.fields[name].keep(text, message)

    def _plan_changed(self, workshop_id: str, idea_id: str) -> None:
        if workshop_id == self.workshop_id and idea_id == self.idea_id:
            self.reload()

    def _analysis_changed(self, workshop_id: str, idea_id: str) -> None:
        if workshop_id == self.workshop_id and idea_id == self.idea_id:
            self.view.show_analysis()
