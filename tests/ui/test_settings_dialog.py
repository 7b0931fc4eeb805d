"""The installation's settings: the protocol's link template and logo, the language, the backups kept."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.i18n import set_language
from app.paths import config_dir
from app.settings import Settings, install_logo, logo_path
from app.snapshots import WorkshopSnapshot
from exports.formats import export_workshop
from tests.ui.conftest import LEFT, type_text
from tests.ui.voting_panel_helpers import ok_button
from ui.hub import Hub
from ui.settings_dialog import SettingsDialog

TEMPLATE = "https://intranet.sjovik.se/innovation/uppföljning/{workshop_id}?datum={date}"


@pytest.fixture(autouse=True)
def english(swedish: None) -> None:
    """These tests read the English source strings; the ``swedish`` fixture sets Swedish back after."""
    set_language("en")


@pytest.fixture
def dialog(qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def picture(path: Path, size: tuple[int, int] = (300, 100)) -> Path:
    Image.new("RGB", size, (0, 84, 150)).save(path)
    return path


def test_the_dialog_shows_the_settings_there_are(qtbot: QtBot) -> None:
    Settings().set("follow_up_url_template", TEMPLATE)
    Settings().set("backups_to_keep", 25)
    Settings().set("language", "nb")

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)

    assert dialog.link.text() == TEMPLATE
    assert dialog.backups.value() == 25
    assert dialog.language.currentText() == "Norsk bokmål"
    assert dialog.logo.text() == "No logo"
    assert not dialog.remove_button.isEnabled()


def test_the_link_template_saved_is_the_one_the_exported_protocol_uses(
    dialog: SettingsDialog, hub: Hub, room: WorkshopSnapshot, qtbot: QtBot, tmp_path: Path
) -> None:
    type_text(dialog.link, TEMPLATE)

    qtbot.mouseClick(ok_button(dialog), LEFT)

    assert not dialog.isVisible()
    assert Settings().get("follow_up_url_template") == TEMPLATE
    out = tmp_path / "protokoll.pdf"
    export_workshop(hub.db, room.id, "pdf", out, lang="sv")
    first_page = re.sub(r"\s+", "", pypdf.PdfReader(out).pages[0].extract_text())
    assert f"https://intranet.sjovik.se/innovation/uppföljning/{room.id}?datum=" in first_page


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("https://intranet.sjovik.se/{id}", "{id} is not one of them"),
        ("intranet.sjovik.se/uppfoljning", "must be a whole web address"),
        ("https://intranet.sjovik.se/{workshop_id", "a brace without its pair"),
        ("https://intranet.sjovik.se/" + "å" * 1200, "too long for a QR code"),
    ],
)
def test_a_template_no_qr_code_can_hold_is_refused_and_kept_as_typed(
    dialog: SettingsDialog, qtbot: QtBot, typed: str, reason: str
) -> None:
    dialog.link.setText(typed)

    qtbot.mouseClick(ok_button(dialog), LEFT)

    assert dialog.isVisible()
    assert dialog.link_error.isVisible()
    assert reason in dialog.link_error.text()
    assert dialog.link.text() == typed
    assert Settings().get("follow_up_url_template") == ""


def test_a_chosen_logo_shows_as_a_thumbnail_and_is_copied_on_save(
    dialog: SettingsDialog, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = picture(tmp_path / "Sjöviks kommunvapen.png")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(chosen), ""))

    qtbot.mouseClick(dialog.choose_button, LEFT)

    thumbnail = dialog.logo.pixmap()
    assert not thumbnail.isNull()
    assert (thumbnail.width(), thumbnail.height()) == (240, 80)
    assert dialog.remove_button.isEnabled()
    assert logo_path() is None  # nothing is stored before Save

    qtbot.mouseClick(ok_button(dialog), LEFT)

    assert logo_path() == config_dir() / "logo.png"
    with Image.open(config_dir() / "logo.png") as copy:
        assert copy.size == (300, 100)


def test_cancelling_the_file_dialog_changes_nothing(
    dialog: SettingsDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: ("", ""))

    qtbot.mouseClick(dialog.choose_button, LEFT)

    assert dialog.logo.text() == "No logo"
    assert not dialog.logo_error.isVisible()


def test_a_file_that_is_no_picture_is_refused_and_the_logo_stays(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_logo(picture(tmp_path / "vapen.png"))
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert not dialog.logo.pixmap().isNull()
    text = tmp_path / "logo.jpg"
    text.write_text("inte en bild", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(text), ""))

    qtbot.mouseClick(dialog.choose_button, LEFT)

    assert dialog.logo_error.text() == "The logo must be a PNG or JPEG picture, and this file is not one."
    assert not dialog.logo.pixmap().isNull()
    dialog.accept()
    assert logo_path() == config_dir() / "logo.png"


def test_removing_the_logo_takes_effect_on_save_only(qtbot: QtBot, tmp_path: Path) -> None:
    copy = install_logo(picture(tmp_path / "vapen.png"))
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)

    qtbot.mouseClick(dialog.remove_button, LEFT)

    assert dialog.logo.text() == "No logo"
    assert not dialog.remove_button.isEnabled()
    dialog.reject()
    assert logo_path() == copy  # cancelled: the logo stays

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.remove_button, LEFT)
    dialog.accept()

    assert logo_path() is None
    assert not copy.exists()


def test_language_and_backups_are_saved(dialog: SettingsDialog) -> None:
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.backups.setValue(3)

    dialog.accept()

    assert Settings().get("language") == "en"
    assert Settings().get("backups_to_keep") == 3
