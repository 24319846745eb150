"""Webhook mode behind two instances: an update Telegram delivers again, to either instance, is
handled once (its update_id is claimed in the shared database first)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import httpx
from starlette.applications import Starlette

from bot.clock import ManualClock
from bot.config import Settings
from bot.state import CalendarHolder
from bot.storage import Store
from bot.telegram.app import build_application
from bot.telegram.webhook import SECRET_HEADER, webhook_route
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.http import serve_asgi

SECRET = "s3cret-token_value"


@contextlib.asynccontextmanager
async def instance(
    settings: Settings, holder: CalendarHolder, clock: ManualClock, store: Store
) -> AsyncIterator[str]:
    """One calbot instance's bot behind its own webhook URL, on the shared store."""
    application = build_application(settings, holder, clock, store)
    web = Starlette(routes=[webhook_route(application, SECRET, claim=store.claim_update)])
    async with application, serve_asgi(web) as base:
        await application.start()
        try:
            yield f"{base}/telegram"
        finally:
            await application.stop()


async def test_a_redelivered_update_is_answered_once_whichever_instance_gets_it(
    api: FakeBotApi,
    settings: Settings,
    holder: CalendarHolder,
    clock: ManualClock,
    database_url: str,
) -> None:
    first_store, second_store = Store.open(database_url, clock), Store.open(database_url, clock)
    async with (
        instance(settings, holder, clock, first_store) as first,
        instance(settings, holder, clock, second_store) as second,
    ):
        api.lift_rate_limits()
        update = api.push_text(4242, "/next")  # queued for getUpdates: no webhook set here
        headers = {SECRET_HEADER: SECRET}
        async with httpx.AsyncClient() as http:
            for url in (first, second, first):  # Telegram retried, and the balancer alternated
                response = await http.post(url, json=update, headers=headers)
                assert response.status_code == 200
            other = api.push_text(4343, "/about")
            assert (await http.post(second, json=other, headers=headers)).status_code == 200
        await api.wait_for_messages(2)
    first_store.close()
    second_store.close()
    assert sorted(message.chat_id for message in api.sent) == [4242, 4343]
