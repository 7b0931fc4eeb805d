"""The critical review on the shared screen: which idea's board is shown, read again as it changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.errors import KNOWN_ERRORS, describe
from app.i18n import _
from app.ideas import get_idea
from app.review import review_of_idea
from app.review_snapshots import NOTE_KIND_NAMES, ReviewSnapshot, format_guide
from app.snapshots import WorkshopSnapshot
from models.enums import NoteKind, ReviewFormat
from ui.hub import Hub
from ui.review_texts import recommendation_text, room_composition_text
from ui.scene import ReviewCard, ReviewColumn, ReviewSlide


def review_slide(idea_id: str, idea_title: str, review: ReviewSnapshot | None) -> ReviewSlide:
    """The board for the room: the notes' words and internal/external marks, never a reviewer's name."""
    guide = format_guide(review.format if review is not None else ReviewFormat.STANDARD)
    columns = tuple(
        ReviewColumn(
            kind=str(kind),
            name=_(NOTE_KIND_NAMES[kind]),
            prompts=tuple(prompt.text for prompt in guide.prompts_for(kind)) if review is not None else (),
            notes=tuple(
                ReviewCard(note.text, note.reviewer_origin or "")
                for note in (review.column(kind) if review is not None else ())
            ),
        )
        for kind in NoteKind
    )
    written = review is not None and bool(review.notes)
    return ReviewSlide(
        idea_id=idea_id,
        idea_title=review.idea_title if review is not None else idea_title,
        format_name=guide.name,
        question=guide.question,
        columns=columns,
        started=review is not None,
        composition=room_composition_text(review.composition) if written and review is not None else "",
        recommendation=recommendation_text(review) if review is not None else "",
        roles=tuple(role.name for role in guide.roles),
    )


class ReviewScenes:
    """The idea whose review board the shared screen shows, if any, and its slide."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.idea_id: str | None = None
        self.slide: ReviewSlide | None = None

    def show(self, idea_id: str) -> None:
        """Raises NotFound (a UserError) for an idea that is gone."""
        self.slide = self._read(idea_id)
        self.idea_id = idea_id

    def clear(self) -> None:
        self.idea_id, self.slide = None, None

    def follows(self, idea_id: str) -> bool:
        return self.idea_id is not None and self.idea_id == idea_id

    def reload(self) -> None:
        """The review changed: read it again; an idea that is gone is no longer shown."""
        if self.idea_id is None:
            return
        try:
            self.slide = self._read(self.idea_id)
        except KNOWN_ERRORS:
            self.clear()

    def _read(self, idea_id: str) -> ReviewSlide:
        idea = get_idea(self.hub.db, idea_id)
        return review_slide(idea_id, idea.title, review_of_idea(self.hub.db, idea_id))


class ReviewOnScreen:
    """The Presenter's part for the critical review: which idea's board the room sees, kept live."""

    hub: Hub
    workshop: WorkshopSnapshot | None
    review: ReviewScenes
    reviewViewChanged: Any  # the Presenter's signal
    #: The Presenter's: draw the scene anew, and leave the voting views.
    refresh: Callable[[], None]
    _clear_voting: Callable[[], None]

    @property
    def review_idea_id(self) -> str | None:
        """The idea whose review board the shared screen shows instead of the phase's view, if any."""
        return self.review.idea_id

    def show_review(self, idea_id: str) -> None:
        """The review board of ``idea_id`` (also before its review starts); it follows the notes live."""
        if self.workshop is None:
            return
        before = self.review.idea_id
        try:
            self.review.show(idea_id)
        except KNOWN_ERRORS as error:
            self.hub.failed.emit(describe(error))
            return
        self._clear_voting()
        self.refresh()
        if self.review.idea_id != before:
            self.reviewViewChanged.emit()

    def _clear_review(self) -> None:
        if self.review.idea_id is not None:
            self.review.clear()
            self.reviewViewChanged.emit()

    def _review_changed(self, workshop_id: str, idea_id: str) -> None:
        if self.workshop is not None and workshop_id == self.workshop.id and self.review.follows(idea_id):
            self._reload_review()
            self.refresh()

    def _reload_review(self) -> None:
        if self.review.idea_id is not None:
            self.review.reload()
            if self.review.idea_id is None:
                self.reviewViewChanged.emit()
