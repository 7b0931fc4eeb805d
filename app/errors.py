"""Failures a user can understand and act on, each with a sentence in their language."""

from __future__ import annotations

from app.i18n import _
from models.errors import StoreError, StoreProblem


class UserError(Exception):
    """A known failure: the message is fit to show as it is. Nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(UserError):
    """Input refused by a rule (an empty title, a text over the limit)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class NotFound(UserError):
    """The thing asked for is not there (deleted, or from another database)."""


def store_error_message(error: StoreError) -> str:
    """One line that tells the user what is wrong with the database file and what it means."""
    path = str(error.path)
    messages = {
        StoreProblem.NOT_SQLITE: _(
            "{path} is not a Mylla database (not an SQLite file). It was left untouched."
        ),
        StoreProblem.NOT_MYLLA: _(
            "{path} is a database from another program, not Mylla. It was left untouched."
        ),
        StoreProblem.CORRUPT: _(
            "{path} is damaged and cannot be opened. It was left untouched; restore a backup."
        ),
        StoreProblem.NEWER: _(
            "{path} was saved by a newer version of Mylla. Update Mylla to open it; the file was left untouched."
        ),
        StoreProblem.CANNOT_CREATE: _(
            "Cannot create or open the database {path}: the folder is not writable or does not exist."
        ),
        StoreProblem.READ_ONLY: _("The database {path} is read-only: nothing can be saved."),
        StoreProblem.DISK_FULL: _(
            "The disk is full: the last change to {path} was not saved. Free some space and try again."
        ),
        StoreProblem.LOCKED: _(
            "The database {path} is busy in another program. Close it there and try again."
        ),
        StoreProblem.NOT_A_FILE: _("{path} is a folder, not a database file."),
    }
    return messages[error.problem].format(path=path)


def describe(error: Exception) -> str:
    """The user's sentence for a known failure."""
    if isinstance(error, UserError):
        return error.message
    if isinstance(error, StoreError):
        return store_error_message(error)
    if isinstance(error, OSError):
        return _("The file could not be written: {reason}").format(reason=error.strerror or error)
    raise TypeError(f"not a known failure: {error!r}")


KNOWN_ERRORS: tuple[type[Exception], ...] = (UserError, StoreError, OSError)
