"""``make bench``: Mylla's speed figures, each against a baseline measured in the same run.

Ratios matter more than seconds on a shared, noisy machine: each figure is put next to
the same kind of work done with nothing of Mylla in between (bare SQLite, bare Qt).
"""

from __future__ import annotations

import compileall
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
PYTHON = sys.executable
HERE = Path(__file__).resolve().parent


def run_process(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def time_to_shown(args: list[str], env: dict[str, str]) -> float:
    """From spawning the process to its line "shown" (printed once the window is painted)."""
    start = time.perf_counter()
    with subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == "shown":
                elapsed = time.perf_counter() - start
                break
        else:
            raise RuntimeError(f"{args} ended without showing its window")
        process.stdout.read()
    if process.returncode:
        raise RuntimeError(f"{args} failed with exit code {process.returncode}")
    return elapsed


def interleaved(
    a: Callable[[], float], b: Callable[[], float], rounds: int
) -> tuple[list[float], list[float]]:
    """Alternate the two so that a noisy neighbour hurts both alike."""
    first, second = [], []
    for _ in range(rounds):
        first.append(a())
        second.append(b())
    return first, second


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def bench_demo(folder: Path, env: dict[str, str]) -> tuple[float, float]:
    counter = iter(range(1000))

    def mylla() -> float:
        return run_process(
            [
                PYTHON,
                "main.py",
                "--db",
                str(folder / f"demo{next(counter)}.db"),
                "demo",
                "--ideas",
                "1000",
                "--participants",
                "60",
            ],
            env,
        )

    def bare() -> float:
        return run_process(
            [PYTHON, str(HERE / "bare_insert.py"), str(folder / f"bare{next(counter)}.db")], env
        )

    ours, base = interleaved(mylla, bare, 3)
    return statistics.median(ours), statistics.median(base)


def bench_add_idea(folder: Path) -> tuple[list[float], list[float]]:
    from app.demo import create_demo_workshop
    from app.ideas import add_idea
    from models.database import open_database

    db = open_database(folder / "add.db")
    workshop_id = create_demo_workshop(db, ideas=1000, participants=60)
    giver = None
    with closing(sqlite3.connect(folder / "bare.db", isolation_level=None)) as con:
        for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"):
            con.execute(f"PRAGMA {pragma}")
        con.execute(
            "CREATE TABLE idea (id TEXT PRIMARY KEY, workshop_id TEXT, position INT, title TEXT, text TEXT)"
        )

        def ours() -> float:
            start = time.perf_counter()
            add_idea(
                db,
                workshop_id,
                "Fikavänner på biblioteket",
                text="Varannan torsdag.",
                giver_ids=[giver] if giver else [],
            )
            return time.perf_counter() - start

        def bare() -> float:
            start = time.perf_counter()
            con.execute("BEGIN IMMEDIATE")
            con.execute(
                "INSERT INTO idea VALUES (lower(hex(randomblob(16))), ?, 0, ?, ?)",
                (workshop_id, "Fikavänner på biblioteket", "Varannan torsdag."),
            )
            con.execute("COMMIT")
            return time.perf_counter() - start

        for _ in range(20):  # warm caches on both sides
            ours()
            bare()
        result = interleaved(ours, bare, 300)
    db.close()
    return result


def bench_startup(folder: Path, env: dict[str, str]) -> tuple[float, float, float]:
    db_path = folder / "start.db"
    subprocess.run(
        [PYTHON, "main.py", "--db", str(db_path), "demo"],
        check=True,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    qt_env = {**env, "QT_QPA_PLATFORM": "offscreen"}

    def mylla() -> float:
        return time_to_shown([PYTHON, str(HERE / "startup_probe.py"), str(db_path)], qt_env)

    def ready() -> float:
        return time_to_shown([PYTHON, str(HERE / "startup_probe.py"), str(db_path), "--ready"], qt_env)

    def bare() -> float:
        return time_to_shown([PYTHON, str(HERE / "bare_window.py")], qt_env)

    mylla()  # the first start also compiles bytecode and warms the page cache
    bare()
    ours, base = interleaved(mylla, bare, 9)
    until_ready = [ready() for _ in range(5)]
    return statistics.median(ours), statistics.median(base), statistics.median(until_ready)


Row = tuple[str, str, str, str, str]


def median_row(
    figure: str, samples: tuple[list[float], list[float]], baseline: str, target: str, digits: int
) -> Row:
    """One table row: the medians of Mylla's samples and the baseline's (seconds), and their ratio."""
    m, b = statistics.median(samples[0]), statistics.median(samples[1])
    return (
        figure,
        f"{m * 1000:.{digits}f} ms",
        f"{b * 1000:.{digits}f} ms {baseline}",
        f"{m / b:.2f}x",
        target,
    )


def quiet_offscreen() -> None:
    """Keep the table readable: the offscreen platform warns each time a sized window is shown."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "This plugin does not support" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def room_rows() -> list[Row]:
    """The room at 500 ideas (issue figures): opening, adding an idea, repainting the shared screen."""
    quiet_offscreen()
    from room_bench import bench_add, bench_open
    from shared_screen_bench import bench_repaint

    return [
        median_row(
            "open a workshop of 500 ideas (capture phase)",
            bench_open(),
            "bare QListWidget of 500",
            "<= 1 s",
            0,
        ),
        median_row(
            "add an idea at 500: committed, both windows repainted",
            bench_add(),
            "bare INSERT+COMMIT+list row",
            "<= 16 ms median",
            1,
        ),
        median_row(
            "shared screen repaint, 500 idea cards", bench_repaint(500), "bare QPainter cards", "<= 50 ms", 1
        ),
    ]


def voting_rows() -> list[Row]:
    """Dot voting (issue figures): the tally, committing a ballot, and a tap in the booth."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from booth_bench import bench_tap
    from voting_bench import bench_ballot, bench_tally

    return [
        median_row(
            "tally of a round: 1,000 ideas, 500 ballots", bench_tally(), "bare GROUP BY", "<= 50 ms", 1
        ),
        median_row(
            "a full ballot committed (60 ideas)", bench_ballot(), "bare INSERTs+COMMIT", "<= 10 ms", 2
        ),
        median_row(
            "booth: tap to repainted card, 60 ideas, median",
            bench_tap(),
            "bare QWidget repaint",
            "<= 16 ms",
            2,
        ),
    ]


def follow_up_rows() -> list[Row]:
    """The follow-up across workshops (issue 5's figures): the data, and the view opened and filtered."""
    quiet_offscreen()
    from followup_bench import bench_filter, bench_overview
    from followup_view_bench import bench_filter as bench_view_filter
    from followup_view_bench import bench_open as bench_view_open

    return [
        median_row(
            "follow-up view opened: 50 workshops, 500 plans, 3,000 actions",
            bench_view_open(),
            "bare QTableView of the same 3,000 rows",
            "<= 300 ms",
            1,
        ),
        median_row(
            "follow-up view filtered by typed text",
            bench_view_filter(),
            "bare QSortFilterProxyModel",
            "<= 50 ms",
            1,
        ),
        median_row(
            "follow-up overview: 50 workshops, 500 plans, 3,000 actions",
            bench_overview(),
            "bare query of the open actions",
            "<= 300 ms (view)",
            1,
        ),
        median_row("follow-up overview filtered by text", bench_filter(), "bare LIKE query", "<= 50 ms", 1),
    ]


def export_rows() -> list[Row]:
    """The exports (issue 6's figures): the protocol PDF, and the workshop package out and in."""
    from package_bench import bench_export, bench_import
    from protocol_bench import bench_protocol

    return [
        median_row(
            "protocol PDF: 300 ideas, 40 participants, 3 rounds, 20 plans",
            bench_protocol(),
            "bare reportlab document, same pages and tables",
            "<= 2 s, <= 1.5x",
            0,
        ),
        median_row("package export, same workshop", bench_export(), "json.dumps", "<= 1 s", 0),
        median_row(
            "package import, same workshop", bench_import(), "json.loads + bare executemany", "<= 1 s", 0
        ),
    ]


def main() -> None:
    # Measure as installed: Python reads cached bytecode of our modules, like site-packages'.
    for folder in ("app", "models", "ui", "exports"):
        compileall.compile_dir(ROOT / folder, quiet=1)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="mylla-bench-") as temp:
        folder = Path(temp)
        env = {**os.environ, "MYLLA_HOME": str(folder / "home")}
        env.pop("MYLLA_DB", None)
        os.environ["MYLLA_HOME"] = env["MYLLA_HOME"]
        rows: list[Row] = []

        ours, base = bench_demo(folder, env)
        rows.append(
            (
                "demo --ideas 1000 --participants 60 (process)",
                f"{ours * 1000:.0f} ms",
                f"{base * 1000:.0f} ms bare sqlite3 process",
                f"{ours / base:.2f}x",
                "-",
            )
        )

        ours_add, base_add = bench_add_idea(folder)
        med, bmed = statistics.median(ours_add), statistics.median(base_add)
        rows.append(
            (
                "add idea at 1,000 ideas, median",
                f"{med * 1000:.2f} ms",
                f"{bmed * 1000:.2f} ms bare INSERT+COMMIT",
                f"{med / bmed:.2f}x",
                "<= 5 ms, <= 3x",
            )
        )
        rows.append(
            (
                "add idea at 1,000 ideas, p95",
                f"{p95(ours_add) * 1000:.2f} ms",
                f"{p95(base_add) * 1000:.2f} ms",
                f"{p95(ours_add) / p95(base_add):.2f}x",
                "-",
            )
        )

        ours, base, until_ready = bench_startup(folder, env)
        rows.append(
            (
                "start to workshop list shown (offscreen)",
                f"{ours * 1000:.0f} ms",
                f"{base * 1000:.0f} ms bare PySide6 window",
                f"{ours / base:.2f}x",
                "<= 1.5x",
            )
        )
        rows.append(
            (
                "start to edits enabled (database layer loaded)",
                f"{until_ready * 1000:.0f} ms",
                f"{base * 1000:.0f} ms bare PySide6 window",
                f"{until_ready / base:.2f}x",
                "-",
            )
        )

        rows.extend(room_rows())
        rows.extend(voting_rows())
        rows.extend(follow_up_rows())
        rows.extend(export_rows())

    widths = [
        max(len(r[i]) for r in [*rows, ("figure", "Mylla", "baseline", "ratio", "target")]) for i in range(5)
    ]
    header = ("figure", "Mylla", "baseline", "ratio", "target")
    for row in (header, tuple("-" * w for w in widths), *rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
