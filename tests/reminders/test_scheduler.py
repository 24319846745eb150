"""Punctuality: APScheduler wakes calbot at the due instant, on the real clock and on the settable
one.

These tests use real time (the wake-up is real): each waits about a second and a half for a reminder
due then, and checks when the fake Bot API accepted it.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from telegram import Bot

from bot.clock import Clock, OffsetClock, SystemClock
from bot.config import Settings
from bot.events.revisions import MemoryRevisionStore
from bot.reminders import ReminderServices
from bot.reminders.scheduler import WakeScheduler
from bot.reminders.service import ReminderService
from bot.state import CalendarHolder
from bot.storage import Store
from tests.fakes.bot_api import DEFAULT_TOKEN, FakeBotApi
from tests.reminders.conftest import subscribe, wait_for, write_events

PUNCTUAL = timedelta(seconds=2)
MSP_DUE = datetime(2007, 11, 7, 8, 0, tzinfo=UTC)  # one hour before 10:00 in Geneva

ONE_MEETING = """\
name: Now
timezone: UTC
updated: "2007-10-01T00:00:00Z"
events:
  - id: soon
    title: A meeting an hour from now
    kind: meeting
    start: "{start}"
    end: "{end}"
    timezone: UTC
"""


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'calbot.db'}"


@contextlib.asynccontextmanager
async def running_service(
    clock: Clock, events_file: Path, url: str, bot: Bot, api: FakeBotApi, scope: str
) -> AsyncIterator[ReminderService]:
    store = Store.open(url, clock)
    holder = CalendarHolder(events_file, clock, MemoryRevisionStore())
    holder.load()
    subscribe(store, api, 401, scope, "1h")
    settings = Settings(TELEGRAM_BOT_TOKEN=DEFAULT_TOKEN)  # type: ignore[call-arg]
    service = ReminderService(
        ReminderServices(store, holder, clock, settings),
        bot,
        watch_interval=None,
        safety_interval=None,
    )
    await service.start()
    await service.wait_idle()
    yield service
    await service.stop()
    store.close()


async def test_on_the_real_clock_a_reminder_is_accepted_within_two_seconds_of_due(
    tmp_path: Path, sqlite_url: str, bot: Bot, api: FakeBotApi
) -> None:
    due = datetime.fromtimestamp(math.ceil(time.time()) + 2, UTC)
    start = due + timedelta(hours=1)
    text = ONE_MEETING.format(start=start.isoformat(), end=(start + timedelta(hours=1)).isoformat())
    events_file = write_events(tmp_path / "events.yaml", text)
    async with running_service(SystemClock(), events_file, sqlite_url, bot, api, "event:soon"):
        [message] = await api.wait_for_messages(1, timeout=5)
        assert timedelta(0) <= message.accepted_at - due <= PUNCTUAL
        assert "starts in 1 hour" in message.plain


async def test_on_the_settable_clock_a_reminder_half_a_minute_away_comes_half_a_minute_later(
    events_file: Path, sqlite_url: str, bot: Bot, api: FakeBotApi
) -> None:
    # Half a minute would make a slow test; a second and a half shows the same conversion.
    clock = OffsetClock(MSP_DUE - timedelta(seconds=1.5))
    real_due = datetime.now(UTC) + timedelta(seconds=1.5)
    async with running_service(clock, events_file, sqlite_url, bot, api, "event:msp-opening"):
        assert api.sent == []
        [message] = await api.wait_for_messages(1, timeout=5)
        assert timedelta(0) <= message.accepted_at - real_due <= PUNCTUAL
        assert "starts in 1 hour" in message.plain


async def test_a_late_wake_up_on_a_busy_process_still_sends(
    events_file: Path, sqlite_url: str, bot: Bot, api: FakeBotApi
) -> None:
    clock = OffsetClock(MSP_DUE - timedelta(seconds=0.3))
    async with running_service(clock, events_file, sqlite_url, bot, api, "event:msp-opening"):
        # The event loop is blocked past the wake-up by more than APScheduler's default grace (1 s).
        time.sleep(1.5)  # noqa: ASYNC251 (the point: a busy process)
        [message] = await api.wait_for_messages(1, timeout=5)
        assert "Meeting of the States Parties" in message.plain


async def test_a_wake_up_booked_for_an_instant_already_past_rings_at_once() -> None:
    rang = asyncio.Event()
    scheduler = WakeScheduler(SystemClock(), rang.set)
    scheduler.start(safety_interval=None)
    try:
        scheduler.wake_at(datetime.now(UTC) - timedelta(seconds=30))
        await wait_for(rang.is_set, timeout=2)
    finally:
        scheduler.shutdown()
