"""The demo workshop: realistic Swedish content that shows every feature built so far."""

from __future__ import annotations

import functools
import io
import itertools
import random
import unicodedata
from collections import Counter
from collections.abc import Sequence
from datetime import date

from PIL import Image, ImageDraw, ImageFont

from app import demo_content as text
from app.demo_steps import follow_the_shortlist, held_on_for
from app.images import encode_image, image_row
from app.records import workshop_snapshot
from app.shortlist import make_shortlist, shortlist
from app.templates import load_templates
from app.voting import cast_ballot, close_round, create_round, open_round, set_paper_tally
from app.voting_results import reveal_round, settle_tie
from app.voting_snapshots import RoundSpec, Voter
from app.workshops import phases_from_template
from models.database import Database
from models.enums import IdeaStatus, Origin, PhaseState, VotingMode
from models.idea import Backing, Idea, IdeaImage
from models.workshop import Cluster, Participant, Workshop

DEFAULT_IDEAS, DEFAULT_PARTICIPANTS = text.DEFAULT_IDEAS, text.DEFAULT_PARTICIPANTS
MAX_IDEAS, MAX_PARTICIPANTS = text.MAX_IDEAS, text.MAX_PARTICIPANTS


def _participants(count: int) -> list[Participant]:
    rows = [row for row in text.PARTICIPANTS for _ in range(row[5])]
    people = []
    for position, (role, organisation, origin, name, consent, _n) in enumerate(
        itertools.islice(itertools.cycle(rows), count)
    ):
        people.append(
            Participant(
                position=position,
                role=role,
                organisation=organisation,
                origin=origin,
                display_name=name if position < len(rows) else "",
                consent_to_be_named=consent and position < len(rows),
            )
        )
    return people


_Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
#: Fonts with Nordic letters that most computers have; Pillow's own font lacks them.
_FONTS = ("DejaVuSans.ttf", "arial.ttf", "Arial.ttf", "LiberationSans-Regular.ttf", "Helvetica.ttc")
_NORDIC = "åäöÅÄÖ"


def _draws(font: _Font, letter: str) -> bool:
    """The font has a glyph for ``letter`` (it does not draw the same box as for a private-use one)."""

    def ink(ch: str) -> bytes:
        canvas = Image.new("L", (64, 64))
        ImageDraw.Draw(canvas).text((8, 8), ch, font=font, fill=255)
        return canvas.tobytes()

    return ink(letter) != ink("\ue000")


@functools.cache
def _font(size: int) -> tuple[_Font, bool]:
    """A font for the demo's pictures, and whether it draws å, ä and ö."""
    for name in _FONTS:
        try:
            font = ImageFont.truetype(name, size)
        except OSError:
            continue
        if all(_draws(font, letter) for letter in _NORDIC):
            return font, True
    return ImageFont.load_default(size), False


def _write(
    draw: ImageDraw.ImageDraw,
    xy: tuple[int, int],
    words: str,
    size: int,
    colour: str,
    *,
    centre: bool = False,
) -> None:
    """Words at ``xy`` (their top left, or with ``centre`` their top middle)."""
    font, nordic = _font(size)
    if not nordic:  # "Mån" as "Man" rather than as a box
        words = "".join(c for c in unicodedata.normalize("NFKD", words) if not unicodedata.combining(c))
    x, y = xy
    if centre:
        x -= round(draw.textlength(words, font=font) / 2)
    draw.text((x, y), words, font=font, fill=colour)


def _sticky_note(words: list[str]) -> Image.Image:
    """A photo of a yellow sticky note on a table."""
    picture = Image.new("RGB", (1200, 900), "#D9D4C7")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((215, 95, 1015, 835), fill="#B8B2A3")  # shadow
    draw.rectangle((195, 75, 995, 815), fill="#FFE66D")
    draw.rectangle((195, 75, 995, 135), fill="#F5D94F")
    for n, line in enumerate(words):
        _write(draw, (245, 175 + n * 120), line, 72 if n == 0 else 58, "#1D3557")
    return picture


def _schedule(words: list[str]) -> Image.Image:
    """A sketch of the week's schedule: a face and a name under each day."""
    picture = Image.new("RGB", (1200, 900), "#FBFAF6")
    draw = ImageDraw.Draw(picture)
    heading, days, names = words[0], words[1:6], words[6:11]
    _write(draw, (80, 60), heading, 64, "#333333")
    for n, (day, name) in enumerate(zip(days, names, strict=True)):
        left = 80 + n * 214
        draw.rectangle((left, 200, left + 194, 780), outline="#555555", width=4)
        _write(draw, (left + 20, 220), day, 48, "#0072B2")
        draw.ellipse((left + 37, 330, left + 157, 450), outline="#555555", width=5)
        draw.arc((left + 67, 370, left + 127, 420), 20, 160, fill="#555555", width=5)
        _write(draw, (left + 20, 500), name, 40, "#333333")
    return picture


def _tablet(words: list[str]) -> Image.Image:
    """A sketch of a tablet with one big button."""
    picture = Image.new("RGB", (1200, 900), "#FFFFFF")
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle((200, 100, 1000, 760), radius=60, outline="#222222", width=8)
    draw.rectangle((260, 160, 940, 700), outline="#888888", width=3)
    draw.ellipse((450, 230, 750, 530), fill="#009E73", outline="#222222", width=6)
    _write(draw, (600, 352), words[0], 46, "#FFFFFF", centre=True)
    _write(draw, (600, 580), words[1], 44, "#222222", centre=True)
    return picture


_DRAWINGS = {"sticky_note": _sticky_note, "schedule": _schedule, "tablet": _tablet}


def _pictures(titles: set[str]) -> dict[str, IdeaImage]:
    """The pictures of the ideas with these titles, stored as a picture added by hand would be."""
    rows = {}
    for title, drawing, caption, words in text.PICTURES:
        if title not in titles:
            continue
        png = io.BytesIO()
        _DRAWINGS[drawing](words).save(png, "PNG")
        rows[title] = image_row(encode_image(png.getvalue()), caption=caption)
    return rows


def _extra_ideas(count: int) -> list[tuple[int | None, str, str, str, str, str, bool, str]]:
    combos = itertools.product(text.MORE_WHAT, text.MORE_WHERE, text.MORE_HOW)
    extra: list[tuple[int | None, str, str, str, str, str, bool, str]] = []
    for n, (what, where, how) in enumerate(itertools.islice(itertools.cycle(combos), count)):
        title = f"{what} {where}"
        body = f"{what} {where}, {how}. Ett sätt att bryta ensamheten och skapa trygghet i vardagen."
        extra.append(
            (
                n % len(text.CLUSTERS),
                title,
                body,
                "service",
                "new_to_us",
                "incremental",
                n % 7 == 0,
                "Tack för idén!" if n % 3 else "",
            )
        )
    return extra


def create_demo_workshop(
    db: Database, ideas: int = DEFAULT_IDEAS, participants: int = DEFAULT_PARTICIPANTS
) -> str:
    """Create the demo workshop and return its id: a workshop held some months ago, opening on its
    vote, whose shortlist has since gone on to review, decisions and follow-up.
    """
    if not 0 <= ideas <= MAX_IDEAS or not 0 <= participants <= MAX_PARTICIPANTS:
        raise ValueError("demo size out of range")
    today = date.today()
    held_on = held_on_for(today)
    template = load_templates().templates["ten-step"]
    phases = phases_from_template(template)
    opening_phase = next(i for i, p in enumerate(phases) if p.kind == "voting")
    for i, phase in enumerate(phases):
        phase.state = PhaseState.DONE if i < opening_phase else PhaseState.PENDING
    phases[opening_phase].state = PhaseState.ACTIVE
    workshop = Workshop(
        title=text.TITLE,
        challenge=text.CHALLENGE,
        held_on=held_on,
        place=text.PLACE,
        organisation=text.ORGANISATION,
        unit=text.UNIT,
        organiser=text.ORGANISER,
        facilitator=text.FACILITATOR,
        case_number=text.CASE_NUMBER,
        template_key=template.key,
        language="sv",
        warmup_prompts=[w["sv"] for w in template.warmup],
        phases=phases,
    )
    workshop.participants = _participants(participants)
    workshop.clusters = [Cluster(position=i, name=n, colour=c) for i, (n, c) in enumerate(text.CLUSTERS)]
    rows = text.IDEAS[:ideas] + _extra_ideas(max(0, ideas - len(text.IDEAS)))
    pictures = _pictures({row[1] for row in text.IDEAS[:ideas]})
    people = workshop.participants
    for position, (cluster, title, body, kind, novelty, depth, anonymous, backing) in enumerate(rows):
        giver = people[(position * 5) % len(people)] if people and not anonymous else None
        workshop.ideas.append(
            Idea(
                position=position,
                title=title,
                text=body,
                idea_type=kind,
                novelty=novelty,
                depth=depth,
                anonymous=anonymous,
                cluster=workshop.clusters[cluster] if cluster is not None else None,
                givers=[giver] if giver else [],
                origin=giver.origin if giver else Origin.EXTERNAL,
                actor_category=giver.role if giver else None,
                status=IdeaStatus.BACKED if backing else IdeaStatus.PROPOSED,
                backings=[Backing(text=backing, given_by="Eva Sjöberg")] if backing else [],
                images=[pictures.pop(title)] if title in pictures else [],
            )
        )
    with db.transaction() as session:
        session.add(workshop)
        session.flush()
        workshop_id = workshop_snapshot(workshop).id
        idea_ids = [idea.id for idea in workshop.ideas]
        titles = {idea.id: idea.title for idea in workshop.ideas[: len(text.IDEAS)]}
        reviewers = _reviewers(workshop.participants)
    _first_vote(db, workshop_id, idea_ids, participants)
    shortlisted = {titles[e.idea_id]: e.idea_id for e in shortlist(db, workshop_id) if e.idea_id in titles}
    follow_the_shortlist(db, workshop_id, shortlisted, reviewers, held_on, today)
    return workshop_id


def _reviewers(people: Sequence[Participant]) -> dict[str, str]:
    """Participants' ids by name (those named), and by "role|organisation" (the first of each)."""
    found: dict[str, str] = {}
    for person in people:
        if person.display_name:
            found.setdefault(person.display_name, person.id)
        found.setdefault(f"{person.role}|{person.organisation}", person.id)
    return found


def _booth_ballots(idea_ids: Sequence[str], voters: int) -> list[set[str]]:
    """Three dots each, gathering on the room's favourites as in a real vote, the same every time."""
    chance = random.Random(2026)
    favourites = [idea_ids[n] for n in text.FAVOURITES if n < len(idea_ids)]
    weights = [0.75**place for place in range(len(favourites))]
    ballots = []
    for _ in range(voters):
        chosen: set[str] = set()
        while len(chosen) < text.VOTE_DOTS:
            if chance.random() < 0.85:
                chosen.add(chance.choices(favourites, weights)[0])
            else:
                chosen.add(chance.choice(idea_ids))
        ballots.append(chosen)
    return ballots


def _paper_dots(idea_ids: Sequence[str], booth: Counter[str]) -> dict[str, int]:
    """Dots from the wall: the top three stand apart, and the fourth and fifth end level."""
    order = sorted(idea_ids, key=lambda i: -booth[i])  # a stable sort keeps the board order
    sixth = booth[order[5]] if len(order) > 5 else 0
    level = max(booth[order[3]], sixth + 1)
    totals = {order[3]: level, order[4]: level}
    for place in (2, 1, 0):
        totals[order[place]] = max(booth[order[place]], totals[order[place + 1]] + 1) + 1
    return {idea: total - booth[idea] for idea, total in totals.items() if total > booth[idea]}


def _first_vote(db: Database, workshop_id: str, idea_ids: Sequence[str], participants: int) -> None:
    """Round 1, revealed: most of the room voted at the booth, a few on paper; a tie at the line
    was settled by the group, and four ideas went on to the shortlist. Made as a facilitator would.
    """
    voters = participants - max(1, participants // 8)
    if len(idea_ids) < text.SHORTLIST + 2 or voters < text.VOTE_DOTS:
        return
    spec = RoundSpec(
        dots=text.VOTE_DOTS, voters_expected=participants, title=text.ROUND_TITLE, mode=VotingMode.MIXED
    )
    round_id = open_round(db, create_round(db, workshop_id, spec).id).id
    booth: Counter[str] = Counter()
    for number, ballot in enumerate(_booth_ballots(idea_ids, voters), start=1):
        cast_ballot(db, round_id, Voter(number=number), dict.fromkeys(ballot, 1))
        booth.update(ballot)
    set_paper_tally(db, round_id, _paper_dots(idea_ids, booth))
    close_round(db, round_id)
    reveal_round(db, round_id)
    tied = sorted(idea_ids, key=lambda i: -booth[i])[3:5]
    settle_tie(db, round_id, text.SHORTLIST, tied, text.TIE_REASON)
    make_shortlist(db, round_id, size=text.SHORTLIST)
