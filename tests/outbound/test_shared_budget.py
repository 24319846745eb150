"""Two instances on one database share the bot token's overall budget: together they stay under
Telegram's 30 messages a second (each alone would send 29.5)."""

from __future__ import annotations

import asyncio

from telegram.ext import ExtBot
from telegram.request import HTTPXRequest

from bot.clock import ManualClock
from bot.outbound import OutboundLane
from bot.storage import Store
from tests.fakes.bot_api import FakeBotApi

PER_INSTANCE = 45


def instance_bot(api: FakeBotApi, store: Store) -> ExtBot:
    lane = OutboundLane(shared=store)
    request = HTTPXRequest(connection_pool_size=32)
    return ExtBot(api.token, base_url=f"{api.base_url}/bot", request=request, rate_limiter=lane)


async def send_all(bot: ExtBot, chats: range) -> None:
    await asyncio.gather(*(bot.send_message(chat_id, "hello") for chat_id in chats))


async def test_two_instances_together_provoke_no_429(
    api: FakeBotApi, database_url: str, clock: ManualClock
) -> None:
    first_store, second_store = Store.open(database_url, clock), Store.open(database_url, clock)
    first_chats = range(1, PER_INSTANCE + 1)
    second_chats = range(1001, 1001 + PER_INSTANCE)
    for chat_id in (*first_chats, *second_chats):
        api.add_chat(chat_id)
    async with instance_bot(api, first_store) as first, instance_bot(api, second_store) as second:
        await asyncio.gather(send_all(first, first_chats), send_all(second, second_chats))
    first_store.close()
    second_store.close()
    assert len(api.sent) == 2 * PER_INSTANCE
    assert api.too_many_requests == 0
    times = sorted(message.at for message in api.sent)
    assert (len(times) - 1) / (times[-1] - times[0]) <= 30.5  # the sum, not twice the rate
