"""The feed cache: each feed is rendered once per calendar snapshot and query, not per request.

An entry holds the bytes, their gzip form and both strong ETags, so serving a feed (full, gzipped
or 304) costs a dictionary lookup. Entries belong to one snapshot version: when the holder moves to
a new version the cache starts afresh. The number of entries is bounded, because the query
(``body=``) is chosen by whoever sends the request. Rendering runs in a worker thread (a large
calendar takes seconds) behind a lock, so the server stays responsive and renders each feed once.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

import anyio.to_thread

from bot.feed.query import FeedQuery
from bot.feed.render import feed_last_modified, render_event_ics, render_query
from bot.state import Snapshot

MAX_ENTRIES = 32
CacheKey = tuple[str, object]


@dataclass(frozen=True)
class RenderedFeed:
    """One rendered calendar file, ready to send."""

    body: bytes
    gzipped: bytes
    etag: str
    gzip_etag: str
    last_modified_utc: datetime
    last_modified_http: str  # the same instant as an HTTP date, formatted once

    @classmethod
    def of(cls, body: bytes, last_modified_utc: datetime) -> RenderedFeed:
        digest = hashlib.sha256(body).hexdigest()[:32]
        # mtime=0 keeps the gzip bytes deterministic too; the variant gets its own strong ETag
        # because its bytes differ (RFC 9110 8.8.3).
        zipped = gzip.compress(body, 6, mtime=0)
        http_date = format_datetime(last_modified_utc.astimezone(UTC), usegmt=True)
        return cls(body, zipped, f'"{digest}"', f'"{digest}-gz"', last_modified_utc, http_date)


class FeedCache:
    """Rendered feeds for the current snapshot, keyed by query or event id."""

    def __init__(self, base_url: str, max_entries: int = MAX_ENTRIES) -> None:
        self.base_url = base_url.rstrip("/")
        self.max_entries = max_entries
        self.renders = 0  # how often a feed was actually rendered (tests and the benchmark read it)
        self._version: int | None = None
        self._entries: OrderedDict[CacheKey, RenderedFeed] = OrderedDict()
        self._lock = asyncio.Lock()

    async def feed(self, snapshot: Snapshot, query: FeedQuery) -> RenderedFeed:
        """The feed for an already validated ``query``."""

        def render() -> RenderedFeed:
            body = render_query(snapshot, self.base_url, query)
            return RenderedFeed.of(body, feed_last_modified(snapshot, query))

        return await self._get(snapshot, ("feed", query), render)

    async def event(self, snapshot: Snapshot, event_id: str) -> RenderedFeed:
        """One event's ``.ics``; raises ``UnknownEventError`` when there is no such event."""

        def render() -> RenderedFeed:
            body = render_event_ics(snapshot, event_id, self.base_url)
            return RenderedFeed.of(body, snapshot.revision(event_id).modified_utc)

        return await self._get(snapshot, ("event", event_id), render)

    async def custom(
        self, snapshot: Snapshot, key: object, render: Callable[[], RenderedFeed]
    ) -> RenderedFeed:
        """Any other feed of this snapshot (a personal feed), rendered once per ``key``."""
        return await self._get(snapshot, ("custom", key), render)

    async def _get(
        self, snapshot: Snapshot, key: CacheKey, render: Callable[[], RenderedFeed]
    ) -> RenderedFeed:
        found = self._lookup(snapshot, key)
        if found is not None:
            return found
        async with self._lock:
            found = self._lookup(snapshot, key)  # rendered while we waited for the lock?
            if found is not None:
                return found
            rendered = await anyio.to_thread.run_sync(render)
            self.renders += 1
            self._store(snapshot, key, rendered)
            return rendered

    def _lookup(self, snapshot: Snapshot, key: CacheKey) -> RenderedFeed | None:
        if snapshot.version != self._version:
            self._entries.clear()
            self._version = snapshot.version
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
        return found

    def _store(self, snapshot: Snapshot, key: CacheKey, rendered: RenderedFeed) -> None:
        if snapshot.version != self._version:
            return  # the calendar moved on while this one rendered; do not keep a stale entry
        self._entries[key] = rendered
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)
