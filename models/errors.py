"""Failures of the store that come from the environment, not from a bug.

Each carries a kind and the path; app/ turns them into a sentence in the user's language.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class StoreProblem(StrEnum):
    NOT_SQLITE = "not_sqlite"
    NOT_MYLLA = "not_mylla"
    CORRUPT = "corrupt"
    NEWER = "newer"
    CANNOT_CREATE = "cannot_create"
    READ_ONLY = "read_only"
    DISK_FULL = "disk_full"
    LOCKED = "locked"
    NOT_A_FILE = "not_a_file"


class StoreError(Exception):
    """The database file cannot be used as asked; nothing was written to it."""

    def __init__(self, problem: StoreProblem, path: Path, detail: str = "") -> None:
        super().__init__(f"{problem}: {path}: {detail}" if detail else f"{problem}: {path}")
        self.problem = problem
        self.path = path
        self.detail = detail


def classify_sqlite_error(message: str) -> StoreProblem | None:
    """Map SQLite's own wording to the environment problems a user can act on."""
    text = message.lower()
    if "disk is full" in text or "database or disk is full" in text:
        return StoreProblem.DISK_FULL
    if "readonly" in text or "read-only" in text:
        return StoreProblem.READ_ONLY
    if "locked" in text or "busy" in text:
        return StoreProblem.LOCKED
    if "unable to open" in text:
        return StoreProblem.CANNOT_CREATE
    if "malformed" in text or "not a database" in text:
        return StoreProblem.CORRUPT
    return None
