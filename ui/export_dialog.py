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
    QLayout,
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
    #: What the file holds and what it is for (translated where shown).
    about: str


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat(
        "pdf", N_("Protocol (PDF)"), "pdf", N_("PDF document"), True, True,
        N_("The session protocol, to print, file and hand to decision makers."),
    ),
    ExportFormat(
        "csv", N_("Spreadsheet (CSV)"), "csv", N_("CSV spreadsheet"), False, False,
        N_(
            "Two files for Excel: the ideas with cluster, votes per round and status; "
            "the actions with owner, due date and status."
        ),
    ),
    ExportFormat(
        "md", N_("Markdown summary"), "md", N_("Markdown text"), True, True,
        N_("The protocol's content as plain text, for an e-mail or an intranet page."),
    ),
    ExportFormat(
        "json", N_("Workshop package (JSON)"), "json", N_("Mylla workshop package"), False, False,
        N_("The whole workshop, pictures included, to move to another computer or to archive."),
    ),
    ExportFormat(
        "ics", N_("Calendar (.ics)"), "ics", N_("Calendar file"), False, False,
        N_("The follow-up date and each action's due date, for a calendar."),
    ),
)  # fmt: skip
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
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setMinimumWidth(460)  # as wide as the link: the dialog keeps its width
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

        link_box = QWidget()
        link_column = QVBoxLayout(link_box)
        link_column.setContentsMargins(0, 0, 0, 0)
        link_column.setSpacing(4)
        for widget in (self.link, self.link_hint, self.remember):
            link_column.addWidget(widget)
        self.remember.setVisible(not own)
        form = QFormLayout()
        form.addRow(_("Format"), self.format)
        form.addRow("", self.about)
        form.addRow(_("Language"), self.language)
        form.addRow(_("Follow-up link"), link_box)
        self.form, self.link_box = form, link_box
        if for_print:
            self.format.setCurrentIndex(self.format.findData("pdf"))
            form.setRowVisible(self.format, False)
            form.setRowVisible(self.about, False)
        buttons = ok_cancel(self, _("Preview…") if for_print else _("Export…"))
        layout = QVBoxLayout(self)
        # The dialog grows with a refusal shown, rather than squeezing the wrapped lines together.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._show_link_rows)
        self._show_link_rows()

    def chosen_format(self) -> ExportFormat:
        return BY_CODE[str(self.format.currentData())]

    def _show_link_rows(self) -> None:
        self.about.setText(_(self.chosen_format().about))
        self.form.setRowVisible(self.link_box, self.chosen_format().needs_link)
        self.error.hide()
        self.adjustSize()

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
                self.adjustSize()
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
