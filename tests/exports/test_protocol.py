"""The protocol PDF read back: header, numbering, letters, §, privacy, metadata, fonts, QR codes."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import Image

from app.errors import InvalidInput, NotFound
from app.ideas import add_idea
from app.workshops import create_workshop, update_workshop
from exports.links import MissingFollowUpLink
from exports.protocol import pdf_format, write_protocol
from exports.protocol_words import Words
from models.database import Database
from tests.exports import protocol_workshop as fx
from tests.exports.protocol_workshop import ProtocolWorkshop


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProtocolWorkshop]:
    made = fx.build(tmp_path_factory.mktemp("protocol") / "mylla.db")
    yield made
    made.db.close()


@pytest.fixture(scope="module")
def pdf(built: ProtocolWorkshop, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "protokoll.pdf"
    assert write_protocol(
        built.db, built.workshop_id, out, lang="sv", follow_up_url=fx.TEMPLATE, today=fx.TODAY
    ) == [out]
    return out


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def flat(path: Path) -> str:
    """The whole text on one line, so that wrapped phrases can be searched for."""
    return re.sub(r"\s+", " ", " ".join(page_texts(path)))


def test_page_one_has_the_header(pdf: Path) -> None:
    w = Words("sv")
    first = re.sub(r"\s+", " ", page_texts(pdf)[0])
    for value in (
        "Sjöviks kommun",
        "Vård- och omsorgsförvaltningen",
        "Idéverkstad: Trygg hemma på Ærøskøbing gård",
        f"{w._('Date')} 2026-09-14",
        f"{w._('Place')} Medborgarhuset, Sjövik",
        f"{w._('Case number')} VON 2026/0142",
        f"{w._('Commissioner')} Vård- och omsorgsnämnden",
        f"{w._('Facilitator')} Karin Lindqvist",
        w._("Protocol").upper(),
    ):
        assert value in first


def test_every_page_is_numbered_n_of_all(pdf: Path) -> None:
    texts = page_texts(pdf)
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert f"{number} ({len(texts)})" in text


def test_pages_after_the_first_carry_the_title_and_case_number(pdf: Path) -> None:
    texts = page_texts(pdf)
    running = "Idéverkstad: Trygg hemma på Ærøskøbing gård · VON 2026/0142"
    assert running not in texts[0]
    assert all(running in text for text in texts[1:])


def test_nordic_letters_come_out_as_letters(pdf: Path) -> None:
    text = flat(pdf)
    for letter in "åäöæøÅÄÖÆØ":
        assert letter in text
    assert fx.CONSENTED in text


def test_fonts_are_embedded(pdf: Path) -> None:
    reader = pypdf.PdfReader(pdf)
    fonts = {}
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for ref in resources["/Font"].get_object().values():
            font = ref.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:  # a Type0 font keeps its descriptor in its descendant
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object(), name
        assert "DejaVu" in str(name)


def test_decisions_are_numbered_with_paragraph_signs(pdf: Path) -> None:
    text = flat(pdf)
    first = text.index("§ 1 Fast omsorgskontakt")
    second = text.index("§ 2 Veckoschema med foto")
    assert first < second
    assert "VON 2026-10-02 § 27" in text


def test_no_name_without_consent_and_no_giver_of_an_anonymous_idea(pdf: Path) -> None:
    text = flat(pdf)
    for part in (*fx.SECRET.split(), *fx.SECRET_REVIEWER.split()):
        assert part not in text
    w = Words("sv")
    assert f"{fx.ANONYMOUS_TITLE} {w._('Anonymous')}" in text
    # The giver who did not consent is known by role and organisation only.
    assert "Veckoschema med foto Medarbetare, Biståndsenheten" in text


def test_a_round_never_revealed_has_no_counts(pdf: Path) -> None:
    w = Words("sv")
    text = flat(pdf)
    start = text.index(w._("Round {n}").format(n=2))
    end = text.index(w._("Shortlist"), start)
    section = text[start:end]
    not_revealed = w._(
        "Not revealed. The results of this round were never shown, so the protocol holds no counts from it."
    )
    assert not_revealed in section
    assert str(fx.UNREVEALED_BALLOTS) not in section
    ballots = w.ngettext("{n} ballot was cast.", "{n} ballots were cast.", 2).split("{n}")[1].strip()
    assert ballots not in section
    assert w._("Dots") not in section.replace(w._("Dots per voter"), "")


def test_the_revealed_round_shows_its_ranking_and_the_tie(pdf: Path) -> None:
    w = Words("sv")
    text = flat(pdf)
    assert w.ngettext("{n} ballot was cast.", "{n} ballots were cast.", 4).format(n=4) in text
    assert "2 = 2. Veckoschema med foto 2" in text
    assert "Gruppen valde den som kan prövas först." in text


def test_metadata_says_title_author_subject_and_language(pdf: Path) -> None:
    reader = pypdf.PdfReader(pdf)
    w = Words("sv")
    assert reader.metadata is not None
    assert reader.metadata.title == f"{w._('Protocol')}: Idéverkstad: Trygg hemma på Ærøskøbing gård"
    assert reader.metadata.author == "Sjöviks kommun"
    assert reader.metadata.subject == w._("Protocol of a co-creation workshop")
    assert reader.trailer["/Root"]["/Lang"] == "sv"


def decoded(path: Path, folder: Path) -> list[str]:
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(path), str(folder / "page")], check=True)
    found = []
    for image in sorted(folder.glob("page-*.png")):
        with Image.open(image) as picture:
            codes = zxingcpp.read_barcodes(picture, formats=zxingcpp.BarcodeFormat.QRCode, try_rotate=False)
            found += [code.text for code in codes]
    return found


def test_each_qr_code_decodes_to_its_link_from_a_150_dpi_render(
    pdf: Path, built: ProtocolWorkshop, tmp_path: Path
) -> None:
    workshop_link = fx.TEMPLATE.format(workshop_id=built.workshop_id)
    expected = [workshop_link] + [f"{workshop_link}?plan={plan_id}" for plan_id in built.plan_ids]
    assert sorted(decoded(pdf, tmp_path)) == sorted(expected)
    text = flat(pdf)
    assert workshop_link in text  # printed under the code on page one
    assert workshop_link in re.sub(r"\s+", " ", page_texts(pdf)[0])


def test_the_workshops_own_link_wins_and_fills_every_placeholder(
    built: ProtocolWorkshop, tmp_path: Path
) -> None:
    own = "https://kommun.example.no/oppfolging/{workshop_id}/plan/{plan_id}?dato={date}"
    update_workshop(built.db, built.workshop_id, follow_up_url=own)
    try:
        out = tmp_path / "own.pdf"
        write_protocol(built.db, built.workshop_id, out, lang="nb", follow_up_url=fx.TEMPLATE, today=fx.TODAY)
    finally:
        update_workshop(built.db, built.workshop_id, follow_up_url="")
    base = f"https://kommun.example.no/oppfolging/{built.workshop_id}/plan/"
    expected = [f"{base}?dato=2026-09-14"] + [f"{base}{p}?dato=2026-09-14" for p in built.plan_ids]
    assert sorted(decoded(out, tmp_path)) == sorted(expected)


def test_without_any_link_the_export_is_refused_and_an_old_file_kept(
    built: ProtocolWorkshop, tmp_path: Path
) -> None:
    out = tmp_path / "protokoll.pdf"
    out.write_bytes(b"the earlier protocol")
    with pytest.raises(MissingFollowUpLink) as refused:
        write_protocol(built.db, built.workshop_id, out, lang="sv", follow_up_url=None)
    assert "--follow-up-url" in refused.value.message
    assert out.read_bytes() == b"the earlier protocol"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["protokoll.pdf"]


@pytest.mark.parametrize(
    "template",
    [
        "https://intranet.example.se/{workshop}",
        "https://intranet.example.se/{workshop_id!r}",
        "https://intranet.example.se/{workshop_id",
        "ftp://intranet.example.se/{workshop_id}",
        "intranet.example.se/{workshop_id}",
        "https://intranet.example.se/uppföljning med mellanslag",
    ],
)
def test_a_link_template_that_cannot_work_is_refused(
    built: ProtocolWorkshop, tmp_path: Path, template: str
) -> None:
    out = tmp_path / "protokoll.pdf"
    with pytest.raises(InvalidInput) as refused:
        write_protocol(built.db, built.workshop_id, out, lang="sv", follow_up_url=template)
    assert refused.value.field == "follow_up_url"
    assert not out.exists()


def test_an_unknown_language_is_refused(built: ProtocolWorkshop, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as refused:
        write_protocol(built.db, built.workshop_id, tmp_path / "p.pdf", lang="de", follow_up_url=fx.TEMPLATE)
    assert refused.value.field == "lang"


@pytest.mark.parametrize(("lang", "written"), [("nb", "14.09.2026"), ("en", "Sep 14, 2026")])
def test_other_languages_write_dates_their_way(
    built: ProtocolWorkshop, tmp_path: Path, lang: str, written: str
) -> None:
    out = tmp_path / f"protocol-{lang}.pdf"
    write_protocol(built.db, built.workshop_id, out, lang=lang, follow_up_url=fx.TEMPLATE, today=fx.TODAY)
    assert written in page_texts(out)[0]
    assert pypdf.PdfReader(out).trailer["/Root"]["/Lang"] == lang
    assert Words(lang)._("Protocol").upper() in page_texts(out)[0]


def test_progress_is_told_until_done(built: ProtocolWorkshop, tmp_path: Path) -> None:
    told: list[tuple[int, int]] = []
    write_protocol(
        built.db,
        built.workshop_id,
        tmp_path / "p.pdf",
        lang="sv",
        follow_up_url=fx.TEMPLATE,
        progress=lambda done, total: told.append((done, total)),
    )
    done = [d for d, _total in told]
    assert {total for _done, total in told} == {100}
    assert done == sorted(set(done))  # in percent, each told once, never backwards
    assert done[-1] == 100
    assert sum(1 for d in done if 30 < d < 100) > 5  # drawing the pages is told as it goes


def test_as_an_export_format_an_empty_link_means_none_given(built: ProtocolWorkshop, tmp_path: Path) -> None:
    out = tmp_path / "protokoll.pdf"
    with pytest.raises(MissingFollowUpLink):
        pdf_format(built.db, built.workshop_id, out, "sv", "")
    assert not out.exists()


def test_a_link_too_long_for_a_qr_code_is_refused(built: ProtocolWorkshop, tmp_path: Path) -> None:
    template = "https://intranet.example.se/" + "{workshop_id}/" * 60
    with pytest.raises(InvalidInput) as refused:
        write_protocol(built.db, built.workshop_id, tmp_path / "p.pdf", lang="sv", follow_up_url=template)
    assert "QR" in refused.value.message


def test_an_idea_longer_than_a_page_goes_on_over_the_page_break(db: Database, tmp_path: Path) -> None:
    w = create_workshop(db, "Verkstad", organisation="Sjöviks kommun")
    story = "\n".join(
        f"Stycke {n}: hemtjänsten kommer, dricker kaffe och går vidare till nästa." for n in range(150)
    )
    add_idea(db, w.id, "En lång berättelse", text=story)
    out = tmp_path / "p.pdf"
    write_protocol(db, w.id, out, lang="sv", follow_up_url=fx.TEMPLATE)
    pages = page_texts(out)
    assert len(pages) >= 3
    text = flat(out)
    assert "Stycke 0:" in text
    assert "Stycke 149: hemtjänsten kommer" in text


def test_a_workshop_that_is_not_there_is_refused(built: ProtocolWorkshop, tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    with pytest.raises(NotFound):
        write_protocol(built.db, "no-such-workshop", out, lang="sv", follow_up_url=fx.TEMPLATE)
    assert list(tmp_path.iterdir()) == []
