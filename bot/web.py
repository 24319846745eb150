"""The HTTP app: the iCalendar feed, the web page, health and metrics, plus routes others add.

``create_app`` builds a Starlette app over the calendar holder; the Telegram webhook joins through
``extra_routes``. A guard in front refuses what no route needs (oversized bodies, encoded slashes,
dot segments, NUL bytes) with a 4xx before routing, so odd requests never reach code that could
fail with a 500. Feeds come from a per-snapshot cache; pages are rendered per request because they
show what is on *now* by calbot's clock.
"""

from __future__ import annotations

import gzip
import hashlib
import inspect
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.clock import Clock
from bot.config import Settings
from bot.feed.cache import FeedCache
from bot.feed.http import accepts_gzip, feed_response
from bot.feed.query import FeedQuery, FeedQueryError, parse_query
from bot.logging import redact
from bot.metrics import FEED_REQUESTS, render_metrics
from bot.page import PageLanguage, render_event_page, render_index
from bot.state import CalendarHolder, Snapshot
from bot.text.page_texts import choose_language

MAX_BODY_BYTES = 64 * 1024
MAX_PATH_BYTES = 2048
MAX_QUERY_BYTES = 4096
ReadinessResult = tuple[bool, dict[str, Any]]
Readiness = Callable[[], ReadinessResult | Awaitable[ReadinessResult]]
_WHOLE_FEED = FeedQuery()
_PAGE_HEADERS = {
    "Cache-Control": "no-cache",  # the page says what is on *now*
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
}


def create_app(
    holder: CalendarHolder,
    settings: Settings,
    clock: Clock,
    *,
    extra_routes: Sequence[BaseRoute] = (),
    readiness: Readiness | None = None,
) -> Starlette:
    """The Starlette app serving feed, page, health and metrics for ``holder``'s calendar."""
    site = _Site(holder, settings.public_url, clock, readiness)
    routes: list[BaseRoute] = [
        Route("/", site.index),
        Route("/calendar.ics", site.calendar_ics),
        Route("/events/{event_id}.ics", site.event_ics),
        Route("/events/{event_id}", site.event_page),
        Route("/healthz", site.healthz),
        Route("/readyz", site.readyz),
        Route("/metrics", site.metrics),
        *extra_routes,
    ]
    app = Starlette(
        routes=routes,
        # No GZipMiddleware: feeds carry ready-made gzip variants with their own ETags, pages
        # compress themselves, and the middleware's per-request cost halved the feed's throughput.
        middleware=[Middleware(RequestGuard)],
        exception_handlers={404: site.not_found},
    )
    app.state.feed_cache = site.cache
    return app


class _Site:
    """The route handlers, sharing the holder, the feed cache and the clock."""

    def __init__(
        self, holder: CalendarHolder, base_url: str, clock: Clock, readiness: Readiness | None
    ) -> None:
        self.holder = holder
        self.base = base_url.rstrip("/")
        self.clock = clock
        self.readiness = readiness
        self.cache = FeedCache(self.base)

    def _snapshot(self) -> Snapshot:
        if not self.holder.loaded:
            raise HTTPException(503, "The calendar is not loaded yet; try again in a moment.")
        return self.holder.current

    async def calendar_ics(self, request: Request) -> Response:
        try:
            query = _feed_query(request)
        except FeedQueryError as error:
            FEED_REQUESTS.labels(status="400").inc()
            return _text(400, f"Bad feed parameter: {error}.")
        rendered = await self.cache.feed(self._snapshot(), query)
        return feed_response(request, rendered, "calendar.ics")

    async def event_ics(self, request: Request) -> Response:
        event_id = request.path_params["event_id"]
        snapshot = self._snapshot()
        if snapshot.calendar.get(event_id) is None:  # checked first: unknown ids never render
            FEED_REQUESTS.labels(status="404").inc()
            return self._unknown_event(event_id)
        rendered = await self.cache.event(snapshot, event_id)
        return feed_response(request, rendered, f"{event_id}.ics")

    async def event_page(self, request: Request) -> Response:
        event_id = request.path_params["event_id"]
        snapshot = self._snapshot()
        event = snapshot.calendar.get(event_id)
        if event is None:
            return self._unknown_event(event_id)
        language = _page_language(request)
        page = render_event_page(snapshot, event, self.base, self.clock.now(), language)
        return _html(request, page, language)

    async def index(self, request: Request) -> Response:
        language = _page_language(request)
        page = render_index(self._snapshot(), self.base, self.clock.now(), language)
        return _html(request, page, language)

    async def healthz(self, request: Request) -> Response:
        return _text(200, "ok")

    async def readyz(self, request: Request) -> Response:
        ok, details = self._calendar_readiness()
        if self.readiness is not None:
            checked_ok, checked = await _run_readiness(self.readiness)
            ok = ok and checked_ok
            details.update(checked)
        body = {"ready": ok, **{key: redact(str(value)) for key, value in details.items()}}
        return JSONResponse(body, status_code=200 if ok else 503)

    def _calendar_readiness(self) -> tuple[bool, dict[str, Any]]:
        if not self.holder.loaded:
            return False, {"calendar": "not loaded"}
        snapshot = self.holder.current
        details: dict[str, Any] = {
            "calendar": f"version {snapshot.version}, {len(snapshot.calendar.events)} events"
        }
        if self.holder.last_error is not None:
            # Still serving the last good calendar, so still ready; say why the file was refused.
            count = len(self.holder.last_error.issues)
            details["events_file"] = f"last reload refused ({count} problem(s)); serving previous"
        return True, details

    async def metrics(self, request: Request) -> Response:
        body, content_type = render_metrics()
        return Response(body, headers={"Content-Type": content_type, "Cache-Control": "no-store"})

    async def not_found(self, request: Request, exc: Exception) -> Response:
        return _text(
            404,
            f"Not found. The calendar is at {self.base}/ and its feed at {self.base}/calendar.ics.",
        )

    def _unknown_event(self, event_id: str) -> Response:
        return _text(
            404,
            f"No event has the id {event_id[:80]!r}. The events and their ids are listed at "
            f"{self.base}/ and all of them are in the feed {self.base}/calendar.ics.",
        )


def _feed_query(request: Request) -> FeedQuery:
    if not request.scope.get("query_string"):
        return _WHOLE_FEED  # most requests: calendar apps polling the plain feed
    params = {key: request.query_params.getlist(key) for key in request.query_params}
    return parse_query(params)


async def _run_readiness(readiness: Readiness) -> ReadinessResult:
    """Run the lead's readiness check; a check that fails is "not ready", never a 500."""
    try:
        result = readiness()
        if inspect.isawaitable(result):
            result = await result
        ok, details = result  # type: ignore[misc]
        return bool(ok), dict(details)
    except Exception as error:  # any failure of a dependency check means "not ready"
        return False, {"readiness": f"check failed: {type(error).__name__}"}


def _page_language(request: Request) -> PageLanguage:
    code, chosen = choose_language(
        request.query_params.get("lang"), request.headers.get("accept-language", "")
    )
    return PageLanguage(code, chosen)


def _html(request: Request, html: str, language: PageLanguage) -> Response:
    """A page in the reader's language, gzipped when the client accepts it.

    The same URL answers in another language for another Accept-Language, so caches are told
    (``Vary``); the ETag is the hash of the bytes sent, so it differs per language, per encoding
    and from one minute to the next ("as of"), and a matching ``If-None-Match`` gets a 304.
    """
    body = html.encode("utf-8")
    headers = {
        **_PAGE_HEADERS,
        "Vary": "Accept-Language, Accept-Encoding",
        "Content-Language": language.code,
    }
    if accepts_gzip(request.headers.get("accept-encoding", "")):
        body = gzip.compress(body, 6, mtime=0)
        headers["Content-Encoding"] = "gzip"
    headers["ETag"] = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    wanted = _etags(request.headers.get("if-none-match", ""))
    if headers["ETag"] in wanted or "*" in wanted:
        return Response(status_code=304, headers=headers)
    return HTMLResponse(body, headers=headers)


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


def _text(status: int, message: str) -> Response:
    return PlainTextResponse(
        message + "\n", status_code=status, headers={"X-Content-Type-Options": "nosniff"}
    )


class BodyTooLargeError(HTTPException):
    def __init__(self) -> None:
        super().__init__(413, f"Request body too large (limit {MAX_BODY_BYTES} bytes).")


class RequestGuard:
    """Refuses requests no route needs before they reach the router (ASGI middleware)."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = refuse_target(scope) or self._refuse_length(scope)
        if refusal is not None:
            status, message = refusal
            await _text(status, message)(scope, receive, send)
            return
        started = False
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body:
                raise BodyTooLargeError()
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLargeError as error:
            if started:
                raise
            await _text(413, str(error.detail))(scope, receive, send)

    def _refuse_length(self, scope: Scope) -> tuple[int, str] | None:
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                if not value.isdigit():
                    return 400, "Content-Length must be a number."
                if int(value) > self.max_body:
                    return 413, f"Request body too large (limit {self.max_body} bytes)."
        return None


def refuse_target(scope: Scope) -> tuple[int, str] | None:
    """A 4xx for a request target no route can mean: traversal, encoded slashes, NUL, huge."""
    raw: bytes = scope.get("raw_path") or scope["path"].encode("utf-8", "replace")
    path: str = scope["path"]
    if len(raw) > MAX_PATH_BYTES or len(scope.get("query_string", b"")) > MAX_QUERY_BYTES:
        return 414, "Request target too long."
    lowered = raw.lower()
    if b"\x00" in raw or "\x00" in path or b"%00" in lowered:
        return 400, "Bad request path: NUL bytes are not allowed."
    if b"%2f" in lowered or b"%5c" in lowered or b"\\" in raw or "\\" in path:
        return 400, "Bad request path: encoded slashes and backslashes are not allowed."
    if any(segment in (".", "..") for segment in path.split("/")):
        return 400, "Bad request path: '.' and '..' segments are not allowed."
    return None
