"""Pictures on idea cards: upright, at most 1600 px, without metadata; bad files refused, never a crash."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import ExifTags, Image, ImageCms, ImageDraw, PngImagePlugin

from app.errors import InvalidInput, NotFound
from app.i18n import set_language
from app.ideas import add_idea, list_ideas, remove_idea
from app.images import (
    MAX_IMAGE_BYTES,
    MAX_SIDE,
    add_image,
    add_image_file,
    image_bytes,
    list_images,
    remove_image,
    restore_image,
    set_image_caption,
)
from app.snapshots import IdeaSnapshot, ImageSnapshot, WorkshopSnapshot
from models.database import Database

RED, BLUE = (220, 30, 30), (30, 30, 220)
NOT_A_PICTURE = "This file is not a picture that Mylla can read. Use JPEG, PNG, GIF, WebP, BMP or TIFF."
DAMAGED = "The picture is damaged or incomplete and cannot be used."


@pytest.fixture
def idea(db: Database, workshop: WorkshopSnapshot) -> IdeaSnapshot:
    return add_idea(db, workshop.id, "Kvarterssoppa")


def encoded(image: Image.Image, format: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format, **options)
    return out.getvalue()


def halves(size: tuple[int, int]) -> Image.Image:
    """Red on the left, blue on the right: shows which way a picture was turned."""
    image = Image.new("RGB", size, BLUE)
    ImageDraw.Draw(image).rectangle((0, 0, size[0] // 2, size[1]), fill=RED)
    return image


def phone_photo() -> bytes:
    """A 4000x3000 JPEG as a phone stores it held upright: sideways, with orientation 6 and GPS."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "Telefon AB"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (59.0, 19.0, 42.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (18.0, 4.0, 7.0)
    return encoded(halves((4000, 3000)), "JPEG", quality=90, exif=exif.tobytes())


def stored(db: Database, image_id: str) -> Image.Image:
    mime_type, data = image_bytes(db, image_id)
    picture = Image.open(io.BytesIO(data))
    assert picture.format == {"image/jpeg": "JPEG", "image/png": "PNG"}[mime_type]
    picture.load()
    return picture


def close(colour: tuple[int, ...], expected: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 12 for a, b in zip(colour[:3], expected, strict=True))


def test_a_phone_photo_is_turned_upright_scaled_down_and_stripped(db: Database, idea: IdeaSnapshot) -> None:
    data = phone_photo()
    original = Image.open(io.BytesIO(data))
    assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the test photo does carry a position

    image = add_image(db, idea.id, data, caption="Lappen från gruppen")

    assert (image.mime_type, image.width, image.height) == ("image/jpeg", 1200, 1600)
    assert (image.idea_id, image.position, image.caption, image.deleted) == (
        idea.id,
        0,
        "Lappen från gruppen",
        False,
    )
    picture = stored(db, image.id)
    assert picture.size == (1200, 1600)
    # Turned a quarter clockwise: the left (red) half of the sensor is now on top.
    assert close(picture.getpixel((600, 200)), RED)
    assert close(picture.getpixel((600, 1400)), BLUE)
    assert not picture.getexif()
    assert "exif" not in picture.info
    assert "icc_profile" not in picture.info
    _mime, raw = image_bytes(db, image.id)
    assert b"Exif" not in raw
    assert b"Telefon AB" not in raw


def test_a_png_with_transparency_stays_png(db: Database, idea: IdeaSnapshot) -> None:
    sketch = Image.new("RGBA", (3200, 800), (0, 0, 0, 0))
    ImageDraw.Draw(sketch).ellipse((1400, 200, 1800, 600), fill=(0, 114, 178, 255))

    image = add_image(db, idea.id, encoded(sketch, "PNG"))

    assert (image.mime_type, image.width, image.height) == ("image/png", MAX_SIDE, 400)
    picture = stored(db, image.id)
    assert picture.mode == "RGBA"
    assert picture.getpixel((0, 0))[3] == 0
    assert close(picture.getpixel((800, 200)), (0, 114, 178))
    assert picture.getpixel((800, 200))[3] == 255


def test_an_alpha_channel_without_transparency_becomes_jpeg(db: Database, idea: IdeaSnapshot) -> None:
    screenshot = Image.new("RGBA", (640, 480), (255, 230, 109, 255))

    image = add_image(db, idea.id, encoded(screenshot, "PNG"))

    assert (image.mime_type, image.width, image.height) == ("image/jpeg", 640, 480)
    assert close(stored(db, image.id).getpixel((10, 10)), (255, 230, 109))


def test_a_small_picture_is_not_scaled_up(db: Database, idea: IdeaSnapshot) -> None:
    image = add_image(db, idea.id, encoded(halves((300, 200)), "JPEG"))

    assert (image.width, image.height) == (300, 200)
    assert stored(db, image.id).size == (300, 200)


@pytest.mark.parametrize(
    ("mode", "format"),
    [
        ("P", "GIF"),
        ("L", "PNG"),
        ("CMYK", "JPEG"),
        ("I;16", "PNG"),
        ("RGB", "WEBP"),
        ("RGB", "BMP"),
        ("RGB", "TIFF"),
    ],
)
def test_other_formats_and_colour_modes_are_stored_as_rgb_jpeg(
    db: Database, idea: IdeaSnapshot, mode: str, format: str
) -> None:
    picture = halves((400, 300)).convert(mode) if mode != "I;16" else Image.new("I;16", (400, 300), 30000)

    image = add_image(db, idea.id, encoded(picture, format))

    assert (image.mime_type, image.width, image.height) == ("image/jpeg", 400, 300)
    assert stored(db, image.id).mode == "RGB"


def test_a_16_bit_scan_is_not_clipped_to_white(db: Database, idea: IdeaSnapshot) -> None:
    scan = Image.linear_gradient("L").resize((256, 256)).convert("I").point(lambda v: v * 200).convert("I;16")

    image = add_image(db, idea.id, encoded(scan, "PNG"))

    picture = stored(db, image.id).convert("L")
    assert picture.getpixel((128, 0)) < 20
    assert 90 < picture.getpixel((128, 128)) < 110  # 25600 of 65535; clipped, it would be white
    assert 190 < picture.getpixel((128, 255)) < 210


def test_colour_profile_and_text_chunks_are_dropped(db: Database, idea: IdeaSnapshot) -> None:
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Amira Hassan")
    photo = Image.new("RGB", (200, 100), (40, 160, 90))

    image = add_image(db, idea.id, encoded(photo, "PNG", icc_profile=srgb, pnginfo=text))

    picture = stored(db, image.id)
    assert "icc_profile" not in picture.info
    assert "Author" not in picture.info
    assert b"Amira" not in image_bytes(db, image.id)[1]
    assert close(picture.getpixel((100, 50)), (40, 160, 90))


def test_an_animated_gif_keeps_its_first_frame(db: Database, idea: IdeaSnapshot) -> None:
    frames = [Image.new("RGB", (120, 80), colour) for colour in (RED, BLUE)]
    data = encoded(frames[0], "GIF", save_all=True, append_images=frames[1:])

    image = add_image(db, idea.id, data)

    assert close(stored(db, image.id).getpixel((60, 40)), RED)


@pytest.mark.parametrize(
    "data", [b"Kvarterssoppa varje torsdag", b"", b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n"]
)
def test_what_is_not_a_picture_is_refused(db: Database, idea: IdeaSnapshot, data: bytes) -> None:
    set_language("en")
    with pytest.raises(InvalidInput) as caught:
        add_image(db, idea.id, data)

    assert caught.value.message == NOT_A_PICTURE
    assert caught.value.field == "image"
    assert list_images(db, idea.id) == []


def test_a_truncated_jpeg_is_refused(db: Database, idea: IdeaSnapshot) -> None:
    data = encoded(halves((800, 600)), "JPEG")
    set_language("en")

    with pytest.raises(InvalidInput) as caught:
        add_image(db, idea.id, data[: len(data) // 2])

    assert caught.value.message == DAMAGED
    assert list_images(db, idea.id) == []
    [shown] = list_ideas(db, idea.workshop_id)
    assert shown.image_count == 0


def test_refusals_are_in_swedish(db: Database, idea: IdeaSnapshot) -> None:
    data = encoded(halves((800, 600)), "JPEG")

    with pytest.raises(InvalidInput) as not_a_picture:
        add_image(db, idea.id, b"Kvarterssoppa varje torsdag")
    with pytest.raises(InvalidInput) as damaged:
        add_image(db, idea.id, data[: len(data) // 2])
    with pytest.raises(InvalidInput) as too_big:
        add_image(db, idea.id, bytes(21 * 1024 * 1024))

    assert not_a_picture.value.message == (
        "Filen är inte en bild som Mylla kan läsa. Använd JPEG, PNG, GIF, WebP, BMP eller TIFF."
    )
    assert damaged.value.message == "Bilden är skadad eller ofullständig och kan inte användas."
    assert too_big.value.message == "Bilden är 21 MB; högst 20 MB får plats."


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size (a decompression bomb needs no more)."""
    data = bytearray(encoded(Image.new("1", (8, 8)), "PNG"))
    header = b"IHDR" + width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes(data[24:29])
    data[12:29] = header
    data[29:33] = zlib.crc32(header).to_bytes(4, "big")
    return bytes(data)


@pytest.mark.parametrize("side", [9_000, 9_500, 30_000])
def test_a_picture_with_too_many_pixels_is_refused(db: Database, idea: IdeaSnapshot, side: int) -> None:
    """Below, between and above Pillow's own warning and error limits."""
    set_language("en")
    with pytest.raises(InvalidInput) as caught:
        add_image(db, idea.id, png_claiming(side, side))

    assert caught.value.message == "The picture has too many pixels: at most 80 million fit."
    assert list_images(db, idea.id) == []


def test_a_file_over_the_limit_is_refused_without_reading_it(
    db: Database, idea: IdeaSnapshot, tmp_path: Path
) -> None:
    path = tmp_path / "IMG_4711.jpg"
    with path.open("wb") as fh:
        fh.truncate(21 * 1024 * 1024)  # sparse: nothing written to the disk
    set_language("en")

    with pytest.raises(InvalidInput) as caught:
        add_image_file(db, idea.id, path)

    # The size comes from stat(): reading stops one byte past the limit, and would report 20 MB.
    assert caught.value.message == "The picture is 21 MB; at most 20 MB fit."
    assert list_images(db, idea.id) == []


def test_bytes_over_the_limit_are_refused(db: Database, idea: IdeaSnapshot) -> None:
    set_language("en")
    with pytest.raises(InvalidInput) as caught:
        add_image(db, idea.id, bytes(MAX_IMAGE_BYTES + 512 * 1024))

    assert caught.value.message == "The picture is 20.5 MB; at most 20 MB fit."


def test_a_picture_from_a_file(db: Database, idea: IdeaSnapshot, tmp_path: Path) -> None:
    path = tmp_path / "skiss.png"
    halves((1000, 500)).save(path)

    image = add_image_file(db, idea.id, path, caption="Skiss")

    assert (image.mime_type, image.width, image.height, image.caption) == ("image/jpeg", 1000, 500, "Skiss")
    assert list_images(db, idea.id) == [image]


def test_a_missing_file_is_refused_with_its_name(db: Database, idea: IdeaSnapshot, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        add_image_file(db, idea.id, tmp_path / "borta.jpg")

    assert "borta.jpg" in caught.value.message


def test_a_removed_idea_gets_no_picture(db: Database, idea: IdeaSnapshot) -> None:
    remove_idea(db, idea.id)
    with pytest.raises(NotFound):
        add_image(db, idea.id, encoded(halves((100, 100)), "PNG"))


def test_remove_and_restore(db: Database, idea: IdeaSnapshot) -> None:
    first = add_image(db, idea.id, encoded(halves((100, 80)), "PNG"), caption="Första")
    second = add_image(db, idea.id, encoded(halves((80, 100)), "PNG"), caption="Andra")
    assert list_images(db, idea.id) == [first, second]
    assert [i.image_count for i in list_ideas(db, idea.workshop_id)] == [2]

    removed = remove_image(db, first.id)

    assert removed.deleted
    assert list_images(db, idea.id) == [second]
    assert [i.image_count for i in list_ideas(db, idea.workshop_id)] == [1]
    with pytest.raises(NotFound):
        image_bytes(db, first.id)
    with pytest.raises(NotFound):
        remove_image(db, first.id)

    third = add_image(db, idea.id, encoded(halves((90, 90)), "PNG"))
    assert third.position == 2  # after the removed one, so that undo puts it back in its place

    assert restore_image(db, first.id) == first
    assert list_images(db, idea.id) == [first, second, third]
    assert stored(db, first.id).size == (100, 80)


def test_the_list_is_in_order_and_per_idea(
    db: Database, workshop: WorkshopSnapshot, idea: IdeaSnapshot
) -> None:
    other = add_idea(db, workshop.id, "Fikavänner")
    mine = [
        add_image(db, idea.id, encoded(halves((60 + n, 40)), "PNG"), caption=f"Bild {n}") for n in range(3)
    ]
    theirs = add_image(db, other.id, encoded(halves((50, 50)), "PNG"))

    assert list_images(db, idea.id) == mine
    assert [i.position for i in mine] == [0, 1, 2]
    assert list_images(db, other.id) == [theirs]


def test_a_caption_is_cleaned_and_can_be_changed(db: Database, idea: IdeaSnapshot) -> None:
    image = add_image(db, idea.id, encoded(halves((60, 40)), "PNG"), caption="  Lappen \n")
    assert image.caption == "Lappen"

    changed = set_image_caption(db, image.id, " Skiss av surfplattan ")

    assert changed.caption == "Skiss av surfplattan"
    assert list_images(db, idea.id) == [changed]
    with pytest.raises(InvalidInput):
        set_image_caption(db, image.id, "å" * 301)
    assert list_images(db, idea.id) == [changed]


SEEDS = [
    encoded(halves((64, 48)), "JPEG"),
    encoded(halves((64, 48)), "PNG"),
    encoded(halves((64, 48)).convert("P"), "GIF"),
    encoded(halves((64, 48)), "TIFF", compression="tiff_lzw"),
    encoded(halves((64, 48)), "WEBP"),
]


@settings(deadline=None, max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.sampled_from(SEEDS),
    cut=st.integers(min_value=0, max_value=2000),
    changes=st.lists(st.tuples(st.integers(min_value=0, max_value=2000), st.integers(0, 255)), max_size=8),
)
def test_a_damaged_file_is_refused_or_stored_never_a_crash(
    db: Database, idea: IdeaSnapshot, seed: bytes, cut: int, changes: list[tuple[int, int]]
) -> None:
    data = bytearray(seed[: max(1, len(seed) - cut)])
    for at, value in changes:
        data[at % len(data)] = value

    outcome: ImageSnapshot | InvalidInput
    try:
        outcome = add_image(db, idea.id, bytes(data))
    except InvalidInput as refused:
        outcome = refused
    if isinstance(outcome, InvalidInput):
        assert outcome.field == "image"
    else:
        assert stored(db, outcome.id).size == (outcome.width, outcome.height)
