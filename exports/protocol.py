"""The session protocol as a PDF: A4, fonts embedded, pages numbered "n (N)", QR codes to the follow-up.

``write_protocol`` gathers the workshop (``exports.protocol_content``) and draws it with
reportlab's platypus; the file appears whole or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer
from reportlab.platypus import Paragraph as Para
from reportlab.platypus import Table as RTable

from app.settings import Settings, logo_path
from exports.fonts import SANS, SANS_BOLD, printable
from exports.protocol_blocks import FONT, flowables, qr_code
from exports.protocol_content import build_document
from exports.protocol_document import Document, Header, Section
from exports.protocol_files import replacing
from exports.protocol_logo import beside_logo, logo_image
from exports.protocol_progress import Percent
from exports.protocol_styles import (
    BOTTOM,
    CELL,
    FRAME_WIDTH,
    HEADINGS,
    LABEL,
    LEFT,
    MUTED,
    ORGANISATION,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RIGHT,
    RULE,
    TITLE,
    TOP,
    UNIT,
    markup,
)
from models.database import Database

Progress = Callable[[int, int], None]


def _numbered_canvas(document: Document) -> type[Canvas]:
    """A canvas that holds each page back until the last, then prints "n (N)" and the running header."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Not Helvetica: every font in the file is an embedded one.
            super().__init__(*args, **{**kwargs, "initialFontName": SANS})
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                _decorate(self, document, self.getPageNumber(), total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _decorate(canvas: Canvas, document: Document, page: int, pages: int) -> None:
    top = PAGE_HEIGHT - 14 * mm
    label = printable(document.header.page_label.format(page=page, pages=pages))
    canvas.saveState()
    canvas.setFillColor(MUTED)
    canvas.setFont(SANS, 8.5)
    canvas.drawRightString(PAGE_WIDTH - RIGHT, top, label)
    if page == 1:
        canvas.setFont(SANS_BOLD, 8.5)
        kind = printable(document.header.document_kind.upper())
        canvas.drawRightString(PAGE_WIDTH - RIGHT - canvas.stringWidth(label, SANS, 8.5) - 6 * mm, top, kind)
    else:
        room = FRAME_WIDTH - canvas.stringWidth(label, SANS, 8.5) - 8 * mm
        canvas.drawString(LEFT, top, _fit(canvas, printable(document.running_title), room))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(LEFT, top - 3 * mm, PAGE_WIDTH - RIGHT, top - 3 * mm)
    canvas.restoreState()


def _fit(canvas: Canvas, text: str, width: float) -> str:
    if canvas.stringWidth(text, SANS, 8.5) <= width:
        return text
    while text and canvas.stringWidth(text + "…", SANS, 8.5) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _header(header: Header, logo: Path | None = None) -> list[Flowable]:
    names: list[Flowable] = []
    if header.organisation:
        names.append(Para(markup(header.organisation), ORGANISATION))
    if header.unit:
        names.append(Para(markup(header.unit), UNIT))
    image = logo_image(logo)
    story: list[Flowable] = [beside_logo(image, names)] if image is not None else names
    story.append(Spacer(1, 8 * mm))
    story.append(Para(markup(header.title), TITLE))
    facts = [[Para(markup(label), LABEL), Para(markup(value), CELL)] for label, value in header.facts]
    if facts:
        table = RTable(facts, colWidths=[32 * mm, FRAME_WIDTH - 32 * mm], hAlign="LEFT", splitInRow=1)
        table.setStyle(
            [
                FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
        story.append(table)
    story.append(Spacer(1, 4 * mm))
    story.append(qr_code(header.follow_up))
    return story


def _section(section: Section) -> list[Flowable]:
    story: list[Flowable] = [Para(markup(section.title), HEADINGS[min(section.level, 3)])]
    for block in section.blocks:
        story += flowables(block)
    if section.children:
        for flowable in story[1:]:
            flowable.keepWithNext = 1  # an introduction stays with the first part it introduces
    for child in section.children:
        story += _section(child)
    return story


def story(document: Document, logo: Path | None = None) -> list[Flowable]:
    """Everything printed, page one's heading first (with ``logo``, a PNG or JPEG, when given)."""
    found = _header(document.header, logo)
    for section in document.sections:
        found += _section(section)
    return found


def render_pdf(
    document: Document, out: Path, progress: Progress | None = None, logo: Path | None = None
) -> None:
    """Draw ``document`` into ``out``; ``progress(done, total)`` counts the parts of the page flow.

    ``logo`` (a PNG or JPEG) goes top left on page one; one that cannot be read is left out.
    """
    with replacing(out) as temporary:
        template = BaseDocTemplate(
            str(temporary),
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=LEFT,
            rightMargin=RIGHT,
            topMargin=TOP,
            bottomMargin=BOTTOM,
            title=printable(document.metadata_title),
            author=printable(document.metadata_author),
            subject=printable(document.metadata_subject),
            keywords=list(document.keywords),
            creator="Mylla",
            lang=document.lang,
        )
        frame = Frame(LEFT, BOTTOM, FRAME_WIDTH, PAGE_HEIGHT - TOP - BOTTOM, id="body", showBoundary=0)
        template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        flow = story(document, logo)
        if progress is not None:
            template.setProgressCallBack(_flow_progress(progress, len(flow)))
        template.build(flow, canvasmaker=_numbered_canvas(document))


def _flow_progress(progress: Progress, total: int) -> Callable[[str, int], None]:
    """reportlab's progress call (a kind and a count) as ``progress(done, total)``."""

    def told(kind: str, done: int) -> None:
        if kind == "PROGRESS":
            progress(done, total)

    return told


def write_protocol(
    db: Database,
    workshop_id: str,
    out: Path,
    *,
    lang: str,
    follow_up_url: str | None,
    today: date | None = None,
    progress: Progress | None = None,
    logo: Path | None = None,
) -> list[Path]:
    """Write the workshop's protocol to ``out`` (a PDF) and return the files written.

    ``lang`` is sv, nb or en. ``follow_up_url`` is the link template for the QR codes when the
    workshop has no follow-up link of its own (placeholders ``{workshop_id}``, ``{plan_id}``,
    ``{date}``); without either the export is refused (``MissingFollowUpLink``).
    ``progress(done, total)`` is told as the work goes on. ``logo``, the organisation's PNG or
    JPEG, is printed top left on page one; a missing or unreadable one is left out.
    """
    percent = Percent(progress)
    document = build_document(
        db, workshop_id, lang=lang, follow_up_url=follow_up_url, today=today, progress=percent.stage(0, 30)
    )
    render_pdf(document, out, progress=percent.stage(30, 99), logo=logo)
    percent.finished()
    return [out]


def pdf_format(db: Database, workshop_id: str, out: Path, lang: str, follow_up_url: str) -> list[Path]:
    """``write_protocol`` as an export format, with the installation's settings.

    An empty ``follow_up_url`` (none given) falls back to the installation's link template, as
    on the command line; the logo is the one set for the installation.
    """
    settings = Settings()
    link = follow_up_url or str(settings.get("follow_up_url_template"))
    return write_protocol(
        db, workshop_id, out, lang=lang, follow_up_url=link or None, logo=logo_path(settings)
    )
