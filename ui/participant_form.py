"""Adding participants on the fly: one by name, or several alike ("5 citizens") in one step."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.i18n import _
from app.participants import BULK_MAX
from app.vocabulary import ORIGINS, ROLES, label
from models.enums import ActorCategory, Origin


class ParticipantForm(QWidget):
    """A compact form; ``addRequested`` carries the count and the details for the service.

    Signals:
        addRequested(int, dict): how many participants, and their role, name, organisation,
            origin and consent to be named.
    """

    addRequested = Signal(int, dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = QSpinBox()
        self.count.setRange(1, BULK_MAX)
        self.role = QComboBox()
        for code in ROLES:
            self.role.addItem(label(ROLES, code), code)
        self.role.setCurrentIndex(self.role.findData(ActorCategory.CITIZEN))
        self.name = QLineEdit()
        self.name.setPlaceholderText(_("Name (optional)"))
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText(_("Organisation (optional)"))
        self.origin = QComboBox()
        for code in ORIGINS:
            self.origin.addItem(label(ORIGINS, code), code)
        self.origin.setCurrentIndex(self.origin.findData(Origin.EXTERNAL))
        self.consent = QCheckBox(_("May be named in the protocol"))
        self.add_button = QPushButton(_("Add"))
        self.add_button.clicked.connect(self._add)
        self.count.valueChanged.connect(self._count_changed)
        self.role.currentIndexChanged.connect(self._role_changed)

        first = QHBoxLayout()
        first.addWidget(self.count)
        first.addWidget(self.role, 1)
        first.addWidget(self.origin)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(_("How many"), first)
        form.addRow(_("Name"), self.name)
        form.addRow(_("Organisation"), self.organisation)
        form.addRow("", self.consent)
        form.addRow("", self.add_button)

    def _count_changed(self, count: int) -> None:
        # A name belongs to one person: "5 citizens" are never named.
        self.name.setEnabled(count == 1)
        self.consent.setEnabled(count == 1)

    def _role_changed(self) -> None:
        internal = self.role.currentData() in (
            ActorCategory.EMPLOYEE,
            ActorCategory.LEADER,
            ActorCategory.POLITICIAN,
        )
        self.origin.setCurrentIndex(self.origin.findData(Origin.INTERNAL if internal else Origin.EXTERNAL))

    def _add(self) -> None:
        single = self.count.value() == 1
        details = {
            "role": self.role.currentData(),
            "display_name": self.name.text() if single else "",
            "organisation": self.organisation.text(),
            "origin": self.origin.currentData(),
            "consent_to_be_named": single and self.consent.isChecked(),
        }
        self.addRequested.emit(self.count.value(), details)

    def clear(self) -> None:
        self.count.setValue(1)
        self.name.clear()
        self.consent.setChecked(False)
