"""Outbound fixtures: the strict fake Bot API at Telegram's default limits, and calbot's real
Application (default outbound lane) long-polling it, optionally with the reminder service beside it.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.clock import Clock
from bot.config import load_settings
from bot.reminders import ReminderServices
from bot.reminders.service import ReminderService
from bot.state import CalendarHolder
from bot.storage import Store, schema
from tests.conftest import polling_bot
from tests.fakes.bot_api import DEFAULT_TOKEN, FakeBotApi
from tests.outbound.failover import Instance, start_instance


@contextlib.asynccontextmanager
async def running_bot(
    api: FakeBotApi, holder: CalendarHolder, clock: Clock, store: Store, admin_ids: str = ""
) -> AsyncIterator[Application]:
    """calbot's Application, its default outbound lane, polling the fake at Telegram's limits."""
    settings = load_settings(
        TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_API_URL=api.base_url, ADMIN_IDS=admin_ids
    )
    async with polling_bot(api, holder, clock, store, [], settings, paced=True) as application:
        yield application


@contextlib.asynccontextmanager
async def running_reminders(
    application: Application, store: Store, holder: CalendarHolder, clock: Clock
) -> AsyncIterator[ReminderService]:
    settings = load_settings(TELEGRAM_BOT_TOKEN=DEFAULT_TOKEN)
    services = ReminderServices(store, holder, clock, settings)
    service = ReminderService(services, application.bot, watch_interval=None, safety_interval=None)
    await service.start()
    await service.wait_idle()
    try:
        yield service
    finally:
        await service.stop()


@pytest.fixture
async def launch() -> AsyncIterator[Callable[..., Awaitable[Instance]]]:
    """``start_instance``, with every process it started killed when the test ends, however."""
    launched: list[Instance] = []

    async def start(*args: Any, **kwargs: Any) -> Instance:
        instance = await start_instance(*args, **kwargs)
        launched.append(instance)
        return instance

    yield start
    for instance in launched:
        await instance.close()


def subscribe_many(store: Store, api: FakeBotApi, chat_ids: Iterable[int], scope: str) -> None:
    """Set-up only, in one transaction: a 1-hour reminder for each chat."""
    now = datetime(2007, 10, 1, tzinfo=UTC)
    stamps = {"created_utc": now, "updated_utc": now}
    ids = list(chat_ids)
    for chat_id in ids:
        api.add_chat(chat_id)
    with store.engine.begin() as connection:
        connection.execute(
            schema.chats.insert(), [{"id": c, "active": True, **stamps} for c in ids]
        )
        connection.execute(
            schema.subscriptions.insert(),
            [{"chat_id": c, "scope": scope, "leads": "1h", "active": True, **stamps} for c in ids],
        )


def sqlite_store(tmp_path: Path, clock: Clock) -> Store:
    return Store.open(f"sqlite:///{tmp_path / 'calbot.db'}", clock)
