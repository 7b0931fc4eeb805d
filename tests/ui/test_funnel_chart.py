"""The funnel chart: its bars, numbers and conversions, painted and said in words."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.followup_snapshots import Funnel
from app.i18n import set_language
from ui.funnel_chart import STAGE_COLOURS, FunnelChart


@pytest.fixture(autouse=True)
def english(swedish: None) -> None:
    set_language("en")


def colours_in(image: QImage) -> set[str]:
    found = set()
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            found.add(QColor(image.pixel(x, y)).name().upper())
    return found


def chart(qtbot: QtBot, figures: Funnel, width: int = 360) -> FunnelChart:
    widget = FunnelChart()
    qtbot.addWidget(widget)
    widget.set_funnel(figures, "Trygg skolväg")
    widget.resize(width, widget.sizeHint().height())
    return widget


def test_each_stage_has_its_bar_number_and_conversion(qtbot: QtBot) -> None:
    widget = chart(
        qtbot, Funnel("w", participants=12, ideas=31, shortlisted=6, with_plan=4, go=3, realised=1)
    )

    assert widget.stage_texts() == [
        ("Participants", "12", ""),
        ("Ideas", "31", "31 ideas from 12 participants"),
        ("Shortlisted", "6", "6 of 31 ideas shortlisted (19 %)"),
        ("With a plan", "4", "4 of 6 shortlisted got a plan (67 %)"),
        ("GO", "3", "3 of 4 plans got a GO (75 %)"),
        ("Realised", "1", "1 of 3 with a GO realised (33 %)"),
    ]
    assert widget.toolTip().endswith("4 of 31 ideas got a plan, 3 got a GO, 1 was realised.")
    assert widget.accessibleName() == "Funnel"
    painted = colours_in(widget.grab().toImage())
    assert set(STAGE_COLOURS) <= painted


def test_an_empty_stage_paints_no_bar_and_divides_by_nothing(qtbot: QtBot) -> None:
    widget = chart(qtbot, Funnel("w", participants=3, ideas=5, shortlisted=2, with_plan=0, go=0, realised=0))

    assert widget.stage_texts()[4] == ("GO", "0", "0 of 0 plans got a GO")
    painted = colours_in(widget.grab().toImage())
    assert {STAGE_COLOURS[0], STAGE_COLOURS[1], STAGE_COLOURS[2]} <= painted
    assert not {STAGE_COLOURS[3], STAGE_COLOURS[4], STAGE_COLOURS[5]} & painted


def test_a_stage_larger_than_the_one_before_is_said_against_all_ideas(qtbot: QtBot) -> None:
    # plans for ideas that were never shortlisted, a realisation without a recorded GO
    widget = chart(
        qtbot, Funnel("w", participants=2, ideas=400, shortlisted=1, with_plan=3, go=0, realised=2)
    )

    texts = [conversion for _label, _count, conversion in widget.stage_texts()]
    assert texts[2] == "1 of 400 ideas shortlisted (< 1 %)"
    assert texts[3] == "3 of 400 ideas got a plan (< 1 %)"
    assert texts[5] == "2 of 400 ideas realised (< 1 %)"


def test_one_of_one_is_said_in_the_singular(qtbot: QtBot) -> None:
    widget = chart(qtbot, Funnel("w", participants=1, ideas=1, shortlisted=1, with_plan=1, go=1, realised=1))
    assert [c for _l, _n, c in widget.stage_texts()][1:] == [
        "1 idea from 1 participant",
        "1 of 1 idea shortlisted (100 %)",
        "1 of 1 shortlisted idea got a plan (100 %)",
        "1 of 1 plan got a GO (100 %)",
        "1 of 1 idea with a GO realised (100 %)",
    ]
    assert widget.toolTip().endswith("1 of 1 idea got a plan, 1 got a GO, 1 was realised.")


counts = st.integers(min_value=0, max_value=2_000_000)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(counts, counts, counts, counts, counts, counts, st.integers(min_value=120, max_value=900))
def test_any_figures_are_painted_and_said(
    qtbot: QtBot, people: int, ideas: int, shortlisted: int, planned: int, go: int, realised: int, width: int
) -> None:
    figures = Funnel(None, people, ideas, shortlisted, planned, go, realised)
    widget = chart(qtbot, figures, width)

    image = widget.grab().toImage()

    assert not image.isNull()
    description = widget.accessibleDescription()
    for label, number, _conversion in widget.stage_texts():
        assert f"{label}: {number}" in description
    assert "{" not in description


@pytest.mark.parametrize(
    ("people", "ideas", "said"),
    [
        (12, 1, "1 idea from 12 participants"),
        (1, 3, "3 ideas from 1 participant"),
        (1, 0, "0 ideas from 1 participant"),
        (1_200, 1_001, "1,001 ideas from 1,200 participants"),
    ],
)
def test_ideas_and_participants_each_take_their_own_number(
    qtbot: QtBot, people: int, ideas: int, said: str
) -> None:
    widget = chart(qtbot, Funnel("w", participants=people, ideas=ideas))

    assert widget.stage_texts()[1][2] == said
