"""Polling beside another poller: a 409 Conflict is said clearly, and calbot pauses instead of
fighting the other poller for updates every second."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import pytest
from telegram import Bot
from telegram.error import Conflict

from bot.chats import MemoryChatStore
from bot.clock import ManualClock
from bot.config import Settings
from bot.state import CalendarHolder
from bot.telegram.app import build_application
from bot.telegram.polling import Poller
from tests.fakes.bot_api import FakeBotApi


async def rogue_poller(api: FakeBotApi, seconds: float) -> int:
    """Another program long-polling with the same token; how many 409s it got."""
    conflicts = 0
    async with Bot(api.token, base_url=f"{api.base_url}/bot") as rogue:
        loop = asyncio.get_running_loop()
        end = loop.time() + seconds
        while loop.time() < end:
            try:
                await rogue.get_updates(timeout=1)
            except Conflict:
                conflicts += 1
    return conflicts


async def test_a_second_poller_is_named_once_and_not_fought(
    api: FakeBotApi,
    settings: Settings,
    holder: CalendarHolder,
    clock: ManualClock,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.WARNING)
    application = build_application(settings, holder, clock, MemoryChatStore())
    async with application:
        await application.start()
        poller = Poller(application, None, first_pause=0.5, pause=30.0)
        await poller.start()
        await api.wait_until(lambda: any(method == "getUpdates" for method, _ in api.calls))
        rogue_conflicts = await rogue_poller(api, seconds=4.0)
        with contextlib.suppress(Exception):
            await poller.stop()
        await application.stop()
    said = capsys.readouterr().out
    assert "another program polls with this bot token" in said
    assert said.count("409 Conflict") == 1  # once, not at every retry
    assert not poller.polling
    # Fighting would cost the other poller a 409 every second or so (4+ in these 4 s); calbot's
    # in-flight retry and its one resume after the first short pause may cost it one each, then
    # calbot backs off for 30 s.
    assert rogue_conflicts <= 3
    assert not [r for r in caplog.records if r.exc_info], "no tracebacks for a 409"
