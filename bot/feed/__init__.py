"""The iCalendar feed: pure rendering (``render``), query parsing (``query``), the per-snapshot
cache (``cache``), HTTP serving with ETags and gzip (``http``) and ``calbot feed`` (``command``)."""

from __future__ import annotations

from bot.feed.query import FeedQuery, FeedQueryError, build_query, parse_query
from bot.feed.render import UnknownEventError, render_event_ics, render_feed, render_query

__all__ = [
    "FeedQuery",
    "FeedQueryError",
    "UnknownEventError",
    "build_query",
    "parse_query",
    "render_event_ics",
    "render_feed",
    "render_query",
]
