"""Idea capture by keyboard: title and Enter, givers by type-ahead, paste, edit, filter, delete, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.clusters import add_cluster
from app.ideas import add_idea, list_ideas
from app.participants import list_participants
from app.snapshots import WorkshopSnapshot
from ui.hub import Hub
from ui.idea_capture import IdeaCapture
from ui.item_models import IdRole

from .conftest import type_text


@pytest.fixture
def capture(hub: Hub, room: WorkshopSnapshot, qtbot: QtBot) -> IdeaCapture:
    widget = IdeaCapture(hub, room.id)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def titles_shown(capture: IdeaCapture) -> list[str]:
    f = capture.filter
    return [f.index(r, 0).data(Qt.ItemDataRole.EditRole) for r in range(f.rowCount())]


def stored_titles(hub: Hub, room: WorkshopSnapshot) -> list[str]:
    return [i.title for i in list_ideas(hub.db, room.id)]


def enter_idea(capture: IdeaCapture, qtbot: QtBot, title: str) -> None:
    capture.form.title.setFocus()
    type_text(capture.form.title, title)
    qtbot.keyClick(capture.form.title, Qt.Key.Key_Return)


def test_title_and_enter_saves_and_clears_for_the_next(
    capture: IdeaCapture, hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    for title in ("Fikavänner från gymnasiet", "Sms när besöket blir sent", "Kvarterssoppa – även för små"):
        enter_idea(capture, qtbot, title)
        assert capture.form.title.text() == ""
    assert stored_titles(hub, room) == [
        "Fikavänner från gymnasiet",
        "Sms när besöket blir sent",
        "Kvarterssoppa – även för små",
    ]
    assert titles_shown(capture) == stored_titles(hub, room)
    assert capture.count.text() == "3 idéer"
    assert hub.undo_stack.undoText() == "Lägg till idé ”Kvarterssoppa – även för små”"


def test_an_empty_title_is_refused_and_says_so(
    capture: IdeaCapture, hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    enter_idea(capture, qtbot, "   ")
    assert capture.form.error.isVisible()
    assert capture.form.error.text() == "Titeln får inte vara tom."
    assert stored_titles(hub, room) == []
    assert hub.undo_stack.count() == 0


def test_undo_and_redo_of_capture(
    capture: IdeaCapture, hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    enter_idea(capture, qtbot, "Promenadvänner")
    enter_idea(capture, qtbot, "Läsecirkel")
    hub.undo_stack.undo()
    assert titles_shown(capture) == ["Promenadvänner"]
    assert stored_titles(hub, room) == ["Promenadvänner"]
    hub.undo_stack.redo()
    assert titles_shown(capture) == ["Promenadvänner", "Läsecirkel"]


def test_pasted_lines_become_title_and_description(
    capture: IdeaCapture, hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    mime = QMimeData()
    mime.setText("Frukostträff på biblioteket\nVarje tisdag kl 9.\nMed stöd av PRO.")
    QGuiApplication.clipboard().setMimeData(mime)
    capture.form.title.setFocus()
    qtbot.keyClick(capture.form.title, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert capture.form.title.text() == "Frukostträff på biblioteket"
    assert capture.form.description.toPlainText() == "Varje tisdag kl 9.\nMed stöd av PRO."
    qtbot.keyClick(capture.form.title, Qt.Key.Key_Return)
    stored = list_ideas(hub.db, room.id)[0]
    assert (stored.title, stored.text) == (
        "Frukostträff på biblioteket",
        "Varje tisdag kl 9.\nMed stöd av PRO.",
    )


def test_givers_by_type_ahead_and_anonymous_ideas(
    capture: IdeaCapture, hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    people = {p.display_name: p.id for p in list_participants(hub.db, room.id)}
    capture.form.giver_search.setFocus()
    type_text(capture.form.giver_search, "amira")
    qtbot.keyClick(capture.form.giver_search, Qt.Key.Key_Return)
    assert capture.form.giver_ids() == [people["Amira Hassan"]]
    enter_idea(capture, qtbot, "Fast omsorgskontakt")
    capture.form.anonymous.setChecked(True)
    enter_idea(capture, qtbot, "Tid för en kopp kaffe")
    named, anonymous = list_ideas(hub.db, room.id)
    assert named.giver_ids == (people["Amira Hassan"],)
    assert anonymous.anonymous
    assert anonymous.giver_ids == ()
    shown = [capture.filter.index(r, 0).data() for r in range(2)]
    assert "Amira Hassan" in shown[0]
    assert shown[1].splitlines()[1].strip() == "saknar uppbackning · anonym"


def test_five_citizens_in_one_step(capture: IdeaCapture, hub: Hub, room: WorkshopSnapshot) -> None:
    form = capture.participant_form
    form.count.setValue(5)
    form.role.setCurrentIndex(form.role.findData("citizen"))
    assert not form.name.isEnabled()
    form.add_button.click()
    people = list_participants(hub.db, room.id)
    assert len(people) == 8
    assert sum(1 for p in people if p.role == "citizen") == 7
    assert capture.people_summary.text().startswith("8 deltagare")
    hub.undo_stack.undo()
    assert len(list_participants(hub.db, room.id)) == 3
    assert capture.people_summary.text().startswith("3 deltagare")


def test_edit_in_place_delete_and_undo(
    capture: IdeaCapture, hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    enter_idea(capture, qtbot, "Bokbuss")
    enter_idea(capture, qtbot, "Telefonvän")
    first = capture.filter.index(0, 0)
    assert capture.filter.setData(first, "Bokbuss till Östra byn")
    assert stored_titles(hub, room) == ["Bokbuss till Östra byn", "Telefonvän"]
    capture.list.setFocus()
    capture.list.setCurrentIndex(capture.filter.index(1, 0))
    qtbot.keyClick(capture.list, Qt.Key.Key_Delete)
    assert stored_titles(hub, room) == ["Bokbuss till Östra byn"]
    assert titles_shown(capture) == ["Bokbuss till Östra byn"]
    hub.undo_stack.undo()
    assert titles_shown(capture) == ["Bokbuss till Östra byn", "Telefonvän"]
    hub.undo_stack.undo()
    assert titles_shown(capture) == ["Bokbuss", "Telefonvän"]


def test_choosing_an_idea_edits_its_details(
    capture: IdeaCapture, hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    enter_idea(capture, qtbot, "Anhörigkafé")
    capture.list.setFocus()
    capture.list.setCurrentIndex(capture.filter.index(0, 0))
    assert capture.form.heading.text() == "Ny idé"  # a click only chooses; Enter opens it
    qtbot.keyClick(capture.list, Qt.Key.Key_Return)
    assert capture.form.heading.text() == "Redigera idé"
    capture.form.description.setPlainText("Första torsdagen i månaden.")
    capture.form.kind.setCurrentIndex(capture.form.kind.findData("service"))
    capture.form.save_button.click()
    stored = list_ideas(hub.db, room.id)[0]
    assert (stored.text, stored.idea_type) == ("Första torsdagen i månaden.", "service")
    hub.undo_stack.undo()
    stored = list_ideas(hub.db, room.id)[0]
    assert (stored.text, stored.idea_type) == ("", None)


def test_filter_by_text_and_cluster(capture: IdeaCapture, hub: Hub, room: WorkshopSnapshot) -> None:
    theme = add_cluster(hub.db, room.id, "Gemenskap")
    add_idea(hub.db, room.id, "Kvarterssoppa", cluster_id=theme.id)
    add_idea(hub.db, room.id, "Sms vid sen ankomst", text="till brukaren")
    capture.reload()
    capture.search.setText("BRUKAREN")
    assert titles_shown(capture) == ["Sms vid sen ankomst"]
    assert capture.count.text() == "1 av 2 idéer visas"
    capture.search.clear()
    capture.cluster_filter.setCurrentIndex(capture.cluster_filter.findData(theme.id))
    assert titles_shown(capture) == ["Kvarterssoppa"]
    capture.cluster_filter.setCurrentIndex(capture.cluster_filter.findText("Utan tema"))
    assert titles_shown(capture) == ["Sms vid sen ankomst"]


def test_an_idea_added_elsewhere_appears_without_reloading(
    capture: IdeaCapture, hub: Hub, room: WorkshopSnapshot
) -> None:
    idea = add_idea(hub.db, room.id, "Musikstund")
    hub.ideasChanged.emit(room.id, [idea])
    assert capture.filter.index(0, 0).data(IdRole) == idea.id


def test_a_chosen_idea_is_never_overwritten_by_the_next_one(
    capture: IdeaCapture, hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    enter_idea(capture, qtbot, "Frukostträff")
    capture.list.setCurrentIndex(capture.filter.index(0, 0))  # clicked, to see who gave it
    enter_idea(capture, qtbot, "Läsecirkel")
    assert stored_titles(hub, room) == ["Frukostträff", "Läsecirkel"]


def test_after_editing_the_form_is_new_again_with_empty_details(
    capture: IdeaCapture, hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    enter_idea(capture, qtbot, "Stickcafé")
    capture.edit(list_ideas(hub.db, room.id)[0].id)
    capture.form.kind.setCurrentIndex(capture.form.kind.findData("method"))
    qtbot.keyClick(capture.form.title, Qt.Key.Key_Return)
    assert capture.form.heading.text() == "Ny idé"
    enter_idea(capture, qtbot, "Bokbuss")
    assert [i.idea_type for i in list_ideas(hub.db, room.id)] == ["method", None]


def test_a_long_paste_is_refused_with_its_real_length(
    capture: IdeaCapture, hub: Hub, room: WorkshopSnapshot
) -> None:
    mime = QMimeData()
    mime.setText("x" * 2_000_000)
    capture.form.title.insertFromMimeData(mime)
    assert capture.form.error.text() == "Texten är 2\xa0000\xa0000 tecken lång; högst 300 får plats."
    assert capture.form.title.text() == ""
    capture.form.description.insertFromMimeData(mime)
    assert capture.form.error.text() == "Texten är 2\xa0000\xa0000 tecken lång; högst 100\xa0000 får plats."
    assert capture.form.description.toPlainText() == ""


def test_participants_are_listed_with_consent_and_can_be_removed(
    capture: IdeaCapture, hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    rows = [capture.people_list.item(i) for i in range(capture.people_list.count())]
    assert rows[0].text() == "Amira Hassan · Medarbetare"
    assert [r.checkState() == Qt.CheckState.Checked for r in rows] == [True, False, False]
    rows[1].setCheckState(Qt.CheckState.Checked)  # Bo Ek agrees to be named
    assert [p.consent_to_be_named for p in list_participants(hub.db, room.id)] == [True, True, False]
    capture.tabs.setCurrentIndex(1)
    capture.people_list.setCurrentRow(2)
    capture.people_list.setFocus()
    qtbot.keyClick(capture.people_list, Qt.Key.Key_Delete)
    assert len(list_participants(hub.db, room.id)) == 2
    assert capture.people_list.count() == 2
    hub.undo_stack.undo()
    hub.undo_stack.undo()
    assert [p.consent_to_be_named for p in list_participants(hub.db, room.id)] == [True, False, False]
    assert capture.people_list.count() == 3
