"""The organisation's logo: chosen once for the installation, printed top left on the protocol's page one."""

from __future__ import annotations

import logging
import re
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from app.errors import InvalidInput
from app.paths import config_dir
from app.settings import Settings, install_logo, logo_path, remove_logo
from app.workshops import create_workshop
from exports.formats import export_workshop
from exports.protocol import pdf_format, write_protocol
from models.database import Database

LINK = "https://intranet.example.se/uppfoljning/{workshop_id}"


@pytest.fixture
def workshop_id(db: Database) -> str:
    return create_workshop(
        db,
        "Idéverkstad om äldres trygghet",
        organisation="Sjöviks kommun",
        unit="Vård- och omsorgsförvaltningen",
        held_on=date(2026, 9, 14),
    ).id


def picture(path: Path, size: tuple[int, int] = (400, 120), mode: str = "RGBA", kind: str = "PNG") -> Path:
    image = Image.new(mode, size, (0, 90, 160, 255) if mode == "RGBA" else (0, 90, 160))
    image.save(path, format=kind)
    return path


def page_one_images(pdf: Path) -> list[pypdf._page.ImageFile]:
    return list(pypdf.PdfReader(pdf).pages[0].images)


def logo_box(pdf: Path) -> tuple[float, float]:
    """The drawn width and height (points) of page one's only image, from its placement matrix."""
    content = pypdf.PdfReader(pdf).pages[0].get_contents()
    assert content is not None
    found = re.findall(rb"([\d.]+) 0 0 ([\d.]+) [\d.\-]+ [\d.\-]+ cm\s*/FormX", content.get_data())
    found += re.findall(rb"([\d.]+) 0 0 ([\d.]+) [\d.\-]+ [\d.\-]+ cm\s*/\w+ Do", content.get_data())
    assert found, "no image placed on page one"
    width, height = found[0]
    return float(width), float(height)


def test_a_protocol_with_a_logo_has_it_on_page_one(db: Database, workshop_id: str, tmp_path: Path) -> None:
    logo = picture(tmp_path / "kommunvapen.png")
    out = tmp_path / "protokoll.pdf"

    write_protocol(db, workshop_id, out, lang="sv", follow_up_url=LINK, logo=logo)

    images = page_one_images(out)
    assert len(images) == 1
    assert images[0].image.size == (400, 120)
    width, height = logo_box(out)
    mm = 72 / 25.4
    assert height <= 18 * mm + 0.01
    assert width / height == pytest.approx(400 / 120, rel=0.01)
    text = re.sub(r"\s+", " ", pypdf.PdfReader(out).pages[0].extract_text())
    assert "Sjöviks kommun" in text
    assert "Vård- och omsorgsförvaltningen" in text
    assert all(not page.images for page in pypdf.PdfReader(out).pages[1:])


def test_a_tall_logo_is_at_most_18_mm_high(db: Database, workshop_id: str, tmp_path: Path) -> None:
    logo = picture(tmp_path / "vapen.jpg", size=(300, 900), mode="RGB", kind="JPEG")
    out = tmp_path / "protokoll.pdf"

    write_protocol(db, workshop_id, out, lang="sv", follow_up_url=LINK, logo=logo)

    width, height = logo_box(out)
    assert height == pytest.approx(18 * 72 / 25.4, rel=0.01)
    assert width == pytest.approx(height / 3, rel=0.01)


@pytest.mark.parametrize("mode", ["P", "LA", "I;16", "CMYK", "L"])
def test_a_logo_of_any_png_or_jpeg_kind_prints(
    db: Database, workshop_id: str, tmp_path: Path, mode: str
) -> None:
    image = Image.new(mode, (200, 100))
    if mode == "P":
        image.info["transparency"] = 0
    logo = tmp_path / ("logo.jpg" if mode == "CMYK" else "logo.png")
    image.save(logo)
    out = tmp_path / "protokoll.pdf"

    write_protocol(db, workshop_id, out, lang="sv", follow_up_url=LINK, logo=logo)

    assert len(page_one_images(out)) == 1


def test_without_a_logo_page_one_has_no_picture(db: Database, workshop_id: str, tmp_path: Path) -> None:
    out = tmp_path / "protokoll.pdf"

    write_protocol(db, workshop_id, out, lang="sv", follow_up_url=LINK)

    assert page_one_images(out) == []
    assert "Sjöviks kommun" in pypdf.PdfReader(out).pages[0].extract_text()


@pytest.mark.parametrize(
    "content", [b"", b"not a picture at all", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00"]
)
def test_a_broken_logo_is_left_out_and_logged(
    db: Database, workshop_id: str, tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    broken = tmp_path / "logo.png"
    broken.write_bytes(content)
    out = tmp_path / "protokoll.pdf"

    with caplog.at_level(logging.WARNING):
        assert write_protocol(db, workshop_id, out, lang="sv", follow_up_url=LINK, logo=broken) == [out]

    assert page_one_images(out) == []
    assert "Sjöviks kommun" in pypdf.PdfReader(out).pages[0].extract_text()
    assert any("logo.png" in record.getMessage() for record in caplog.records)


def test_a_missing_logo_is_left_out(db: Database, workshop_id: str, tmp_path: Path) -> None:
    out = tmp_path / "protokoll.pdf"

    write_protocol(db, workshop_id, out, lang="sv", follow_up_url=LINK, logo=tmp_path / "gone.png")

    assert page_one_images(out) == []


def test_the_pdf_format_prints_the_installations_logo_and_link(
    db: Database, workshop_id: str, tmp_path: Path
) -> None:
    # GIVEN a logo and a link template set for the installation, and a workshop without its own link
    install_logo(picture(tmp_path / "kommunvapen.png"))
    Settings().set("follow_up_url_template", LINK)
    out = tmp_path / "protokoll.pdf"

    # WHEN the protocol is exported without a link given
    export_workshop(db, workshop_id, "pdf", out, lang="sv")

    # THEN it carries the logo, and its QR code's link is the template filled in
    assert len(page_one_images(out)) == 1
    text = re.sub(r"\s+", "", pypdf.PdfReader(out).pages[0].extract_text())
    assert f"https://intranet.example.se/uppfoljning/{workshop_id}" in text


def test_a_logo_set_but_since_deleted_leaves_the_export_working(
    db: Database, workshop_id: str, tmp_path: Path
) -> None:
    copy = install_logo(picture(tmp_path / "kommunvapen.png"))
    copy.unlink()
    out = tmp_path / "protokoll.pdf"

    assert pdf_format(db, workshop_id, out, "sv", LINK) == [out]

    assert page_one_images(out) == []


def test_installing_a_logo_copies_it_into_the_config_folder(tmp_path: Path) -> None:
    chosen = picture(tmp_path / "Kommunvapen Sjövik.png")

    copy = install_logo(chosen)
    chosen.unlink()  # the protocol keeps its logo when the chosen file is moved away

    assert copy == config_dir() / "logo.png"
    assert Settings().get("logo") == "logo.png"
    assert logo_path() == copy
    with Image.open(copy) as image:
        assert image.size == (400, 120)


def test_a_jpeg_logo_replaces_a_png_one(tmp_path: Path) -> None:
    install_logo(picture(tmp_path / "a.png"))

    copy = install_logo(picture(tmp_path / "b.jpeg", mode="RGB", kind="JPEG"))

    assert copy.name == "logo.jpg"
    assert logo_path() == copy
    assert not (config_dir() / "logo.png").exists()


def test_removing_the_logo_deletes_its_copy(tmp_path: Path) -> None:
    copy = install_logo(picture(tmp_path / "a.png"))

    remove_logo()

    assert logo_path() is None
    assert Settings().get("logo") == ""
    assert not copy.exists()


@pytest.mark.parametrize(
    ("name", "write"),
    [
        ("logo.png", lambda p: p.write_text("hej", encoding="utf-8")),
        ("logo.gif", lambda p: Image.new("RGB", (10, 10)).save(p, format="GIF")),
        ("logo.png", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)),
    ],
)
def test_a_file_that_is_no_png_or_jpeg_is_refused(tmp_path: Path, name: str, write: object) -> None:
    path = tmp_path / name
    assert callable(write)
    write(path)

    with pytest.raises(InvalidInput, match="PNG- eller JPEG-bild"):
        install_logo(path)

    assert Settings().get("logo") == ""
    assert not (config_dir() / "logo.png").exists()


def test_a_file_that_is_not_there_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        install_logo(tmp_path / "saknas.png")
    assert logo_path() is None
