"""The command line: ``mylla [--db PATH] [COMMAND]``; no command opens the desktop app.

Exit codes: 0 success, 2 usage error, 1 any other failure; a one-line reason on stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from app import demo_content as demo
from app.errors import KNOWN_ERRORS, describe
from app.i18n import LANGUAGES, _, format_date, set_language
from app.paths import resolve_db_path, state_dir
from app.settings import Settings
from exports.formats import format_names

if TYPE_CHECKING:
    from models.database import Database

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
log = logging.getLogger(__name__)


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _positive(limit: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(_("not a whole number: {value}").format(value=value)) from None
        if not 0 <= number <= limit:
            raise argparse.ArgumentTypeError(_("must be between 0 and {limit}").format(limit=limit))
        return number

    return parse


def build_parser() -> Parser:
    parser = Parser(prog="mylla", description=_("Co-creation workshops, offline."))
    parser.add_argument(
        "--db", metavar="PATH", help=_("the database file (default: MYLLA_DB or the user folder)")
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    p = commands.add_parser("demo", help=_("create a demo workshop and print its id"))
    p.add_argument("--ideas", type=_positive(demo.MAX_IDEAS), default=demo.DEFAULT_IDEAS)
    p.add_argument("--participants", type=_positive(demo.MAX_PARTICIPANTS), default=demo.DEFAULT_PARTICIPANTS)
    p.set_defaults(handler=cmd_demo)

    p = commands.add_parser("list", help=_("list the workshops"))
    p.add_argument("--json", action="store_true", help=_("machine-readable output"))
    p.set_defaults(handler=cmd_list)

    p = commands.add_parser("export", help=_("write a workshop to a file and print the paths written"))
    p.add_argument("workshop_id", metavar="ID", help=_("the workshop's id (see: mylla list)"))
    p.add_argument("--format", required=True, choices=format_names(), dest="format_name")
    p.add_argument("--out", required=True, metavar="FILE", type=Path, help=_("the file to write"))
    p.add_argument("--lang", choices=LANGUAGES, help=_("the language of the file (default: the workshop's)"))
    p.add_argument(
        "--follow-up-url",
        default="",
        metavar="URL",
        help=_("the follow-up link; {workshop_id}, {plan_id} and {date} are filled in"),
    )
    p.set_defaults(handler=cmd_export)

    p = commands.add_parser("import", help=_("load a workshop package (.json) and print its id"))
    p.add_argument("file", metavar="FILE.json", type=Path)
    p.set_defaults(handler=cmd_import)
    return parser


def cmd_demo(db: Database, args: argparse.Namespace) -> int:
    from app.demo import create_demo_workshop

    workshop_id = create_demo_workshop(db, ideas=args.ideas, participants=args.participants)
    print(_("Demo workshop created."))
    print(workshop_id)
    return EXIT_OK


def cmd_list(db: Database, args: argparse.Namespace) -> int:
    from app.workshops import list_workshops

    rows = list_workshops(db)
    if args.json:
        data: list[dict[str, Any]] = [
            {
                "id": w.id,
                "title": w.title,
                "date": w.held_on.isoformat() if w.held_on else None,
                "place": w.place,
                "template": w.template_key,
                "current_phase": w.current_phase,
                "ideas": w.idea_count,
                "participants": w.participant_count,
            }
            for w in rows
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        print(_("No workshops yet. Create one with: mylla demo"))
    for w in rows:
        date_text = format_date(w.held_on, "iso") or "----------"
        counts = _("{ideas} ideas, {people} participants").format(
            ideas=w.idea_count, people=w.participant_count
        )
        print(f"{w.id}  {date_text}  {w.title}  ({counts}; {w.current_phase})")
    return EXIT_OK


def cmd_export(db: Database, args: argparse.Namespace) -> int:
    from exports.formats import export_workshop

    written = export_workshop(
        db,
        args.workshop_id,
        args.format_name,
        args.out,
        lang=args.lang,
        follow_up_url=args.follow_up_url,
    )
    for path in written:
        print(path)
    return EXIT_OK


def cmd_import(db: Database, args: argparse.Namespace) -> int:
    from exports.package_import import import_package

    result = import_package(db, args.file)
    if result.updated:
        print(_("Updated the workshop that was already here: {title}").format(title=result.title))
    else:
        print(_("Imported the workshop: {title}").format(title=result.title))
    print(result.workshop_id)
    return EXIT_OK


def _fail(message: str, code: int) -> int:
    print(f"mylla: {message}", file=sys.stderr)
    return code


def _log_crash() -> Path | None:
    try:
        folder = state_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "mylla-error.log"
        path.write_text(traceback.format_exc(), encoding="utf-8")
        return path
    except OSError:
        return None


def run(argv: Sequence[str] | None, desktop: Callable[[Path], int]) -> int:
    """Parse ``argv`` and run the command; ``desktop`` opens the window when no command is given."""
    try:
        set_language(Settings().get("language"))
    except ValueError:
        set_language("sv")
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        return _fail(str(exc), EXIT_USAGE)
    db_path = resolve_db_path(args.db)
    if args.command is None:
        return desktop(db_path)
    from models.database import open_database

    try:
        db = open_database(db_path)
        try:
            return int(args.handler(db, args))
        finally:
            db.close()
    except KNOWN_ERRORS as exc:
        return _fail(describe(exc), EXIT_ERROR)
    except Exception as exc:
        where = _log_crash()
        details = _(" Details: {path}").format(path=where) if where else ""
        return _fail(_("unexpected error ({kind}).").format(kind=type(exc).__name__) + details, EXIT_ERROR)
