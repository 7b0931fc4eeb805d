"""In-depth analysis (step 5): will the benefit exceed the cost? A checklist per idea.

Nothing on the checklist is mandatory, but a plan is marked ready for decision only when the
benefit and a cost (hours or money) are there to be weighed against each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from babel.numbers import is_currency
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import InvalidInput
from app.i18n import N_, _, current_language, format_number
from app.idea_progress import follow_progress
from app.records import fetch
from app.review_snapshots import AnalysisSnapshot, Completeness
from app.text import clean_text
from models.database import Database
from models.idea import Idea
from models.review import Analysis

DEFAULT_CURRENCY = "SEK"

#: The checklist in the order it is asked, each item with its question (translate with ``_``).
CHECKLIST: dict[str, str] = {
    "benefit": N_("What is the expected benefit?"),
    "beneficiaries": N_("For whom?"),
    "cost_hours": N_("What does it cost in time (hours)?"),
    "cost_money": N_("What does it cost in money?"),
    "external_information": N_("What external information has been gathered?"),
    "rights": N_("Intellectual property and rights: whose are they, and how are they shared?"),
    "financing": N_("What financing is needed, and where from?"),
    "skills": N_("What skills are needed, and how do we get them?"),
    "partners": N_("Which partners and support outside the organisation?"),
}
TEXT_FIELDS = frozenset(CHECKLIST) - {"cost_hours", "cost_money"}

#: The columns' room: Numeric(12, 1) for hours and Numeric(14, 2) for money.
HOURS_LIMIT = 10**11
MONEY_LIMIT = 10**12
_SPACES = re.compile(r"[\s\u00a0\u202f']")
_CURRENCY = re.compile(r"[A-Z]{3}")
_DIGITS = re.compile(r"[0-9]+")
#: A currency said after the amount ("12 500 kr"): the word and the codes it may stand for.
_CURRENCY_WORDS: dict[str, tuple[str, ...]] = {
    "kr": ("SEK", "NOK", "DKK", "ISK"),
    "kr.": ("SEK", "NOK", "DKK", "ISK"),
    "kronor": ("SEK",),
    "kroner": ("NOK", "DKK"),
    "sek": ("SEK",),
    "nok": ("NOK",),
}
_TRAILING_WORD = re.compile(r"(?i)(?<![A-Za-z])(kr\.?|kronor|kroner|sek|nok)$")


@dataclass(frozen=True)
class TypedAmount:
    """A number as typed, and the currency word written after it ("kr", "SEK"), if any."""

    number: Decimal | None
    said: str = ""

    def fits(self, currency: str) -> bool:
        """The currency word, if any, stands for ``currency``."""
        return not self.said or currency in _CURRENCY_WORDS[self.said.lower()]


def _not_a_number(field: str) -> InvalidInput:
    return InvalidInput(_("Write a number, such as 120 or 1250.50."), field)


def _grouped(whole: str) -> bool:
    """Digits grouped by three after the first group: "1.250.000", "185.000"."""
    groups = whole.split(".")
    first, rest = groups[0], groups[1:]
    return (
        bool(rest)
        and 1 <= len(first) <= 3
        and _DIGITS.fullmatch(first) is not None
        and int(first) > 0
        and all(len(group) == 3 and _DIGITS.fullmatch(group) for group in rest)
    )


def _nordic(text: str, field: str) -> str:
    """Swedish and Norwegian: the comma is the decimal point and a dot before three digits groups thousands.

    "185.000" is a hundred and eighty-five thousand, as written in Sweden; "1.5" is one and a half.
    """
    whole, comma, decimals = text.partition(",")
    if comma and not _DIGITS.fullmatch(decimals):
        raise _not_a_number(field)
    if "." in whole:
        if _grouped(whole):
            whole = whole.replace(".", "")
        elif comma or whole.count(".") > 1:
            raise _not_a_number(field)
        else:
            return whole  # one dot not before three digits: a decimal point
    return f"{whole}.{decimals}" if comma else whole


def _english(text: str, field: str, typed: str, sign: str) -> str:
    """English: the dot is the decimal point and a comma groups thousands ("1,250.50").

    A comma before anything but three digits could be either; the user is asked which was meant.
    """
    whole, dot, _decimals = text.partition(".")
    if "," not in whole:
        return text
    groups = whole.split(",")
    if groups[0] and all(len(group) == 3 and _DIGITS.fullmatch(group) for group in groups[1:]):
        return text.replace(",", "")
    if len(groups) == 2 and not dot and all(_DIGITS.fullmatch(group) for group in groups):
        message = _(
            "“{typed}” could be {decimal} or {whole}: write the decimals after a dot, or leave out the comma."
        )
        decimal, whole_number = ".".join(groups), "".join(groups).lstrip("0") or "0"
        raise InvalidInput(
            message.format(typed=typed, decimal=sign + decimal, whole=sign + whole_number), field
        )
    raise _not_a_number(field)


def read_amount(value: str, field: str) -> TypedAmount:
    """A number typed as the user's language writes it, with spaces between thousands.

    A currency word after it ("kr", "SEK", "NOK") is kept apart for the caller to check against
    the currency. A form that could be read two ways is refused with both readings.
    """
    text = _SPACES.sub("", value)
    said = _TRAILING_WORD.search(text)
    word = "" if said is None else said.group(1)
    text = text[: len(text) - len(word)].replace("\u2212", "-")  # the minus sign as typeset
    if not text:
        if word:
            raise _not_a_number(field)
        return TypedAmount(None)
    sign = text[0] if text[0] in "+-" else ""
    body = text[len(sign) :]
    english = current_language() == "en"
    digits = _english(body, field, value.strip(), sign) if english else _nordic(body, field)
    whole, dot, decimals = digits.partition(".")
    if not _DIGITS.fullmatch(whole or "0") or (dot and not _DIGITS.fullmatch(decimals)) or not digits:
        raise _not_a_number(field)
    return TypedAmount(Decimal(sign + digits), word)


def _number(value: object, field: str) -> TypedAmount:
    if value is None or isinstance(value, Decimal):
        return TypedAmount(value)
    if isinstance(value, bool):
        raise TypeError(f"not a number for {field}: {value!r}")
    if isinstance(value, int | float):
        return TypedAmount(Decimal(str(value)))
    if not isinstance(value, str):
        raise TypeError(f"not a number for {field}: {value!r}")
    return read_amount(value, field)


def _amount(value: object, field: str, places: int, limit: int) -> TypedAmount:
    typed = _number(value, field)
    number = typed.number
    if number is None:
        return typed
    if not number.is_finite():
        raise _not_a_number(field)
    if number < 0:
        raise InvalidInput(_("A cost cannot be negative."), field)
    if number >= limit:
        raise InvalidInput(
            _("That is more than fits: at most {limit}.").format(limit=format_number(limit - 1)), field
        )
    exponent = number.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -places:
        message = (
            _("Hours take at most one decimal (1.5 is an hour and a half).")
            if places == 1
            else _("An amount takes at most two decimals.")
        )
        raise InvalidInput(message, field)
    return TypedAmount(number.quantize(Decimal(1).scaleb(-places)), typed.said)


def check_currency_word(typed: TypedAmount, currency: str, field: str) -> None:
    """Refuse an amount whose currency word ("kr", "NOK") stands for another currency than ``currency``."""
    if not typed.fits(currency):
        raise InvalidInput(
            _("The amount says {said}, but the currency is {currency}.").format(
                said=typed.said, currency=currency
            ),
            field,
        )


def _currency(value: object) -> str:
    code = str(value).strip().upper()
    if not _CURRENCY.fullmatch(code) or not is_currency(code):
        raise InvalidInput(
            _("Write the currency as its three-letter code, such as SEK, NOK or EUR."), "currency"
        )
    return code


def _clean(fields: dict[str, Any]) -> tuple[dict[str, Any], TypedAmount | None]:
    """The fields checked and cleaned, and the money as typed (to check its currency word)."""
    cleaned: dict[str, Any] = {}
    money: TypedAmount | None = None
    for name, value in fields.items():
        if name in TEXT_FIELDS:
            cleaned[name] = clean_text(value, name)
        elif name == "cost_hours":
            hours = _amount(value, name, 1, HOURS_LIMIT)
            if hours.said:
                raise _not_a_number(name)  # hours, not money
            cleaned[name] = hours.number
        elif name == "cost_money":
            money = _amount(value, name, 2, MONEY_LIMIT)
            cleaned[name] = money.number
        elif name == "currency":
            cleaned[name] = _currency(value)
        else:
            raise TypeError(f"not a field of the analysis: {name}")
    return cleaned, money


def completeness_of(values: dict[str, Any]) -> Completeness:
    """How many checklist items have an answer (a zero cost is an answer; blank text is not)."""
    missing = tuple(
        name
        for name in CHECKLIST
        if values[name] is None or (isinstance(values[name], str) and not values[name].strip())
    )
    return Completeness(filled=len(CHECKLIST) - len(missing), total=len(CHECKLIST), missing=missing)


def _snapshot(idea_id: str, row: Analysis | None) -> AnalysisSnapshot:
    values: dict[str, Any] = {name: "" for name in TEXT_FIELDS} | {"cost_hours": None, "cost_money": None}
    currency = DEFAULT_CURRENCY
    if row is not None:
        values = {name: getattr(row, name) for name in CHECKLIST}
        currency = row.currency
    return AnalysisSnapshot(
        id=None if row is None else row.id,
        idea_id=idea_id,
        currency=currency,
        completeness=completeness_of(values),
        **values,
    )


def _row(session: Session, idea_id: str) -> Analysis | None:
    return session.scalar(select(Analysis).where(Analysis.idea_id == idea_id))


def weighable(analysis: AnalysisSnapshot | Analysis) -> bool:
    """A benefit and a cost (hours or money) to weigh against each other."""
    has_cost = analysis.cost_hours is not None or analysis.cost_money is not None
    return bool(analysis.benefit.strip()) and has_cost


def get_analysis(db: Database, idea_id: str) -> AnalysisSnapshot:
    """The idea's analysis; all empty if nothing has been saved yet."""
    with db.transaction() as session:
        fetch(session, Idea, idea_id, allow_deleted=True)
        return _snapshot(idea_id, _row(session, idea_id))


def save_analysis(db: Database, idea_id: str, **fields: Any) -> AnalysisSnapshot:
    """Save the given fields (the others stay): texts as typed, costs as numbers of 0 or more.

    Hours take one decimal and money two; the currency is an ISO 4217 code (SEK unless said).
    None or an empty string clears a cost.
    """
    cleaned, money = _clean(fields)
    with db.transaction() as session:
        idea = fetch(session, Idea, idea_id)
        row = _row(session, idea_id)
        if money is not None:
            currency = cleaned.get("currency") or (DEFAULT_CURRENCY if row is None else row.currency)
            check_currency_word(money, currency, "cost_money")
        if row is None:
            row = Analysis(idea_id=idea_id, currency=DEFAULT_CURRENCY)
            session.add(row)
        for name, value in cleaned.items():
            setattr(row, name, value)
        session.flush()
        follow_progress(session, idea.workshop_id, idea.id)
        return _snapshot(idea_id, row)


def completeness(analysis: AnalysisSnapshot) -> Completeness:
    return analysis.completeness


def problems_before_ready(analysis: AnalysisSnapshot) -> list[str]:
    """Why a plan built on this analysis cannot be marked ready for decision yet; empty if it can."""
    problems: list[str] = []
    if not analysis.benefit.strip():
        problems.append(
            _(
                "The in-depth analysis says nothing about the expected benefit: a plan is ready for "
                "decision only when its benefit can be weighed against its cost."
            )
        )
    if analysis.cost_hours is None and analysis.cost_money is None:
        problems.append(
            _(
                "The in-depth analysis gives no cost in hours or money: a plan is ready for decision "
                "only when its benefit can be weighed against its cost."
            )
        )
    return problems


def ready_problems_in(session: Session, idea_id: str) -> list[str]:
    """``ready_problems`` inside a unit of work that is already open."""
    fetch(session, Idea, idea_id, allow_deleted=True)
    return problems_before_ready(_snapshot(idea_id, _row(session, idea_id)))


def ready_problems(db: Database, idea_id: str) -> list[str]:
    """Why the idea's plan cannot be marked ready for decision yet: benefit and cost are needed.

    Opens its own unit of work: inside one, call ``ready_problems_in`` with its session.
    """
    with db.transaction() as session:
        return ready_problems_in(session, idea_id)
