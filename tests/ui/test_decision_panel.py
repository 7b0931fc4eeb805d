"""Step 7 on the desktop: decisions numbered § n, recorded in the dialog, corrected, deleted, undone."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from app.decisions import list_decisions, record_decision
from app.ideas import add_idea
from app.participants import list_participants
from app.plan_snapshots import DecisionSnapshot
from app.review import set_recommendation, start_review
from app.shortlist import make_shortlist
from app.snapshots import WorkshopSnapshot
from models.enums import DecisionLevel, DecisionOutcome
from tests.app.voting_setup import Board, revealed
from tests.ui.steps_helpers import SHORTLISTED, Shortlisted, english, shortlisted
from tests.ui.voting_panel_helpers import fake_exec
from ui.commands import push
from ui.decision_commands import DecisionValues, RecordDecision
from ui.decision_dialog import NO_DATE, DecisionDialog
from ui.decision_panel import DecisionPanel
from ui.hub import Hub

__all__ = ["english", "shortlisted"]

DAY = date(2026, 3, 12)
Fill = Callable[[DecisionDialog], None]


@pytest.fixture(autouse=True)
def commands_go_before_the_hub(hub: Hub) -> Iterator[None]:
    """Empty the undo stack at the end of each test, while the hub is whole.

    A hub left to the garbage collector with commands (which refer back to it) on its stack
    crashed the interpreter a few tests later.
    """
    yield
    hub.undo_stack.clear()


def panel_for(hub: Hub, workshop_id: str, qtbot: QtBot) -> DecisionPanel:
    panel = DecisionPanel(hub, workshop_id)
    qtbot.addWidget(panel)
    panel.resize(880, 460)
    panel.show()
    return panel


def decide_with(outcome: DecisionOutcome, reasons: str = "", reference: str = "") -> Fill:
    def fill(dialog: DecisionDialog) -> None:
        dialog.choose_outcome(outcome)
        dialog.reference.setText(reference)
        dialog.reasons.setPlainText(reasons)

    return fill


def record(
    panel: DecisionPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, fill: Fill
) -> list[DecisionDialog]:
    shown: list[DecisionDialog] = []
    monkeypatch.setattr(DecisionDialog, "exec", fake_exec(qtbot, shown, fill))  # type: ignore[arg-type]
    panel.record()
    return shown


def titles(panel: DecisionPanel) -> list[str]:
    return [row.split("\n")[0] for row in panel.rows()]


def test_decisions_are_numbered_in_the_order_taken_and_keep_their_number_when_one_goes(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = panel_for(hub, shortlisted.workshop_id, qtbot)
    assert panel.empty.isVisible()
    for n, outcome in enumerate((DecisionOutcome.GO, DecisionOutcome.NO, DecisionOutcome.POSTPONED)):
        panel.picker.choose(shortlisted.ideas[n])
        record(panel, qtbot, monkeypatch, decide_with(outcome, reference=f"SN 2026-03-12 § {40 + n}"))
    assert titles(panel) == [
        f"§ 1 · GO · {SHORTLISTED[0]}",
        f"§ 2 · No · {SHORTLISTED[1]}",
        f"§ 3 · Postponed · {SHORTLISTED[2]}",
    ]
    assert panel.rows()[0].endswith("Unit manager · " + hub.today().isoformat() + " · SN 2026-03-12 § 40")
    assert picker_steps(panel) == ["Decided", "Decided", "Decided"]

    panel.choose_decision(list_decisions(hub.db, shortlisted.workshop_id)[1].id)
    with qtbot.waitSignal(hub.decisionsChanged):
        panel.delete()
    assert titles(panel) == [f"§ 1 · GO · {SHORTLISTED[0]}", f"§ 3 · Postponed · {SHORTLISTED[2]}"]
    assert picker_steps(panel) == ["Decided", "Shortlisted", "Decided"]

    hub.undo_stack.undo()
    assert titles(panel)[1] == f"§ 2 · No · {SHORTLISTED[1]}"
    hub.undo_stack.undo()  # the third decision is taken back
    assert len(panel.rows()) == 2
    hub.undo_stack.redo()
    hub.undo_stack.redo()
    assert titles(panel) == [f"§ 1 · GO · {SHORTLISTED[0]}", f"§ 3 · Postponed · {SHORTLISTED[2]}"]
    record(panel, qtbot, monkeypatch, decide_with(DecisionOutcome.GO))
    assert titles(panel)[-1].startswith("§ 4 · GO")  # § 2, deleted below § 3, stays taken


def test_an_undone_recording_frees_its_number(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = panel_for(hub, shortlisted.workshop_id, qtbot)
    for n in range(3):
        panel.picker.choose(shortlisted.ideas[n])
        record(panel, qtbot, monkeypatch, decide_with(DecisionOutcome.POSTPONED))
    hub.undo_stack.undo()
    record(panel, qtbot, monkeypatch, decide_with(DecisionOutcome.GO))
    assert titles(panel)[-1] == f"§ 3 · GO · {SHORTLISTED[2]}"
    assert hub.undo_stack.undoText() == "Record decision § 3"
    hub.undo_stack.redo()  # nothing to redo: the new recording replaced the undone one
    assert [d.number for d in list_decisions(hub.db, shortlisted.workshop_id)] == [1, 2, 3]


def test_a_deleted_decision_whose_number_was_given_again_is_not_restored(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = panel_for(hub, shortlisted.workshop_id, qtbot)
    for n in range(2):
        panel.picker.choose(shortlisted.ideas[n])
        record(panel, qtbot, monkeypatch, decide_with(DecisionOutcome.POSTPONED))
    panel.choose_decision(list_decisions(hub.db, shortlisted.workshop_id)[1].id)
    panel.delete()
    panel.picker.choose(shortlisted.ideas[2])
    record(panel, qtbot, monkeypatch, decide_with(DecisionOutcome.NO))
    assert titles(panel) == [f"§ 1 · Postponed · {SHORTLISTED[0]}", f"§ 2 · No · {SHORTLISTED[2]}"]
    hub.undo_stack.undo()  # the new § 2 is taken back
    with qtbot.waitSignal(hub.failed) as failed:
        hub.undo_stack.undo()  # the old § 2 cannot come back
    assert failed.args == ["§ 2 has since been given to another decision."]
    assert titles(panel) == [f"§ 1 · Postponed · {SHORTLISTED[0]}"]
    assert hub.undo_stack.undoText() == "Record decision § 2"
    with qtbot.assertNotEmitted(hub.failed):
        hub.undo_stack.undo()  # the old § 2's recording: gone already, nothing to say
    assert hub.undo_stack.undoText() == "Record decision § 1"
    with qtbot.waitSignal(hub.failed) as failed:
        hub.undo_stack.redo()
    assert failed.args == ["§ 2 has since been given to another decision."]
    assert titles(panel) == [f"§ 1 · Postponed · {SHORTLISTED[0]}"]


def picker_steps(panel: DecisionPanel) -> list[str]:
    return [panel.picker.list.item(row).text().split("\n")[1] for row in range(panel.picker.list.count())]


def test_a_decision_needs_an_outcome_and_a_date_said_plainly_and_typing_is_kept(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = panel_for(hub, shortlisted.workshop_id, qtbot)
    typed = "Nämnden vill se en pilot först – 🌱 " + "lång motivering " * 200

    def without_outcome(dialog: DecisionDialog) -> None:
        dialog.decided_by.setText("Socialnämnden")
        dialog.reasons.setPlainText(typed)

    (dialog,) = record(panel, qtbot, monkeypatch, without_outcome)
    assert (
        dialog.errors["outcome"].text()
        == "Choose the outcome of the decision: GO, no, postponed or declined."
    )
    assert not dialog.errors["outcome"].isHidden()
    assert (dialog.decided_by.text(), dialog.reasons.toPlainText()) == ("Socialnämnden", typed)
    assert list_decisions(hub.db, shortlisted.workshop_id) == []

    def without_date(dialog: DecisionDialog) -> None:
        dialog.choose_outcome(DecisionOutcome.NO)
        dialog.reference.setText("SN 2026-03-12 § 45")
        dialog.decided_on.setDate(NO_DATE)

    (dialog,) = record(panel, qtbot, monkeypatch, without_date)
    assert dialog.decided_on.text() == "No date"
    assert dialog.errors["decided_on"].text() == "Write the date of the decision."
    assert dialog.errors["outcome"].isHidden()
    assert dialog.reference.text() == "SN 2026-03-12 § 45"
    assert list_decisions(hub.db, shortlisted.workshop_id) == []
    assert hub.undo_stack.count() == 0


def test_going_against_the_review_is_said_before_ok_and_needs_reasons(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    review = start_review(hub.db, shortlisted.ideas[1])
    set_recommendation(hub.db, review.id, "park", "För dyrt för vinsten")
    panel = panel_for(hub, shortlisted.workshop_id, qtbot)
    assert panel.review.text() == "The idea has not been through a critical review."
    panel.picker.choose(shortlisted.ideas[1])
    assert panel.review.text() == "The critical review recommends: Park (“För dyrt för vinsten”)"
    seen: list[tuple[bool, str]] = []

    def go_without_reasons(dialog: DecisionDialog) -> None:
        assert dialog.idea_id() == shortlisted.ideas[1]
        dialog.choose_outcome(DecisionOutcome.NO)
        seen.append((dialog.hint.isVisible(), dialog.hint.text()))
        dialog.choose_outcome(DecisionOutcome.GO)
        seen.append((dialog.hint.isVisible(), dialog.hint.text()))
        dialog.reference.setText("KS 2026-03-12 § 45")

    (dialog,) = record(panel, qtbot, monkeypatch, go_without_reasons)
    why = "The critical review recommended parking this idea."
    assert seen == [
        (False, "Write the reasons for the decision."),
        (True, f"{why} Write the reasons for the decision."),
    ]
    assert dialog.errors["reasons"].text() == f"{why} Write the reasons for the decision."
    assert dialog.reference.text() == "KS 2026-03-12 § 45"
    assert list_decisions(hub.db, shortlisted.workshop_id) == []

    record(panel, qtbot, monkeypatch, decide_with(DecisionOutcome.GO, reasons="Nämnden vill pröva ändå."))
    (made,) = list_decisions(hub.db, shortlisted.workshop_id)
    assert (made.outcome, made.reasons) == (DecisionOutcome.GO, "Nämnden vill pröva ändå.")


def test_turning_down_the_vote_s_favourite_needs_reasons(
    hub: Hub, room: WorkshopSnapshot, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = tuple(p.id for p in list_participants(hub.db, room.id))
    ideas = tuple(
        add_idea(hub.db, room.id, title).id for title in ("Gå-buss", "Fler övergångsställen", "Lampor")
    )
    board = Board(room.id, people, (), ideas)
    make_shortlist(hub.db, revealed(hub.db, board, ({0: 5, 1: 3}, {1: 2, 2: 1})).id, size=2)
    panel = panel_for(hub, room.id, qtbot)
    assert panel.picker.idea_ids() == [ideas[0], ideas[1]]
    hints: list[str] = []

    def no_on_the_favourite(dialog: DecisionDialog) -> None:
        dialog.choose_outcome(DecisionOutcome.GO)
        hints.append(dialog.hint.text() if dialog.hint.isVisible() else "")
        dialog.choose_outcome(DecisionOutcome.NO)
        hints.append(dialog.hint.text() if dialog.hint.isVisible() else "")

    (dialog,) = record(panel, qtbot, monkeypatch, no_on_the_favourite)
    assert hints == ["", "The vote ranked this idea first. Write the reasons for the decision."]
    assert not dialog.errors["reasons"].isHidden()
    dialog.reasons.setPlainText("Trafikverket bygger om vägen nästa år.")
    dialog.accept()
    assert titles(panel) == ["§ 1 · No · Gå-buss"]


def test_the_dialog_preselects_an_idea_whose_plan_is_ready_and_says_what_is_missing(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    from decimal import Decimal

    from app.analysis import save_analysis
    from app.plans import create_plan, mark_ready_for_decision, update_plan

    save_analysis(hub.db, shortlisted.ideas[2], benefit="Mindre ensamhet", cost_hours=Decimal(40))
    plan = create_plan(hub.db, shortlisted.ideas[2], today=DAY)
    update_plan(hub.db, plan.id, today=DAY, concept="Fika via surfplatta", responsible="Bo Ek")
    mark_ready_for_decision(hub.db, plan.id, today=DAY)
    create_plan(hub.db, shortlisted.ideas[0], today=DAY)
    dialog = DecisionDialog(hub, shortlisted.workshop_id, lambda _values: None, idea_id=shortlisted.ideas[0])
    qtbot.addWidget(dialog)
    assert dialog.idea_id() == shortlisted.ideas[2]
    assert dialog.idea.currentText() == f"{SHORTLISTED[2]} (ready for decision)"
    assert dialog.readiness.text() == "✓ The development plan is ready for decision."
    assert dialog.outcome() is None
    dialog.idea.setCurrentIndex(dialog.idea.findData(shortlisted.ideas[0]))
    assert dialog.readiness.text().startswith(
        "The development plan is not marked ready for decision yet.\n• "
    )
    assert "• Name who is responsible for the plan." in dialog.readiness.text()
    dialog.idea.setCurrentIndex(dialog.idea.findData(shortlisted.ideas[1]))
    assert dialog.readiness.text() == "This idea has no development plan yet."
    dialog.idea.setCurrentIndex(0)
    assert (dialog.idea.currentText(), dialog.idea_id(), dialog.readiness.isHidden()) == (
        "No particular idea",
        None,
        True,
    )
    chosen = DecisionDialog(hub, shortlisted.workshop_id, lambda _values: None, idea_id=shortlisted.ideas[1])
    qtbot.addWidget(chosen)
    assert chosen.idea_id() == shortlisted.ideas[2]  # the one ready for decision before one without a plan
    record_decision(hub.db, shortlisted.workshop_id, shortlisted.ideas[2], "go", DecisionLevel.COMMITTEE, DAY)
    again = DecisionDialog(hub, shortlisted.workshop_id, lambda _values: None, idea_id=shortlisted.ideas[1])
    qtbot.addWidget(again)
    assert again.idea_id() == shortlisted.ideas[1]  # the ready one is decided: the idea chosen in the list


def test_a_decision_is_corrected_and_the_correction_undone(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = record_decision(
        hub.db, shortlisted.workshop_id, None, "go", DecisionLevel.COMMITTEE, DAY, reference="SN § 4"
    )
    panel = panel_for(hub, shortlisted.workshop_id, qtbot)
    panel.choose_decision(made.id)

    def fix(dialog: DecisionDialog) -> None:
        assert not dialog.idea.isEnabled()
        assert (dialog.outcome(), dialog.reference.text()) == (DecisionOutcome.GO, "SN § 4")
        dialog.reference.setText("SN 2026-03-12 § 45")
        dialog.level.setCurrentIndex(dialog.level.findData(DecisionLevel.COUNCIL))

    monkeypatch.setattr(DecisionDialog, "exec", fake_exec(qtbot, [], fix))  # type: ignore[arg-type]
    panel.correct()
    assert panel.rows()[0] == "§ 1 · GO · No particular idea\nCouncil · SN 2026-03-12 § 45"
    hub.undo_stack.undo()
    assert panel.rows()[0] == "§ 1 · GO · No particular idea\nCommittee · 2026-03-12 · SN § 4"
    hub.undo_stack.redo()
    assert list_decisions(hub.db, shortlisted.workshop_id)[0].level is DecisionLevel.COUNCIL
    dialog = DecisionDialog(hub, shortlisted.workshop_id, lambda _values: None)
    qtbot.addWidget(dialog)
    assert dialog.level.currentText() == "Council"  # a new one starts at the level of the last one


TYPED = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=400)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reasons=TYPED, reference=TYPED.map(lambda text: text[:200]))
def test_any_text_is_kept_as_typed(hub: Hub, shortlisted: Shortlisted, reasons: str, reference: str) -> None:
    recorded: list[DecisionValues] = []

    def send(values: DecisionValues) -> None:
        recorded.append(values)
        push(hub, RecordDecision(hub, shortlisted.workshop_id, values))

    dialog = DecisionDialog(hub, shortlisted.workshop_id, send)  # type: ignore[arg-type]
    dialog.choose_outcome(DecisionOutcome.POSTPONED)
    dialog.reasons.setPlainText(reasons)
    dialog.reference.setText(reference)
    dialog.accept()
    dialog.deleteLater()
    last = list_decisions(hub.db, shortlisted.workshop_id)[-1]
    assert (last.reasons, last.reference) == (reasons, reference.strip())


def test_a_deleted_panel_no_longer_follows_the_hub(hub: Hub, shortlisted: Shortlisted, qtbot: QtBot) -> None:
    from shiboken6 import delete

    workshop_id = shortlisted.workshop_id
    panel = DecisionPanel(hub, workshop_id)
    panel.resize(880, 460)
    panel.show()
    delete(panel)  # the page dropped its areas when it switched workshop
    idea = add_idea(hub.db, workshop_id, "Ny idé")
    for emitted in (hub.reviewChanged, hub.planChanged, hub.analysisChanged):
        emitted.emit(workshop_id, shortlisted.ideas[0])  # raised "already deleted" before
    hub.ideasChanged.emit(workshop_id, [idea])
    hub.decisionsChanged.emit(workshop_id)
    hub.progressChanged.emit(workshop_id)


def test_a_hidden_panel_reads_again_only_when_shown(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.decision_panel

    reads: list[str] = []

    def counted(db: object, workshop_id: str) -> list[DecisionSnapshot]:
        reads.append(workshop_id)
        return list_decisions(hub.db, workshop_id)

    monkeypatch.setattr(ui.decision_panel, "list_decisions", counted)
    panel = panel_for(hub, shortlisted.workshop_id, qtbot)
    panel.hide()
    reads.clear()
    record_decision(hub.db, shortlisted.workshop_id, None, "go", DecisionLevel.COMMITTEE, DAY)
    for _save in range(3):
        hub.analysisChanged.emit(shortlisted.workshop_id, shortlisted.ideas[0])
        hub.planChanged.emit(shortlisted.workshop_id, shortlisted.ideas[0])
    hub.decisionsChanged.emit(shortlisted.workshop_id)
    assert reads == []
    panel.show()
    assert reads == [shortlisted.workshop_id]
    assert titles(panel) == ["§ 1 · GO · No particular idea"]
    hub.planChanged.emit(shortlisted.workshop_id, shortlisted.ideas[0])  # shown: read at once
    assert len(reads) == 2


def test_a_decision_row_does_not_repeat_what_its_reference_says(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    meeting = date(2026, 9, 2)
    body = "Vård- och omsorgsnämnden"
    for reference in (f"{body} {meeting.isoformat()} § 27", "VON § 28", ""):
        record_decision(
            hub.db, shortlisted.workshop_id, None, "go", DecisionLevel.COMMITTEE, meeting,
            decided_by=body, reference=reference,
        )  # fmt: skip
    panel = panel_for(hub, shortlisted.workshop_id, qtbot)
    assert [row.split("\n")[1] for row in panel.rows()] == [
        "Committee · Vård- och omsorgsnämnden 2026-09-02 § 27",
        "Committee · Vård- och omsorgsnämnden · 2026-09-02 · VON § 28",
        "Committee · Vård- och omsorgsnämnden · 2026-09-02",
    ]
