"""Workshop templates: the built-ins, a user's own folder with broken files, the published schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.paths import ASSETS
from app.templates import TemplateProblem, json_schema, load_templates

ROOT = ASSETS.parent

GOOD = """\
format = "mylla.template"
version = 1
key = "lunch-workshop"

[name]
sv = "Lunchverkstad"
en = "Lunch workshop"

[description]
sv = "En kort verkstad över lunch."

[[phases]]
key = "ideer"
kind = "ideas"
step = 2
minutes = 25
title = { sv = "Idéer", en = "Ideas" }
"""


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "my-templates"
    folder.mkdir()
    (folder / "good.toml").write_text(GOOD, encoding="utf-8")
    (folder / "wrong-type.toml").write_text(
        GOOD.replace('key = "lunch-workshop"', 'key = "wrong-type"').replace(
            "minutes = 25", 'minutes = "lots"'
        ),
        encoding="utf-8",
    )
    (folder / "syntax.toml").write_text(GOOD.replace("version = 1", "version = = 1"), encoding="utf-8")
    (folder / "no-swedish.toml").write_text(
        GOOD.replace('key = "lunch-workshop"', 'key = "no-swedish"').replace(
            'title = { sv = "Idéer", en = "Ideas" }', 'title = { en = "Ideas" }'
        ),
        encoding="utf-8",
    )
    (folder / "taken.toml").write_text(
        GOOD.replace('key = "lunch-workshop"', 'key = "ten-step"'), encoding="utf-8"
    )
    (folder / "notes.txt").write_text("not a template", encoding="utf-8")
    return folder


def problems_by_file(problems: list[TemplateProblem]) -> dict[str, TemplateProblem]:
    return {p.path.name: p for p in problems}


def test_the_built_in_templates_load_without_problems(tmp_path: Path) -> None:
    catalogue = load_templates(user_dir=tmp_path / "none")

    assert catalogue.problems == []
    assert {"ten-step", "n3", "roadmap", "retrospective"} <= set(catalogue.templates)
    assert catalogue.default().key == "ten-step"
    for template in catalogue.templates.values():
        assert template.name["sv"]
        assert all(phase.title["sv"] for phase in template.phases)


def test_the_ten_step_template_follows_the_model() -> None:
    template = load_templates().templates["ten-step"]

    assert template.default is True
    assert len(template.phases) == 12
    follow_up = [p for p in template.phases if p.step in (8, 9, 10)]
    assert [p.step for p in follow_up] == [8, 9, 10]
    assert all(not p.in_room for p in follow_up)
    assert all(p.in_room for p in template.phases if p not in follow_up)
    assert [p.title["sv"] for p in template.phases[:4]] == [
        "Myllstimulans",
        "Idéformulering",
        "Tematisering",
        "Spontan uppbackning",
    ]


def test_the_good_user_template_loads_beside_the_broken_ones(user_dir: Path) -> None:
    catalogue = load_templates(user_dir=user_dir)

    mine = catalogue.templates["lunch-workshop"]
    assert mine.name["sv"] == "Lunchverkstad"
    assert [(p.key, p.minutes) for p in mine.phases] == [("ideer", 25)]
    assert {"ten-step", "n3", "roadmap", "retrospective", "lunch-workshop"} == set(catalogue.templates)
    assert catalogue.templates["ten-step"] == load_templates(user_dir=user_dir / "none").templates["ten-step"]
    assert set(problems_by_file(catalogue.problems)) == {
        "wrong-type.toml",
        "syntax.toml",
        "no-swedish.toml",
        "taken.toml",
    }


def test_a_wrong_type_is_reported_with_the_file_and_field(user_dir: Path) -> None:
    problem = problems_by_file(load_templates(user_dir=user_dir).problems)["wrong-type.toml"]

    assert problem.path == user_dir / "wrong-type.toml"
    assert problem.field == "phases.0.minutes"
    assert "integer" in problem.reason


def test_a_toml_syntax_error_is_reported_with_its_line(user_dir: Path) -> None:
    problem = problems_by_file(load_templates(user_dir=user_dir).problems)["syntax.toml"]

    assert problem.path == user_dir / "syntax.toml"
    assert problem.field == "line 2"
    assert "line 2" in problem.reason


def test_a_missing_swedish_title_is_reported(user_dir: Path) -> None:
    problem = problems_by_file(load_templates(user_dir=user_dir).problems)["no-swedish.toml"]

    assert problem.field == "phases.0.title"
    assert "Swedish" in problem.reason


def test_a_key_already_in_use_is_reported_and_the_built_in_wins(user_dir: Path) -> None:
    catalogue = load_templates(user_dir=user_dir)

    problem = problems_by_file(catalogue.problems)["taken.toml"]
    assert problem.field == "key"
    assert "ten-step" in problem.reason
    assert len(catalogue.templates["ten-step"].phases) == 12


def test_two_user_files_with_the_same_key(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.toml").write_text(GOOD.replace("Lunchverkstad", "Lunchverkstad 2"), encoding="utf-8")

    catalogue = load_templates(user_dir=tmp_path)

    assert catalogue.templates["lunch-workshop"].name["sv"] == "Lunchverkstad"
    assert [(p.path.name, p.field) for p in catalogue.problems] == [("b.toml", "key")]


def test_repeated_phase_keys_are_reported(tmp_path: Path) -> None:
    second_phase = GOOD[GOOD.index("[[phases]]") :]
    (tmp_path / "twice.toml").write_text(GOOD + "\n" + second_phase, encoding="utf-8")

    [problem] = load_templates(user_dir=tmp_path).problems

    assert (problem.path.name, problem.field) == ("twice.toml", "phases")
    assert "ideer" in problem.reason


def test_the_published_schema_matches_the_code() -> None:
    published = ROOT / "docs" / "template.schema.json"
    assert published.is_file(), f"{published} is missing: publish app.templates.json_schema()"
    assert json.loads(published.read_text(encoding="utf-8")) == json.loads(json.dumps(json_schema()))
