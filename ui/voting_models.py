"""Voting rounds and the shortlist as Qt item models, and the words that name a round and its state.

Nothing here reads a count of dots: a round's snapshot holds how many have voted, never what.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.i18n import _, ngettext
from app.voting_snapshots import RoundSnapshot, ShortlistItem, TieSettlement
from models.enums import Eligibility, RoundState
from ui.item_models import AnyIndex, IdRole

#: Grey for what is on record but no longer in force (a removed shortlist entry).
RECORD_GREY = "#5F5F5F"


def round_name(r: RoundSnapshot, numbers: Mapping[str, int] | None = None) -> str:
    """'Round 2', 'Round 2: Morning ideas', or 'Round 3 · runoff of round 1'."""
    name = _("Round {n}").format(n=r.number)
    if r.runoff_of_id is not None:
        parent = (numbers or {}).get(r.runoff_of_id)
        if parent is not None:
            return _("{name} · runoff of round {parent}").format(name=name, parent=parent)
        return _("{name} · runoff").format(name=name)
    if r.title:
        return _("{name}: {title}").format(name=name, title=r.title)
    return name


def state_label(state: RoundState) -> str:
    return {
        RoundState.DRAFT: _("draft"),
        RoundState.OPEN: _("voting open"),
        RoundState.CLOSED: _("voting closed"),
        RoundState.REVEALED: _("results revealed"),
    }[state]


def turnout_text(ballots: int, expected: int) -> str:
    """'7 of 12 have voted': how many, never what."""
    if expected > 0:
        return ngettext("{n} of {expected} has voted", "{n} of {expected} have voted", ballots).format(
            n=ballots, expected=expected
        )
    return ngettext("{n} has voted", "{n} have voted", ballots).format(n=ballots)


def rules_lines(r: RoundSnapshot, theme_names: Sequence[str] = ()) -> list[str]:
    """The round's rules as sentences a facilitator can read out."""
    if r.max_per_idea <= 1:
        budget = ngettext(
            "Each voter has {n} dot, one per idea.", "Each voter has {n} dots, one per idea.", r.dots
        )
    elif r.max_per_idea >= r.dots:
        budget = _("Each voter has {n} dots and may put them all on one idea (cumulative).")
    else:
        budget = _("Each voter has {n} dots, at most {cap} on one idea.")
    lines = [budget.format(n=r.dots, cap=r.max_per_idea)]
    count = len(r.eligible_ids)
    if r.eligibility is Eligibility.CLUSTERS:
        themes = ", ".join(theme_names) or "–"
        ideas = ngettext(
            "On the ballot: {n} idea in the themes {themes}.",
            "On the ballot: {n} ideas in the themes {themes}.",
            count,
        ).format(n=count, themes=themes)
    elif r.eligibility is Eligibility.LIST:
        ideas = ngettext("On the ballot: {n} chosen idea.", "On the ballot: {n} chosen ideas.", count)
        ideas = ideas.format(n=count)
    else:
        ideas = _("On the ballot: all ideas ({n}).").format(n=count)
    lines.append(ideas)
    lines.append(
        _("Voters may vote for their own ideas.")
        if r.allow_own_ideas
        else _("Voters may not vote for their own ideas.")
    )
    lines.append(anonymity_text(r.anonymous))
    lines.append(
        ngettext("{n} voter expected.", "{n} voters expected.", r.voters_expected).format(n=r.voters_expected)
    )
    return lines


def ballot_warning() -> str:
    """Said before a step that ends voting while someone stands at the booth."""
    return _("Someone is voting at the booth now. The ballot being placed will not be counted.")


def anonymity_text(anonymous: bool) -> str:
    if anonymous:
        return _(
            "Anonymous: ballots are stored without names; nobody can find out later who voted for what, "
            "not even you."
        )
    return _(
        "Named: each ballot is kept with the voter's name, for a vote that should be on record; "
        "the results show totals only."
    )


class RoundListModel(QAbstractListModel):
    """The workshop's rounds, each in two lines: its name, then its state and turnout."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rounds: list[RoundSnapshot] = []
        self._numbers: dict[str, int] = {}

    def set_rounds(self, rounds: Sequence[RoundSnapshot]) -> None:
        if [r.id for r in rounds] == [r.id for r in self._rounds]:
            self._rounds = list(rounds)
            if rounds:
                self.dataChanged.emit(self.index(0), self.index(len(rounds) - 1))
            return
        self.beginResetModel()
        self._rounds = list(rounds)
        self._numbers = {r.id: r.number for r in rounds}
        self.endResetModel()

    def rounds(self) -> list[RoundSnapshot]:
        return list(self._rounds)

    def numbers(self) -> dict[str, int]:
        return dict(self._numbers)

    def round(self, row: int) -> RoundSnapshot:
        return self._rounds[row]

    def row_of(self, round_id: str) -> int:
        return next((i for i, r in enumerate(self._rounds) if r.id == round_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rounds)

    def status(self, r: RoundSnapshot) -> str:
        if r.state is RoundState.DRAFT:
            return state_label(r.state)
        return f"{state_label(r.state)} · {turnout_text(r.ballots, r.voters_expected)}"

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rounds):
            return None
        r = self._rounds[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{round_name(r, self._numbers)}\n{self.status(r)}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{round_name(r, self._numbers)}, {self.status(r)}"
        if role == Qt.ItemDataRole.FontRole and r.state is RoundState.OPEN:
            font = QFont()
            font.setBold(True)
            return font
        if role == IdRole:
            return r.id
        return None


class ShortlistModel(QAbstractTableModel):
    """The shortlist in order (place, idea, why); removed entries after it, greyed, with their reason."""

    PLACE, IDEA, WHY = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[ShortlistItem] = []
        self._numbers: dict[str, int] = {}
        self._ties: dict[tuple[str, str], TieSettlement] = {}

    def set_items(
        self,
        items: Sequence[ShortlistItem],
        round_numbers: Mapping[str, int],
        ties: Mapping[tuple[str, str], TieSettlement] | None = None,
    ) -> None:
        """``ties``: (round id, idea id) -> how the tie that idea was in at the round's line was settled."""
        self.beginResetModel()
        self._items = [i for i in items if not i.removed] + [i for i in items if i.removed]
        self._numbers = dict(round_numbers)
        self._ties = dict(ties or {})
        self.endResetModel()

    def item(self, row: int) -> ShortlistItem:
        return self._items[row]

    def live_items(self) -> list[ShortlistItem]:
        return [i for i in self._items if not i.removed]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (_("Place"), _("Idea"), _("Why it is here"))[section] if 0 <= section < 3 else None
        return None

    def why(self, item: ShortlistItem) -> str:
        number = self._numbers.get(item.round_id or "")
        if item.removed:
            return _("Removed: {reason}").format(reason=item.removed_reason or "–")
        if item.added_reason and item.round_id is None:
            return _("Added by hand: {reason}").format(reason=item.added_reason)
        if item.added_reason:
            return _("From round {n}, when the shortlist was made again: {reason}").format(
                n=number or "?", reason=item.added_reason
            )
        if not number:
            return _("By the vote")
        tie = self._ties.get((item.round_id or "", item.idea_id))
        if tie is not None and tie.runoff_id is None:
            return _("By the vote in round {n}, tie settled by hand: {reason}").format(
                n=number, reason=tie.reason
            )
        if tie is not None:
            return _("By the vote in round {n}, tie settled by the runoff (round {runoff})").format(
                n=number, runoff=self._numbers.get(tie.runoff_id or "", "?")
            )
        return _("By the vote in round {n}").format(n=number)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.PLACE:
                return "–" if item.removed else str(index.row() + 1)
            if column == self.IDEA:
                return item.title
            return self.why(item)
        if role == Qt.ItemDataRole.ForegroundRole and item.removed:
            return QBrush(QColor(RECORD_GREY))
        if role == Qt.ItemDataRole.FontRole and item.removed:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PLACE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == IdRole:
            return item.id
        return None
