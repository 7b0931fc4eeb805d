"""The room's figures at 500 ideas: opening the workshop, and adding an idea to both windows.

Each against a baseline in the same run: a bare QListWidget with the same 500 titles
(opening), and a bare SQLite INSERT + COMMIT plus a QListWidget row, repainted (adding).
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication, QListWidget

IDEAS = 500


def _app() -> QApplication:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


def _session(folder: Path) -> tuple[object, str]:
    from app import agenda
    from app.demo import create_demo_workshop
    from app.workshops import get_workshop
    from models.database import open_database
    from ui.hub import Hub

    db = open_database(folder / "room.db")
    workshop_id = create_demo_workshop(db, ideas=IDEAS, participants=40)
    capture = next(p for p in get_workshop(db, workshop_id).phases if p.kind == "ideas")
    agenda.go_to_phase(db, workshop_id, capture.id)
    hub = Hub()
    hub.set_database(db)
    return hub, workshop_id


def bench_open(rounds: int = 5) -> tuple[list[float], list[float]]:
    """Opening a workshop of 500 ideas on its capture phase, painted; vs a bare list of 500 rows."""
    from app.ideas import list_ideas
    from ui.workshop_page import WorkshopPage

    app = _app()
    with tempfile.TemporaryDirectory() as temp:
        hub, workshop_id = _session(Path(temp))
        titles = [i.title for i in list_ideas(hub.db, workshop_id)]  # type: ignore[attr-defined]
        ours, base = [], []
        for _ in range(rounds):
            start = time.perf_counter()
            page = WorkshopPage(hub)  # type: ignore[arg-type]
            page.resize(1920, 1080)
            page.show_workshop(workshop_id)
            page.show()
            page.repaint()
            app.processEvents()
            ours.append(time.perf_counter() - start)
            page.close()
            page.deleteLater()
            start = time.perf_counter()
            bare = QListWidget()
            bare.resize(1920, 1080)
            bare.addItems(titles)
            bare.show()
            bare.repaint()
            app.processEvents()
            base.append(time.perf_counter() - start)
            bare.close()
            bare.deleteLater()
            app.processEvents()
        hub.db.close()  # type: ignore[attr-defined]
    return ours, base


def bench_add(rounds: int = 60) -> tuple[list[float], list[float]]:
    """An idea typed and saved, until both the facilitator's list and the shared screen are repainted."""
    from ui.commands import push
    from ui.idea_commands import AddIdea
    from ui.workshop_page import WorkshopPage

    app = _app()
    with tempfile.TemporaryDirectory() as temp:
        hub, workshop_id = _session(Path(temp))
        page = WorkshopPage(hub)  # type: ignore[arg-type]
        page.resize(1920, 1080)
        page.show_workshop(workshop_id)
        page.show()
        screen = page.presenter.show_screen()
        screen.resize(1920, 1080)
        app.processEvents()
        capture = page.areas["ideas"]
        with closing(sqlite3.connect(Path(temp) / "bare.db", isolation_level=None)) as con:
            for pragma in ("journal_mode = WAL", "synchronous = FULL"):
                con.execute(f"PRAGMA {pragma}")
            con.execute("CREATE TABLE idea (id TEXT PRIMARY KEY, title TEXT)")
            bare = QListWidget()
            bare.resize(1920, 1080)
            bare.show()
            ours, base = [], []
            for n in range(rounds):
                start = time.perf_counter()
                push(hub, AddIdea(hub, workshop_id, f"Läsecirkel {n} på biblioteket"))  # type: ignore[arg-type]
                capture.list.viewport().repaint()  # type: ignore[attr-defined]
                screen.repaint()
                ours.append(time.perf_counter() - start)
                start = time.perf_counter()
                con.execute("BEGIN IMMEDIATE")
                con.execute("INSERT INTO idea VALUES (lower(hex(randomblob(16))), ?)", (f"Läsecirkel {n}",))
                con.execute("COMMIT")
                bare.addItem(f"Läsecirkel {n} på biblioteket")
                bare.viewport().repaint()
                base.append(time.perf_counter() - start)
            bare.close()
        page.presenter.close()
        page.close()
        hub.db.close()  # type: ignore[attr-defined]
    return ours, base


if __name__ == "__main__":
    for name, (ours, base) in (("open 500", bench_open()), ("add idea", bench_add())):
        m, b = statistics.median(ours), statistics.median(base)
        print(f"{name}: {m * 1000:.1f} ms vs {b * 1000:.1f} ms baseline ({m / b:.2f}x)")
