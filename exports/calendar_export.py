"""The calendar export (.ics): the next follow-up date and each open action's due date.

All-day events. Each has a UID made from its record's id, so importing a newer file into a
calendar updates the events instead of adding them twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from app.errors import InvalidInput
from app.i18n import _
from app.plan_snapshots import CLOSED_STATUSES
from app.plans import list_plans
from app.snapshots import WorkshopSnapshot
from app.vocabulary import ACTION_STATUSES, label
from app.workshops import get_workshop
from exports.formats import in_language, write_whole
from models.database import Database

UID_DOMAIN = "mylla"


def follow_up_uid(workshop_id: str) -> str:
    return f"follow-up-{workshop_id}@{UID_DOMAIN}"


def action_uid(action_id: str) -> str:
    return f"action-{action_id}@{UID_DOMAIN}"


def fill_link(workshop: WorkshopSnapshot, given: str) -> str:
    """The workshop's follow-up link: its own, else ``given``, placeholders filled as the protocol fills them.

    ``{workshop_id}`` and ``{date}`` (the workshop's date) are filled in; ``{plan_id}`` is left empty.
    """
    template = workshop.follow_up_url.strip() or given.strip()
    day = (workshop.held_on or workshop.created_at.date()).isoformat()
    for name, value in (("{workshop_id}", workshop.id), ("{date}", day), ("{plan_id}", "")):
        template = template.replace(name, value)
    return template


def _event(uid: str, day: date, summary: str, description: str, stamp: datetime, url: str = "") -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("transp", "TRANSPARENT")
    if description:
        event.add("description", description)
    if url:
        event.add("url", url)
    return event


def calendar_of(
    db: Database, workshop_id: str, follow_up_url: str = "", today: date | None = None
) -> Calendar:
    """The workshop's dates as a calendar; InvalidInput when it has none to give."""
    workshop = get_workshop(db, workshop_id)
    stamp = datetime.now(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", "-//Mylla//Mylla workshop//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", workshop.title)
    link = fill_link(workshop, follow_up_url)
    if workshop.follow_up_on is not None:
        calendar.add_component(
            _event(
                follow_up_uid(workshop.id),
                workshop.follow_up_on,
                _("Follow-up: {workshop}").format(workshop=workshop.title),
                _("Follow up the ideas, plans and decisions of the workshop."),
                stamp,
                link,
            )
        )
    for plan in list_plans(db, workshop_id, today=today or date.today()):
        for action in plan.actions:
            if action.due_on is None or action.status in CLOSED_STATUSES:
                continue
            details = [_("Idea: {idea}").format(idea=plan.idea_title)]
            if action.owner:
                details.append(_("Owner: {owner}").format(owner=action.owner))
            details.append(_("Status: {status}").format(status=label(ACTION_STATUSES, action.status)))
            calendar.add_component(
                _event(
                    action_uid(action.id),
                    action.due_on,
                    _("Due: {action}").format(action=action.title),
                    "\n".join(details),
                    stamp,
                )
            )
    if not calendar.subcomponents:
        raise InvalidInput(
            _(
                "Nothing to put in a calendar: the workshop has no follow-up date "
                "and no open action with a due date."
            )
        )
    return calendar


def write_calendar(
    db: Database, workshop_id: str, out: Path, lang: str, follow_up_url: str
) -> Sequence[Path]:
    """The ``ics`` format of ``export``."""
    with in_language(lang):
        data = calendar_of(db, workshop_id, follow_up_url).to_ical()
    return [write_whole(out, data)]
