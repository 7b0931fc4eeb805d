"""Long work off the GUI thread (an export, an import): progress, cancelling, the outcome as signals."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.errors import KNOWN_ERRORS, describe
from app.i18n import _

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
#: The work: told how to report progress, returns what ``finished`` carries.
Work = Callable[[Progress], object]


class Cancelled(Exception):
    """Raised inside the work at its next progress report once the user has cancelled."""


class Job(QObject):
    """Runs ``work`` in a thread of its own; every signal arrives on the GUI thread.

    The writers put a file in place only when it is whole, so a cancelled or failed job
    leaves no half file behind.

    Signals:
        progressed(int, int): done out of total, as the work reports it.
        finished(object): the work's result.
        failed(str): why the work failed, as a sentence for the user.
        cancelled(): the work stopped because ``cancel`` was asked for.
        ended(): after any of the three above; the thread is about to end.
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()

    def __init__(self, name: str, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._work = work
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Stop at the work's next progress report (work that reports none runs to its end)."""
        self._cancel.set()

    def is_running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, timeout: float = 60) -> None:
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.progressed.emit(done, total)

    def _run(self) -> None:
        try:
            result = self._work(self._progress)
        except Cancelled:
            self.cancelled.emit()
        except KNOWN_ERRORS as exc:
            log.warning("%s failed: %s", self.name, exc)
            self.failed.emit(describe(exc))
        except Exception as exc:
            self.failed.emit(_("Something went wrong: {reason}").format(reason=exc))
            raise  # to the crash handler, which logs and shows the details
        else:
            self.finished.emit(result)  # written whole, even if cancel came after the last report
        finally:
            self.ended.emit()
