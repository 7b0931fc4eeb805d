"""The Qt binding must count its references: PySide6 6.12 on Python 3.11 does not.

There, every call that returns nothing takes a reference to None away and every emit one
to True; after a few thousand the process aborts ("deallocating None") in the middle of a
workshop. pyproject.toml keeps PySide6 below 6.12; this test fails if that pin is lifted
before the binding is fixed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QRectF, Signal


class Sender(QObject):
    said = Signal(bool)


def test_void_calls_keep_the_references_to_none() -> None:
    rect = QRectF()
    before = sys.getrefcount(None)
    for _ in range(1000):
        rect.setWidth(1.0)
    assert abs(sys.getrefcount(None) - before) < 50


def test_emitting_keeps_the_references_to_true() -> None:
    sender = Sender()
    heard: list[int] = []
    sender.said.connect(lambda _value: heard.append(1))
    before = sys.getrefcount(True)
    for _ in range(200):
        sender.said.emit(True)
    assert len(heard) == 200
    assert abs(sys.getrefcount(True) - before) < 50
