"""Each idea's step along the ten, shown on the idea: its card, its row in the list, its form."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.decisions import allocate, record_decision
from app.followup import add_entry
from app.i18n import format_date
from app.idea_progress_detail import step_reached
from app.ideas import list_ideas
from app.plans import create_plan
from app.review import set_recommendation, start_review
from app.snapshots import IdeaSnapshot
from tests.ui.steps_helpers import NOT_SHORTLISTED, SHORTLISTED, Shortlisted, english, shortlisted
from ui.hub import Hub
from ui.idea_board import IdeaBoard
from ui.idea_capture import IdeaCapture
from ui.idea_cards import IdeaColumnModel
from ui.idea_form import IdeaForm
from ui.idea_list import SearchTextRole, StepFollower, StepRole, WorkshopIdeas

__all__ = ["english", "shortlisted"]

FIRST, PLANNED, PARKED = SHORTLISTED


def review(hub: Hub, idea_id: str, recommendation: str) -> None:
    done = start_review(hub.db, idea_id)
    set_recommendation(hub.db, done.id, recommendation, "The group's reasons")


@pytest.fixture
def walked(hub: Hub, shortlisted: Shortlisted) -> Shortlisted:
    """The first shortlisted idea stays shortlisted, the second is planned, the third parked."""
    review(hub, shortlisted.ideas[1], "proceed")
    create_plan(hub.db, shortlisted.ideas[1], today=hub.today())
    review(hub, shortlisted.ideas[2], "park")
    return shortlisted


def tags(model: IdeaColumnModel) -> dict[str, str]:
    return {model.index(r).data(): model.index(r).data(StepRole) for r in range(model.rowCount())}


def test_cards_on_the_board_show_the_step_from_the_shortlist_on(
    hub: Hub, walked: Shortlisted, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    board = IdeaBoard(hub, walked.workshop_id)
    qtbot.addWidget(board)
    board.resize(1280, 720)
    board.show()
    qtbot.waitExposed(board)
    [column] = board.columns()  # no themes: all cards in one column
    ModelTester(None).check(column.model)

    assert tags(column.model) == {
        FIRST: "Shortlisted",
        PLANNED: "Planned",
        PARKED: "Parked",
        NOT_SHORTLISTED: "",
    }
    first = column.model.index(column.model.row_of(walked.ideas[0]))
    assert "Step: Shortlisted" in first.data(3)  # the tooltip says it in words
    other = column.model.index(column.model.row_of(walked.other))
    assert "Step" not in other.data(3)
    # The tag takes room of its own: a card with one is taller than the same card without.
    option = QStyleOptionViewItem()
    option.initFrom(column.view)
    with_tag = column.view.delegate.sizeHint(option, first)
    assert isinstance(with_tag, QSize)
    assert with_tag.height() > column.view.delegate.sizeHint(option, other).height()
    assert not board.grab().isNull()


def test_a_card_follows_its_step_when_progress_moves(hub: Hub, walked: Shortlisted, qtbot: QtBot) -> None:
    ideas = list_ideas(hub.db, walked.workshop_id)
    model = IdeaColumnModel(walked.workshop_id, None)
    model.set_ideas(ideas)
    # As the board does: the follower hands on the moved ideas, the column takes them in.
    follower = StepFollower(hub, walked.workshop_id, lambda idea_id: known(model, idea_id))
    follower.moved.connect(lambda moved: model.sync([fresh(moved, i) for i in model.ideas()]))
    review(hub, walked.ideas[0], "rework")

    with qtbot.waitSignal(model.dataChanged):
        hub.progressChanged.emit(walked.workshop_id)
    assert tags(model)[FIRST] == "Reviewed"
    assert tags(model)[PLANNED] == "Planned"


def test_the_list_shows_the_step_finds_it_and_follows_it(
    hub: Hub, walked: Shortlisted, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    capture = IdeaCapture(hub, walked.workshop_id)
    qtbot.addWidget(capture)
    capture.resize(1280, 720)
    capture.show()
    qtmodeltester.check(capture.model, force_py=True)
    lines = {capture.model.index(r).data().split("\n")[0]: capture.model.index(r).data() for r in range(4)}
    assert lines[PLANNED].split("\n")[1].strip().startswith("Planned · ")
    assert lines[PARKED].split("\n")[1].strip().startswith("Parked · ")
    assert "Shortlisted" not in lines[NOT_SHORTLISTED]
    assert "parked" in capture.model.index(capture.model.row_of(walked.ideas[2])).data(SearchTextRole)

    capture.search.setText("parked")  # the step's word finds the ideas at that step
    assert [capture.filter.index(r, 0).data(StepRole) for r in range(capture.filter.rowCount())] == ["Parked"]
    capture.search.clear()

    capture.edit(walked.ideas[0])
    assert capture.form.step.isVisible()
    assert capture.form.step.text().startswith("Step: Shortlisted — on the shortlist since ")
    review(hub, walked.ideas[0], "proceed")
    with qtbot.waitSignal(capture.model.dataChanged):
        hub.progressChanged.emit(walked.workshop_id)
    row = capture.model.row_of(walked.ideas[0])
    assert capture.model.index(row).data(StepRole) == "Reviewed"
    assert capture.form.step.text().startswith("Step: Reviewed — critical review completed ")


def test_the_form_says_the_step_and_what_put_it_there(hub: Hub, walked: Shortlisted, qtbot: QtBot) -> None:
    form = IdeaForm()
    qtbot.addWidget(form)
    form.show()
    form.step.read_step = lambda idea_id: step_reached(hub.db, idea_id)
    ideas = {i.id: i for i in list_ideas(hub.db, walked.workshop_id)}
    today = format_date(date.today())

    form.edit(ideas[walked.ideas[1]])
    assert form.step.text() == f"Step: Planned — development plan since {today}"
    form.edit(ideas[walked.ideas[2]])
    assert form.step.text() == f"Step: Parked — the critical review of {today} recommends parking it"
    form.edit(ideas[walked.ideas[0]])
    assert form.step.text() == f"Step: Shortlisted — on the shortlist since {today}"
    form.edit(ideas[walked.other])
    assert not form.step.isVisible()  # before the shortlist an idea has no step to show
    form.clear()
    assert not form.step.isVisible()


def test_the_form_names_the_decision_and_the_follow_up(hub: Hub, walked: Shortlisted, qtbot: QtBot) -> None:
    form = IdeaForm()
    qtbot.addWidget(form)
    form.step.read_step = WorkshopIdeas(hub, walked.workshop_id, form).step_reached
    planned = walked.ideas[1]
    meeting = date.today() - timedelta(days=30)
    decision = record_decision(hub.db, walked.workshop_id, planned, "go", "committee", meeting)

    def shown() -> str:
        [idea] = [i for i in list_ideas(hub.db, walked.workshop_id) if i.id == planned]
        form.editing = idea
        return form.step.text()

    assert shown() == f"Step: Decided — § 1 GO, {format_date(meeting)}"
    allocate(hub.db, decision.id, "money", 50_000, allocated_on=meeting + timedelta(days=7))
    assert shown() == f"Step: Resourced — § 1 GO, resources given {format_date(meeting + timedelta(days=7))}"
    add_entry(hub.db, walked.workshop_id, planned, "check_in", meeting + timedelta(days=20), "Under way")
    assert shown() == f"Step: Being realised — latest follow-up {format_date(meeting + timedelta(days=20))}"


def known(model: IdeaColumnModel, idea_id: str) -> IdeaSnapshot | None:
    row = model.row_of(idea_id)
    return model.idea(row) if row >= 0 else None


def fresh(moved: list[IdeaSnapshot], idea: IdeaSnapshot) -> IdeaSnapshot:
    return next((m for m in moved if m.id == idea.id), idea)


def test_the_board_follows_the_steps(hub: Hub, walked: Shortlisted, qtbot: QtBot) -> None:
    board = IdeaBoard(hub, walked.workshop_id)
    qtbot.addWidget(board)
    [column] = board.columns()
    review(hub, walked.ideas[0], "rework")
    with qtbot.waitSignal(column.model.dataChanged):
        hub.progressChanged.emit(walked.workshop_id)
    assert tags(column.model)[FIRST] == "Reviewed"
    assert board.reload_count == 1  # only the moved cards were redrawn
