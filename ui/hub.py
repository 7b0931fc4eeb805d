"""The desktop session's shared objects: the database, the undo stack and change signals."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

if TYPE_CHECKING:
    from models.database import Database


class Hub(QObject):
    """What every window and command of one desktop session shares.

    The window is shown before the database layer has finished loading; until
    ``ready`` fires, ``db`` is None and the window only shows what it read at start.

    Signals:
        ready(): the database is open; edits are possible from now on.
        workshopsChanged(): the list of workshops changed (created, renamed, deleted...).
        workshopChanged(str): the workshop with this id changed (its details or agenda).
        ideasChanged(str, list): ideas of workshop (id) added or edited: their new snapshots.
        ideasRemoved(str, list): ideas of workshop (id) removed (deleted or merged away): their ids.
        clustersChanged(str): the clusters of workshop (id) changed; views read them again.
        participantsChanged(str): the participants of workshop (id) changed.
        backingsChanged(str, str): the backings of idea (second id) in workshop (first id) changed.
        votingChanged(str, str): round (second id) of workshop (first id) changed: its rules or
            state, a ballot or paper dots. Carries no counts; views read what they may show.
        shortlistChanged(str): the shortlist of workshop (id) changed.
        reviewChanged(str, str): the critical review of idea (second id) in workshop (first id)
            changed: its format, notes or recommendation.
        analysisChanged(str, str): the in-depth analysis of idea (second id) changed.
        planChanged(str, str): the development plan of idea (second id) changed, its actions included.
        decisionsChanged(str): the decisions of workshop (id) changed, their resources included.
        followUpChanged(str): follow-up entries, lessons or the follow-up date of workshop (id) changed.
        progressChanged(str): the ideas of workshop (id) may stand at another of the ten steps now.
        saved(datetime): a change was committed to the database at this moment.
        failed(str): an action was refused or failed; the text is for the user.
    """

    ready = Signal()
    workshopsChanged = Signal()
    workshopChanged = Signal(str)
    ideasChanged = Signal(str, list)
    ideasRemoved = Signal(str, list)
    clustersChanged = Signal(str)
    participantsChanged = Signal(str)
    backingsChanged = Signal(str, str)
    votingChanged = Signal(str, str)
    shortlistChanged = Signal(str)
    reviewChanged = Signal(str, str)
    analysisChanged = Signal(str, str)
    planChanged = Signal(str, str)
    decisionsChanged = Signal(str)
    followUpChanged = Signal(str)
    progressChanged = Signal(str)
    saved = Signal(datetime)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db: Database | None = None
        self.undo_stack = QUndoStack(self)

    @property
    def db(self) -> Database:
        assert self._db is not None, "the database is not open yet"
        return self._db

    @property
    def is_ready(self) -> bool:
        return self._db is not None

    def today(self) -> date:
        """The date the facilitator's computer says it is: what is overdue, what a new entry is dated."""
        return date.today()

    def set_database(self, db: Database) -> None:
        self._db = db
        self.ready.emit()
