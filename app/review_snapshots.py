"""Plain pictures of critical reviews and analyses, and the review formats' prompts as data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from app.i18n import N_, _
from models.enums import NoteKind, Recommendation, ReviewFormat


@dataclass(frozen=True)
class Prompt:
    """A question put to the review group, and the kind of note its answers become."""

    kind: NoteKind
    text: str
    role: str = ""  # six thinking hats: the hat's key ("white", "red", ...)


@dataclass(frozen=True)
class Role:
    """A way of thinking a reviewer takes on for a while (a hat), with its name."""

    key: str
    name: str


@dataclass(frozen=True)
class FormatGuide:
    """What a review format asks: an opening question and prompts mapped onto the five note kinds."""

    format: ReviewFormat
    name: str
    question: str
    prompts: tuple[Prompt, ...]
    roles: tuple[Role, ...] = ()

    def prompts_for(self, kind: NoteKind) -> tuple[Prompt, ...]:
        return tuple(p for p in self.prompts if p.kind is kind)


#: The guides as msgids; ``format_guide`` gives them in the current language.
FORMAT_GUIDES: dict[ReviewFormat, FormatGuide] = {
    ReviewFormat.STANDARD: FormatGuide(
        format=ReviewFormat.STANDARD,
        name=N_("Review board"),
        question=N_("Constructive and critical, in a seminar spirit: what holds, and what must be better?"),
        prompts=(
            Prompt(NoteKind.STRENGTH, N_("What is good about the idea? What makes it worth doing?")),
            Prompt(NoteKind.WEAKNESS, N_("Where is the idea weak or unclear?")),
            Prompt(NoteKind.RISK, N_("What could go wrong, and for whom?")),
            Prompt(NoteKind.QUESTION, N_("What do we need to find out?")),
            Prompt(NoteKind.SUGGESTION, N_("How could the idea become better?")),
        ),
    ),
    ReviewFormat.PRE_MORTEM: FormatGuide(
        format=ReviewFormat.PRE_MORTEM,
        name=N_("Pre-mortem"),
        question=N_("A year from now the idea has failed. Why?"),
        prompts=(
            Prompt(NoteKind.STRENGTH, N_("What worked even so, and is worth keeping?")),
            Prompt(NoteKind.WEAKNESS, N_("What in the idea itself was weak from the start?")),
            Prompt(NoteKind.RISK, N_("What went wrong along the way?")),
            Prompt(NoteKind.QUESTION, N_("What should we have found out before we started?")),
            Prompt(NoteKind.SUGGESTION, N_("What could have prevented the failure?")),
        ),
    ),
    ReviewFormat.SIX_HATS: FormatGuide(
        format=ReviewFormat.SIX_HATS,
        name=N_("Six thinking hats"),
        question=N_("Everyone wears the same hat at the same time; change hats together."),
        prompts=(
            Prompt(NoteKind.QUESTION, N_("Facts: what do we know, and what do we need to know?"), "white"),
            Prompt(NoteKind.STRENGTH, N_("Feelings: what feels right about the idea?"), "red"),
            Prompt(NoteKind.WEAKNESS, N_("Feelings: what feels wrong about the idea?"), "red"),
            Prompt(NoteKind.RISK, N_("Caution: what could go wrong?"), "black"),
            Prompt(NoteKind.WEAKNESS, N_("Caution: where does the idea not hold?"), "black"),
            Prompt(NoteKind.STRENGTH, N_("Benefits: what is good about it, and for whom?"), "yellow"),
            Prompt(
                NoteKind.SUGGESTION, N_("Creativity: what alternatives and improvements are there?"), "green"
            ),
            Prompt(
                NoteKind.QUESTION,
                N_("Process: what should we think about next, and what is to decide?"),
                "blue",
            ),
        ),
        roles=(
            Role("white", N_("White hat: facts")),
            Role("red", N_("Red hat: feelings")),
            Role("black", N_("Black hat: caution")),
            Role("yellow", N_("Yellow hat: benefits")),
            Role("green", N_("Green hat: creativity")),
            Role("blue", N_("Blue hat: process")),
        ),
    ),
}

#: The note kinds by name, in the order the board shows its columns.
NOTE_KIND_NAMES: dict[NoteKind, str] = {
    NoteKind.STRENGTH: N_("Strengths"),
    NoteKind.WEAKNESS: N_("Weaknesses"),
    NoteKind.RISK: N_("Risks"),
    NoteKind.QUESTION: N_("Questions"),
    NoteKind.SUGGESTION: N_("Suggestions"),
}

RECOMMENDATION_NAMES: dict[Recommendation, str] = {
    Recommendation.PROCEED: N_("Proceed"),
    Recommendation.REWORK: N_("Rework"),
    Recommendation.PARK: N_("Park"),
}


def format_guide(review_format: ReviewFormat) -> FormatGuide:
    """A format's guide in the current language."""
    guide = FORMAT_GUIDES[review_format]
    return FormatGuide(
        format=guide.format,
        name=_(guide.name),
        question=_(guide.question),
        prompts=tuple(Prompt(p.kind, _(p.text), p.role) for p in guide.prompts),
        roles=tuple(Role(r.key, _(r.name)) for r in guide.roles),
    )


@dataclass(frozen=True)
class NoteSnapshot:
    id: str
    review_id: str
    kind: NoteKind
    text: str
    reviewer_id: str | None
    reviewer_origin: str | None  # "internal" or "external": the board marks each note's reviewer
    position: int
    created_at: datetime
    deleted: bool


@dataclass(frozen=True)
class Composition:
    """Who reviewed: distinct reviewers by origin, and the notes written without a reviewer."""

    internal: int
    external: int
    notes_without_reviewer: int

    @property
    def reviewers(self) -> int:
        return self.internal + self.external

    @property
    def mixed(self) -> bool:
        """The model asks for both internal and external reviewers."""
        return self.internal > 0 and self.external > 0


@dataclass(frozen=True)
class ReviewSnapshot:
    id: str
    idea_id: str
    idea_title: str
    workshop_id: str
    format: ReviewFormat
    recommendation: Recommendation | None
    reasons: str
    completed_at: datetime | None
    created_at: datetime
    deleted: bool
    notes: tuple[NoteSnapshot, ...]  # live ones, by kind (board order) and position
    composition: Composition

    @property
    def completed(self) -> bool:
        return self.completed_at is not None

    def column(self, kind: NoteKind) -> tuple[NoteSnapshot, ...]:
        return tuple(n for n in self.notes if n.kind is kind)


@dataclass(frozen=True)
class Completeness:
    """How much of the analysis checklist is filled in; ``missing`` names the empty fields."""

    filled: int
    total: int
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class AnalysisSnapshot:
    """The in-depth analysis of one idea; all empty (``id`` None) until something is saved."""

    id: str | None
    idea_id: str
    benefit: str
    beneficiaries: str
    cost_hours: Decimal | None
    cost_money: Decimal | None
    currency: str
    external_information: str
    rights: str
    financing: str
    skills: str
    partners: str
    completeness: Completeness
