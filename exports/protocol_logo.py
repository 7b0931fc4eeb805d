"""The organisation's logo at the top left of the protocol's first page, beside its name.

A logo that is missing or cannot be read is left out with a line in the log: the protocol is
still written, as it would be without a logo.
"""

from __future__ import annotations

import io
import logging
import struct
from pathlib import Path

from PIL import Image as PILImage
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Table

from exports.protocol_styles import FRAME_WIDTH

log = logging.getLogger(__name__)

#: The logo is at most this high, and this wide (a long word mark), its proportions kept.
LOGO_HEIGHT = 18 * mm
LOGO_WIDTH = 60 * mm
#: Between the logo and the organisation's name.
GAP = 5 * mm
_UNREADABLE = (OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError, struct.error, Warning)


def logo_image(path: Path | None) -> Image | None:
    """The logo as a flowable scaled to fit LOGO_WIDTH x LOGO_HEIGHT; None if it cannot be used."""
    if path is None:
        return None
    try:
        with PILImage.open(path, formats=("PNG", "JPEG")) as picture:
            picture.load()
            width, height = picture.size
            # As plain 8-bit RGB(A), which reportlab reads whatever the file held (16-bit, CMYK, palette).
            alpha = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
            clean = io.BytesIO()
            picture.convert("RGBA" if alpha else "RGB").save(clean, format="PNG")
    except _UNREADABLE as exc:
        log.warning("The logo %s cannot be read (%s); the protocol is printed without it.", path, exc)
        return None
    scale = min(LOGO_WIDTH / width, LOGO_HEIGHT / height)
    clean.seek(0)
    image = Image(clean, width=width * scale, height=height * scale, mask="auto")
    image.hAlign = "LEFT"
    return image


def beside_logo(logo: Image, names: list[Flowable]) -> Table:
    """The logo with the organisation's name and unit to its right, both centred on one line."""
    left = float(logo.drawWidth) + GAP
    table = Table([[logo, names or ""]], colWidths=[left, FRAME_WIDTH - left], hAlign="LEFT")
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return table
