"""One long job at a time with its progress dialog, and the boxes that tell how it ended."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.i18n import _
from ui.export_jobs import Job, Work
from ui.message_bar import MessageBar

#: Shown only when the work takes longer than this: a quick export does not flash a dialog.
SHOW_AFTER_MS = 300


def outcome_box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A message box shown without blocking (``open``), deleted when closed."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


class ProgressRunner(QObject):
    """Runs a job in a worker thread while a progress dialog, modal to the window, shows how far it is.

    The window keeps painting and can be moved; what the job needs from the database it reads
    through its own connection (the database hands one to each thread).

    Signals:
        jobStarted(object): a ``Job`` is about to start; connect to its signals here.
        jobEnded(): the job finished, failed or was cancelled, and its outcome is shown.
    """

    jobStarted = Signal(object)
    jobEnded = Signal()

    def __init__(self, window: QWidget, messages: MessageBar) -> None:
        super().__init__(window)
        self.window = window
        self.messages = messages
        self.job: Job | None = None
        self.dialog: QProgressDialog | None = None
        #: The last box telling how a job ended (a refusal, or where the file went).
        self.outcome: QMessageBox | None = None

    def busy(self) -> bool:
        if self.job is not None and self.dialog is not None:
            self.dialog.show()
            self.dialog.raise_()
        return self.job is not None

    def run(
        self,
        name: str,
        label: str,
        work: Work,
        done: Callable[[object], None],
        *,
        reports_progress: bool,
        failure_title: str,
        cancelled_text: str = "",
    ) -> Job:
        """Start ``work``; ``done(result)`` on success, a box with the sentence on failure."""
        assert self.job is None, "one job at a time"
        dialog = QProgressDialog(label, _("Cancel") if reports_progress else "", 0, 100, self.window)
        dialog.setWindowTitle(label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not reports_progress:
            dialog.setCancelButton(None)  # no button: the work cannot stop halfway
            dialog.setRange(0, 0)  # busy: the work cannot say how far it is
        dialog.setValue(0)
        job = Job(name, work, self)
        job.progressed.connect(self._show_progress)
        job.finished.connect(done)
        job.failed.connect(lambda sentence: self._show_failure(failure_title, sentence))
        job.cancelled.connect(lambda: self.messages.info(cancelled_text))
        job.ended.connect(self._ended)
        dialog.canceled.connect(job.cancel)
        dialog.canceled.connect(lambda: dialog.setLabelText(_("Stopping…")))
        self.job, self.dialog = job, dialog
        self.jobStarted.emit(job)
        job.start()
        return job

    def _show_progress(self, done: int, total: int) -> None:
        if self.dialog is not None and total > 0 and not self.dialog.wasCanceled():
            self.dialog.setValue(min(100, done * 100 // total))

    def _show_failure(self, title: str, sentence: str) -> None:
        self.show_outcome(outcome_box(self.window, QMessageBox.Icon.Warning, title, sentence))

    def show_outcome(self, box: QMessageBox) -> None:
        if not box.buttons():
            box.addButton(_("Close"), QMessageBox.ButtonRole.AcceptRole)
        self.outcome = box
        box.open()

    def _ended(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
        if self.job is not None:
            self.job.wait()
            self.job.deleteLater()
        self.job, self.dialog = None, None
        self.jobEnded.emit()

    def shutdown(self) -> None:
        """The window closes: stop the job at its next report and wait, so the database can close."""
        if self.job is not None:
            self.job.cancel()
            self.job.wait()
