"""Shared fixtures: every test gets its own folders and database; Qt runs offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.i18n import set_language
from models.database import Database, open_database


@pytest.fixture(autouse=True)
def mylla_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, window state, backups and user templates go to a fresh folder per test."""
    home = tmp_path / "home"
    monkeypatch.setenv("MYLLA_HOME", str(home))
    monkeypatch.delenv("MYLLA_DB", raising=False)
    return home


@pytest.fixture(autouse=True)
def swedish() -> Iterator[None]:
    set_language("sv")
    yield
    set_language("sv")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "mylla.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()
