"""The list of shortlisted ideas that steps 4-10 work from."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.review import set_recommendation, start_review
from app.shortlist import add_to_shortlist
from app.snapshots import WorkshopSnapshot
from tests.ui.steps_helpers import SHORTLISTED, Shortlisted, english, shortlisted
from ui.hub import Hub
from ui.shortlist_picker import ShortlistPicker

__all__ = ["english", "shortlisted"]


def rows(picker: ShortlistPicker) -> list[str]:
    return [picker.list.item(row).text() for row in range(picker.list.count())]


def test_lists_the_shortlist_with_each_step_and_chooses_the_first(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    picker = ShortlistPicker(hub, shortlisted.workshop_id)
    qtbot.addWidget(picker)
    assert rows(picker) == [f"{title}\nShortlisted" for title in SHORTLISTED]
    assert picker.current_idea_id() == shortlisted.ideas[0]


def test_follows_the_step_and_keeps_the_choice(hub: Hub, shortlisted: Shortlisted, qtbot: QtBot) -> None:
    picker = ShortlistPicker(hub, shortlisted.workshop_id)
    qtbot.addWidget(picker)
    picker.show()  # a hidden list reads again only when it is next shown
    with qtbot.waitSignal(picker.ideaChosen) as chosen:
        picker.choose(shortlisted.ideas[1])
    assert chosen.args == [shortlisted.ideas[1]]
    review = start_review(hub.db, shortlisted.ideas[1])
    set_recommendation(hub.db, review.id, "proceed", "Strong backing")
    hub.progressChanged.emit(shortlisted.workshop_id)
    assert rows(picker)[1] == f"{SHORTLISTED[1]}\nReviewed"
    assert picker.current_idea_id() == shortlisted.ideas[1]
    add_to_shortlist(hub.db, shortlisted.workshop_id, shortlisted.other, "Late favourite")
    hub.shortlistChanged.emit(shortlisted.workshop_id)
    assert len(rows(picker)) == 4
    assert picker.current_idea_id() == shortlisted.ideas[1]


def test_an_empty_shortlist_says_where_to_make_one(hub: Hub, room: WorkshopSnapshot, qtbot: QtBot) -> None:
    picker = ShortlistPicker(hub, room.id)
    qtbot.addWidget(picker)
    picker.show()
    assert picker.current_idea_id() is None
    assert picker.empty.isVisible()
    assert "dot voting phase" in picker.empty.text()


def test_a_deleted_picker_no_longer_follows_the_hub(hub: Hub, shortlisted: Shortlisted, qtbot: QtBot) -> None:
    from shiboken6 import delete

    from app.ideas import add_idea

    picker = ShortlistPicker(hub, shortlisted.workshop_id)
    delete(picker)
    idea = add_idea(hub.db, shortlisted.workshop_id, "Ny idé")
    hub.ideasChanged.emit(shortlisted.workshop_id, [idea])  # raised "already deleted" before
    hub.ideasRemoved.emit(shortlisted.workshop_id, [idea.id])


def test_a_hidden_list_reads_again_when_it_is_shown(hub: Hub, shortlisted: Shortlisted, qtbot: QtBot) -> None:
    picker = ShortlistPicker(hub, shortlisted.workshop_id)
    qtbot.addWidget(picker)
    add_to_shortlist(hub.db, shortlisted.workshop_id, shortlisted.other, "Late favourite")
    hub.shortlistChanged.emit(shortlisted.workshop_id)
    assert len(rows(picker)) == 3  # hidden: nothing read while ideas are being captured elsewhere
    picker.show()
    assert len(rows(picker)) == 4
