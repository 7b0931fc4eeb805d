"""Workshop services: create from a template, list, rename, edit, duplicate, delete, restore."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session, selectinload

from app.errors import InvalidInput
from app.i18n import LANGUAGES, _, current_language
from app.records import fetch, workshop_snapshot
from app.snapshots import WorkshopSnapshot, WorkshopSummary
from app.templates import TemplateCatalogue, WorkshopTemplate, load_templates, localised
from app.text import TITLE_MAX, clean_line, clean_text, clean_title
from app.workshop_rows import summaries_from_rows
from models.base import utcnow
from models.database import Database
from models.enums import PhaseState
from models.idea import Backing, Idea, IdeaImage
from models.queries import WORKSHOP_LIST_SQL
from models.workshop import Cluster, Participant, Phase, Workshop

#: Details a user may edit after creation, with the cleaner for each.
_LINE_FIELDS = ("place", "organisation", "unit", "organiser", "facilitator", "case_number")
_URL_MAX = 2000


def phases_from_template(template: WorkshopTemplate) -> list[Phase]:
    phases = [
        Phase(
            position=i,
            key=p.key,
            kind=p.kind,
            step=p.step,
            in_room=p.in_room,
            titles=dict(p.title),
            descriptions=dict(p.description or {}),
            planned_minutes=p.minutes,
            state=PhaseState.PENDING,
        )
        for i, p in enumerate(template.phases)
    ]
    phases[0].state = PhaseState.ACTIVE
    return phases


def _clean_details(changes: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "title":
            cleaned[name] = clean_title(value, name)
        elif name in _LINE_FIELDS:
            cleaned[name] = clean_line(value, name)
        elif name in ("challenge", "lessons_learned"):
            cleaned[name] = clean_text(value, name)
        elif name == "follow_up_url":
            cleaned[name] = clean_line(value, name, _URL_MAX)
        elif name in ("held_on", "follow_up_on"):
            if value is not None and not isinstance(value, date):
                raise InvalidInput(_("Not a date: {value}").format(value=value), name)
            cleaned[name] = value
        elif name == "warmup_prompts":
            cleaned[name] = [clean_title(v, name) for v in value]
        elif name == "language":
            if value not in LANGUAGES:
                raise InvalidInput(_("Unknown language: {value}").format(value=value), name)
            cleaned[name] = value
        else:
            raise TypeError(f"not an editable workshop detail: {name}")
    return cleaned


def create_workshop(
    db: Database,
    title: str,
    template_key: str | None = None,
    *,
    catalogue: TemplateCatalogue | None = None,
    **details: Any,
) -> WorkshopSnapshot:
    """A new workshop with the agenda of a template (the default one if none is named)."""
    cleaned = _clean_details({"title": title, **details})
    catalogue = catalogue or load_templates()
    if template_key is None:
        template = catalogue.default()
    elif template_key in catalogue.templates:
        template = catalogue.templates[template_key]
    else:
        raise InvalidInput(_("There is no workshop template called {key}.").format(key=template_key))
    language = cleaned.setdefault("language", current_language() if current_language() in LANGUAGES else "sv")
    cleaned.setdefault("warmup_prompts", [localised(w, language) for w in template.warmup])
    with db.transaction() as session:
        workshop = Workshop(template_key=template.key, phases=phases_from_template(template), **cleaned)
        session.add(workshop)
        session.flush()
        return workshop_snapshot(workshop)


def get_workshop(db: Database, workshop_id: str) -> WorkshopSnapshot:
    with db.transaction() as session:
        return workshop_snapshot(fetch(session, Workshop, workshop_id))


def list_workshops(db: Database, search: str = "", *, include_deleted: bool = False) -> list[WorkshopSummary]:
    """Workshops, newest first; ``search`` matches the title, ignoring case."""
    with db.transaction() as session:
        rows = session.execute(text(WORKSHOP_LIST_SQL), {"include_deleted": int(include_deleted)}).all()
        return summaries_from_rows(rows, search)


def rename_workshop(db: Database, workshop_id: str, title: str) -> WorkshopSnapshot:
    return update_workshop(db, workshop_id, title=title)


def update_workshop(db: Database, workshop_id: str, **changes: Any) -> WorkshopSnapshot:
    """Edit any of the workshop's details (title, challenge, place, dates, ...)."""
    cleaned = _clean_details(changes)
    with db.transaction() as session:
        workshop = fetch(session, Workshop, workshop_id)
        for name, value in cleaned.items():
            setattr(workshop, name, value)
        session.flush()
        return workshop_snapshot(workshop)


def delete_workshop(db: Database, workshop_id: str) -> WorkshopSnapshot:
    with db.transaction() as session:
        workshop = fetch(session, Workshop, workshop_id)
        workshop.deleted_at = utcnow()
        return workshop_snapshot(workshop)


def restore_workshop(db: Database, workshop_id: str) -> WorkshopSnapshot:
    with db.transaction() as session:
        workshop = fetch(session, Workshop, workshop_id, allow_deleted=True)
        workshop.deleted_at = None
        return workshop_snapshot(workshop)


def duplicate_workshop(db: Database, workshop_id: str, title: str | None = None) -> WorkshopSnapshot:
    """A copy with the same agenda, participants, clusters, ideas, pictures and backings.

    Votes, reviews and decisions belong to the session that was held and are not copied.
    The copy starts at the first phase.
    """
    with db.transaction() as session:
        source = session.scalars(
            select(Workshop)
            .where(Workshop.id == workshop_id, Workshop.deleted_at.is_(None))
            .options(
                selectinload(Workshop.phases),
                selectinload(Workshop.participants),
                selectinload(Workshop.clusters),
                selectinload(Workshop.ideas).selectinload(Idea.givers),
                selectinload(Workshop.ideas).selectinload(Idea.images),
                selectinload(Workshop.ideas).selectinload(Idea.backings),
            )
        ).one_or_none()
        if source is None:
            fetch(session, Workshop, workshop_id)  # raises NotFound
            raise AssertionError("unreachable")
        new_title = clean_title(title if title is not None else _copy_title(source.title))
        copy = _copy_workshop(session, source, new_title)
        session.flush()
        return workshop_snapshot(copy)


def _copy_title(title: str) -> str:
    """ "… (copy)", shortening the original if needed so that the word "copy" still shows."""
    pattern = _("{title} (copy)")
    room = TITLE_MAX - len(pattern.format(title=""))
    if len(title) > room:
        title = title[: room - 1].rstrip() + "…"
    return pattern.format(title=title)


def _copy_workshop(session: Session, source: Workshop, title: str) -> Workshop:
    fields = {
        name: getattr(source, name)
        for name in (
            *_LINE_FIELDS,
            "challenge",
            "held_on",
            "template_key",
            "language",
            "follow_up_url",
            "follow_up_on",
            "lessons_learned",
        )
    }
    copy = Workshop(title=title, warmup_prompts=list(source.warmup_prompts), **fields)
    copy.phases = [
        Phase(
            position=p.position,
            key=p.key,
            kind=p.kind,
            step=p.step,
            in_room=p.in_room,
            titles=dict(p.titles),
            descriptions=dict(p.descriptions),
            planned_minutes=p.planned_minutes,
            state=PhaseState.ACTIVE if i == 0 else PhaseState.PENDING,
        )
        for i, p in enumerate(source.phases)
    ]
    people = {
        p.id: Participant(
            position=p.position,
            display_name=p.display_name,
            role=p.role,
            organisation=p.organisation,
            origin=p.origin,
            consent_to_be_named=p.consent_to_be_named,
        )
        for p in source.participants
        if p.deleted_at is None
    }
    clusters = {
        c.id: Cluster(position=c.position, name=c.name, colour=c.colour)
        for c in source.clusters
        if c.deleted_at is None
    }
    copy.participants = list(people.values())
    copy.clusters = list(clusters.values())
    for idea in source.ideas:
        if idea.deleted_at is not None:
            continue
        twin = Idea(
            position=idea.position,
            title=idea.title,
            text=idea.text,
            anonymous=idea.anonymous,
            origin=idea.origin,
            actor_category=idea.actor_category,
            idea_type=idea.idea_type,
            novelty=idea.novelty,
            depth=idea.depth,
            status=idea.status,
            cluster=clusters.get(idea.cluster_id) if idea.cluster_id else None,
            givers=[people[g.id] for g in idea.givers if g.id in people],
            images=[
                IdeaImage(
                    position=i.position,
                    mime_type=i.mime_type,
                    width=i.width,
                    height=i.height,
                    data=i.data,
                    caption=i.caption,
                )
                for i in idea.images
                if i.deleted_at is None
            ],
            backings=[
                Backing(text=b.text, given_by=b.given_by) for b in idea.backings if b.deleted_at is None
            ],
        )
        copy.ideas.append(twin)
    session.add(copy)
    return copy
