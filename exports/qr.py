"""QR codes drawn as vectors from ``qrcode``'s matrix, quiet zone included: crisp on paper and
large enough per module to decode from a 150 dpi scan.
"""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

#: The quiet zone around the code, in modules (the standard asks for four).
QUIET_ZONE = 4
#: The smallest module: 0.5 mm is three pixels of a 150 dpi scan.
MIN_MODULE_MM = 0.5


#: One mask for every code: choosing the best of eight costs eight encodings (a protocol may
#: hold dozens of codes), and any mask decodes; the tests decode each code from a 150 dpi scan.
MASK = 2


def qr_matrix(link: str) -> list[list[bool]]:
    """The code's modules (True: dark), quiet zone included."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE, mask_pattern=MASK)
    code.add_data(link)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def dark_runs(matrix: list[list[bool]]) -> list[tuple[int, int, int]]:
    """Each row's dark modules as (row, first column, length): one rectangle per run, no seams."""
    runs: list[tuple[int, int, int]] = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append((y, start, x - start))
            else:
                x += 1
    return runs


class QrFlowable(Flowable):
    """A QR code at least ``size_mm`` wide (wider if its modules would be under 0.5 mm)."""

    def __init__(self, link: str, size_mm: float) -> None:
        super().__init__()
        self.link = link
        self.matrix = qr_matrix(link)
        modules = len(self.matrix)
        self.module = max(size_mm * mm / modules, MIN_MODULE_MM * mm)
        self.width = self.height = self.module * modules

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        draw_qr(self.canv, self.matrix, 0, 0, self.module)


def draw_qr(canvas: Canvas, matrix: list[list[bool]], x: float, y: float, module: float) -> None:
    """The code with its lower left corner (quiet zone included) at ``x``, ``y``.

    Drawn in units of one module, so that every rectangle is whole numbers, written as they are
    (a code has hundreds of rectangles; reportlab's number formatting would be most of the time).
    """
    size = len(matrix)
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(module, module)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(0, 0, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    path = canvas.beginPath()
    for row, start, length in dark_runs(matrix):
        path._code_append(f"{start} {size - row - 1} {length} 1 re")  # type: ignore[attr-defined]
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
