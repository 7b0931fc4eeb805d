"""The command line as organisers' scripts use it: real processes, real files, exit codes."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def mylla(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_demo_then_list_shows_the_demo_workshop(db_path: Path) -> None:
    created = mylla("--db", str(db_path), "demo")
    assert created.returncode == 0, created.stderr
    workshop_id = created.stdout.strip().splitlines()[-1]
    assert len(workshop_id) == 36

    listed = mylla("--db", str(db_path), "list")
    assert listed.returncode == 0
    assert workshop_id in listed.stdout
    assert "Idéverkstad: Trygg och delaktig hemma" in listed.stdout
    assert "16 idéer" in listed.stdout

    as_json = json.loads(mylla("--db", str(db_path), "list", "--json").stdout)
    assert as_json[0]["id"] == workshop_id
    assert as_json[0]["current_phase"] == "Prickröstning"


def test_demo_size_can_be_chosen(db_path: Path) -> None:
    created = mylla("--db", str(db_path), "demo", "--ideas", "40", "--participants", "7")
    assert created.returncode == 0
    row = json.loads(mylla("--db", str(db_path), "list", "--json").stdout)[0]
    assert (row["ideas"], row["participants"]) == (40, 7)


def test_the_database_can_come_from_the_environment(db_path: Path) -> None:
    assert mylla("demo", env={"MYLLA_DB": str(db_path)}).returncode == 0
    assert db_path.exists()


@pytest.mark.parametrize(
    "args",
    [["bogus"], ["demo", "--ideas", "-3"], ["demo", "--ideas", "many"], ["list", "--colour"]],
)
def test_usage_errors_exit_2_with_one_line(db_path: Path, args: list[str]) -> None:
    result = mylla("--db", str(db_path), *args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("mylla: ")
    assert "Traceback" not in result.stderr


def test_a_file_that_is_not_a_database_is_refused_untouched(db_path: Path) -> None:
    db_path.write_bytes(b"Minnesanteckningar\n" * 100)
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    result = mylla("--db", str(db_path), "list")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"mylla: {db_path} är inte en Mylla-databas (inte en SQLite-fil). Den lämnades orörd."
    ]
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)) == [
        db_path.name
    ]


def test_a_newer_database_is_refused_untouched(db_path: Path) -> None:
    import sqlite3
    from contextlib import closing

    assert mylla("--db", str(db_path), "demo").returncode == 0
    with closing(sqlite3.connect(db_path)) as con:
        con.execute("UPDATE alembic_version SET version_num = '0099'")
        con.commit()
        con.execute("PRAGMA journal_mode = DELETE")
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    result = mylla("--db", str(db_path), "list")
    assert result.returncode == 1
    assert "nyare version av Mylla" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_a_folder_that_cannot_be_created_gives_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = mylla("--db", str(blocker / "mylla.db"), "list")
    assert result.returncode == 1
    assert "kan inte skapas eller öppnas" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
