"""The protocol's action table and follow-up log read as sentences an organiser would file."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from app.demo import create_demo_workshop
from exports.protocol import write_protocol
from models.database import Database


def test_an_overdue_action_and_the_follow_up_log_read_plainly(db: Database, tmp_path: Path) -> None:
    workshop_id = create_demo_workshop(db)
    out = tmp_path / "protocol.pdf"
    write_protocol(db, workshop_id, out, lang="en", follow_up_url="https://x.se/{workshop_id}")
    text = " ".join((page.extract_text() or "") for page in PdfReader(out).pages)
    text = " ".join(text.split())
    # The demo always has one action past its due date, and two check-ins with a status each.
    assert "In progress, overdue" in text
    assert "(overdue)" not in text
    assert "Progress (enligt plan): Rutinen är klar" in text
