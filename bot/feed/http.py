"""Serving a rendered feed over HTTP: ETag and Last-Modified, 304s, gzip, caching and CORS headers.

The feed is fetched by calendar apps every hour from many clients, so most answers should be a 304
or a ready-made gzip body. The plain and gzip variants carry different strong ETags and
``Vary: Accept-Encoding`` so a shared cache never hands one to a client that asked for the other.
"""

from __future__ import annotations

from datetime import UTC
from email.utils import parsedate_to_datetime

from starlette.requests import Request
from starlette.responses import Response

from bot.feed.cache import RenderedFeed
from bot.feed.render import REFRESH_INTERVAL
from bot.metrics import FEED_REQUESTS

CALENDAR_TYPE = "text/calendar"
CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "ETag, Last-Modified"}


def feed_response(request: Request, rendered: RenderedFeed, filename: str) -> Response:
    """The response for a GET or HEAD of a rendered feed, honouring conditional headers."""
    gzipped = accepts_gzip(request.headers.get("accept-encoding", ""))
    headers = {
        "ETag": rendered.gzip_etag if gzipped else rendered.etag,
        "Last-Modified": rendered.last_modified_http,
        "Cache-Control": f"public, max-age={int(REFRESH_INTERVAL.total_seconds())}",
        "Vary": "Accept-Encoding",
        "X-Content-Type-Options": "nosniff",
        **CORS,
    }
    if not_modified(request, rendered):
        FEED_REQUESTS.labels(status="304").inc()
        return Response(status_code=304, headers=headers)
    headers["Content-Disposition"] = f'inline; filename="{filename}"'
    if gzipped:
        headers["Content-Encoding"] = "gzip"
    FEED_REQUESTS.labels(status="200").inc()
    body = rendered.gzipped if gzipped else rendered.body
    return Response(body, headers=headers, media_type=CALENDAR_TYPE)


def not_modified(request: Request, rendered: RenderedFeed) -> bool:
    """RFC 9110 13.2.2: If-None-Match decides when present; If-Modified-Since only without it."""
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        return etag_matches(if_none_match, {rendered.etag, rendered.gzip_etag})
    if_modified_since = request.headers.get("if-modified-since")
    if if_modified_since is None:
        return False
    try:
        since = parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError, IndexError):
        return False  # an unreadable date is ignored, as the RFC says
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    # HTTP dates have whole seconds; compare at that precision.
    return rendered.last_modified_utc.replace(microsecond=0) <= since


def etag_matches(header: str, etags: set[str]) -> bool:
    """Weak comparison, as If-None-Match uses: ``W/"x"`` matches ``"x"``; ``*`` matches anything."""
    for candidate in header.split(","):
        tag = candidate.strip().removeprefix("W/")
        if tag == "*" or tag in etags:
            return True
    return False


def accepts_gzip(header: str) -> bool:
    """True when Accept-Encoding lists gzip (or ``*``) without ``q=0``."""
    for item in header.lower().split(","):
        coding, _, params = item.strip().partition(";")
        if coding.strip() not in ("gzip", "x-gzip", "*"):
            continue
        quality = params.strip().removeprefix("q=").strip() if "q=" in params else "1"
        try:
            return float(quality) > 0
        except ValueError:
            return False
    return False
