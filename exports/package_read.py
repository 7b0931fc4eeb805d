"""Reading a workshop package before anything is written: the file, its JSON, its format and schema.

Each refusal is a sentence that says what is wrong and where (``ideas[3].title: ...``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from app.i18n import _
from exports.package_layout import FORMAT, VERSION
from exports.package_schema import package_schema
from exports.package_values import refused, refused_at

#: Larger than any real workshop with its pictures (a 300-idea workshop is a few MB).
MAX_BYTES = 200 * 1024 * 1024


def json_path(parts: Iterable[str | int]) -> str:
    """``["ideas", 3, "title"]`` as ``ideas[3].title``."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or _("the whole file")


def _cut_off() -> str:
    return _("The file ends too early: it was cut off while being written or copied.")


def read_bytes(source: Path | bytes) -> bytes:
    if isinstance(source, bytes):
        data = source
    else:
        try:
            if source.stat().st_size > MAX_BYTES:
                raise refused(
                    _("{path} is larger than {mb} MB: too large to be a workshop package.").format(
                        path=source, mb=MAX_BYTES // (1024 * 1024)
                    )
                )
            data = source.read_bytes()
        except FileNotFoundError:
            raise refused(_("There is no file {path}.").format(path=source)) from None
        except IsADirectoryError:
            raise refused(_("{path} is a folder, not a workshop package.").format(path=source)) from None
        except OSError as exc:
            raise refused(
                _("{path} cannot be read: {reason}.").format(path=source, reason=exc.strerror or exc)
            ) from None
    if len(data) > MAX_BYTES:
        raise refused(_("The file is too large to be a workshop package."))
    return data


def _unclosed(text: str) -> bool:
    """Whether the text stops inside a string, an object or a list: the mark of a cut-off file."""
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
    return in_string or depth > 0


def parse(data: bytes) -> Any:
    """The JSON value of the file, or a refusal saying why it is not one."""
    if not data.strip():
        raise refused(_("The file is empty."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":  # cut off in the middle of a letter
            raise refused(_cut_off()) from None
        raise refused(
            _("The file is not text (not UTF-8): it is damaged or not a workshop package.")
        ) from None
    if text.lstrip()[:1] not in ("{", "["):
        raise refused(_("This is not a Mylla workshop package: the file is not JSON."))
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or _unclosed(text):
            raise refused(_cut_off()) from None
        raise refused(
            _("The file is not valid JSON (line {line}, column {column}): it is damaged.").format(
                line=exc.lineno, column=exc.colno
            )
        ) from None


def check_format(value: Any) -> None:
    """Refuse foreign JSON and packages from a newer Mylla before looking at anything else."""
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        found = value.get("format") if isinstance(value, dict) else None
        if isinstance(found, str) and found:
            raise refused(
                _("This is not a Mylla workshop package: its format is '{format}'.").format(format=found[:60])
            )
        raise refused(_("This is not a Mylla workshop package: it has no 'format' of 'mylla.workshop'."))
    version = value.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise refused(_("The package has no valid version number."))
    if version > VERSION:
        raise refused(
            _(
                "The package was made by a newer Mylla: version {version}; this one reads {supported}. "
                "Update Mylla to import it."
            ).format(version=version, supported=VERSION)
        )


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(package_schema())


def _problem(error: ValidationError) -> str:
    """The schema's complaint in the user's language, for the complaints a damaged file makes."""
    kind, detail = error.validator, error.validator_value
    if kind == "required":
        names = detail if isinstance(detail, list) else []
        missing = [name for name in names if isinstance(error.instance, dict) and name not in error.instance]
        return _("'{field}' is missing").format(field=", ".join(missing))
    if kind == "additionalProperties":
        return _("a field Mylla does not know is there")
    if kind == "type":
        return _("the wrong kind of value ({expected} expected)").format(
            expected=" or ".join(detail) if isinstance(detail, list) else detail
        )
    if kind == "maxLength":
        return _("longer than {n} characters").format(n=detail)
    if kind in ("enum", "const"):
        return _("not one of the values Mylla knows: {value}").format(value=str(error.instance)[:40])
    if kind == "pattern":
        return _("not in the expected form: {value}").format(value=str(error.instance)[:40])
    if kind == "maxItems" and detail == 0:
        return _("an anonymous idea has no idea giver")
    if kind == "not" and error.validator_value == {"required": ["results"]}:
        return _("counts are given for a round that was never revealed")
    return _("breaks the package's schema ({rule})").format(rule=kind)


def _where(error: ValidationError) -> tuple[tuple[bool, int | str], ...]:
    return tuple((isinstance(p, int), p) for p in error.absolute_path)


def check_schema(value: Any) -> None:
    """Refuse a package that breaks the schema, naming the first place it does."""
    errors = sorted(_validator().iter_errors(value), key=_where)
    if not errors:
        return
    error = errors[0]
    raise refused_at(json_path(error.absolute_path), _problem(error))
