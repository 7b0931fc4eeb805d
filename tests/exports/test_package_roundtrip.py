"""Generated workshops (hypothesis) survive export -> import -> export byte for byte; re-import updates."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft202012Validator

from app.demo import create_demo_workshop
from exports.package import package_of, package_text
from exports.package_import import import_package
from exports.package_schema import package_schema
from models.database import Database
from tests.app.voting_setup import fresh_database
from tests.exports.package_workshops import Recipe, build, recipes


def exported(db: Database, workshop_id: str) -> str:
    return package_text(package_of(db, workshop_id))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(recipe=recipes)
def test_generated_workshops_survive_the_round_trip(
    recipe: Recipe, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("trip")
    source, target = fresh_database(folder / "a.db"), fresh_database(folder / "b.db")
    try:
        workshop_id = build(source, recipe)
        first = exported(source, workshop_id)
        package = json.loads(first)
        assert list(Draft202012Validator(package_schema()).iter_errors(package)) == []
        for item in package["voting_rounds"]:
            assert ("results" in item) == (item["state"] == "revealed")
        assert import_package(target, first.encode("utf-8")).updated is False
        assert exported(target, workshop_id) == first
        assert import_package(target, first.encode("utf-8")).updated is True
        assert exported(target, workshop_id) == first
    finally:
        source.close()
        target.close()


TIED = Recipe(
    title="Verkstad med lika röster",
    people=3,
    named=1,
    themes=(),
    ideas=("Fast kontaktperson", "Fika på biblioteket", "Trygghetslarm", "Måltidsvän", "Öppet hus"),
    rounds=((3, True, False),),
    plans=0,
    picture=False,
    merge=False,
    seed=0,
)


@pytest.mark.parametrize(("seed", "settled"), [(1, "by hand"), (2, "by a runoff")])
def test_a_tie_settled_by_hand_or_by_runoff_survives_the_round_trip(
    seed: int, settled: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("tie")
    source, target = fresh_database(folder / "a.db"), fresh_database(folder / "b.db")
    try:
        workshop_id = build(source, replace(TIED, seed=seed))
        first = exported(source, workshop_id)
        rounds = json.loads(first)["voting_rounds"]
        if settled == "by hand":
            assert len(rounds[0]["tie_resolutions"]) >= 2
        else:
            assert rounds[-1]["runoff_of_id"] == rounds[0]["id"]
        import_package(target, first.encode("utf-8"))
        assert exported(target, workshop_id) == first
    finally:
        source.close()
        target.close()


def test_the_demo_workshop_survives_the_round_trip(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("demo")
    source, target = fresh_database(folder / "a.db"), fresh_database(folder / "b.db")
    try:
        workshop_id = create_demo_workshop(source)
        first = exported(source, workshop_id)
        assert list(Draft202012Validator(package_schema()).iter_errors(json.loads(first))) == []
        import_package(target, first.encode("utf-8"))
        assert exported(target, workshop_id) == first
    finally:
        source.close()
        target.close()
