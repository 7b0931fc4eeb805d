"""The export dialog: which format, in which language, and the follow-up link of the protocol's QR codes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import InvalidInput
from app.i18n import LANGUAGES, N_, _
from app.snapshots import WorkshopSnapshot
from exports.links import EXAMPLE, follow_up_links
from ui.dialogs import error_label, ok_cancel


@dataclass(frozen=True)
class ExportFormat:
    code: str
    label: str  # translated where shown
    suffix: str
    #: The file dialog's filter, "{name} (*.suffix)" with the name translated where shown.
    kind: str
    #: It prints the follow-up link (as QR codes in the PDF, as a line in the summary).
    needs_link: bool
    #: Its writer reports progress (and can therefore be cancelled at each report).
    reports_progress: bool


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("pdf", N_("Protocol (PDF)"), "pdf", N_("PDF document"), True, True),
    ExportFormat("csv", N_("Spreadsheet (CSV)"), "csv", N_("CSV spreadsheet"), False, False),
    ExportFormat("md", N_("Markdown summary"), "md", N_("Markdown text"), True, True),
    ExportFormat("json", N_("Workshop package (JSON)"), "json", N_("Mylla workshop package"), False, False),
    ExportFormat("ics", N_("Calendar (.ics)"), "ics", N_("Calendar file"), False, False),
)
BY_CODE = {f.code: f for f in FORMATS}
#: Each language by its own name, as people look for it in a list.
LANGUAGE_NAMES = {"sv": "Svenska", "nb": "Norsk bokmål", "en": "English"}

_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def suggested_name(workshop: WorkshopSnapshot, format_code: str) -> str:
    """A file name that says what the file is, such as "Protokoll Idéverkstad 2026-07-21.pdf"."""
    title = _NOT_IN_NAMES.sub(" ", workshop.title.replace(": ", " – "))
    title = " ".join(title.split())[:80].strip(" .")
    day = (workshop.held_on or workshop.created_at.date()).isoformat()
    names = {
        "pdf": _("Protocol {title} {date}"),
        "md": _("Summary {title} {date}"),
        "ics": _("Follow-up {title} {date}"),
    }
    name = names.get(format_code, "{title} {date}").format(title=title, date=day)
    return f"{name}.{BY_CODE[format_code].suffix}"


@dataclass(frozen=True)
class ExportChoice:
    format: ExportFormat
    lang: str
    #: The link template given in the dialog ("" when the workshop's own link is used or none is needed).
    link: str
    #: Keep ``link`` as this computer's template for workshops without a link of their own.
    remember: bool


class ExportDialog(QDialog):
    """Choose the format, the language and the follow-up link; refuses a missing or broken link inline.

    ``for_print`` asks only what the protocol to be previewed and printed needs.
    """

    def __init__(
        self,
        workshop: WorkshopSnapshot,
        template: str,
        *,
        for_print: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workshop = workshop
        self.setWindowTitle(
            _("Print the protocol") if for_print else _("Export “{title}”").format(title=workshop.title)
        )
        self.format = QComboBox()
        for export_format in FORMATS:
            self.format.addItem(_(export_format.label), export_format.code)
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(workshop.language)))

        own = workshop.follow_up_url.strip()
        self.link = QLineEdit(own or template)
        self.link.setPlaceholderText(EXAMPLE)
        self.link.setReadOnly(bool(own))
        self.link.setMinimumWidth(460)
        self.link_hint = QLabel(
            _("This workshop's own follow-up link; the QR codes lead there.")
            if own
            else _(
                "The protocol's QR codes lead to this web address. It may hold {workshop_id}, {plan_id} "
                "and {date}: they are filled in for each workshop and plan."
            )
        )
        self.link_hint.setWordWrap(True)
        self.link_hint.setStyleSheet("color: palette(placeholder-text);")
        self.remember = QCheckBox(_("Remember as this computer's link template"))
        self.error = error_label()
        self.link.textEdited.connect(self.error.hide)

        form = QFormLayout()
        form.addRow(_("Format"), self.format)
        form.addRow(_("Language"), self.language)
        form.addRow(_("Follow-up link"), self.link)
        form.addRow("", self.link_hint)
        form.addRow("", self.remember)
        self.form = form
        if for_print:
            self.format.setCurrentIndex(self.format.findData("pdf"))
            form.setRowVisible(self.format, False)
        buttons = ok_cancel(self, _("Preview…") if for_print else _("Export…"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._show_link_rows)
        self._show_link_rows()

    def chosen_format(self) -> ExportFormat:
        return BY_CODE[str(self.format.currentData())]

    def _show_link_rows(self) -> None:
        needs_link = self.chosen_format().needs_link
        for widget in (self.link, self.link_hint):
            self.form.setRowVisible(widget, needs_link)
        self.form.setRowVisible(self.remember, needs_link and not self.link.isReadOnly())
        self.error.hide()

    def choice(self) -> ExportChoice:
        export_format = self.chosen_format()
        own = bool(self.workshop.follow_up_url.strip())
        link = "" if own or not export_format.needs_link else self.link.text().strip()
        remember = bool(link) and self.remember.isChecked()
        return ExportChoice(export_format, str(self.language.currentData()), link, remember)

    def accept(self) -> None:
        """Closes only with a link the QR codes can lead to, when the format prints one."""
        if self.chosen_format().needs_link:
            problem = self._link_problem()
            if problem:
                self.error.setText(problem)
                self.error.show()
                self.link.setFocus()
                return
        super().accept()

    def _link_problem(self) -> str:
        if not self.link.text().strip():
            return _(
                "The protocol's QR code needs a follow-up link: give a web address, or a template such as {example}."
            ).format(example=EXAMPLE)
        try:
            follow_up_links(self.workshop, self.link.text())
        except InvalidInput as exc:
            return exc.message
        return ""
