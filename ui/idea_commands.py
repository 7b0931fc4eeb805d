"""Undoable commands of the room: ideas, participants and the workshop's challenge.

They tell the views exactly what changed (hub.ideasChanged and friends) so that a
board of hundreds of ideas is updated, not read again, after each keystroke's commit.
"""

from __future__ import annotations

from typing import Any

from app import ideas as idea_service
from app import participants as participant_service
from app import workshops
from app.i18n import _
from app.snapshots import IdeaSnapshot, ParticipantSnapshot
from ui.commands import ServiceCommand
from ui.hub import Hub


class IdeaCommand(ServiceCommand):
    """Base for commands on ideas: they report the ideas they touched, not the workshop list."""

    def __init__(self, hub: Hub, workshop_id: str, text: str) -> None:
        super().__init__(hub, text)
        self.workshop_id = workshop_id
        self.touched: list[IdeaSnapshot] = []
        self.removed: list[str] = []

    def changed(self) -> None:
        if self.touched:
            self.hub.ideasChanged.emit(self.workshop_id, list(self.touched))
        if self.removed:
            self.hub.ideasRemoved.emit(self.workshop_id, list(self.removed))
        self.touched, self.removed = [], []


class AddIdea(IdeaCommand):
    def __init__(self, hub: Hub, workshop_id: str, title: str, **details: Any) -> None:
        super().__init__(hub, workshop_id, _("Add idea “{title}”").format(title=title.strip()[:40]))
        self.title, self.details = title, details
        self.idea: IdeaSnapshot | None = None

    def do(self) -> None:
        if self.idea is None:
            self.idea = idea_service.add_idea(self.hub.db, self.workshop_id, self.title, **self.details)
            self.touched = [self.idea]
        else:
            self.touched = [idea_service.restore_idea(self.hub.db, self.idea.id)]

    def undo_service(self) -> None:
        assert self.idea is not None
        idea_service.remove_idea(self.hub.db, self.idea.id)
        self.removed = [self.idea.id]


class EditIdea(IdeaCommand):
    """Any change of an idea's fields; undo writes back the values it had."""

    def __init__(self, hub: Hub, idea: IdeaSnapshot, **changes: Any) -> None:
        super().__init__(hub, idea.workshop_id, _("Edit idea “{title}”").format(title=idea.title[:40]))
        self.idea_id = idea.id
        self.after = changes
        self.before = {name: getattr(idea, name) for name in changes}
        if "giver_ids" in changes or "anonymous" in changes:
            self.before["giver_ids"] = idea.giver_ids
            self.before["anonymous"] = idea.anonymous

    def do(self) -> None:
        self.touched = [idea_service.update_idea(self.hub.db, self.idea_id, **self.after)]

    def undo_service(self) -> None:
        self.touched = [idea_service.update_idea(self.hub.db, self.idea_id, **self.before)]


class RemoveIdeas(IdeaCommand):
    def __init__(self, hub: Hub, workshop_id: str, idea_ids: list[str]) -> None:
        text = _("Delete idea") if len(idea_ids) == 1 else _("Delete {n} ideas").format(n=len(idea_ids))
        super().__init__(hub, workshop_id, text)
        self.idea_ids = list(idea_ids)

    def do(self) -> None:
        for idea_id in self.idea_ids:
            idea_service.remove_idea(self.hub.db, idea_id)
        self.removed = list(self.idea_ids)

    def undo_service(self) -> None:
        self.touched = [idea_service.restore_idea(self.hub.db, i) for i in self.idea_ids]


class AddParticipants(ServiceCommand):
    """One participant with a name, or several alike ("5 citizens") in one step."""

    def __init__(self, hub: Hub, workshop_id: str, count: int, **details: Any) -> None:
        super().__init__(hub, _("Add participants") if count > 1 else _("Add participant"))
        self.workshop_id, self.count, self.details = workshop_id, count, details
        self.people: list[ParticipantSnapshot] = []

    def do(self) -> None:
        if not self.people:
            self.people = participant_service.add_participants(
                self.hub.db, self.workshop_id, self.count, **self.details
            )
        else:
            for person in self.people:
                participant_service.restore_participant(self.hub.db, person.id)

    def undo_service(self) -> None:
        for person in self.people:
            participant_service.remove_participant(self.hub.db, person.id)

    def changed(self) -> None:
        self.hub.participantsChanged.emit(self.workshop_id)


class EditWorkshop(ServiceCommand):
    """The challenge, the warm-up prompts or another detail of the workshop."""

    def __init__(
        self, hub: Hub, workshop_id: str, text: str, before: dict[str, Any], after: dict[str, Any]
    ) -> None:
        super().__init__(hub, text)
        self.workshop_id, self.before, self.after = workshop_id, before, after

    def do(self) -> None:
        workshops.update_workshop(self.hub.db, self.workshop_id, **self.after)

    def undo_service(self) -> None:
        workshops.update_workshop(self.hub.db, self.workshop_id, **self.before)

    def affected_workshop(self) -> str | None:
        return self.workshop_id


class AddPicture(IdeaCommand):
    """A picture (a photo of a sticky note, a sketch) added to an idea from a file."""

    def __init__(self, hub: Hub, idea: IdeaSnapshot, path: str) -> None:
        super().__init__(hub, idea.workshop_id, _("Add picture to “{title}”").format(title=idea.title[:40]))
        self.idea_id, self.path = idea.id, path
        self.image_id: str | None = None

    def do(self) -> None:
        from pathlib import Path

        from app import images

        if self.image_id is None:
            self.image_id = images.add_image_file(self.hub.db, self.idea_id, Path(self.path)).id
        else:
            images.restore_image(self.hub.db, self.image_id)
        self.touched = [idea_service.get_idea(self.hub.db, self.idea_id)]

    def undo_service(self) -> None:
        from app import images

        assert self.image_id is not None
        images.remove_image(self.hub.db, self.image_id)
        self.touched = [idea_service.get_idea(self.hub.db, self.idea_id)]


class BackingCommand(IdeaCommand):
    """Base for backings: the idea's card changes (backed or not) and its backings are read again."""

    def __init__(self, hub: Hub, idea: IdeaSnapshot, text: str) -> None:
        super().__init__(hub, idea.workshop_id, text)
        self.idea_id = idea.id

    def changed(self) -> None:
        self.touched = [idea_service.get_idea(self.hub.db, self.idea_id)]
        super().changed()
        self.hub.backingsChanged.emit(self.workshop_id, self.idea_id)


class AddBacking(BackingCommand):
    def __init__(self, hub: Hub, idea: IdeaSnapshot, text: str, given_by: str = "") -> None:
        super().__init__(hub, idea, _("Back “{title}”").format(title=idea.title[:40]))
        self.text, self.given_by = text, given_by
        self.backing_id: str | None = None

    def do(self) -> None:
        from app import backings

        if self.backing_id is None:
            self.backing_id = backings.add_backing(self.hub.db, self.idea_id, self.text, self.given_by).id
        else:
            backings.restore_backing(self.hub.db, self.backing_id)

    def undo_service(self) -> None:
        from app import backings

        assert self.backing_id is not None
        backings.remove_backing(self.hub.db, self.backing_id)


class RemoveBacking(BackingCommand):
    def __init__(self, hub: Hub, idea: IdeaSnapshot, backing_id: str) -> None:
        super().__init__(hub, idea, _("Remove backing"))
        self.backing_id = backing_id

    def do(self) -> None:
        from app import backings

        backings.remove_backing(self.hub.db, self.backing_id)

    def undo_service(self) -> None:
        from app import backings

        backings.restore_backing(self.hub.db, self.backing_id)


class RemovePicture(IdeaCommand):
    def __init__(self, hub: Hub, idea: IdeaSnapshot, image_id: str) -> None:
        super().__init__(
            hub, idea.workshop_id, _("Remove picture from “{title}”").format(title=idea.title[:40])
        )
        self.idea_id, self.image_id = idea.id, image_id

    def do(self) -> None:
        from app import images

        images.remove_image(self.hub.db, self.image_id)
        self.touched = [idea_service.get_idea(self.hub.db, self.idea_id)]

    def undo_service(self) -> None:
        from app import images

        images.restore_image(self.hub.db, self.image_id)
        self.touched = [idea_service.get_idea(self.hub.db, self.idea_id)]


class ParticipantCommand(ServiceCommand):
    def __init__(self, hub: Hub, person: ParticipantSnapshot, text: str) -> None:
        super().__init__(hub, text)
        self.person = person

    def changed(self) -> None:
        self.hub.participantsChanged.emit(self.person.workshop_id)


class RemoveParticipant(ParticipantCommand):
    def __init__(self, hub: Hub, person: ParticipantSnapshot) -> None:
        super().__init__(hub, person, _("Remove participant"))

    def do(self) -> None:
        participant_service.remove_participant(self.hub.db, self.person.id)

    def undo_service(self) -> None:
        participant_service.restore_participant(self.hub.db, self.person.id)


class SetConsent(ParticipantCommand):
    """Whether the person may be named on the shared screen and in the protocol."""

    def __init__(self, hub: Hub, person: ParticipantSnapshot, consent: bool) -> None:
        super().__init__(hub, person, _("Change consent to be named"))
        self.consent = consent

    def do(self) -> None:
        participant_service.update_participant(self.hub.db, self.person.id, consent_to_be_named=self.consent)

    def undo_service(self) -> None:
        participant_service.update_participant(
            self.hub.db, self.person.id, consent_to_be_named=not self.consent
        )
