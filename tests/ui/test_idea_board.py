"""The idea board: themes as columns, cards dragged between them, two ideas merged; all undoable."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QPersistentModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app import ideas as idea_service
from app.clusters import list_clusters
from app.demo import create_demo_workshop
from app.i18n import _, ngettext
from app.ideas import add_idea, list_ideas
from app.participants import list_participants, participant_label, update_participant
from app.snapshots import IdeaSnapshot
from models.database import Database
from tests.ui.conftest import CTRL, LEFT, NO_MODIFIER, type_text
from ui.hub import Hub
from ui.idea_board import ClusterColumn, IdeaBoard
from ui.idea_cards import DetailRole, IdeaColumnModel

ALT = Qt.KeyboardModifier.AltModifier
CONTINUITY, COMMUNITY, DIGITAL, INFORMATION = (
    "Kontinuitet och bemötande",
    "Gemenskap och aktiviteter",
    "Digitala verktyg",
    "Information och kommunikation",
)


@pytest.fixture
def hub(db: Database) -> Iterator[Hub]:
    hub = Hub()
    hub.set_database(db)
    yield hub
    hub.undo_stack.clear()


@pytest.fixture
def failures(hub: Hub) -> list[str]:
    messages: list[str] = []
    hub.failed.connect(messages.append)
    return messages


@pytest.fixture
def board(demo_id: str, hub: Hub, qtbot: QtBot) -> IdeaBoard:
    """The demo workshop's board, shown in its own window and active (so that shortcuts work)."""
    board = IdeaBoard(hub, demo_id)
    qtbot.addWidget(board)
    board.resize(1280, 720)
    board.show()
    qtbot.waitExposed(board)
    board.activateWindow()
    qtbot.waitUntil(board.isActiveWindow, timeout=5_000)
    return board


def without() -> str:
    """The first column's name. The board's own strings are compared through the catalogue."""
    return _("Without theme")


def names(board: IdeaBoard) -> list[str]:
    return [c.name.text() for c in board.columns()]


def column(board: IdeaBoard, name: str) -> ClusterColumn:
    return next(c for c in board.columns() if c.name.text() == name)


def titles(col: ClusterColumn) -> list[str]:
    return [col.model.index(row).data() for row in range(col.model.rowCount())]


def on_screen(board: IdeaBoard) -> dict[str, list[str]]:
    """Each column's card titles, keyed by the column's name, left to right."""
    return {c.name.text(): titles(c) for c in board.columns()}


def in_database(db: Database, workshop_id: str) -> dict[str, list[str]]:
    """The same, as stored: ideas by theme in board order, the ideas without theme first."""
    themes = list_clusters(db, workshop_id)
    stored: dict[str, list[str]] = {without(): [], **{t.name: [] for t in themes}}
    theme_names = {t.id: t.name for t in themes}
    for idea in list_ideas(db, workshop_id):
        stored[theme_names.get(idea.cluster_id, without())].append(idea.title)
    return stored


def idea_named(db: Database, workshop_id: str, title: str) -> IdeaSnapshot:
    return next(i for i in list_ideas(db, workshop_id) if i.title == title)


def public_label(db: Database, workshop_id: str, title: str) -> str:
    """How the room may name the one giver of an idea (the participants' service decides)."""
    (giver_id,) = idea_named(db, workshop_id, title).giver_ids
    person = next(p for p in list_participants(db, workshop_id) if p.id == giver_id)
    return participant_label(person, public=True)


def theme_id(board: IdeaBoard, name: str) -> str:
    cluster_id = column(board, name).model.cluster_id
    assert cluster_id is not None
    return cluster_id


def undo_redo_round_trip(hub: Hub, board: IdeaBoard, db: Database, workshop_id: str) -> None:
    """Undo then redo the last command: the screen follows the database at every step."""
    after = on_screen(board)
    hub.undo_stack.undo()
    before = on_screen(board)
    assert before == in_database(db, workshop_id)
    hub.undo_stack.redo()
    assert on_screen(board) == after == in_database(db, workshop_id)
    hub.undo_stack.undo()
    assert on_screen(board) == before


# -- what the board shows


def test_the_board_has_a_column_per_theme_after_the_ideas_without_theme(
    board: IdeaBoard, db: Database, demo_id: str
) -> None:
    assert names(board) == [without(), CONTINUITY, COMMUNITY, DIGITAL, INFORMATION]
    assert on_screen(board) == in_database(db, demo_id)
    assert titles(column(board, without())) == [
        "Gemensam planering med biståndshandläggaren",
        "Äldrelots i varje kommundel",
    ]
    assert column(board, COMMUNITY).count.text() == ngettext("{n} idea", "{n} ideas", 4).format(n=4)
    assert board.reload_count == 1


def test_a_card_says_who_gave_the_idea_and_whether_it_lacks_backing(
    board: IdeaBoard, db: Database, demo_id: str
) -> None:
    cards = column(board, COMMUNITY).model
    assert cards.index(0).data(DetailRole) == public_label(db, demo_id, "Fikavänner från gymnasiet")
    assert cards.index(0).data(DetailRole).startswith("Politiker")
    assert cards.index(3).data() == "Promenadvänner via Röda korset"
    assert cards.index(3).data(DetailRole) == "Lena Øverby\n" + _("No backing yet")
    anonymous_unbacked = column(board, DIGITAL).model.index(2)
    assert anonymous_unbacked.data(DetailRole) == _("No backing yet")
    assert anonymous_unbacked.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Röststyrd påminnelse om mat och medicin. " + _("No backing yet")
    )


def test_a_theme_is_named_with_its_colour_not_shown_by_colour_alone(board: IdeaBoard) -> None:
    digital = column(board, DIGITAL)
    assert digital.band.colour is not None
    assert digital.band.colour.name() == "#009e73"
    assert digital.view.accessibleName() == _("Theme “{name}”, colour {colour}").format(
        name=DIGITAL, colour=_("Bluish green")
    )
    assert column(board, without()).view.accessibleName() == _("Ideas without a theme")


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "py-tester"])
def test_a_column_model_passes_the_model_tester_while_cards_come_and_move(
    board: IdeaBoard, hub: Hub, db: Database, demo_id: str, qtmodeltester: ModelTester, force_py: bool
) -> None:
    continuity = column(board, CONTINUITY).model
    pool = column(board, without()).model
    qtmodeltester.check(pool, force_py=force_py)

    # Cards in, reordered and out again while the tester watches the signals.
    first, third = continuity.idea(0).id, continuity.idea(2).id
    data = continuity.mimeData([continuity.index(0), continuity.index(2)])
    assert pool.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, pool.index(-1))
    assert [i.id for i in pool.ideas()][1:3] == [first, third]
    assert pool.dropMimeData(pool.mimeData([pool.index(3)]), Qt.DropAction.MoveAction, 0, 0, pool.index(-1))
    assert pool.rowCount() == 4
    hub.undo_stack.undo()
    hub.undo_stack.undo()
    assert on_screen(board) == in_database(db, demo_id)
    assert pool.rowCount() == 2


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "py-tester"])
def test_sync_removes_reorders_inserts_and_edits_rows_in_one_go(
    db: Database, demo_id: str, qtmodeltester: ModelTester, force_py: bool
) -> None:
    a, b, c, d, e, f = list_ideas(db, demo_id)[:6]
    model = IdeaColumnModel(demo_id, None)
    model.set_ideas([a, b, c, d])
    qtmodeltester.check(model, force_py=force_py)
    persistent = QPersistentModelIndex(model.index(model.row_of(c.id)))

    # b goes, d moves first, e and f arrive around the others, a is edited.
    edited = replace(a, title="Ny rubrik")
    model.sync([replace(d, position=-1), e, edited, c, f])

    assert [model.idea(r).id for r in range(model.rowCount())] == [d.id, e.id, a.id, c.id, f.id]
    assert model.index(2).data() == "Ny rubrik"
    assert persistent.row() == 3  # a selection on c follows it
    model.sync([])
    assert model.rowCount() == 0


# -- themes, each with undo and redo


def test_a_new_theme_from_the_dialog_is_added_and_undone(
    board: IdeaBoard, hub: Hub, db: Database, demo_id: str, qtbot: QtBot
) -> None:
    board.new_cluster_action.trigger()
    dialog = board.name_dialog
    assert dialog is not None
    assert dialog.isVisible()
    type_text(dialog.name, "Trygghet på natten")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), LEFT)

    assert not dialog.isVisible()
    assert names(board)[-1] == "Trygghet på natten"
    new_column = column(board, "Trygghet på natten")
    assert titles(new_column) == []
    # The sixth column does not fit beside the others at first: the board scrolls to it.
    qtbot.waitUntil(lambda: new_column.visibleRegion().boundingRect().width() == new_column.width())
    assert [c.name for c in list_clusters(db, demo_id)][-1] == "Trygghet på natten"
    assert hub.undo_stack.count() == 1
    assert hub.undo_stack.undoText() == _("New theme “{name}”").format(name="Trygghet på natten")

    hub.undo_stack.undo()
    assert "Trygghet på natten" not in names(board)
    assert len(list_clusters(db, demo_id)) == 4
    hub.undo_stack.redo()
    assert names(board)[-1] == "Trygghet på natten"


def test_an_empty_theme_name_is_refused_in_the_dialog_and_nothing_is_recorded(
    board: IdeaBoard, hub: Hub, db: Database, demo_id: str, failures: list[str], qtbot: QtBot
) -> None:
    board.new_cluster()
    dialog = board.name_dialog
    assert dialog is not None
    type_text(dialog.name, "   ")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), LEFT)

    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Namnet får inte vara tomt."
    assert hub.undo_stack.count() == 0
    assert len(list_clusters(db, demo_id)) == 4

    # The same refusal without the dialog: the service says no, the stack stays as it was.
    assert not board.add_cluster("")
    assert hub.undo_stack.count() == 0
    assert failures == ["Namnet får inte vara tomt."]
    assert names(board) == [without(), CONTINUITY, COMMUNITY, DIGITAL, INFORMATION]


def test_renaming_a_theme_from_its_menu(
    board: IdeaBoard, hub: Hub, db: Database, demo_id: str, qtbot: QtBot
) -> None:
    menu = board.cluster_menu(theme_id(board, DIGITAL))
    next(a for a in menu.actions() if a.text() == _("Rename theme…")).trigger()
    dialog = board.name_dialog
    assert dialog is not None
    assert dialog.name.text() == DIGITAL
    dialog.name.clear()
    type_text(dialog.name, "Teknik i hemmet")
    dialog.accept()

    assert names(board)[3] == "Teknik i hemmet"
    assert [c.name for c in list_clusters(db, demo_id)][2] == "Teknik i hemmet"
    assert titles(column(board, "Teknik i hemmet"))[0] == "Surfplatta med en enda knapp för videosamtal"
    hub.undo_stack.undo()
    assert names(board)[3] == DIGITAL
    assert [c.name for c in list_clusters(db, demo_id)][2] == DIGITAL
    hub.undo_stack.redo()
    assert names(board)[3] == "Teknik i hemmet"


def test_recolouring_a_theme_from_the_named_colours(
    board: IdeaBoard, hub: Hub, db: Database, demo_id: str
) -> None:
    cluster_id = theme_id(board, DIGITAL)
    colours = next(a.menu() for a in board.cluster_menu(cluster_id).actions() if a.text() == _("Colour"))
    offered = [a.text() for a in colours.actions()]
    names_ = ["Orange", "Sky blue", "Bluish green", "Yellow", "Blue", "Vermilion", "Reddish purple", "Black"]
    assert offered == [_(n) + ("  ✓" if n == "Bluish green" else "") for n in names_]

    next(a for a in colours.actions() if a.text() == _("Yellow")).trigger()

    assert next(c.colour for c in list_clusters(db, demo_id) if c.id == cluster_id) == "#F0E442"
    digital = column(board, DIGITAL)
    assert digital.band.colour is not None
    assert digital.band.colour.name() == "#f0e442"
    assert digital.view.accessibleName().endswith(_("Yellow"))
    hub.undo_stack.undo()
    assert next(c.colour for c in list_clusters(db, demo_id) if c.id == cluster_id) == "#009E73"
    assert digital.view.accessibleName().endswith(_("Bluish green"))
    hub.undo_stack.redo()
    assert digital.view.accessibleName().endswith(_("Yellow"))


def test_moving_a_theme_right_and_left_with_its_header_buttons(
    board: IdeaBoard, hub: Hub, db: Database, demo_id: str, qtbot: QtBot
) -> None:
    continuity = column(board, CONTINUITY)
    assert not continuity.left_button.isEnabled()
    qtbot.mouseClick(continuity.right_button, LEFT)

    assert names(board) == [without(), COMMUNITY, CONTINUITY, DIGITAL, INFORMATION]
    assert [c.name for c in list_clusters(db, demo_id)] == [COMMUNITY, CONTINUITY, DIGITAL, INFORMATION]
    assert continuity.left_button.isEnabled()
    assert not column(board, COMMUNITY).left_button.isEnabled()
    assert on_screen(board) == in_database(db, demo_id)

    hub.undo_stack.undo()
    assert names(board) == [without(), CONTINUITY, COMMUNITY, DIGITAL, INFORMATION]
    assert [c.name for c in list_clusters(db, demo_id)] == [CONTINUITY, COMMUNITY, DIGITAL, INFORMATION]
    hub.undo_stack.redo()
    assert names(board) == [without(), COMMUNITY, CONTINUITY, DIGITAL, INFORMATION]

    qtbot.mouseClick(column(board, INFORMATION).left_button, LEFT)
    assert names(board) == [without(), COMMUNITY, CONTINUITY, INFORMATION, DIGITAL]
    assert not board.move_cluster(theme_id(board, DIGITAL), 1)  # already the last
    assert hub.undo_stack.count() == 2


def test_dissolving_a_theme_keeps_its_ideas_and_undo_brings_the_theme_back(
    board: IdeaBoard, hub: Hub, db: Database, demo_id: str
) -> None:
    cards = titles(column(board, COMMUNITY))
    menu = board.cluster_menu(theme_id(board, COMMUNITY))
    next(a for a in menu.actions() if a.text() == _("Dissolve theme (its ideas stay on the board)")).trigger()

    assert COMMUNITY not in names(board)
    assert set(cards) <= set(titles(column(board, without())))
    assert column(board, without()).model.rowCount() == 6
    assert on_screen(board) == in_database(db, demo_id)
    assert hub.undo_stack.undoText() == _("Dissolve theme “{name}”").format(name=COMMUNITY)

    hub.undo_stack.undo()
    assert names(board) == [without(), CONTINUITY, COMMUNITY, DIGITAL, INFORMATION]
    assert titles(column(board, COMMUNITY)) == cards
    assert on_screen(board) == in_database(db, demo_id)
    hub.undo_stack.redo()
    assert COMMUNITY not in names(board)
    assert on_screen(board) == in_database(db, demo_id)


# -- dragging cards


def test_dropping_two_cards_into_another_theme_at_a_place_is_one_undoable_step(
    board: IdeaBoard, hub: Hub, db: Database, demo_id: str
) -> None:
    source, target = column(board, CONTINUITY).model, column(board, DIGITAL).model
    before = on_screen(board)

    # GIVEN the first and third card of one theme, WHEN dropped before the second card of another
    data = source.mimeData([source.index(2), source.index(0)])
    assert target.canDropMimeData(data, Qt.DropAction.MoveAction, 1, 0, target.index(-1))
    assert target.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, target.index(-1))

    # THEN they stand there, in their order, on the screen and in the database
    expected_digital = [
        "Surfplatta med en enda knapp för videosamtal",
        "Fast omsorgskontakt för varje brukare",
        "Tid för en kopp kaffe i varje besök",
        "Digital tillsyn nattetid där brukaren vill",
        "Röststyrd påminnelse om mat och medicin",
    ]
    assert titles(column(board, DIGITAL)) == expected_digital
    assert in_database(db, demo_id)[DIGITAL] == expected_digital
    assert titles(column(board, CONTINUITY)) == [
        "Veckoschema med foto på dem som kommer",
        "Introduktion för vikarier hos brukaren",
    ]
    assert on_screen(board) == in_database(db, demo_id)
    assert hub.undo_stack.count() == 1
    assert hub.undo_stack.undoText() == _("Move {n} ideas").format(n=2)
    assert board.selected_ids() == [
        idea_named(db, demo_id, "Fast omsorgskontakt för varje brukare").id,
        idea_named(db, demo_id, "Tid för en kopp kaffe i varje besök").id,
    ]

    hub.undo_stack.undo()
    assert on_screen(board) == before == in_database(db, demo_id)
    hub.undo_stack.redo()
    undo_redo_round_trip(hub, board, db, demo_id)
    assert board.reload_count == 1


def test_dropping_a_card_higher_in_its_own_theme_changes_the_order(
    board: IdeaBoard, hub: Hub, db: Database, demo_id: str
) -> None:
    cards = column(board, COMMUNITY).model
    assert cards.dropMimeData(
        cards.mimeData([cards.index(3)]), Qt.DropAction.MoveAction, 0, 0, cards.index(-1)
    )

    assert titles(column(board, COMMUNITY))[0] == "Promenadvänner via Röda korset"
    assert on_screen(board) == in_database(db, demo_id)
    undo_redo_round_trip(hub, board, db, demo_id)


def test_dropping_a_card_at_the_end_of_the_ideas_without_theme(
    board: IdeaBoard, hub: Hub, db: Database, demo_id: str
) -> None:
    source, target = column(board, INFORMATION).model, column(board, without()).model
    assert target.dropMimeData(
        source.mimeData([source.index(0)]), Qt.DropAction.MoveAction, -1, 0, target.index(-1)
    )

    assert titles(column(board, without()))[-1] == "Sms när besöket blir sent"
    assert idea_named(db, demo_id, "Sms när besöket blir sent").cluster_id is None
    assert on_screen(board) == in_database(db, demo_id)
    undo_redo_round_trip(hub, board, db, demo_id)


def test_the_board_tells_other_views_every_idea_it_changed(
    board: IdeaBoard, hub: Hub, db: Database, demo_id: str, qtbot: QtBot
) -> None:
    """Another view (the idea list) keeps its own copy from the hub's signals alone."""
    mirror = {i.id: i for i in list_ideas(db, demo_id)}
    hub.ideasChanged.connect(lambda _w, ideas: mirror.update({i.id: i for i in ideas}))
    hub.ideasRemoved.connect(lambda _w, ids: [mirror.pop(i) for i in ids])
    cards = column(board, INFORMATION).model
    first, second = column(board, DIGITAL).model.idea(0).id, column(board, DIGITAL).model.idea(1).id

    with qtbot.waitSignal(hub.saved, timeout=1_000):
        assert board.move_ideas([cards.idea(2).id], theme_id(board, CONTINUITY), 0)
    assert mirror == {i.id: i for i in list_ideas(db, demo_id)}
    assert board.dissolve_cluster(theme_id(board, COMMUNITY))
    assert mirror == {i.id: i for i in list_ideas(db, demo_id)}
    column(board, DIGITAL).view.select_ids([first, second])
    assert board.merge_selected()
    assert mirror == {i.id: i for i in list_ideas(db, demo_id)}
    for _step in range(3):
        hub.undo_stack.undo()
        assert mirror == {i.id: i for i in list_ideas(db, demo_id)}
    for _step in range(3):
        hub.undo_stack.redo()
        assert mirror == {i.id: i for i in list_ideas(db, demo_id)}


def test_a_drop_where_the_cards_already_are_records_nothing(board: IdeaBoard, hub: Hub) -> None:
    cards = column(board, DIGITAL).model
    for row in (0, 1):  # above itself, or just below it: the same place
        assert not cards.dropMimeData(cards.mimeData([cards.index(0)]), Qt.DropAction.MoveAction, row, 0,
                                      cards.index(-1))  # fmt: skip
    assert hub.undo_stack.count() == 0


def test_cards_of_another_workshop_are_not_taken(board: IdeaBoard, hub: Hub) -> None:
    cards = column(board, DIGITAL).model
    stranger = IdeaColumnModel("another-workshop", None)
    stranger.set_ideas([cards.idea(0)])
    data = stranger.mimeData([stranger.index(0)])
    assert not cards.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, cards.index(-1))
    assert not cards.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, cards.index(-1))
    assert hub.undo_stack.count() == 0


def test_a_real_drop_event_on_a_column_moves_the_card_there(
    board: IdeaBoard, hub: Hub, db: Database, demo_id: str
) -> None:
    source = column(board, without()).model
    target = column(board, COMMUNITY).view
    data = source.mimeData([source.index(1)])
    second = target.visualRect(target.model().index(1))
    # Just under the second card's top edge: the drop goes above it. A drag enters and
    # moves over a widget before it drops there; Qt delivers a drop only after that.
    at = QPoint(second.center().x(), second.top() + 3)
    move = Qt.DropAction.MoveAction
    for arrival in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(target.viewport(), arrival(at, move, data, LEFT, NO_MODIFIER))
    event = QDropEvent(QPointF(at), move, data, LEFT, NO_MODIFIER)
    QApplication.sendEvent(target.viewport(), event)

    assert event.isAccepted()
    assert titles(column(board, COMMUNITY))[:3] == [
        "Fikavänner från gymnasiet",
        "Äldrelots i varje kommundel",
        "Samåkning till träffpunkten",
    ]
    assert idea_named(db, demo_id, "Äldrelots i varje kommundel").cluster_id == theme_id(board, COMMUNITY)
    assert on_screen(board) == in_database(db, demo_id)
    assert hub.undo_stack.count() == 1
    hub.undo_stack.undo()
    assert titles(column(board, without()))[-1] == "Äldrelots i varje kommundel"


# -- keyboard


def test_arrow_keys_move_in_a_column_and_alt_right_moves_the_card_to_the_next_theme(
    board: IdeaBoard, hub: Hub, db: Database, demo_id: str, qtbot: QtBot
) -> None:
    view = column(board, CONTINUITY).view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 1
    assert board.selected_ids() == [column(board, CONTINUITY).model.idea(1).id]

    qtbot.keyClick(view, Qt.Key.Key_Right, ALT)

    moved = "Veckoschema med foto på dem som kommer"
    assert titles(column(board, COMMUNITY))[-1] == moved
    assert idea_named(db, demo_id, moved).cluster_id == theme_id(board, COMMUNITY)
    assert on_screen(board) == in_database(db, demo_id)
    # The card stays selected in its new column, so that Alt+Right again carries it on.
    assert QApplication.focusWidget() is column(board, COMMUNITY).view
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right, ALT)
    assert titles(column(board, DIGITAL))[-1] == moved
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, ALT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, ALT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, ALT)
    assert titles(column(board, without()))[-1] == moved
    assert not board.move_selected(-1)  # no column left of the first
    assert hub.undo_stack.count() == 5

    for _step in range(5):
        hub.undo_stack.undo()
    assert titles(column(board, CONTINUITY))[1] == moved
    assert on_screen(board) == in_database(db, demo_id)


# -- merging two ideas


def test_merging_two_selected_cards_with_ctrl_m_and_undo_gives_both_back_exactly(
    board: IdeaBoard, hub: Hub, db: Database, demo_id: str, qtbot: QtBot
) -> None:
    kept_before = idea_named(db, demo_id, "Fast omsorgskontakt för varje brukare")
    absorbed_before = idea_named(db, demo_id, "Fikavänner från gymnasiet")
    absorbed_giver = public_label(db, demo_id, absorbed_before.title)
    first, second = column(board, CONTINUITY).view, column(board, COMMUNITY).view
    assert not board.merge_action.isEnabled()

    # GIVEN a card clicked in one theme and another Ctrl+clicked in the next
    qtbot.mouseClick(first.viewport(), LEFT, NO_MODIFIER, first.visualRect(first.model().index(0)).center())
    qtbot.mouseClick(second.viewport(), LEFT, CTRL, second.visualRect(second.model().index(0)).center())
    assert board.selected_ids() == [kept_before.id, absorbed_before.id]
    assert board.merge_action.isEnabled()

    # WHEN Ctrl+M is pressed
    qtbot.keyClick(second, Qt.Key.Key_M, CTRL)

    # THEN the first card holds both texts and both idea givers; the second is gone
    kept = idea_named(db, demo_id, kept_before.title)
    assert kept.text == f"{kept_before.text}\n\n{absorbed_before.title}\n{absorbed_before.text}"
    assert kept.giver_ids == (*kept_before.giver_ids, *absorbed_before.giver_ids)
    assert absorbed_before.title not in titles(column(board, COMMUNITY))
    assert on_screen(board) == in_database(db, demo_id)
    assert column(board, CONTINUITY).model.index(0).data(DetailRole) == f"Amira Hassan  ·  {absorbed_giver}"
    assert hub.undo_stack.undoText() == _("Merge ideas")

    hub.undo_stack.undo()
    assert idea_named(db, demo_id, kept_before.title) == kept_before
    assert idea_named(db, demo_id, absorbed_before.title) == absorbed_before
    assert on_screen(board) == in_database(db, demo_id)
    assert column(board, CONTINUITY).model.index(0).data(DetailRole) == "Amira Hassan"
    hub.undo_stack.redo()
    assert absorbed_before.title not in titles(column(board, COMMUNITY))
    assert idea_named(db, demo_id, kept_before.title).text == kept.text


def test_a_plain_click_starts_a_new_selection_in_every_column(board: IdeaBoard, qtbot: QtBot) -> None:
    first, second = column(board, CONTINUITY).view, column(board, COMMUNITY).view
    qtbot.mouseClick(first.viewport(), LEFT, NO_MODIFIER, first.visualRect(first.model().index(0)).center())
    qtbot.mouseClick(
        second.viewport(), LEFT, NO_MODIFIER, second.visualRect(second.model().index(1)).center()
    )
    assert board.selected_ids() == [column(board, COMMUNITY).model.idea(1).id]
    assert not board.merge_action.isEnabled()


# -- following the hub


def test_changes_made_elsewhere_reach_the_board_without_reading_it_again(
    board: IdeaBoard, hub: Hub, db: Database, demo_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    real = idea_service.list_ideas
    monkeypatch.setattr(idea_service, "list_ideas", lambda *args: reads.append("read") or real(*args))

    gone = column(board, DIGITAL).model.idea(0)
    hub.ideasRemoved.emit(demo_id, [gone.id])
    assert gone.title not in titles(column(board, DIGITAL))

    giver = next(p for p in list_participants(db, demo_id) if p.display_name == "Amira Hassan")
    update_participant(db, giver.id, display_name="Amira H.")
    hub.participantsChanged.emit(demo_id)
    assert column(board, CONTINUITY).model.index(0).data(DetailRole) == "Amira H."
    assert reads == []
    assert board.reload_count == 1


def test_a_board_of_500_ideas_adds_one_card_without_reading_the_board_again(
    db: Database, hub: Hub, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    workshop_id = create_demo_workshop(db, ideas=500)
    board = IdeaBoard(hub, workshop_id)
    qtbot.addWidget(board)
    board.resize(1280, 720)
    board.show()
    sizes = {c.name.text(): c.model.rowCount() for c in board.columns()}
    assert sum(sizes.values()) == 500
    reads: list[str] = []
    real = idea_service.list_ideas
    monkeypatch.setattr(idea_service, "list_ideas", lambda *args: reads.append("read") or real(*args))
    target = column(board, DIGITAL)
    resets: list[str] = []
    for col in board.columns():
        col.model.modelReset.connect(lambda: resets.append("reset"))

    with qtbot.waitSignal(target.model.rowsInserted, timeout=1_000):
        idea = add_idea(db, workshop_id, "Nattpatrull med cykel", cluster_id=target.model.cluster_id)
        hub.ideasChanged.emit(workshop_id, [idea])

    assert target.model.rowCount() == sizes[DIGITAL] + 1
    assert titles(target)[-1] == "Nattpatrull med cykel"
    assert {c.name.text(): c.model.rowCount() for c in board.columns() if c is not target} == {
        name: n for name, n in sizes.items() if name != DIGITAL
    }
    assert reads == []
    assert resets == []
    assert board.reload_count == 1
    n = sizes[DIGITAL] + 1
    assert target.count.text() == ngettext("{n} idea", "{n} ideas", n).format(n=n)
