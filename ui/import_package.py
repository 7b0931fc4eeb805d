"""Import package…: a workshop package read, checked and written in a worker thread, then opened."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from app.i18n import _
from ui.export_jobs import Progress, Work
from ui.export_progress import ProgressRunner
from ui.hub import Hub


def import_work(hub: Hub, path: Path) -> Work:
    """What the worker thread runs: the whole import, in one transaction, refused whole if wrong."""
    db = hub.db

    def work(_progress: Progress) -> object:
        from exports.package_import import import_package

        return import_package(db, path)

    return work


class ImportFlow(QObject):
    """The window's Import package… command.

    An import is not undone with Ctrl+Z (a package can replace a whole workshop); when it
    replaces one, the steps that could be undone in it are forgotten.

    Signals:
        imported(str): the id of the workshop now in the database, to be opened.
    """

    imported = Signal(str)

    def __init__(self, hub: Hub, runner: ProgressRunner) -> None:
        super().__init__(runner)
        self.hub = hub
        self.runner = runner
        self.folder = Path.home()

    def import_package(self) -> None:
        """Ask for a package file and import it without holding up the window."""
        if self.runner.busy():
            return
        name, _filter = QFileDialog.getOpenFileName(
            self.runner.window,
            _("Import a workshop package"),
            str(self.folder),
            _("Mylla workshop package") + " (*.json);;" + _("All files") + " (*)",
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        self.folder = path.parent
        self.runner.run(
            "import",
            _("Importing {name}…").format(name=path.name),
            import_work(self.hub, path),
            self._imported,
            reports_progress=False,
            failure_title=_("The package was not imported"),
        )

    def _imported(self, result: object) -> None:
        from exports.package_import import ImportResult

        assert isinstance(result, ImportResult)
        if result.updated:
            self.hub.undo_stack.clear()  # its commands were about the workshop as it was
            self.hub.workshopChanged.emit(result.workshop_id)
            text = _("“{title}” was already here and has been updated from the package.")
        else:
            text = _("“{title}” was imported.")
        self.hub.workshopsChanged.emit()
        self.hub.saved.emit(datetime.now().astimezone())
        self.runner.messages.info(text.format(title=result.title))
        self.imported.emit(result.workshop_id)
