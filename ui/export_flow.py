"""Export… and Print protocol…: the dialog, the file, the work in a worker thread, and where it went."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.errors import KNOWN_ERRORS, describe
from app.i18n import _, ngettext
from app.settings import Settings
from app.snapshots import WorkshopSnapshot
from ui.export_dialog import ExportChoice, ExportDialog, ExportFormat, suggested_name
from ui.export_jobs import Progress, Work
from ui.export_progress import ProgressRunner, outcome_box
from ui.hub import Hub
from ui.pdf_preview import PdfPreviewDialog

TEMPLATE = "follow_up_url_template"


def _documents() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def export_work(hub: Hub, workshop_id: str, choice: ExportChoice, out: Path) -> Work:
    """What the worker thread runs: the format's writer, with progress where it reports any."""
    db, today = hub.db, hub.today()

    def work(progress: Progress) -> list[Path]:
        code, link = choice.format.code, choice.link
        if code == "pdf":
            from exports.protocol import write_protocol

            return write_protocol(
                db,
                workshop_id,
                out,
                lang=choice.lang,
                follow_up_url=link or None,
                today=today,
                progress=progress,
            )
        if code == "md":
            from exports.markdown import write_markdown

            return write_markdown(
                db,
                workshop_id,
                out,
                lang=choice.lang,
                follow_up_url=link or None,
                today=today,
                progress=progress,
            )
        from exports.formats import export_workshop

        return export_workshop(db, workshop_id, code, out, lang=choice.lang, follow_up_url=link)

    return work


class ExportFlow(QObject):
    """The window's export and print commands for one workshop at a time.

    Signals:
        exported(list): the files an export wrote, as paths (str), once the user is told.
        previewShown(object): the ``PdfPreviewDialog`` of a protocol about to be printed.
    """

    exported = Signal(list)
    previewShown = Signal(object)

    def __init__(self, hub: Hub, runner: ProgressRunner, settings: Settings | None = None) -> None:
        super().__init__(runner)
        self.hub = hub
        self.runner = runner
        self.window = runner.window
        self._settings = settings
        self.folder = _documents()
        self.preview: PdfPreviewDialog | None = None

    @property
    def settings(self) -> Settings:
        """Read afresh each time: the settings dialog may have changed the template meanwhile."""
        return self._settings or Settings()

    def _workshop(self, workshop_id: str) -> WorkshopSnapshot | None:
        from app.workshops import get_workshop

        try:
            return get_workshop(self.hub.db, workshop_id)
        except KNOWN_ERRORS as exc:
            self.runner.messages.error(describe(exc))
            return None

    def _ask(self, workshop: WorkshopSnapshot, *, for_print: bool) -> ExportChoice | None:
        dialog = ExportDialog(workshop, self.settings.get(TEMPLATE), for_print=for_print, parent=self.window)
        if not dialog.exec():
            return None
        choice = dialog.choice()
        if choice.remember:
            try:
                self.settings.set(TEMPLATE, choice.link)
            except OSError as exc:
                self.runner.messages.error(describe(exc))
        return choice

    def _ask_path(self, workshop: WorkshopSnapshot, export_format: ExportFormat) -> Path | None:
        kind = _(export_format.kind)
        name, _filter = QFileDialog.getSaveFileName(
            self.window,
            _("Export to"),
            str(self.folder / suggested_name(workshop, export_format.code)),
            f"{kind} (*.{export_format.suffix})",
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != f".{export_format.suffix}":
            path = path.with_name(f"{path.name}.{export_format.suffix}")
        self.folder = path.parent
        return path

    # -- Export… --------------------------------------------------------------------------------

    def export(self, workshop_id: str) -> None:
        """Ask for the format, language, link and file; then write it without holding up the window."""
        if self.runner.busy():
            return
        workshop = self._workshop(workshop_id)
        if workshop is None:
            return
        choice = self._ask(workshop, for_print=False)
        if choice is None:
            return
        out = self._ask_path(workshop, choice.format)
        if out is None:
            return
        self.runner.run(
            "export",
            _("Exporting “{title}”…").format(title=workshop.title),
            export_work(self.hub, workshop.id, choice, out),
            self._exported,
            reports_progress=choice.format.reports_progress,
            failure_title=_("The export failed"),
            cancelled_text=_("The export was cancelled; no file was written."),
        )

    def _exported(self, result: object) -> None:
        paths = [Path(p) for p in result] if isinstance(result, Sequence) else []
        folder = paths[0].parent if paths else self.folder
        text = ngettext(
            "The file is saved in {folder}:", "The files are saved in {folder}:", len(paths)
        ).format(folder=folder)
        box = outcome_box(
            self.window,
            QMessageBox.Icon.Information,
            _("Export finished"),
            "\n".join([text, *(p.name for p in paths)]),
        )
        open_folder = box.addButton(_("Open folder"), QMessageBox.ButtonRole.ActionRole)
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        box.addButton(_("Close"), QMessageBox.ButtonRole.AcceptRole)
        self.runner.show_outcome(box)
        self.exported.emit([str(p) for p in paths])

    # -- Print protocol… -------------------------------------------------------------------------

    def print_protocol(self, workshop_id: str) -> None:
        """Write the protocol into a temporary file, then show it to be printed or saved."""
        if self.runner.busy():
            return
        workshop = self._workshop(workshop_id)
        if workshop is None:
            return
        choice = self._ask(workshop, for_print=True)
        if choice is None:
            return
        folder = tempfile.TemporaryDirectory(prefix="mylla-print-")
        name = suggested_name(workshop, "pdf")
        out = Path(folder.name) / name
        job = self.runner.run(
            "print-protocol",
            _("Preparing the protocol of “{title}”…").format(title=workshop.title),
            export_work(self.hub, workshop.id, choice, out),
            lambda _paths: self._show_preview(out, workshop, name, folder),
            reports_progress=True,
            failure_title=_("The protocol could not be made"),
            cancelled_text=_("Printing was cancelled."),
        )
        job.failed.connect(lambda _reason: folder.cleanup())
        job.cancelled.connect(lambda: folder.cleanup())

    def _show_preview(
        self, out: Path, workshop: WorkshopSnapshot, name: str, folder: tempfile.TemporaryDirectory[str]
    ) -> None:
        if self.preview is not None:
            self.preview.close()
        try:
            preview = PdfPreviewDialog(out, workshop.title, name, self.window, cleanup=folder.cleanup)
        except KNOWN_ERRORS as exc:
            folder.cleanup()
            self.runner.show_outcome(
                outcome_box(
                    self.window, QMessageBox.Icon.Warning, _("The protocol could not be made"), describe(exc)
                )
            )
            return
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.save_folder = self.folder
        preview.destroyed.connect(self._preview_closed)
        self.preview = preview
        preview.show()
        self.previewShown.emit(preview)

    def _preview_closed(self) -> None:
        self.preview = None

    def shutdown(self) -> None:
        """The window closes: the preview with it; a running export stops at its next report."""
        if self.preview is not None:
            self.preview.close()
        self.runner.shutdown()
