"""Protocol figure: the PDF of a workshop of 300 ideas, 40 participants, 3 rounds and 20 plans.

Against a baseline in the same run: a bare reportlab document (built-in Helvetica, one pass,
no database, room left blank where the QR codes are) with the same tables, rows and texts, and
about the same number of pages (both are printed to stderr).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

IDEAS, PARTICIPANTS, PLANS = 300, 40, 20
TODAY = date(2026, 11, 26)
LINK = "https://intranet.example.se/innovation/uppfoljning/{workshop_id}"


def fill(db: Any) -> str:
    """The demo workshop at 300 ideas (one revealed round), two rounds more and 20 plans with actions."""
    from app.demo import create_demo_workshop
    from app.ideas import list_ideas
    from app.plans import add_action, create_plan, list_plans, update_plan
    from app.voting import cast_ballot, close_round, create_round, open_round
    from app.voting_results import reveal_round
    from app.voting_snapshots import RoundSpec, Voter
    from models.enums import ActionStatus

    workshop_id = create_demo_workshop(db, ideas=IDEAS, participants=PARTICIPANTS)
    ideas = [i.id for i in list_ideas(db, workshop_id)]
    for number, revealed in ((2, True), (3, False)):
        spec = RoundSpec(dots=5, voters_expected=PARTICIPANTS, title=f"Omgång {number}")
        round_id = open_round(db, create_round(db, workshop_id, spec).id).id
        for voter in range(1, PARTICIPANTS + 1):
            chosen = {ideas[(voter * 7 + k * 13 + number) % len(ideas)] for k in range(5)}
            cast_ballot(db, round_id, Voter(number=voter), dict.fromkeys(chosen, 1))
        close_round(db, round_id)
        if revealed:
            reveal_round(db, round_id)
    planned = {p.idea_id for p in list_plans(db, workshop_id, today=TODAY)}
    for idea_id in [i for i in ideas if i not in planned][: PLANS - len(planned)]:
        plan = create_plan(db, idea_id, today=TODAY)
        update_plan(db, plan.id, today=TODAY, concept="Pilot i ett område i sex månader.", responsible="Eva")
        for k in range(5):
            add_action(
                db,
                plan.id,
                f"Insats {k + 1}: förbered, pröva och följ upp",
                owner="Amira Hassan",
                due_on=TODAY + timedelta(days=30 * k),
                status=list(ActionStatus)[k % len(ActionStatus)],
                today=TODAY,
            )
    return workshop_id


def bare_story(document: Any) -> list[Any]:
    """The same tables, rows and texts as plain reportlab flowables in its built-in font."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from exports import protocol_document as d
    from exports.protocol_styles import FRAME_WIDTH, markup

    styles = getSampleStyleSheet()
    # DejaVu runs about a tenth wider than Helvetica and Times: the same lines need larger sizes here.
    body = styles["BodyText"].clone("body", fontName="Helvetica", fontSize=11, leading=14)
    cell = styles["BodyText"].clone("cell", fontSize=9.6, leading=11)
    grid = TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, "grey"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    story: list[Any] = [Spacer(1, 75 * mm)]  # page one's heading, facts and code

    def table(rows: list[tuple[str, ...]], relative: tuple[float, ...]) -> None:
        cells = [[Paragraph(markup(c), cell) for c in row] for row in rows]
        widths = [FRAME_WIDTH * r / sum(relative) for r in relative]
        story.append(Table(cells, colWidths=widths, repeatRows=1, style=grid))

    for section in document.walk():
        story.append(Paragraph(markup(section.title), styles[f"Heading{min(section.level + 1, 4)}"]))
        for block in section.blocks:
            if isinstance(block, d.Table):
                table([block.header, *block.rows], block.widths)
            elif isinstance(block, d.Facts):
                table([r for r in block.rows if r[1].strip()], (1, 2.6))
            elif isinstance(block, d.Bars):
                table([block.header, *((b.rank, b.label, b.value_text) for b in block.bars)], (0.8, 6.2, 4.8))
            elif isinstance(block, d.Paragraph):
                story.append(Paragraph(markup(block.text), body))
            elif isinstance(block, d.BulletList):
                story += [Paragraph(markup(item), body, bulletText="•") for item in block.items]
            elif isinstance(block, d.QrCode):  # the room a code takes, without drawing one
                story.append(Spacer(1, (block.size_mm + 4) * mm))
    return story


def bench_protocol(rounds: int = 5) -> tuple[list[float], list[float]]:
    """Seconds per protocol (gathered from the database and drawn), and per bare document."""
    from reportlab.platypus import SimpleDocTemplate

    from exports.protocol import write_protocol
    from exports.protocol_content import build_document
    from exports.protocol_styles import BOTTOM, LEFT, RIGHT, TOP
    from models.database import open_database

    with tempfile.TemporaryDirectory(prefix="mylla-protocol-") as temp:
        folder = Path(temp)
        db = open_database(folder / "protocol.db")
        workshop_id = fill(db)
        document = build_document(db, workshop_id, lang="sv", follow_up_url=LINK, today=TODAY)

        def ours() -> float:
            start = time.perf_counter()
            write_protocol(db, workshop_id, folder / "ours.pdf", lang="sv", follow_up_url=LINK, today=TODAY)
            return time.perf_counter() - start

        def bare() -> float:
            start = time.perf_counter()
            bare_document = SimpleDocTemplate(
                str(folder / "bare.pdf"),
                leftMargin=LEFT,
                rightMargin=RIGHT,
                topMargin=TOP,
                bottomMargin=BOTTOM,
            )
            bare_document.build(bare_story(document))
            return time.perf_counter() - start

        ours()  # the first run registers the fonts and warms the caches on both sides
        bare()
        mine, base = [], []
        for _ in range(rounds):
            mine.append(ours())
            base.append(bare())
        pages = [_pages(folder / name) for name in ("ours.pdf", "bare.pdf")]
        db.close()
    print(f"protocol: {pages[0]} pages, bare document: {pages[1]} pages", file=sys.stderr)
    return mine, base


def _pages(path: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(path).pages)


if __name__ == "__main__":
    ours_s, bare_s = bench_protocol()
    m, b = statistics.median(ours_s), statistics.median(bare_s)
    print(f"protocol {m * 1000:.0f} ms, bare reportlab {b * 1000:.0f} ms, ratio {m / b:.2f}x")
