"""The room as a whole: the work area follows the phase; undo runs across capture, board and backing."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import agenda
from app.backings import list_backings
from app.clusters import add_cluster
from app.ideas import list_ideas
from app.images import list_images
from app.settings import Settings
from app.snapshots import WorkshopSnapshot
from app.workshops import get_workshop
from ui.backing_panel import BackingPanel
from ui.challenge_editor import ChallengeEditor
from ui.hub import Hub
from ui.idea_board import IdeaBoard
from ui.idea_capture import IdeaCapture
from ui.presenter import Mode
from ui.screens import ScreenInfo
from ui.workshop_page import WorkshopPage

from .conftest import type_text


@pytest.fixture
def page(hub: Hub, room: WorkshopSnapshot, qtbot: QtBot) -> Iterator[WorkshopPage]:
    widget = WorkshopPage(hub)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show_workshop(room.id)
    widget.show()
    yield widget
    widget.presenter.close()


def go_to(page: WorkshopPage, kind: str) -> None:
    assert page.workshop is not None
    phase = next(p for p in page.workshop.phases if p.kind == kind)
    page._move("", lambda: agenda.go_to_phase(page.hub.db, page.workshop.id, phase.id))  # type: ignore[union-attr]


def test_each_phase_opens_its_work_area(page: WorkshopPage) -> None:
    assert isinstance(page.work.currentWidget(), ChallengeEditor)
    go_to(page, "ideas")
    assert isinstance(page.work.currentWidget(), IdeaCapture)
    go_to(page, "clusters")
    assert isinstance(page.work.currentWidget(), IdeaBoard)
    go_to(page, "backing")
    assert isinstance(page.work.currentWidget(), BackingPanel)
    from ui.analysis_panel import AnalysisPanel
    from ui.decision_panel import DecisionPanel
    from ui.followup_panel import FollowUpPanel
    from ui.plan_panel import PlanPanel
    from ui.resources_panel import ResourcesPanel
    from ui.review_panel import ReviewPanel
    from ui.voting_panel import VotingPanel

    for kind, area in (
        ("voting", VotingPanel),
        ("review", ReviewPanel),
        ("analysis", AnalysisPanel),
        ("plan", PlanPanel),
        ("decision", DecisionPanel),
        ("resources", ResourcesPanel),
        ("support", FollowUpPanel),
        ("realisation", FollowUpPanel),
    ):
        go_to(page, kind)
        assert isinstance(page.work.currentWidget(), area), kind


def test_undo_runs_back_across_capture_board_and_backing(
    page: WorkshopPage, hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    theme = add_cluster(hub.db, room.id, "Trafik")
    hub.clustersChanged.emit(room.id)
    go_to(page, "ideas")
    capture = page.work.currentWidget()
    assert isinstance(capture, IdeaCapture)
    type_text(capture.form.title, "Gångbuss varje morgon")
    qtbot.keyClick(capture.form.title, Qt.Key.Key_Return)
    idea = list_ideas(hub.db, room.id)[0]
    go_to(page, "clusters")
    board = page.work.currentWidget()
    assert isinstance(board, IdeaBoard)
    board.move_ideas([idea.id], theme.id, 0)
    go_to(page, "backing")
    panel = page.work.currentWidget()
    assert isinstance(panel, BackingPanel)
    panel.back("Tack, det här vill vi pröva!")
    assert list_ideas(hub.db, room.id)[0].cluster_id == theme.id
    assert len(list_backings(hub.db, idea.id)) == 1

    for _ in range(6):  # backing, phase, move, phase, capture, phase
        hub.undo_stack.undo()
    assert list_ideas(hub.db, room.id) == []
    assert get_workshop(hub.db, room.id).current_phase.kind == "challenge"  # type: ignore[union-attr]
    for _ in range(6):
        hub.undo_stack.redo()
    restored = list_ideas(hub.db, room.id)[0]
    assert (restored.title, restored.cluster_id, restored.backing_count) == (
        "Gångbuss varje morgon",
        theme.id,
        1,
    )


def png(path: Path) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (2400, 1800), (250, 220, 60)).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


def test_a_picture_dropped_on_an_idea_is_stored_scaled(
    page: WorkshopPage, hub: Hub, room: WorkshopSnapshot, tmp_path: Path, qtbot: QtBot
) -> None:
    go_to(page, "ideas")
    capture = page.work.currentWidget()
    assert isinstance(capture, IdeaCapture)
    type_text(capture.form.title, "Lapp från väggen")
    qtbot.keyClick(capture.form.title, Qt.Key.Key_Return)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(png(tmp_path / "lapp.png")))])
    at = capture.list.visualRect(capture.filter.index(0, 0)).center()
    copy, left, plain = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # As a real drag does: it enters and moves over the list before it drops (Qt needs both).
    for arrival in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(capture.list.viewport(), arrival(at, copy, mime, left, plain))
    QApplication.sendEvent(capture.list.viewport(), QDropEvent(at.toPointF(), copy, mime, left, plain))
    idea = list_ideas(hub.db, room.id)[0]
    images = list_images(hub.db, idea.id)
    assert [(i.width, i.height) for i in images] == [(1600, 1200)]
    assert idea.image_count == 1
    assert capture.filter.index(0, 0).data().splitlines()[1].strip().startswith("saknar uppbackning · 1 bild")
    hub.undo_stack.undo()
    assert list_images(hub.db, idea.id) == []


def test_a_file_that_is_not_a_picture_is_refused_with_a_message(
    page: WorkshopPage, hub: Hub, room: WorkshopSnapshot, tmp_path: Path, qtbot: QtBot
) -> None:
    go_to(page, "ideas")
    capture = page.work.currentWidget()
    assert isinstance(capture, IdeaCapture)
    type_text(capture.form.title, "Protokollet")
    qtbot.keyClick(capture.form.title, Qt.Key.Key_Return)
    text_file = tmp_path / "protokoll.txt"
    text_file.write_text("Inte en bild", encoding="utf-8")
    idea = list_ideas(hub.db, room.id)[0]
    steps = hub.undo_stack.count()
    with qtbot.waitSignal(hub.failed, timeout=2000) as failed:
        assert not capture.add_picture(idea.id, str(text_file))
    assert failed.args[0].startswith("Filen är inte en bild som Mylla kan läsa.")
    assert hub.undo_stack.count() == steps
    assert list_images(hub.db, idea.id) == []


def test_the_monitor_choice_is_offered_and_remembered(
    page: WorkshopPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.screens

    screens = [ScreenInfo("eDP-1", 0, 0, 1920, 1080, True), ScreenInfo("HDMI-1", 1920, 0, 1280, 720, False)]
    monkeypatch.setattr(ui.screens, "current_screens", lambda: screens)
    controls = page.screen_controls
    controls.monitor_menu.aboutToShow.emit()
    texts = [a.text() for a in controls.monitor_menu.actions()]
    assert texts == [
        "Automatiskt (en andra bildskärm om det finns en)",
        "eDP-1 – 1920×1080 (datorns egen)",
        "HDMI-1 – 1280×720",
    ]
    controls.monitor_menu.actions()[2].trigger()
    assert Settings().get("shared_screen") == "HDMI-1"
    controls.monitor_menu.aboutToShow.emit()
    assert [a.isChecked() for a in controls.monitor_menu.actions()] == [False, False, True]


def test_the_shared_screen_opens_follows_and_blanks(page: WorkshopPage, qtbot: QtBot) -> None:
    page.screen_controls.open_button.click()
    screen = page.presenter.screen
    assert screen is not None
    qtbot.waitExposed(screen)
    screen.grab()
    assert any("Hur blir skolvägen tryggare?" in text for text in screen.drawn_texts())
    page.screen_controls.mode_buttons[Mode.BLANK].click()
    screen.grab()
    assert screen.drawn_texts() == []
    page.screen_controls.mode_buttons[Mode.FOLLOW].click()
    go_to(page, "ideas")
    screen.grab()
    assert "Idéformulering" in screen.drawn_texts()


def test_the_screen_keys_work_from_the_shared_screen_window_too(page: WorkshopPage, qtbot: QtBot) -> None:
    # GIVEN a voter has tapped the shared screen, so that its window is the active one
    page.screen_controls.open_button.click()
    screen = page.presenter.screen
    assert screen is not None
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)

    # WHEN the facilitator presses Ctrl+B, then Ctrl+Shift+F there
    qtbot.keyClick(screen, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert page.presenter.mode is Mode.BLANK
    screen.grab()
    assert screen.drawn_texts() == []
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(screen, Qt.Key.Key_F, ctrl_shift)

    # THEN the room saw black, then the phase again
    assert page.presenter.mode is Mode.FOLLOW


def test_an_ideas_pictures_show_when_it_is_chosen_and_can_be_removed(
    page: WorkshopPage, hub: Hub, room: WorkshopSnapshot, tmp_path: Path, qtbot: QtBot
) -> None:
    go_to(page, "ideas")
    capture = page.work.currentWidget()
    assert isinstance(capture, IdeaCapture)
    type_text(capture.form.title, "Skiss på tavlan")
    qtbot.keyClick(capture.form.title, Qt.Key.Key_Return)
    idea = list_ideas(hub.db, room.id)[0]
    assert capture.add_picture(idea.id, str(png(tmp_path / "skiss.png")))
    capture.edit(idea.id)
    assert capture.form.pictures.isVisible()
    assert capture.form.pictures.count() == 1
    capture.form.pictures.setCurrentRow(0)
    capture.form.pictures.setFocus()
    qtbot.keyClick(capture.form.pictures, Qt.Key.Key_Delete)
    assert list_images(hub.db, idea.id) == []
    assert capture.form.pictures.count() == 0
    hub.undo_stack.undo()
    assert len(list_images(hub.db, idea.id)) == 1
    assert capture.form.pictures.count() == 1


def test_closing_the_shared_screen_window_unticks_its_button(page: WorkshopPage, qtbot: QtBot) -> None:
    page.screen_controls.open_button.click()
    screen = page.presenter.screen
    assert screen is not None
    qtbot.waitExposed(screen)
    screen.close()
    assert not page.screen_controls.open_button.isChecked()
    page.screen_controls.open_button.click()  # one click opens it again
    assert screen.isVisible()
