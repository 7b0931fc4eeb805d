"""The protocol as a neutral document: sections of paragraphs, tables, bars and QR codes.

Built once by ``exports.protocol_content`` (with every privacy rule applied there) and drawn
by the PDF and the Markdown writers alike; every text in it is already in the chosen language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ParagraphStyle = Literal["body", "small", "strong"]


@dataclass(frozen=True)
class Paragraph:
    """Running text; a blank line in ``text`` starts a new paragraph."""

    text: str
    style: ParagraphStyle = "body"


@dataclass(frozen=True)
class Facts:
    """Label and value pairs (a round's rules, a plan's responsible ...); empty values left out."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class BulletList:
    title: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row repeated on each page; ``widths`` are relative, ``numeric`` right-aligns."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    numeric: frozenset[int] = frozenset()
    #: Rows (by index) printed in bold: the ideas going on, a total.
    marked: frozenset[int] = frozenset()
    #: Columns whose cells start with a title line, printed in bold (an idea's title over its text).
    first_line_bold: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Bar:
    rank: str  # "1", "2 =" when shared
    label: str
    value: int
    value_text: str
    marked: bool = False  # goes on (above the line)


@dataclass(frozen=True)
class Bars:
    """A ranking drawn as horizontal bars, longest first; ``note`` says what is left out."""

    header: tuple[str, str, str]  # rank, idea, dots
    bars: tuple[Bar, ...]
    note: str = ""


@dataclass(frozen=True)
class QrCode:
    link: str
    caption: str
    size_mm: float = 24.0


@dataclass(frozen=True)
class Signatures:
    """Blocks of signature lines: each a heading ("Justeras"), a name under the line if known, and labels."""

    blocks: tuple[tuple[str, str], ...]  # (heading, name printed under the line, may be "")
    line_labels: tuple[str, ...]  # "Signature", "Name in print", "Date"


Block = Paragraph | Facts | BulletList | Table | Bars | QrCode | Signatures


@dataclass(frozen=True)
class Section:
    """A heading and its blocks; ``level`` 1 for the protocol's parts, 2 and 3 within them."""

    title: str
    blocks: tuple[Block, ...] = ()
    level: int = 1
    children: tuple[Section, ...] = ()
    #: Left out of the numbering of the protocol's parts (the signatures).
    unnumbered: bool = False


@dataclass(frozen=True)
class Header:
    """Page one's heading: who, what, when, where."""

    document_kind: str  # "Protocol"
    organisation: str
    unit: str
    title: str
    facts: tuple[tuple[str, str], ...]  # date, place, case number, commissioner, facilitator
    follow_up: QrCode
    page_label: str  # "{page} ({pages})" in the chosen language


@dataclass(frozen=True)
class Document:
    lang: str
    header: Header
    sections: tuple[Section, ...]
    #: The running header from page 2: the title and the case number.
    running_title: str
    metadata_title: str
    metadata_author: str
    metadata_subject: str
    keywords: tuple[str, ...] = field(default=())

    def walk(self) -> list[Section]:
        """Every section, depth first, in print order."""
        found: list[Section] = []

        def visit(section: Section) -> None:
            found.append(section)
            for child in section.children:
                visit(child)

        for section in self.sections:
            visit(section)
        return found
