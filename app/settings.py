"""User preferences, each declared once with its type, default and title; and window state.

Preferences live in the config folder, window state (geometry, splitters) in the state
folder: clearing one never loses the other.
"""

from __future__ import annotations

import base64
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.i18n import LANGUAGES, N_
from app.paths import config_dir, state_dir


@dataclass(frozen=True)
class Option:
    name: str
    default: Any
    title: str  # translated where shown
    choices: tuple[Any, ...] = ()

    def accepts(self, value: Any) -> bool:
        if type(value) is not type(self.default):  # exact: True is an int to isinstance()
            return False
        return not self.choices or value in self.choices


OPTIONS: dict[str, Option] = {
    option.name: option
    for option in (
        Option("language", "sv", N_("Language"), LANGUAGES),
        Option("backups_to_keep", 10, N_("Backups kept of the database"), tuple(range(1, 101))),
        # The name of the monitor chosen for the shared screen; empty: the first that is not primary.
        Option("shared_screen", "", N_("Monitor for the shared screen")),
        # The follow-up link of the protocol's QR codes for this installation, with {workshop_id},
        # {plan_id} and {date} filled in; a workshop's own link wins over it.
        Option("follow_up_url_template", "", N_("Follow-up link for the protocol's QR codes")),
    )
}


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_json(path: Path, data: dict[str, Any]) -> None:
    """Write whole or not at all: a crash mid-write leaves the previous file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class Settings:
    """Preferences; a value of the wrong type in the file falls back to the default."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "settings.json"
        self._values = _read_json(self.path)

    def get(self, name: str) -> Any:
        option = OPTIONS[name]
        value = self._values.get(name, option.default)
        return value if option.accepts(value) else option.default

    def set(self, name: str, value: Any) -> None:
        option = OPTIONS[name]
        if not option.accepts(value):
            raise ValueError(f"{value!r} is not a valid {name}")
        self._values[name] = value
        _write_json(self.path, self._values)


class WindowState:
    """Opaque bytes (Qt's saveGeometry/saveState) by key, kept apart from preferences."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or state_dir() / "window-state.json"
        self._values = _read_json(self.path)

    def get(self, key: str) -> bytes | None:
        value = self._values.get(key)
        if not isinstance(value, str):
            return None
        try:
            return base64.b64decode(value, validate=True)
        except ValueError:
            return None

    def set(self, key: str, value: bytes) -> None:
        self._values[key] = base64.b64encode(value).decode("ascii")
        _write_json(self.path, self._values)
