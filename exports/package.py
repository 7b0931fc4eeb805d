"""The workshop package: a whole workshop as deterministic JSON, for moving and archiving it.

``{"format": "mylla.workshop", "version": 1, ...}``, described by docs/workshop-package.schema.json.
Everything is there, removed rows too (with their ``deleted_at``), so that an import is the same
workshop; nothing volatile is, so that export -> import -> export gives the same bytes.
Ballots carry no voter key and come in id order; counts appear only for revealed rounds.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.i18n import _
from app.voting_rules import rank
from exports.formats import write_whole
from exports.package_layout import FORMAT, PARTS, VERSION, WORKSHOP, IdList, Part, table_of
from exports.package_values import kind_of, to_json
from models.database import Database
from models.enums import RoundState
from models.tables import Idea

IDEA = table_of(Idea)


def _json_row(part: Part | None, row: Any) -> dict[str, Any]:
    columns = part.columns() if part else list(WORKSHOP.columns)
    return {c.name: to_json(kind_of(c), row[c.name]) for c in columns}


def _ids_of(part: Part, where: ColumnElement[bool]) -> Select[Any]:
    return select(part.table.c.id).where(where)


def _id_lists(session: Session, id_list: IdList, parents: Select[Any]) -> dict[str, list[str]]:
    link, value = id_list.table.c[id_list.link], id_list.table.c[id_list.value]
    found: dict[str, list[str]] = defaultdict(list)
    for parent_id, listed in session.execute(
        select(link, value).where(link.in_(parents)).order_by(link, value)
    ):
        found[parent_id].append(listed)
    return found


def _read(session: Session, part: Part, where: ColumnElement[bool]) -> list[tuple[Any, dict[str, Any]]]:
    """The part's rows that ``where`` selects, in a stable order, each with its children nested.

    Each comes with the id of its parent (the value of ``link``, which the JSON leaves out).
    """
    table = part.table
    order = [table.c[name] for name in part.order] + list(table.primary_key.columns)
    rows = session.execute(select(table).where(where).order_by(*order)).mappings().all()
    items = [(row[part.link] if part.link else None, _json_row(part, row)) for row in rows]
    if "id" not in table.c:
        return items
    parents = _ids_of(part, where)
    for child in part.children:
        grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for parent_id, child_item in _read(session, child, child.table.c[child.link or ""].in_(parents)):
            grouped[parent_id].append(child_item)
        for _parent, item in items:
            item[child.key] = grouped.get(item["id"], [])
    for id_list in part.id_lists:
        lists = _id_lists(session, id_list, parents)
        for _parent, item in items:
            item[id_list.key] = lists.get(item["id"], [])
    if part.group:
        key, names = part.group
        for _parent, item in items:
            item[key] = {name: item.pop(name) for name in names}
    return items


def _results(round_item: dict[str, Any], idea_positions: dict[str, tuple[int, str]]) -> list[dict[str, Any]]:
    """A revealed round's counts per idea, ranked as the results screen ranks them."""
    eligible = sorted(round_item["rules"]["eligible_idea_ids"], key=lambda i: idea_positions.get(i, (0, i)))
    booth: dict[str, int] = defaultdict(int)
    for ballot in round_item["ballots"]:
        for vote in ballot["votes"]:
            booth[vote["idea_id"]] += vote["dots"]
    paper = {t["idea_id"]: t["dots"] for t in round_item["paper_tallies"]}
    totals = {i: booth.get(i, 0) + paper.get(i, 0) for i in eligible}
    return [
        {
            "idea_id": r.idea_id,
            "booth_dots": booth.get(r.idea_id, 0),
            "paper_dots": paper.get(r.idea_id, 0),
            "total": r.total,
            "rank": r.rank,
            "shared": r.shared,
        }
        for r in rank(totals, eligible)
    ]


def package_of(db: Database, workshop_id: str) -> dict[str, Any]:
    """The whole workshop as the package's JSON value; NotFound when there is no such workshop."""
    with db.transaction() as session:
        row = session.execute(select(WORKSHOP).where(WORKSHOP.c.id == workshop_id)).mappings().first()
        if row is None:
            raise NotFound(_("There is no workshop with the id {id}.").format(id=workshop_id))
        package: dict[str, Any] = {"format": FORMAT, "version": VERSION, "workshop": _json_row(None, row)}
        ideas = select(IDEA.c.id).where(IDEA.c.workshop_id == workshop_id)
        for part in PARTS:
            if part.link:
                where = part.table.c[part.link] == workshop_id
            else:
                where = part.table.c[part.via_idea or ""].in_(ideas)
            package[part.key] = [item for _parent, item in _read(session, part, where)]
    positions = {idea["id"]: (idea["position"], idea["id"]) for idea in package["ideas"]}
    for round_item in package["voting_rounds"]:
        if round_item["state"] == RoundState.REVEALED:
            round_item["results"] = _results(round_item, positions)
    return package


def package_text(package: dict[str, Any]) -> str:
    """The package as the file holds it: sorted keys, two-space indent, UTF-8 text, a final newline."""
    return json.dumps(package, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def export_package(db: Database, workshop_id: str, out: Path) -> Path:
    """Write the workshop's package to ``out`` (replacing it whole only once written) and return it."""
    text = package_text(package_of(db, workshop_id))
    return write_whole(out, text.encode("utf-8"))


def write_package(db: Database, workshop_id: str, out: Path, lang: str, follow_up_url: str) -> Sequence[Path]:
    """The ``json`` format of ``export``: the package is the same in every language."""
    del lang, follow_up_url
    return [export_package(db, workshop_id, out)]
