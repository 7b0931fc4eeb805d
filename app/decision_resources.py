"""Resources (step 8): money, hours and other support given on a GO decision, and by whom."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from babel.numbers import is_currency
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.analysis import TypedAmount, check_currency_word, read_amount
from app.errors import InvalidInput
from app.i18n import _
from app.idea_progress import follow_idea
from app.plan_snapshots import AllocationSnapshot
from app.records import fetch
from app.text import clean_line, clean_text
from models.base import utcnow
from models.database import Database
from models.enums import DecisionOutcome, ResourceKind
from models.plan import Decision, ResourceAllocation

#: Numeric(14, 2): twelve digits before the decimal point.
AMOUNT_LIMIT = Decimal(10) ** 12

Amount = Decimal | int | str | None


def allocation_snapshot(row: ResourceAllocation) -> AllocationSnapshot:
    return AllocationSnapshot(
        id=row.id,
        decision_id=row.decision_id,
        kind=ResourceKind(row.kind),
        amount=row.amount,
        currency=row.currency,
        description=row.description,
        allocated_by=row.allocated_by,
        allocated_on=row.allocated_on,
        deleted=row.deleted_at is not None,
    )


def live_allocations(session: Session, decision_id: str) -> list[ResourceAllocation]:
    return list(
        session.scalars(
            select(ResourceAllocation)
            .where(ResourceAllocation.decision_id == decision_id, ResourceAllocation.deleted_at.is_(None))
            .order_by(ResourceAllocation.created_at, ResourceAllocation.id)
        )
    )


def _kind(value: ResourceKind | str) -> ResourceKind:
    try:
        return ResourceKind(value)
    except ValueError:
        raise InvalidInput(_("Choose money, hours or other support."), "kind") from None


def _typed(value: Amount) -> TypedAmount:
    """A typed amount as the user's language writes it ("1 250,50 kr" in Swedish, "1,250.50" in English)."""
    if isinstance(value, str):
        return read_amount(value, "amount")
    try:
        return TypedAmount(None if value is None else Decimal(value))
    except (InvalidOperation, ValueError, TypeError):
        raise InvalidInput(_("Write the amount as a number."), "amount") from None


def _amount(kind: ResourceKind, typed: TypedAmount) -> Decimal | None:
    number = typed.number
    if number is None:
        if kind is ResourceKind.MONEY:
            raise InvalidInput(_("Write how much money is given."), "amount")
        if kind is ResourceKind.HOURS:
            raise InvalidInput(_("Write how many hours are given."), "amount")
        return None
    if not number.is_finite() or (typed.said and kind is not ResourceKind.MONEY):
        raise InvalidInput(_("Write the amount as a number."), "amount")
    if number < 0:
        raise InvalidInput(_("The amount cannot be negative."), "amount")
    if number >= AMOUNT_LIMIT:
        raise InvalidInput(_("The amount is too large."), "amount")
    return number.quantize(Decimal("0.01"))


def _currency(kind: ResourceKind, value: str) -> str:
    if kind is not ResourceKind.MONEY:
        return ""
    code = value.strip().upper() or "SEK"
    if len(code) != 3 or not code.isascii() or not code.isalpha() or not is_currency(code):
        raise InvalidInput(_("Write the currency as a three-letter code such as SEK or NOK."), "currency")
    return code


@dataclass(frozen=True)
class _Given:
    """What a resource says, checked and cleaned as the user typed it."""

    kind: ResourceKind
    amount: Decimal | None
    currency: str
    description: str
    allocated_by: str
    allocated_on: date | None

    @classmethod
    def checked(
        cls,
        kind: ResourceKind | str,
        amount: Amount,
        currency: str,
        description: str,
        allocated_by: str,
        allocated_on: date | None,
    ) -> _Given:
        checked = _kind(kind)
        typed = _typed(amount)
        number = _amount(checked, typed)
        code = _currency(checked, currency)
        check_currency_word(typed, code, "amount")
        given = cls(
            kind=checked,
            amount=number,
            currency=code,
            description=clean_text(description, "description"),
            allocated_by=clean_line(allocated_by, "allocated_by"),
            allocated_on=allocated_on,
        )
        if checked is ResourceKind.SUPPORT and given.amount is None and not given.description.strip():
            raise InvalidInput(_("Describe the support given."), "description")
        return given

    def write(self, row: ResourceAllocation) -> None:
        row.kind = self.kind
        row.amount = self.amount
        row.currency = self.currency
        row.description = self.description
        row.allocated_by = self.allocated_by
        row.allocated_on = self.allocated_on


def _go(session: Session, decision_id: str) -> Decision:
    decision = fetch(session, Decision, decision_id)
    if decision.outcome != DecisionOutcome.GO:
        raise InvalidInput(_("Resources are given only on a GO decision."), "decision_id")
    return decision


def allocate(
    db: Database,
    decision_id: str,
    kind: ResourceKind | str,
    amount: Amount = None,
    currency: str = "",
    description: str = "",
    allocated_by: str = "",
    allocated_on: date | None = None,
) -> AllocationSnapshot:
    """Money (in a currency, SEK unless said), hours or other support on a GO; the idea becomes resourced.

    ``allocated_by`` is the responsible leader who gives it. A typed amount is read as the
    user's language writes numbers.
    """
    given = _Given.checked(kind, amount, currency, description, allocated_by, allocated_on)
    with db.transaction() as session:
        decision = _go(session, decision_id)
        row = ResourceAllocation(decision_id=decision.id)
        given.write(row)
        session.add(row)
        session.flush()
        follow_idea(session, decision.idea_id)
        return allocation_snapshot(row)


def update_allocation(
    db: Database,
    allocation_id: str,
    kind: ResourceKind | str,
    amount: Amount = None,
    currency: str = "",
    description: str = "",
    allocated_by: str = "",
    allocated_on: date | None = None,
) -> AllocationSnapshot:
    """Correct a resource given; checked as when it was given, and only while its decision is a GO."""
    given = _Given.checked(kind, amount, currency, description, allocated_by, allocated_on)
    with db.transaction() as session:
        row = fetch(session, ResourceAllocation, allocation_id)
        _go(session, row.decision_id)
        given.write(row)
        session.flush()
        return allocation_snapshot(row)


def remove_allocation(db: Database, allocation_id: str) -> AllocationSnapshot:
    with db.transaction() as session:
        row = fetch(session, ResourceAllocation, allocation_id)
        row.deleted_at = utcnow()
        decision = fetch(session, Decision, row.decision_id, allow_deleted=True)
        follow_idea(session, decision.idea_id)
        return allocation_snapshot(row)


def restore_allocation(db: Database, allocation_id: str) -> AllocationSnapshot:
    with db.transaction() as session:
        row = fetch(session, ResourceAllocation, allocation_id, allow_deleted=True)
        decision = _go(session, row.decision_id)
        row.deleted_at = None
        follow_idea(session, decision.idea_id)
        return allocation_snapshot(row)


def get_allocation(db: Database, allocation_id: str) -> AllocationSnapshot:
    with db.transaction() as session:
        return allocation_snapshot(fetch(session, ResourceAllocation, allocation_id))


def allocations(db: Database, decision_id: str) -> list[AllocationSnapshot]:
    """A decision's live resources, in the order given."""
    with db.transaction() as session:
        return [allocation_snapshot(r) for r in live_allocations(session, decision_id)]
