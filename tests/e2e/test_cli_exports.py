"""``mylla export`` and ``mylla import`` as organisers' scripts run them: real processes and files."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from app.demo import create_demo_workshop
from models.database import open_database
from tests.e2e.test_cli import mylla


def demo(path: Path) -> str:
    """A demo workshop made in this process (quicker than a process of its own); its id."""
    db = open_database(path)
    try:
        return create_demo_workshop(db, ideas=12)
    finally:
        db.close()


def test_export_then_import_elsewhere_then_again_updates(tmp_path: Path) -> None:
    here, there = tmp_path / "here.db", tmp_path / "there.db"
    workshop_id = demo(here)
    package = tmp_path / "verkstad.json"

    exported = mylla("--db", str(here), "export", workshop_id, "--format", "json", "--out", str(package))
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.strip().splitlines() == [str(package)]
    assert json.loads(package.read_text(encoding="utf-8"))["workshop"]["id"] == workshop_id

    first = mylla("--db", str(there), "import", str(package))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip().splitlines()[-1] == workshop_id
    second = mylla("--db", str(there), "import", str(package))
    assert second.returncode == 0, second.stderr
    lines = second.stdout.strip().splitlines()
    assert lines[-1] == workshop_id
    assert lines[0] != first.stdout.strip().splitlines()[0]  # says it updated, not imported

    with closing(sqlite3.connect(there)) as con:
        assert con.execute("SELECT id FROM workshop").fetchall() == [(workshop_id,)]
        assert con.execute("SELECT count(*) FROM idea").fetchone() == (12,)


def test_csv_export_prints_both_files_and_refusals_are_one_line(tmp_path: Path) -> None:
    db = tmp_path / "mylla.db"
    workshop_id = demo(db)
    out = tmp_path / "verkstad.csv"
    written = mylla(
        "--db", str(db), "export", workshop_id, "--format", "csv", "--out", str(out), "--lang", "en"
    )
    assert written.returncode == 0, written.stderr
    assert written.stdout.strip().splitlines() == [str(out), str(tmp_path / "verkstad-actions.csv")]
    assert out.read_bytes().startswith(b"\xef\xbb\xbfIdea,")

    not_a_format = mylla("--db", str(db), "export", workshop_id, "--format", "docx", "--out", str(out))
    assert not_a_format.returncode == 2
    assert len(not_a_format.stderr.strip().splitlines()) == 1

    refused = mylla("--db", str(db), "import", str(out))
    assert refused.returncode == 1
    assert refused.stderr.startswith("mylla: ")
    assert len(refused.stderr.strip().splitlines()) == 1
    assert "Traceback" not in refused.stderr


def test_the_protocol_takes_the_installations_link_or_says_which_option_to_give(
    tmp_path: Path, mylla_home: Path
) -> None:
    from app.settings import Settings

    db = tmp_path / "mylla.db"
    workshop_id = demo(db)
    out = tmp_path / "protokoll.pdf"
    refused = mylla("--db", str(db), "export", workshop_id, "--format", "pdf", "--out", str(out))
    assert refused.returncode == 1
    assert "--follow-up-url" in refused.stderr
    assert not out.exists()

    Settings().set("follow_up_url_template", "https://intranat.example.se/uppfoljning/{workshop_id}")
    written = mylla("--db", str(db), "export", workshop_id, "--format", "pdf", "--out", str(out))
    assert written.returncode == 0, written.stderr
    assert written.stdout.strip().splitlines() == [str(out)]
    assert out.read_bytes().startswith(b"%PDF")
