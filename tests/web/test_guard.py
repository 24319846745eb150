"""Requests no route needs are refused with a clear 4xx, never a 500 (real server and fuzzing)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from urllib.parse import unquote

import httpx
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.types import Message

from bot.clock import ManualClock
from bot.config import Settings
from bot.state import CalendarHolder
from bot.web import MAX_BODY_BYTES, create_app
from tests.support.servers import raw_request, serve


async def _echo(request: Request) -> PlainTextResponse:
    return PlainTextResponse(f"got {len(await request.body())} bytes")


@pytest.fixture
async def hook_url(
    holder: CalendarHolder, settings: Settings, clock: ManualClock
) -> AsyncIterator[str]:
    app = create_app(
        holder, settings, clock, extra_routes=[Route("/hook", _echo, methods=["POST"])]
    )
    async with serve(app) as url:
        yield url


async def test_body_over_64_kib_is_413(hook_url: str) -> None:
    async with httpx.AsyncClient(base_url=hook_url) as http:
        ok = await http.post("/hook", content=b"x" * MAX_BODY_BYTES)
        big = await http.post("/hook", content=b"x" * (MAX_BODY_BYTES + 1))
    assert ok.text == f"got {MAX_BODY_BYTES} bytes"
    assert big.status_code == 413
    assert "limit 65536 bytes" in big.text


async def test_chunked_body_over_64_kib_is_413(hook_url: str) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(20):
            yield b"y" * 8192

    async with httpx.AsyncClient(base_url=hook_url) as http:
        response = await http.post("/hook", content=chunks())
    assert response.status_code == 413


@pytest.mark.parametrize(
    "target",
    [
        b"/events/..%2F..%2Fetc%2Fpasswd",
        b"/events/../../etc/passwd",
        b"/%2e%2e/calendar.ics",
        b"/events/ccw-msp-2007%00.ics",
        b"/events/a%5Cb",
    ],
)
async def test_odd_paths_are_400(base_url: str, target: bytes) -> None:
    request = b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    status, reply = await raw_request(base_url, request)
    assert status == 400
    assert b"Bad request path" in reply


async def test_huge_target_is_414(base_url: str) -> None:
    request = (
        b"GET /calendar.ics?body="
        + b"a" * 5000
        + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    status, _ = await raw_request(base_url, request)
    assert status == 414


_PATH_PIECES = st.sampled_from(
    [
        "/",
        "events",
        "calendar.ics",
        ".ics",
        "ccw-msp-2007",
        "..",
        ".",
        "%2F",
        "%00",
        "%ZZ",
        "%C3%A9",
        "%FF",
        "?",
        "a",
        "readyz",
        "metrics",
        "\\",
        "%5C",
        "//",
        "%2e%2e",
        "~",
        "*",
        ";",
        " ",
    ]
)
_QUERY = st.lists(
    st.tuples(
        st.sampled_from(["kind", "body", "alarm", "x", "kind[]"]),
        st.text(st.characters(codec="utf-8"), max_size=30),
    ),
    max_size=4,
)


async def _call(app: Starlette, method: str, raw_path: bytes, query: bytes, headers: list) -> int:
    """One request straight through ASGI, with the target as uvicorn would pass it."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": unquote(raw_path.decode("ascii")),
        "raw_path": raw_path,
        "query_string": query,
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    sent: list[Message] = []
    bodies = [{"type": "http.request", "body": b"z" * 10, "more_body": False}]

    async def receive() -> Message:
        return bodies.pop() if bodies else {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return next(m["status"] for m in sent if m["type"] == "http.response.start")


def test_fuzzed_requests_never_get_a_500(app: Starlette) -> None:
    from urllib.parse import urlencode

    @hypothesis_settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        method=st.sampled_from(
            ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "BREW"]
        ),
        pieces=st.lists(_PATH_PIECES, max_size=6),
        query=_QUERY,
        headers=st.lists(
            st.tuples(
                st.sampled_from(
                    [
                        b"if-none-match",
                        b"if-modified-since",
                        b"accept-encoding",
                        b"content-length",
                        b"range",
                    ]
                ),
                st.binary(max_size=30).map(
                    lambda value: value.replace(b"\r", b"").replace(b"\n", b"")
                ),
            ),
            max_size=3,
        ),
    )
    def check(method: str, pieces: list[str], query: list, headers: list) -> None:
        raw_path = ("/" + "/".join(pieces)).encode("ascii", "replace")
        query_string = urlencode(query).encode("ascii")
        status = asyncio.run(_call(app, method, raw_path, query_string, headers))
        assert status < 500, (method, raw_path, query_string, headers)

    check()
