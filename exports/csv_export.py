"""Spreadsheet exports: the ideas with their cluster, votes per round and status; the actions.

Two files from one call: ``FILE`` holds the ideas, ``FILE``'s stem + ``-actions.csv`` the actions
(a CSV file holds one table). UTF-8 with a byte order mark, so that Excel reads å ä ö right.
The separator follows the language, as Excel does: ``;`` in Swedish and Norwegian (where the
comma is the decimal sign), ``,`` in English. Idea givers appear only as the public may see
them: never for an anonymous idea, by name only with consent.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from app.clusters import list_clusters
from app.i18n import _
from app.ideas import list_ideas
from app.participants import list_participants, participant_label
from app.plans import list_plans
from app.vocabulary import ACTION_STATUSES, IDEA_STATUSES, label
from app.voting import list_rounds
from app.voting_results import results
from app.voting_snapshots import RoundSnapshot
from app.workshops import get_workshop
from exports.formats import in_language, write_whole
from models.database import Database

#: The list separator spreadsheets expect in each language.
SEPARATORS = {"sv": ";", "nb": ";", "en": ","}


def actions_path(out: Path) -> Path:
    """Where the actions go when the ideas go to ``out``."""
    return out.with_name(f"{out.stem}-actions.csv")


def round_heading(round_: RoundSnapshot) -> str:
    """A round's column: "Dots, round 1: Which ideas go on?", or "... (not revealed)" without counts."""
    if round_.title:
        name = _("round {n}: {title}").format(n=round_.number, title=round_.title)
    else:
        name = _("round {n}").format(n=round_.number)
    if round_.revealed:
        return _("Dots, {round}").format(round=name)
    return _("Not revealed, {round}").format(round=name)


def idea_table(db: Database, workshop_id: str) -> list[list[str]]:
    """The ideas in board order: heading row first. Counts only for revealed rounds."""
    get_workshop(db, workshop_id)
    clusters = {c.id: c.name for c in list_clusters(db, workshop_id)}
    people = {p.id: participant_label(p, public=True) for p in list_participants(db, workshop_id)}
    rounds = list_rounds(db, workshop_id)
    totals: dict[str, dict[str, int]] = {}
    for round_ in rounds:
        if round_.revealed:
            totals[round_.id] = {r.idea_id: r.total for r in results(db, round_.id).ideas}
    rows = [
        [_("Idea"), _("Description"), _("Cluster"), _("Idea givers"), _("Status")]
        + [round_heading(r) for r in rounds]
        + [_("Id")]
    ]
    for idea in list_ideas(db, workshop_id):
        if idea.merged_into_id is not None:
            continue
        givers = "" if idea.anonymous else ", ".join(people[g] for g in idea.giver_ids if g in people)
        votes = [
            str(totals[r.id][idea.id]) if r.id in totals and idea.id in totals[r.id] else "" for r in rounds
        ]
        rows.append(
            [
                idea.title,
                idea.text,
                clusters.get(idea.cluster_id or "", ""),
                givers,
                label(IDEA_STATUSES, idea.status),
                *votes,
                idea.id,
            ]
        )
    return rows


def action_table(db: Database, workshop_id: str, today: date) -> list[list[str]]:
    """Every live action of the live plans, plan by plan in board order: heading row first."""
    rows = [[_("Idea"), _("Action"), _("Owner"), _("Due"), _("Status"), _("Followed up within"), _("Id")]]
    for plan in list_plans(db, workshop_id, today=today):
        for action in plan.actions:
            rows.append(
                [
                    plan.idea_title,
                    action.title,
                    action.owner,
                    action.due_on.isoformat() if action.due_on else "",
                    label(ACTION_STATUSES, action.status),
                    action.followed_up_within,
                    action.id,
                ]
            )
    return rows


#: A cell starting with one of these would be run as a formula by a spreadsheet.
FORMULA_STARTS = ("=", "+", "@")


def _cell(text: str) -> str:
    """The text as a spreadsheet shows it, never as a formula it would run."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_bytes(rows: Sequence[Sequence[str]], lang: str) -> bytes:
    """The rows as a spreadsheet file: BOM, the language's separator, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=SEPARATORS.get(lang, ","))
    writer.writerows([_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(db: Database, workshop_id: str, out: Path, lang: str, follow_up_url: str) -> Sequence[Path]:
    """The ``csv`` format of ``export``: the ideas to ``out``, the actions beside it."""
    del follow_up_url
    with in_language(lang):
        ideas = csv_bytes(idea_table(db, workshop_id), lang)
        actions = csv_bytes(action_table(db, workshop_id, date.today()), lang)
    return [write_whole(out, ideas), write_whole(actions_path(out), actions)]
