"""Preferences and window state: defaults, bad files ignored, values kept across runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.settings import OPTIONS, Settings, WindowState


def settings_file(home: Path) -> Path:
    return home / "config" / "settings.json"


def state_file(home: Path) -> Path:
    return home / "state" / "window-state.json"


def write(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")


def test_defaults_without_a_file(mylla_home: Path) -> None:
    settings = Settings()

    assert settings.path == settings_file(mylla_home)
    assert settings.get("language") == "sv"
    assert settings.get("backups_to_keep") == 10
    assert {name: settings.get(name) for name in OPTIONS} == {o.name: o.default for o in OPTIONS.values()}
    assert not settings.path.exists()


@pytest.mark.parametrize(
    "stored",
    [
        {"language": 5, "backups_to_keep": True},
        {"language": "de", "backups_to_keep": 0},
        {"language": None, "backups_to_keep": None},
        {"language": ["sv"], "backups_to_keep": {"on": True}},
    ],
)
def test_a_wrong_value_in_the_file_falls_back_to_the_default(
    mylla_home: Path, stored: dict[str, object]
) -> None:
    write(settings_file(mylla_home), json.dumps(stored))

    settings = Settings()

    assert settings.get("language") == "sv"
    assert settings.get("backups_to_keep") == 10


def test_good_values_in_the_file_are_read(mylla_home: Path) -> None:
    write(settings_file(mylla_home), json.dumps({"language": "nb", "backups_to_keep": 3, "unknown": 1}))

    settings = Settings()

    assert settings.get("language") == "nb"
    assert settings.get("backups_to_keep") == 3


def test_set_persists_across_instances(mylla_home: Path) -> None:
    Settings().set("language", "en")
    Settings().set("backups_to_keep", 3)

    again = Settings()

    assert again.get("language") == "en"
    assert again.get("backups_to_keep") == 3
    assert json.loads(settings_file(mylla_home).read_text(encoding="utf-8")) == {
        "language": "en",
        "backups_to_keep": 3,
    }
    assert [p.name for p in settings_file(mylla_home).parent.iterdir()] == ["settings.json"]


def test_set_keeps_other_values_and_a_given_path(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere" / "prefs.json"
    Settings(path).set("language", "nb")
    Settings(path).set("backups_to_keep", 5)

    again = Settings(path)
    assert (again.get("language"), again.get("backups_to_keep")) == ("nb", 5)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("language", "de"),
        ("language", 1),
        ("backups_to_keep", "no"),
        ("backups_to_keep", 0),
        ("backups_to_keep", None),
    ],
)
def test_set_refuses_a_bad_value_and_keeps_the_file(mylla_home: Path, name: str, value: object) -> None:
    settings = Settings()
    settings.set("language", "nb")
    before = settings_file(mylla_home).read_text(encoding="utf-8")

    with pytest.raises(ValueError, match=name):
        settings.set(name, value)

    assert settings_file(mylla_home).read_text(encoding="utf-8") == before
    assert Settings().get("language") == "nb"
    assert settings.get(name) == Settings().get(name)


def test_an_unknown_setting_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        Settings().get("colour_scheme")


@pytest.mark.parametrize("content", [b"{not json", b"", b"[1, 2, 3]", b'"sv"', b"\xff\xfe{\x00"])
def test_a_corrupt_settings_file_is_ignored_and_replaced_on_save(mylla_home: Path, content: bytes) -> None:
    settings_file(mylla_home).parent.mkdir(parents=True)
    settings_file(mylla_home).write_bytes(content)

    settings = Settings()
    assert settings.get("language") == "sv"

    settings.set("language", "en")
    assert json.loads(settings_file(mylla_home).read_text(encoding="utf-8")) == {"language": "en"}


def test_window_state_round_trips_bytes(mylla_home: Path) -> None:
    geometry = bytes(range(256)) * 3
    state = WindowState()
    state.set("main/geometry", geometry)
    state.set("main/splitter", b"")

    again = WindowState()

    assert again.path == state_file(mylla_home)
    assert again.get("main/geometry") == geometry
    assert again.get("main/splitter") == b""
    assert again.get("presenter/geometry") is None
    assert not settings_file(mylla_home).exists()


@pytest.mark.parametrize(
    "content", ["{not json", '{"main/geometry": 42}', '{"main/geometry": "not base64!"}', "[]"]
)
def test_a_corrupt_window_state_file_is_ignored(mylla_home: Path, content: str) -> None:
    write(state_file(mylla_home), content)

    state = WindowState()
    assert state.get("main/geometry") is None

    state.set("main/geometry", b"\x01\x02")
    assert WindowState().get("main/geometry") == b"\x01\x02"
