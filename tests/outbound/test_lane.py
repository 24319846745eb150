"""The lane alone, with a stand-in for the HTTP call: who goes first, what is held, what is retried.

Timing here uses real monotonic time at a high rate (the budgets are Telegram's, on real time); the
assertions are about order and counts, not about milliseconds.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from telegram.error import BadRequest, NetworkError, RetryAfter

from bot.outbound import OutboundLane, Priority
from bot.outbound.budget import Budget

FAST = 200.0  # messages a second: quick tests, same scheduling


class Recorder:
    """Records which chat each granted call was for, in order."""

    def __init__(self, failures: list[Exception] | None = None) -> None:
        self.order: list[int] = []
        self.failures = failures or []

    async def call(self, chat_id: int) -> int:
        self.order.append(chat_id)
        if self.failures:
            raise self.failures.pop(0)
        return chat_id


def send(lane: OutboundLane, recorder: Recorder, chat_id: int, priority: Priority | None) -> Any:
    return lane.process_request(
        recorder.call, (chat_id,), {}, "sendMessage", {"chat_id": chat_id},
        None if priority is None else int(priority),
    )  # fmt: skip


async def test_a_reply_goes_before_a_waiting_broadcast() -> None:
    lane, recorder = OutboundLane(Budget(rate=FAST, private_interval=0)), Recorder()
    await send(lane, recorder, 1, Priority.BROADCAST)  # takes the free slot at once
    waiting = [send(lane, recorder, chat, Priority.BROADCAST) for chat in range(100, 105)]
    tasks = [asyncio.create_task(call) for call in waiting]
    await asyncio.sleep(0)  # the broadcast is queued first
    await send(lane, recorder, 7, None)
    await asyncio.gather(*tasks)
    assert recorder.order[1] == 7
    await lane.shutdown()


async def test_reminders_keep_their_share_during_a_burst_of_replies() -> None:
    lane, recorder = OutboundLane(Budget(rate=FAST, private_interval=0)), Recorder()
    replies = [send(lane, recorder, chat, None) for chat in range(1000, 1100)]
    reminders = [send(lane, recorder, chat, Priority.REMINDER) for chat in range(1, 31)]
    await asyncio.gather(*replies, *reminders)
    first_fifty = recorder.order[:50]
    reminded = [chat for chat in first_fifty if chat < 1000]
    assert 3 <= len(reminded) <= 12  # about 4/28 of the slots while both wait


async def test_one_chat_is_spaced_but_others_are_not_held_up() -> None:
    lane, recorder = OutboundLane(Budget(rate=FAST, private_interval=0.3)), Recorder()
    loop = asyncio.get_running_loop()
    started = loop.time()
    await send(lane, recorder, 1, None)
    await send(lane, recorder, 2, None)
    assert loop.time() - started < 0.2
    await send(lane, recorder, 1, None)
    assert loop.time() - started >= 0.29
    await lane.shutdown()


async def test_a_429_holds_every_chat_then_the_call_is_tried_again() -> None:
    failures: list[Exception] = [RetryAfter(1)]
    lane, recorder = OutboundLane(Budget(rate=FAST, private_interval=0)), Recorder(failures)
    loop = asyncio.get_running_loop()
    started = loop.time()
    first = asyncio.create_task(send(lane, recorder, 1, None))
    await asyncio.sleep(0.05)
    await send(lane, recorder, 2, None)  # another chat: held too
    assert loop.time() - started >= 0.95
    assert await first == 1
    await lane.shutdown()


async def test_server_errors_are_retried_and_bad_requests_are_not() -> None:
    failures: list[Exception] = [NetworkError("Bad Gateway"), NetworkError("Bad Gateway")]
    lane = OutboundLane(Budget(rate=FAST, private_interval=0), backoff=0.01)
    recorder = Recorder(failures)
    assert await send(lane, recorder, 3, None) == 3
    assert recorder.order == [3, 3, 3]
    recorder.failures.append(BadRequest("Bad Request: can't parse entities"))
    with pytest.raises(BadRequest):
        await send(lane, recorder, 4, None)
    assert recorder.order.count(4) == 1
    await lane.shutdown()


async def test_calls_that_are_not_messages_do_not_wait_for_a_slot() -> None:
    lane, recorder = OutboundLane(Budget(rate=1.0, private_interval=0)), Recorder()
    await send(lane, recorder, 1, None)  # the next message slot is a second away
    loop = asyncio.get_running_loop()
    started = loop.time()
    answered = await lane.process_request(
        recorder.call, (9,), {}, "answerCallbackQuery", {"callback_query_id": "1"}, None
    )
    assert answered == 9
    assert loop.time() - started < 0.5
    await lane.shutdown()
