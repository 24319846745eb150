"""The command line: ``calbot serve | check | feed | events | ask | chat | extract``.

Each subcommand lives beside the code it drives and registers itself here through
``register(subparsers, common)``; ``common`` is the parent parser that gives every subcommand
``--events`` and ``--now``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot import __version__
from bot.clock import Clock, make_clock
from bot.config import Settings, SettingsError, load_settings
from bot.events.loader import CalendarError, load_calendar
from bot.events.model import Calendar

# Modules that add subcommands, in the order --help lists them.
COMMAND_MODULES = (
    "bot.runner",  # serve
    "bot.cli",  # check, events
    "bot.feed.command",  # feed
    "bot.answers.command",  # ask, chat
    "bot.extract.command",  # extract
)


def common_parser() -> argparse.ArgumentParser:
    """Options every subcommand takes."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--events",
        type=Path,
        default=None,
        metavar="PATH",
        help="events file (default: EVENTS_FILE, or events.yaml beside the project)",
    )
    common.add_argument(
        "--now",
        default=None,
        metavar="ISO",
        help="run as if it were this instant, e.g. 2007-11-01T09:00+01:00 (default: CALBOT_NOW)",
    )
    return common


def settings_from(args: argparse.Namespace) -> Settings:
    """The settings, with --events and --now taking precedence over the environment."""
    overrides: dict[str, object] = {}
    if getattr(args, "events", None) is not None:
        overrides["EVENTS_FILE"] = args.events
    if getattr(args, "now", None) is not None:
        overrides["CALBOT_NOW"] = args.now
    return load_settings(**overrides)


def clock_from(settings: Settings) -> Clock:
    try:
        return make_clock(settings.now)
    except ValueError as error:
        raise SettingsError(f"bad setting CALBOT_NOW / --now: {error}") from None


def calendar_from(settings: Settings) -> Calendar:
    """Load the events file or raise CalendarError (printed by ``main``)."""
    return load_calendar(settings.events_file)


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    check = subparsers.add_parser(
        "check",
        parents=[common],
        help="validate an events file: every error with file, line and field",
    )
    check.add_argument("file", nargs="?", type=Path, help="events file (default: --events)")
    check.set_defaults(func=run_check)
    events = subparsers.add_parser("events", parents=[common], help="list the events, readably")
    events.set_defaults(func=run_events)


def run_check(args: argparse.Namespace) -> int:
    if args.file is not None:
        args.events = args.file
    settings = settings_from(args)
    calendar = calendar_from(settings)
    kinds: dict[str, int] = {}
    for event in calendar.events:
        kinds[event.kind] = kinds.get(event.kind, 0) + 1
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    count = len(calendar.events)
    print(f"{settings.events_file}: OK: {calendar.name!r}, {count} events ({summary})")
    return _check_knowledge(settings.events_file, {event.id for event in calendar.events})


def _check_knowledge(events_file: Path, event_ids: set[str]) -> int:
    """The knowledge file the answers use for this calendar must name only its events (the same
    check start-up and every reload make, ``check_knowledge_file``)."""
    from bot.answers.knowledge import check_knowledge_file

    checked = check_knowledge_file(events_file, event_ids)
    if checked.usable and checked.problems:
        # Another calendar without its own knowledge file: a note, not an error.
        count = len(checked.problems)
        print(
            f"{events_file}: note: no knowledge.yaml beside it ({count} mismatches)",
            file=sys.stderr,
        )
        return 0
    for problem in checked.problems:  # each starts with the file, line and column
        print(problem, file=sys.stderr)
    if checked.problems:
        return 1
    print(f"{checked.path}: OK: names only events of the calendar")
    return 0


def run_events(args: argparse.Namespace) -> int:
    from bot.text.dates import format_span  # one place for date formatting

    settings = settings_from(args)
    calendar = calendar_from(settings)
    for event in calendar.events:
        where = event.location.text() if event.location else "place not stated"
        status = "" if event.status == "confirmed" else f" [{event.status}]"
        print(f"{format_span(event, 'en')}  {event.name}{status}  ({where})  id={event.id}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="calbot",
        description="A meeting and conference calendar bot: "
        "iCalendar feed, Telegram answers, reminders.",
    )
    parser.add_argument("--version", action="version", version=f"calbot {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    common = common_parser()
    for name in COMMAND_MODULES:
        try:
            module = sys.modules[__name__] if name == __name__ else importlib.import_module(name)
        except ModuleNotFoundError as error:
            if not error.name or not name.startswith(error.name):
                raise
            continue
        module.register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CalendarError as error:
        print(f"{len(error.issues)} error(s):", file=sys.stderr)
        for issue in error.issues:
            print(f"  {issue}", file=sys.stderr)
        return 1
    except SettingsError as error:
        print(str(error), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `calbot events | head`: the reader left; say nothing more
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (keeps the interpreter's flush quiet)
        return 0


if __name__ == "__main__":
    sys.exit(main())
