"""The protocol's later parts: reviews, analyses, plans with actions, decisions (§), resources,
the follow-up, lessons learned and the signature lines.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from app.analysis import CHECKLIST, get_analysis
from app.decisions import allocations, list_decisions
from app.followup import lessons, plan_entries
from app.i18n import N_
from app.plans import list_plans
from app.review import list_reviews
from app.review_snapshots import FORMAT_GUIDES, NOTE_KIND_NAMES, AnalysisSnapshot, ReviewSnapshot
from app.shortlist import shortlist
from app.vocabulary import (
    ACTION_STATUSES,
    DECISION_LEVELS,
    DECISION_OUTCOMES,
    FOLLOW_UP_KINDS,
    RECOMMENDATIONS,
    RESOURCE_KINDS,
)
from exports.protocol_document import Block, BulletList, Facts, Paragraph, QrCode, Section, Signatures, Table
from models.enums import NoteKind, ResourceKind

if TYPE_CHECKING:
    from app.plan_snapshots import AllocationSnapshot, PlanSnapshot
    from exports.protocol_content import Source
    from exports.protocol_words import Words

PLAN_FIELDS: dict[str, str] = {
    "concept": N_("Concept"),
    "factors": N_("Influencing factors"),
    "responsible": N_("Responsible"),
    "mandate": N_("Responsibility and authority"),
    "risk_bearer": N_("Formally bears the risk"),
    "pilot_plan": N_("Pilot"),
    "user_involvement": N_("How users are involved"),
    "operations_handover": N_("Handing over to ordinary operations"),
}


def _review_blocks(review: ReviewSnapshot, w: Words) -> list[Block]:
    c = review.composition
    reviewers = w._("{internal} internal and {external} external").format(
        internal=w.number(c.internal), external=w.number(c.external)
    )
    if review.completed and review.recommendation is not None:
        outcome = w.label(RECOMMENDATIONS, review.recommendation)
    else:
        outcome = w._("Not yet given: the review is in progress")
    blocks: list[Block] = [
        Facts(
            (
                (w._("Format"), w._(FORMAT_GUIDES[review.format].name)),
                (w._("Reviewers"), reviewers),
                (w._("Recommendation"), outcome),
                (w._("Reasons"), review.reasons.strip() if review.completed else ""),
            )
        )
    ]
    for kind in NoteKind:
        notes = review.column(kind)
        if notes:
            blocks.append(BulletList(w._(NOTE_KIND_NAMES[kind]), tuple(n.text for n in notes)))
    return blocks


def review_section(source: Source) -> Section | None:
    w = source.words
    reviews = list_reviews(source.db, source.workshop.id)
    if not reviews:
        return None
    children = tuple(Section(r.idea_title, tuple(_review_blocks(r, w)), level=2) for r in reviews)
    intro = w._("Each shortlisted idea was reviewed in a seminar spirit by internal and external reviewers.")
    return Section(w._("Critical review"), (Paragraph(intro),), children=children)


def _answer(analysis: AnalysisSnapshot, field: str, w: Words) -> str:
    value: Decimal | str | None = getattr(analysis, field)
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if field == "cost_money":
        return w.money(value, analysis.currency)
    return w._("{n} hours").format(n=w.number(value))


def analysis_section(source: Source) -> Section | None:
    w = source.words
    wanted = [i.idea_id for i in shortlist(source.db, source.workshop.id, removed=True)]
    wanted += [p.idea_id for p in list_plans(source.db, source.workshop.id, today=source.today)]
    titles = {i.id: i.title for i in source.ideas}
    children = []
    for idea_id in dict.fromkeys(wanted):
        if idea_id not in titles:
            continue
        analysis = get_analysis(source.db, idea_id)
        if analysis.id is None:
            continue
        rows = tuple((w._(question), _answer(analysis, name, w)) for name, question in CHECKLIST.items())
        done = analysis.completeness
        note = w._("{filled} of {total} questions answered.").format(filled=done.filled, total=done.total)
        children.append(Section(titles[idea_id], (Facts(rows), Paragraph(note, "small")), level=2))
    if not children:
        return None
    intro = w._("Will the benefit exceed the cost in time and money?")
    return Section(w._("In-depth analysis"), (Paragraph(intro),), children=tuple(children))


def _plan_blocks(plan: PlanSnapshot, source: Source) -> list[Block]:
    w = source.words
    facts = [(w._(label), str(getattr(plan, name)).strip()) for name, label in PLAN_FIELDS.items()]
    facts.append((w._("Ready for decision"), w._("Yes") if plan.ready_for_decision else w._("No")))
    blocks: list[Block] = [Facts(tuple(facts))]
    if plan.actions:
        rows = tuple(
            (
                a.title,
                a.owner,
                w.date(a.due_on),
                (
                    w._("{status}, overdue").format(status=w.label(ACTION_STATUSES, a.status))
                    if a.overdue
                    else w.label(ACTION_STATUSES, a.status)
                ),
                a.followed_up_within,
            )
            for a in plan.actions
        )
        blocks.append(
            Table(
                header=(w._("Action"), w._("Owner"), w._("Due"), w._("Status"), w._("Followed up within")),
                rows=rows,
                widths=(4.2, 2.4, 1.7, 2.0, 1.9),
            )
        )
    else:
        blocks.append(Paragraph(w._("The plan has no actions yet."), "small"))
    entries = plan_entries(source.db, plan.idea_id)
    if entries:
        lines = []
        for e in entries:
            # "2026-10-07 Progress (on track): what happened – who was recognised"
            kind = w.label(FOLLOW_UP_KINDS, e.kind) + (f" ({e.status})" if e.status else "")
            what = " – ".join(x for x in (e.text.strip(), e.recognised) if x)
            lines.append(f"{w.date(e.entry_on)} {kind}: {what}" if what else f"{w.date(e.entry_on)} {kind}")
        blocks.append(BulletList(w._("Follow-up so far"), tuple(lines)))
    blocks.append(QrCode(source.links.plan(plan.id), w._("Follow-up of this plan"), size_mm=22.0))
    return blocks


def plan_section(source: Source) -> Section | None:
    w = source.words
    plans = list_plans(source.db, source.workshop.id, today=source.today)
    if not plans:
        return None
    children = tuple(Section(p.idea_title, tuple(_plan_blocks(p, source)), level=2) for p in plans)
    return Section(w._("Development plans"), children=children)


def decision_section(source: Source) -> Section:
    w = source.words
    decisions = list_decisions(source.db, source.workshop.id)
    children = []
    for d in decisions:
        title = f"§ {d.number} {d.idea_title}".strip()
        facts = Facts(
            (
                (w._("Decision"), w.label(DECISION_OUTCOMES, d.outcome)),
                (w._("Level"), w.label(DECISION_LEVELS, d.level)),
                (w._("Decided by"), d.decided_by),
                (w._("Date"), w.date(d.decided_on)),
                (w._("Reference"), d.reference),
                (w._("Reasons"), d.reasons.strip()),
                (w._("How lessons will be captured"), d.lessons_capture.strip()),
            )
        )
        children.append(Section(title, (facts,), level=2))
    blocks: tuple[Block, ...] = () if decisions else (Paragraph(w._("No decisions were taken.")),)
    return Section(w._("Decisions"), blocks, children=tuple(children))


def _amount(a: AllocationSnapshot, w: Words) -> str:
    if a.amount is None:
        return ""
    if a.kind is ResourceKind.MONEY:
        return w.money(a.amount, a.currency)
    if a.kind is ResourceKind.HOURS:
        return w._("{n} hours").format(n=w.number(a.amount))
    return w.number(a.amount)


def resource_section(source: Source) -> Section | None:
    w = source.words
    rows = []
    for d in list_decisions(source.db, source.workshop.id):
        for a in allocations(source.db, d.id):
            rows.append(
                (
                    f"§ {d.number}",
                    w.label(RESOURCE_KINDS, a.kind),
                    _amount(a, w),
                    a.description.strip(),
                    a.allocated_by,
                    w.date(a.allocated_on),
                )
            )
    if not rows:
        return None
    table = Table(
        header=("§", w._("Kind"), w._("Amount"), w._("What"), w._("Given by"), w._("Date")),
        rows=tuple(rows),
        widths=(1.0, 1.6, 2.0, 3.6, 2.0, 1.6),
        numeric=frozenset({2}),
    )
    return Section(w._("Resources"), (table,))


def follow_up_section(source: Source) -> Section:
    w = source.words
    when = source.workshop.follow_up_on
    text = (
        w._("The next follow-up is on {date}.").format(date=w.date(when))
        if when
        else w._("No date has been set for the next follow-up.")
    )
    link = w._("The follow-up can be read at {link}").format(link=source.links.workshop())
    return Section(w._("Follow-up"), (Paragraph(text, "strong"), Paragraph(link)))


def lessons_section(source: Source) -> Section:
    w = source.words
    found = lessons(source.db, source.workshop.id)
    blocks: list[Block] = []
    if found.summary.strip():
        blocks.append(Paragraph(found.summary.strip()))
    if found.entries:
        lines = tuple(f"{w.date(e.entry_on)}: {e.text.strip()}" for e in found.entries)
        blocks.append(BulletList(w._("Lessons noted along the way"), lines))
    if not blocks:
        blocks.append(Paragraph(w._("No lessons have been written down yet.")))
    return Section(w._("Lessons learned"), tuple(blocks))


def signature_section(source: Source) -> Section:
    w = source.words
    signatures = Signatures(
        blocks=(
            (w._("Minutes taken by"), source.workshop.facilitator),
            (w._("Checked and approved"), ""),
        ),
        line_labels=(w._("Signature"), w._("Name in print"), w._("Date")),
    )
    return Section(w._("Signatures"), (signatures,), unnumbered=True)
