"""Step 8 on the desktop: resources given on a GO decision, with totals; corrected, removed, undone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.decision_resources import allocate, allocations
from app.decisions import record_decision, update_decision
from app.plan_snapshots import DecisionSnapshot
from models.enums import DecisionLevel, DecisionOutcome, ResourceKind
from tests.ui.steps_helpers import SHORTLISTED, Shortlisted, english, shortlisted
from tests.ui.voting_panel_helpers import Answers, fake_exec
from ui.decision_dialog import DecisionDialog
from ui.decision_panel import DecisionPanel
from ui.hub import Hub
from ui.resources_dialog import ResourceDialog
from ui.resources_panel import ResourcesPanel
from ui.shortlist_picker import ShortlistPicker

__all__ = ["english", "shortlisted"]

DAY = date(2026, 3, 12)
Fill = Callable[[ResourceDialog], None]


def decide(hub: Hub, shortlisted: Shortlisted, n: int | None, outcome: str = "go") -> DecisionSnapshot:
    idea = None if n is None else shortlisted.ideas[n]
    return record_decision(hub.db, shortlisted.workshop_id, idea, outcome, DecisionLevel.COMMITTEE, DAY)


def panel_for(hub: Hub, workshop_id: str, qtbot: QtBot) -> ResourcesPanel:
    panel = ResourcesPanel(hub, workshop_id)
    qtbot.addWidget(panel)
    panel.resize(880, 460)
    panel.show()
    return panel


def give(
    kind: ResourceKind,
    amount: str = "",
    description: str = "",
    leader: str | None = None,
    currency: str | None = None,
) -> Fill:
    def fill(dialog: ResourceDialog) -> None:
        dialog.choose_kind(kind)
        dialog.amount.setText(amount)
        if currency is not None:
            dialog.currency.setText(currency)
        dialog.description.setPlainText(description)
        if leader is not None:
            dialog.allocated_by.setText(leader)

    return fill


def run(
    action: Callable[[], None], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, fill: Fill
) -> list[ResourceDialog]:
    shown: list[ResourceDialog] = []
    monkeypatch.setattr(ResourceDialog, "exec", fake_exec(qtbot, shown, fill))  # type: ignore[arg-type]
    action()
    return shown


def test_resources_on_a_go_are_listed_with_their_totals_and_the_idea_becomes_resourced(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    decide(hub, shortlisted, 1, "no")
    go = decide(hub, shortlisted, 0)
    picker = ShortlistPicker(hub, shortlisted.workshop_id)
    qtbot.addWidget(picker)
    picker.show()  # the list the facilitator sees beside the decisions
    panel = panel_for(hub, shortlisted.workshop_id, qtbot)
    assert panel.decision_rows() == [f"§ 2 · GO · {SHORTLISTED[0]}\nDecided"]
    assert (
        panel.left_out.text()
        == "1 decision that is not a GO is not listed: resources are given only on a GO."
    )
    assert panel.totals.text() == "Nothing given yet."

    run(panel.add, qtbot, monkeypatch, give(ResourceKind.MONEY, "150,000", "Pilotmedel", "Karin Lund"))
    (dialog,) = run(panel.add, qtbot, monkeypatch, give(ResourceKind.HOURS, "120.5", "Samordnare 20 %"))
    assert dialog.allocated_by.text() == "Karin Lund"  # the leader who gave the last one, to start with
    run(panel.add, qtbot, monkeypatch, give(ResourceKind.SUPPORT, "", "Kommunikationsstöd", "Komm.chef"))
    today = hub.today().isoformat()
    assert panel.rows() == [
        f"Money: 150,000 SEK\nKarin Lund · {today}\nPilotmedel",
        f"Hours: 120.50\nKarin Lund · {today}\nSamordnare 20 %",
        f"Other support\nKomm.chef · {today}\nKommunikationsstöd",
    ]
    assert panel.totals.text() == "In total: 150,000 SEK · 120.50 hours · 1 other support"
    assert panel.decision_rows() == [f"§ 2 · GO · {SHORTLISTED[0]}\nResourced"]
    assert picker.list.item(0).text() == f"{SHORTLISTED[0]}\nResourced"
    assert [g.amount for g in allocations(hub.db, go.id)] == [Decimal("150000.00"), Decimal("120.50"), None]


def test_money_per_currency_in_the_totals(hub: Hub, shortlisted: Shortlisted, qtbot: QtBot) -> None:
    go = decide(hub, shortlisted, None)
    allocate(hub.db, go.id, ResourceKind.MONEY, 1000, "SEK")
    allocate(hub.db, go.id, ResourceKind.MONEY, Decimal("250.5"), "NOK")
    allocate(hub.db, go.id, ResourceKind.MONEY, 500, "SEK")
    panel = panel_for(hub, shortlisted.workshop_id, qtbot)
    assert panel.decision_rows() == ["§ 1 · GO · No particular idea"]
    assert panel.totals.text() == "In total: 250.50 NOK · 1,500 SEK"


def test_bad_resources_are_refused_beside_their_field_and_the_typing_kept(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    go = decide(hub, shortlisted, 0)
    panel = panel_for(hub, shortlisted.workshop_id, qtbot)
    text = "Pilotmedel för två fixare – år 1 🌱"
    (dialog,) = run(panel.add, qtbot, monkeypatch, give(ResourceKind.MONEY, "", text, "Karin Lund"))
    assert dialog.errors["amount"].text() == "Write how much money is given."
    assert (dialog.description.toPlainText(), dialog.allocated_by.text()) == (text, "Karin Lund")
    (dialog,) = run(panel.add, qtbot, monkeypatch, give(ResourceKind.MONEY, "5000", text, currency="kr"))
    assert dialog.errors["currency"].text() == "Write the currency as a three-letter code such as SEK or NOK."
    assert dialog.errors["amount"].isHidden()
    (dialog,) = run(panel.add, qtbot, monkeypatch, give(ResourceKind.SUPPORT, "", "   "))
    assert dialog.errors["description"].text() == "Describe the support given."
    (dialog,) = run(panel.add, qtbot, monkeypatch, give(ResourceKind.HOURS, "1,5", text))
    assert dialog.errors["amount"].text() == (
        "“1,5” could be 1.5 or 15: write the decimals after a dot, or leave out the comma."
    )
    assert dialog.amount.text() == "1,5"
    (dialog,) = run(panel.add, qtbot, monkeypatch, give(ResourceKind.MONEY, "5,000 NOK", text))
    assert dialog.errors["amount"].text() == "The amount says NOK, but the currency is SEK."
    assert dialog.amount.text() == "5,000 NOK"
    assert allocations(hub.db, go.id) == []
    assert hub.undo_stack.count() == 0


def test_a_decision_no_longer_a_go_refuses_resources_and_says_why(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    go = decide(hub, shortlisted, 0)
    panel = panel_for(hub, shortlisted.workshop_id, qtbot)
    update_decision(hub.db, go.id, "postponed", DecisionLevel.COMMITTEE, DAY)  # elsewhere, unseen yet
    (dialog,) = run(panel.add, qtbot, monkeypatch, give(ResourceKind.HOURS, "40"))
    assert dialog.general.text() == "Resources are given only on a GO decision."
    assert dialog.amount.text() == "40"
    hub.decisionsChanged.emit(shortlisted.workshop_id)
    assert panel.decision_rows() == []
    assert panel.no_go.isVisible()


def test_resources_are_corrected_and_removed_and_both_undone(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    go = decide(hub, shortlisted, 0)
    allocate(hub.db, go.id, ResourceKind.MONEY, Decimal("1250.50"), "SEK", "Pilot", "Karin Lund", DAY)
    allocate(hub.db, go.id, ResourceKind.HOURS, 40)
    panel = panel_for(hub, shortlisted.workshop_id, qtbot)
    panel.list.setCurrentRow(0)

    def correct(dialog: ResourceDialog) -> None:
        assert (dialog.amount.text(), dialog.currency.text()) == ("1250.50", "SEK")
        dialog.amount.setText("2,000")

    run(panel.edit, qtbot, monkeypatch, correct)
    assert panel.rows()[0] == "Money: 2,000 SEK\nKarin Lund · 2026-03-12\nPilot"
    assert panel.totals.text() == "In total: 2,000 SEK · 40 hours"
    panel.list.setCurrentRow(1)
    with qtbot.waitSignal(hub.progressChanged):
        panel.remove()
    assert panel.totals.text() == "In total: 2,000 SEK"
    hub.undo_stack.undo()
    assert panel.totals.text() == "In total: 2,000 SEK · 40 hours"
    hub.undo_stack.undo()
    assert panel.rows()[0].startswith("Money: 1,250.50 SEK")
    hub.undo_stack.redo()
    hub.undo_stack.redo()
    assert [g.amount for g in allocations(hub.db, go.id)] == [Decimal("2000.00")]
    assert panel.decision_rows() == [f"§ 1 · GO · {SHORTLISTED[0]}\nResourced"]
    hub.undo_stack.undo()
    hub.undo_stack.undo()
    hub.undo_stack.undo()
    assert hub.undo_stack.index() == 0


def test_a_go_with_resources_keeps_its_outcome_until_they_are_taken_back(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    go = decide(hub, shortlisted, 0)
    allocate(hub.db, go.id, ResourceKind.HOURS, 40)
    panel = DecisionPanel(hub, shortlisted.workshop_id)
    qtbot.addWidget(panel)
    panel.choose_decision(go.id)
    shown: list[DecisionDialog] = []

    def to_no(dialog: DecisionDialog) -> None:
        dialog.choose_outcome(DecisionOutcome.NO)

    monkeypatch.setattr(DecisionDialog, "exec", fake_exec(qtbot, shown, to_no))  # type: ignore[arg-type]
    panel.correct()
    assert shown[0].errors["outcome"].text() == (
        "Resources were given on this GO: take them back before changing the outcome."
    )
    assert panel.rows()[0].startswith(f"§ 1 · GO · {SHORTLISTED[0]}")


def test_deleting_a_go_with_resources_asks_first_and_undo_brings_both_back(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    go = decide(hub, shortlisted, 0)
    allocate(hub.db, go.id, ResourceKind.HOURS, 40)
    decisions = DecisionPanel(hub, shortlisted.workshop_id)
    qtbot.addWidget(decisions)
    decisions.show()
    resources = panel_for(hub, shortlisted.workshop_id, qtbot)
    answers = Answers(False, True)
    monkeypatch.setattr(QMessageBox, "exec", answers.exec)
    decisions.choose_decision(go.id)
    decisions.delete()
    assert answers.asked[0][1].startswith("Resources were given on § 1 (1 entry).")
    assert resources.totals.text() == "In total: 40 hours"
    decisions.delete()
    assert decisions.rows() == []
    assert resources.decision_rows() == []
    hub.undo_stack.undo()
    assert resources.decision_rows() == [f"§ 1 · GO · {SHORTLISTED[0]}\nResourced"]
    assert resources.totals.text() == "In total: 40 hours"


def test_a_hidden_panel_catches_up_when_shown(hub: Hub, shortlisted: Shortlisted, qtbot: QtBot) -> None:
    panel = panel_for(hub, shortlisted.workshop_id, qtbot)
    panel.hide()
    go = decide(hub, shortlisted, 1)
    hub.decisionsChanged.emit(shortlisted.workshop_id)
    assert panel.decision_rows() == []  # not read while hidden
    panel.show()
    assert panel.decision_rows() == [f"§ 1 · GO · {SHORTLISTED[1]}\nDecided"]
    allocate(hub.db, go.id, ResourceKind.HOURS, 12)
    hub.decisionsChanged.emit(shortlisted.workshop_id)
    assert panel.totals.text() == "In total: 12 hours"
