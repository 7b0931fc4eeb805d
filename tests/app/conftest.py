"""Fixtures for the core's tests."""

from __future__ import annotations

import pytest

from app.snapshots import WorkshopSnapshot
from app.workshops import create_workshop
from models.database import Database


@pytest.fixture
def workshop(db: Database) -> WorkshopSnapshot:
    """A workshop from the default template, in a fresh database."""
    return create_workshop(db, "Trygg hemma")
