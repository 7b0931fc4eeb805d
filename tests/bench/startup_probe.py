"""Start-up figure: the real start of the desktop app, quitting as soon as the list is shown.

With ``--ready`` it waits instead until the database layer is loaded and edits are possible.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.cli import run

WAIT_FOR_READY = "--ready" in sys.argv


def desktop(db_path: Path) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.application import DesktopSession

    app = QApplication(sys.argv[:1])
    session = DesktopSession(db_path)
    session.start()
    assert session.window.list_page.model.rowCount() > 0

    def report() -> None:
        print("shown", flush=True)

    if WAIT_FOR_READY:
        session.hub.ready.connect(report)
        session.hub.ready.connect(app.quit)
    else:
        QTimer.singleShot(0, report)  # after the first paint
        QTimer.singleShot(0, app.quit)
    app.exec()
    session.close()
    return 0


sys.exit(run(["--db", sys.argv[1]], desktop))
