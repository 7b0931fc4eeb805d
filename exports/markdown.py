"""The session protocol as a Markdown summary, from the same document as the PDF (same privacy rules)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from exports.protocol_content import build_document
from exports.protocol_document import (
    Bars,
    Block,
    BulletList,
    Document,
    Facts,
    Paragraph,
    QrCode,
    Section,
    Signatures,
    Table,
)
from exports.protocol_files import replacing
from exports.protocol_progress import Percent
from models.database import Database

Progress = Callable[[int, int], None]
#: The longest bar of a ranking, in block characters.
BAR_WIDTH = 20
_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START = re.compile(r"^(\s*)([#+\-=]|\d+[.)])(?=\s|$)", re.MULTILINE)


def escape_inline(text: str) -> str:
    """Text inside a line (a heading, a cell) without stray emphasis, links or HTML."""
    return _SPECIAL.sub(r"\\\1", text.replace("\r\n", "\n"))


def escape(text: str) -> str:
    """Text that Markdown prints as typed: no stray emphasis, links, headings or list items."""
    return _LINE_START.sub(_escape_start, escape_inline(text))


def _escape_start(match: re.Match[str]) -> str:
    indent, mark = match.group(1), match.group(2)
    if mark[0].isdigit():  # "3." is a list item, "3\." is not; a backslash before a digit is no escape
        return f"{indent}{mark[:-1]}\\{mark[-1]}"
    return f"{indent}\\{mark}"


def _cell(text: str, first_bold: bool = False) -> str:
    lines = [escape_inline(line) for line in text.strip().split("\n")]
    if first_bold and lines[0]:
        lines[0] = f"**{lines[0]}**"
    return "<br>".join(lines)


def _table(block: Table) -> list[str]:
    align = ["---:" if n in block.numeric else "---" for n in range(len(block.header))]
    lines = ["| " + " | ".join(_cell(h) for h in block.header) + " |", "| " + " | ".join(align) + " |"]
    for n, row in enumerate(block.rows):
        cells = [_cell(c, c_n in block.first_line_bold) for c_n, c in enumerate(row)]
        if n in block.marked:
            cells = [_bold(c) for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _bold(text: str) -> str:
    return f"**{text}**" if text else text


def _paragraphs(text: str, wrap: Callable[[str], str] = lambda t: t) -> list[str]:
    out: list[str] = []
    for part in text.replace("\r\n", "\n").split("\n\n"):
        if part.strip():
            out += [wrap(escape(part.strip()).replace("\n", "  \n")), ""]
    return out


def block_lines(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        if block.style == "strong":
            return _paragraphs(block.text, _bold)
        if block.style == "small":
            return _paragraphs(block.text, lambda t: f"*{t}*")
        return _paragraphs(block.text)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Facts):
        lines = []
        for label, value in block.rows:
            if value.strip():
                text = escape(value.strip()).replace("\n", "  \n  ")
                lines.append(f"- **{escape(label)}:** {text}")
        return [*lines, ""] if lines else []
    if isinstance(block, Bars):
        largest = max((b.value for b in block.bars), default=1) or 1
        rows = []
        for bar in block.bars:
            drawn = "█" * max(1, round(BAR_WIDTH * bar.value / largest))
            label = _cell(bar.label)
            rows.append(
                (
                    escape_inline(bar.rank),
                    _bold(label) if bar.marked else label,
                    f"`{drawn}` {_cell(bar.value_text)}",
                )
            )
        header = tuple(_cell(h) for h in block.header)
        lines = ["| " + " | ".join(header) + " |", "| ---: | --- | --- |"]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return [*lines, "", *(_paragraphs(block.note, lambda t: f"*{t}*") if block.note else [])]
    if isinstance(block, BulletList):
        items = [f"- {escape(item.strip()).replace(chr(10), '  ' + chr(10) + '  ')}" for item in block.items]
        return [f"**{escape(block.title)}**", "", *items, ""]
    if isinstance(block, QrCode):
        return [f"{escape(block.caption)} <{block.link}>", ""]
    return _signatures(block)


def _signatures(block: Signatures) -> list[str]:
    lines: list[str] = []
    for heading, name in block.blocks:
        lines += [f"**{escape(heading)}**", ""]
        for n, label in enumerate(block.line_labels):
            filled = escape(name) if n == 1 and name else "_" * 30
            lines += [f"{escape(label)}: {filled}", ""]
    return lines


def section_lines(section: Section) -> list[str]:
    lines = ["#" * (section.level + 1) + " " + escape_inline(section.title), ""]
    for block in section.blocks:
        lines += block_lines(block)
    for child in section.children:
        lines += section_lines(child)
    return lines


def render_markdown(document: Document) -> str:
    h = document.header
    lines = [f"# {escape_inline(h.title)}", ""]
    who = " · ".join(escape(x) for x in (h.organisation, h.unit) if x)
    if who:
        lines += [f"**{escape(h.document_kind)}** · {who}", ""]
    lines += block_lines(Facts(h.facts))
    lines += block_lines(h.follow_up)
    for section in document.sections:
        lines += section_lines(section)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def write_markdown(
    db: Database,
    workshop_id: str,
    out: Path,
    *,
    lang: str,
    follow_up_url: str | None,
    today: date | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write the workshop's summary in Markdown (UTF-8) to ``out``; as ``write_protocol`` otherwise."""
    percent = Percent(progress)
    document = build_document(
        db, workshop_id, lang=lang, follow_up_url=follow_up_url, today=today, progress=percent.stage(0, 95)
    )
    text = render_markdown(document)
    with replacing(out) as temporary:
        temporary.write_text(text, encoding="utf-8", newline="\n")
    percent.finished()
    return [out]


def markdown_format(db: Database, workshop_id: str, out: Path, lang: str, follow_up_url: str) -> list[Path]:
    """``write_markdown`` as an export format (``exports.formats``: an empty link means none given)."""
    return write_markdown(db, workshop_id, out, lang=lang, follow_up_url=follow_up_url or None)
