"""The export formats by name, for ``mylla export --format NAME`` and the desktop's export dialog.

A format is a writer ``(db, workshop_id, out, lang, follow_up_url) -> paths written``. The built-in
ones are imported only when used; another module adds its own with ``register_format``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import InvalidInput
from app.i18n import LANGUAGES, _, thread_language

if TYPE_CHECKING:
    from models.database import Database

Writer = Callable[["Database", str, Path, str, str], Sequence[Path]]

#: Built-in formats as "module:function", imported on first use (the PDF's reportlab is slow to load).
_BUILT_IN: dict[str, str] = {
    "json": "exports.package:write_package",
    "csv": "exports.csv_export:write_csv",
    "ics": "exports.calendar_export:write_calendar",
    "pdf": "exports.protocol:pdf_format",
    "md": "exports.markdown:markdown_format",
}
_registered: dict[str, Writer] = {}


def register_format(name: str, writer: Writer) -> None:
    """Offer ``writer`` as the format ``name`` (replacing a format of that name)."""
    _registered[name] = writer


def format_names() -> tuple[str, ...]:
    return tuple(sorted({*_BUILT_IN, *_registered}))


def writer_for(name: str) -> Writer:
    if name in _registered:
        return _registered[name]
    if name not in _BUILT_IN:
        raise InvalidInput(_("Unknown export format: {name}").format(name=name), "format")
    module, function = _BUILT_IN[name].split(":")
    writer: Writer = getattr(importlib.import_module(module), function)
    return writer


@contextmanager
def in_language(lang: str) -> Iterator[None]:
    """Texts in ``lang`` while a file is written, in this thread only: a window showing meanwhile
    keeps its own language, and this thread has the screen's language again afterwards."""
    if lang not in LANGUAGES:
        raise InvalidInput(
            _("Choose one of the languages: {codes}.").format(codes=", ".join(LANGUAGES)), "lang"
        )
    with ExitStack() as stack:
        try:
            stack.enter_context(thread_language(lang))
        except ValueError:
            raise InvalidInput(
                _("Mylla has no translation for {code} yet: choose another language.").format(code=lang),
                "lang",
            ) from None
        yield


def export_workshop(
    db: Database,
    workshop_id: str,
    format_name: str,
    out: Path,
    *,
    lang: str | None = None,
    follow_up_url: str = "",
) -> list[Path]:
    """Write the workshop in ``format_name`` to ``out`` (and beside it); the paths written.

    ``lang`` defaults to the workshop's own language; ``follow_up_url`` to the installation's
    template in the settings (a workshop's own link wins over both).
    """
    writer = writer_for(format_name)
    if not follow_up_url:
        from app.settings import Settings

        follow_up_url = str(Settings().get("follow_up_url_template"))
    if lang is None:
        from app.workshops import get_workshop

        lang = get_workshop(db, workshop_id).language
    return list(writer(db, workshop_id, out, lang, follow_up_url))


def write_whole(out: Path, data: bytes) -> Path:
    """Write ``data`` next to ``out`` and move it into place, so a failed write leaves no half file."""
    temporary = out.with_name(f".{out.name}.part")
    try:
        temporary.write_bytes(data)
        temporary.replace(out)
    finally:
        temporary.unlink(missing_ok=True)
    return out
