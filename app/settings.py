"""User preferences, each declared once with its type, default and title; and window state.

Preferences live in the config folder, window state (geometry, splitters) in the state
folder: clearing one never loses the other. The organisation's logo is a copy kept in the
config folder, so that the protocol still finds it when the chosen file is moved.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import InvalidInput
from app.i18n import LANGUAGES, N_, _, format_number
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
        # The organisation's logo printed on the protocol's first page: a file name in the config folder.
        Option("logo", "", N_("The organisation's logo")),
    )
}

log = logging.getLogger(__name__)

#: A logo file larger than this is refused before it is read (a logo is a few hundred kB at most).
LOGO_MAX_BYTES = 5 * 1024 * 1024
#: More pixels than this are refused as a possible decompression bomb.
LOGO_MAX_PIXELS = 40_000_000
#: The formats a logo may have, with the ending its copy gets; both print sharp in a PDF.
LOGO_FORMATS = {"PNG": ".png", "JPEG": ".jpg"}
_LOGO_STEM = "logo"


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


def check_logo(path: Path) -> str:
    """The format of the picture at ``path`` (PNG or JPEG); refused if it is not one, or damaged."""
    from PIL import Image

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InvalidInput(
            _("The file could not be read: {reason}").format(reason=exc.strerror), "logo"
        ) from None
    if size > LOGO_MAX_BYTES:
        message = _("The logo is {size} MB; at most {limit} MB fit.")
        raise InvalidInput(
            message.format(size=format_number(round(size / 2**20, 1)), limit=LOGO_MAX_BYTES // 2**20), "logo"
        )
    refused = InvalidInput(_("The logo must be a PNG or JPEG picture, and this file is not one."), "logo")
    try:
        with Image.open(path, formats=tuple(LOGO_FORMATS)) as image:
            if image.width * image.height > LOGO_MAX_PIXELS:
                raise InvalidInput(_("The logo has too many pixels; a smaller copy will do."), "logo")
            image.load()  # a cut-off or damaged file fails here rather than in the protocol
            return str(image.format)
    except InvalidInput:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError, struct.error, Warning):
        raise refused from None


def logo_path(settings: Settings | None = None) -> Path | None:
    """The logo's copy in the config folder, if one is set and still there."""
    name = str((settings or Settings()).get("logo"))
    if not name or Path(name).name != name:
        return None
    path = config_dir() / name
    if not path.is_file():
        log.warning("The logo %s is set but not found; the protocol is printed without it.", path)
        return None
    return path


def install_logo(source: Path, settings: Settings | None = None) -> Path:
    """Check ``source`` and copy it into the config folder as the logo; the copy's path."""
    settings = settings or Settings()
    ending = LOGO_FORMATS[check_logo(source)]
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{_LOGO_STEM}{ending}"
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=target.name, suffix=".tmp")
    os.close(fd)
    try:
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise InvalidInput(
            _("The logo could not be copied: {reason}").format(reason=exc.strerror), "logo"
        ) from None
    settings.set("logo", target.name)
    for other in LOGO_FORMATS.values():
        if other != ending:
            (folder / f"{_LOGO_STEM}{other}").unlink(missing_ok=True)
    return target


def remove_logo(settings: Settings | None = None) -> None:
    """No logo on the protocol any more; its copy in the config folder is deleted."""
    settings = settings or Settings()
    path = logo_path(settings)
    settings.set("logo", "")
    if path is not None:
        path.unlink(missing_ok=True)
