"""Liveness, readiness (with the injected dependency check), metrics and added routes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from bot.clock import ManualClock
from bot.config import load_settings
from bot.events.revisions import MemoryRevisionStore
from bot.state import CalendarHolder
from bot.web import create_app
from tests.support.files import write_file
from tests.support.servers import serve


async def test_healthz_is_ok(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert (response.status_code, response.text) == (200, "ok\n")


async def test_readyz_is_ready_with_the_calendar_and_the_check(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["ready"] is True
    assert body["calendar"] == "version 1, 7 events"
    assert body["database"] == "ok"


async def test_readyz_is_503_with_the_reason_when_the_check_fails(
    client: httpx.AsyncClient, readiness_state: dict[str, Any]
) -> None:
    readiness_state.update(ok=False, details={"database": "connection refused"})
    response = await client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] == "connection refused"


async def test_readyz_is_503_not_500_when_the_check_raises(
    client: httpx.AsyncClient, readiness_state: dict[str, Any]
) -> None:
    def broken() -> None:
        raise ConnectionError("postgres://user:secret@db/calbot")

    readiness_state["raise"] = broken
    response = await client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["readiness"] == "check failed: ConnectionError"
    assert "secret" not in response.text


async def test_readyz_stays_ready_on_the_last_good_calendar_after_a_bad_edit(
    client: httpx.AsyncClient, holder: CalendarHolder, events_copy: Path
) -> None:
    write_file(events_copy, "name: [unclosed")
    holder.reload()
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert "last reload refused" in response.json()["events_file"]
    assert (await client.get("/calendar.ics")).status_code == 200


async def test_not_loaded_calendar_is_503_everywhere_it_is_needed(
    tmp_path: Path, clock: ManualClock
) -> None:
    holder = CalendarHolder(tmp_path / "missing.yaml", clock, MemoryRevisionStore())
    app = create_app(holder, load_settings(PUBLIC_URL="https://c.example"), clock)
    async with serve(app) as base, httpx.AsyncClient(base_url=base) as http:
        statuses = [
            (await http.get(path)).status_code for path in ("/", "/calendar.ics", "/readyz")
        ]
        assert statuses == [503, 503, 503]
        assert (await http.get("/healthz")).status_code == 200


async def test_metrics_are_exposed(client: httpx.AsyncClient) -> None:
    await client.get("/calendar.ics")
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert 'calbot_feed_requests_total{status="200"}' in response.text


async def test_extra_routes_are_served(
    holder: CalendarHolder, clock: ManualClock, tmp_path: Path
) -> None:
    async def echo(request: Request) -> PlainTextResponse:
        return PlainTextResponse(f"got {len(await request.body())} bytes")

    settings = load_settings(PUBLIC_URL="https://c.example")
    app = create_app(holder, settings, clock, extra_routes=[Route("/hook", echo, methods=["POST"])])
    async with serve(app) as base, httpx.AsyncClient(base_url=base) as http:
        response = await http.post("/hook", content=b"x" * 1000)
        assert response.text == "got 1000 bytes"
