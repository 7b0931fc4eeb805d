"""The Markdown summary: the same protocol as the PDF, as text that prints as typed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.ideas import add_idea
from exports.links import MissingFollowUpLink
from exports.markdown import escape, markdown_format, write_markdown
from exports.protocol_words import Words
from tests.exports import protocol_workshop as fx
from tests.exports.protocol_workshop import ProtocolWorkshop

ODD_TITLE = "Kaffe | te *gratis* [länk](x) <b>_fet_</b>"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProtocolWorkshop]:
    made = fx.build(tmp_path_factory.mktemp("markdown") / "mylla.db")
    add_idea(made.db, made.workshop_id, ODD_TITLE, text="1. inte en lista\n# inte en rubrik")
    yield made
    made.db.close()


@pytest.fixture(scope="module")
def text(built: ProtocolWorkshop, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("md") / "protokoll.md"
    assert write_markdown(
        built.db, built.workshop_id, out, lang="sv", follow_up_url=fx.TEMPLATE, today=fx.TODAY
    ) == [out]
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" not in raw
    return raw.decode("utf-8")


def test_the_title_and_the_header_come_first(text: str) -> None:
    w = Words("sv")
    lines = text.splitlines()
    assert lines[0] == "# Idéverkstad: Trygg hemma på Ærøskøbing gård"
    assert f"- **{w._('Date')}:** 2026-09-14" in lines
    assert f"- **{w._('Case number')}:** VON 2026/0142" in lines
    assert f"- **{w._('Commissioner')}:** Vård- och omsorgsnämnden" in lines
    assert text.endswith("\n")
    assert not text.endswith("\n\n")


def test_the_parts_are_numbered_headings(text: str) -> None:
    w = Words("sv")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[0] == f"## 1. {w._('Participants')}"
    assert headings[-1] == f"## {w._('Signatures')}"
    numbers = [int(h[3:].split(".")[0]) for h in headings[:-1]]
    assert numbers == list(range(1, len(numbers) + 1))


def test_decisions_keep_their_paragraph_numbers(text: str) -> None:
    assert text.index("### § 1 Fast omsorgskontakt") < text.index("### § 2 Veckoschema med foto")


def test_the_follow_up_links_are_there(text: str, built: ProtocolWorkshop) -> None:
    link = fx.TEMPLATE.format(workshop_id=built.workshop_id)
    assert f"<{link}>" in text
    for plan_id in built.plan_ids:
        assert f"<{link}?plan={plan_id}>" in text


def test_no_name_without_consent(text: str) -> None:
    for part in (*fx.SECRET.split(), *fx.SECRET_REVIEWER.split()):
        assert part not in text
    assert fx.CONSENTED in text


def test_a_round_never_revealed_has_no_counts(text: str) -> None:
    w = Words("sv")
    start = text.index("### " + w._("Round {n}").format(n=2))
    section = text[start : text.index("\n## ", start)]
    assert str(fx.UNREVEALED_BALLOTS) not in section
    assert "█" not in section
    not_revealed = w._(
        "Not revealed. The results of this round were never shown, so the protocol holds no counts from it."
    )
    assert f"**{not_revealed}**" in section


def test_the_revealed_ranking_is_drawn_with_bars(text: str) -> None:
    rows = [line for line in text.splitlines() if "█" in line]
    assert rows[0] == "| 1 | **1. Fast omsorgskontakt** | `" + "█" * 20 + "` 3 |"
    assert any(row.startswith("| 2 = |") for row in rows)


def test_what_people_typed_prints_as_typed(text: str) -> None:
    assert escape(ODD_TITLE) in text
    row = next(line for line in text.splitlines() if "Kaffe" in line)
    # Every table row has as many cell borders as its header: no "|" of the title splits a cell.
    header = next(line for line in text.splitlines() if line.startswith("| ") and "Idé" in line)
    assert len(re.findall(r"(?<!\\)\|", row)) == len(re.findall(r"(?<!\\)\|", header))
    # Inside a cell a line start means nothing: the text stays as typed.
    assert "<br>1. inte en lista<br># inte en rubrik |" in row


def test_escaping_keeps_ordinary_text(text: str) -> None:
    assert escape("21.07.2026 kl. 10-12, 3 + 4") == "21.07.2026 kl. 10-12, 3 + 4"
    assert escape("- punkt\n# rubrik\n3. tredje") == "\\- punkt\n\\# rubrik\n3\\. tredje"


def test_without_any_link_nothing_is_written(built: ProtocolWorkshop, tmp_path: Path) -> None:
    out = tmp_path / "protokoll.md"
    with pytest.raises(MissingFollowUpLink):
        write_markdown(built.db, built.workshop_id, out, lang="en", follow_up_url=None)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_as_an_export_format_an_empty_link_means_none_given(built: ProtocolWorkshop, tmp_path: Path) -> None:
    out = tmp_path / "protokoll.md"
    with pytest.raises(MissingFollowUpLink):
        markdown_format(built.db, built.workshop_id, out, "sv", "")
    assert markdown_format(built.db, built.workshop_id, out, "en", fx.TEMPLATE) == [out]
    assert out.read_text(encoding="utf-8").startswith("# Idéverkstad")


def test_progress_is_told_in_percent(built: ProtocolWorkshop, tmp_path: Path) -> None:
    told: list[tuple[int, int]] = []
    write_markdown(
        built.db,
        built.workshop_id,
        tmp_path / "p.md",
        lang="sv",
        follow_up_url=fx.TEMPLATE,
        progress=lambda d, t: told.append((d, t)),
    )
    assert told[-1] == (100, 100)
    assert [d for d, _t in told] == sorted({d for d, _t in told})
