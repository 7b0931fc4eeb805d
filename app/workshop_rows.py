"""The workshop list as summaries, readable before the ORM has loaded (for a fast first screen)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from app.i18n import localised
from models.file_check import peek
from models.queries import WORKSHOP_LIST_SQL


@dataclass(frozen=True)
class WorkshopSummary:
    """One row of the workshop list."""

    id: str
    title: str
    held_on: date | None
    place: str
    template_key: str
    current_phase: str
    idea_count: int
    participant_count: int
    created_at: datetime
    deleted: bool


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _as_utc(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _titles(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    return dict(json.loads(value)) if isinstance(value, str | bytes) else dict(value)


def summaries_from_rows(rows: Iterable[Sequence[Any]], search: str = "") -> list[WorkshopSummary]:
    """Rows of ``WORKSHOP_LIST_SQL`` as summaries; ``search`` keeps titles containing it."""
    needle = search.strip().casefold()
    return [
        WorkshopSummary(
            id=row[0],
            title=row[1],
            held_on=_as_date(row[2]),
            place=row[3],
            template_key=row[4],
            created_at=_as_utc(row[5]),
            deleted=row[6] is not None,
            idea_count=int(row[7]),
            participant_count=int(row[8]),
            current_phase=localised(_titles(row[9])),
        )
        for row in rows
        if needle in row[1].casefold()
    ]


def peek_workshops(db_path: Path) -> list[WorkshopSummary]:
    """The workshop list straight from the file, read-only; StoreError if it must not be opened."""
    _state, rows = peek(db_path, WORKSHOP_LIST_SQL, {"include_deleted": 0})
    return summaries_from_rows(rows)
