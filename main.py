"""Mylla: with no command the desktop app opens; commands run headless (``main.py --help``)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def open_desktop(db_path: Path) -> int:
    from ui.application import run_desktop

    return run_desktop(db_path)


def main(argv: Sequence[str] | None = None) -> int:
    from app.cli import run

    return run(sys.argv[1:] if argv is None else argv, open_desktop)


if __name__ == "__main__":
    sys.exit(main())
