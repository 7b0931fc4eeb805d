"""The workshop's details as the protocol's first page prints them: who, what, when, where, and its link.

Saved together as one undoable change; a refused value is shown under its field and the
dialog stays open with everything typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from typing import Any

from babel import Locale
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import InvalidInput
from app.i18n import LANGUAGES, _
from app.settings import Settings
from app.snapshots import WorkshopSnapshot
from app.text import TITLE_MAX, clean_line, clean_title
from app.workshops import get_workshop
from exports.links import EXAMPLE, LINK_MAX, follow_up_links
from ui.commands import push
from ui.dialogs import error_label, ok_cancel
from ui.hub import Hub
from ui.idea_commands import EditWorkshop

#: The one-line details in the order the dialog asks for them (the protocol's header order).
LINE_FIELDS = ("place", "organisation", "unit", "organiser", "facilitator", "case_number")


def language_name(code: str) -> str:
    """A language by its own name (svenska, norsk bokmål, English), as language choosers show them."""
    name = str(Locale.parse(code).get_display_name(code))
    return name[:1].upper() + name[1:]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def field_titles() -> dict[str, str]:
    return {
        "title": _("Title"),
        "held_on": _("Date"),
        "place": _("Place"),
        "organisation": _("Organisation"),
        "unit": _("Unit"),
        "organiser": _("Commissioner"),
        "facilitator": _("Facilitator"),
        "case_number": _("Case number"),
        "language": _("Language of the workshop"),
        "follow_up_url": _("Follow-up link"),
    }


def check_follow_up_link(workshop: WorkshopSnapshot, text: str) -> str:
    """The workshop's own follow-up link as it will be stored; refused if no QR code could hold it."""
    link = clean_line(text, "follow_up_url", LINK_MAX)
    if link:
        follow_up_links(replace(workshop, follow_up_url=link), None)
    return link


class WorkshopDetailsDialog(QDialog):
    """Title, date, place, organisation, unit, commissioner, facilitator, case number, language, link."""

    def __init__(self, hub: Hub, workshop: WorkshopSnapshot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.workshop = workshop
        self.setWindowTitle(_("Details of “{title}”").format(title=workshop.title))
        titles = field_titles()
        self.lines: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.addRow(titles["title"], self._line("title", workshop.title, TITLE_MAX))

        self.held_on = QDateEdit(_qdate(workshop.held_on) if workshop.held_on else QDate.currentDate())
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.held_on.setAccessibleName(titles["held_on"])
        self.no_date = QCheckBox(_("No date yet"))
        self.no_date.toggled.connect(lambda on: self.held_on.setEnabled(not on))
        self.no_date.setChecked(workshop.held_on is None)
        self.held_on.setEnabled(workshop.held_on is not None)
        date_row = QHBoxLayout()
        date_row.addWidget(self.held_on)
        date_row.addWidget(self.no_date)
        date_row.addStretch(1)
        form.addRow(titles["held_on"], date_row)

        for name in LINE_FIELDS:
            form.addRow(titles[name], self._line(name, getattr(workshop, name), TITLE_MAX))
        self.lines["case_number"].setPlaceholderText(_("For example: KS 2026/0142"))
        self.lines["organiser"].setPlaceholderText(_("Who asked for the workshop, e.g. a committee"))

        self.language = QComboBox()
        self.language.setAccessibleName(titles["language"])
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(workshop.language)))
        language_hint = QLabel(
            _("The protocol and the other exports are written in it unless another is chosen.")
        )
        form.addRow(titles["language"], self._with_hint(self.language, language_hint))

        self.link_hint = QLabel(self._link_hint())
        link_box = self._line("follow_up_url", workshop.follow_up_url, LINK_MAX, self.link_hint)
        self.lines["follow_up_url"].setPlaceholderText(EXAMPLE)
        form.addRow(titles["follow_up_url"], link_box)
        for hint in (language_hint, self.link_hint):
            hint.setWordWrap(True)
            hint.setStyleSheet("color: palette(placeholder-text);")

        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, _("Save")))
        self.lines["title"].setFocus()
        self.resize(640, 0)
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for every wrapped hint and refusal at the dialog's width."""
        layout = self.layout()
        assert layout is not None
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _line(self, name: str, value: str, limit: int, *hints: QLabel) -> QWidget:
        field = QLineEdit(value)
        # Room for a too-long value to be typed: it is refused with the reason, not cut off silently.
        field.setMaxLength(limit * 4)
        field.setAccessibleName(field_titles()[name])
        field.textEdited.connect(lambda _text, n=name: self.errors[n].hide())
        self.lines[name] = field
        self.errors[name] = error_label()
        return self._with_hint(field, self.errors[name], *hints)

    @staticmethod
    def _with_hint(field: QWidget, *below: QLabel) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        for label in below:
            column.addWidget(label)
        return box

    @staticmethod
    def _link_hint() -> str:
        hint = _(
            "Where the protocol's QR code leads. It may hold {workshop_id}, {plan_id} and {date}, "
            "which are filled in. Given here, it is used instead of the installation's link."
        )
        template = str(Settings().get("follow_up_url_template"))
        if template:
            installation = _("The installation's link: {link}").replace("{link}", template)
        else:
            installation = _("No link is set for the installation (Settings…).")
        return f"{hint}\n{installation}"

    def values(self) -> dict[str, Any]:
        """The details as typed, the date as chosen (None without one)."""
        held: date | None = None if self.no_date.isChecked() else self.held_on.date().toPython()  # type: ignore[assignment]
        typed: dict[str, Any] = {name: field.text() for name, field in self.lines.items()}
        return {**typed, "held_on": held, "language": self.language.currentData()}

    def _cleaned(self) -> dict[str, Any] | None:
        """Every value cleaned as the service will store it; None after showing the refusals."""
        checks: dict[str, Callable[[str], str]] = {
            "title": clean_title,
            **{name: partial(clean_line, field=name) for name in LINE_FIELDS},
            "follow_up_url": lambda text: check_follow_up_link(self.workshop, text),
        }
        typed = self.values()
        cleaned: dict[str, Any] = {"held_on": typed["held_on"], "language": typed["language"]}
        refused: list[str] = []
        for name, check in checks.items():
            try:
                cleaned[name] = check(typed[name])
                self.errors[name].hide()
            except InvalidInput as exc:
                self.errors[name].setText(exc.message)
                self.errors[name].show()
                refused.append(name)
        if refused:
            self.lines[refused[0]].setFocus()
            self._fit_height()
            return None
        return cleaned

    def accept(self) -> None:
        cleaned = self._cleaned()
        if cleaned is None:
            return
        after = {name: value for name, value in cleaned.items() if getattr(self.workshop, name) != value}
        if after:
            before = {name: getattr(self.workshop, name) for name in after}
            command = EditWorkshop(
                self.hub, self.workshop.id, _("Edit the workshop's details"), before, after
            )
            if not push(self.hub, command):
                self.error.setText(command.error or "")
                self.error.show()
                self._fit_height()
                return
        super().accept()


def edit_details(hub: Hub, workshop_id: str, parent: QWidget | None = None) -> bool:
    """Show the workshop's details to edit; True if they were saved (or left as they were)."""
    dialog = WorkshopDetailsDialog(hub, get_workshop(hub.db, workshop_id), parent)
    try:
        return bool(dialog.exec())
    finally:
        dialog.deleteLater()
