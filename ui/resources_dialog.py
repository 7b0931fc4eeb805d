"""The dialog that gives resources on a GO decision (step 8) or corrects them: money, hours or other support."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import InvalidInput
from app.i18n import _, current_language
from app.plan_snapshots import AllocationSnapshot
from app.vocabulary import RESOURCE_KINDS
from models.enums import ResourceKind
from ui.decision_commands import ResourceValues
from ui.decision_dialog import date_edit, date_of, text_box, typed_text
from ui.dialogs import error_label, ok_cancel

Submit = Callable[[ResourceValues], InvalidInput | None]


def typed_amount(given: AllocationSnapshot | None) -> str:
    """A stored amount as the user's language writes it, without thousands separators."""
    if given is None or given.amount is None:
        return ""
    text = (
        f"{given.amount.normalize():f}" if given.amount == given.amount.to_integral() else f"{given.amount:f}"
    )
    return text if current_language() == "en" else text.replace(".", ",")


class ResourceDialog(QDialog):
    """Kind, amount (and currency for money), what is given, the responsible leader and the date."""

    #: The service's field names, each with its error label beside its field.
    FIELDS = ("kind", "amount", "currency", "description", "allocated_by", "allocated_on")

    def __init__(
        self,
        title: str,
        submit: Submit,
        *,
        given: AllocationSnapshot | None = None,
        today: date | None = None,
        leader: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.submit = submit
        self.kinds = QButtonGroup(self)
        kind_row = QHBoxLayout()
        for code, name in RESOURCE_KINDS.items():
            button = QRadioButton(_(name))
            button.setProperty("code", code)
            self.kinds.addButton(button)
            kind_row.addWidget(button)
        kind_row.addStretch(1)
        self.amount = QLineEdit(typed_amount(given))
        self.amount.setAccessibleName(_("Amount"))
        self.currency = QLineEdit(given.currency if given and given.currency else "SEK")
        self.currency.setMaxLength(3)
        self.currency.setFixedWidth(self.currency.fontMetrics().horizontalAdvance("MMMM") + 16)
        self.currency.setAccessibleName(_("Currency"))
        self.unit = QLabel(_("hours"))
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount, 1)
        amount_row.addWidget(self.currency)
        amount_row.addWidget(self.unit)
        self.description = text_box(_("What is given, and for what: for example pilot funding for one year"))
        self.description.setAccessibleName(_("What is given"))
        self.description.setPlainText(given.description if given else "")
        self.allocated_by = QLineEdit(given.allocated_by if given else leader)
        self.allocated_by.setPlaceholderText(_("The leader who gives it, for example the head of department"))
        self.allocated_on = date_edit(given.allocated_on if given else today)
        self.errors = {field: error_label() for field in self.FIELDS}
        self.general = error_label()
        form = QFormLayout()
        self.amount_caption = QLabel(_("Amount"))
        rows: list[tuple[QLabel | str, QWidget | QHBoxLayout, str]] = [
            (_("Kind"), kind_row, "kind"),
            (self.amount_caption, amount_row, "amount"),
            (_("What is given"), self.description, "description"),
            (_("Responsible leader"), self.allocated_by, "allocated_by"),
            (_("Date"), self.allocated_on, "allocated_on"),
        ]
        for caption, field, name in rows:
            form.addRow(caption, field)
            form.addRow("", self.errors[name])
            if name == "amount":
                form.addRow("", self.errors["currency"])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(ok_cancel(self, _("Save")))
        self.kinds.buttonToggled.connect(lambda _button, on: on and self._kind_changed())
        self.choose_kind(given.kind if given else ResourceKind.MONEY)
        self.amount.setFocus()
        self.resize(560, 0)

    def choose_kind(self, kind: ResourceKind | str) -> None:
        for button in self.kinds.buttons():
            if button.property("code") == kind:
                button.setChecked(True)
        self._kind_changed()

    def kind(self) -> ResourceKind:
        button = self.kinds.checkedButton()
        return ResourceKind(button.property("code")) if button else ResourceKind.MONEY

    def _kind_changed(self) -> None:
        kind = self.kind()
        self.currency.setVisible(kind is ResourceKind.MONEY)
        self.unit.setVisible(kind is ResourceKind.HOURS)
        self.amount_caption.setText(_("Hours") if kind is ResourceKind.HOURS else _("Amount"))
        self.amount.setPlaceholderText(
            _("Optional: a value, if the support has one")
            if kind is ResourceKind.SUPPORT
            else _("For example 150 000")
        )

    def values(self) -> ResourceValues:
        kind = self.kind()
        return ResourceValues(
            kind=kind,
            amount=self.amount.text(),
            currency=self.currency.text() if kind is ResourceKind.MONEY else "",
            description=typed_text(self.description),
            allocated_by=self.allocated_by.text(),
            allocated_on=date_of(self.allocated_on),
        )

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
        focus = {"amount": self.amount, "currency": self.currency, "description": self.description}
        widget = focus.get(refusal.field, self.allocated_by if refusal.field == "allocated_by" else None)
        if widget is not None:
            widget.setFocus()
