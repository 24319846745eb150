"""``calbot feed [-o FILE]``: write the iCalendar feed, byte for byte what ``/calendar.ics`` serves.

It goes through the same holder, renderer and revision record as the server (the database at
DATABASE_URL, where the server keeps each event's SEQUENCE), so the file and the HTTP body agree.
With no database yet it renders as a freshly started server would, without creating one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.cli import clock_from, settings_from
from bot.clock import Clock
from bot.events.revisions import MemoryRevisionStore
from bot.feed.query import FeedQueryError, build_query
from bot.feed.render import render_query
from bot.state import CalendarHolder
from bot.storage import Store


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


def _existing_store(database_url: str, clock: Clock) -> Store | None:
    """The server's database if there is one; a missing SQLite file is not created."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and not (url.database and Path(url.database).exists()):
        return None
    return Store.open(database_url, clock)


def run_feed(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    try:
        query = build_query(args.kind, args.body, args.alarm)
    except FeedQueryError as error:
        print(f"calbot feed: {error}", file=sys.stderr)
        return 2
    clock = clock_from(settings)
    store = _existing_store(settings.database_url, clock)
    try:
        revisions = store if store is not None else MemoryRevisionStore()
        holder = CalendarHolder(settings.events_file, clock, revisions)
        data = render_query(holder.load(), settings.public_url, query)
    finally:
        if store is not None:
            store.close()
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
