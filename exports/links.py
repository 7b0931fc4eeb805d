"""The follow-up links the protocol's QR codes lead to, filled in from a link template.

A template is a web address with any of the placeholders ``{workshop_id}``, ``{plan_id}`` and
``{date}`` (the workshop's date, YYYY-MM-DD), for example
``https://intranet.example.se/innovation/uppfoljning/{workshop_id}``. The workshop's own
follow-up link wins over the template given at export (the installation's, or ``--follow-up-url``).
A plan's link fills in ``{plan_id}``; a template without it gets ``plan=<id>`` in its query.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit, urlunsplit

from app.errors import InvalidInput
from app.i18n import _
from app.snapshots import WorkshopSnapshot

PLACEHOLDERS = ("workshop_id", "plan_id", "date")
#: The longest link a QR code of the protocol holds (a code holds at most 2,331 bytes).
LINK_MAX = 2000
EXAMPLE = "https://intranet.example.se/innovation/uppfoljning/{workshop_id}"


class MissingFollowUpLink(InvalidInput):
    """Neither the workshop nor the export has a follow-up link: a QR code would lead nowhere."""


def _check_template(template: str) -> str:
    template = template.strip()
    try:
        fields = [
            (name, spec, conversion) for _text, name, spec, conversion in string.Formatter().parse(template)
        ]
    except ValueError:
        message = _("The follow-up link has a brace without its pair: {link}").format(link=template)
        raise InvalidInput(message, "follow_up_url") from None
    for name, spec, conversion in fields:
        if name is None:
            continue
        if name not in PLACEHOLDERS or spec or conversion:
            raise InvalidInput(
                _(
                    "The follow-up link may hold {{workshop_id}}, {{plan_id}} and {{date}}; "
                    "{{{name}}} is not one of them."
                ).format(name=name),
                "follow_up_url",
            )
    return template


def _check_link(link: str) -> str:
    parts = urlsplit(link)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in link):
        message = _(
            "The follow-up link must be a whole web address starting with https:// or http://: {link}"
        )
        raise InvalidInput(message.format(link=link), "follow_up_url")
    if len(link.encode("utf-8")) > LINK_MAX:
        message = _("The follow-up link is too long for a QR code: at most {n} characters.")
        raise InvalidInput(message.format(n=LINK_MAX), "follow_up_url")
    return link


@dataclass(frozen=True)
class FollowUpLinks:
    """The workshop's link and each plan's, from one checked template."""

    template: str
    workshop_id: str
    day: date

    def _fill(self, plan_id: str) -> str:
        return self.template.format(workshop_id=self.workshop_id, plan_id=plan_id, date=self.day.isoformat())

    def workshop(self) -> str:
        return self._fill("")

    def plan(self, plan_id: str) -> str:
        if "{plan_id}" in self.template:
            return self._fill(plan_id)
        parts = urlsplit(self._fill(""))
        query = f"{parts.query}&plan={plan_id}" if parts.query else f"plan={plan_id}"
        return urlunsplit(parts._replace(query=query))


def follow_up_links(workshop: WorkshopSnapshot, given: str | None) -> FollowUpLinks:
    """The links for ``workshop``: its own follow-up link, else ``given``; refused without either."""
    chosen = workshop.follow_up_url.strip() or (given or "").strip()
    if not chosen:
        raise MissingFollowUpLink(
            _(
                "The workshop has no follow-up link for the protocol's QR code. Give one with "
                "--follow-up-url (a link, or a template such as {example})."
            ).format(example=EXAMPLE),
            "follow_up_url",
        )
    template = _check_template(chosen)
    day = workshop.held_on or workshop.created_at.date()
    links = FollowUpLinks(template, workshop.id, day)
    _check_link(links.workshop())
    _check_link(links.plan("0"))
    return links
