"""Where Mylla keeps its files: the database, settings, window state, backups, user templates."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Mylla"
ASSETS = Path(__file__).resolve().parent.parent / "assets"
DB_ENV = "MYLLA_DB"
#: Puts every folder below one directory (tests, portable use from a USB stick).
HOME_ENV = "MYLLA_HOME"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value) if value else None


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else platformdirs.user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else platformdirs.user_config_path(APP_NAME, appauthor=False)


def state_dir() -> Path:
    home = _home()
    return home / "state" if home else platformdirs.user_state_path(APP_NAME, appauthor=False)


def backup_dir() -> Path:
    return data_dir() / "backups"


def user_templates_dir() -> Path:
    return config_dir() / "templates"


def resolve_db_path(given: str | None) -> Path:
    """``--db`` wins, then ``MYLLA_DB``, then the platform's data folder."""
    if given:
        return Path(given).expanduser()
    from_env = os.environ.get(DB_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return data_dir() / "mylla.db"
