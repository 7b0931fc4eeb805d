"""The item models behind the workshop table and the agenda, checked by Qt's model tester."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from pytestqt.modeltest import ModelTester

from app import agenda
from app.demo import create_demo_workshop
from app.workshops import create_workshop, get_workshop, list_workshops
from models.database import Database
from tests.ui.conftest import DEMO_TITLE
from ui.agenda_model import AgendaModel
from ui.item_models import IdRole, WorkshopListModel

DISPLAY = Qt.ItemDataRole.DisplayRole


def _texts(model: AgendaModel) -> list[str]:
    return [model.index(row).data(DISPLAY) for row in range(model.rowCount())]


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "py-tester"])
def test_workshop_list_model_with_the_demo_passes_the_model_tester(
    db: Database, qtmodeltester: ModelTester, force_py: bool
) -> None:
    demo_id = create_demo_workshop(db)
    model = WorkshopListModel()
    model.set_rows(list_workshops(db))

    qtmodeltester.check(model, force_py=force_py)

    assert model.rowCount() == 1
    assert model.index(0, WorkshopListModel.TITLE).data(DISPLAY) == DEMO_TITLE
    assert model.index(0, WorkshopListModel.PHASE).data(DISPLAY) == "Prickröstning"
    assert model.index(0, WorkshopListModel.TITLE).data(IdRole) == demo_id
    assert model.row_of(demo_id) == 0
    # The tester stays connected: emptying the model must also keep the contract.
    model.set_rows([])
    assert model.rowCount() == 0


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "py-tester"])
def test_empty_workshop_list_model_passes_the_model_tester(
    db: Database, qtmodeltester: ModelTester, force_py: bool
) -> None:
    model = WorkshopListModel()
    model.set_rows(list_workshops(db))

    qtmodeltester.check(model, force_py=force_py)

    assert model.rowCount() == 0
    assert model.row_of("no-such-id") == -1
    create_workshop(db, "Medborgardialog om parken")
    model.set_rows(list_workshops(db))
    assert model.index(0, 0).data(DISPLAY) == "Medborgardialog om parken"


def test_workshop_list_headers_are_swedish() -> None:
    model = WorkshopListModel()

    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]

    assert titles == ["Idéverkstad", "Datum", "Plats", "Aktuell fas", "Idéer", "Deltagare"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "py-tester"])
def test_agenda_model_passes_the_model_tester(
    db: Database, qtmodeltester: ModelTester, force_py: bool
) -> None:
    demo_id = create_demo_workshop(db)
    model = AgendaModel()
    model.set_phases(get_workshop(db, demo_id).phases)

    qtmodeltester.check(model, force_py=force_py)

    assert model.rowCount() == 12
    # Same phases in new states (dataChanged), then another workshop's phases (reset).
    model.set_phases(agenda.advance(db, demo_id).phases)
    model.set_phases(create_workshop(db, "Återblick på våren", "retrospective").phases)
    assert model.rowCount() == 5
    model.set_phases(())
    assert model.rowCount() == 0


def test_current_phase_row_is_marked_and_bold(db: Database) -> None:
    demo_id = create_demo_workshop(db)
    model = AgendaModel()
    model.set_phases(get_workshop(db, demo_id).phases)

    texts = _texts(model)
    current = [row for row, text in enumerate(texts) if text.startswith("▶")]

    assert len(current) == 1
    row = current[0]
    assert "Prickröstning" in texts[row]
    font = model.index(row).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont)
    assert font.bold()
    assert model.index(0).data(Qt.ItemDataRole.FontRole) is None
    assert texts[0].startswith("✓")  # phases before the current one are done
    assert texts[-1].startswith(" ")  # ... and the ones after it are still to come
    assert texts[row].endswith("min")
