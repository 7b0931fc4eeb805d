"""The shape of the workshop package: which table becomes which list, nested under which parent.

Export, import and the JSON Schema all walk this one layout, so a column added to a table
is written, read back and described in the same change (a test compares the three).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Column, Table

from models.enums import (
    ActionStatus,
    ActorCategory,
    BallotSource,
    ChangeDepth,
    DecisionLevel,
    DecisionOutcome,
    Eligibility,
    FollowUpKind,
    IdeaStatus,
    IdeaType,
    NoteKind,
    Novelty,
    Origin,
    PhaseKind,
    PhaseState,
    Recommendation,
    ResourceKind,
    ReviewFormat,
    RoundState,
    VotingMode,
)
from models.tables import (
    Action,
    Analysis,
    Backing,
    Ballot,
    Cluster,
    Decision,
    DevelopmentPlan,
    FollowUpEntry,
    Idea,
    IdeaImage,
    IdeaMerge,
    PaperTally,
    Participant,
    Phase,
    ResourceAllocation,
    Review,
    ReviewNote,
    ShortlistEntry,
    TieResolution,
    Vote,
    VotingRound,
    Workshop,
    idea_giver,
    round_cluster,
    round_idea,
)

FORMAT = "mylla.workshop"
VERSION = 1


def table_of(model: type) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


@dataclass(frozen=True)
class IdList:
    """An association table written as a sorted list of ids on its parent (an idea's givers)."""

    key: str
    table: Table
    link: str  # the column holding the parent's id
    value: str  # the column holding the listed id


@dataclass(frozen=True)
class Part:
    """One table as a list of objects in the package.

    ``link`` ties a row to its parent (the workshop, or the enclosing object) and is left out of
    the JSON, as the nesting says it. A top-level part with ``via_idea`` belongs to the workshop
    through an idea; that column stays in the JSON.
    """

    key: str
    table: Table
    order: tuple[str, ...]
    link: str | None = None
    via_idea: str | None = None
    children: tuple[Part, ...] = ()
    id_lists: tuple[IdList, ...] = ()
    drop: tuple[str, ...] = ()
    #: Columns and id lists gathered in one nested object: (its key, their names).
    group: tuple[str, tuple[str, ...]] | None = None
    description: str = ""

    def columns(self) -> list[Column[object]]:
        """The table's columns that the package writes, in table order."""
        left_out = {self.link, *self.drop}
        return [c for c in self.table.columns if c.name not in left_out]

    def child_keys(self) -> set[str]:
        return {c.key for c in self.children} | {i.key for i in self.id_lists}


WORKSHOP = table_of(Workshop)

#: Self-references inserted empty and filled in once every row of the table is there.
SELF_REFERENCES: dict[str, str] = {"idea": "merged_into_id", "voting_round": "runoff_of_id"}

RULES = (
    "dots_per_participant",
    "max_dots_per_idea",
    "eligibility",
    "allow_own_ideas",
    "anonymous",
    "cluster_ids",
    "eligible_idea_ids",
)

PARTS: tuple[Part, ...] = (
    Part("phases", table_of(Phase), ("position",), link="workshop_id", description="The agenda, in order."),
    Part(
        "participants",
        table_of(Participant),
        ("position",),
        link="workshop_id",
        description="The people in the room; a name only where given.",
    ),
    Part("clusters", table_of(Cluster), ("position",), link="workshop_id", description="Themes of ideas."),
    Part(
        "ideas",
        table_of(Idea),
        ("position",),
        link="workshop_id",
        children=(
            Part("images", table_of(IdeaImage), ("position",), link="idea_id", description="Pictures."),
            Part("backings", table_of(Backing), ("created_at",), link="idea_id", description="Backings."),
        ),
        id_lists=(IdList("giver_ids", idea_giver, "idea_id", "participant_id"),),
        description="Every idea, removed and merged ones too.",
    ),
    Part(
        "idea_merges",
        table_of(IdeaMerge),
        ("created_at",),
        via_idea="kept_id",
        description="The record of each merge of two ideas, so that it can be undone.",
    ),
    Part(
        "voting_rounds",
        table_of(VotingRound),
        ("number",),
        link="workshop_id",
        children=(
            Part(
                "ballots",
                table_of(Ballot),
                (),
                link="round_id",
                drop=("voter_key_hash",),
                children=(
                    Part("votes", table_of(Vote), ("idea_id",), link="ballot_id", description="Dots."),
                ),
                description="Ballots in id order (never the order cast), without any voter key.",
            ),
            Part(
                "paper_tallies",
                table_of(PaperTally),
                ("idea_id",),
                link="round_id",
                description="Dots counted from a wall.",
            ),
            Part(
                "tie_resolutions",
                table_of(TieResolution),
                ("rank",),
                link="round_id",
                description="A tie at the cut line settled by hand.",
            ),
        ),
        id_lists=(
            IdList("cluster_ids", round_cluster, "round_id", "cluster_id"),
            IdList("eligible_idea_ids", round_idea, "round_id", "idea_id"),
        ),
        group=("rules", RULES),
        description="Dot voting rounds with their rules; results per idea only once revealed.",
    ),
    Part(
        "shortlist",
        table_of(ShortlistEntry),
        ("position",),
        link="workshop_id",
        description="Ideas going on to critical review, removed entries and their reasons too.",
    ),
    Part(
        "reviews",
        table_of(Review),
        ("created_at",),
        via_idea="idea_id",
        children=(
            Part("notes", table_of(ReviewNote), ("position",), link="review_id", description="Notes."),
        ),
        description="Critical reviews (step 4) with their notes.",
    ),
    Part("analyses", table_of(Analysis), ("created_at",), via_idea="idea_id", description="Step 5."),
    Part(
        "plans",
        table_of(DevelopmentPlan),
        ("created_at",),
        via_idea="idea_id",
        children=(Part("actions", table_of(Action), ("position",), link="plan_id", description="Actions."),),
        description="Development plans (step 6) with their actions.",
    ),
    Part(
        "decisions",
        table_of(Decision),
        ("number",),
        link="workshop_id",
        children=(
            Part(
                "allocations",
                table_of(ResourceAllocation),
                ("created_at",),
                link="decision_id",
                description="Resources allocated on the decision (step 8).",
            ),
        ),
        description="Formal decisions, numbered with a paragraph sign (step 7).",
    ),
    Part(
        "follow_up",
        table_of(FollowUpEntry),
        ("entry_on", "created_at"),
        link="workshop_id",
        description="Entries from the follow-up: check-ins, support, realisation, recognition, lessons.",
    ),
)

#: The closed vocabularies, by table and column.
ENUMS: dict[tuple[str, str], type[StrEnum]] = {
    ("phase", "kind"): PhaseKind,
    ("phase", "state"): PhaseState,
    ("participant", "role"): ActorCategory,
    ("participant", "origin"): Origin,
    ("idea", "origin"): Origin,
    ("idea", "actor_category"): ActorCategory,
    ("idea", "idea_type"): IdeaType,
    ("idea", "novelty"): Novelty,
    ("idea", "depth"): ChangeDepth,
    ("idea", "status"): IdeaStatus,
    ("voting_round", "eligibility"): Eligibility,
    ("voting_round", "mode"): VotingMode,
    ("voting_round", "state"): RoundState,
    ("ballot", "source"): BallotSource,
    ("review", "format"): ReviewFormat,
    ("review", "recommendation"): Recommendation,
    ("review_note", "kind"): NoteKind,
    ("action", "status"): ActionStatus,
    ("decision", "outcome"): DecisionOutcome,
    ("decision", "level"): DecisionLevel,
    ("resource_allocation", "kind"): ResourceKind,
    ("follow_up_entry", "kind"): FollowUpKind,
}


def all_parts() -> list[tuple[Part, Part | None]]:
    """Every part with its parent, depth first: parents before children, the order tables are filled."""
    found: list[tuple[Part, Part | None]] = []

    def visit(part: Part, parent: Part | None) -> None:
        found.append((part, parent))
        for child in part.children:
            visit(child, part)

    for part in PARTS:
        visit(part, None)
    return found
