"""The workshop's details dialog: what the protocol's header prints, saved as one undoable change."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.i18n import set_language
from app.settings import Settings
from app.snapshots import WorkshopSnapshot
from app.workshops import get_workshop, update_workshop
from tests.ui.conftest import LEFT, type_text
from tests.ui.voting_panel_helpers import fake_exec, ok_button
from ui.hub import Hub
from ui.workshop_details import WorkshopDetailsDialog
from ui.workshop_page import WorkshopPage

LINK = "https://intranet.sjovik.se/uppfoljning/{workshop_id}"


@pytest.fixture(autouse=True)
def english(swedish: None) -> None:
    """These tests read the English source strings; the ``swedish`` fixture sets Swedish back after."""
    set_language("en")


@pytest.fixture
def page(hub: Hub, room: WorkshopSnapshot, qtbot: QtBot) -> WorkshopPage:
    page = WorkshopPage(hub)
    qtbot.addWidget(page)
    page.show_workshop(room.id)
    return page


def dialog_for(hub: Hub, workshop_id: str, qtbot: QtBot) -> WorkshopDetailsDialog:
    dialog = WorkshopDetailsDialog(hub, get_workshop(hub.db, workshop_id))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill_in(dialog: QDialog) -> None:
    assert isinstance(dialog, WorkshopDetailsDialog)
    dialog.no_date.setChecked(False)
    dialog.held_on.setDate(QDate(2026, 9, 14))
    for name, text in {
        "place": "Medborgarhuset, Sjövik",
        "organisation": "Sjöviks kommun",
        "unit": "Vård- och omsorgsförvaltningen",
        "organiser": "Vård- och omsorgsnämnden",
        "facilitator": "Karin Lindqvist",
        "case_number": "VON 2026/0142",
        "follow_up_url": LINK,
    }.items():
        dialog.lines[name].clear()
        type_text(dialog.lines[name], text)
    dialog.language.setCurrentIndex(dialog.language.findData("nb"))


def test_details_saved_show_on_the_pages_header_and_undo_together(
    page: WorkshopPage, hub: Hub, room: WorkshopSnapshot, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QDialog] = []
    monkeypatch.setattr(WorkshopDetailsDialog, "exec", fake_exec(qtbot, shown, fill_in))
    assert page.details_button.text() == "Details…"

    qtbot.mouseClick(page.details_button, LEFT)

    assert len(shown) == 1
    saved = get_workshop(hub.db, room.id)
    assert (saved.held_on, saved.place, saved.organisation, saved.unit) == (
        date(2026, 9, 14),
        "Medborgarhuset, Sjövik",
        "Sjöviks kommun",
        "Vård- och omsorgsförvaltningen",
    )
    assert (saved.organiser, saved.facilitator, saved.case_number) == (
        "Vård- och omsorgsnämnden",
        "Karin Lindqvist",
        "VON 2026/0142",
    )
    assert (saved.language, saved.follow_up_url) == ("nb", LINK)
    header = "September 14, 2026  ·  Medborgarhuset, Sjövik  ·  Sjöviks kommun  ·  Case VON 2026/0142"
    assert page.details.text() == header
    assert hub.undo_stack.undoText() == "Edit the workshop's details"

    hub.undo_stack.undo()  # one step takes back every detail

    before = get_workshop(hub.db, room.id)
    assert (before.place, before.organisation, before.case_number, before.follow_up_url) == ("", "", "", "")
    assert before.held_on is None
    assert before.language == room.language
    assert "Sjöviks kommun" not in page.details.text()

    hub.undo_stack.redo()

    assert get_workshop(hub.db, room.id) == saved
    assert page.details.text() == header


def test_the_dialog_shows_the_details_there_are(hub: Hub, room: WorkshopSnapshot, qtbot: QtBot) -> None:
    update_workshop(hub.db, room.id, organiser="Kommunstyrelsen", held_on=date(2026, 3, 2), language="en")

    dialog = dialog_for(hub, room.id, qtbot)

    assert dialog.lines["title"].text() == "Trygg skolväg"
    assert dialog.lines["organiser"].text() == "Kommunstyrelsen"
    assert dialog.held_on.date() == QDate(2026, 3, 2)
    assert not dialog.no_date.isChecked()
    assert dialog.language.currentText() == "English"
    assert [dialog.language.itemText(i) for i in range(3)] == ["Svenska", "Norsk bokmål", "English"]


def test_an_empty_title_is_refused_beside_it_and_what_was_typed_stays(
    hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    dialog = dialog_for(hub, room.id, qtbot)
    dialog.lines["title"].setText("   ")
    dialog.lines["place"].setText("Skolan i Ånäs")

    qtbot.mouseClick(ok_button(dialog), LEFT)

    assert dialog.isVisible()
    assert dialog.errors["title"].isVisible()
    assert dialog.errors["title"].text() == "The title cannot be empty."
    assert dialog.focusWidget() is dialog.lines["title"]
    assert dialog.lines["place"].text() == "Skolan i Ånäs"
    assert get_workshop(hub.db, room.id).place == ""
    assert hub.undo_stack.count() == 0


def test_too_long_values_and_a_broken_link_are_refused_each_beside_its_field(
    hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    dialog = dialog_for(hub, room.id, qtbot)
    long_name = "Förvaltning " * 40
    dialog.lines["unit"].setText(long_name)
    dialog.lines["follow_up_url"].setText("https://intranet.sjovik.se/{id}")

    qtbot.mouseClick(ok_button(dialog), LEFT)

    assert dialog.isVisible()
    assert "at most 300" in dialog.errors["unit"].text()
    assert "{id}" in dialog.errors["follow_up_url"].text()
    assert not dialog.errors["title"].isVisible()
    assert dialog.lines["unit"].text() == long_name
    assert dialog.focusWidget() is dialog.lines["unit"]
    assert get_workshop(hub.db, room.id).unit == ""

    type_text(dialog.lines["unit"], "x")  # typing in the field takes its refusal away

    assert not dialog.errors["unit"].isVisible()
    assert dialog.errors["follow_up_url"].isVisible()


def test_a_link_that_is_no_web_address_is_refused(hub: Hub, room: WorkshopSnapshot, qtbot: QtBot) -> None:
    dialog = dialog_for(hub, room.id, qtbot)
    dialog.lines["follow_up_url"].setText("intranet/uppföljning")

    qtbot.mouseClick(ok_button(dialog), LEFT)

    assert dialog.isVisible()
    assert "https://" in dialog.errors["follow_up_url"].text()
    assert get_workshop(hub.db, room.id).follow_up_url == ""


def test_the_link_hint_names_the_installations_link(hub: Hub, room: WorkshopSnapshot, qtbot: QtBot) -> None:
    Settings().set("follow_up_url_template", "https://intranet.sjovik.se/f/{workshop_id}")

    dialog = dialog_for(hub, room.id, qtbot)

    assert "{workshop_id}, {plan_id}" in dialog.link_hint.text()
    assert "https://intranet.sjovik.se/f/{workshop_id}" in dialog.link_hint.text()


def test_no_date_is_saved_as_none_and_nothing_changed_pushes_nothing(
    hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    update_workshop(hub.db, room.id, held_on=date(2026, 3, 2))
    dialog = dialog_for(hub, room.id, qtbot)
    dialog.accept()
    assert hub.undo_stack.count() == 0

    dialog = dialog_for(hub, room.id, qtbot)
    dialog.no_date.setChecked(True)
    assert not dialog.held_on.isEnabled()
    dialog.accept()

    assert get_workshop(hub.db, room.id).held_on is None
    assert hub.undo_stack.count() == 1


def test_long_unicode_values_are_kept_whole(hub: Hub, room: WorkshopSnapshot, qtbot: QtBot) -> None:
    dialog = dialog_for(hub, room.id, qtbot)
    facilitator = "Åsa Ærø Øvergaard-Lindqvist 🌱 " + "ø" * 200
    dialog.lines["facilitator"].setText(facilitator)

    with qtbot.waitSignals([hub.workshopChanged, hub.workshopsChanged], timeout=1000):
        dialog.accept()

    assert not dialog.isVisible()
    assert get_workshop(hub.db, room.id).facilitator == facilitator.strip()
