"""The workshop package: what it holds, export -> import -> export gives the same bytes, re-import updates."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from app.ideas import add_idea, list_ideas
from app.images import image_bytes
from app.voting import list_rounds
from app.voting_results import results
from app.workshops import create_workshop, list_workshops
from exports.package import export_package, package_of, package_text
from exports.package_import import import_package
from exports.package_layout import PARTS, WORKSHOP, all_parts
from exports.package_schema import SCHEMA_PATH, package_schema, schema_text
from models.base import Base
from models.database import Database, open_database
from tests.app.voting_setup import fresh_database
from tests.exports.package_workshops import Recipe, built_file

FULL = Recipe(
    title="Idéverkstad: Trygg hemma i Åre",
    people=5,
    named=3,
    themes=("Kontinuitet", "Gemenskap"),
    ideas=("Fast kontaktperson", "Fika på biblioteket", "Trygghetslarm", "Måltidsvän", "Öppet hus"),
    rounds=((3, True, True), (2, False, False)),
    plans=2,
    picture=True,
    merge=True,
    seed=7,
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, str]:
    return built_file(tmp_path_factory.mktemp("full"), FULL)


@pytest.fixture
def db(built: tuple[bytes, str], db_path: Path) -> Iterator[Database]:
    db_path.write_bytes(built[0])
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def workshop_id(built: tuple[bytes, str]) -> str:
    return built[1]


def exported(db: Database, workshop_id: str) -> str:
    return package_text(package_of(db, workshop_id))


def test_the_package_holds_the_contract_keys(db: Database, workshop_id: str) -> None:
    package = json.loads(exported(db, workshop_id))
    assert (package["format"], package["version"]) == ("mylla.workshop", 1)
    assert package["workshop"]["id"] == workshop_id
    live = {i.id: i.title for i in list_ideas(db, workshop_id)}
    in_package = {i["id"]: i["title"] for i in package["ideas"]}
    assert live.items() <= in_package.items()
    assert any(i["deleted_at"] is not None or i["merged_into_id"] for i in package["ideas"])
    rounds = {r.id: r for r in list_rounds(db, workshop_id)}
    assert len(package["voting_rounds"]) == len(rounds) == 2
    for item in package["voting_rounds"]:
        assert item["rules"]["dots_per_participant"] == 2
        assert item["rules"]["anonymous"] is True
        assert set(item["rules"]["eligible_idea_ids"]) == set(rounds[item["id"]].eligible_ids)
        if item["state"] == "revealed":
            expected = {
                r.idea_id: (r.booth_dots, r.paper_dots, r.rank) for r in results(db, item["id"]).ideas
            }
            assert {r["idea_id"]: (r["booth_dots"], r["paper_dots"], r["rank"]) for r in item["results"]} == (
                expected
            )
        else:
            assert "results" not in item
        for ballot in item["ballots"]:
            assert set(ballot) == {"id", "participant_id", "source", "votes"}
    assert len(package["plans"]) == 2
    assert all(plan["actions"] for plan in package["plans"])
    assert {d["number"] for d in package["decisions"]} == {1, 2}
    assert all(d["allocations"][0]["amount"] == "125000.50" for d in package["decisions"])
    picture = package["ideas"][0]["images"][0]
    assert base64.b64decode(picture["data"]) == image_bytes(db, picture["id"])[1]
    assert package["workshop"]["lessons_learned"].startswith("Börja i problemet")
    assert [e["kind"] for e in package["follow_up"]].count("lesson") == 1


def test_the_file_is_sorted_readable_utf8_and_never_holds_a_voter_key(
    db: Database, workshop_id: str, tmp_path: Path
) -> None:
    out = export_package(db, workshop_id, tmp_path / "verkstad.json")
    text = out.read_text(encoding="utf-8")
    assert "Åre" in text  # not escaped
    assert text == json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    assert "voter_key" not in text
    assert not list(tmp_path.glob(".*part"))


def test_the_export_validates_against_the_schema_in_docs(db: Database, workshop_id: str) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    errors = list(Draft202012Validator(schema).iter_errors(json.loads(exported(db, workshop_id))))
    assert errors == []


def test_the_schema_in_docs_is_the_one_mylla_checks_imports_with() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text()


def test_every_table_and_column_of_the_database_has_its_place_in_the_package() -> None:
    placed: dict[str, set[str]] = {WORKSHOP.name: {c.name for c in WORKSHOP.columns}}
    for part, _parent in all_parts():
        placed[part.table.name] = {c.name for c in part.columns()} | {part.link or ""} | set(part.drop)
        for id_list in part.id_lists:
            placed[id_list.table.name] = {id_list.link, id_list.value}
    for name, table in Base.metadata.tables.items():
        assert name in placed, f"table {name} is not in the package"
        assert {c.name for c in table.columns} <= placed[name], name
    described = package_schema()["properties"]
    assert set(described) == {"format", "version", "workshop", *(p.key for p in PARTS)}


def test_export_import_export_gives_the_same_bytes_and_reimport_updates(
    db: Database, workshop_id: str, tmp_path: Path
) -> None:
    first = exported(db, workshop_id)
    other = fresh_database(tmp_path / "other.db")
    try:
        result = import_package(other, first.encode("utf-8"))
        assert (result.workshop_id, result.updated) == (workshop_id, False)
        assert result.title == FULL.title
        assert exported(other, workshop_id) == first
        again = import_package(other, first.encode("utf-8"))
        assert again.updated is True
        assert exported(other, workshop_id) == first
    finally:
        other.close()


def test_replacing_a_workshop_leaves_the_others_as_they_were(db: Database, workshop_id: str) -> None:
    other = create_workshop(db, "Grannverkstad").id
    add_idea(db, other, "Lånecyklar vid stationen")
    before = exported(db, other)
    assert import_package(db, exported(db, workshop_id).encode("utf-8")).updated is True
    assert exported(db, other) == before
    assert {w.id for w in list_workshops(db)} == {workshop_id, other}


def test_importing_into_the_same_database_replaces_the_workshop_with_the_package(
    db: Database, workshop_id: str, tmp_path: Path
) -> None:
    path = export_package(db, workshop_id, tmp_path / "verkstad.json")
    package = json.loads(path.read_text(encoding="utf-8"))
    package["ideas"][1]["title"] = "Fika på biblioteket, varannan torsdag"
    path.write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    result = import_package(db, path)
    assert result.updated is True
    assert "Fika på biblioteket, varannan torsdag" in {i.title for i in list_ideas(db, workshop_id)}
