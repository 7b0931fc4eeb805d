"""The follow-up view with 50 workshops, 500 plans and 3,000 actions: opening it and typing a search.

Each against a baseline in the same run, on the same file (tests/bench/followup_bench.py's ``fill``):
a bare QTableView over a QStandardItemModel filled with the same open actions from a bare sqlite3
query (opening), and a bare QSortFilterProxyModel.setFilterFixedString on that model (typing).
Both sides are timed until the table's first paint after the change has been processed, offscreen.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from tests.bench.followup_bench import ACTIONS, PLANS, TODAY, WORKSHOPS, _bare, filled

SEARCHES = ("ola", "idé 7-", "insats 3", "idéverkstad 12")
SIZE = (1280, 680)


class PaintWatch(QObject):
    """Notes when a widget has been painted; ``wait`` processes events until it has."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False

    def wait(self, *, paint: bool = True) -> None:
        """Process events until the widget has painted (``paint``), or until none are left.

        A filter that leaves the rows as they were needs no paint: then the queue running dry
        (what was posted, a paint included, has been handled) is the end.
        """
        app = QApplication.instance()
        assert app is not None
        app.processEvents()
        while paint and not self.painted:
            app.processEvents()
        app.processEvents()  # what the paint posted in turn
        self.painted = False


def _app() -> QApplication:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


def _dispose(widget: QWidget) -> None:
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _hub(db: Any) -> Any:
    from ui.hub import Hub

    class BenchHub(Hub):
        def today(self) -> date:
            return TODAY  # the day the bench's due dates are counted from

    hub = BenchHub()
    hub.set_database(db)
    return hub


def _bare_view(con: sqlite3.Connection) -> tuple[QTableView, QStandardItemModel]:
    model = QStandardItemModel(0, 6)
    model.setHorizontalHeaderLabels(["Due", "Workshop", "Plan", "Action", "Owner", "Status"])
    for _id, workshop, plan, title, owner, due, status in _bare(con):
        model.appendRow([QStandardItem(str(v or "")) for v in (due, workshop, plan, title, owner, status)])
    table = QTableView()
    table.setModel(model)
    table.resize(*SIZE)
    return table, model


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def bench_open(rounds: int = 10) -> tuple[list[float], list[float]]:
    """Construct, show and paint the follow-up view; vs a bare table of the same open actions."""
    from ui.followup_view import FollowUpView

    _app()
    with filled() as db, closing(sqlite3.connect(db.path, isolation_level=None)) as con:
        hub = _hub(db)
        ours: list[float] = []
        base: list[float] = []

        def open_ours() -> QWidget:
            view = FollowUpView(hub)
            view.resize(*SIZE)
            watch = PaintWatch(view.action_rows.table.viewport())
            view.show()
            watch.wait()
            return view

        def open_bare() -> QWidget:
            table, _model = _bare_view(con)
            watch = PaintWatch(table.viewport())
            table.show()
            watch.wait()
            return table

        shown: list[QWidget] = []
        for n in range(rounds + 2):  # two to warm caches on both sides
            mine = _timed(lambda: shown.append(open_ours()))
            bare = _timed(lambda: shown.append(open_bare()))
            while shown:
                _dispose(shown.pop())
            if n >= 2:
                ours.append(mine)
                base.append(bare)
    return ours, base


def bench_filter(rounds: int = 3) -> tuple[list[float], list[float]]:
    """Each keystroke of a search typed into the view until its table is painted; vs a bare proxy filter."""
    from ui.followup_view import FollowUpView

    _app()
    with filled() as db, closing(sqlite3.connect(db.path, isolation_level=None)) as con:
        view = FollowUpView(_hub(db))
        view.resize(*SIZE)
        view.show()
        ours_watch = PaintWatch(view.action_rows.table.viewport())
        ours_watch.wait()
        table, model = _bare_view(con)
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(model)
        proxy.setFilterKeyColumn(-1)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        table.setModel(proxy)
        base_watch = PaintWatch(table.viewport())
        table.show()
        base_watch.wait()
        ours: list[float] = []
        base: list[float] = []
        for _round in range(rounds):
            for search in SEARCHES:
                for length in range(1, len(search) + 1):
                    ours.append(
                        _timed(
                            lambda c=search[length - 1]: (view.search.insert(c), ours_watch.wait(paint=False))
                        )
                    )
                    text = search[:length]
                    base.append(
                        _timed(lambda t=text: (proxy.setFilterFixedString(t), base_watch.wait(paint=False)))
                    )
                view.search.clear()
                ours_watch.wait(paint=False)
                proxy.setFilterFixedString("")
                base_watch.wait(paint=False)
        _dispose(view)
        _dispose(table)
    return ours, base


if __name__ == "__main__":
    for name, target, (ours, base) in (
        (
            f"follow-up view opened with {WORKSHOPS} workshops, {PLANS} plans, {ACTIONS} actions",
            "<= 300 ms",
            bench_open(),
        ),
        ("follow-up view: a keystroke of a search until the table is painted", "<= 50 ms", bench_filter()),
    ):
        m, b = statistics.median(ours), statistics.median(base)
        print(
            f"{name}: {m * 1000:.1f} ms (max {max(ours) * 1000:.1f}) vs {b * 1000:.1f} ms baseline "
            f"({m / b:.2f}x), target {target}"
        )
