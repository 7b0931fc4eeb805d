"""What the session protocol says, gathered from the app's services into a neutral document.

Every privacy rule is applied here, once, for the PDF and the Markdown alike:
- a participant is named only with consent (as ``app.participants.participant_label`` in public);
- an anonymous idea has no giver, and no giver is named without consent;
- a round that was never revealed is printed as such, without a single count;
- reviewers are never named, only how many were internal and external.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from app.backings import list_backings
from app.clusters import list_clusters
from app.ideas import list_ideas
from app.participants import list_participants
from app.snapshots import IdeaSnapshot, ParticipantSnapshot, WorkshopSnapshot
from app.vocabulary import DEPTHS, IDEA_TYPES, NOVELTIES, ORIGINS, ROLES
from app.workshops import get_workshop
from exports.links import FollowUpLinks, follow_up_links
from exports.protocol_document import (
    Block,
    Document,
    Header,
    Paragraph,
    QrCode,
    Section,
    Table,
)
from exports.protocol_followup import (
    analysis_section,
    decision_section,
    follow_up_section,
    lessons_section,
    plan_section,
    resource_section,
    review_section,
    signature_section,
)
from exports.protocol_voting import shortlist_section, voting_section
from exports.protocol_words import Words
from models.database import Database

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Source:
    """What every part of the protocol reads: the workshop, its people and ideas, the language."""

    db: Database
    workshop: WorkshopSnapshot
    words: Words
    links: FollowUpLinks
    today: date
    people: dict[str, ParticipantSnapshot]
    ideas: tuple[IdeaSnapshot, ...]
    #: Each live idea's number in the protocol (board order), so that rankings can refer to it.
    numbers: dict[str, int]


def public_name(person: ParticipantSnapshot, words: Words) -> str:
    """As ``participant_label(p, public=True)``, in the protocol's language: a name only with consent."""
    name = person.display_name.strip()
    if name and person.consent_to_be_named:
        return name
    role = words.label(ROLES, person.role)
    organisation = person.organisation.strip()
    if organisation:
        return words._("{role}, {organisation}").format(role=role, organisation=organisation)
    return role


def giver_text(idea: IdeaSnapshot, source: Source) -> str:
    """Who gave the idea, as the public may read it; nothing for an anonymous idea."""
    w = source.words
    if idea.anonymous:
        return w._("Anonymous")
    names = [public_name(source.people[g], w) for g in idea.giver_ids if g in source.people]
    return "; ".join(names)


def _header(source: Source) -> Header:
    w, ws = source.words, source.workshop
    facts = (
        (w._("Date"), w.date(ws.held_on)),
        (w._("Place"), ws.place),
        (w._("Case number"), ws.case_number),
        (w._("Commissioner"), ws.organiser),
        (w._("Facilitator"), ws.facilitator),
    )
    return Header(
        document_kind=w._("Protocol"),
        organisation=ws.organisation,
        unit=ws.unit,
        title=ws.title,
        facts=tuple((label, value) for label, value in facts if value.strip()),
        follow_up=QrCode(
            source.links.workshop(),
            w._("Follow the work after the workshop: scan the code or open the link."),
            size_mm=30.0,
        ),
        page_label=w._("{page} ({pages})"),
    )


def participants_section(source: Source) -> Section:
    w = source.words
    people = sorted(source.people.values(), key=lambda p: p.position)
    groups: dict[tuple[str, str, str], list[ParticipantSnapshot]] = {}
    for person in people:
        groups.setdefault((person.role, person.organisation.strip(), person.origin), []).append(person)
    rows = []
    for (role, organisation, origin), members in groups.items():
        named = [p.display_name.strip() for p in members if p.consent_to_be_named and p.display_name.strip()]
        rows.append(
            (
                w.label(ROLES, role),
                organisation,
                w.label(ORIGINS, origin),
                w.number(len(members)),
                ", ".join(named),
            )
        )
    internal = sum(1 for p in people if p.origin == "internal")
    rows.append((w._("Total"), "", "", w.number(len(people)), ""))
    summary = w.ngettext(
        "{n} participant: {internal} internal, {external} external.",
        "{n} participants: {internal} internal, {external} external.",
        len(people),
    ).format(n=w.number(len(people)), internal=w.number(internal), external=w.number(len(people) - internal))
    blocks: list[Block] = [
        Paragraph(summary),
        Table(
            header=(
                w._("Role"),
                w._("Organisation"),
                w._("Internal or external"),
                w._("Number"),
                w._("Named"),
            ),
            rows=tuple(rows),
            widths=(2.0, 3.2, 1.7, 1.2, 3.2),
            numeric=frozenset({3}),
            marked=frozenset({len(rows) - 1}),
        ),
        Paragraph(w._("Participants are named only when they agreed to it."), "small"),
    ]
    if not people:
        blocks = [Paragraph(w._("No participants were recorded."))]
    return Section(w._("Participants"), tuple(blocks))


def challenge_section(source: Source) -> Section:
    w = source.words
    text = source.workshop.challenge.strip()
    return Section(w._("The challenge"), (Paragraph(text or w._("No challenge was written down.")),))


def _idea_cell(idea: IdeaSnapshot, w: Words) -> str:
    details = " · ".join(
        x
        for x in (
            w.label(IDEA_TYPES, idea.idea_type),
            w.label(NOVELTIES, idea.novelty),
            w.label(DEPTHS, idea.depth),
        )
        if x
    )
    parts = [idea.title, idea.text.strip(), details]
    return "\n".join(p for p in parts if p)


def _idea_table(ideas: Sequence[IdeaSnapshot], source: Source) -> Table:
    w = source.words
    rows = []
    for idea in ideas:
        backings = list_backings(source.db, idea.id) if idea.backing_count else []
        rows.append(
            (
                str(source.numbers[idea.id]),
                _idea_cell(idea, w),
                giver_text(idea, source),
                "\n".join(b.text for b in backings),
            )
        )
    return Table(
        header=(w._("No."), w._("Idea"), w._("Idea giver"), w._("Backing")),
        rows=tuple(rows),
        widths=(0.7, 5.6, 2.2, 3.3),
        numeric=frozenset({0}),
        first_line_bold=frozenset({1}),
    )


def ideas_section(source: Source) -> Section:
    w = source.words
    clusters = list_clusters(source.db, source.workshop.id)
    known = {c.id for c in clusters}
    children = []
    for cluster in clusters:
        members = [i for i in source.ideas if i.cluster_id == cluster.id]
        if members:
            children.append(_idea_group(f"{cluster.name} ({w.number(len(members))})", members, source))
    loose = [i for i in source.ideas if i.cluster_id not in known]
    if loose:
        title = w._("Not in a theme") if children else w._("All ideas")
        children.append(_idea_group(f"{title} ({w.number(len(loose))})", loose, source))
    count = len(source.ideas)
    intro = w.ngettext(
        "{n} idea, by theme, in the order of the board.",
        "{n} ideas, by theme, in the order of the board.",
        count,
    ).format(n=w.number(count))
    blocks: tuple[Block, ...] = (Paragraph(intro if count else w._("No ideas were recorded.")),)
    return Section(w._("Ideas"), blocks, children=tuple(children))


def _idea_group(title: str, ideas: Sequence[IdeaSnapshot], source: Source) -> Section:
    return Section(title, (_idea_table(ideas, source),), level=2)


#: The parts of the protocol in print order; each is one step of the progress.
PARTS: tuple[Callable[[Source], Section | None], ...] = (
    participants_section,
    challenge_section,
    ideas_section,
    voting_section,
    shortlist_section,
    review_section,
    analysis_section,
    plan_section,
    decision_section,
    resource_section,
    follow_up_section,
    lessons_section,
    signature_section,
)


def build_document(
    db: Database,
    workshop_id: str,
    *,
    lang: str,
    follow_up_url: str | None,
    today: date | None = None,
    progress: Progress | None = None,
) -> Document:
    """The protocol of a workshop in ``lang`` (sv, nb or en).

    ``follow_up_url`` is the link template used when the workshop has no follow-up link of its
    own; ``today`` decides which actions are overdue. ``progress(done, total)`` is told after each
    part of the protocol is gathered.
    """
    words = Words(lang)
    workshop = get_workshop(db, workshop_id)
    links = follow_up_links(workshop, follow_up_url)
    ideas = tuple(list_ideas(db, workshop_id))
    source = Source(
        db=db,
        workshop=workshop,
        words=words,
        links=links,
        today=today or date.today(),
        people={p.id: p for p in list_participants(db, workshop_id)},
        ideas=ideas,
        numbers={idea.id: n for n, idea in enumerate(ideas, start=1)},
    )
    total = len(PARTS)
    sections = []
    for done, part in enumerate(PARTS, start=1):
        section = part(source)
        if section is not None:
            sections.append(section)
        if progress is not None:
            progress(done, total)
    numbered = _numbered(sections)
    w = words
    running = " · ".join(x for x in (workshop.title, workshop.case_number) if x)
    return Document(
        lang=lang,
        header=_header(source),
        sections=numbered,
        running_title=running,
        metadata_title=f"{w._('Protocol')}: {workshop.title}",
        metadata_author=workshop.organisation or workshop.facilitator,
        metadata_subject=w._("Protocol of a co-creation workshop"),
        keywords=tuple(k for k in (workshop.case_number, workshop.unit) if k),
    )


def _numbered(sections: Sequence[Section]) -> tuple[Section, ...]:
    """The parts numbered 1, 2, 3 ... as a protocol's headings are (the signatures stay unnumbered)."""
    out = []
    for n, section in enumerate(sections, start=1):
        if section.unnumbered:
            out.append(section)
        else:
            out.append(Section(f"{n}. {section.title}", section.blocks, section.level, section.children))
    return tuple(out)
