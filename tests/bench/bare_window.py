"""Baseline for the start-up figure: a bare PySide6 window with a table, shown, then closed."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

app = QApplication(sys.argv[:1])
window = QMainWindow()
table = QTableView()
table.setModel(QStandardItemModel(1, 6))
window.setCentralWidget(table)
window.resize(1200, 760)
window.show()
QTimer.singleShot(0, lambda: print("shown", flush=True))
QTimer.singleShot(0, app.quit)
app.exec()
