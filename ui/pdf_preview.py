"""The protocol's preview: its pages one under the other, zoom, "page n of N", print and save as PDF."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from exports.protocol_files import replacing
from ui.pdf_preview_pages import POINTS_PER_INCH, PdfPages
from ui.print_pages import PagePrinter

#: Zoom choices after "Fit width", in percent of the page's printed size.
ZOOMS = (50, 75, 100, 125, 150, 200)
FIT_WIDTH, WHOLE_PAGE = 0, -1
GAP = 16


class PageView(QWidget):
    """One page, drawn when it first comes into view and again when its size changes."""

    def __init__(self, pages: PdfPages, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages, self.index = pages, index
        self._image: QImage | None = None

    def set_width(self, width: int) -> None:
        page = self.pages.size(self.index)
        self.setFixedSize(QSize(width, round(width * page.height() / page.width())))

    def paintEvent(self, event: QPaintEvent) -> None:
        ratio = self.devicePixelRatioF()
        wanted = round(self.width() * ratio)
        if self._image is None or self._image.width() != wanted:
            self._image = self.pages.image_at_width(self.index, wanted)
            self._image.setDevicePixelRatio(ratio)
        painter = QPainter(self)
        painter.drawImage(0, 0, self._image)
        painter.end()

    def is_drawn(self) -> bool:
        return self._image is not None


class PdfPreviewDialog(QDialog):
    """Shows a PDF before it is printed or saved; ``cleanup`` runs when the dialog is closed."""

    def __init__(
        self,
        path: Path,
        title: str,
        suggested_name: str,
        parent: QWidget | None = None,
        cleanup: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Preview: {title}").format(title=title))
        self.path, self.title, self.suggested_name = path, title, suggested_name
        self._cleanup = cleanup
        self.save_folder = Path.home()
        self.pages = PdfPages(path)
        self.printing: PagePrinter | None = None

        self.page_label = QLabel()
        self.zoom = QComboBox()
        self.zoom.addItem(_("Fit width"), FIT_WIDTH)
        self.zoom.addItem(_("Whole page"), WHOLE_PAGE)
        for percent in ZOOMS:
            self.zoom.addItem(_("{percent} %").format(percent=percent), percent)
        self.zoom.currentIndexChanged.connect(self._lay_out_pages)
        self.print_button = QPushButton(_("Print…"))
        self.print_button.clicked.connect(self.print_protocol)
        self.print_button.setDefault(True)
        self.save_button = QPushButton(_("Save as PDF…"))
        self.save_button.clicked.connect(self.save_as)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.reject)
        self.status = QLabel()
        self.status.setWordWrap(True)

        container = QWidget()
        container.setObjectName("previewPages")
        container.setStyleSheet("#previewPages { background: #5f6368; }")
        column = QVBoxLayout(container)
        column.setContentsMargins(GAP, GAP, GAP, GAP)
        column.setSpacing(GAP)
        self.views = [PageView(self.pages, index) for index in range(len(self.pages))]
        for view in self.views:
            column.addWidget(view, 0, Qt.AlignmentFlag.AlignHCenter)
        self.area = QScrollArea()
        self.area.setWidget(container)
        self.area.setWidgetResizable(True)
        # Always there: a bar coming and going would change the width that "fit width" fits.
        self.area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.area.viewport().installEventFilter(self)
        self.area.verticalScrollBar().valueChanged.connect(self._show_page_number)

        bar = QHBoxLayout()
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        bar.addWidget(QLabel(_("Zoom")))
        bar.addWidget(self.zoom)
        bar.addSpacing(GAP)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.status)
        self.finished.connect(self._release)
        self.resize(980, 720)
        self._lay_out_pages()
        self.area.setFocus()  # the arrow and page keys scroll the pages

    # -- showing the pages -------------------------------------------------------------------

    def page_count(self) -> int:
        return len(self.views)

    def _page_width(self, index: int) -> int:
        zoom = int(self.zoom.currentData())
        viewport = self.area.viewport()
        size = self.pages.size(index)
        if zoom == FIT_WIDTH:
            return max(200, viewport.width() - 2 * GAP)
        if zoom == WHOLE_PAGE:
            fits = min(
                viewport.width() - 2 * GAP, (viewport.height() - 2 * GAP) * size.width() / size.height()
            )
            return max(100, round(fits))
        return round(size.width() * self.logicalDpiX() / POINTS_PER_INCH * zoom / 100)

    def _lay_out_pages(self) -> None:
        """Sizes the pages for the zoom; the page being read stays in view."""
        page = self.current_page()
        for view in self.views:
            view.set_width(self._page_width(view.index))
        self._show_page_number()
        # The scroll area learns the new height once the layout has run.
        QTimer.singleShot(0, self, lambda: self.show_page(page))

    def _page_top(self, page: int) -> int:
        return GAP + sum(view.height() + GAP for view in self.views[: page - 1])

    def show_page(self, page: int) -> None:
        """Scroll so that page ``page`` (from 1) starts at the top of the view."""
        page = min(max(page, 1), self.page_count())
        self.area.verticalScrollBar().setValue(self._page_top(page) - GAP)
        self._show_page_number()

    def current_page(self) -> int:
        """The page (from 1) at the top third of the view."""
        mark = self.area.verticalScrollBar().value() + self.area.viewport().height() // 3
        current = 1  # from the sizes: the layout may not have placed the pages yet
        for view in self.views:
            if self._page_top(view.index + 1) > mark:
                break
            current = view.index + 1
        return current

    def _show_page_number(self) -> None:
        self.page_label.setText(
            _("Page {n} of {total}").format(n=self.current_page(), total=self.page_count())
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.area.viewport()
            and event.type() == QEvent.Type.Resize
            and self.zoom.currentData() == 0
        ):
            self._lay_out_pages()  # fit width: the pages follow the view's width
        return super().eventFilter(watched, event)

    # -- printing and saving -------------------------------------------------------------------

    def print_protocol(self) -> None:
        """The system's print dialog, then the chosen pages onto the chosen printer."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> PagePrinter:
        job = PagePrinter(self.pages, printer, self)
        progress = QProgressDialog(_("Printing…"), _("Cancel"), 0, len(job.order), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setValue(0)
        progress.canceled.connect(job.cancel)
        job.progressed.connect(lambda done, total: progress.setValue(done))
        job.progressed.connect(
            lambda done, total: progress.setLabelText(
                _("Printing page {n} of {total}…").format(n=min(done + 1, total), total=total)
            )
        )

        def ended(text: str, error: bool = False) -> None:
            progress.hide()
            progress.deleteLater()
            self.printing = None
            self.print_button.setEnabled(True)
            self._tell(text, error)

        pages = len(job.order)
        sent = ngettext("Sent {n} page to the printer.", "Sent {n} pages to the printer.", pages).format(
            n=pages
        )
        job.finished.connect(lambda: ended(sent))
        job.failed.connect(lambda reason: ended(reason, True))
        job.cancelled.connect(lambda: ended(_("Printing was cancelled.")))
        self.printing = job
        self.print_button.setEnabled(False)
        job.start()
        return job

    def save_as(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save the protocol"),
            str(self.save_folder / self.suggested_name),
            _("PDF document") + " (*.pdf)",
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, out: Path) -> None:
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        try:
            with replacing(out) as temporary:
                shutil.copyfile(self.path, temporary)
        except OSError as exc:
            self._tell(_("The file could not be written: {reason}").format(reason=exc.strerror or exc), True)
            return
        self.save_folder = out.parent
        self._tell(_("Saved as {path}").format(path=out))

    def _tell(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #A3140C; font-weight: 600;" if error else "")
        self.status.setText(text)

    def _release(self) -> None:
        if self.printing is not None:
            self.printing.cancel()
        self.pages.close()
        if self._cleanup is not None:
            self._cleanup()
            self._cleanup = None
