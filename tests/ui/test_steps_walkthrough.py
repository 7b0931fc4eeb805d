"""One shortlisted idea walked from critical review to realisation through the workshop page.

The facilitator goes phase by phase with "Next phase", working in each phase's panel as on the
laptop: the review with notes from an internal and an external reviewer and a recommendation, the
in-depth analysis, the development plan with two actions, decision § 1 GO, resources, two
follow-up entries and the realisation. After each step the database holds it and the idea's step,
shown beside it in the list, has moved on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from app import agenda
from app.analysis import get_analysis
from app.decisions import allocations, list_decisions
from app.followup import plan_entries
from app.idea_progress import progress
from app.plans import plan_for_idea
from app.review import review_of_idea
from app.workshops import get_workshop
from models.enums import DecisionOutcome, FollowUpKind, IdeaStatus, NoteKind, ResourceKind
from tests.ui.steps_helpers import SHORTLISTED, Shortlisted, english, shortlisted
from tests.ui.voting_panel_helpers import fake_exec
from ui.analysis_panel import AnalysisPanel
from ui.decision_dialog import DecisionDialog
from ui.decision_panel import DecisionPanel
from ui.followup_entry_dialogs import EntryDialog, NoteDialog
from ui.followup_panel import FollowUpPanel
from ui.hub import Hub
from ui.plan_panel import PlanPanel
from ui.resources_dialog import ResourceDialog
from ui.resources_panel import ResourcesPanel
from ui.review_dialogs import RecommendationDialog
from ui.review_panel import ReviewPanel
from ui.shortlist_picker import ShortlistPicker
from ui.workshop_page import WorkshopPage

__all__ = ["english", "shortlisted"]

TODAY = date(2026, 11, 26)
LEFT = Qt.MouseButton.LeftButton
Panel = TypeVar("Panel", bound=QWidget)


@pytest.fixture
def page(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[WorkshopPage]:
    """The workshop page on a 1280x720 laptop, at the critical review phase."""
    monkeypatch.setattr(hub, "today", lambda: TODAY)
    widget = WorkshopPage(hub)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show_workshop(shortlisted.workshop_id)
    widget.show()
    qtbot.waitExposed(widget)
    review = next(p for p in get_workshop(hub.db, shortlisted.workshop_id).phases if p.kind == "review")
    widget._move("", lambda: agenda.go_to_phase(hub.db, shortlisted.workshop_id, review.id))
    yield widget
    widget.presenter.close()


def area(page: WorkshopPage, kind: type[Panel]) -> Panel:
    widget = page.work.currentWidget()
    assert isinstance(widget, kind), f"the phase shows {type(widget).__name__}, not {kind.__name__}"
    return widget


def next_phase(page: WorkshopPage, qtbot: QtBot) -> None:
    qtbot.mouseClick(page.next_button, LEFT)


def step_shown(picker: ShortlistPicker, row: int = 0) -> str:
    return picker.list.item(row).text().split("\n")[1]


def step_stored(hub: Hub, walk: Shortlisted) -> IdeaStatus:
    return progress(hub.db, walk.workshop_id)[walk.ideas[0]]


D = TypeVar("D", bound=QDialog)


def answering(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, dialog: type[D], fill: Callable[[D], None]
) -> None:
    """The next ``dialog`` shown is filled by ``fill`` and accepted, as the facilitator would."""
    monkeypatch.setattr(dialog, "exec", fake_exec(qtbot, [], fill))  # type: ignore[arg-type]


def test_one_idea_from_review_to_realisation(
    hub: Hub, shortlisted: Shortlisted, page: WorkshopPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    idea = shortlisted.ideas[0]
    amira, bo, _citizen = shortlisted.people

    # Step 4: the critical review, notes from an internal and an external reviewer, and the recommendation.
    review = area(page, ReviewPanel)
    assert review.picker.current_idea_id() == idea
    qtbot.mouseClick(review.start_button, LEFT)
    for kind, text, reviewer in (
        (NoteKind.STRENGTH, "Bygger på hembesök som redan görs", amira),
        (NoteKind.RISK, "Väntetid om fixaren är sjuk", bo),
        (NoteKind.QUESTION, "Vem betalar materialet?", None),
    ):
        review.reviewer.setCurrentIndex(review.reviewer.findData(reviewer))
        field = review.board.columns[kind].field
        field.setText(text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert review.composition.text().startswith("Reviewers who wrote notes: 1 internal, 1 external")
    qtbot.mouseClick(review.show_button, LEFT)
    assert page.presenter.review_idea_id == idea

    def recommend(dialog: RecommendationDialog) -> None:
        dialog.choose("proceed")
        dialog.reasons.setPlainText("Tydligt behov; risken prövas i en pilot")

    answering(monkeypatch, qtbot, RecommendationDialog, recommend)
    qtbot.mouseClick(review.recommend_button, LEFT)
    stored_review = review_of_idea(hub.db, idea)
    assert stored_review is not None
    assert stored_review.recommendation == "proceed"
    assert [note.text for note in stored_review.notes] == [
        "Bygger på hembesök som redan görs",
        "Väntetid om fixaren är sjuk",
        "Vem betalar materialet?",
    ]
    assert step_shown(review.picker) == "Reviewed"
    assert step_stored(hub, shortlisted) is IdeaStatus.REVIEWED

    # Step 5: the in-depth analysis; the benefit and both costs make it weighable.
    next_phase(page, qtbot)
    analysis = area(page, AnalysisPanel)
    assert analysis.picker.current_idea_id() == idea
    for name, text in (
        ("benefit", "Färre fallolyckor i hemmet"),
        ("beneficiaries", "Äldre som bor hemma, och deras anhöriga"),
        ("cost_hours", "320"),
        ("cost_money", "45,000"),
    ):
        field = analysis.form.fields[name]
        widget = field.widget
        if hasattr(widget, "setPlainText"):
            widget.setPlainText(text)
        else:
            widget.setText(text)
        field.flush()
    stored_analysis = get_analysis(hub.db, idea)
    assert stored_analysis.benefit == "Färre fallolyckor i hemmet"
    assert (stored_analysis.cost_hours, stored_analysis.cost_money) == (320, 45000)
    assert step_shown(analysis.picker) == "Analysed"

    # Step 6: the development plan with two actions, one of them already overdue, ready for decision.
    next_phase(page, qtbot)
    plan = area(page, PlanPanel)
    qtbot.mouseClick(plan.create_button, LEFT)
    for name, text in (("concept", "En fixare på 50 % i hemtjänsten Norra"), ("responsible", "Eva Sjöberg")):
        field = plan.view.fields[name]
        widget = field.widget
        if hasattr(widget, "setPlainText"):
            widget.setPlainText(text)
        else:
            widget.setText(text)
        field.flush()
    editor = plan.view.action_editor
    for title in ("Rekrytera en fixare", "Informera brukarna"):
        editor.new_title.setText(title)
        qtbot.keyClick(editor.new_title, Qt.Key.Key_Return)
    # As the table's editors do: an owner, and a due date already past (allowed, shown overdue).
    model = editor.model
    assert model.setData(model.index(0, model.OWNER), "Eva Sjöberg")
    assert model.setData(model.index(0, model.DUE), "2026-11-01")
    assert [a.title for a in editor.model.actions()] == ["Rekrytera en fixare", "Informera brukarna"]
    assert editor.model.actions()[0].overdue
    assert model.index(0, model.STATUS).data().startswith("Overdue")
    qtbot.mouseClick(plan.view.ready_button, LEFT)
    stored_plan = plan_for_idea(hub.db, idea, today=TODAY)
    assert stored_plan is not None
    assert stored_plan.ready_for_decision
    assert stored_plan.concept == "En fixare på 50 % i hemtjänsten Norra"
    assert step_shown(plan.picker) == "Planned"

    # Step 7: decision § 1, GO, at the committee.
    next_phase(page, qtbot)
    decision = area(page, DecisionPanel)

    def go(dialog: DecisionDialog) -> None:
        dialog.choose_outcome(DecisionOutcome.GO)
        dialog.reference.setText("SN 2026-11-26 § 45")

    answering(monkeypatch, qtbot, DecisionDialog, go)
    decision.record()
    (decided,) = list_decisions(hub.db, shortlisted.workshop_id)
    assert (decided.number, decided.outcome, decided.idea_id) == (1, DecisionOutcome.GO, idea)
    assert decision.rows()[0].startswith(f"§ 1 · GO · {SHORTLISTED[0]}")
    assert step_shown(decision.picker) == "Decided"

    # Step 8: resources on the GO.
    next_phase(page, qtbot)
    resources = area(page, ResourcesPanel)

    def money(dialog: ResourceDialog) -> None:
        dialog.choose_kind(ResourceKind.MONEY)
        dialog.amount.setText("150,000")
        dialog.description.setPlainText("Pilotmedel för ett år")
        dialog.allocated_by.setText("Karin Lund, förvaltningschef")

    answering(monkeypatch, qtbot, ResourceDialog, money)
    resources.add()
    (given,) = allocations(hub.db, decided.id)
    assert (given.kind, given.amount, given.currency) == (ResourceKind.MONEY, 150000, "SEK")
    assert step_stored(hub, shortlisted) is IdeaStatus.RESOURCED

    # Step 9: two follow-up meetings, months later.
    next_phase(page, qtbot)
    support = area(page, FollowUpPanel)
    entries = iter(
        (
            (date(2027, 1, 15), "Fixaren anställd, 20 hembesök i januari", "enligt plan"),
            (date(2027, 3, 10), "Brukarna nöjda; schemat krockar med helgerna", "försenad"),
        )
    )

    def entry(dialog: EntryDialog) -> None:
        day, note, status = next(entries)
        dialog.entry_on.setDate(day)
        dialog.note.setPlainText(note)
        dialog.status.setText(status)
        dialog.author.setText("Eva Sjöberg")

    answering(monkeypatch, qtbot, EntryDialog, entry)
    qtbot.mouseClick(support.plans.entry_button, LEFT)
    qtbot.mouseClick(support.plans.entry_button, LEFT)
    stored_entries = plan_entries(hub.db, idea)
    assert [(e.kind, e.entry_on, e.status) for e in stored_entries] == [
        (FollowUpKind.CHECK_IN, date(2027, 1, 15), "enligt plan"),
        (FollowUpKind.CHECK_IN, date(2027, 3, 10), "försenad"),
    ]
    assert step_stored(hub, shortlisted) is IdeaStatus.REALISING

    # Step 10: realised, and celebrated.
    next_phase(page, qtbot)
    realisation = area(page, FollowUpPanel)

    def realised(dialog: NoteDialog) -> None:
        dialog.entry_on.setDate(date(2027, 9, 1))
        dialog.text.setPlainText("Fixa-Fia ingår i hemtjänstens ordinarie utbud")
        dialog.author.setText("Eva Sjöberg")

    answering(monkeypatch, qtbot, NoteDialog, realised)
    qtbot.mouseClick(realisation.plans.realised_button, LEFT)
    assert step_stored(hub, shortlisted) is IdeaStatus.REALISED
    assert [e.kind for e in plan_entries(hub.db, idea)][-1] is FollowUpKind.REALISATION
    assert realisation.plans.step.text().endswith("✔ Realised on 2027-09-01")
    # The other shortlisted ideas stayed where they were.
    assert progress(hub.db, shortlisted.workshop_id)[shortlisted.ideas[1]] is IdeaStatus.SHORTLISTED
