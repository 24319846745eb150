"""Web fixtures: the real app on a real uvicorn at 127.0.0.1, and an httpx client talking to it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from bot.clock import ManualClock
from bot.config import Settings, load_settings
from bot.state import CalendarHolder
from bot.web import create_app
from tests.support.servers import serve

PUBLIC_URL = "https://calbot.example.org"


@pytest.fixture
def settings(events_copy: Path) -> Settings:
    return load_settings(PUBLIC_URL=PUBLIC_URL, EVENTS_FILE=events_copy)


@pytest.fixture
def readiness_state() -> dict[str, Any]:
    """What the injected readiness check reports; tests change it."""
    return {"ok": True, "details": {"database": "ok"}}


@pytest.fixture
def app(
    holder: CalendarHolder,
    settings: Settings,
    clock: ManualClock,
    readiness_state: dict[str, Any],
) -> Starlette:
    def readiness() -> tuple[bool, dict[str, Any]]:
        check: Callable[[], object] | None = readiness_state.get("raise")
        if check is not None:
            check()
        return readiness_state["ok"], readiness_state["details"]

    return create_app(holder, settings, clock, readiness=readiness)


@pytest.fixture
async def base_url(app: Starlette) -> AsyncIterator[str]:
    async with serve(app) as url:
        yield url


@pytest.fixture
async def client(base_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=base_url, timeout=10) as http:
        yield http
