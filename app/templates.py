"""Workshop templates: data files (TOML) describing an agenda, validated against one schema.

Built-in templates live in assets/templates; a user's own in the config folder. A
broken file is reported with its name and the field at fault; the others still load.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from app.i18n import LANGUAGES, localised
from app.paths import ASSETS, user_templates_dir
from models.enums import PhaseKind

BUILT_IN_DIR = ASSETS / "templates"
FORMAT = "mylla.template"

Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


def _check_languages(value: dict[str, str]) -> dict[str, str]:
    unknown = sorted(set(value) - set(LANGUAGES))
    if unknown:
        raise ValueError(f"unknown language {unknown[0]!r}; use {', '.join(LANGUAGES)}")
    if "sv" not in value:
        raise ValueError("a Swedish text (sv) is required")
    return value


LocalText = Annotated[dict[str, Line], AfterValidator(_check_languages)]


class TemplatePhase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,99}$")]
    kind: PhaseKind
    step: Annotated[int, Field(ge=1, le=10)] | None = None
    in_room: bool = True
    minutes: Annotated[int, Field(ge=0, le=24 * 60)]
    title: LocalText
    description: LocalText | None = None


def _unique_phase_keys(phases: list[TemplatePhase]) -> list[TemplatePhase]:
    keys = [phase.key for phase in phases]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"phase keys must be unique; repeated: {', '.join(duplicates)}")
    return phases


class WorkshopTemplate(BaseModel):
    """One workshop format: its agenda of phases and optional warm-up prompts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["mylla.template"]
    version: Literal[1]
    key: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,99}$")]
    name: LocalText
    description: LocalText
    default: bool = False
    warmup: list[LocalText] = []
    phases: Annotated[list[TemplatePhase], Field(min_length=1), AfterValidator(_unique_phase_keys)]


@dataclass(frozen=True)
class TemplateProblem:
    """A template file that could not be loaded, and where in it the fault is."""

    path: Path
    field: str
    reason: str


@dataclass(frozen=True)
class TemplateCatalogue:
    templates: dict[str, WorkshopTemplate]
    problems: list[TemplateProblem] = field(default_factory=list)

    def default(self) -> WorkshopTemplate:
        for template in self.templates.values():
            if template.default:
                return template
        return next(iter(self.templates.values()))


def _field_of(error: ValidationError) -> tuple[str, str]:
    first = error.errors()[0]
    location = ".".join(str(part) for part in first["loc"]) or "(file)"
    return location, first["msg"]


def _toml_line(error: tomllib.TOMLDecodeError) -> str:
    """Where the syntax error is: Python 3.14 says it in ``lineno``, earlier ones only in the text."""
    line = getattr(error, "lineno", None)
    if line is None:
        found = re.search(r"line (\d+)", str(error))
        line = found.group(1) if found else "?"
    return f"line {line}"


def load_template_file(path: Path) -> WorkshopTemplate | TemplateProblem:
    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        return TemplateProblem(path, _toml_line(exc), str(exc))
    except (OSError, UnicodeDecodeError) as exc:
        return TemplateProblem(path, "(file)", str(exc))
    try:
        return WorkshopTemplate.model_validate(raw)
    except ValidationError as exc:
        location, reason = _field_of(exc)
        return TemplateProblem(path, location, reason)


def load_templates(user_dir: Path | None = None) -> TemplateCatalogue:
    """Every template: built-in first, then the user's own; faulty files are listed, not fatal."""
    templates: dict[str, WorkshopTemplate] = {}
    problems: list[TemplateProblem] = []
    folders = [BUILT_IN_DIR, user_dir if user_dir is not None else user_templates_dir()]
    for folder in folders:
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
            loaded = load_template_file(path)
            if isinstance(loaded, TemplateProblem):
                problems.append(loaded)
            elif loaded.key in templates:
                problems.append(TemplateProblem(path, "key", f"the key {loaded.key!r} is already in use"))
            else:
                templates[loaded.key] = loaded
    return TemplateCatalogue(templates, problems)


def json_schema() -> dict[str, object]:
    """The schema of a template file, published as docs/template.schema.json."""
    schema = WorkshopTemplate.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Mylla workshop template"
    return schema


__all__ = ["TemplateCatalogue", "TemplateProblem", "WorkshopTemplate", "load_templates", "localised"]
