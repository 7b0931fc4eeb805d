"""The words shown for the domain's codes (roles, idea types, ...), translated where shown."""

from __future__ import annotations

from app.i18n import N_, _
from models.enums import ActorCategory, ChangeDepth, IdeaType, Novelty, Origin, PhaseState

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


def label(table: dict[str, str], code: str | None) -> str:
    """The translated word for ``code``, or an empty string when none is set."""
    if not code:
        return ""
    return _(table[code]) if code in table else code
