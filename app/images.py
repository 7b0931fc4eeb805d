"""Pictures on idea cards: checked, turned upright, scaled down and stripped of metadata."""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError
from sqlalchemy import select
from sqlalchemy.orm import defer

from app.errors import InvalidInput
from app.i18n import _, format_number
from app.records import fetch, next_position
from app.snapshots import ImageSnapshot
from app.text import clean_line
from models.base import utcnow
from models.database import Database
from models.idea import Idea, IdeaImage

#: A file larger than this is refused before it is read.
MAX_IMAGE_BYTES = 20 * 1024 * 1024
#: The longest side of a stored picture: sharp on a projector, small in the database and the PDF.
MAX_SIDE = 1600
#: More pixels than this are refused as a possible decompression bomb (below Pillow's own warning).
MAX_PIXELS = 80_000_000
JPEG_QUALITY = 85
#: What cameras, phones, scanners and screenshots produce. Other formats are refused on purpose:
#: some of Pillow's readers (EPS) call external programs.
FORMATS = ("JPEG", "MPO", "PNG", "GIF", "WEBP", "BMP", "TIFF")

_MEGABYTE = 1024 * 1024
_SRGB = ImageCms.createProfile("sRGB")
#: What Pillow's readers raise on damaged or hostile files. The decoding is third-party parsing of
#: untrusted bytes, so the net is wide: any of these means "this picture cannot be used". Warnings
#: ("Corrupt EXIF data") arrive as exceptions only where warnings are errors, as in the tests.
_DAMAGED = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    KeyError,
    TypeError,
    struct.error,
    Warning,
)
_BOMBS = (Image.DecompressionBombError, Image.DecompressionBombWarning)


@dataclass(frozen=True)
class EncodedImage:
    """A picture ready to store: upright, at most MAX_SIDE, no metadata, JPEG or PNG."""

    mime_type: str
    width: int
    height: int
    data: bytes


def _not_a_picture() -> InvalidInput:
    return InvalidInput(
        _("This file is not a picture that Mylla can read. Use JPEG, PNG, GIF, WebP, BMP or TIFF."), "image"
    )


def _damaged() -> InvalidInput:
    return InvalidInput(_("The picture is damaged or incomplete and cannot be used."), "image")


def _too_many_pixels() -> InvalidInput:
    return InvalidInput(
        _("The picture has too many pixels: at most {limit} million fit.").format(
            limit=format_number(MAX_PIXELS // 1_000_000)
        ),
        "image",
    )


def _too_big(size: int) -> InvalidInput:
    return InvalidInput(
        _("The picture is {size} MB; at most {limit} MB fit.").format(
            size=format_number(round(size / _MEGABYTE, 1)), limit=format_number(MAX_IMAGE_BYTES // _MEGABYTE)
        ),
        "image",
    )


def _fit(size: tuple[int, int]) -> tuple[int, int]:
    """The size scaled down so the longest side is at most MAX_SIDE; never scaled up."""
    width, height = size
    longest = max(width, height)
    if longest <= MAX_SIDE:
        return width, height
    scale = MAX_SIDE / longest
    return max(1, round(width * scale)), max(1, round(height * scale))


def _upright(image: Image.Image) -> Image.Image:
    """Turned as the camera held it; a picture with broken EXIF is kept as it is."""
    try:
        return ImageOps.exif_transpose(image)
    except _DAMAGED:
        return image


def _extrema(band: Image.Image) -> tuple[float, float]:
    """The lowest and highest value of a one-band image."""
    low, high = band.getextrema()
    assert isinstance(low, int | float)
    assert isinstance(high, int | float)
    return low, high


def _has_transparency(image: Image.Image) -> bool:
    """Some pixel is see-through (an alpha channel that is fully opaque does not count)."""
    if image.mode not in ("RGBA", "LA", "PA", "RGBa", "La") and "transparency" not in image.info:
        return False
    low, _high = _extrema(image.convert("RGBA").getchannel("A"))
    return low < 255


def _eight_bit(image: Image.Image) -> Image.Image:
    """16-bit greyscale (scans, TIFF) brought to 8 bits instead of clipped to white; floats are 0..1."""
    if image.mode.startswith("I"):
        return image.convert("I").point(lambda v: v / 256).convert("L")
    if image.mode == "F":
        return image.point(lambda v: v * 255).convert("L")
    return image


def _in_srgb(image: Image.Image, mode: str) -> Image.Image:
    """Colours as the screen and the PDF show them (phones shoot in Display P3); the profile goes."""
    profile = image.info.get("icc_profile")
    if profile and image.mode in ("RGB", "RGBA", "CMYK", "L"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, *_DAMAGED):
            pass  # an unusable profile: the plain conversion below is close enough
    return image.convert(mode)


def _readers() -> tuple[str, ...]:
    Image.init()  # registers every reader; Image.open alone knows only the most common ones
    return tuple(f for f in FORMATS if f in Image.OPEN)


def encode_image(data: bytes) -> EncodedImage:
    """Check and prepare a picture for storage; InvalidInput when it cannot be used. No database."""
    if len(data) > MAX_IMAGE_BYTES:
        raise _too_big(len(data))
    try:
        image = Image.open(io.BytesIO(data), formats=_readers())
    except _BOMBS:
        raise _too_many_pixels() from None
    except UnidentifiedImageError:
        raise _not_a_picture() from None
    except _DAMAGED:
        raise _damaged() from None
    with image:
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise _too_many_pixels()
        try:
            # A JPEG is decoded at a fraction of its size when that still covers the target.
            image.draft(None, _fit(image.size))
            image.load()
            picture = _eight_bit(_upright(image))
            transparent = _has_transparency(picture)
            picture = _in_srgb(picture, "RGBA" if transparent else "RGB")
            if _fit(picture.size) != picture.size:
                picture = picture.resize(_fit(picture.size), Image.Resampling.LANCZOS)
            # A fresh image from the pixels alone: no EXIF (GPS!), no profile, no text chunks.
            clean = Image.frombytes(picture.mode, picture.size, picture.tobytes())
        except _BOMBS:
            raise _too_many_pixels() from None
        except _DAMAGED:
            raise _damaged() from None
    out = io.BytesIO()
    if transparent:
        clean.save(out, "PNG")
        mime_type = "image/png"
    else:
        clean.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
        mime_type = "image/jpeg"
    return EncodedImage(mime_type=mime_type, width=clean.width, height=clean.height, data=out.getvalue())


def image_row(encoded: EncodedImage, *, caption: str = "", position: int = 0) -> IdeaImage:
    """The stored form of a prepared picture (the demo builds its ideas with these too)."""
    return IdeaImage(
        position=position,
        mime_type=encoded.mime_type,
        width=encoded.width,
        height=encoded.height,
        data=encoded.data,
        caption=caption,
    )


def image_snapshot(image: IdeaImage) -> ImageSnapshot:
    return ImageSnapshot(
        id=image.id,
        idea_id=image.idea_id,
        position=image.position,
        mime_type=image.mime_type,
        width=image.width,
        height=image.height,
        caption=image.caption,
        deleted=image.deleted_at is not None,
    )


def add_image(db: Database, idea_id: str, data: bytes, caption: str = "") -> ImageSnapshot:
    """A picture (a photo of a sticky note, a sketch) at the end of an idea's pictures."""
    caption = clean_line(caption, "caption")
    encoded = encode_image(data)  # before the transaction: the work is slow, the lock is shared
    with db.transaction() as session:
        idea = fetch(session, Idea, idea_id)
        row = image_row(
            encoded,
            caption=caption,
            position=next_position(session, IdeaImage.position, IdeaImage.idea_id, idea.id),
        )
        row.idea_id = idea.id
        session.add(row)
        session.flush()
        return image_snapshot(row)


def add_image_file(db: Database, idea_id: str, path: Path, caption: str = "") -> ImageSnapshot:
    """A picture from a file; a file over the limit is refused without being read."""
    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            raise _too_big(size)
        with path.open("rb") as fh:
            data = fh.read(MAX_IMAGE_BYTES + 1)  # the file may have grown since stat()
    except OSError as error:
        raise InvalidInput(
            _("The file {name} could not be read: {reason}").format(
                name=path.name, reason=error.strerror or error
            ),
            "image",
        ) from error
    return add_image(db, idea_id, data, caption)


def set_image_caption(db: Database, image_id: str, caption: str) -> ImageSnapshot:
    caption = clean_line(caption, "caption")
    with db.transaction() as session:
        image = fetch(session, IdeaImage, image_id)
        image.caption = caption
        return image_snapshot(image)


def remove_image(db: Database, image_id: str) -> ImageSnapshot:
    """Soft delete, so that undo brings the same picture back in its place."""
    with db.transaction() as session:
        image = fetch(session, IdeaImage, image_id)
        image.deleted_at = utcnow()
        return image_snapshot(image)


def restore_image(db: Database, image_id: str) -> ImageSnapshot:
    with db.transaction() as session:
        image = fetch(session, IdeaImage, image_id, allow_deleted=True)
        image.deleted_at = None
        return image_snapshot(image)


def list_images(db: Database, idea_id: str) -> list[ImageSnapshot]:
    """An idea's live pictures in order, without their bytes (see image_bytes)."""
    with db.transaction() as session:
        rows = session.scalars(
            select(IdeaImage)
            .options(defer(IdeaImage.data))
            .where(IdeaImage.idea_id == idea_id, IdeaImage.deleted_at.is_(None))
            .order_by(IdeaImage.position)
        )
        return [image_snapshot(i) for i in rows]


def image_bytes(db: Database, image_id: str) -> tuple[str, bytes]:
    """The stored picture: its MIME type and its bytes."""
    with db.transaction() as session:
        image = fetch(session, IdeaImage, image_id)
        return image.mime_type, image.data
