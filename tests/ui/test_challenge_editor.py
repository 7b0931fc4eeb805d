"""The challenge and warm-up prompts: saved while typing, one undo step per field's edit."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.snapshots import WorkshopSnapshot
from app.workshops import get_workshop
from ui.challenge_editor import ChallengeEditor
from ui.hub import Hub


@pytest.fixture
def editor(hub: Hub, room: WorkshopSnapshot, qtbot: QtBot) -> ChallengeEditor:
    widget = ChallengeEditor(hub, room)
    qtbot.addWidget(widget)
    widget.show()
    hub.workshopChanged.connect(lambda wid: widget.show_workshop(get_workshop(hub.db, wid)))
    return widget


def test_typing_is_saved_after_a_pause(
    editor: ChallengeEditor, hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    editor.challenge.setPlainText("Hur kan fler barn gå eller cykla till skolan – säkert?")
    qtbot.waitUntil(
        lambda: get_workshop(hub.db, room.id).challenge.startswith("Hur kan fler barn"), timeout=5000
    )
    assert hub.undo_stack.undoText() == "Redigera utmaningen"


def test_flush_saves_at_once_and_edits_merge_into_one_undo(
    editor: ChallengeEditor, hub: Hub, room: WorkshopSnapshot
) -> None:
    editor.challenge.setPlainText("Första utkastet")
    editor.flush()
    editor.challenge.setPlainText("Andra utkastet")
    editor.flush()
    assert get_workshop(hub.db, room.id).challenge == "Andra utkastet"
    assert hub.undo_stack.count() == 1
    hub.undo_stack.undo()
    assert get_workshop(hub.db, room.id).challenge == "Hur blir skolvägen tryggare?"
    assert editor.challenge.toPlainText() == "Hur blir skolvägen tryggare?"


def test_warm_up_prompts_one_per_line(editor: ChallengeEditor, hub: Hub, room: WorkshopSnapshot) -> None:
    editor.prompts.setPlainText("Vad fick dig att le i dag?\n\n  Vilken väg gick du till skolan?  ")
    editor.flush()
    assert get_workshop(hub.db, room.id).warmup_prompts == (
        "Vad fick dig att le i dag?",
        "Vilken väg gick du till skolan?",
    )


def test_a_challenge_over_the_limit_is_refused_with_a_message(
    editor: ChallengeEditor, hub: Hub, room: WorkshopSnapshot
) -> None:
    editor.challenge.setPlainText("x" * 100_001)
    editor.flush()
    assert editor.error.isVisible()
    assert "högst 100" in editor.error.text()
    assert get_workshop(hub.db, room.id).challenge == "Hur blir skolvägen tryggare?"
    assert hub.undo_stack.count() == 0
