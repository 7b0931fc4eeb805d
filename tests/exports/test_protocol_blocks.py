"""The protocol's table cells: lines broken once per width, and again when a split dropped them."""

from __future__ import annotations

from exports.protocol_blocks import Cell
from exports.protocol_styles import CELL


def test_a_cell_breaks_its_lines_once_per_width() -> None:
    cell = Cell("Fast omsorgskontakt för varje brukare " * 6, CELL)
    narrow = cell.wrap(100, 1000)
    lines = cell.blPara
    assert cell.wrap(100, 1000) == narrow
    assert cell.blPara is lines  # not broken again
    wide = cell.wrap(300, 1000)
    assert wide[1] < narrow[1]
    assert cell.blPara is not lines


def test_a_cell_whose_split_dropped_its_lines_breaks_them_again() -> None:
    cell = Cell("Fast omsorgskontakt för varje brukare " * 6, CELL)
    height = cell.wrap(100, 1000)[1]
    assert cell.split(100, 5) == []  # no room for even one line: reportlab drops the lines
    assert not hasattr(cell, "blPara")
    assert cell.wrap(100, 1000)[1] == height
    assert cell.blPara.lines
