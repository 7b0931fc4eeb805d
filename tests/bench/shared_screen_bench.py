"""Speed of the shared screen's board against a bare QWidget drawing the same cards, in one run.

``python tests/bench/shared_screen_bench.py [cards]`` prints the medians; ``bench_repaint``
gives the figures to ``make bench``-style callers. Offscreen, 1920x1080.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from app import demo_content
from ui.scene import CardView, ClusterView, Scene, SceneKind
from ui.shared_screen import SharedScreen

SIZE = (1920, 1080)
ROUNDS = 40


def demo_board(cards: int) -> Scene:
    """``cards`` ideas with demo-like Swedish titles and givers, over the demo's four clusters."""
    clusters = tuple(
        ClusterView(f"c{i}", name, colour) for i, (name, colour) in enumerate(demo_content.CLUSTERS)
    )
    whats, wheres, hows = demo_content.MORE_WHAT, demo_content.MORE_WHERE, demo_content.MORE_HOW
    views = tuple(
        CardView(
            f"i{n}",
            f"{whats[n % len(whats)]} {wheres[n % len(wheres)]} {hows[n % len(hows)]}",
            "Amira Hassan" if n % 3 else "",
            f"c{n % 5}" if n % 5 < 4 else None,
            n % 2 == 0,
        )
        for n in range(cards)
    )
    return Scene(SceneKind.BOARD, phase_title="Gruppera idéerna", clusters=clusters, cards=views)


class BareBoard(QWidget):
    """The baseline: plain rectangles with wrapped titles, laid out anew at every paint."""

    def __init__(self, titles: list[str]) -> None:
        super().__init__()
        self.titles = titles
        self.resize(*SIZE)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#161616"))
        font = QFont()
        font.setPixelSize(30)
        painter.setFont(font)
        columns = 25
        width, height = self.width() / columns, self.height() / (len(self.titles) // columns + 1)
        for n, title in enumerate(self.titles):
            rect = QRectF((n % columns) * width, (n // columns) * height, width - 2, height - 2)
            painter.fillRect(rect, QColor("#FFFDF6"))
            painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), title)
        painter.end()


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _app() -> QApplication:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication(sys.argv[:1])


def _screen(scene: Scene) -> SharedScreen:
    screen = SharedScreen()
    screen.resize(*SIZE)
    screen.set_scene(scene)
    screen.show()
    QApplication.processEvents()
    return screen


def bench_repaint(cards: int = 500) -> tuple[list[float], list[float]]:
    """Seconds per repaint: the shared screen showing a board of ``cards`` ideas, and the bare baseline.

    The shared screen shows one page of the board (as many cards as are readable); the
    baseline draws all ``cards`` at a size that a room could not read.
    """
    _app()
    scene = demo_board(cards)
    screen = _screen(scene)
    bare = BareBoard([c.title for c in scene.cards])
    bare.show()
    QApplication.processEvents()
    ours, base = [], []
    for _ in range(ROUNDS):
        ours.append(timed(screen.repaint))
        base.append(timed(bare.repaint))
    screen.close()
    bare.close()
    return ours, base


def bench_every_page(cards: int = 500) -> tuple[list[float], int]:
    """Seconds to paint every page once (so every card), and how many pages there are."""
    _app()
    screen = _screen(demo_board(cards))

    def all_pages() -> None:
        for _ in range(screen.page_count):
            screen.repaint()
            screen.next_page()
        while screen.page:
            screen.previous_page()

    times = [timed(all_pages) for _ in range(ROUNDS // 4)]
    pages = screen.page_count
    screen.close()
    return times, pages


def bench_new_scene(cards: int = 500) -> list[float]:
    """Seconds from a changed board (one idea renamed) to the repainted screen: layout included."""
    _app()
    scene = demo_board(cards)
    screen = _screen(scene)
    times = []
    for n in range(ROUNDS):
        first = scene.cards[0]
        renamed = CardView(first.id, f"{first.title} ({n})", first.givers, first.cluster_id, first.backed)
        changed = Scene(SceneKind.BOARD, phase_title=scene.phase_title, clusters=scene.clusters,
                        cards=(renamed, *scene.cards[1:]))  # fmt: skip

        def show(changed: Scene = changed) -> None:
            screen.set_scene(changed)
            screen.repaint()

        times.append(timed(show))
    screen.close()
    return times


def main() -> None:
    cards = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    ours, base = bench_repaint(cards)
    every, pages = bench_every_page(cards)
    relayout = bench_new_scene(cards)
    ms = 1000
    print(f"{cards} ideas at {SIZE[0]}x{SIZE[1]}, offscreen; medians of {ROUNDS} runs")
    print(f"  repaint, shared screen (page 1 of {pages}):  {statistics.median(ours) * ms:7.2f} ms")
    print(f"  repaint, bare QWidget ({cards} rects + drawText): {statistics.median(base) * ms:7.2f} ms")
    print(f"  every page once ({cards} cards painted):     {statistics.median(every) * ms:7.2f} ms")
    print(f"  one idea renamed: layout + repaint:        {statistics.median(relayout) * ms:7.2f} ms")


if __name__ == "__main__":
    main()
