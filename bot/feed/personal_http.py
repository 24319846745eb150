"""``GET /feeds/<token>.ics``: a chat's personal feed over HTTP, served like ``/calendar.ics``.

The token names the chat; any token that is not a chat's current one (wrong, revoked, malformed)
gets the site's plain 404, after the same single lookup. Responses go through
``bot.feed.http.feed_response`` (ETag, Last-Modified, 304, gzip), rendered once per snapshot and
selection in a cache of their own, so many personal feeds never push the main feed out of its
cache. Never log the request path: it carries the token (``bot.logging`` redacts it anyway).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import anyio.to_thread
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.clock import Clock
from bot.feed.cache import FeedCache, RenderedFeed
from bot.feed.http import feed_response
from bot.feed.personal import FEED_PATH, Selection, personal_feed_url, select_events
from bot.feed.render import render_selection
from bot.metrics import FEED_REQUESTS
from bot.reader import read_chat
from bot.state import CalendarHolder, Snapshot
from bot.storage import Store
from bot.storage.feed_tokens import FeedTokens

PERSONAL_ENTRIES = 256
FEED_NAME = "{name} (my subscriptions)"


@dataclass(frozen=True)
class _Request:
    """What one personal feed depends on, read from the database in one thread hop."""

    token: str
    selection: Selection
    changed_utc: datetime


class PersonalFeeds:
    """The handler of ``/feeds/<token>.ics``."""

    def __init__(self, holder: CalendarHolder, store: Store, clock: Clock, base_url: str) -> None:
        self.holder = holder
        self.store = store
        self.tokens = FeedTokens(store.engine, clock)
        self.base = base_url.rstrip("/")
        self.cache = FeedCache(self.base, max_entries=PERSONAL_ENTRIES)

    def route(self) -> Route:
        return Route(FEED_PATH.replace("{token}", "{token:str}"), self.serve)

    async def serve(self, request: Request) -> Response:
        if not self.holder.loaded:
            raise HTTPException(503, "The calendar is not loaded yet; try again in a moment.")
        snapshot = self.holder.current
        token = request.path_params["token"]
        wanted = await anyio.to_thread.run_sync(self._read, snapshot, token)
        if wanted is None:
            FEED_REQUESTS.labels(status="404").inc()
            raise HTTPException(404)
        rendered = await self.cache.custom(
            snapshot, (wanted.token, wanted.selection), lambda: self._render(snapshot, wanted)
        )
        response = feed_response(request, rendered, "my-calendar.ics")
        # Personal: no shared cache may keep it, and the URL must not leak through a Referer.
        response.headers["Cache-Control"] = response.headers["Cache-Control"].replace(
            "public", "private"
        )
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    def _read(self, snapshot: Snapshot, token: str) -> _Request | None:
        found = self.tokens.chat_for(token)
        if found is None:
            return None
        chat_id, created_utc = found
        subscriptions = self.store.chat_subscriptions(chat_id)
        zone = read_chat(self.store, chat_id, snapshot.calendar).zone
        changed = max(created_utc, self.tokens.chat_changed_utc(chat_id) or created_utc)
        return _Request(token, select_events(snapshot.calendar, subscriptions, zone), changed)

    def _render(self, snapshot: Snapshot, wanted: _Request) -> RenderedFeed:
        calendar = snapshot.calendar
        chosen = [
            (event, alarms)
            for event_id, alarms in wanted.selection.entries
            if (event := calendar.get(event_id)) is not None
        ]
        body = render_selection(
            snapshot,
            self.base,
            personal_feed_url(self.base, wanted.token),
            FEED_NAME.format(name=calendar.name),
            chosen,
        )
        instants = [calendar.updated, wanted.changed_utc]
        instants += [snapshot.revision(event.id).modified_utc for event, _ in chosen]
        return RenderedFeed.of(body, max(instants).astimezone(UTC))
