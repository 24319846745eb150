"""The crash test: a separate calbot process fanning a reminder out to 500 chats (2,000 in
``benchmarks/run.py crash``) is killed with SIGKILL midway, then started again. Every chat must
have the reminder; none should have it twice.

The bound (documented in ``bot.reminders.dispatcher``): a chat whose message was in flight at the
kill may get it twice, so duplicates are at most the rows left 'sending' (at most the dispatcher's
concurrency). Zero is the target; with the worker saturated (every chat as fast as it can), most
in-flight messages were already accepted when the kill lands, so expect a few. The figures are
printed (``-s``) and recorded as test properties.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.reminders.dispatcher import CONCURRENCY
from bot.storage import Store, schema
from tests.fakes.bot_api import FakeBotApi

DUE = datetime(2007, 11, 7, 8, 0, 1, tzinfo=UTC)  # a second after the 1-hour reminder of the MSP


def subscribe_many(store: Store, chat_ids: range, scope: str, leads: str) -> None:
    """Set-up only: 2,000 one-row transactions would take longer than the test itself."""
    now = datetime(2007, 10, 1, tzinfo=UTC)
    stamps = {"created_utc": now, "updated_utc": now}
    with store.engine.begin() as connection:
        connection.execute(
            schema.chats.insert(), [{"id": c, "active": True, **stamps} for c in chat_ids]
        )
        rows = [
            {"chat_id": c, "scope": scope, "leads": leads, "active": True, **stamps}
            for c in chat_ids
        ]
        connection.execute(schema.subscriptions.insert(), rows)


@dataclass(frozen=True)
class Scenario:
    chats: int
    kill_at: int
    rate: float  # calbot's pace, messages a second
    telegram_limits: bool  # the fake server enforces 30/s overall


# As fast as the worker can go (the server's limits lifted), and at Telegram's own pace. The suite
# runs the small version; ``benchmarks/run.py crash`` the full 2,000 chats (CALBOT_CRASH_CHATS).
_SIZE = int(os.environ.get("CALBOT_CRASH_CHATS", "500"))
SATURATED = Scenario(chats=_SIZE, kill_at=_SIZE // 2, rate=150, telegram_limits=False)
TELEGRAM_PACE = Scenario(chats=_SIZE // 5, kill_at=_SIZE // 10, rate=29.5, telegram_limits=True)


async def start_worker(
    database_url: str, events_file: Path, api: FakeBotApi, rate: float
) -> asyncio.subprocess.Process:
    env = {
        **os.environ,
        "PTB_TIMEDELTA": "1",
        "PYTHONPATH": str(PROJECT_ROOT),
        "TELEGRAM_BOT_TOKEN": api.token,
        "CALBOT_CRASH_RATE": str(rate),
    }
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.reminders.crash_worker",
        database_url, str(events_file), api.base_url, DUE.isoformat(),
        stdout=asyncio.subprocess.PIPE, env=env, cwd=PROJECT_ROOT,
    )  # fmt: skip


@contextlib.asynccontextmanager
async def _ended(workers: list[asyncio.subprocess.Process]) -> AsyncIterator[None]:
    """However the test ends, no worker outlives it (a failed wait would leave one sending)."""
    try:
        yield
    finally:
        for worker in workers:
            if worker.returncode is None:
                worker.kill()
                await worker.wait()


@pytest.mark.parametrize("scenario", [SATURATED, TELEGRAM_PACE], ids=["saturated", "paced"])
async def test_a_fan_out_killed_midway_resumes_without_losing_or_repeating_a_reminder(
    scenario: Scenario,
    database_url: str,
    store: Store,
    events_file: Path,
    record_property: pytest.RecordProperty,
) -> None:
    if scenario is TELEGRAM_PACE and not database_url.startswith("sqlite"):
        pytest.skip("the paced scenario runs on SQLite only (time budget); saturated covers both")
    chats = range(1, scenario.chats + 1)
    workers: list[asyncio.subprocess.Process] = []
    async with FakeBotApi() as api, _ended(workers):
        if not scenario.telegram_limits:
            api.lift_rate_limits()
        for chat_id in chats:
            api.add_chat(chat_id)
        subscribe_many(store, chats, "event:msp-opening", "1h")

        started = time.monotonic()
        first = await start_worker(database_url, events_file, api, scenario.rate)
        workers.append(first)
        # Generous bounds: they only stop a hung run; what is measured is asserted below.
        await api.wait_until(lambda: len(api.sent) >= scenario.kill_at, timeout=90)
        first.send_signal(signal.SIGKILL)
        await first.wait()
        accepted_at_kill = len(api.sent)
        killed = time.monotonic()
        in_flight = store.count_deliveries()["sending"]

        second = await start_worker(database_url, events_file, api, scenario.rate)
        workers.append(second)
        output, _ = await asyncio.wait_for(second.communicate(), timeout=120)
        assert second.returncode == 0
        report = json.loads(output)
        finished = time.monotonic()

    per_chat = Counter(message.chat_id for message in api.sent)
    duplicates = sum(count - 1 for count in per_chat.values())
    figures = {
        "accepted_at_kill": accepted_at_kill,
        "left_sending": in_flight,
        "resent_after_restart": report["recovered"],
        "duplicates": duplicates,
        "first_run_s": round(killed - started, 1),
        "second_run_s": round(finished - killed, 1),
    }
    print(f"\ncrash test ({database_url.split(':')[0]}, {scenario}): {figures}")
    for name, value in figures.items():
        record_property(name, value)
    assert first.returncode == -signal.SIGKILL
    assert scenario.kill_at <= accepted_at_kill < scenario.chats, "the kill must land midway"
    assert set(per_chat) == set(chats), "every chat has the reminder"
    assert duplicates <= min(in_flight, CONCURRENCY)
    assert api.too_many_requests == 0
    logged = {"sending": 0, "sent": scenario.chats, "failed": 0, "skipped": 0}
    assert store.count_deliveries() == logged
