"""Type sizes of the facilitator's window, set as fonts (a style sheet would slow every repaint)."""

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
