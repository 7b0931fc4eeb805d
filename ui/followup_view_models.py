"""The follow-up view's three tables as Qt item models: open actions, plans, follow-up dates.

Each model shows rows of the follow-up overview (app.followup) as they are given; filtering
happens on the overview snapshot (``filter_overview``), so a model only holds what is shown
and sorts it in Python when a header is clicked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from app.followup_snapshots import DecisionLine, OpenAction, PlanLine, ResourcesGiven, WorkshopFollowUp
from app.i18n import N_, _, format_date, ngettext
from app.vocabulary import ACTION_STATUSES, DECISION_OUTCOMES, IDEA_STATUSES, label
from models.enums import IdeaStatus
from ui import roles
from ui.resources_panel import amount_text

AnyIndex = QModelIndex | QPersistentModelIndex
#: The workshop a row belongs to (double-click opens it).
WORKSHOP_ROLE = roles.USER + 2
#: How many characters at the start of a cell's text stay whole when it is cut to fit (the
#: workshop's date, the decision's § and outcome); the rest is cut in the middle.
KEEP_ROLE = roles.USER + 3
#: A light tint of the Okabe–Ito vermilion behind the date of an overdue action or a due
#: follow-up, with dark ink on it: the word ("Overdue", "Due") says it too; colour only helps.
LATE_TINT = QColor("#FBE0D0")
LATE_INK = QColor("#5A1A00")
MUTED_INK = QColor("#595959")

_ORDER = {status: n for n, status in enumerate(IdeaStatus)}
_DISPLAY, _TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT, _FONT = int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.FontRole)
_FOREGROUND, _BACKGROUND = int(Qt.ItemDataRole.ForegroundRole), int(Qt.ItemDataRole.BackgroundRole)
_LATE_ROLES = frozenset((_BACKGROUND, _FOREGROUND, _FONT))
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


def iso(day: date | None) -> str:
    return format_date(day, "iso")


def workshop_label(title: str, held_on: date | None) -> str:
    """A workshop as the follow-up view names it: "2026-07-21 · Trygg hemma" (titles repeat, dates less)."""
    return _("{date} · {title}").format(date=iso(held_on), title=title) if held_on else title


def label_keep(title: str, held_on: date | None) -> int:
    """How much of the workshop's label comes before its title (kept whole when the label is cut)."""
    return len(workshop_label(title, held_on)) - len(title)


def decision_keep(decision: DecisionLine | None) -> int:
    """How much of the decision's citation comes before its reference."""
    if decision is None or not decision.reference:
        return 0
    return len(decision_text(decision)) - len(decision.reference)


def decision_text(decision: DecisionLine | None) -> str:
    """The decision a plan stands on, as cited: "§ 1 GO · KS 2026-06-10 § 27"; "" without one."""
    if decision is None:
        return ""
    words = {"number": decision.number, "outcome": label(DECISION_OUTCOMES, decision.outcome)}
    if decision.reference:
        return _("§ {number} {outcome} · {reference}").format(reference=decision.reference, **words)
    if decision.decided_on is not None:
        return _("§ {number} {outcome}, {date}").format(date=iso(decision.decided_on), **words)
    return _("§ {number} {outcome}").format(**words)


def decision_tip(plan: PlanLine) -> str:
    """The decision as cited, and below it what was given on the idea's decisions."""
    given = resources_text(plan.resources)
    if not given:
        return decision_text(plan.decision)
    return "\n".join((decision_text(plan.decision), _("Resources given: {given}").format(given=given)))


def resources_text(given: ResourcesGiven) -> str:
    """The resources given on a plan's decisions: "152 500 SEK · 120 hours · 1 other support"."""
    parts = [
        _("{amount} {currency}").format(amount=amount_text(amount), currency=currency)
        for currency, amount in given.money
    ]
    if given.hours:
        parts.append(
            ngettext("{amount} hour", "{amount} hours", int(given.hours)).format(
                amount=amount_text(given.hours)
            )
        )
    if given.support:
        parts.append(
            ngettext("{n} other support", "{n} other kinds of support", given.support).format(n=given.support)
        )
    return " · ".join(parts)


@dataclass(frozen=True)
class Column:
    """A column: its heading (a msgid, translated when shown), its text and how it sorts."""

    heading: str
    text: Callable[[Any], str]
    key: Callable[[Any], Any]
    number: bool = False
    #: The tooltip, when it says more than the text.
    tip: Callable[[Any], str] | None = None
    #: How many characters at the start stay whole when the text is cut (KEEP_ROLE).
    keep: Callable[[Any], int] | None = None


class RowsModel(QAbstractTableModel):
    """Rows of one kind of overview line, in columns; a late row's mark ("Overdue") is bold on a tint."""

    columns: Sequence[Column] = ()
    #: The column that carries the word for a late row ("Overdue", "Due").
    mark_column = 0
    default_sort = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._headings = [_(c.heading) for c in self.columns]
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._tint, self._ink, self._muted = QBrush(LATE_TINT), QBrush(LATE_INK), QBrush(MUTED_INK)

    # -- the rows -----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def row(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, row_id: str) -> int:
        """The row showing ``row_id``, or -1."""
        return next((n for n, item in enumerate(self._rows) if self.row_id(item) == row_id), -1)

    def rows(self) -> list[Any]:
        return list(self._rows)

    def heading(self, column: int) -> str:
        """A column's heading on one line."""
        return _(self.columns[column].heading)

    def set_heading_lines(self, column: int, text: str) -> None:
        """Show the heading as ``text`` (the same words, broken over lines for a narrow column)."""
        self._headings[column] = text
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)

    def row_id(self, item: Any) -> str:
        return str(item.id)

    def is_late(self, item: Any) -> bool:
        return False

    def is_muted(self, item: Any, column: int) -> bool:
        return False

    # -- Qt's model API -------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = roles.DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headings[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.heading(section)
            if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].number:
                return _RIGHT
        return None

    def data(self, index: AnyIndex, role: int = roles.DISPLAY) -> Any:
        # Called for every painted cell and role: roles as plain ints, the commonest first.
        row = index.row()
        if row < 0 or row >= len(self._rows):
            return None
        item, column = self._rows[row], index.column()
        if role == _DISPLAY:
            return self.columns[column].text(item)
        if role == _TOOLTIP:
            tip = self.columns[column].tip
            return (tip or self.columns[column].text)(item)
        if role == roles.ID:
            return self.row_id(item)
        if role == WORKSHOP_ROLE:
            return str(item.workshop_id) if hasattr(item, "workshop_id") else self.row_id(item)
        if role == KEEP_ROLE:
            keep = self.columns[column].keep
            return keep(item) if keep is not None else 0
        if role == _ALIGNMENT:
            return _RIGHT if self.columns[column].number else None
        if role == _FOREGROUND and self.is_muted(item, column):
            return self._muted
        if column == self.mark_column and role in _LATE_ROLES and self.is_late(item):
            return {_BACKGROUND: self._tint, _FOREGROUND: self._ink, _FONT: self._bold}[role]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        # Stable: rows equal in the column keep the overview's order (by due date, by title).
        self._rows.sort(key=self.columns[column].key, reverse=order == Qt.SortOrder.DescendingOrder)


def _dated(day: date | None) -> tuple[bool, date]:
    return (day is None, day or date.min)


def _due_text(action: OpenAction) -> str:
    if action.due_on is None:
        return _("No due date")
    if action.overdue:
        return _("{date} · Overdue").format(date=iso(action.due_on))
    return iso(action.due_on)


class ActionsModel(RowsModel):
    """Open actions (not done, handed over or found not possible), by due date; overdue ones marked."""

    DUE, ACTION, OWNER, PLAN, WORKSHOP, STATUS = range(6)
    columns = (
        Column(N_("Due"), _due_text, lambda a: _dated(a.due_on)),
        Column(N_("Action"), lambda a: a.title, lambda a: a.title.casefold()),
        Column(N_("Owner"), lambda a: a.owner, lambda a: (not a.owner, a.owner.casefold())),
        Column(N_("Plan"), lambda a: a.plan_title, lambda a: a.plan_title.casefold()),
        Column(
            N_("Workshop"),
            lambda a: workshop_label(a.workshop_title, a.workshop_held_on),
            lambda a: (_dated(a.workshop_held_on), a.workshop_title.casefold()),
            keep=lambda a: label_keep(a.workshop_title, a.workshop_held_on),
        ),
        Column(N_("Status"), lambda a: label(ACTION_STATUSES, a.status), lambda a: str(a.status)),
    )
    mark_column = DUE

    def is_late(self, item: OpenAction) -> bool:
        return item.overdue

    def is_muted(self, item: OpenAction, column: int) -> bool:
        return column == self.DUE and item.due_on is None


class PlansModel(RowsModel):
    """Development plans by their idea's step, with their decision (and in its tooltip the resources
    given), responsible, open actions and last follow-up."""

    STATUS, PLAN, WORKSHOP, DECISION, RESPONSIBLE, OPEN, LAST = range(7)
    mark_column = -1  # a plan is never late itself; its actions are
    columns = (
        Column(N_("Step"), lambda p: label(IDEA_STATUSES, p.status), lambda p: _ORDER[p.status]),
        Column(N_("Plan"), lambda p: p.title, lambda p: p.title.casefold()),
        Column(
            N_("Workshop"),
            lambda p: workshop_label(p.workshop_title, p.workshop_held_on),
            lambda p: (_dated(p.workshop_held_on), p.workshop_title.casefold()),
            keep=lambda p: label_keep(p.workshop_title, p.workshop_held_on),
        ),
        Column(
            N_("Decision"),
            lambda p: decision_text(p.decision),
            lambda p: (p.decision is None, p.decision.number if p.decision else 0),
            tip=decision_tip,
            keep=lambda p: decision_keep(p.decision),
        ),
        Column(
            N_("Responsible"),
            lambda p: p.responsible,
            lambda p: (not p.responsible, p.responsible.casefold()),
        ),
        Column(N_("Open actions"), lambda p: str(p.open_actions), lambda p: p.open_actions, number=True),
        Column(
            N_("Last follow-up"),
            lambda p: iso(p.last_entry_on) if p.last_entry_on else _("None yet"),
            lambda p: _dated(p.last_entry_on),
        ),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sort = (self.STATUS, Qt.SortOrder.AscendingOrder)

    def row_id(self, item: PlanLine) -> str:
        return item.idea_id

    def is_muted(self, item: PlanLine, column: int) -> bool:
        return column == self.LAST and item.last_entry_on is None


class WorkshopsModel(RowsModel):
    """Each workshop's next follow-up date (editable), due ones marked, with its open work.

    Signals:
        followUpDateEdited(str, object): the user chose a new follow-up date (a ``date``) for the
            workshop with this id; the model changes when the database has it.
    """

    followUpDateEdited = Signal(str, object)

    NEXT, WORKSHOP, HELD, OPEN, OVERDUE = range(5)
    mark_column = NEXT

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._open: dict[str, int] = {}
        self._overdue: dict[str, int] = {}
        self.columns = (
            Column(N_("Next follow-up"), self._next_text, lambda w: _dated(w.follow_up_on)),
            Column(N_("Workshop"), lambda w: w.title, lambda w: w.title.casefold()),
            Column(N_("Held"), lambda w: iso(w.held_on), lambda w: _dated(w.held_on)),
            Column(
                N_("Open actions"),
                lambda w: str(self._open.get(w.id, 0)),
                lambda w: self._open.get(w.id, 0),
                number=True,
            ),
            Column(
                N_("Overdue"),
                lambda w: str(self._overdue.get(w.id, 0)),
                lambda w: self._overdue.get(w.id, 0),
                number=True,
            ),
        )
        self._headings = [_(c.heading) for c in self.columns]

    def set_workshops(self, workshops: Sequence[WorkshopFollowUp], actions: Sequence[OpenAction]) -> None:
        self._open, self._overdue = {}, {}
        for action in actions:
            self._open[action.workshop_id] = self._open.get(action.workshop_id, 0) + 1
            if action.overdue:
                self._overdue[action.workshop_id] = self._overdue.get(action.workshop_id, 0) + 1
        self.set_rows(workshops)

    @staticmethod
    def _next_text(w: WorkshopFollowUp) -> str:
        if w.follow_up_on is None:
            return _("Not planned")
        if w.due:
            return _("{date} · Due").format(date=iso(w.follow_up_on))
        return iso(w.follow_up_on)

    def is_late(self, item: WorkshopFollowUp) -> bool:
        return item.due

    def is_muted(self, item: WorkshopFollowUp, column: int) -> bool:
        return column == self.NEXT and item.follow_up_on is None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.NEXT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = roles.DISPLAY) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.column() == self.NEXT:
            day = self._rows[index.row()].follow_up_on
            return QDate(day) if day is not None else None
        return super().data(index, role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.NEXT:
            return False
        if isinstance(value, QDate):
            value = value.toPython()
        if not isinstance(value, date) and value is not None:
            return False
        workshop = self._rows[index.row()]
        if value != workshop.follow_up_on:
            self.followUpDateEdited.emit(workshop.id, value)
        return True
