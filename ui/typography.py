"""Type sizes and the recurring layout of the facilitator's window (fonts, not style sheets)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

PAGE_HEADING = 20
PHASE_HEADING = 26
LIST = 12
EMPTY_STATE = 14


def set_type(widget: QWidget, points: int, *, bold: bool = False) -> None:
    font = widget.font()
    font.setPointSize(points)
    font.setBold(bold)
    widget.setFont(font)


def fill_with_panes(widget: QWidget, left: QWidget, right: QWidget) -> None:
    """Lay ``widget`` out as two panes side by side, the right one the wider (2:3), resizable."""
    from PySide6.QtWidgets import QSplitter, QVBoxLayout

    splitter = QSplitter()
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, 2)
    splitter.setStretchFactor(1, 3)
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(splitter)
