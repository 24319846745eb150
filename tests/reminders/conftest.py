"""Reminder fixtures: a calendar with timed meetings, a real database, the strict fake Bot API
server.

The test calendar (``TEST_EVENTS``) has a timed meeting in Geneva, one the day after Europe left
summer time (28 October 2007), an all-day conference and a meeting with HTML-sensitive text.
``database_url`` (tests/conftest.py): each storage-backed test runs on SQLite and on
PostgreSQL.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from telegram import Bot
from telegram.ext import ExtBot
from telegram.request import HTTPXRequest

from bot.clock import ManualClock
from bot.config import Settings
from bot.outbound import OutboundLane
from bot.outbound.budget import Budget
from bot.reminders import ReminderServices
from bot.reminders.dispatcher import Dispatcher
from bot.reminders.sender import Sender
from bot.state import CalendarHolder
from bot.storage import Store
from bot.telegram.subscriptions import register
from tests.conftest import polling_bot
from tests.fakes.bot_api import DEFAULT_TOKEN, FakeBotApi

ADMIN_ID = 900
# Before every meeting of the test calendar.
START = datetime(2007, 10, 20, 6, 0, tzinfo=UTC)

TEST_EVENTS = """\
name: Test meetings
timezone: Europe/Zurich
language: en
updated: "2007-10-01T00:00:00Z"
events:
  - id: msp-opening
    title: Meeting of the States Parties <opening> & plenary
    short_name: MSP opening
    kind: meeting
    start: "2007-11-07T10:00:00+01:00"
    end: "2007-11-07T13:00:00+01:00"
    timezone: Europe/Zurich
    location: {venue: Palais des Nations, city: Geneva, country: Switzerland}
  - id: after-dst
    title: Day after summer time
    kind: meeting
    start: "2007-10-29T09:00:00+01:00"
    end: "2007-10-29T10:00:00+01:00"
    timezone: Europe/Zurich
    location: {city: Geneva}
  - id: protocol-v
    title: First Conference of the States Parties to Protocol V
    short_name: Protocol V conference
    kind: conference
    start: "2007-11-05"
    end: "2007-11-06"
    location: {city: Geneva, country: Switzerland}
"""


def write_events(path: Path, text: str = TEST_EVENTS) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def store(database_url: str, clock: ManualClock) -> Iterator[Store]:
    opened = Store.open(database_url, clock)
    yield opened
    opened.close()


@pytest.fixture
def events_file(tmp_path: Path) -> Path:
    return write_events(tmp_path / "events.yaml")


@pytest.fixture
def holder(events_file: Path, clock: ManualClock, store: Store) -> CalendarHolder:
    calendar_holder = CalendarHolder(events_file, clock, store)
    calendar_holder.load()
    return calendar_holder


@pytest.fixture
def services(store: Store, holder: CalendarHolder, clock: ManualClock) -> ReminderServices:
    settings = Settings(ADMIN_IDS=str(ADMIN_ID), TELEGRAM_BOT_TOKEN=DEFAULT_TOKEN)  # type: ignore[call-arg]
    return ReminderServices(store, holder, clock, settings)


def make_bot(api: FakeBotApi, pool: int = 16, lane: OutboundLane | None = None) -> Bot:
    """The bot as the application has it: its rate limiter is the outbound lane."""
    request = HTTPXRequest(connection_pool_size=pool)
    return ExtBot(
        DEFAULT_TOKEN,
        base_url=f"{api.base_url}/bot",
        request=request,
        rate_limiter=lane or OutboundLane(backoff=0.01),
    )


@pytest.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[Bot]:
    async with make_bot(api) as telegram_bot:
        yield telegram_bot


def fast_lane(max_attempts: int = 5) -> OutboundLane:
    """Spacing off, for tests that are not about pacing (the server's limits are lifted there)."""
    budget = Budget(rate=0, private_interval=0, group_interval=0)
    return OutboundLane(budget, max_attempts=max_attempts, backoff=0.01)


@pytest.fixture
def sender(bot: Bot, store: Store) -> Sender:
    return Sender(bot, store)


@pytest.fixture
def dispatcher(services: ReminderServices, sender: Sender) -> Dispatcher:
    return Dispatcher(services, sender)


def subscribe(
    store: Store, api: FakeBotApi, chat_id: int, scope: str, leads: str, **prefs: str
) -> None:
    """A chat Telegram knows, with preferences and one subscription."""
    from bot.chats import ChatPrefs
    from bot.reminders.leads import parse_leads

    api.add_chat(chat_id)
    store.save_chat(ChatPrefs(chat_id, prefs.get("tz"), prefs.get("lang")))
    store.subscribe(chat_id, scope, parse_leads(leads))


async def wait_for(predicate: Callable[[], bool], timeout: float = 5.0) -> None:  # noqa: ASYNC109
    """Wait for a condition outside the fake server (whose waiters wake on its own events only)."""
    async with asyncio.timeout(timeout):
        while not predicate():  # noqa: ASYNC110 (nothing to wait on: poll)
            await asyncio.sleep(0.01)


# calbot's Application with the subscription commands, against the fake Bot API --------------------

CHAT = 4242


@dataclass
class Running:
    api: FakeBotApi
    store: Store

    async def ask(self, text: str, *, chat_id: int = CHAT, language_code: str = "en") -> str:
        """Send ``text``; the plain text of the one reply."""
        before = len(self.api.sent)
        self.api.push_text(chat_id, text, language_code=language_code)
        return (await self.api.wait_for_messages(before + 1))[-1].plain

    async def press(self, data: str, *, chat_id: int = CHAT) -> tuple[str, str]:
        """Press a button with ``data`` under a message of the bot's; (toast, message) it gets."""
        await self.ask("/reminders", chat_id=chat_id)
        message_id = self.api.sent[-1].message_id
        before, answers = len(self.api.sent), len(self.api.callback_answers)
        self.api.push_callback(chat_id, data, message_id=message_id)
        sent = await self.api.wait_for_messages(before + 1)
        await self.api.wait_until(lambda: len(self.api.callback_answers) > answers)
        return self.api.callback_answers[-1].get("text", ""), sent[-1].plain


@pytest.fixture
async def running(
    api: FakeBotApi, services: ReminderServices, holder: CalendarHolder, clock: ManualClock
) -> AsyncIterator[Running]:
    extensions = [lambda app: register(app, services)]
    async with polling_bot(api, holder, clock, services.store, extensions):
        yield Running(api, services.store)
