"""Printing a PDF's pages: each drawn by PDFium at the printer's resolution, one page per turn of the event loop."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from app.i18n import _
from ui.pdf_preview_pages import POINTS_PER_INCH, PdfPages

#: Finer than this adds nothing on paper but time and memory (an A4 page at 300 dpi is 35 MB).
MAX_DPI = 300


def pages_to_print(printer: QPrinter, count: int) -> list[int]:
    """The pages (from 0) the print dialog asked for: all of them, or the range given."""
    if printer.printRange() is QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(count, printer.toPage() or count)
        return list(range(first - 1, last))
    return list(range(count))


class PagePrinter(QObject):
    """Prints ``pages`` onto ``printer``; the window stays responsive between pages.

    Each page is scaled to the paper, keeping its proportions, with the PDF's own margins:
    the printer is used full page.

    Signals:
        progressed(int, int): pages printed out of those to print.
        finished(): every page was sent to the printer.
        failed(str): the printer could not be started; the text is for the user.
        cancelled(): printing stopped at the user's wish.
    """

    progressed = Signal(int, int)
    finished = Signal()
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, pages: PdfPages, printer: QPrinter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.printer = printer
        self.order = pages_to_print(printer, len(pages))
        self._painter: QPainter | None = None
        self._next = 0
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._print_next)

    def start(self) -> None:
        self.printer.setFullPage(True)
        painter = QPainter()
        if not self.order or not painter.begin(self.printer):
            self.failed.emit(_("The printer could not be started. Check that it is connected and try again."))
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self._painter = painter
        self._timer.start()

    def is_printing(self) -> bool:
        return self._painter is not None

    def cancel(self) -> None:
        if self._painter is None:
            return
        self._timer.stop()
        self.printer.abort()
        self._painter.end()
        self._painter = None
        self.cancelled.emit()

    def _print_next(self) -> None:
        painter = self._painter
        if painter is None:
            return
        if self._next > 0:
            self.printer.newPage()
        index = self.order[self._next]
        dpi = min(self.printer.resolution(), MAX_DPI)
        image = self.pages.image(index, dpi / POINTS_PER_INCH)
        # Full page: the painter's origin is the paper's corner.
        paper = self.printer.paperRect(QPrinter.Unit.DevicePixel).size()
        size = image.size().toSizeF().scaled(paper, Qt.AspectRatioMode.KeepAspectRatio)
        left, top = (paper.width() - size.width()) / 2, (paper.height() - size.height()) / 2
        target = QRectF(left, top, size.width(), size.height())
        painter.drawImage(target, image)
        self._next += 1
        self.progressed.emit(self._next, len(self.order))
        if self._next < len(self.order):
            self._timer.start()
            return
        painter.end()
        self._painter = None
        self.finished.emit()
