"""Limits and cleaning of what people type, with the refusal message for each."""

from __future__ import annotations

from app.errors import InvalidInput
from app.i18n import _, format_number

#: A title or name: one line, as on a card.
TITLE_MAX = 300
#: A description, a challenge, reasons: about 40 pages of text.
TEXT_MAX = 100_000


def clean_title(value: str, field: str = "title") -> str:
    """Strip surrounding white space; refuse empty or over-long titles."""
    if len(value) > TITLE_MAX * 4:
        # Checked before strip(): a pasted document is refused without scanning it.
        raise InvalidInput(_too_long(len(value), TITLE_MAX), field)
    cleaned = value.strip()
    if not cleaned:
        raise InvalidInput(_("The title cannot be empty."), field)
    if len(cleaned) > TITLE_MAX:
        raise InvalidInput(_too_long(len(cleaned), TITLE_MAX), field)
    return cleaned


def clean_line(value: str, field: str, limit: int = TITLE_MAX) -> str:
    """An optional one-line value (a name, a place): may be empty."""
    if len(value) > limit * 4:
        raise InvalidInput(_too_long(len(value), limit), field)
    cleaned = value.strip()
    if len(cleaned) > limit:
        raise InvalidInput(_too_long(len(cleaned), limit), field)
    return cleaned


def clean_text(value: str, field: str = "text") -> str:
    """A longer text is kept exactly as typed, up to the limit."""
    if len(value) > TEXT_MAX:
        raise InvalidInput(_too_long(len(value), TEXT_MAX), field)
    return value


def _too_long(length: int, limit: int) -> str:
    return _("The text is {length} characters long; at most {limit} fit.").format(
        length=format_number(length), limit=format_number(limit)
    )


def _blank(line: str) -> bool:
    return not line.strip()


def _short_title(line: str) -> str:
    """A title cut at a word boundary so that it fits, ending with an ellipsis."""
    room = line[: TITLE_MAX - 1]
    cut = room.rstrip()
    if not (room[-1].isspace() or line[len(room)].isspace()):
        # The limit falls inside a word: end before it, unless that would throw away half the room.
        last_space = max((i for i, c in enumerate(cut) if c.isspace()), default=-1)
        if last_space > TITLE_MAX // 2:
            cut = cut[:last_space].rstrip()
    return f"{cut}…"


def split_paste(text: str) -> tuple[str, str]:
    """Pasted text as an idea: the first non-blank line is the title, the rest the description.

    The description keeps the text exactly, less the blank lines around it. A first line too long
    for a title gives a shortened title, and the description then starts with the whole line.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next((i for i, line in enumerate(lines) if not _blank(line)), None)
    if first is None:
        return "", ""
    end = len(lines)
    while _blank(lines[end - 1]):
        end -= 1
    title = lines[first].strip()
    start = first + 1
    if len(title) > TITLE_MAX:
        lines[first] = title
        start = first
        title = _short_title(title)
    while start < end and _blank(lines[start]):
        start += 1
    return title, "\n".join(lines[start:end])
