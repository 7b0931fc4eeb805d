"""Importing a workshop package: checked whole first, then written in one transaction, ids kept.

A workshop with the package's id that is already in the database is replaced (``updated``).
Anything wrong (the file, its format or version, the schema, a reference to a record that is not
in the package, an id another workshop already holds) refuses the whole import with a sentence
and leaves the database as it was.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import (
    PrimaryKeyConstraint,
    Table,
    UniqueConstraint,
    bindparam,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.i18n import _
from exports.package_layout import PARTS, SELF_REFERENCES, WORKSHOP, Part, all_parts
from exports.package_read import check_format, check_schema, parse, read_bytes
from exports.package_values import PackageRefused, from_json, kind_of, refused, refused_at
from models.database import Database

__all__ = ["ImportResult", "PackageRefused", "collect_rows", "import_package"]

#: Ids asked about in one query (well under SQLite's limit of bound values).
CHUNK = 500


@dataclass(frozen=True)
class ImportResult:
    """What an import did: which workshop, and whether it replaced one that was already there."""

    workshop_id: str
    title: str
    updated: bool
    ideas: int


@dataclass
class Rows:
    """The package as rows per table, each with the JSON path it came from (for messages)."""

    by_table: dict[str, list[dict[str, Any]]]
    paths: dict[str, list[str]]

    def add(self, table: Table, row: dict[str, Any], path: str) -> None:
        self.by_table.setdefault(table.name, []).append(row)
        self.paths.setdefault(table.name, []).append(path)


def _row(part: Part | None, item: dict[str, Any], path: str) -> dict[str, Any]:
    columns = part.columns() if part else list(WORKSHOP.columns)
    fields = dict(item)
    if part and part.group:
        fields.update(fields.pop(part.group[0]))
    return {c.name: from_json(kind_of(c), fields[c.name], f"{path}.{c.name}") for c in columns}


def collect_rows(package: dict[str, Any]) -> Rows:
    """The package as rows per table, values converted for the columns (after the schema check)."""
    rows = Rows({}, {})
    workshop = _row(None, package["workshop"], "workshop")
    rows.add(WORKSHOP, workshop, "workshop")

    def visit(part: Part, items: list[dict[str, Any]], parent_id: str, path: str) -> None:
        for index, item in enumerate(items):
            where = f"{path}[{index}]"
            row = _row(part, item, where)
            if part.link:
                row[part.link] = parent_id
            rows.add(part.table, row, where)
            fields = {**item, **item.get(part.group[0], {})} if part.group else item
            for id_list in part.id_lists:
                for n, listed in enumerate(fields[id_list.key]):
                    rows.add(
                        id_list.table,
                        {id_list.link: row["id"], id_list.value: listed},
                        f"{where}.{id_list.key}[{n}]",
                    )
            for child in part.children:
                visit(child, item[child.key], row.get("id", ""), f"{where}.{child.key}")

    for part in PARTS:
        visit(part, package[part.key], workshop["id"], part.key)
    return rows


def _check_references(rows: Rows) -> None:
    """Every id unique in its table, and every reference to a record that the package holds."""
    known: dict[str, set[str]] = defaultdict(set)
    for table_name, table_rows in rows.by_table.items():
        if table_name not in _tables_with_id():
            continue
        for row, where in zip(table_rows, rows.paths[table_name], strict=True):
            if row["id"] in known[table_name]:
                raise refused_at(f"{where}.id", _("the same id appears twice: {id}").format(id=row["id"]))
            known[table_name].add(row["id"])
    for table in _all_tables():
        for row, where in zip(rows.by_table.get(table.name, []), rows.paths.get(table.name, []), strict=True):
            for column in table.columns:
                for key in column.foreign_keys:
                    value = row.get(column.name)
                    if value is not None and value not in known[key.column.table.name]:
                        raise refused_at(
                            where if column.name not in _named(table) else f"{where}.{column.name}",
                            _("refers to {id}, which is not in the package").format(id=value),
                        )


def _check_unique(rows: Rows) -> None:
    """What the database keeps unique (a § number in its workshop, one analysis per idea) is unique here."""
    for table in _all_tables():
        for constraint in table.constraints:
            if (
                not isinstance(constraint, UniqueConstraint | PrimaryKeyConstraint)
                or "id" in constraint.columns
            ):
                continue
            names = [c.name for c in constraint.columns]
            seen: set[tuple[Any, ...]] = set()
            for row, where in zip(
                rows.by_table.get(table.name, []), rows.paths.get(table.name, []), strict=True
            ):
                values = tuple(row[name] for name in names)
                if values in seen:
                    shown = [f"{n}={v}" for n, v in zip(names, values, strict=True) if n in _named(table)]
                    raise refused_at(
                        where,
                        _("another record in the package has the same {fields}").format(
                            fields=", ".join(shown)
                        ),
                    )
                seen.add(values)


@cache
def _named(table: Table) -> frozenset[str]:
    """Columns that the JSON spells out (not the links its nesting stands for)."""
    for part, _parent in all_parts():
        if part.table is table:
            return frozenset(c.name for c in part.columns())
    return frozenset()


def _all_tables() -> Iterator[Table]:
    """Every table in the order rows are inserted: parents before the rows that refer to them."""
    yield WORKSHOP
    for part, _parent in all_parts():
        yield part.table
        for id_list in part.id_lists:
            yield id_list.table


@cache
def _tables_with_id() -> frozenset[str]:
    return frozenset(t.name for t in _all_tables() if "id" in t.c)


def _clashes(session: Session, rows: Rows) -> None:
    """Refuse ids that another workshop's records already hold (after the replaced one is gone)."""
    for table in _all_tables():
        if "id" not in table.c or table is WORKSHOP:
            continue
        ids = [row["id"] for row in rows.by_table.get(table.name, [])]
        for start in range(0, len(ids), CHUNK):
            taken = session.scalars(
                select(table.c.id).where(table.c.id.in_(ids[start : start + CHUNK]))
            ).first()
            if taken is not None:
                where = rows.paths[table.name][ids.index(taken)]
                raise refused_at(
                    where,
                    _("another workshop in this database already has a record with the id {id}").format(
                        id=taken
                    ),
                )


def _write(session: Session, rows: Rows) -> None:
    later: list[tuple[Table, str, list[dict[str, Any]]]] = []
    for table in _all_tables():
        table_rows = rows.by_table.get(table.name)
        if not table_rows:
            continue
        column = SELF_REFERENCES.get(table.name)
        if column:
            filled = [
                {"row_id": r["id"], "target": r[column], "stamp": r["updated_at"]}
                for r in table_rows
                if r[column] is not None
            ]
            table_rows = [{**r, column: None} for r in table_rows]
            if filled:
                later.append((table, column, filled))
        session.execute(insert(table), table_rows)
    for table, column, filled in later:
        session.execute(
            # The stored change time is set again, or the update would stamp it with now.
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values({column: bindparam("target"), "updated_at": bindparam("stamp")}),
            filled,
        )


def import_package(db: Database, source: Path | bytes) -> ImportResult:
    """Import the package in ``source`` (a file or its bytes); PackageRefused, changing nothing, if wrong."""
    package = parse(read_bytes(source))
    check_format(package)
    check_schema(package)
    rows = collect_rows(package)
    _check_references(rows)
    _check_unique(rows)
    workshop = rows.by_table[WORKSHOP.name][0]
    workshop_id = workshop["id"]
    try:
        with db.transaction() as session:
            updated = session.scalar(select(WORKSHOP.c.id).where(WORKSHOP.c.id == workshop_id)) is not None
            if updated:
                session.execute(delete(WORKSHOP).where(WORKSHOP.c.id == workshop_id))
            _clashes(session, rows)
            _write(session, rows)
    except IntegrityError as exc:
        raise refused(
            _("The package breaks a rule of the database ({rule}).").format(rule=str(exc.orig))
        ) from None
    return ImportResult(
        workshop_id=workshop_id,
        title=workshop["title"],
        updated=updated,
        ideas=len(package["ideas"]),
    )
