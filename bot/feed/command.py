"""``calbot feed [-o FILE]``: write the iCalendar feed, byte for byte what ``/calendar.ics`` serves.

It goes through the same holder and renderer as the server (a fresh in-memory revision store, as a
freshly started server has), so the file and the HTTP body agree.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.cli import clock_from, settings_from
from bot.events.revisions import MemoryRevisionStore
from bot.feed.query import FeedQueryError, build_query
from bot.feed.render import render_query
from bot.state import CalendarHolder


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    feed = subparsers.add_parser(
        "feed", parents=[common], help="write the iCalendar feed (what /calendar.ics serves)"
    )
    feed.add_argument(
        "-o", "--output", type=Path, default=None, metavar="FILE", help="file (default: stdout)"
    )
    feed.add_argument("--kind", default=None, help="only these kinds (comma-separated)")
    feed.add_argument("--body", default=None, help="only events whose body contains this text")
    feed.add_argument("--alarm", default=None, help="add a reminder this long before, e.g. PT1H")
    feed.set_defaults(func=run_feed)


def run_feed(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    try:
        query = build_query(args.kind, args.body, args.alarm)
    except FeedQueryError as error:
        print(f"calbot feed: {error}", file=sys.stderr)
        return 2
    holder = CalendarHolder(settings.events_file, clock_from(settings), MemoryRevisionStore())
    data = render_query(holder.load(), settings.public_url, query)
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    try:
        args.output.write_bytes(data)
    except OSError as error:
        print(f"calbot feed: cannot write {args.output}: {error.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {len(data)} bytes to {args.output}", file=sys.stderr)
    return 0
