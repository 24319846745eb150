"""The sender, through the outbound lane, against the strict fake Bot API: Telegram's refusals
and its rate limits.
"""

from __future__ import annotations

import asyncio
import time

from telegram import Bot

from bot.metrics import REGISTRY
from bot.reminders.sender import Sender
from bot.storage import Store
from tests.fakes.bot_api import FakeBotApi
from tests.reminders.conftest import fast_lane, make_bot, subscribe


def retries(reason: str) -> float:
    return REGISTRY.get_sample_value("calbot_outbound_retries_total", {"reason": reason}) or 0.0


async def test_a_429_is_waited_out_as_telegram_asks_then_sent(
    sender: Sender, api: FakeBotApi
) -> None:
    api.add_chat(201)
    api.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    retried = retries("flood")
    started = time.monotonic()
    outcome = await sender.send(201, "hello")
    assert outcome.status == "sent"
    assert time.monotonic() - started >= 1.0
    [message] = api.sent
    assert message.text == "hello"
    assert retries("flood") == retried + 1


async def test_server_errors_are_retried_with_back_off(store: Store, api: FakeBotApi) -> None:
    api.add_chat(202)
    api.fail_next("sendMessage", 502, "Bad Gateway", count=2)
    async with make_bot(api, lane=fast_lane()) as bot:
        outcome = await Sender(bot, store).send(202, "hello")
    assert outcome.status == "sent"
    assert len(api.sent) == 1


async def test_server_errors_give_up_after_the_bounded_attempts(
    store: Store, api: FakeBotApi
) -> None:
    api.add_chat(203)
    api.fail_next("sendMessage", 500, "Internal Server Error", count=10)
    async with make_bot(api, lane=fast_lane(max_attempts=3)) as bot:
        outcome = await Sender(bot, store).send(203, "hello")
    assert outcome.status == "failed"
    assert api.sent == []
    assert len(api.errors) == 3


async def test_a_blocked_chat_is_deactivated_and_not_retried(
    sender: Sender, store: Store, api: FakeBotApi
) -> None:
    subscribe(store, api, 204, "all", "1d")
    api.block(204)
    outcome = await sender.send(204, "hello")
    assert outcome.status == "gone"
    assert not store.get_chat(204).active  # the planner gives an inactive chat no more reminders
    assert len(api.errors) == 1


async def test_an_unknown_chat_is_deactivated(
    sender: Sender, store: Store, api: FakeBotApi
) -> None:
    store.subscribe(205, "all")  # a chat Telegram does not know (deleted account)
    outcome = await sender.send(205, "hello")
    assert outcome.status == "gone"
    assert not store.get_chat(205).active


async def test_a_migrated_group_moves_its_subscription_and_gets_the_message(
    sender: Sender, store: Store, api: FakeBotApi
) -> None:
    subscribe(store, api, -206, "event:msp-opening", "1h")
    api.add_chat(-1000000000206, "supergroup")
    api.fail_next(
        "sendMessage",
        400,
        "Bad Request: group chat was upgraded to a supergroup chat",
        migrate_to_chat_id=-1000000000206,
    )
    outcome = await sender.send(-206, "hello")
    assert (outcome.status, outcome.chat_id) == ("sent", -1000000000206)
    [message] = api.sent
    assert message.chat_id == -1000000000206
    assert [sub.chat_id for sub in store.subscriptions()] == [-1000000000206]


async def test_a_broken_message_fails_without_retrying(sender: Sender, api: FakeBotApi) -> None:
    api.add_chat(207)
    outcome = await sender.send(207, "<b>unclosed")
    assert outcome.status == "failed"
    assert "parse" in (outcome.reason or "").lower()
    assert len(api.errors) == 1


async def test_a_fan_out_at_the_default_pace_provokes_no_429(
    bot: Bot, store: Store, api: FakeBotApi
) -> None:
    sender = Sender(bot, store)
    chats = range(300, 345)  # 45 chats: half again the burst Telegram tolerates in one second
    for chat_id in chats:
        api.add_chat(chat_id)
    results = await asyncio.gather(*(sender.send(chat_id, "hello") for chat_id in chats))
    assert {outcome.status for outcome in results} == {"sent"}
    # The fake server enforces Telegram's 30 messages per second on arrival: no 429 means the pace
    # held. (Arrival times themselves jitter by milliseconds on a busy machine, so they are not
    # compared here; the budget's own spacing is tested in tests/outbound.)
    assert api.too_many_requests == 0
    assert len(api.sent) == len(chats)
