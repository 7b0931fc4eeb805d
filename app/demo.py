"""The demo workshop: realistic Swedish content that shows every feature built so far."""

from __future__ import annotations

import functools
import io
import itertools
import unicodedata
from datetime import date

from PIL import Image, ImageDraw, ImageFont

from app import demo_content as text
from app.images import encode_image, image_row
from app.records import workshop_snapshot
from app.templates import load_templates
from app.workshops import phases_from_template
from models.database import Database
from models.enums import IdeaStatus, Origin, PhaseState
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
    """Create the demo workshop in one transaction and return its id."""
    if not 0 <= ideas <= MAX_IDEAS or not 0 <= participants <= MAX_PARTICIPANTS:
        raise ValueError("demo size out of range")
    template = load_templates().templates["ten-step"]
    phases = phases_from_template(template)
    backing_phase = next(i for i, p in enumerate(phases) if p.kind == "backing")
    for i, phase in enumerate(phases):
        phase.state = PhaseState.DONE if i < backing_phase else PhaseState.PENDING
    phases[backing_phase].state = PhaseState.ACTIVE
    workshop = Workshop(
        title=text.TITLE,
        challenge=text.CHALLENGE,
        held_on=date.today(),
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
        return workshop_snapshot(workshop).id
