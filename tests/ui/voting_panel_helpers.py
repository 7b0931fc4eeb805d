"""Shared by the voting panel's tests: a board to vote on, a stand-in presenter, dialogs and texts."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import agenda
from app.clusters import add_cluster
from app.i18n import set_language
from app.ideas import add_idea
from app.participants import list_participants
from app.snapshots import WorkshopSnapshot
from app.voting import cast_ballot, create_round, open_round
from app.voting_snapshots import RoundSnapshot, RoundSpec, Voter
from ui.hub import Hub
from ui.voting_panel import VotingPanel
from ui.workshop_page import WorkshopPage

LEFT = Qt.MouseButton.LeftButton
TITLES = ("Fixed contact person", "Weekly photo schedule", "Coffee on every visit", "Pupils as friends",
          "Lift to the meeting place", "Soup night")  # fmt: skip


@dataclass(frozen=True)
class Board:
    """ideas[0..1] in themes[0] ('Continuity'), ideas[2..3] in themes[1] ('Company'), the rest unthemed.

    people: Amira (named with consent, gave ideas[0]), Bo Ek, and a citizen without a name.
    """

    workshop_id: str
    people: tuple[str, ...]
    themes: tuple[str, ...]
    ideas: tuple[str, ...]


@dataclass(frozen=True)
class VotingView:
    kind: str
    round_id: str
    size: int | None = None
    here: bool = False


class FakePresenter(QObject):
    """The presenter's voting API, recording what the panel asked the shared screen to show.

    Signals:
        votingViewChanged(): what the shared screen shows for voting changed.
        ballotInProgressChanged(bool): someone stepped up to the booth (True), or pressed Done or Cancel.
    """

    votingViewChanged = Signal()  # noqa: N815 (Qt's naming, as in ui.presenter)
    ballotInProgressChanged = Signal(bool)  # noqa: N815

    def __init__(self) -> None:
        super().__init__()
        self.voting_view: VotingView | None = None
        self.ballot_in_progress = False
        self.calls: list[tuple[object, ...]] = []

    def show_screen(self) -> None:
        self.calls.append(("show_screen",))

    def show_booth(self, round_id: str, *, here: bool = False) -> None:
        self.calls.append(("show_booth", round_id, here) if here else ("show_booth", round_id))
        self.voting_view = VotingView("booth", round_id, here=here)
        self.votingViewChanged.emit()

    def step_up(self, busy: bool = True) -> None:
        """A voter steps up to the booth (or, with ``busy`` False, presses Done or Cancel)."""
        self.ballot_in_progress = busy
        self.ballotInProgressChanged.emit(busy)

    def show_results(self, round_id: str, size: int | None) -> None:
        self.calls.append(("show_results", round_id, size))
        self.voting_view = VotingView("results", round_id, size)
        self.votingViewChanged.emit()

    def show_board(self) -> None:
        self.calls.append(("show_board",))
        self.voting_view = None
        self.votingViewChanged.emit()


@pytest.fixture(autouse=True)
def english(swedish: None) -> None:
    """These tests read the English source strings, which stay put when translations change.

    After the ``swedish`` fixture, which sets Swedish back once the test is done.
    """
    set_language("en")


@pytest.fixture
def board(hub: Hub, room: WorkshopSnapshot) -> Board:
    people = tuple(p.id for p in list_participants(hub.db, room.id))
    themes = (add_cluster(hub.db, room.id, "Continuity").id, add_cluster(hub.db, room.id, "Company").id)
    clusters = [themes[0], themes[0], themes[1], themes[1], None, None]
    ideas = tuple(
        add_idea(hub.db, room.id, title, cluster_id=cluster, giver_ids=(people[0],) if n == 0 else ()).id
        for n, (title, cluster) in enumerate(zip(TITLES, clusters, strict=True))
    )
    return Board(room.id, people, themes, ideas)


@pytest.fixture
def page(hub: Hub, room: WorkshopSnapshot, board: Board, qtbot: QtBot) -> Iterator[WorkshopPage]:
    """The workshop page of a 1280x720 laptop, at the dot voting phase."""
    widget = WorkshopPage(hub)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show_workshop(room.id)
    widget.show()
    qtbot.waitExposed(widget)
    voting = next(p for p in room.phases if p.kind == "voting")
    widget._move("", lambda: agenda.go_to_phase(hub.db, room.id, voting.id))
    yield widget
    widget.presenter.close()


@pytest.fixture
def presenter() -> FakePresenter:
    return FakePresenter()


@pytest.fixture
def panel(hub: Hub, board: Board, presenter: FakePresenter, qtbot: QtBot) -> VotingPanel:
    """The panel at the size it has in the facilitator's window on a 1280x720 screen."""
    widget = VotingPanel(hub, board.workshop_id, presenter)  # type: ignore[arg-type]
    qtbot.addWidget(widget)
    widget.resize(880, 460)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def opened(hub: Hub, board: Board, **rules: object) -> RoundSnapshot:
    """An open round: three dots each, one per idea, anonymous, three voters, unless ``rules`` say else."""
    spec = {"dots": 3, "voters_expected": 3, **rules}
    return open_round(hub.db, create_round(hub.db, board.workshop_id, RoundSpec(**spec)).id)  # type: ignore[arg-type]


def vote(hub: Hub, board: Board, r: RoundSnapshot, number: int, dots: Mapping[int, int]) -> None:
    """A ballot at the booth (voter ``number``, or participant ``number`` in a named round), as the booth
    announces it."""
    voter = Voter(number=number) if r.anonymous else Voter(participant_id=board.people[number - 1])
    cast_ballot(hub.db, r.id, voter, {board.ideas[i]: n for i, n in dots.items()})
    hub.votingChanged.emit(board.workshop_id, r.id)


def ok_button(dialog: QDialog) -> QAbstractButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Ok)


def fake_exec(
    qtbot: QtBot, shown: list[QDialog], fill: Callable[[QDialog], None], *, press_ok: bool = True
) -> Callable[[QDialog], int]:
    """A stand-in for QDialog.exec: shows the dialog, lets ``fill`` work in it, then clicks OK.

    A refused dialog stays open, as it would for the user; exec then returns Rejected.
    """

    def exec_(dialog: QDialog) -> int:
        shown.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        fill(dialog)
        if press_ok:
            qtbot.mouseClick(ok_button(dialog), LEFT)
        result = dialog.result() if not dialog.isVisible() else QDialog.DialogCode.Rejected
        dialog.hide()
        return int(result)

    return exec_


class Answers:
    """Questions answered in turn: ``monkeypatch.setattr(QMessageBox, "exec", answers.exec)``."""

    def __init__(self, *answers: bool) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[QMessageBox.Icon, str]] = []
        self.exec: Callable[[QMessageBox], int] = lambda box: self.answer(box)

    def answer(self, box: QMessageBox) -> int:
        self.asked.append((box.icon(), box.text()))
        yes = self.answers.pop(0)
        return int(QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No)


def model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts: list[str] = []
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    for row in range(model.rowCount(QModelIndex())):
        for column in range(columns):
            index = model.index(row, column)
            texts.extend(str(index.data(role)) for role in roles if index.data(role) is not None)
    return texts


def all_texts(root: QWidget) -> list[str]:
    """Every text the widget and its children show or hold, hidden ones too: labels, buttons,
    tooltips, fields, tabs and the rows of item views."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts.append(widget.toolTip())
        texts.append(widget.accessibleName())
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        if isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView):
            texts.extend(model_texts(widget))
    return [t for t in texts if t]


def round_rows(panel: VotingPanel) -> list[str]:
    model = panel.round_model
    return [model.index(row).data() for row in range(model.rowCount())]
