"""Webhook mode: Telegram POSTs updates to /telegram with the secret header; nobody else gets in."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from starlette.applications import Starlette

from bot.chats import MemoryChatStore
from bot.clock import ManualClock
from bot.config import Settings
from bot.state import CalendarHolder
from bot.telegram.app import build_application
from bot.telegram.webhook import SECRET_HEADER, webhook_route
from tests.fakes.bot_api import DEFAULT_TOKEN, FakeBotApi
from tests.fakes.http import serve_asgi

SECRET = "s3cret-token_value"


@dataclass
class Hooked:
    api: FakeBotApi
    url: str  # the bot's public webhook URL


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    # Telegram only calls HTTPS webhooks; the loopback test server speaks plain HTTP.
    async with FakeBotApi(token=DEFAULT_TOKEN, allow_http_webhook=True) as server:
        server.lift_rate_limits()
        yield server


@pytest.fixture
async def hooked(
    api: FakeBotApi, settings: Settings, holder: CalendarHolder, clock: ManualClock
) -> AsyncIterator[Hooked]:
    """calbot's Application fed by the webhook route (no polling), served on loopback."""
    application = build_application(settings, holder, clock, MemoryChatStore())
    web = Starlette(routes=[webhook_route(application, SECRET)])
    async with application, serve_asgi(web) as base:
        await application.start()
        url = f"{base}/telegram"
        await application.bot.set_webhook(url, secret_token=SECRET)
        try:
            yield Hooked(api, url)
        finally:
            await application.stop()


async def test_updates_delivered_by_telegram_are_answered(hooked: Hooked) -> None:
    hooked.api.push_text(4242, "/next")
    [reply] = await hooked.api.wait_for_messages(1)
    assert "Protocol V conference" in reply.plain
    assert hooked.api.webhook_deliveries == [200]


@pytest.mark.parametrize("headers", [{}, {SECRET_HEADER: "guess"}])
async def test_without_the_secret_nothing_is_processed(
    hooked: Hooked, headers: dict[str, str]
) -> None:
    forged = {
        "update_id": 999,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": 4242, "type": "private"},
            "from": {"id": 4242, "is_bot": False, "first_name": "Eve"},
            "text": "/about",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }
    async with httpx.AsyncClient() as http:
        response = await http.post(hooked.url, json=forged, headers=headers)
    assert response.status_code == 401
    hooked.api.push_text(4242, "/next")  # a genuine update, handled after the forged one
    [reply] = await hooked.api.wait_for_messages(1)
    assert "Coming up" in reply.plain  # and only that one was answered


async def test_oversized_bodies_are_refused(hooked: Hooked) -> None:
    async with httpx.AsyncClient() as http:
        response = await http.post(
            hooked.url, content=b"{" + b" " * (2 << 20), headers={SECRET_HEADER: SECRET}
        )
    assert response.status_code == 413
