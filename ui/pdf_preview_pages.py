"""A PDF's pages as images, drawn by PDFium (pypdfium2): for the preview and for printing."""

from __future__ import annotations

import threading
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage

from app.errors import UserError
from app.i18n import _

#: PDFium may be called from one thread at a time only.
_PDFIUM = threading.Lock()
#: PDF user space: 72 units to the inch.
POINTS_PER_INCH = 72.0


class PdfPages:
    """An open PDF file: its page count, each page's size in points, and pages drawn at a scale."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with _PDFIUM:
            try:
                self._document = pdfium.PdfDocument(str(path))
            except (pdfium.PdfiumError, OSError) as exc:
                raise UserError(
                    _("The PDF {path} cannot be read: {reason}").format(path=path, reason=exc)
                ) from exc
            self._sizes: list[QSizeF] = []
            for index in range(len(self._document)):
                page = self._document[index]
                width, height = page.get_size()
                page.close()
                self._sizes.append(QSizeF(width, height))

    def __len__(self) -> int:
        return len(self._sizes)

    def size(self, index: int) -> QSizeF:
        """The page's size in points (1/72 inch)."""
        return self._sizes[index]

    def image(self, index: int, scale: float) -> QImage:
        """Page ``index`` (from 0) drawn at ``scale`` pixels per point, on white."""
        with _PDFIUM:
            page = self._document[index]
            try:
                bitmap = page.render(scale=scale, prefer_bgrx=True)
                try:
                    # BGRx bytes are what QImage calls RGB32 on every little-endian machine we run on.
                    image = QImage(
                        bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32
                    ).copy()
                finally:
                    bitmap.close()
            finally:
                page.close()
        return image

    def image_at_width(self, index: int, width: int) -> QImage:
        return self.image(index, max(1, width) / self._sizes[index].width())

    def close(self) -> None:
        with _PDFIUM:
            self._document.close()
