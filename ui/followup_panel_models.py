"""Item models of the follow-up panel: the workshop's plans, a plan's open actions, a dated log of entries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.followup_snapshots import FollowUpEntrySnapshot
from app.i18n import _, format_date, ngettext
from app.plan_snapshots import CLOSED_STATUSES, ActionSnapshot, PlanSnapshot
from app.vocabulary import ACTION_STATUSES, FOLLOW_UP_KINDS, IDEA_STATUSES, label
from models.enums import FollowUpKind, IdeaStatus

#: The id(s) a row stands for: an idea id (plans, actions' plan), or a tuple of entry ids (log).
IdRole = Qt.ItemDataRole.UserRole + 1
#: The kind of a log line (a FollowUpKind value).
KindRole = Qt.ItemDataRole.UserRole + 2

#: A row of the log shows this much of an entry's text; the tooltip shows more, the database all.
SHOWN_CHARS = 420
SHOWN_LINES = 6
TOOLTIP_CHARS = 4000

REALISED_BACKGROUND = QColor("#DDF1D9")
RECOGNISED_BACKGROUND = QColor("#FFF1C2")
OVERDUE_TEXT = QColor("#A3140C")
MARKS = {FollowUpKind.REALISATION: "✔", FollowUpKind.RECOGNITION: "★"}

Index = QModelIndex | QPersistentModelIndex


def shortened(text: str, chars: int = SHOWN_CHARS, lines: int = SHOWN_LINES) -> str:
    """The start of ``text``, cut at a line or a length, with an ellipsis when cut."""
    kept = text.strip().splitlines()
    cut = "\n".join(kept[:lines])
    if len(cut) > chars:
        cut = cut[:chars].rstrip()
    return cut if cut == text.strip() else f"{cut}…"


@dataclass(frozen=True)
class LogLine:
    """One line of the log: an entry, or a recognition of several people given in the same words."""

    entries: tuple[FollowUpEntrySnapshot, ...]

    @property
    def first(self) -> FollowUpEntrySnapshot:
        return self.entries[0]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in self.entries)

    def heading(self) -> str:
        entry = self.first
        kind = label(FOLLOW_UP_KINDS, entry.kind)
        mark = MARKS.get(entry.kind)
        if entry.kind is FollowUpKind.RECOGNITION:
            names = ", ".join(e.recognised for e in self.entries)
            kind = _("Recognition: {names}").format(names=names)
        what = f"{mark} {kind}" if mark else kind
        parts = [format_date(entry.entry_on, "iso"), what]
        if entry.status:
            parts.append(_("Status: {status}").format(status=entry.status))
        return " · ".join(parts)

    def byline(self) -> str:
        author = self.first.author
        if not author:
            return ""
        if self.first.kind is FollowUpKind.RECOGNITION:
            return _("Given by {author}").format(author=author)
        return _("Written by {author}").format(author=author)

    def text(self, chars: int = SHOWN_CHARS, lines: int = SHOWN_LINES) -> str:
        body = self.first.text.strip()
        if body and self.first.kind is FollowUpKind.RECOGNITION:
            body = _("“{thanks}”").format(thanks=body)
        parts = [self.heading(), shortened(body, chars, lines) if body else "", self.byline()]
        return "\n".join(p for p in parts if p)

    def full_text(self) -> str:
        """The line with the whole of its text, as written."""
        return self.text(chars=len(self.first.text) + 1, lines=self.first.text.count("\n") + 1)


def log_lines(entries: Sequence[FollowUpEntrySnapshot]) -> list[LogLine]:
    """The entries newest first; a recognition given to several people at once is one line."""
    lines: list[LogLine] = []
    ordered = sorted(entries, key=lambda e: (e.entry_on, e.created_at), reverse=True)
    for entry in ordered:
        previous = lines[-1].first if lines else None
        if (
            previous is not None
            and entry.kind is FollowUpKind.RECOGNITION
            and previous.kind is FollowUpKind.RECOGNITION
            and (entry.entry_on, entry.text, entry.author)
            == (previous.entry_on, previous.text, previous.author)
        ):
            # Newest first, so the people come out in reverse: put them back in the order named.
            lines[-1] = LogLine((entry, *lines[-1].entries))
        else:
            lines.append(LogLine((entry,)))
    return lines


class EntryLogModel(QAbstractListModel):
    """Dated entries, newest first; realisations and recognitions stand out with a mark and a colour."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[LogLine] = []

    def set_entries(self, entries: Sequence[FollowUpEntrySnapshot]) -> None:
        self.beginResetModel()
        self.lines = log_lines(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return line.text()
        if role == Qt.ItemDataRole.ToolTipRole:
            return line.text(TOOLTIP_CHARS, 60)
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.first.kind is FollowUpKind.REALISATION:
                return QBrush(REALISED_BACKGROUND)
            if line.first.kind is FollowUpKind.RECOGNITION:
                return QBrush(RECOGNISED_BACKGROUND)
            return None
        if role == IdRole:
            return line.ids
        if role == KindRole:
            return str(line.first.kind)
        return None


@dataclass(frozen=True)
class PlanRow:
    plan: PlanSnapshot
    status: IdeaStatus | None

    @property
    def open_actions(self) -> tuple[ActionSnapshot, ...]:
        return tuple(a for a in self.plan.actions if a.status not in CLOSED_STATUSES)


class PlanListModel(QAbstractListModel):
    """The workshop's development plans, each with its idea's step and how many actions are open."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PlanRow] = []

    def set_plans(self, rows: Sequence[PlanRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, idea_id: str | None) -> int:
        return next((n for n, row in enumerate(self.rows) if row.plan.idea_id == idea_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            step = label(IDEA_STATUSES, row.status)
            count = len(row.open_actions)
            actions = ngettext("{n} open action", "{n} open actions", count).format(n=count)
            details = " · ".join(p for p in (step, actions) if p)
            return f"{row.plan.idea_title}\n{details}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.plan.idea_title
        if role == IdRole:
            return row.plan.idea_id
        return None


def action_text(action: ActionSnapshot) -> str:
    """An open action in a line or two: what, who, by when, its status; overdue said in words."""
    parts = [action.owner] if action.owner else []
    if action.due_on is not None:
        parts.append(_("due {date}").format(date=format_date(action.due_on, "iso")))
    parts.append(label(ACTION_STATUSES, action.status))
    if action.overdue:
        parts.append(_("Overdue"))
    return f"{action.title}\n{' · '.join(parts)}"


class OpenActionsModel(QAbstractListModel):
    """A plan's actions that are still open, in the plan's order; overdue ones in red and in words."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.actions: list[ActionSnapshot] = []

    def set_actions(self, actions: Sequence[ActionSnapshot]) -> None:
        self.beginResetModel()
        self.actions = list(actions)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.actions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.actions):
            return None
        action = self.actions[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return action_text(action)
        if role == Qt.ItemDataRole.ToolTipRole:
            return action.title
        if role == Qt.ItemDataRole.ForegroundRole and action.overdue:
            return QBrush(OVERDUE_TEXT)
        if role == IdRole:
            return action.id
        return None
