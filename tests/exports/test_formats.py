"""Export formats by name: built-in ones, one registered later (as the PDF will be), the file's language."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from app.cli import build_parser
from app.errors import InvalidInput
from app.i18n import _, current_language
from app.workshops import create_workshop, update_workshop
from exports import formats
from exports.formats import export_workshop, format_names, in_language, register_format
from models.database import Database


@pytest.fixture(autouse=True)
def own_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "_registered", {})


def test_the_built_in_formats_are_offered() -> None:
    assert {"json", "csv", "ics", "pdf", "md"} <= set(format_names())


def test_a_registered_writer_is_offered_and_given_what_it_needs(db: Database, tmp_path: Path) -> None:
    workshop_id = create_workshop(db, "Verkstad i Åmål").id
    update_workshop(db, workshop_id, language="en")
    calls: list[tuple[str, Path, str, str, str]] = []

    def write_pdf(db: Database, workshop_id: str, out: Path, lang: str, follow_up_url: str) -> Sequence[Path]:
        calls.append((workshop_id, out, lang, follow_up_url, _("Idea")))
        return [out]

    register_format("pdf", write_pdf)
    assert "pdf" in format_names()
    args = build_parser().parse_args(["export", workshop_id, "--format", "pdf", "--out", "p.pdf"])
    assert args.format_name == "pdf"

    out = tmp_path / "protokoll.pdf"
    assert export_workshop(db, workshop_id, "pdf", out, follow_up_url="https://x.se/{workshop_id}") == [out]
    assert export_workshop(db, workshop_id, "pdf", out, lang="sv") == [out]
    assert calls == [
        # The workshop's language by default; the writer switches to it (the screen's is still Swedish).
        (workshop_id, out, "en", "https://x.se/{workshop_id}", "Idé"),
        (workshop_id, out, "sv", "", "Idé"),
    ]


def test_an_unknown_format_is_refused(db: Database, tmp_path: Path) -> None:
    workshop_id = create_workshop(db, "Verkstad").id
    with pytest.raises(InvalidInput):
        export_workshop(db, workshop_id, "docx", tmp_path / "x.docx")


def test_the_language_of_a_file_is_the_screens_again_afterwards() -> None:
    assert current_language() == "sv"
    with in_language("en"):
        assert _("Idea") == "Idea"
    assert current_language() == "sv"
    with pytest.raises(RuntimeError), in_language("en"):
        raise RuntimeError("the disk went away")
    assert current_language() == "sv"
    with pytest.raises(InvalidInput), in_language("fi"):
        pass
    assert current_language() == "sv"


def test_without_a_link_the_installations_template_is_used(db: Database, tmp_path: Path) -> None:
    from app.settings import Settings

    workshop_id = create_workshop(db, "Verkstad i Åmål").id
    Settings().set("follow_up_url_template", "https://intranat.example.se/uppfoljning/{workshop_id}")
    out = tmp_path / "sammanfattning.md"
    assert export_workshop(db, workshop_id, "md", out, lang="sv") == [out]
    assert f"https://intranat.example.se/uppfoljning/{workshop_id}" in out.read_text(encoding="utf-8")


def test_a_file_written_in_another_thread_leaves_the_windows_language_alone() -> None:
    import threading

    inside = threading.Event()
    leave = threading.Event()
    seen: list[str] = []

    def write() -> None:
        with in_language("en"):
            seen.append(_("Idea"))
            inside.set()
            leave.wait()

    worker = threading.Thread(target=write)
    worker.start()
    inside.wait()
    # While the file is being written in English, the window's texts stay Swedish.
    assert (_("Idea"), current_language()) == ("Idé", "sv")
    leave.set()
    worker.join()
    assert seen == ["Idea"]
