"""A column's value as JSON and back: dates ISO, times in UTC, money as decimal strings, bytes base64."""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, Integer, LargeBinary, Numeric

from app.errors import UserError
from app.i18n import _
from models.base import UTCDateTime


class PackageRefused(UserError):
    """A workshop package that cannot be imported; the database was left as it was."""


class Kind(StrEnum):
    """How a column is written in the package."""

    MOMENT = "moment"
    DAY = "day"
    DECIMAL = "decimal"
    BYTES = "bytes"
    JSON = "json"
    BOOLEAN = "boolean"
    INTEGER = "integer"
    TEXT = "text"


def kind_of(column: Column[Any]) -> Kind:
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return Kind.MOMENT
    if isinstance(kind, Date):
        return Kind.DAY
    if isinstance(kind, Numeric):
        return Kind.DECIMAL
    if isinstance(kind, LargeBinary):
        return Kind.BYTES
    if isinstance(kind, JSON):
        return Kind.JSON
    if isinstance(kind, Boolean):
        return Kind.BOOLEAN
    if isinstance(kind, Integer):
        return Kind.INTEGER
    return Kind.TEXT


def to_json(kind: Kind, value: Any) -> Any:
    """The value as the package writes it (``None`` stays ``null``)."""
    if value is None:
        return None
    if kind is Kind.MOMENT:
        return str(value.astimezone(UTC).isoformat())
    if kind is Kind.DAY:
        return str(value.isoformat())
    if kind is Kind.DECIMAL:
        return str(value)
    if kind is Kind.BYTES:
        return base64.b64encode(value).decode("ascii")
    return value


def refused(message: str) -> PackageRefused:
    """The refusal with its message and the promise that nothing was changed."""
    return PackageRefused(message + " " + _("Nothing was changed."))


def refused_at(where: str, problem: str) -> PackageRefused:
    """A refusal that names the place in the package: ``ideas[3].title: ...``."""
    return refused(
        _("The package cannot be imported: {where}: {problem}.").format(where=where, problem=problem)
    )


def from_json(kind: Kind, value: Any, where: str) -> Any:
    """The value for the column; PackageRefused naming ``where`` when it is no such value.

    The schema has checked the JSON type and the form already; this catches what a pattern
    cannot (the 31st of February, a time without its offset).
    """
    if value is None:
        return None
    try:
        if kind is Kind.MOMENT:
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:
                raise refused_at(where, _("a time without its offset from UTC"))
            return moment.astimezone(UTC)
        if kind is Kind.DAY:
            return date.fromisoformat(value)
        if kind is Kind.DECIMAL:
            number = Decimal(value)
            if not number.is_finite():
                raise refused_at(where, _("not a number: {value}").format(value=value))
            return number
        if kind is Kind.BYTES:
            return base64.b64decode(value, validate=True)
    except (ValueError, InvalidOperation, binascii.Error):
        raise refused_at(where, _("not a valid value: {value}").format(value=str(value)[:40])) from None
    return value
