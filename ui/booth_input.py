"""What the booth's keys mean, and why a tap may not place or take back a dot: plain rules, no drawing."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt

from app.i18n import _, ngettext
from app.voting_rules import over_cap_message
from ui.scene import BoothView

#: Keys that move the keyboard's choice: by one, or by a row (ROW stands for the grid's columns).
ROW = 100
MOVES: dict[int, int] = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -ROW, Qt.Key.Key_Down: ROW}
#: Keys (or the characters they type) that add a dot to the chosen card, or take one back.
SIGNS: dict[object, int] = {"+": 1, "=": 1, "-": -1, "−": -1}
SIGNS |= {Qt.Key.Key_Plus: 1, Qt.Key.Key_Equal: 1, Qt.Key.Key_Minus: -1}
DIGITS = "0123456789"


def next_number(typed: str, digit: str, last: int) -> str:
    """The digits typed so far after ``digit``: they go on while they make a number up to ``last``.

    Typing 1 then 2 chooses 12 when there are at least 12; with fewer, the 2 starts a new number.
    No timer: the same keys always choose the same card.
    """
    longer = typed + digit
    if typed and int(longer) <= last:
        return longer
    return digit if 1 <= int(digit) <= last else ""


def why_not_add(view: BoothView, placed: Mapping[str, int], idea_id: str) -> str:
    """Why a dot cannot go on ``idea_id`` now; "" when it can."""
    if sum(placed.values()) >= view.dots:
        return ngettext(
            "Your {n} dot is placed: tap it to take it back first.",
            "All your {n} dots are placed: tap a dot to take it back first.",
            view.dots,
        ).format(n=view.dots)
    if placed.get(idea_id, 0) >= view.max_per_idea:
        return over_cap_message(view.max_per_idea)
    return ""


def why_not_take_back(placed: Mapping[str, int], idea_id: str) -> str:
    return "" if placed.get(idea_id, 0) > 0 else _("There is no dot on this idea to take back.")


def choose_first() -> str:
    return _("Type an idea's number first, then + or −.")
