"""Work areas that follow the hub's changes only while shown; hidden, they read again when next shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class FreshWhenShown(QWidget):
    """A workshop's work area that reads its records again on a change only while it is shown.

    A hidden one (another phase's, or the follow-up's second copy) only notes that it is out of
    date and reads again when it is next shown. Connect the hub's signals to
    ``_workshop_changed`` (one argument: the workshop) or ``_item_changed`` (the workshop and
    one more); ``refresh`` reads and draws, and sets ``_stale`` to False.
    """

    workshop_id: str
    _stale = True
    #: Each area's own: read the records and draw them (and set ``_stale`` to False).
    refresh: Callable[[], None]

    def _workshop_changed(self, workshop_id: str) -> None:
        if workshop_id != self.workshop_id:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _item_changed(self, workshop_id: str, _item: object) -> None:
        self._workshop_changed(workshop_id)

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)
