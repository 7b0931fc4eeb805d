"""What the booth's keys mean, and why a tap may not place or take back a dot: plain rules, no drawing."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt

from app.i18n import _, ngettext
from app.voting_rules import over_cap_message
from app.voting_snapshots import Voter
from ui.scene import BoothCard, BoothView

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


def is_own_idea(card: BoothCard, voter: Voter | None) -> bool:
    """The voter gave this idea openly, in a round that keeps voters from their own ideas."""
    return voter is not None and voter.participant_id is not None and voter.participant_id in card.giver_ids


def why_not_add(view: BoothView, placed: Mapping[str, int], idea_id: str, voter: Voter | None = None) -> str:
    """Why a dot cannot go on ``idea_id`` now for ``voter``; "" when it can."""
    card = next((c for c in view.cards if c.id == idea_id), None)
    if card is not None and is_own_idea(card, voter):
        # The rule's own words (app.voting_rules), at the tap rather than at Done.
        return _("In this round you may not vote for your own idea.")
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


def not_counted() -> str:
    """Said once the booth is back after a ballot was dropped half placed (a break, the round closed...)."""
    return _("The last ballot was not finished and was not counted.")


def name_note(view: BoothView) -> str:
    """Under "Tap your name" in an anonymous round: what the name is for; "" where no name is asked."""
    if not view.anonymous or not any(t.label for t in view.voters):
        return ""
    if not view.allow_own_ideas:
        return _(
            "Your name only keeps you from voting twice or for your own ideas; "
            "your ballot is stored without it."
        )
    return _("Your name only keeps you from voting twice; your ballot is stored without it.")
