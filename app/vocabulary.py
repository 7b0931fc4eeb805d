"""The words shown for the domain's codes (roles, idea types, ...), translated where shown."""

from __future__ import annotations

from app.i18n import N_, _
from models.enums import (
    ActionStatus,
    ActorCategory,
    ChangeDepth,
    DecisionLevel,
    DecisionOutcome,
    FollowUpKind,
    IdeaStatus,
    IdeaType,
    NoteKind,
    Novelty,
    Origin,
    PhaseState,
    Recommendation,
    ResourceKind,
)

ROLES: dict[str, str] = {
    ActorCategory.EMPLOYEE: N_("Employee"),
    ActorCategory.CITIZEN: N_("Citizen"),
    ActorCategory.USER: N_("Service user"),
    ActorCategory.BUSINESS: N_("Business"),
    ActorCategory.ACADEMIA: N_("Academia"),
    ActorCategory.CIVIL_SOCIETY: N_("Civil society"),
    ActorCategory.POLITICIAN: N_("Politician"),
    ActorCategory.LEADER: N_("Leader"),
    ActorCategory.OTHER: N_("Other"),
}

ORIGINS: dict[str, str] = {Origin.INTERNAL: N_("Internal"), Origin.EXTERNAL: N_("External")}

IDEA_TYPES: dict[str, str] = {
    IdeaType.PRODUCT: N_("Product"),
    IdeaType.SERVICE: N_("Service"),
    IdeaType.PROCESS: N_("Process"),
    IdeaType.METHOD: N_("Method"),
}

NOVELTIES: dict[str, str] = {
    Novelty.NEW_TO_US: N_("New to us"),
    Novelty.NEW_TO_COUNTRY: N_("New to the country"),
    Novelty.NEW_TO_WORLD: N_("New to the world"),
}

DEPTHS: dict[str, str] = {ChangeDepth.INCREMENTAL: N_("Incremental"), ChangeDepth.RADICAL: N_("Radical")}

PHASE_STATES: dict[str, str] = {
    PhaseState.PENDING: N_("Coming"),
    PhaseState.ACTIVE: N_("Now"),
    PhaseState.DONE: N_("Done"),
    PhaseState.SKIPPED: N_("Skipped"),
}

#: An idea's place along the ten steps, as shown on the idea.
IDEA_STATUSES: dict[str, str] = {
    IdeaStatus.PROPOSED: N_("Captured"),
    IdeaStatus.BACKED: N_("Backed"),
    IdeaStatus.SHORTLISTED: N_("Shortlisted"),
    IdeaStatus.REVIEWED: N_("Reviewed"),
    IdeaStatus.ANALYSED: N_("Analysed"),
    IdeaStatus.PLANNED: N_("Planned"),
    IdeaStatus.DECIDED: N_("Decided"),
    IdeaStatus.RESOURCED: N_("Resourced"),
    IdeaStatus.REALISING: N_("Being realised"),
    IdeaStatus.REALISED: N_("Realised"),
    IdeaStatus.PARKED: N_("Parked"),
}

NOTE_KINDS: dict[str, str] = {
    NoteKind.STRENGTH: N_("Strengths"),
    NoteKind.WEAKNESS: N_("Weaknesses"),
    NoteKind.RISK: N_("Risks"),
    NoteKind.QUESTION: N_("Questions"),
    NoteKind.SUGGESTION: N_("Suggestions"),
}

RECOMMENDATIONS: dict[str, str] = {
    Recommendation.PROCEED: N_("Proceed"),
    Recommendation.REWORK: N_("Rework"),
    Recommendation.PARK: N_("Park"),
}

ACTION_STATUSES: dict[str, str] = {
    ActionStatus.NOT_STARTED: N_("Not started"),
    ActionStatus.IN_PROGRESS: N_("In progress"),
    ActionStatus.DONE: N_("Done"),
    ActionStatus.NOT_POSSIBLE: N_("Not possible"),
    ActionStatus.HANDED_OVER: N_("Handed over to ordinary operations"),
}

DECISION_OUTCOMES: dict[str, str] = {
    DecisionOutcome.GO: N_("GO"),
    DecisionOutcome.NO: N_("No"),
    DecisionOutcome.POSTPONED: N_("Postponed"),
    DecisionOutcome.DECLINED_IN_DOUBT: N_("Declined while in doubt"),
}

DECISION_LEVELS: dict[str, str] = {
    DecisionLevel.UNIT_MANAGER: N_("Unit manager"),
    DecisionLevel.COMMITTEE: N_("Committee"),
    DecisionLevel.EXECUTIVE_BOARD: N_("Executive board"),
    DecisionLevel.COUNCIL: N_("Council"),
    DecisionLevel.STAFF_MEETING: N_("Staff meeting"),
    DecisionLevel.OTHER: N_("Other"),
}

RESOURCE_KINDS: dict[str, str] = {
    ResourceKind.MONEY: N_("Money"),
    ResourceKind.HOURS: N_("Hours"),
    ResourceKind.SUPPORT: N_("Other support"),
}

FOLLOW_UP_KINDS: dict[str, str] = {
    FollowUpKind.CHECK_IN: N_("Progress"),
    FollowUpKind.SUPPORT: N_("Support"),
    FollowUpKind.REALISATION: N_("Realised"),
    FollowUpKind.RECOGNITION: N_("Recognition"),
    FollowUpKind.LESSON: N_("Lesson learned"),
}


def label(table: dict[str, str], code: str | None) -> str:
    """The translated word for ``code``, or an empty string when none is set."""
    if not code:
        return ""
    return _(table[code]) if code in table else code
