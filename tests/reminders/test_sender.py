"""The sender and the pacer against the strict fake Bot API: Telegram's refusals and its rate
limits.
"""

from __future__ import annotations

import asyncio
import time

from telegram import Bot

from bot.metrics import REGISTRY
from bot.reminders.pacing import Pacer
from bot.reminders.sender import Sender
from bot.storage import Store
from tests.fakes.bot_api import FakeBotApi
from tests.reminders.conftest import fast_pacer, subscribe


def counted(outcome: str) -> float:
    return REGISTRY.get_sample_value("calbot_reminders_total", {"outcome": outcome}) or 0.0


async def test_a_429_is_waited_out_as_telegram_asks_then_sent(
    sender: Sender, api: FakeBotApi
) -> None:
    api.add_chat(201)
    api.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    retried = counted("retried")
    started = time.monotonic()
    outcome = await sender.send(201, "hello")
    assert outcome.status == "sent"
    assert time.monotonic() - started >= 1.0
    [message] = api.sent
    assert message.text == "hello"
    assert counted("retried") == retried + 1


async def test_server_errors_are_retried_with_back_off(
    bot: Bot, store: Store, api: FakeBotApi
) -> None:
    api.add_chat(202)
    api.fail_next("sendMessage", 502, "Bad Gateway", count=2)
    sender = Sender(bot, store, fast_pacer(), backoff=0.01)
    outcome = await sender.send(202, "hello")
    assert outcome.status == "sent"
    assert len(api.sent) == 1


async def test_server_errors_give_up_after_the_bounded_attempts(
    bot: Bot, store: Store, api: FakeBotApi
) -> None:
    api.add_chat(203)
    api.fail_next("sendMessage", 500, "Internal Server Error", count=10)
    sender = Sender(bot, store, fast_pacer(), max_attempts=3, backoff=0.01)
    outcome = await sender.send(203, "hello")
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
    sender = Sender(bot, store, Pacer())
    chats = range(300, 345)  # 45 chats: half again the burst Telegram tolerates in one second
    for chat_id in chats:
        api.add_chat(chat_id)
    results = await asyncio.gather(*(sender.send(chat_id, "hello") for chat_id in chats))
    assert {outcome.status for outcome in results} == {"sent"}
    # The fake server enforces Telegram's 30 messages per second on arrival: no 429 means the pace
    # held. (Arrival times themselves jitter by milliseconds on a busy machine, so they are not
    # compared here; the pacer's own spacing is tested with a fake clock below.)
    assert api.too_many_requests == 0
    assert len(api.sent) == len(chats)


async def test_messages_to_one_group_are_spaced_for_its_per_minute_limit() -> None:
    clock = [0.0]

    async def sleep(seconds: float) -> None:
        clock[0] += seconds

    pacer = Pacer(monotonic=lambda: clock[0], sleep=sleep)
    booked = []
    for _ in range(3):
        await pacer.wait_turn(-42)
        booked.append(clock[0])
    assert booked[1] - booked[0] >= 3.0
    assert booked[2] - booked[1] >= 3.0


async def test_private_chats_are_spaced_a_second_apart_but_others_are_not_held_up() -> None:
    clock = [0.0]

    async def sleep(seconds: float) -> None:
        clock[0] += seconds

    pacer = Pacer(monotonic=lambda: clock[0], sleep=sleep)
    await pacer.wait_turn(1)
    await pacer.wait_turn(2)
    assert clock[0] < 0.1
    await pacer.wait_turn(1)
    assert clock[0] >= 1.0
