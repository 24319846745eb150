"""Fixtures: the strict fake Bot API server and calbot's real Application polling it over HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import pytest
from telegram.ext import Application

from bot.chats import ChatPrefs, MemoryChatStore
from bot.clock import ManualClock
from bot.config import Settings, load_settings
from bot.state import CalendarHolder
from tests.conftest import polling_bot
from tests.fakes.bot_api import FakeBotApi

ADMIN_ID = 777
USER_ID = 4242  # a private chat has the user's id


@pytest.fixture
def settings(api: FakeBotApi) -> Settings:
    return load_settings(
        TELEGRAM_BOT_TOKEN=api.token,
        TELEGRAM_API_URL=api.base_url,
        PUBLIC_URL="https://cal.example.org",
        WEBHOOK_SECRET="s3cret-token_value",
        ADMIN_IDS=str(ADMIN_ID),
    )


class WatchedChatStore(MemoryChatStore):
    """Chat preferences in memory that tests can wait on (no polling, no sleeps)."""

    def __init__(self) -> None:
        super().__init__()
        self._changed = asyncio.Event()

    def save_chat(self, prefs: ChatPrefs) -> None:
        super().save_chat(prefs)
        self._changed.set()

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:  # noqa: ASYNC109
        async with asyncio.timeout(timeout):
            while True:
                self._changed.clear()
                if predicate():
                    return
                await self._changed.wait()


@pytest.fixture
def chats() -> WatchedChatStore:
    return WatchedChatStore()


@dataclass
class Bot:
    """The running bot and what tests drive it with."""

    api: FakeBotApi
    application: Application
    clock: ManualClock
    chats: WatchedChatStore
    holder: CalendarHolder

    async def ask(self, text: str, *, chat_id: int = USER_ID, **kwargs: object) -> str:
        """Send ``text`` and return the plain text of the one reply it gets."""
        before = len(self.api.sent)
        self.api.push_text(chat_id, text, **kwargs)  # type: ignore[arg-type]
        sent = await self.api.wait_for_messages(before + 1)
        return sent[-1].plain


@pytest.fixture
def extensions() -> list[Callable[[Application], object]]:
    return []


@pytest.fixture
async def bot(
    api: FakeBotApi,
    settings: Settings,
    holder: CalendarHolder,
    clock: ManualClock,
    chats: WatchedChatStore,
    extensions: list[Callable[[Application], object]],
) -> AsyncIterator[Bot]:
    """calbot's Application, started and long-polling the fake server (rate limits lifted, and
    the outbound lane's pacing off with them: tests/outbound has the paced ones)."""
    async with polling_bot(api, holder, clock, chats, extensions, settings) as application:
        assert application.post_init is not None
        await application.post_init(application)  # what run_polling would do: the command menu
        yield Bot(api, application, clock, chats, holder)
