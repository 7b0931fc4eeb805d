"""The JSON Schema (2020-12) of the workshop package, built from the same layout export and import use.

``python -m exports.package_schema`` writes docs/workshop-package.schema.json; a test keeps the two
equal, so the documentation cannot drift from what Mylla writes and reads.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Numeric, String

from exports.package_descriptions import describe_column
from exports.package_layout import ENUMS, FORMAT, PARTS, VERSION, WORKSHOP, Part
from exports.package_values import Kind, kind_of

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "docs" / "workshop-package.schema.json"
SCHEMA_ID = "https://mylla.example/schemas/workshop-package-1.json"

ID_PATTERN = "^[0-9A-Za-z-]{1,36}$"
DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
MOMENT_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$"
BASE64_PATTERN = r"^[A-Za-z0-9+/]*={0,2}$"

_KIND_SCHEMAS: dict[Kind, dict[str, Any]] = {
    Kind.MOMENT: {"type": "string", "pattern": MOMENT_PATTERN},
    Kind.DAY: {"type": "string", "pattern": DAY_PATTERN},
    Kind.BYTES: {"type": "string", "pattern": BASE64_PATTERN, "contentEncoding": "base64"},
    Kind.BOOLEAN: {"type": "boolean"},
    Kind.INTEGER: {"type": "integer", "minimum": 0, "maximum": 2**31 - 1},  # counts, places, numbers
    Kind.TEXT: {"type": "string"},
}


def _json_column(table: str, name: str) -> dict[str, Any]:
    if (table, name) == ("workshop", "warmup_prompts"):
        return {"type": "array", "items": {"type": "string"}}
    if (table, name) in {("phase", "titles"), ("phase", "descriptions")}:
        return {"type": "object", "additionalProperties": {"type": "string"}}
    return {"type": "object"}


def decimal_pattern(column: Column[Any]) -> str:
    """An amount of 0 or more with no more digits than the column keeps (12.5 hours, 1250.00 kronor)."""
    kind = column.type
    assert isinstance(kind, Numeric)
    whole, decimals = (kind.precision or 18) - (kind.scale or 0), kind.scale or 0
    return rf"^\d{{1,{whole}}}(\.\d{{1,{decimals}}})?$" if decimals else rf"^\d{{1,{whole}}}$"


def column_schema(table: str, column: Column[Any]) -> dict[str, Any]:
    kind = kind_of(column)
    if kind is Kind.JSON:
        schema = _json_column(table, column.name)
    elif (table, column.name) in ENUMS:
        schema = {"type": "string", "enum": [str(v) for v in ENUMS[(table, column.name)]]}
    elif kind is Kind.TEXT and (column.name == "id" or column.foreign_keys):
        schema = {"type": "string", "pattern": ID_PATTERN}
    elif kind is Kind.DECIMAL:
        schema = {"type": "string", "pattern": decimal_pattern(column)}
    else:
        schema = dict(_KIND_SCHEMAS[kind])
        if kind is Kind.TEXT and isinstance(column.type, String) and column.type.length:
            schema["maxLength"] = column.type.length
    if column.nullable:
        # A type list rather than anyOf: the same meaning, and a third of the time to check.
        schema["type"] = [schema["type"], "null"]
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
    return {"description": describe_column(table, column.name), **schema}


def _object(properties: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": sorted(properties),
        "additionalProperties": False,
    }


def _id_array(description: str) -> dict[str, Any]:
    return {
        "type": "array",
        "description": description,
        "items": {"type": "string", "pattern": ID_PATTERN},
        "uniqueItems": True,
    }


RESULT = _object(
    {
        "idea_id": {"type": "string", "pattern": ID_PATTERN, "description": "The idea counted."},
        "booth_dots": {"type": "integer", "minimum": 0, "description": "Dots from ballots (booth, phones)."},
        "paper_dots": {"type": "integer", "minimum": 0, "description": "Dots counted on paper."},
        "total": {"type": "integer", "minimum": 0, "description": "Booth and paper dots together."},
        "rank": {"type": "integer", "minimum": 1, "description": "1 is first; equal totals share a rank."},
        "shared": {"type": "boolean", "description": "Whether another idea has the same rank."},
    },
    "One eligible idea's count; written on export and recomputed, not read, on import.",
)

ID_LIST_DESCRIPTIONS = {
    "giver_ids": "The participants who gave the idea; none for an anonymous idea.",
    "cluster_ids": "The clusters whose ideas may be voted on (eligibility 'clusters').",
    "eligible_idea_ids": "The ideas that may get dots in this round.",
}


def part_schema(part: Part) -> dict[str, Any]:
    table = part.table.name
    properties = {c.name: column_schema(table, c) for c in part.columns()}
    for child in part.children:
        properties[child.key] = {
            "type": "array",
            "description": child.description,
            "items": part_schema(child),
        }
    for id_list in part.id_lists:
        properties[id_list.key] = _id_array(ID_LIST_DESCRIPTIONS[id_list.key])
    if part.group:
        key, names = part.group
        properties[key] = _object(
            {name: properties.pop(name) for name in names}, "The rules the round was voted under."
        )
    schema = _object(properties, part.description)
    if part.key == "ideas":
        schema["if"] = {"properties": {"anonymous": {"const": True}}}
        schema["then"] = {"properties": {"giver_ids": {"maxItems": 0}}}
    if part.key == "voting_rounds":
        schema["properties"]["results"] = {
            "type": "array",
            "description": "Counts per idea, ranked; present exactly when the round is revealed.",
            "items": RESULT,
        }
        schema["if"] = {"properties": {"state": {"const": "revealed"}}}
        schema["then"] = {"required": ["results"]}
        schema["else"] = {"not": {"required": ["results"]}}
    return schema


def package_schema() -> dict[str, Any]:
    workshop = _object(
        {c.name: column_schema("workshop", c) for c in WORKSHOP.columns},
        "The workshop's details, lessons learned and follow-up date.",
    )
    properties: dict[str, Any] = {
        "format": {"const": FORMAT, "description": "Always 'mylla.workshop': what this file is."},
        "version": {"const": VERSION, "description": "The package version; a newer Mylla may write higher."},
        "workshop": workshop,
    }
    for part in PARTS:
        properties[part.key] = {"type": "array", "description": part.description, "items": part_schema(part)}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Mylla workshop package",
        **_object(properties, ""),
        "description": (
            "A whole co-creation workshop as Mylla exports it, removed rows included (with deleted_at). "
            "Times are ISO 8601 in UTC, dates ISO 8601, amounts decimal strings, pictures base64. "
            "Lists are in a stable order and keys sorted, so the same workshop always gives the same file. "
            "Ids are kept on import: importing a workshop that is already there replaces it."
        ),
    }


def schema_text() -> str:
    return json.dumps(package_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA_PATH
    target.write_text(schema_text(), encoding="utf-8")
