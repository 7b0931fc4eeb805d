"""The installation's settings: the protocol's follow-up link and logo, the language, the backups kept.

Nothing is stored until Save; a refused value is shown under its field and the dialog stays open.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import InvalidInput
from app.i18n import LANGUAGES, _
from app.settings import OPTIONS, Settings, check_logo, install_logo, logo_path, remove_logo
from app.snapshots import WorkshopSnapshot
from exports.links import EXAMPLE, LINK_MAX, follow_up_links
from ui.dialogs import error_label, ok_cancel
from ui.workshop_details import language_name

THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT = 240, 80
#: A workshop id as long as a real one, so that the length of the filled-in link is checked too.
_SAMPLE_ID = "00000000-0000-0000-0000-000000000000"


def check_link_template(text: str) -> str:
    """The link template as it will be stored; refused if the protocol could not make a QR code of it."""
    template = text.strip()
    if len(template) > LINK_MAX * 4:
        raise InvalidInput(
            _("The follow-up link is too long for a QR code: at most {n} characters.").format(n=LINK_MAX)
        )
    if template:
        sample = WorkshopSnapshot(
            id=_SAMPLE_ID,
            title="",
            challenge="",
            warmup_prompts=(),
            held_on=date.today(),
            place="",
            organisation="",
            unit="",
            organiser="",
            facilitator="",
            case_number="",
            template_key="",
            language=LANGUAGES[0],
            follow_up_url=template,
            follow_up_on=None,
            created_at=datetime.now(),
            deleted=False,
            phases=(),
        )
        follow_up_links(sample, None)
    return template


class LogoChoice(Enum):
    KEEP = "keep"
    REMOVE = "remove"


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class SettingsDialog(QDialog):
    """The settings of this installation of Mylla, saved together with Save."""

    def __init__(self, parent: QWidget | None = None, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Settings"))
        self.settings = settings or Settings()
        self.logo_choice: LogoChoice | Path = LogoChoice.KEEP

        self.link = QLineEdit(str(self.settings.get("follow_up_url_template")))
        self.link.setMaxLength(LINK_MAX * 4)
        self.link.setPlaceholderText(EXAMPLE)
        self.link.setAccessibleName(_("Follow-up link for the protocol's QR codes"))
        self.link_error = error_label()
        self.link.textEdited.connect(self.link_error.hide)

        self.logo = QLabel()
        self.logo.setFixedSize(THUMBNAIL_WIDTH + 12, THUMBNAIL_HEIGHT + 12)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo.setFrameShape(QFrame.Shape.StyledPanel)
        self.logo.setAccessibleName(_("The organisation's logo"))
        self.choose_button = QPushButton(_("Choose logo…"))
        self.choose_button.clicked.connect(self.choose_logo)
        self.remove_button = QPushButton(_("Remove logo"))
        self.remove_button.clicked.connect(self.drop_logo)
        self.logo_error = error_label()

        self.language = QComboBox()
        self.language.setAccessibleName(_("Language"))
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.get("language"))))
        self.backups = QSpinBox()
        choices = OPTIONS["backups_to_keep"].choices
        self.backups.setRange(min(choices), max(choices))
        self.backups.setValue(int(self.settings.get("backups_to_keep")))
        self.backups.setAccessibleName(_("Backups kept of the database"))

        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self._protocol_box())
        layout.addWidget(self._computer_box())
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(ok_cancel(self, _("Save")))
        self._show_logo()
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

    def _protocol_box(self) -> QGroupBox:
        box = QGroupBox(_("The protocol"))
        form = QFormLayout(box)
        link_column = QVBoxLayout()
        link_column.setSpacing(2)
        link_column.addWidget(self.link)
        link_column.addWidget(self.link_error)
        link_column.addWidget(
            hint(
                _(
                    "Where the QR codes on the protocol lead, for every workshop without a link of its own. "
                    "It may hold {workshop_id}, {plan_id} and {date}, which are filled in."
                )
            )
        )
        form.addRow(_("Follow-up link"), link_column)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo)
        logo_row.addLayout(buttons)
        logo_row.addStretch(1)
        logo_column = QVBoxLayout()
        logo_column.setSpacing(2)
        logo_column.addLayout(logo_row)
        logo_column.addWidget(self.logo_error)
        logo_column.addWidget(
            hint(
                _(
                    "A PNG or JPEG file, printed at the top left of the protocol's first page, at most 18 mm high."
                )
            )
        )
        form.addRow(_("Logo"), logo_column)
        return box

    def _computer_box(self) -> QGroupBox:
        box = QGroupBox(_("Mylla on this computer"))
        form = QFormLayout(box)
        language_column = QVBoxLayout()
        language_column.setSpacing(2)
        language_column.addWidget(self.language)
        language_column.addWidget(
            hint(_("Mylla shows its windows in the new language the next time it starts."))
        )
        form.addRow(_("Language"), language_column)
        backups_column = QVBoxLayout()
        backups_column.setSpacing(2)
        backups_column.addWidget(self.backups, 0, Qt.AlignmentFlag.AlignLeft)
        backups_column.addWidget(
            hint(
                _(
                    "Mylla copies the database to its backup folder each time it starts, "
                    "keeping this many of the newest copies."
                )
            )
        )
        form.addRow(_("Backups"), backups_column)
        return box

    # -- the logo ---------------------------------------------------------------------------

    def shown_logo(self) -> Path | None:
        """The logo the dialog shows: one just chosen, or the installation's unless removed."""
        if isinstance(self.logo_choice, Path):
            return self.logo_choice
        return logo_path(self.settings) if self.logo_choice is LogoChoice.KEEP else None

    def _show_logo(self) -> None:
        path = self.shown_logo()
        picture = QPixmap(str(path)) if path is not None else QPixmap()
        if picture.isNull():
            self.logo.setPixmap(QPixmap())
            self.logo.setText(_("No logo"))
        else:
            self.logo.setPixmap(
                picture.scaled(
                    THUMBNAIL_WIDTH,
                    THUMBNAIL_HEIGHT,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.remove_button.setEnabled(path is not None)

    def ask_for_logo(self) -> str:
        """The file the user picks in the system's file dialog; empty if they cancel."""
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose the organisation's logo"),
            str(Path.home()),
            _("PNG or JPEG pictures (*.png *.jpg *.jpeg)"),
        )
        return chosen

    def choose_logo(self) -> None:
        chosen = self.ask_for_logo()
        if chosen:
            self.use_logo(Path(chosen))

    def use_logo(self, path: Path) -> None:
        """Show ``path`` as the logo to be saved, or why it cannot be one."""
        try:
            check_logo(path)
        except InvalidInput as exc:
            self.logo_error.setText(exc.message)
            self.logo_error.show()
            self._fit_height()
            return
        self.logo_error.hide()
        self.logo_choice = path
        self._show_logo()

    def drop_logo(self) -> None:
        self.logo_error.hide()
        self.logo_choice = LogoChoice.REMOVE
        self._show_logo()

    # -- saving -----------------------------------------------------------------------------

    def accept(self) -> None:
        try:
            template = check_link_template(self.link.text())
        except InvalidInput as exc:
            self.link_error.setText(exc.message)
            self.link_error.show()
            self.link.setFocus()
            self._fit_height()
            return
        try:
            if isinstance(self.logo_choice, Path):
                install_logo(self.logo_choice, self.settings)
            elif self.logo_choice is LogoChoice.REMOVE:
                remove_logo(self.settings)
            self.settings.set("follow_up_url_template", template)
            self.settings.set("language", self.language.currentData())
            self.settings.set("backups_to_keep", self.backups.value())
        except InvalidInput as exc:
            self.logo_error.setText(exc.message)
            self.logo_error.show()
            return
        except OSError as exc:
            self.error.setText(
                _("The settings could not be saved: {reason}").format(reason=exc.strerror or exc)
            )
            self.error.show()
            return
        super().accept()


def open_settings(parent: QWidget | None = None) -> bool:
    """Show the installation's settings; True if they were saved."""
    dialog = SettingsDialog(parent)
    try:
        return bool(dialog.exec())
    finally:
        dialog.deleteLater()
