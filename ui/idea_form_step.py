"""The idea form's read-only line with the idea's step: "Step: Decided — § 2 Postponed, 2 Sep 2026"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from app.i18n import _, format_date
from app.idea_progress_detail import StepReached
from app.snapshots import IdeaSnapshot
from app.vocabulary import DECISION_OUTCOMES, RECOMMENDATIONS, label
from models.enums import IdeaStatus
from ui.idea_list import step_tag


def _detail(reached: StepReached) -> str:
    """What put the idea at its step, and when; "" when the record says nothing more."""
    day = format_date(reached.on)
    status = reached.status
    if status is IdeaStatus.PLANNED and reached.ready_for_decision:
        return _("development plan ready for decision")
    if status in (IdeaStatus.DECIDED, IdeaStatus.RESOURCED) and reached.decision_number is not None:
        words = {
            "number": reached.decision_number,
            "outcome": label(DECISION_OUTCOMES, reached.decision_outcome),
        }
        if not day:
            return _("§ {number} {outcome}").format(**words)
        if status is IdeaStatus.RESOURCED:
            return _("§ {number} {outcome}, resources given {date}").format(date=day, **words)
        return _("§ {number} {outcome}, {date}").format(date=day, **words)
    if not day:
        return ""
    if status is IdeaStatus.REVIEWED and reached.recommendation:
        return _("critical review completed {date}, recommending: {recommendation}").format(
            date=day, recommendation=label(RECOMMENDATIONS, reached.recommendation)
        )
    sentences = {
        IdeaStatus.SHORTLISTED: _("on the shortlist since {date}"),
        IdeaStatus.REVIEWED: _("critical review completed {date}"),
        IdeaStatus.PARKED: _("the critical review of {date} recommends parking it"),
        IdeaStatus.ANALYSED: _("in-depth analysis saved {date}"),
        IdeaStatus.PLANNED: _("development plan since {date}"),
        IdeaStatus.REALISING: _("latest follow-up {date}"),
        IdeaStatus.REALISED: _("realised {date}"),
    }
    return sentences[status].format(date=day) if status in sentences else ""


def step_line(status: str, reached: StepReached | None = None) -> str:
    """The line for an idea at ``status``; "" before the shortlist. ``reached`` adds what and when."""
    tag = step_tag(status)
    if not tag:
        return ""
    detail = _detail(reached) if reached is not None and reached.status == status else ""
    if detail:
        return _("Step: {step} — {detail}").format(step=tag, detail=detail)
    return _("Step: {step}").format(step=tag)


class StepLine(QLabel):
    """The edited idea's step, read-only; hidden for a new idea and before the shortlist.

    ``read_step(idea_id)`` (if set) tells what put the idea at its step, and when.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.read_step: Callable[[str], StepReached | None] | None = None
        self.hide()

    def show_idea(self, idea: IdeaSnapshot | None) -> None:
        text = ""
        if idea is not None and step_tag(idea.status):
            reached = self.read_step(idea.id) if self.read_step is not None else None
            text = step_line(idea.status, reached)
        self.setText(text)
        self.setToolTip(
            _("The idea's step along the ten follows from its review, plan, decisions and follow-up.")
        )
        self.setVisible(bool(text))
