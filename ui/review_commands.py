"""Undoable critical review commands: each calls one app.review service, and its undo the reverse.

A rule's refusal of the first run (an empty note, a missing reason) is kept for the field or
dialog that asked, with everything typed still there; later refusals go to the message bar.
"""

from __future__ import annotations

from app import review as service
from app.errors import KNOWN_ERRORS
from app.i18n import _
from app.review_snapshots import NoteSnapshot, ReviewSnapshot
from models.enums import NoteKind, Recommendation
from ui.hub import Hub
from ui.voting_commands import KeptRefusalCommand


class ReviewCommand(KeptRefusalCommand):
    """A change of one idea's review: the views hear of it, and of the idea's step, through the hub."""

    def __init__(self, hub: Hub, workshop_id: str, idea_id: str, text: str) -> None:
        super().__init__(hub, text)
        self.workshop_id, self.idea_id = workshop_id, idea_id

    def changed(self) -> None:
        self.hub.reviewChanged.emit(self.workshop_id, self.idea_id)
        self.hub.progressChanged.emit(self.workshop_id)


class StartReview(ReviewCommand):
    def __init__(self, hub: Hub, workshop_id: str, idea_id: str, review_format: str) -> None:
        super().__init__(hub, workshop_id, idea_id, _("Start the critical review"))
        self.review_format = review_format
        self.review_id: str | None = None

    def do(self) -> None:
        if self.review_id is None:
            self.review_id = service.start_review(self.hub.db, self.idea_id, self.review_format).id
        else:
            service.restore_review(self.hub.db, self.review_id)

    def undo_service(self) -> None:
        assert self.review_id is not None
        service.remove_review(self.hub.db, self.review_id)


class RemoveReview(ReviewCommand):
    def __init__(self, hub: Hub, review: ReviewSnapshot) -> None:
        super().__init__(hub, review.workshop_id, review.idea_id, _("Remove the critical review"))
        self.review_id = review.id

    def do(self) -> None:
        service.remove_review(self.hub.db, self.review_id)

    def undo_service(self) -> None:
        service.restore_review(self.hub.db, self.review_id)


class ChangeFormat(ReviewCommand):
    def __init__(self, hub: Hub, review: ReviewSnapshot, review_format: str) -> None:
        super().__init__(hub, review.workshop_id, review.idea_id, _("Change the review format"))
        self.review_id, self.before, self.after = review.id, str(review.format), review_format

    def do(self) -> None:
        service.change_format(self.hub.db, self.review_id, self.after)

    def undo_service(self) -> None:
        service.change_format(self.hub.db, self.review_id, self.before)


class AddNote(ReviewCommand):
    def __init__(
        self, hub: Hub, review: ReviewSnapshot, kind: str, text: str, reviewer_id: str | None
    ) -> None:
        super().__init__(hub, review.workshop_id, review.idea_id, _("Add a review note"))
        self.review_id, self.kind, self.note_text, self.reviewer_id = review.id, kind, text, reviewer_id
        self.note_id: str | None = None

    def do(self) -> None:
        if self.note_id is None:
            note = service.add_note(self.hub.db, self.review_id, self.kind, self.note_text, self.reviewer_id)
            self.note_id = note.id
        else:
            service.restore_note(self.hub.db, self.note_id)

    def undo_service(self) -> None:
        assert self.note_id is not None
        service.remove_note(self.hub.db, self.note_id)


class EditNote(ReviewCommand):
    """New words and/or another reviewer for a note, and with ``to_kind`` last in that column: one step."""

    def __init__(
        self,
        hub: Hub,
        review: ReviewSnapshot,
        note: NoteSnapshot,
        text: str,
        reviewer_id: str | None,
        to_kind: str | None = None,
    ) -> None:
        super().__init__(hub, review.workshop_id, review.idea_id, _("Edit a review note"))
        self.note_id = note.id
        self.before = (note.text, note.reviewer_id)
        self.after = (text, reviewer_id)
        self.place_before = ([n.id for n in review.column(note.kind)].index(note.id), str(note.kind))
        self.place_after = (
            None
            if to_kind is None or to_kind == note.kind
            else (len(review.column(NoteKind(to_kind))), to_kind)
        )

    def do(self) -> None:
        service.update_note(self.hub.db, self.note_id, self.after[0], reviewer_id=self.after[1])
        if self.place_after is not None:
            try:
                service.move_note(self.hub.db, self.note_id, *self.place_after)
            except KNOWN_ERRORS:  # all or nothing: the words go back too
                service.update_note(self.hub.db, self.note_id, self.before[0], reviewer_id=self.before[1])
                raise

    def undo_service(self) -> None:
        if self.place_after is not None:
            service.move_note(self.hub.db, self.note_id, *self.place_before)
        service.update_note(self.hub.db, self.note_id, self.before[0], reviewer_id=self.before[1])


class MoveNote(ReviewCommand):
    """A note to another place in its column, or to another kind's column."""

    def __init__(
        self, hub: Hub, review: ReviewSnapshot, note: NoteSnapshot, position: int, kind: str | None = None
    ) -> None:
        super().__init__(hub, review.workshop_id, review.idea_id, _("Move a review note"))
        self.note_id = note.id
        column = review.column(note.kind)
        self.before = ([n.id for n in column].index(note.id), str(note.kind))
        self.after = (position, kind or str(note.kind))

    def do(self) -> None:
        service.move_note(self.hub.db, self.note_id, self.after[0], self.after[1])

    def undo_service(self) -> None:
        service.move_note(self.hub.db, self.note_id, self.before[0], self.before[1])


class RemoveNote(ReviewCommand):
    def __init__(self, hub: Hub, review: ReviewSnapshot, note: NoteSnapshot) -> None:
        super().__init__(hub, review.workshop_id, review.idea_id, _("Remove a review note"))
        self.note_id = note.id

    def do(self) -> None:
        service.remove_note(self.hub.db, self.note_id)

    def undo_service(self) -> None:
        service.restore_note(self.hub.db, self.note_id)


class Recommend(ReviewCommand):
    """Complete the review with a recommendation and its reasons; undo gives back what was there."""

    def __init__(self, hub: Hub, review: ReviewSnapshot, recommendation: str, reasons: str) -> None:
        super().__init__(hub, review.workshop_id, review.idea_id, _("Give the review's recommendation"))
        self.review_id = review.id
        self.after = (recommendation, reasons)
        self.before: tuple[Recommendation, str] | None = (
            (review.recommendation, review.reasons)
            if review.completed and review.recommendation is not None
            else None
        )

    def do(self) -> None:
        service.set_recommendation(self.hub.db, self.review_id, *self.after)

    def undo_service(self) -> None:
        if self.before is None:
            service.reopen_review(self.hub.db, self.review_id)
        else:
            service.set_recommendation(self.hub.db, self.review_id, str(self.before[0]), self.before[1])


class Reopen(ReviewCommand):
    """Open a completed review for changes; undo completes it again as it was."""

    def __init__(self, hub: Hub, review: ReviewSnapshot) -> None:
        super().__init__(hub, review.workshop_id, review.idea_id, _("Reopen the critical review"))
        self.review_id = review.id
        assert review.recommendation is not None
        self.recommendation, self.reasons = str(review.recommendation), review.reasons

    def do(self) -> None:
        service.reopen_review(self.hub.db, self.review_id)

    def undo_service(self) -> None:
        service.set_recommendation(self.hub.db, self.review_id, self.recommendation, self.reasons)
