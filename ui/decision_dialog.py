"""The dialog that records a decision (step 7) or corrects one; refusals show beside their field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.decisions import list_decisions, plan_readiness, reasons_needed
from app.errors import InvalidInput
from app.i18n import _
from app.plan_snapshots import DecisionSnapshot
from app.plans import list_plans
from app.shortlist import shortlist
from app.vocabulary import DECISION_LEVELS, DECISION_OUTCOMES, label
from models.enums import DecisionLevel, DecisionOutcome
from ui.decision_commands import DecisionValues
from ui.dialogs import error_label, ok_cancel
from ui.hub import Hub

#: The earliest date a decision edit offers; showing it means "no date" (see ``date_edit``).
NO_DATE = QDate(1900, 1, 1)

Submit = Callable[[DecisionValues], InvalidInput | None]


def date_edit(day: date | None) -> QDateEdit:
    """A date field that can also be left without a date (shown as "No date", cleared with Delete)."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(_("No date"))
    edit.setDate(QDate(day) if day is not None else NO_DATE)
    return edit


def date_of(edit: QDateEdit) -> date | None:
    if edit.date() == NO_DATE:
        return None
    day: date = edit.date().toPython()  # type: ignore[assignment]
    return day


def text_box(placeholder: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def typed_text(box: QPlainTextEdit) -> str:
    """The box's text exactly as typed: toPlainText() would turn no-break spaces into spaces."""
    return box.document().toRawText().replace("\u2029", "\n")


def readiness_text(hub: Hub, idea_id: str | None) -> str:
    """The idea's plan as the decision meets it: ready, or what is still missing."""
    if idea_id is None:
        return ""
    state = plan_readiness(hub.db, idea_id)
    if not state.has_plan:
        return _("This idea has no development plan yet.")
    if state.ready:
        return _("✓ The development plan is ready for decision.")
    missing = "\n".join(f"• {problem}" for problem in state.missing)
    text = _("The development plan is not marked ready for decision yet.")
    return f"{text}\n{missing}" if missing else text


class DecisionDialog(QDialog):
    """Idea, outcome, level, who decided, date, reference, reasons and how lessons are captured.

    The outcome has no default: a decision says it. When the chosen idea and outcome go
    against the vote or the review's recommendation, the dialog says so before OK, and OK
    without reasons is refused with everything typed kept.
    """

    def __init__(
        self,
        hub: Hub,
        workshop_id: str,
        submit: Submit,
        *,
        decision: DecisionSnapshot | None = None,
        idea_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.hub, self.workshop_id, self.submit = hub, workshop_id, submit
        self.setWindowTitle(
            _("Correct decision § {number}").format(number=decision.number)
            if decision
            else _("Record a decision")
        )
        self.idea = QComboBox()
        self.idea.setAccessibleName(_("Idea"))
        self._fill_ideas(decision, idea_id)
        self.readiness = QLabel()
        self.readiness.setWordWrap(True)
        self.outcomes = QButtonGroup(self)
        outcome_row = QHBoxLayout()
        for code, name in DECISION_OUTCOMES.items():
            button = QRadioButton(_(name))
            button.setProperty("code", code)
            self.outcomes.addButton(button)
            outcome_row.addWidget(button)
        outcome_row.addStretch(1)
        self.level = QComboBox()
        for code in DECISION_LEVELS:
            self.level.addItem(label(DECISION_LEVELS, code), code)
        self.decided_by = QLineEdit()
        self.decided_by.setPlaceholderText(_("For example: the social welfare committee"))
        self.decided_on = date_edit(hub.today())
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(_("For example: KS 2026-03-12 § 45"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("background: #FFF4D6; color: #5C3D00; padding: 6px; border-radius: 4px;")
        self.hint.hide()
        self.reasons = text_box(_("Why this decision? Required when it goes against the vote or the review."))
        self.lessons = text_box(_("For example: a check-in with the committee after six months"), lines=2)
        self.errors = {field: error_label() for field in self.FIELDS}
        self.general = error_label()  # a refusal that belongs to no field here
        self._lay_out(outcome_row)
        if decision is not None:
            self._load(decision)
        else:  # a workshop's decisions are often taken at one level: start from the last one's
            earlier = list_decisions(hub.db, workshop_id)
            if earlier:
                self.level.setCurrentIndex(self.level.findData(earlier[-1].level))
        self.idea.currentIndexChanged.connect(self._idea_changed)
        self.outcomes.buttonToggled.connect(lambda _button, on: on and self._update_hint())
        self._idea_changed()
        # Tall enough for every field on a 1280x720 laptop; it scrolls when the hint and errors show.
        self.resize(680, 600)

    #: The service's field names, each with its error label beside its field.
    FIELDS = (
        "idea_id",
        "outcome",
        "level",
        "decided_by",
        "decided_on",
        "reference",
        "reasons",
        "lessons_capture",
    )

    def _fill_ideas(self, decision: DecisionSnapshot | None, preferred: str | None) -> None:
        if decision is not None:  # a decision keeps its idea: correct the record, not what it was about
            self.idea.addItem(decision.idea_title or _("No particular idea"), decision.idea_id)
            self.idea.setEnabled(False)
            return
        self.idea.addItem(_("No particular idea"), None)
        ready = {
            p.idea_id
            for p in list_plans(self.hub.db, self.workshop_id, today=self.hub.today())
            if p.ready_for_decision
        }
        items = shortlist(self.hub.db, self.workshop_id)
        for item in items:
            mark = (
                _("{title} (ready for decision)").format(title=item.title)
                if item.idea_id in ready
                else item.title
            )
            self.idea.addItem(mark, item.idea_id)
        ids = [item.idea_id for item in items]
        decided = {d.idea_id for d in list_decisions(self.hub.db, self.workshop_id)}
        waiting = [i for i in ids if i in ready and i not in decided]  # ready, and not decided yet
        if preferred in ids and (preferred in ready or not waiting):
            choice: str | None = preferred
        else:
            choice = waiting[0] if waiting else None
        self.idea.setCurrentIndex(self.idea.findData(choice) if choice is not None else 0)

    def _lay_out(self, outcome_row: QHBoxLayout) -> None:
        form = QFormLayout()
        rows: list[tuple[str, QWidget | QHBoxLayout, str]] = [
            (_("Idea"), self.idea, "idea_id"),
            ("", self.readiness, ""),
            (_("Outcome"), outcome_row, "outcome"),
            (_("Level"), self.level, "level"),
            (_("Decided by"), self.decided_by, "decided_by"),
            (_("Date"), self.decided_on, "decided_on"),
            (_("Reference"), self.reference, "reference"),
            ("", self.hint, ""),
            (_("Reasons"), self.reasons, "reasons"),
            (_("How lessons will be captured"), self.lessons, "lessons_capture"),
        ]
        for caption, field, name in rows:
            form.addRow(caption, field)
            if name:
                form.addRow("", self.errors[name])
        body = self.body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(form)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general)
        layout.addWidget(ok_cancel(self, _("Save decision")))
        self.reasons.setAccessibleName(_("Reasons"))
        self.lessons.setAccessibleName(_("How lessons will be captured"))

    def _load(self, decision: DecisionSnapshot) -> None:
        self.choose_outcome(decision.outcome)
        self.level.setCurrentIndex(self.level.findData(decision.level))
        self.decided_by.setText(decision.decided_by)
        self.decided_on.setDate(QDate(decision.decided_on) if decision.decided_on else NO_DATE)
        self.reference.setText(decision.reference)
        self.reasons.setPlainText(decision.reasons)
        self.lessons.setPlainText(decision.lessons_capture)

    def choose_outcome(self, outcome: DecisionOutcome | str) -> None:
        for button in self.outcomes.buttons():
            if button.property("code") == outcome:
                button.setChecked(True)

    def outcome(self) -> DecisionOutcome | None:
        button = self.outcomes.checkedButton()
        return None if button is None else DecisionOutcome(button.property("code"))

    def idea_id(self) -> str | None:
        data = self.idea.currentData()
        return None if data is None else str(data)

    def values(self) -> DecisionValues:
        return DecisionValues(
            idea_id=self.idea_id(),
            outcome=self.outcome(),
            level=DecisionLevel(self.level.currentData()),
            decided_on=date_of(self.decided_on),
            decided_by=self.decided_by.text(),
            reference=self.reference.text(),
            reasons=typed_text(self.reasons),
            lessons_capture=typed_text(self.lessons),
        )

    def _idea_changed(self) -> None:
        text = readiness_text(self.hub, self.idea_id())
        self.readiness.setText(text)
        self.readiness.setVisible(bool(text))
        self._update_hint()

    def _update_hint(self) -> None:
        outcome = self.outcome()
        why = (
            () if outcome is None else reasons_needed(self.hub.db, self.workshop_id, self.idea_id(), outcome)
        )
        self.hint.setText(" ".join((*why, _("Write the reasons for the decision."))))
        self.hint.setVisible(bool(why))

    def _field_widget(self, name: str) -> QWidget:
        widgets: dict[str, QWidget] = {
            "idea_id": self.idea,
            "level": self.level,
            "decided_by": self.decided_by,
            "decided_on": self.decided_on,
            "reference": self.reference,
            "reasons": self.reasons,
            "lessons_capture": self.lessons,
        }
        return widgets.get(name) or self.outcomes.buttons()[0]

    def accept(self) -> None:
        for error in (*self.errors.values(), self.general):
            error.hide()
        refusal = self.submit(self.values())
        if refusal is None:
            super().accept()
            return
        shown = self.errors.get(refusal.field, self.general)
        shown.setText(refusal.message)
        shown.show()
        self._field_widget(refusal.field).setFocus()
