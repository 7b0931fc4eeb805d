"""Steps 9-10 inside one workshop: the next follow-up date, the plans' follow-up log, lessons learned.

The same panel serves the phases "Mental support" and "Realisation": a follow-up meeting adds
dated entries to the plans, marks a plan realised, recognises those behind it, and keeps the
workshop's lessons.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.i18n import _, ngettext
from app.snapshots import WorkshopSnapshot
from app.workshops import get_workshop
from ui import typography
from ui.commands import push
from ui.followup_panel_commands import SetFollowUpDate
from ui.followup_panel_plans import PlansFollowUp
from ui.fresh_when_shown import FreshWhenShown
from ui.hub import Hub
from ui.lessons_view import LessonsView

#: The date the field shows for "no date" (its minimum, shown as the words instead).
NO_DATE = QDate(2000, 1, 1)
#: A date typed or picked is saved this long after the last change (and at once when the field is left).
SAVE_DELAY_MS = 800


def when_text(follow_up_on: date | None, today: date) -> str:
    """Whether the follow-up date has come, in words."""
    if follow_up_on is None:
        return _("No follow-up meeting planned yet.")
    days = (follow_up_on - today).days
    if days == 0:
        return _("The follow-up is today.")
    if days < 0:
        return ngettext(
            "The follow-up date has come: it was {n} day ago.",
            "The follow-up date has come: it was {n} days ago.",
            -days,
        ).format(n=-days)
    return ngettext("In {n} day.", "In {n} days.", days).format(n=days)


class FollowUpDate(QWidget):
    """The workshop's next follow-up date (or none), saved when picked or left; undoable."""

    def __init__(self, hub: Hub, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub, self.workshop_id = hub, workshop_id
        self.stored: date | None = None
        caption = QLabel(_("Next follow-up:"))
        typography.set_type(caption, typography.LIST, bold=True)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(NO_DATE)
        self.edit.setSpecialValueText(_("No date"))
        self.edit.setAccessibleName(_("Next follow-up date"))
        self.edit.calendarWidget().installEventFilter(self)
        self.edit.installEventFilter(self)
        self.edit.calendarWidget().clicked.connect(lambda _day: self.flush())
        self.clear_button = QPushButton(_("Remove date"))
        self.clear_button.setToolTip(_("No follow-up meeting planned"))
        self.clear_button.clicked.connect(self.clear)
        self.when = QLabel()
        self.when.setWordWrap(True)
        self.timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        self._loading = False
        self.edit.dateChanged.connect(self._changed)
        self.edit.editingFinished.connect(self.flush)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.edit)
        layout.addWidget(self.clear_button)
        layout.addWidget(self.when, 1)

    def value(self) -> date | None:
        day = self.edit.date()
        if day == NO_DATE:
            return None
        shown: date = day.toPython()  # type: ignore[assignment]
        return shown

    def load(self, follow_up_on: date | None) -> None:
        self.stored = follow_up_on
        if not self.timer.isActive():
            self._loading = True
            self.edit.setDate(
                NO_DATE
                if follow_up_on is None
                else QDate(follow_up_on.year, follow_up_on.month, follow_up_on.day)
            )
            self._loading = False
        self._show_when()

    def clear(self) -> None:
        self.edit.setDate(NO_DATE)
        self.flush()

    def flush(self) -> None:
        self.timer.stop()
        value = self.value()
        if value != self.stored:
            before, self.stored = self.stored, value
            if not push(self.hub, SetFollowUpDate(self.hub, self.workshop_id, before, value)):
                self.stored = before
        self._show_when()

    def _changed(self) -> None:
        if not self._loading:
            self.timer.start()

    def _show_when(self) -> None:
        value = self.value()
        self.when.setText(when_text(value, self.hub.today()))
        come = value is not None and value <= self.hub.today()
        self.when.setStyleSheet("color: #A3140C; font-weight: 600;" if come else "")
        self.clear_button.setEnabled(value is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # With no date, the calendar would open in the year 2000 and the arrow keys step from
        # there: start from today instead.
        if self.edit.date() != NO_DATE:
            return False
        today = self.hub.today()
        if watched is self.edit.calendarWidget() and event.type() == QEvent.Type.Show:
            self.edit.calendarWidget().setCurrentPage(today.year, today.month)
        elif watched is self.edit and self._steps(event):
            self.edit.setDate(QDate(today.year, today.month, today.day))
            return True
        return False

    @staticmethod
    def _steps(event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel:
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        return False


class FollowUpPanel(FreshWhenShown):
    """The follow-up of one workshop: the next date on top, then the plans and the lessons in tabs.

    Reads again when the workshop's follow-up, plans, decisions or ideas' steps change; while
    hidden it waits until it is shown.
    """

    def __init__(self, hub: Hub, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub, self.workshop_id = hub, workshop_id
        self.date = FollowUpDate(hub, workshop_id)
        self.plans = PlansFollowUp(hub, workshop_id)
        self.lessons = LessonsView(hub, workshop_id)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.plans, _("Plans and follow-up log"))
        self.tabs.addTab(self.lessons, _("Lessons learned"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date)
        layout.addWidget(self.tabs, 1)
        hub.followUpChanged.connect(self._workshop_changed)
        hub.progressChanged.connect(self._workshop_changed)
        hub.decisionsChanged.connect(self._workshop_changed)
        hub.workshopChanged.connect(self._workshop_changed)
        # Bound methods, not lambdas: Qt drops them when the panel goes (the page drops its areas).
        hub.planChanged.connect(self._item_changed)
        hub.ideasRemoved.connect(self._item_changed)
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.date.load(get_workshop(self.hub.db, self.workshop_id).follow_up_on)
        self.plans.refresh()
        self.lessons.refresh()
        count = self.lessons.count()
        self.tabs.setTabText(1, _("Lessons learned ({n})").format(n=count) if count else _("Lessons learned"))

    def show_workshop(self, workshop: WorkshopSnapshot) -> None:
        """The page shows this workshop again (its snapshot after a change)."""
        self.date.load(workshop.follow_up_on)

    def flush(self) -> None:
        """Save what is being typed or picked now (before the phase changes or the app closes)."""
        self.date.flush()
        self.lessons.flush()
