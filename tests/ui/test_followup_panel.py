"""The follow-up panel (steps 9-10): plans, open actions, the dated log, realisation and recognition."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.decisions import record_decision
from app.followup import STATUS_MAX, add_entry, mark_realised, plan_entries
from app.idea_progress import progress
from app.ideas import update_idea
from app.participants import remove_participant, update_participant
from app.plans import add_action, create_plan, update_plan
from models.enums import FollowUpKind, IdeaStatus
from tests.ui.steps_helpers import SHORTLISTED, Shortlisted, english, shortlisted
from tests.ui.voting_panel_helpers import LEFT, fake_exec, ok_button
from ui.followup_entry_dialogs import EntryDialog, NoteDialog, RecogniseDialog
from ui.followup_entry_view import EntryTextDialog
from ui.followup_panel import FollowUpPanel
from ui.followup_panel_models import REALISED_BACKGROUND, RECOGNISED_BACKGROUND, IdRole
from ui.hub import Hub

__all__ = ["english", "shortlisted"]

TODAY = date(2026, 11, 26)


@dataclass(frozen=True)
class Planned:
    """ideas[0] has a plan (Eva Sjöberg responsible) and a GO; ideas[1] a plan without a decision."""

    workshop_id: str
    people: tuple[str, ...]
    go: str
    planned: str


@pytest.fixture
def planned(hub: Hub, shortlisted: Shortlisted, monkeypatch: pytest.MonkeyPatch) -> Planned:
    monkeypatch.setattr(hub, "today", lambda: TODAY)
    go, only_planned = shortlisted.ideas[0], shortlisted.ideas[1]
    plan = create_plan(hub.db, go, today=TODAY)
    update_plan(hub.db, plan.id, today=TODAY, responsible="Eva Sjöberg")
    add_action(hub.db, plan.id, "Rekrytera två fixare", owner="Eva Sjöberg", due_on=date(2026, 9, 30),
               status="in_progress", today=TODAY)  # fmt: skip
    add_action(
        hub.db, plan.id, "Informera handläggarna", owner="Karin Lind", due_on=date(2027, 1, 15), today=TODAY
    )
    add_action(hub.db, plan.id, "Ta fram blankett", owner="Amira Hassan", status="done", today=TODAY)
    record_decision(hub.db, shortlisted.workshop_id, go, "go", "committee", date(2026, 6, 10),
                    reasons="Strong backing in the room")  # fmt: skip
    other = create_plan(hub.db, only_planned, today=TODAY)
    update_plan(hub.db, other.id, today=TODAY, responsible="Karin Lind")
    return Planned(shortlisted.workshop_id, shortlisted.people, go, only_planned)


@pytest.fixture
def panel(hub: Hub, planned: Planned, qtbot: QtBot) -> FollowUpPanel:
    widget = FollowUpPanel(hub, planned.workshop_id)
    qtbot.addWidget(widget)
    widget.resize(880, 460)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def rows(model: QAbstractListModel) -> list[str]:
    return [str(model.index(row).data()) for row in range(model.rowCount())]


def log_rows(panel: FollowUpPanel) -> list[str]:
    return rows(panel.plans.log_model)


def test_plans_show_their_step_and_open_actions_with_overdue_in_words(
    panel: FollowUpPanel, qtmodeltester: ModelTester
) -> None:
    assert rows(panel.plans.plan_model) == [
        f"{SHORTLISTED[0]}\nDecided · 2 open actions",
        f"{SHORTLISTED[1]}\nPlanned · 0 open actions",
    ]
    assert panel.plans.title.text() == SHORTLISTED[0]
    assert panel.plans.step.text() == "Step: Decided · Responsible: Eva Sjöberg"
    assert rows(panel.plans.actions_model) == [
        "Rekrytera två fixare\nEva Sjöberg · due 2026-09-30 · In progress · Overdue",
        "Informera handläggarna\nKarin Lind · due 2027-01-15 · Not started",
    ]
    overdue = panel.plans.actions_model.index(0)
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert panel.plans.no_entries.isVisible()
    for model in (panel.plans.plan_model, panel.plans.actions_model, panel.plans.log_model):
        qtmodeltester.check(model, force_py=True)


def test_two_entries_appear_newest_first_and_are_stored(
    hub: Hub, panel: FollowUpPanel, planned: Planned, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QDialog] = []
    prefilled: list[str] = []
    entries = iter(
        [
            (
                date(2026, 10, 1),
                0,
                "Två fixare i tjänst, 63 hembesök i oktober 🛠️",
                "on track",
                "",
                "Eva Sjöberg",
            ),
            (
                date(2026, 9, 1),
                1,
                "Chefen lyfte projektet på APT",
                "",
                "Schemat krockar med helgerna",
                "Karin",
            ),
        ]
    )

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        prefilled.append(dialog.author.text())
        day, kind, note, status, problems, author = next(entries)
        dialog.entry_on.setDate(day)
        dialog.kind.setCurrentIndex(kind)
        dialog.note.setPlainText(note)
        dialog.status.setText(status)
        dialog.problems.setPlainText(problems)
        dialog.author.setText(author)

    monkeypatch.setattr(EntryDialog, "exec", fake_exec(qtbot, shown, fill))
    with qtbot.waitSignals([hub.followUpChanged, hub.progressChanged, hub.planChanged]):
        qtbot.mouseClick(panel.plans.entry_button, LEFT)
    qtbot.mouseClick(panel.plans.entry_button, LEFT)

    assert log_rows(panel) == [
        "2026-10-01 · Progress · Status: on track\nTvå fixare i tjänst, 63 hembesök i oktober 🛠️\n"
        "Written by Eva Sjöberg",
        "2026-09-01 · Support\nChefen lyfte projektet på APT\n\nProblems met:\nSchemat krockar med helgerna\n"
        "Written by Karin",
    ]
    stored = [(e.kind, e.entry_on, e.text, e.status, e.author) for e in plan_entries(hub.db, planned.go)]
    assert stored == [
        (FollowUpKind.SUPPORT, date(2026, 9, 1), "Chefen lyfte projektet på APT\n\nProblems met:\n"
         "Schemat krockar med helgerna", "", "Karin"),
        (FollowUpKind.CHECK_IN, date(2026, 10, 1), "Två fixare i tjänst, 63 hembesök i oktober 🛠️", "on track",
         "Eva Sjöberg"),
    ]  # fmt: skip
    # A GO with a follow-up is being realised; the plan list says so.
    assert progress(hub.db, planned.workshop_id)[planned.go] is IdeaStatus.REALISING
    assert rows(panel.plans.plan_model)[0].startswith(f"{SHORTLISTED[0]}\nBeing realised")
    # The second dialog starts with the author written last.
    assert prefilled == ["", "Eva Sjöberg"]

    hub.undo_stack.undo()
    assert [e.entry_on for e in plan_entries(hub.db, planned.go)] == [date(2026, 10, 1)]
    assert len(log_rows(panel)) == 1


def test_a_refused_entry_keeps_what_was_typed(
    hub: Hub, panel: FollowUpPanel, planned: Planned, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    failures: list[str] = []
    hub.failed.connect(failures.append)
    seen: list[tuple[str, str, str]] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        dialog.note.setPlainText("Ingen har haft tid; förvaltningen omorganiseras")
        dialog.status.setText("x" * (STATUS_MAX + 1))
        qtbot.mouseClick(ok_button(dialog), LEFT)
        seen.append((dialog.error.text(), dialog.note.toPlainText(), dialog.status.text()))
        assert dialog.isVisible()
        assert dialog.focusWidget() is dialog.status
        dialog.status.setText("paused")

    monkeypatch.setattr(EntryDialog, "exec", fake_exec(qtbot, [], fill))
    qtbot.mouseClick(panel.plans.entry_button, LEFT)

    error, note, status = seen[0]
    assert "at most 24 fit" in error
    assert (note, status) == ("Ingen har haft tid; förvaltningen omorganiseras", "x" * (STATUS_MAX + 1))
    assert failures == []  # said in the dialog, not in the message bar as well
    assert [(e.text, e.status) for e in plan_entries(hub.db, planned.go)] == [
        ("Ingen har haft tid; förvaltningen omorganiseras", "paused")
    ]
    assert hub.undo_stack.count() == 1


def test_an_empty_entry_is_refused_in_the_dialog(
    hub: Hub, panel: FollowUpPanel, planned: Planned, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QDialog] = []
    monkeypatch.setattr(EntryDialog, "exec", fake_exec(qtbot, shown, lambda dialog: None))
    qtbot.mouseClick(panel.plans.entry_button, LEFT)
    assert shown[0].error.text() == "Write what happened, or the new status."  # type: ignore[attr-defined]
    assert plan_entries(hub.db, planned.go) == []


def realise(qtbot: QtBot, panel: FollowUpPanel, monkeypatch: pytest.MonkeyPatch, text: str) -> list[QDialog]:
    shown: list[QDialog] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, NoteDialog)
        dialog.entry_on.setDate(date(2026, 11, 20))
        dialog.text.setPlainText(text)
        dialog.author.setText("Eva Sjöberg")

    monkeypatch.setattr(NoteDialog, "exec", fake_exec(qtbot, shown, fill))
    qtbot.mouseClick(panel.plans.realised_button, LEFT)
    return shown


def test_mark_realised_makes_the_step_realised_and_a_second_is_refused(
    hub: Hub, panel: FollowUpPanel, planned: Planned, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    realise(qtbot, panel, monkeypatch, "Fixa-Fia ingår nu i hemtjänstens ordinarie utbud")

    assert progress(hub.db, planned.workshop_id)[planned.go] is IdeaStatus.REALISED
    assert rows(panel.plans.plan_model)[0] == f"{SHORTLISTED[0]}\nRealised · 2 open actions"
    assert panel.plans.step.text().endswith("✔ Realised on 2026-11-20")
    assert log_rows(panel) == [
        "2026-11-20 · ✔ Realised\nFixa-Fia ingår nu i hemtjänstens ordinarie utbud\nWritten by Eva Sjöberg"
    ]
    background = panel.plans.log_model.index(0).data(Qt.ItemDataRole.BackgroundRole)
    assert background.color() == REALISED_BACKGROUND

    # GIVEN the plan is realised WHEN the facilitator asks again THEN no dialog: the reason, at once.
    again = realise(qtbot, panel, monkeypatch, "")
    assert again == []
    assert panel.plans.refusal.isVisible()
    assert panel.plans.refusal.text().startswith("This plan was marked realised on 2026-11-20.")

    # Undone, it can be marked again; marked meanwhile elsewhere, the dialog says why and keeps the text.
    hub.undo_stack.undo()
    assert progress(hub.db, planned.workshop_id)[planned.go] is IdeaStatus.DECIDED
    mark_realised(hub.db, planned.go, date(2026, 11, 21), "Marked on the other laptop")
    shown = realise(qtbot, panel, monkeypatch, "Typed here")
    assert shown[0].error.text() == "That plan is already marked realised."  # type: ignore[attr-defined]
    assert shown[0].text.toPlainText() == "Typed here"  # type: ignore[attr-defined]


def test_recognition_lists_only_consented_names_and_stands_out_in_the_log(
    hub: Hub, panel: FollowUpPanel, planned: Planned, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed: list[list[str]] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, RecogniseDialog)
        listed.append(dialog.listed())
        assert dialog.left_out.text() == "2 participants did not agree to be named and are not listed."
        dialog.check("Amira Hassan (idea giver)")
        dialog.others.setText("Lena Berg; Omar Said")
        dialog.thanks.setPlainText("Tack för att ni aldrig gav upp!")
        dialog.author.setText("Karin Lind")

    monkeypatch.setattr(RecogniseDialog, "exec", fake_exec(qtbot, [], fill))
    qtbot.mouseClick(panel.plans.recognise_button, LEFT)

    # Bo Ek (no consent) and the unnamed citizen are not offered; the plan's people are.
    assert listed == [
        [
            "Amira Hassan (idea giver)",
            "Eva Sjöberg (responsible for the plan)",
            "Karin Lind (owns an action)",
        ]
    ]
    stored = [(e.kind, e.recognised, e.text, e.author) for e in plan_entries(hub.db, planned.go)]
    assert stored == [
        (FollowUpKind.RECOGNITION, name, "Tack för att ni aldrig gav upp!", "Karin Lind")
        for name in ("Lena Berg", "Omar Said", "Amira Hassan")
    ]
    assert log_rows(panel) == [
        "2026-11-26 · ★ Recognition: Lena Berg, Omar Said, Amira Hassan\n“Tack för att ni aldrig gav upp!”\n"
        "Given by Karin Lind"
    ]
    first = panel.plans.log_model.index(0)
    assert first.data(Qt.ItemDataRole.BackgroundRole).color() == RECOGNISED_BACKGROUND

    # The line is removed as one, and comes back as one.
    panel.plans.log.setCurrentIndex(first)
    qtbot.mouseClick(panel.plans.remove_button, LEFT)
    assert plan_entries(hub.db, planned.go) == []
    assert panel.plans.no_entries.isVisible()
    hub.undo_stack.undo()
    assert len(plan_entries(hub.db, planned.go)) == 3
    assert len(log_rows(panel)) == 1


def test_a_recognition_without_anyone_is_refused(
    hub: Hub, panel: FollowUpPanel, planned: Planned, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QDialog] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, RecogniseDialog)
        dialog.thanks.setPlainText("Tack!")

    monkeypatch.setattr(RecogniseDialog, "exec", fake_exec(qtbot, shown, fill))
    qtbot.mouseClick(panel.plans.recognise_button, LEFT)
    dialog = shown[0]
    assert isinstance(dialog, RecogniseDialog)
    assert dialog.error.text() == "Name who is recognised."
    assert dialog.thanks.toPlainText() == "Tack!"
    assert dialog.focusWidget() is dialog.others


def test_choosing_another_plan_shows_its_log_and_a_hidden_panel_catches_up(
    hub: Hub, panel: FollowUpPanel, planned: Planned, qtbot: QtBot
) -> None:
    panel.plans.choose(planned.planned)
    assert panel.plans.title.text() == SHORTLISTED[1]
    assert panel.plans.no_actions.isVisible()
    assert panel.plans.no_actions.text().startswith("The plan has no actions yet.")
    panel.hide()
    mark_realised(hub.db, planned.planned, date(2026, 11, 1), "Klart")
    hub.followUpChanged.emit(planned.workshop_id)
    assert log_rows(panel) == []  # hidden: read when shown again
    panel.show()
    qtbot.waitExposed(panel)
    assert log_rows(panel) == ["2026-11-01 · ✔ Realised\nKlart"]
    assert panel.plans.plan_list.currentIndex().data(IdRole) == planned.planned


def test_a_long_entry_is_kept_whole_and_shown_shortened(
    hub: Hub, panel: FollowUpPanel, planned: Planned, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    long_note = "\n".join(f"Rad {n}: ✓ Ünïcödé مرحبا 漢字 👩🏽‍🦳" for n in range(2000))

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        dialog.note.setPlainText(long_note)

    monkeypatch.setattr(EntryDialog, "exec", fake_exec(qtbot, [], fill))
    qtbot.mouseClick(panel.plans.entry_button, LEFT)
    (entry,) = plan_entries(hub.db, planned.go)
    assert entry.text == long_note
    shown = log_rows(panel)[0]
    assert shown.startswith("2026-11-26 · Progress\nRad 0: ✓ Ünïcödé مرحبا 漢字 👩🏽‍🦳\n")
    assert "…" in shown
    assert len(shown) < 600
    assert panel.plans.log_model.index(0).data(Qt.ItemDataRole.ToolTipRole) != shown


def test_everything_fits_at_the_laptop_size(hub: Hub, panel: FollowUpPanel, planned: Planned) -> None:
    """At 880x460 (the work area on a 1280x720 laptop) no button is cut and the log has room."""
    add_entry(hub.db, planned.workshop_id, planned.go, "check_in", date(2026, 11, 2), "Två fixare i tjänst")
    hub.followUpChanged.emit(planned.workshop_id)
    plans = panel.plans
    assert plans.log.isVisible()
    for button in (plans.entry_button, plans.realised_button, plans.recognise_button, plans.remove_button,
                   panel.date.clear_button):  # fmt: skip
        assert button.isVisible()
        assert button.width() >= button.sizeHint().width()
        assert panel.rect().contains(button.mapTo(panel, button.rect().bottomRight()))
    lines = plans.log.fontMetrics().lineSpacing()
    assert plans.log.height() > plans.action_list.height()
    assert plans.log.height() >= 9 * lines  # three entries of three lines
    assert plans.action_list.height() >= 4 * lines  # two actions of two lines


def test_an_idea_giver_without_consent_is_offered_by_role_only(
    hub: Hub, panel: FollowUpPanel, planned: Planned
) -> None:
    update_idea(hub.db, planned.go, giver_ids=[planned.people[0], planned.people[1]])
    candidates, left_out = panel.plans.candidates(planned.go)
    assert [c.text for c in candidates][:2] == ["Amira Hassan (idea giver)", "Citizen (idea giver)"]
    assert not any("Bo Ek" in c.text for c in candidates)
    assert left_out == 1  # the citizen without a name, who gave nothing


def test_a_removed_participant_is_neither_offered_nor_counted_as_left_out(
    hub: Hub, panel: FollowUpPanel, planned: Planned
) -> None:
    assert panel.plans.candidates(planned.go)[1] == 2  # Bo Ek and the unnamed citizen
    remove_participant(hub.db, planned.people[1])  # Bo Ek
    remove_participant(hub.db, planned.people[0])  # Amira Hassan, who agreed to be named

    candidates, left_out = panel.plans.candidates(planned.go)

    assert left_out == 1
    assert [c.participant_id for c in candidates if c.participant_id] == []
    assert "Amira Hassan (owns an action)" in [c.text for c in candidates]  # still named by the plan


def test_only_those_who_did_not_agree_are_counted_as_left_out(
    hub: Hub, panel: FollowUpPanel, planned: Planned
) -> None:
    # The unnamed citizen agrees to be named but has no name to be listed by: not "did not agree".
    update_participant(hub.db, planned.people[2], consent_to_be_named=True)

    candidates, left_out = panel.plans.candidates(planned.go)

    assert left_out == 1  # Bo Ek
    assert [c.participant_id for c in candidates if c.participant_id] == [planned.people[0]]


def test_a_long_entry_is_read_whole_from_the_log(
    hub: Hub, panel: FollowUpPanel, planned: Planned, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = "\n".join(f"Punkt {n}: hembesök och samtal med anhöriga" for n in range(40))
    add_entry(hub.db, planned.workshop_id, planned.go, "support", date(2026, 11, 2), note, "Karin")
    hub.followUpChanged.emit(planned.workshop_id)
    read: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryTextDialog)
        read.append(dialog.text.toPlainText())
        assert dialog.text.isReadOnly()

    monkeypatch.setattr(EntryTextDialog, "exec", fake_exec(qtbot, [], fill, press_ok=False))
    first = panel.plans.log_model.index(0)
    assert "Punkt 39" not in str(first.data())
    panel.plans.log.activated.emit(first)
    assert read == [f"2026-11-02 · Support\n{note}\nWritten by Karin"]
