"""The protocol's voting rounds (rules, and results only once revealed) and the shortlist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.clusters import list_clusters
from app.i18n import N_
from app.shortlist import shortlist
from app.voting import list_rounds
from app.voting_results import cut_view, results
from app.voting_snapshots import CutView, RoundResults, RoundSnapshot
from exports.protocol_document import Bar, Bars, Block, Facts, Paragraph, Section, Table
from models.enums import Eligibility, RoundState, VotingMode

if TYPE_CHECKING:
    from exports.protocol_content import Source
    from exports.protocol_words import Words

MODES: dict[str, str] = {
    VotingMode.BOOTH: N_("At the booth"),
    VotingMode.PHONES: N_("On phones"),
    VotingMode.PAPER: N_("With dots on paper"),
    VotingMode.MIXED: N_("At the booth, on phones and on paper"),
}
STATES: dict[str, str] = {
    RoundState.DRAFT: N_("Not opened"),
    RoundState.OPEN: N_("Open"),
    RoundState.CLOSED: N_("Closed, not revealed"),
    RoundState.REVEALED: N_("Revealed"),
}


def _round_title(r: RoundSnapshot, w: Words) -> str:
    name = w._("Round {n}").format(n=r.number)
    title = r.title.strip()
    return f"{name}: {title}" if title and title.casefold() != name.casefold() else name


def _eligible_text(r: RoundSnapshot, source: Source) -> str:
    w = source.words
    n = w.number(len(r.eligible_ids))
    if r.eligibility is Eligibility.CLUSTERS:
        names = [c.name for c in list_clusters(source.db, source.workshop.id) if c.id in r.cluster_ids]
        return w._("Ideas in the themes {themes} ({n})").format(themes=", ".join(names), n=n)
    if r.eligibility is Eligibility.LIST:
        numbers = sorted(source.numbers[i] for i in r.eligible_ids if i in source.numbers)
        listed = ", ".join(str(x) for x in numbers)
        return w._("Chosen ideas ({n}): no. {numbers}").format(n=n, numbers=listed)
    return w._("All ideas on the board ({n})").format(n=n)


def _rules(r: RoundSnapshot, source: Source) -> Facts:
    w = source.words
    cap = w._("One dot per idea") if r.max_per_idea == 1 else w.number(r.max_per_idea)
    rows = [
        (w._("Dots per voter"), w.number(r.dots)),
        (w._("Most dots on one idea"), cap),
        (w._("Voting"), w._("Anonymous") if r.anonymous else w._("Named: who voted is known, not how")),
        (w._("Own ideas"), w._("May be voted for") if r.allow_own_ideas else w._("May not be voted for")),
        (w._("Ideas to vote on"), _eligible_text(r, source)),
        (w._("How"), w._(MODES[r.mode])),
        (w._("State"), w._(STATES[r.state])),
    ]
    if r.revealed and r.revealed_at is not None:
        rows.append((w._("Revealed on"), w.date(r.revealed_at.astimezone().date())))
    return Facts(tuple(rows))


def _bars(result: RoundResults, going_on: frozenset[str], source: Source) -> Bars:
    w = source.words
    with_dots = [i for i in result.ideas if i.total > 0]
    bars = []
    for idea in with_dots:
        value = w.number(idea.total)
        if idea.paper_dots:
            value = w._("{total} ({paper} on paper)").format(total=value, paper=w.number(idea.paper_dots))
        number = source.numbers.get(idea.idea_id)
        label = f"{number}. {idea.title}" if number else idea.title
        rank = f"{idea.rank} =" if idea.shared else str(idea.rank)
        bars.append(Bar(rank, label, idea.total, value, idea.idea_id in going_on))
    left = len(result.ideas) - len(with_dots)
    note = (
        w.ngettext("{n} idea got no dots.", "{n} ideas got no dots.", left).format(n=w.number(left))
        if left
        else ""
    )
    return Bars((w._("Place"), w._("Idea"), w._("Dots")), tuple(bars), note)


def _cut_text(view: CutView, result: RoundResults, source: Source) -> list[Block]:
    w = source.words
    titles = {i.idea_id: i.title for i in result.ideas}
    blocks: list[Block] = [
        Paragraph(
            w.ngettext(
                "The line was drawn after {n} idea; those going on are in bold.",
                "The line was drawn after {n} ideas; those going on are in bold.",
                view.size,
            ).format(n=w.number(view.size))
        )
    ]
    for settled in view.settlements:
        tied = w.quoted([titles.get(i, "") for i in settled.idea_ids])
        if settled.runoff_id is not None:
            text = w._("A tie at the line between {ideas} was settled by a runoff.").format(ideas=tied)
        else:
            text = w._("A tie at the line between {ideas} was settled by hand. Reason: {reason}").format(
                ideas=tied, reason=settled.reason
            )
        blocks.append(Paragraph(text))
    if view.is_tied:
        tied = w.quoted([titles.get(i, "") for i in view.tied])
        blocks.append(
            Paragraph(w._("{ideas} are tied at the line, and the tie was not settled.").format(ideas=tied))
        )
    return blocks


def _round_blocks(r: RoundSnapshot, source: Source) -> list[Block]:
    w = source.words
    blocks: list[Block] = [_rules(r, source)]
    if not r.revealed:
        blocks.append(
            Paragraph(
                w._(
                    "Not revealed. The results of this round were never shown, "
                    "so the protocol holds no counts from it."
                ),
                "strong",
            )
        )
        return blocks
    result = results(source.db, r.id)
    paper = w._("{n} of them on paper").format(n=w.number(result.paper_dots)) if result.paper_dots else ""
    blocks.append(
        Paragraph(
            w.ngettext("{n} ballot was cast.", "{n} ballots were cast.", result.ballots).format(
                n=w.number(result.ballots)
            )
            + " "
            + w.ngettext("{n} dot in all", "{n} dots in all", result.total_dots).format(
                n=w.number(result.total_dots)
            )
            + (f", {paper}." if paper else ".")
        )
    )
    view = cut_view(source.db, r.id, r.shortlist_size) if r.shortlist_size and not r.is_runoff else None
    going_on = frozenset(view.going_on) if view is not None else frozenset()
    blocks.append(_bars(result, going_on, source))
    if any(i.shared for i in result.ideas if i.total > 0):
        blocks.append(Paragraph(w._("= shares its place with another idea."), "small"))
    if view is not None:
        blocks.extend(_cut_text(view, result, source))
    return blocks


def voting_section(source: Source) -> Section | None:
    w = source.words
    rounds = list_rounds(source.db, source.workshop.id)
    if not rounds:
        return None
    ids = {r.id for r in rounds}
    children = []
    for r in rounds:
        if r.runoff_of_id in ids:
            continue
        runoffs = tuple(
            Section(
                w._("Runoff after round {n} (round {runoff})").format(n=r.number, runoff=x.number),
                tuple(_round_blocks(x, source)),
                level=3,
            )
            for x in rounds
            if x.runoff_of_id == r.id
        )
        children.append(Section(_round_title(r, w), tuple(_round_blocks(r, source)), 2, runoffs))
    intro = w._("Dot voting is advisory: it chooses which ideas go on to critical review.")
    return Section(w._("Dot voting"), (Paragraph(intro),), children=tuple(children))


def shortlist_section(source: Source) -> Section | None:
    w = source.words
    items = shortlist(source.db, source.workshop.id, removed=True)
    if not items:
        return None
    rounds = {r.id: r.number for r in list_rounds(source.db, source.workshop.id)}
    items = sorted(items, key=lambda i: (i.removed, i.position, i.created_at))
    rows = []
    for item in items:
        if item.round_id is not None and not item.added_reason:
            how = w._("By the vote in round {n}").format(n=rounds.get(item.round_id, "?"))
        elif item.round_id is not None:
            how = w._("By the vote in round {n}, changed: {reason}").format(
                n=rounds.get(item.round_id, "?"), reason=item.added_reason
            )
        else:
            how = w._("Added by hand: {reason}").format(reason=item.added_reason)
        off = ""
        if item.removed_at is not None:
            off = w._("Taken off {date}: {reason}").format(
                date=w.date(item.removed_at.astimezone().date()), reason=item.removed_reason
            )
        number = source.numbers.get(item.idea_id)
        rows.append((str(number) if number else "", item.title, how, off))
    table = Table(
        header=(w._("No."), w._("Idea"), w._("On the shortlist"), w._("Taken off")),
        rows=tuple(rows),
        widths=(0.7, 4.3, 3.6, 3.2),
        numeric=frozenset({0}),
        marked=frozenset(n for n, item in enumerate(items) if not item.removed),
    )
    intro = w._("The ideas going on to critical review. A change after the vote gives its reason.")
    return Section(w._("Shortlist"), (Paragraph(intro), table))
