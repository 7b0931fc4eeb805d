"""The review's words shared by the facilitator's panel and the shared screen: who reviewed, and the outcome."""

from __future__ import annotations

from app.i18n import _, ngettext
from app.review_snapshots import RECOMMENDATION_NAMES, Composition, ReviewSnapshot
from models.enums import Origin


def composition_text(composition: Composition) -> str:
    """ "Reviewers who wrote notes: 2 internal, 1 external · 3 notes without reviewer"."""
    internal = ngettext("{n} internal", "{n} internal", composition.internal).format(n=composition.internal)
    external = ngettext("{n} external", "{n} external", composition.external).format(n=composition.external)
    text = _("Reviewers who wrote notes: {internal}, {external}").format(internal=internal, external=external)
    without = composition.notes_without_reviewer
    if without:
        more = ngettext("{n} note without reviewer", "{n} notes without reviewer", without).format(n=without)
        text = f"{text} · {more}"
    return text


def room_composition_text(composition: Composition) -> str:
    """The review group for the room: "Reviewers: 2 internal, 1 external" (no count of unsigned notes).

    "" while no note names its reviewer: the room is not told of a group of none.
    """
    if composition.reviewers == 0:
        return ""
    internal = ngettext("{n} internal", "{n} internal", composition.internal).format(n=composition.internal)
    external = ngettext("{n} external", "{n} external", composition.external).format(n=composition.external)
    return _("Reviewers: {internal}, {external}").format(internal=internal, external=external)


def composition_hint(composition: Composition) -> str:
    """A plain hint while the group lacks one side; "" once it mixes internal and external reviewers."""
    if composition.mixed:
        return ""
    return _("The model asks for both internal and external reviewers.")


def origin_mark(origin: str | None) -> str:
    if origin == Origin.INTERNAL:
        return _("internal")
    if origin == Origin.EXTERNAL:
        return _("external")
    return ""


def recommendation_text(review: ReviewSnapshot) -> str:
    """ "Recommendation: Proceed" for a completed review, "" for one still open."""
    if not review.completed or review.recommendation is None:
        return ""
    name = _(RECOMMENDATION_NAMES[review.recommendation])
    return _("Recommendation: {recommendation}").format(recommendation=name)
