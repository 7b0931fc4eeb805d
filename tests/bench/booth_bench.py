"""Speed of a tap in the voting booth: from the mouse press on an idea card to that card repainted.

``python tests/bench/booth_bench.py`` prints the medians; ``bench_tap`` gives the figures to
``make bench``-style callers. Offscreen, 1920x1080, 60 ideas on one page; the baseline, in the
same run, is a bare QWidget that paints 60 text rectangles and repaints the one clicked.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app import demo_content
from app.voting_snapshots import Voter
from ui.scene import BoothCard, BoothState, BoothView, Scene, SceneKind, VoterTile
from ui.shared_screen import SharedScreen

SIZE = (1920, 1080)
IDEAS = 60
TAPS = 200
LEFT = Qt.MouseButton.LeftButton


def booth_view(ideas: int = IDEAS) -> BoothView:
    """An open round over ``ideas`` demo-like ideas in the demo's four themes, one voter."""
    whats, wheres = demo_content.MORE_WHAT, demo_content.MORE_WHERE
    themes = demo_content.CLUSTERS
    titles = [f"{whats[n % len(whats)]} {wheres[n % len(wheres)]}" for n in range(ideas)]
    cards = tuple(BoothCard(f"i{n}", n + 1, titles[n], *themes[n * 4 // ideas]) for n in range(ideas))
    voter = VoterTile(Voter(participant_id="p1"), 1, "Amira Hassan")
    return BoothView("r1", "Vilka idéer går vidare?", BoothState.OPEN, 10, 1, cards, (voter,), 0, 12)


class BareCards(QWidget):
    """The baseline: 60 text rectangles in a grid; a click repaints the one under the pointer."""

    def __init__(self, titles: list[str]) -> None:
        super().__init__()
        self.titles = titles
        self.marked: set[int] = set()
        self.paints = 0
        self.resize(*SIZE)

    def cell(self, n: int) -> QRectF:
        width, height = self.width() / 10, self.height() / 6
        return QRectF((n % 10) * width, (n // 10) * height, width - 4, height - 4)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        n = next(i for i in range(len(self.titles)) if self.cell(i).contains(event.position()))
        self.marked ^= {n}
        self.update(self.cell(n).toAlignedRect())

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#161616"))
        font = QFont()
        font.setPixelSize(20)
        painter.setFont(font)
        for n, title in enumerate(self.titles):
            rect = self.cell(n)
            if event.region().intersects(rect.toAlignedRect()):
                painter.fillRect(rect, QColor("#D55E00") if n in self.marked else QColor("#FFFDF6"))
                painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), title)
        painter.end()


def _app() -> QApplication:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication(sys.argv[:1])


def _tap_until_painted(widget: QWidget, point: QPoint, paints: object) -> float:
    """Seconds from the press to the paint that follows the release (through the event loop)."""
    before = paints()  # type: ignore[operator]
    start = time.perf_counter()
    QTest.mousePress(widget, LEFT, Qt.KeyboardModifier.NoModifier, point)
    QTest.mouseRelease(widget, LEFT, Qt.KeyboardModifier.NoModifier, point)
    while paints() == before:  # type: ignore[operator]
        QApplication.processEvents()
    return time.perf_counter() - start


def bench_tap(taps: int = TAPS) -> tuple[list[float], list[float]]:
    """Seconds per tap, press to repainted card: the booth with 60 ideas, and the bare baseline.

    Each tap on the booth places a dot on a card, or takes it back by tapping the dot.
    """
    _app()
    screen = SharedScreen()
    screen.resize(*SIZE)
    screen.set_scene(Scene(SceneKind.BOOTH, booth=booth_view()))
    screen.show()
    QApplication.processEvents()
    booth = screen.booth
    booth.press("voter:1")
    QApplication.processEvents()
    cards = list(booth.card_rects().items())
    assert len(cards) == IDEAS, "the booth must show all 60 ideas on one page"
    bare = BareCards([c.title for c in booth_view().cards])
    bare.show()
    QApplication.processEvents()
    ours, base = [], []
    for n in range(taps):
        idea_id, rect = cards[(n // 2 * 7) % IDEAS]
        dots = booth.dot_rects(idea_id)
        point = (dots[0] if dots else rect).center().toPoint()
        ours.append(_tap_until_painted(booth, point, lambda: booth.paints))
        base.append(_tap_until_painted(bare, bare.cell(n % IDEAS).center().toPoint(), lambda: bare.paints))
    screen.close()
    bare.close()
    return ours, base


def main() -> None:
    ours, base = bench_tap()
    ms = 1000
    print(f"{IDEAS} ideas at {SIZE[0]}x{SIZE[1]}, offscreen; medians of {TAPS} taps")
    print(f"  booth: tap -> repainted card:      {statistics.median(ours) * ms:6.2f} ms")
    print(f"  bare QWidget: click -> repainted:  {statistics.median(base) * ms:6.2f} ms")


if __name__ == "__main__":
    main()
