"""Dialogs: a new workshop, renaming one, naming a theme; each refuses bad input inline."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import clusters as cluster_service
from app.errors import InvalidInput
from app.i18n import _
from app.templates import TemplateCatalogue, localised
from app.text import clean_line, clean_title


def error_label() -> QLabel:
    """A refusal in dark red, hidden until there is one."""
    label = QLabel()
    label.setObjectName("inputError")
    label.setStyleSheet("color: #A3140C; font-weight: 600;")
    label.setWordWrap(True)
    label.hide()
    return label


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK (named for what it does) and Cancel, wired to the dialog."""
    ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
    buttons = QDialogButtonBox(ok | cancel)
    buttons.button(ok).setText(ok_text)
    buttons.button(cancel).setText(_("Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class NewWorkshopDialog(QDialog):
    """Pick a template, give a title, a date and a place."""

    def __init__(self, catalogue: TemplateCatalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New workshop"))
        self.catalogue = catalogue
        self.templates = QListWidget()
        default = catalogue.default()
        for template in sorted(
            catalogue.templates.values(), key=lambda t: (not t.default, localised(t.name))
        ):
            item = QListWidgetItem(localised(template.name))
            item.setData(Qt.ItemDataRole.UserRole, template.key)
            item.setToolTip(localised(template.description))
            self.templates.addItem(item)
            if template.key == default.key:
                self.templates.setCurrentItem(item)
        rows = max(4, min(8, self.templates.count()))
        self.templates.setFixedHeight((self.templates.fontMetrics().lineSpacing() + 6) * rows + 8)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.templates.currentItemChanged.connect(self._show_description)
        self._show_description()
        self.title = QLineEdit()
        self.title.setPlaceholderText(_("For example: Idea workshop on safer school routes"))
        self.held_on = QDateEdit(QDate.currentDate())
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.place = QLineEdit()
        self.error = error_label()
        problems = QLabel(
            "\n".join(
                _("Template {file} could not be read ({field}): {reason}").format(
                    file=p.path.name, field=p.field, reason=p.reason
                )
                for p in catalogue.problems
            )
        )
        problems.setWordWrap(True)
        problems.setVisible(bool(catalogue.problems))
        form = QFormLayout()
        form.addRow(_("Template"), self.templates)
        form.addRow("", self.description)
        form.addRow(_("Title"), self.title)
        form.addRow(_("Date"), self.held_on)
        form.addRow(_("Place"), self.place)
        buttons = ok_cancel(self, _("Create"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(problems)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.title.setFocus()
        self.resize(560, 0)

    def _show_description(self) -> None:
        item = self.templates.currentItem()
        if item is not None:
            template = self.catalogue.templates[item.data(Qt.ItemDataRole.UserRole)]
            self.description.setText(localised(template.description))

    def values(self) -> dict[str, Any]:
        item = self.templates.currentItem()
        held: date = self.held_on.date().toPython()  # type: ignore[assignment]
        return {
            "title": self.title.text(),
            "template_key": item.data(Qt.ItemDataRole.UserRole) if item else None,
            "held_on": held,
            "place": self.place.text(),
        }

    def accept(self) -> None:
        checks = (
            (self.title, lambda text: clean_title(text)),
            (self.place, lambda text: clean_line(text, "place")),
        )
        for field, check in checks:
            try:
                check(field.text())
            except InvalidInput as exc:
                self.error.setText(exc.message)
                self.error.show()
                field.setFocus()
                return
        super().accept()


class RenameDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Rename workshop"))
        self.title = QLineEdit(title)
        self.title.selectAll()
        self.error = error_label()
        buttons = ok_cancel(self, _("Rename"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("New title")))
        layout.addWidget(self.title)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, 0)

    def accept(self) -> None:
        try:
            clean_title(self.title.text())
        except InvalidInput as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        super().accept()


class ClusterNameDialog(QDialog):
    """The name of a new theme, or a theme's new name; an empty name is refused here."""

    def __init__(self, title: str, ok_text: str, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.name = QLineEdit(name)
        self.name.selectAll()
        self.name.setAccessibleName(_("Name of the theme"))
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Name of the theme")))
        layout.addWidget(self.name)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, ok_text))
        self.resize(420, 0)

    def accept(self) -> None:
        try:
            cluster_service.clean_cluster_name(self.name.text())
        except InvalidInput as exc:
            self.error.setText(exc.message)
            self.error.show()
            self.name.setFocus()
            return
        super().accept()
