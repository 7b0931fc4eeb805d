"""The export dialog on its own: what it offers, what it prefills, and the links it refuses inline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from app.snapshots import WorkshopSnapshot
from app.workshops import update_workshop
from tests.ui.steps_helpers import english
from ui.export_dialog import FORMATS, ExportDialog, suggested_name
from ui.hub import Hub

__all__ = ["english"]

TEMPLATE = "https://intranet.example.se/innovation/uppfoljning/{workshop_id}"


def dialog_for(qtbot: QtBot, workshop: WorkshopSnapshot, template: str = "", **kwargs: bool) -> ExportDialog:
    dialog = ExportDialog(workshop, template, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_formats_and_languages_are_offered_with_the_workshops_language_first(
    qtbot: QtBot, hub: Hub, room: WorkshopSnapshot
) -> None:
    workshop = update_workshop(hub.db, room.id, language="en")
    dialog = dialog_for(qtbot, workshop, TEMPLATE)

    formats = [dialog.format.itemText(i) for i in range(dialog.format.count())]
    assert formats == [
        "Protocol (PDF)",
        "Spreadsheet (CSV)",
        "Markdown summary",
        "Workshop package (JSON)",
        "Calendar (.ics)",
    ]
    languages = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert languages == ["Svenska", "Norsk bokmål", "English"]
    assert dialog.language.currentText() == "English"
    assert dialog.link.text() == TEMPLATE  # the installation's template, for a workshop without a link
    assert dialog.about.text().startswith("The session protocol")


def test_the_link_is_asked_only_for_the_formats_that_print_it(
    qtbot: QtBot, hub: Hub, room: WorkshopSnapshot
) -> None:
    dialog = dialog_for(qtbot, room)
    needs = {}
    for export_format in FORMATS:
        dialog.format.setCurrentIndex(dialog.format.findData(export_format.code))
        needs[export_format.code] = dialog.link.isVisible()
    assert needs == {"pdf": True, "csv": False, "md": True, "json": False, "ics": False}

    # A spreadsheet needs no link: it is accepted with the field empty, and none is passed on.
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.accept()
    assert dialog.result() == ExportDialog.DialogCode.Accepted
    assert dialog.choice().link == ""


def test_the_workshops_own_link_is_shown_and_used(qtbot: QtBot, hub: Hub, room: WorkshopSnapshot) -> None:
    own = "https://kommun.example.se/dialog/park"
    workshop = update_workshop(hub.db, room.id, follow_up_url=own)
    dialog = dialog_for(qtbot, workshop, TEMPLATE)

    assert dialog.link.text() == own
    assert dialog.link.isReadOnly()
    assert not dialog.remember.isVisible()
    assert dialog.link_hint.text() == "This workshop's own follow-up link; the QR codes lead there."
    dialog.accept()
    choice = dialog.choice()
    assert choice.link == ""  # the service takes the workshop's own link itself
    assert not choice.remember


@pytest.mark.parametrize(
    ("link", "refusal"),
    [
        ("", "The protocol's QR code needs a follow-up link"),
        (
            "https://intranet.example.se/{idea_id}",
            "The follow-up link may hold {workshop_id}, {plan_id} and {date}",
        ),
        ("intranet/uppfoljning", "The follow-up link must be a whole web address"),
    ],
)
def test_a_missing_or_broken_link_is_refused_next_to_the_field(
    qtbot: QtBot, room: WorkshopSnapshot, link: str, refusal: str
) -> None:
    dialog = dialog_for(qtbot, room)
    dialog.link.setText(link)
    dialog.accept()

    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text().startswith(refusal)
    assert dialog.link.text() == link  # what was typed stays, to be corrected
    dialog.link.textEdited.emit("h")
    assert not dialog.error.isVisible()


def test_a_typed_link_may_be_remembered(qtbot: QtBot, room: WorkshopSnapshot) -> None:
    dialog = dialog_for(qtbot, room)
    dialog.link.setText(f"  {TEMPLATE} ")
    dialog.remember.setChecked(True)
    dialog.accept()

    choice = dialog.choice()
    assert (choice.format.code, choice.link, choice.remember) == ("pdf", TEMPLATE, True)


def test_printing_asks_only_for_the_language_and_link(qtbot: QtBot, room: WorkshopSnapshot) -> None:
    dialog = dialog_for(qtbot, room, for_print=True)
    assert dialog.windowTitle() == "Print the protocol"
    assert not dialog.format.isVisible()
    assert dialog.chosen_format().code == "pdf"
    assert dialog.link.isVisible()


def test_suggested_names_say_what_the_file_is(room: WorkshopSnapshot) -> None:
    workshop = replace(room, title='Dialog: "Parken" / etapp 2?', held_on=date(2026, 9, 3))
    assert suggested_name(workshop, "pdf") == "Protocol Dialog – Parken etapp 2 2026-09-03.pdf"
    assert suggested_name(workshop, "csv") == "Dialog – Parken etapp 2 2026-09-03.csv"
    assert suggested_name(workshop, "json") == "Dialog – Parken etapp 2 2026-09-03.json"
    assert suggested_name(replace(workshop, held_on=None), "ics").endswith(
        f"{room.created_at.date().isoformat()}.ics"
    )
