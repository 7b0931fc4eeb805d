"""The desktop session's shared objects: the database, the undo stack and change signals."""

from __future__ import annotations

from datetime import datetime

from models.database import Database
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack


class Hub(QObject):
    """What every window and command of one desktop session shares.

    Signals:
        workshopsChanged: the list of workshops changed (created, renamed, deleted...).
        workshopChanged(str): the workshop with this id changed (its details or agenda).
        saved(datetime): a change was committed to the database at this moment.
        failed(str): an action was refused or failed; the text is for the user.
    """

    workshopsChanged = Signal()
    workshopChanged = Signal(str)
    saved = Signal(datetime)
    failed = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)
