"""Channels end to end: calbot's Application and reminder service against the strict fake Bot API.

The bot is added to a channel by its administrator, who subscribes the channel from a private chat;
a reminder is then posted in the channel once. A member who is not an administrator cannot; posts
in the channel are never answered; buttons under a channel post never act for the channel.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.clock import ManualClock
from bot.reminders import ReminderServices
from bot.reminders.leads import parse_leads
from bot.reminders.service import ReminderService
from bot.state import CalendarHolder
from bot.storage import Store
from bot.storage.channels import ChannelStore
from bot.telegram import channels
from bot.telegram.subscriptions import register
from tests.conftest import polling_bot
from tests.fakes.bot_api import FakeBotApi
from tests.reminders.conftest import TEST_EVENTS, wait_for, write_events

CHANNEL = -1001234567890
ADMIN = 501
READER = 502
MSP_START = datetime(2007, 11, 7, 9, 0, tzinfo=UTC)  # 10:00 in Geneva


@dataclass
class Running:
    api: FakeBotApi
    store: Store
    application: Application
    service: ReminderService
    clock: ManualClock

    async def ask(self, text: str, user_id: int) -> str:
        before = len(self.api.sent)
        self.api.push_text(user_id, text)
        return (await self.api.wait_for_messages(before + 1))[-1].plain

    async def run_at(self, instant: datetime) -> None:
        self.clock.set(instant)
        self.service.kick()
        await self.service.wait_idle()

    async def settled(self) -> None:
        """Every update fetched so far has been handled."""
        processor = self.application.update_processor
        await wait_for(
            lambda: (
                self.application.update_queue.empty() and processor.current_concurrent_updates == 0
            )
        )

    def in_channel(self) -> list[str]:
        return [message.plain for message in self.api.sent if message.chat_id == CHANNEL]


@pytest.fixture
async def running(
    api: FakeBotApi, services: ReminderServices, holder: CalendarHolder, clock: ManualClock
) -> AsyncIterator[Running]:
    extensions = [lambda app: register(app, services), lambda app: channels.register(app, services)]
    api.add_channel(CHANNEL, "CCW news", username="ccwnews")
    api.set_member(CHANNEL, ADMIN, "administrator")
    api.set_member(CHANNEL, READER, "member")
    async with polling_bot(api, holder, clock, services.store, extensions) as application:
        service = ReminderService(services, application.bot, watch_interval=None)
        services.on_change.append(service.reschedule)
        await service.start()
        try:
            yield Running(api, services.store, application, service, clock)
        finally:
            await service.stop()


async def add_bot_to_channel(running: Running, **rights: bool) -> None:
    running.api.push_my_chat_member(CHANNEL, "administrator", user_id=ADMIN, **rights)
    recorded = ChannelStore(running.store.engine, running.clock)
    await wait_for(lambda: recorded.get(CHANNEL) is not None)


async def test_an_administrator_subscribes_the_channel_and_a_reminder_is_posted_there_once(
    running: Running,
) -> None:
    await add_bot_to_channel(running)
    reply = await running.ask("/channel @ccwnews subscribe msp opening 1h", ADMIN)
    assert "@ccwnews" in reply and "MSP opening" in reply
    await running.run_at(MSP_START - timedelta(hours=2))
    assert running.in_channel() == []
    await running.run_at(MSP_START - timedelta(hours=1))
    await running.run_at(MSP_START - timedelta(minutes=30))  # a later wake-up sends nothing again
    [reminder] = running.in_channel()
    assert "Meeting of the States Parties" in reminder and "starts in 1 hour" in reminder


async def test_a_member_who_is_not_an_administrator_cannot_subscribe_the_channel(
    running: Running,
) -> None:
    await add_bot_to_channel(running)
    reply = await running.ask("/channel @ccwnews subscribe msp opening 1h", READER)
    assert "Only an administrator of @ccwnews" in reply
    assert running.store.chat_subscriptions(CHANNEL) == []
    # Nor by its numeric id, nor before the bot was added to some other channel.
    reply = await running.ask(f"/channel {CHANNEL} subscribe", READER)
    assert "Only an administrator" in reply
    assert "I am not in @elsewhere" in await running.ask("/channel @elsewhere subscribe", ADMIN)
    assert running.store.chat_subscriptions(CHANNEL) == []


async def test_a_demoted_administrator_loses_control_at_once(running: Running) -> None:
    await add_bot_to_channel(running)
    await running.ask("/channel @ccwnews subscribe", ADMIN)
    running.api.set_member(CHANNEL, ADMIN, "member")
    assert "Only an administrator" in await running.ask("/channel @ccwnews unsubscribe", ADMIN)
    assert len(running.store.chat_subscriptions(CHANNEL)) == 1


async def test_the_channels_default_lead_times_serve_its_subscriptions_that_state_none(
    running: Running,
) -> None:
    await add_bot_to_channel(running)
    reply = await running.ask("/channel @ccwnews leads 2h", ADMIN)
    assert "@ccwnews" in reply and "2 hours before" in reply
    reply = await running.ask("/channel @ccwnews subscribe msp opening", ADMIN)
    assert "MSP opening: 2 hours before" in reply
    assert [s.leads for s in running.store.chat_subscriptions(CHANNEL)] == [parse_leads("2h")]
    # The administrator's own private chat keeps calbot's defaults.
    assert "the day before, the morning of" in await running.ask("/subscribe msp opening", ADMIN)


async def test_a_bot_that_may_not_post_says_so(running: Running) -> None:
    await add_bot_to_channel(running, can_post_messages=False)
    reply = await running.ask("/channel @ccwnews subscribe", ADMIN)
    assert "may not post there" in reply
    assert running.store.chat_subscriptions(CHANNEL) == []


async def test_channel_posts_are_never_answered(running: Running) -> None:
    await add_bot_to_channel(running)
    for text in ("@calbot_test_bot when is the MSP?", "/next", "/subscribe", "when is the MSP?"):
        running.api.push_channel_post(CHANNEL, text)
    await running.ask("/next", ADMIN)  # fetched after the posts: they have been read by now
    await running.settled()
    assert running.in_channel() == []
    assert running.store.chat_subscriptions(CHANNEL) == []


async def test_buttons_under_a_channel_reminder_never_act_for_the_channel(
    running: Running,
) -> None:
    await add_bot_to_channel(running)
    await running.ask("/channel @ccwnews subscribe msp opening 1h", ADMIN)
    await running.run_at(MSP_START - timedelta(hours=1))
    answers = len(running.api.callback_answers)
    running.api.push_callback(CHANNEL, "uns:msp-opening", user_id=READER)
    running.api.push_callback(CHANNEL, "ev:msp-opening", user_id=READER)
    await running.api.wait_until(lambda: len(running.api.callback_answers) == answers + 2)
    # Pressed together, answered in either order.
    [refused] = [a for a in running.api.callback_answers[answers:] if "text" in a]
    [opened] = [a for a in running.api.callback_answers[answers:] if "url" in a]
    assert "administrator" in refused["text"]
    assert opened["url"] == "https://t.me/calbot_test_bot?start=msp-opening"
    assert len(running.store.chat_subscriptions(CHANNEL)) == 1
    assert len(running.in_channel()) == 1  # nothing more was posted in the channel


async def test_change_notices_and_the_digest_are_posted_in_the_channel(
    running: Running, holder: CalendarHolder, events_file: Path
) -> None:
    await add_bot_to_channel(running)
    await running.ask("/channel @ccwnews subscribe msp opening 1h", ADMIN)
    reply = await running.ask("/channel @ccwnews digest 08:00", ADMIN)
    assert "08:00" in reply and running.store.digest_time(CHANNEL) is not None
    write_events(events_file, TEST_EVENTS.replace("T10:00:00+01:00", "T11:00:00+01:00"))
    assert holder.reload().ok
    await running.service.wait_idle()
    [notice] = running.in_channel()
    assert "Changed" in notice and "11:00" in notice
    # 08:00 in Geneva (the channel keeps the calendar's zone) on the day of the meeting.
    await running.run_at(datetime(2007, 11, 7, 7, 0, 30, tzinfo=UTC))
    digest = running.in_channel()[1]
    assert "Today's meetings" in digest and "11:00 MSP opening" in digest
