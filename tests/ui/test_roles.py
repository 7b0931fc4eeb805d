"""The first screen avoids PySide6's Qt namespace (about 20 ms to load); these guard that design."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt

from ui import roles

ROOT = Path(__file__).resolve().parents[2]


def test_role_values_are_qts_own() -> None:
    assert Qt.ItemDataRole.DisplayRole.value == roles.DISPLAY
    assert Qt.ItemDataRole.ToolTipRole.value == roles.TOOLTIP
    assert Qt.ItemDataRole.FontRole.value == roles.FONT
    assert Qt.ItemDataRole.TextAlignmentRole.value == roles.TEXT_ALIGNMENT
    assert Qt.ItemDataRole.AccessibleTextRole.value == roles.ACCESSIBLE_TEXT
    assert Qt.ItemDataRole.UserRole.value == roles.USER
    assert Qt.Orientation.Horizontal.value == roles.HORIZONTAL
    assert (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value == roles.ALIGN_RIGHT_MIDDLE


def test_showing_the_workshop_list_does_not_load_the_qt_namespace(db_path: Path, mylla_home: Path) -> None:
    # GIVEN a database with a workshop, WHEN a fresh process shows the list,
    # THEN PySide6 has not had to build its Qt namespace for it.
    from app.demo import create_demo_workshop
    from models.database import open_database

    db = open_database(db_path)
    create_demo_workshop(db)
    db.close()
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        import PySide6.QtCore as core
        from PySide6.QtWidgets import QApplication
        from ui.application import DesktopSession

        app = QApplication([])
        session = DesktopSession(Path({str(db_path)!r}))
        session.window.show()
        app.processEvents()
        assert session.window.list_page.model.rowCount() == 1
        print("loaded" if "Qt" in core.__dict__ else "not loaded")
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MYLLA_HOME": str(mylla_home)}
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "not loaded"
