"""The ten steps in the order an idea passes them: which status comes before and after which."""

from __future__ import annotations

from models.enums import IdeaStatus

#: The steps in the order an idea passes them; a later one outranks an earlier one.
#: (A parked idea stands outside the order: it was stopped at the step it had reached.)
STEPS: tuple[IdeaStatus, ...] = (
    IdeaStatus.PROPOSED,
    IdeaStatus.BACKED,
    IdeaStatus.SHORTLISTED,
    IdeaStatus.REVIEWED,
    IdeaStatus.ANALYSED,
    IdeaStatus.PLANNED,
    IdeaStatus.DECIDED,
    IdeaStatus.RESOURCED,
    IdeaStatus.REALISING,
    IdeaStatus.REALISED,
)


def from_step(step: IdeaStatus) -> frozenset[IdeaStatus]:
    """``step`` and every step after it."""
    return frozenset(STEPS[STEPS.index(step) :])


def up_to(step: IdeaStatus) -> frozenset[IdeaStatus]:
    """Every step up to and including ``step``."""
    return frozenset(STEPS[: STEPS.index(step) + 1])
