"""The demo workshop: realistic Swedish content that shows every feature built so far."""

from __future__ import annotations

import itertools
from datetime import date

from app import demo_content as text
from app.records import workshop_snapshot
from app.templates import load_templates
from app.workshops import phases_from_template
from models.database import Database
from models.enums import IdeaStatus, Origin, PhaseState
from models.idea import Backing, Idea
from models.workshop import Cluster, Participant, Workshop

DEFAULT_IDEAS, DEFAULT_PARTICIPANTS = text.DEFAULT_IDEAS, text.DEFAULT_PARTICIPANTS
MAX_IDEAS, MAX_PARTICIPANTS = text.MAX_IDEAS, text.MAX_PARTICIPANTS


def _participants(count: int) -> list[Participant]:
    rows = [row for row in text.PARTICIPANTS for _ in range(row[5])]
    people = []
    for position, (role, organisation, origin, name, consent, _n) in enumerate(
        itertools.islice(itertools.cycle(rows), count)
    ):
        people.append(
            Participant(
                position=position,
                role=role,
                organisation=organisation,
                origin=origin,
                display_name=name if position < len(rows) else "",
                consent_to_be_named=consent and position < len(rows),
            )
        )
    return people


def _extra_ideas(count: int) -> list[tuple[int | None, str, str, str, str, str, bool, str]]:
    combos = itertools.product(text.MORE_WHAT, text.MORE_WHERE, text.MORE_HOW)
    extra: list[tuple[int | None, str, str, str, str, str, bool, str]] = []
    for n, (what, where, how) in enumerate(itertools.islice(itertools.cycle(combos), count)):
        title = f"{what} {where}"
        body = f"{what} {where}, {how}. Ett sätt att bryta ensamheten och skapa trygghet i vardagen."
        extra.append(
            (
                n % len(text.CLUSTERS),
                title,
                body,
                "service",
                "new_to_us",
                "incremental",
                n % 7 == 0,
                "Tack för idén!" if n % 3 else "",
            )
        )
    return extra


def create_demo_workshop(
    db: Database, ideas: int = DEFAULT_IDEAS, participants: int = DEFAULT_PARTICIPANTS
) -> str:
    """Create the demo workshop in one transaction and return its id."""
    if not 0 <= ideas <= MAX_IDEAS or not 0 <= participants <= MAX_PARTICIPANTS:
        raise ValueError("demo size out of range")
    template = load_templates().templates["ten-step"]
    phases = phases_from_template(template)
    backing_phase = next(i for i, p in enumerate(phases) if p.kind == "backing")
    for i, phase in enumerate(phases):
        phase.state = PhaseState.DONE if i < backing_phase else PhaseState.PENDING
    phases[backing_phase].state = PhaseState.ACTIVE
    workshop = Workshop(
        title=text.TITLE,
        challenge=text.CHALLENGE,
        held_on=date.today(),
        place=text.PLACE,
        organisation=text.ORGANISATION,
        unit=text.UNIT,
        organiser=text.ORGANISER,
        facilitator=text.FACILITATOR,
        case_number=text.CASE_NUMBER,
        template_key=template.key,
        language="sv",
        warmup_prompts=[w["sv"] for w in template.warmup],
        phases=phases,
    )
    workshop.participants = _participants(participants)
    workshop.clusters = [Cluster(position=i, name=n, colour=c) for i, (n, c) in enumerate(text.CLUSTERS)]
    rows = text.IDEAS[:ideas] + _extra_ideas(max(0, ideas - len(text.IDEAS)))
    people = workshop.participants
    for position, (cluster, title, body, kind, novelty, depth, anonymous, backing) in enumerate(rows):
        giver = people[(position * 5) % len(people)] if people and not anonymous else None
        workshop.ideas.append(
            Idea(
                position=position,
                title=title,
                text=body,
                idea_type=kind,
                novelty=novelty,
                depth=depth,
                anonymous=anonymous,
                cluster=workshop.clusters[cluster] if cluster is not None else None,
                givers=[giver] if giver else [],
                origin=giver.origin if giver else Origin.EXTERNAL,
                actor_category=giver.role if giver else None,
                status=IdeaStatus.BACKED if backing else IdeaStatus.PROPOSED,
                backings=[Backing(text=backing, given_by="Eva Sjöberg")] if backing else [],
            )
        )
    with db.transaction() as session:
        session.add(workshop)
        session.flush()
        return workshop_snapshot(workshop).id
