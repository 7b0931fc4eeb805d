"""The review's rows of text in the facilitator's window: a note as its column lists it, a clamped label."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping

from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from app.i18n import _
from app.review_snapshots import NoteSnapshot
from ui.board_canvas import wrap
from ui.review_texts import origin_mark

#: A row shows this much of a long note; the whole of it is in the edit dialog.
SHOWN_CHARS = 280
SHOWN_LINES = 6
ZERO_WIDTH_SPACE = "\u200b"


class ClampedLabel(QLabel):
    """A label that wraps its text into at most ``max_lines`` lines, the last ending in "…".

    ``level``: always as high as ``max_lines``, so that labels side by side end on one line.
    """

    def __init__(self, max_lines: int, parent: QWidget | None = None, *, level: bool = False) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        self.level = level
        self.full = ""
        self.setWordWrap(False)

    def set_full_text(self, text: str) -> None:
        self.full = text
        self.setToolTip(text)
        self._clamp()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._clamp()

    def _clamp(self) -> None:
        lines, _reading = wrap(self.full, self.font(), max(20, self.width() - 4), self.max_lines)
        self.setText("\n".join(lines))
        shown = self.max_lines if self.level else len(lines)
        self.setFixedHeight(shown * self.fontMetrics().lineSpacing() + 4 if lines else 0)


def note_row_text(note: NoteSnapshot, reviewers: Mapping[str, str]) -> str:
    text = note.text if len(note.text) <= SHOWN_CHARS else note.text[:SHOWN_CHARS].rstrip() + " …"
    lines = text.splitlines()
    if len(lines) > SHOWN_LINES:  # a list typed line by line keeps the row a row
        text = "\n".join([*lines[:SHOWN_LINES], "…"])
    if note.reviewer_id is None:
        return text
    name = reviewers.get(note.reviewer_id, "")
    mark = origin_mark(note.reviewer_origin)
    who = _("{name}, {origin}").format(name=name, origin=mark) if name and mark else name or mark
    return f"{text}\n— {who}"


def breakable(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` with a break allowed between any two letters of a word wider than ``width``.

    A list row wraps only between words: a long compound or a pasted link would otherwise
    widen the narrow column and bring a sideways scroll bar.
    """

    def word(part: str) -> str:
        if len(part) < 2 or metrics.horizontalAdvance(part) <= width:
            return part
        joined = [part[0]]
        for before, char in itertools.pairwise(part):
            if before.isalnum() and char.isalnum():
                joined.append(ZERO_WIDTH_SPACE)
            joined.append(char)
        return "".join(joined)

    return "".join(word(part) for part in re.split(r"(\s+)", text))
