"""A package that cannot be imported is refused whole, with the reason; the database keeps every row."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import describe
from app.i18n import set_language
from app.workshops import create_workshop
from exports import package_read
from exports.package import package_of, package_text
from exports.package_import import import_package
from exports.package_values import PackageRefused
from models.database import Database, open_database
from tests.exports.package_workshops import Recipe, built_file, table_rows

SMALL = Recipe(
    title="Verkstad i Älvdalen",
    people=3,
    named=2,
    themes=("Trygghet",),
    ideas=("Nattvandring", "Grannstöd", "Öppen förskola", "Lånecyklar"),
    rounds=((2, True, False), (1, False, False)),
    plans=1,
    picture=False,
    merge=False,
    seed=3,
)
Package = dict[str, Any]


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The refusals read as written (they are in Swedish once translated)."""
    set_language("en")
    yield
    set_language("sv")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, str]:
    return built_file(tmp_path_factory.mktemp("small"), SMALL)


@pytest.fixture(scope="module")
def package(built: tuple[bytes, str], tmp_path_factory: pytest.TempPathFactory) -> Package:
    path = tmp_path_factory.mktemp("pkg") / "source.db"
    path.write_bytes(built[0])
    source = open_database(path)
    try:
        return package_of(source, built[1])
    finally:
        source.close()


@pytest.fixture
def db(built: tuple[bytes, str], db_path: Path) -> Iterator[Database]:
    """The workshop already there (an import would update it), beside another workshop."""
    db_path.write_bytes(built[0])
    database = open_database(db_path)
    create_workshop(database, "Annan verkstad")
    yield database
    database.close()


def refusal(db: Database, data: bytes | Path) -> str:
    """The sentence the import is refused with; and the file's rows are as they were."""
    before = table_rows(db.path)
    with pytest.raises(PackageRefused) as caught:
        import_package(db, data)
    assert table_rows(db.path) == before
    message = describe(caught.value)
    assert message.endswith("Nothing was changed.")
    assert "\n" not in message
    return message


def changed(package: Package, change: Callable[[Package], object]) -> bytes:
    edited = copy.deepcopy(package)
    change(edited)
    return json.dumps(edited, ensure_ascii=False).encode("utf-8")


def test_a_package_from_a_newer_mylla_says_both_versions(db: Database, package: Package) -> None:
    message = refusal(db, changed(package, lambda p: p.update(version=2)))
    assert "made by a newer Mylla: version 2; this one reads 1" in message


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b'{"title": "Protokoll"}', "no 'format'"),
        (b'{"format": "mylla.template", "version": 1}', "its format is 'mylla.template'"),
        (b"[1, 2, 3]", "no 'format'"),
        (b"Titel;Kluster\nFika;Gemenskap\n", "not JSON"),
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not text"),
    ],
)
def test_foreign_and_binary_files_are_refused(db: Database, data: bytes, words: str) -> None:
    assert words in refusal(db, data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fraction=st.floats(0.0, 0.999))
def test_a_truncated_file_is_refused_as_cut_off(db: Database, package: Package, fraction: float) -> None:
    whole = package_text(package).encode("utf-8")
    cut = whole[: max(1, int(len(whole) * fraction))]
    message = refusal(db, cut)
    assert "ends too early" in message


@pytest.mark.parametrize(
    ("change", "where", "words"),
    [
        (lambda p: p["ideas"][3].update(title=42), "ideas[3].title", "wrong kind of value"),
        (lambda p: p["ideas"][1].pop("title"), "ideas[1]", "'title' is missing"),
        (lambda p: p["ideas"][0].update(title="x" * 301), "ideas[0].title", "longer than 300"),
        (lambda p: p["ideas"][2].update(status="famous"), "ideas[2].status", "not one of the values"),
        (lambda p: p["ideas"][2].update(colour="red"), "ideas[2]", "does not know"),
        (
            lambda p: p["plans"][0]["actions"][0].update(due_on="next week"),
            "plans[0].actions[0].due_on",
            "form",
        ),
        (lambda p: p["voting_rounds"][1].update(results=[]), "voting_rounds[1]", "never revealed"),
        (lambda p: p["voting_rounds"][0].pop("results"), "voting_rounds[0]", "'results' is missing"),
        (lambda p: p.pop("plans"), "the whole file", "'plans' is missing"),
        (lambda p: p["analyses"][0].update(cost_hours="12.25"), "analyses[0].cost_hours", "expected form"),
        (lambda p: p["analyses"][0].update(cost_money="-5.00"), "analyses[0].cost_money", "expected form"),
        (
            lambda p: p["ideas"][0].update(anonymous=True),  # it has a giver
            "ideas[0].giver_ids",
            "an anonymous idea has no idea giver",
        ),
    ],
)
def test_schema_violations_name_the_place(
    db: Database, package: Package, change: Callable[[Package], object], where: str, words: str
) -> None:
    message = refusal(db, changed(package, change))
    assert f"{where}: " in message
    assert words in message


def test_a_date_that_does_not_exist_is_refused(db: Database, package: Package) -> None:
    message = refusal(db, changed(package, lambda p: p["workshop"].update(held_on="2026-02-30")))
    assert "workshop.held_on: not a valid value: 2026-02-30" in message


def test_a_reference_outside_the_package_is_refused(db: Database, package: Package) -> None:
    foreign = "0b6f7a54-0000-4000-8000-000000000000"
    message = refusal(db, changed(package, lambda p: p["ideas"][0].update(cluster_id=foreign)))
    assert f"ideas[0].cluster_id: refers to {foreign}, which is not in the package" in message


def test_an_id_twice_in_the_package_is_refused(db: Database, package: Package) -> None:
    message = refusal(db, changed(package, lambda p: p["ideas"][1].update(id=p["ideas"][0]["id"])))
    assert "ideas[1].id: the same id appears twice" in message


def test_ids_that_another_workshop_holds_are_refused(db: Database, package: Package) -> None:
    # The same records under a new workshop id: the ideas are the other workshop's.
    def new_workshop(p: Package) -> None:
        p["workshop"]["id"] = "5d1c3f8e-1111-4222-8333-444455556666"

    message = refusal(db, changed(package, new_workshop))
    assert "another workshop in this database already has a record with the id" in message


def test_a_file_over_the_cap_is_refused_before_it_is_read(
    db: Database, package: Package, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "stor.json"
    path.write_text(package_text(package), encoding="utf-8")
    monkeypatch.setattr(package_read, "MAX_BYTES", 1000)
    assert "too large to be a workshop package" in refusal(db, path)


def test_a_missing_file_is_refused(db: Database, tmp_path: Path) -> None:
    assert "There is no file" in refusal(db, tmp_path / "saknas.json")


def _copy_with_new_id(items: list[Package], **changes: object) -> None:
    twin = copy.deepcopy(items[0])
    twin.update(id="7e0f6a11-2222-4333-8444-555566667777", **changes)
    items.append(twin)


@pytest.mark.parametrize(
    ("change", "where", "words"),
    [
        (lambda p: _copy_with_new_id(p["decisions"], allocations=[]), "decisions[1]", "same number=1"),
        (lambda p: _copy_with_new_id(p["analyses"]), "analyses[1]", "same idea_id="),
        (
            lambda p: p["voting_rounds"][0]["ballots"][0]["votes"].append(
                p["voting_rounds"][0]["ballots"][0]["votes"][0]
            ),
            "voting_rounds[0].ballots[0].votes[2]",
            "same idea_id=",
        ),
    ],
)
def test_what_the_database_keeps_unique_is_refused_twice_with_its_place(
    db: Database, package: Package, change: Callable[[Package], object], where: str, words: str
) -> None:
    message = refusal(db, changed(package, change))
    assert f"{where}: another record in the package has the {words}" in message


def test_a_rule_only_the_database_knows_refuses_the_import_whole(db: Database, package: Package) -> None:
    # Two live plans for one idea: the database's own rule, checked as the rows are written.
    message = refusal(db, changed(package, lambda p: _copy_with_new_id(p["plans"], actions=[])))
    assert "breaks a rule of the database" in message
