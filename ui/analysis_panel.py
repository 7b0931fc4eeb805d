"""In-depth analysis (step 5): will the benefit exceed the cost? The checklist of the chosen idea."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal, get_currency_name
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.analysis import CHECKLIST, get_analysis, weighable
from app.errors import KNOWN_ERRORS
from app.i18n import N_, _, current_language, format_number
from app.ideas import get_idea
from app.review_snapshots import AnalysisSnapshot
from ui import typography
from ui.analysis_commands import SaveAnalysisField
from ui.analysis_fields import FormField, FormLineEdit, FormTextEdit, group_box
from ui.hub import Hub
from ui.shortlist_picker import ShortlistPicker
from ui.voting_commands import push_or_report, submit

#: The currencies offered first; an analysis saved with another keeps it on the list.
CURRENCIES = ("SEK", "NOK", "DKK", "EUR", "ISK", "USD", "GBP")

#: The width of a cost field: room for 999 999 999,99.
COST_WIDTH = 220

#: Each checklist item in a word or two, for the list of what is missing (translate with ``_``).
SHORT_NAMES: dict[str, str] = {
    "benefit": N_("expected benefit"),
    "beneficiaries": N_("for whom"),
    "cost_hours": N_("cost in hours"),
    "cost_money": N_("cost in money"),
    "external_information": N_("external information"),
    "rights": N_("rights"),
    "financing": N_("financing"),
    "skills": N_("skills"),
    "partners": N_("partners"),
}

#: The checklist in groups, as the form shows it.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("Benefit"), ("benefit", "beneficiaries")),
    (N_("Cost"), ("cost_hours", "cost_money")),
    (N_("Knowledge and rights"), ("external_information", "rights")),
    (N_("Resources and support"), ("financing", "skills", "partners")),
)


def format_amount(value: Decimal | None, places: int) -> str:
    """A cost as the UI's language writes it: 12 500 or 12 500,50 in Swedish, 1.5 hours in English."""
    if value is None:
        return ""
    if value == value.to_integral_value():
        pattern = "#,##0"
    else:
        pattern = "#,##0." + "0" * places if places == 2 else "#,##0.#"
    return str(format_decimal(value, format=pattern, locale=current_language()))


class AnalysisForm(QWidget):
    """The checklist of one idea's analysis, with how complete it is; each field saved when left."""

    def __init__(self, hub: Hub, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.workshop_id = workshop_id
        self.idea_id: str | None = None
        self.analysis: AnalysisSnapshot | None = None
        #: Texts refused by a rule, per idea and field, kept while another idea is shown.
        self.drafts: dict[str, dict[str, tuple[str, str]]] = {}

        self.idea_title = QLabel()
        self.idea_title.setWordWrap(True)
        typography.set_type(self.idea_title, typography.EMPTY_STATE, bold=True)
        self.filled = QLabel()
        typography.set_type(self.filled, typography.LIST, bold=True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(12)
        self.bar.setAccessibleName(_("How complete the analysis is"))
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.weigh_hint = QLabel()
        self.weigh_hint.setWordWrap(True)
        self.weigh_hint.setStyleSheet("color: #7A4B00;")

        self.fields: dict[str, FormField] = {}
        for name in CHECKLIST:
            widget = FormLineEdit() if name.startswith("cost_") else FormTextEdit()
            self.fields[name] = FormField(name, widget, self._commit)
        self.fields["cost_hours"].widget.setPlaceholderText(
            _("For example {amount}").format(amount=format_number(120))
        )
        self.fields["cost_money"].widget.setPlaceholderText(
            _("For example {amount}").format(amount=format_number(25000))
        )
        self.currency = QComboBox()
        self.currency.setAccessibleName(_("Currency"))
        self.currency_error = QLabel()
        self.currency.activated.connect(lambda _index: self._currency_chosen())

        form = QWidget()
        form_layout = QVBoxLayout(form)
        for title, names in GROUPS:
            box, layout = group_box(_(title))
            for name in names:
                self.fields[name].add_to(layout, _(CHECKLIST[name]))
                if name in ("cost_hours", "cost_money"):
                    # An amount in a field of its own width, the currency beside the money.
                    widget = self.fields[name].widget
                    widget.setMaximumWidth(COST_WIDTH)
                    row = QHBoxLayout()
                    layout.removeWidget(widget)
                    row.addWidget(widget, 1)
                    if name == "cost_money":
                        row.addWidget(self.currency)
                    row.addStretch(1)
                    layout.insertLayout(layout.count() - 1, row)
            form_layout.addWidget(box)
        form_layout.addStretch(1)
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setWidget(form)
        self.form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        heading = QHBoxLayout()
        heading.addWidget(self.filled)
        heading.addWidget(self.bar, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.idea_title)
        layout.addLayout(heading)
        layout.addWidget(self.missing)
        layout.addWidget(self.weigh_hint)
        layout.addWidget(self.form_scroll, 1)

    def show_idea(self, idea_id: str, title: str) -> None:
        """Save what is typed for the idea shown, then show ``idea_id``'s analysis."""
        self.flush()
        self._keep_drafts()
        self.idea_id = idea_id
        self.idea_title.setText(title)
        self.form_scroll.verticalScrollBar().setValue(0)
        self.reload(force=True)
        for name, (text, message) in self.drafts.pop(idea_id, {}).items():
            self.fields[name].keep(text, message)

    def reload(self, *, force: bool = False) -> None:
        if self.idea_id is None:
            return
        self.analysis = analysis = get_analysis(self.hub.db, self.idea_id)
        for name, field in self.fields.items():
            value = getattr(analysis, name)
            if name == "cost_hours":
                field.load(format_amount(value, 1), force=force)
            elif name == "cost_money":
                field.load(format_amount(value, 2), force=force)
            else:
                field.load(value, force=force)
        self._fill_currencies(analysis.currency)
        self._show_completeness(analysis)

    def flush(self) -> None:
        for field in self.fields.values():
            field.flush()

    def _keep_drafts(self) -> None:
        if self.idea_id is None:
            return
        kept = {name: (f.text(), f.error.text()) for name, f in self.fields.items() if f.refused}
        if kept:
            self.drafts[self.idea_id] = kept

    def _fill_currencies(self, chosen: str) -> None:
        codes = list(CURRENCIES) if chosen in CURRENCIES else [chosen, *CURRENCIES]
        if [self.currency.itemData(i) for i in range(self.currency.count())] != codes:
            self.currency.clear()
            for code in codes:
                self.currency.addItem(code, code)
                name = get_currency_name(code, locale=current_language())
                self.currency.setItemData(self.currency.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        self.currency.setCurrentIndex(codes.index(chosen))

    def _show_completeness(self, analysis: AnalysisSnapshot) -> None:
        done = analysis.completeness
        self.filled.setText(_("{filled} of {total} answered").format(filled=done.filled, total=done.total))
        self.bar.setRange(0, done.total)
        self.bar.setValue(done.filled)
        if done.complete:
            self.missing.setText(_("Every question of the checklist has an answer."))
        else:
            names = ", ".join(_(SHORT_NAMES[name]) for name in done.missing)
            self.missing.setText(_("Still unanswered: {names}").format(names=names))
        self.weigh_hint.setVisible(not weighable(analysis))
        self.weigh_hint.setText(
            _(
                "Nothing is mandatory, but the plan goes to a decision only when the expected benefit "
                "and a cost (hours or money) are written here."
            )
        )

    def _commit(self, name: str, text: str) -> str | None:
        if self.idea_id is None or self.analysis is None:
            return None
        before = getattr(self.analysis, name)
        command = SaveAnalysisField(self.hub, self.workshop_id, self.idea_id, name, before, text)
        refusal = submit(self.hub, command)
        return None if refusal is None else refusal.message

    def _currency_chosen(self) -> None:
        code = self.currency.currentData()
        if self.idea_id is None or self.analysis is None or code == self.analysis.currency:
            return
        command = SaveAnalysisField(
            self.hub, self.workshop_id, self.idea_id, "currency", self.analysis.currency, code
        )
        if not push_or_report(self.hub, command):
            self._fill_currencies(self.analysis.currency)


class AnalysisPanel(QWidget):
    """The shortlisted ideas on the left, the chosen idea's in-depth analysis on the right."""

    def __init__(self, hub: Hub, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.workshop_id = workshop_id
        self.picker = ShortlistPicker(hub, workshop_id)
        self.form = AnalysisForm(hub, workshop_id)
        self.empty = QLabel(_("Choose a shortlisted idea to analyse."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        typography.set_type(self.empty, typography.EMPTY_STATE)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.form)
        typography.fill_with_panes(self, self.picker, self.stack)
        splitter = self.findChild(QSplitter)
        if splitter is not None:
            splitter.setSizes([300, 580])
        self.picker.ideaChosen.connect(self._choose)
        hub.analysisChanged.connect(self._analysis_changed)
        self._choose(self.picker.current_idea_id() or "")

    def current_idea_id(self) -> str | None:
        return self.form.idea_id if self.stack.currentWidget() is self.form else None

    def flush(self) -> None:
        """Save what is being typed now (before the phase changes or the app closes)."""
        self.form.flush()

    def _choose(self, idea_id: str) -> None:
        if not idea_id:
            self.form.flush()
            self.stack.setCurrentWidget(self.empty)
            return
        try:
            title = get_idea(self.hub.db, idea_id).title
        except KNOWN_ERRORS:
            self.stack.setCurrentWidget(self.empty)
            return
        self.form.show_idea(idea_id, title)
        self.stack.setCurrentWidget(self.form)

    def _analysis_changed(self, workshop_id: str, idea_id: str) -> None:
        if workshop_id == self.workshop_id and idea_id == self.form.idea_id:
            self.form.reload()
