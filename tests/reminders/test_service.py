"""The reminder service: events.yaml changes become notices and new reminders; broken files reach
admins.
"""

from __future__ import annotations

import os
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from telegram import Bot

from bot.clock import ManualClock
from bot.metrics import REGISTRY
from bot.reminders import ReminderServices
from bot.reminders.service import ReminderService
from bot.storage import Store
from tests.fakes.bot_api import FakeBotApi
from tests.reminders.conftest import ADMIN_ID, TEST_EVENTS, subscribe, wait_for, write_events

MSP_START = datetime(2007, 11, 7, 9, 0, tzinfo=UTC)
MOVED = TEST_EVENTS.replace("2007-11-07T10:00:00+01:00", "2007-11-07T11:00:00+01:00").replace(
    "2007-11-07T13:00:00+01:00", "2007-11-07T14:00:00+01:00"
)
CANCELLED = TEST_EVENTS.replace(
    "    timezone: Europe/Zurich\n    location: {venue",
    "    timezone: Europe/Zurich\n    status: cancelled\n    location: {venue",
)
BROKEN = TEST_EVENTS.replace('start: "2007-11-07T10:00:00+01:00"', 'start: "7 November"')


@pytest.fixture
async def service(services: ReminderServices, bot: Bot) -> AsyncIterator[ReminderService]:
    running = ReminderService(services, bot, watch_interval=0.05, safety_interval=None)
    await running.start()
    await running.wait_idle()
    yield running
    await running.stop()


async def reload_with(service: ReminderService, events_file: Path, text: str) -> None:
    write_events(events_file, text)
    await service.check_file()
    await service.wait_idle()


async def run_at(service: ReminderService, clock: ManualClock, instant: datetime) -> None:
    clock.set(instant)
    service.kick()
    await service.wait_idle()


async def test_a_moved_meeting_sends_one_notice_and_reminds_at_the_new_time(
    service: ReminderService,
    store: Store,
    api: FakeBotApi,
    clock: ManualClock,
    events_file: Path,
) -> None:
    subscribe(store, api, 301, "event:msp-opening", "1h")
    await reload_with(service, events_file, MOVED)
    await reload_with(service, events_file, MOVED)  # the same file again: nothing new to say
    [notice] = api.sent
    assert "Changed" in notice.plain
    assert "11:00–14:00 CET" in notice.plain
    await run_at(service, clock, MSP_START - timedelta(hours=1))  # the old reminder's instant
    assert len(api.sent) == 1
    await run_at(service, clock, MSP_START)  # 11:00 CET less one hour
    reminder = api.sent[1]
    assert "starts in 1 hour" in reminder.plain
    assert "11:00–14:00 CET" in reminder.plain


async def test_a_cancelled_meeting_sends_one_notice_and_no_reminder(
    service: ReminderService,
    store: Store,
    api: FakeBotApi,
    clock: ManualClock,
    events_file: Path,
) -> None:
    subscribe(store, api, 302, "all", "1h", lang="fr")
    await reload_with(service, events_file, CANCELLED)
    [notice] = api.sent
    assert "Annulé" in notice.plain
    assert "Meeting of the States Parties" in notice.plain
    await run_at(service, clock, MSP_START - timedelta(hours=1))
    assert len(api.sent) == 1


async def test_a_broken_events_file_is_refused_and_reported_to_admins_once(
    service: ReminderService, api: FakeBotApi, events_file: Path, services: ReminderServices
) -> None:
    api.add_chat(ADMIN_ID)

    def errors_seen() -> float:
        labels = {"outcome": "error"}
        return REGISTRY.get_sample_value("calbot_calendar_reloads_total", labels) or 0.0

    before = errors_seen()
    write_events(events_file, BROKEN)  # the watcher notices by itself
    await api.wait_until(lambda: len(api.sent) == 1)
    os.utime(events_file, ns=(1, 1))  # touched again, same error
    await wait_for(lambda: errors_seen() >= before + 2)
    await service.wait_idle()
    [alert] = api.sent
    assert alert.chat_id == ADMIN_ID
    assert "refused" in alert.plain
    assert "7 November" in alert.plain
    assert services.holder.current.calendar.get("msp-opening") is not None  # the last good one


async def test_stop_finishes_in_flight_sends_quickly_and_a_restart_sends_the_rest_once(
    services: ReminderServices, bot: Bot, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    chats = range(501, 541)
    for chat_id in chats:
        subscribe(store, api, chat_id, "event:msp-opening", "1h")
    clock.set(MSP_START - timedelta(hours=1))
    first = ReminderService(services, bot, watch_interval=None, safety_interval=None)
    await first.start()  # at Telegram's pace, 40 chats take more than a second
    await api.wait_for_messages(5)
    started = time.monotonic()
    await first.stop()
    assert time.monotonic() - started < 2.0
    assert store.count_deliveries()["sending"] == 0  # in-flight sends finished, none abandoned
    stopped_at = len(api.sent)
    assert stopped_at < len(chats)

    second = ReminderService(services, bot, watch_interval=None, safety_interval=None)
    await second.start()
    await second.wait_idle()
    await second.stop()
    assert sorted(message.chat_id for message in api.sent) == list(chats)
