"""A reply Telegram will not take even after the lane's retries: the action is kept, one log line
says which chat and why (no traceback), and the next reply in that chat says the action was done,
also after a restart (the mark is in the database)."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from bot.clock import ManualClock
from bot.config import Settings
from bot.state import CalendarHolder
from bot.storage import Store, schema
from tests.conftest import polling_bot
from tests.fakes.bot_api import FakeBotApi
from tests.telegram.conftest import USER_ID, Bot


async def test_a_lost_reply_keeps_the_action_and_the_next_reply_says_so(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    bot.api.fail_next("sendMessage", 502, "Bad Gateway", count=5)  # every attempt the lane makes
    bot.api.push_text(USER_ID, "/timezone Asia/Tokyo")
    await bot.chats.wait_until(lambda: bot.chats.get_chat(USER_ID).timezone == "Asia/Tokyo")
    await bot.api.wait_until(lambda: len(bot.api.errors) == 5)
    await bot.api.wait_until(lambda: any("not delivered" in r.getMessage() for r in caplog.records))
    assert bot.api.sent == []
    lost = [r for r in caplog.records if "not delivered" in r.getMessage()]
    assert len(lost) == 1 and str(USER_ID) in lost[0].getMessage()
    assert "Bad Gateway" in lost[0].getMessage()
    assert not [r for r in caplog.records if r.exc_info]
    bot.api.push_text(USER_ID, "/next")
    notice, answer = await bot.api.wait_for_messages(2)
    assert "was done all the same" in notice.plain
    assert "Protocol V conference" in answer.plain  # and then the answer itself


async def test_the_note_is_owed_through_a_restart(
    api: FakeBotApi,
    settings: Settings,
    holder: CalendarHolder,
    clock: ManualClock,
    database_url: str,
) -> None:
    store = Store.open(database_url, clock)
    async with polling_bot(api, holder, clock, store, [], settings):
        api.fail_next("sendMessage", 502, "Bad Gateway", count=5)
        api.push_text(USER_ID, "/timezone Asia/Tokyo")
        await api.wait_until(lambda: len(api.errors) == 5)
        await api.wait_until(lambda: store.get_chat(USER_ID).timezone == "Asia/Tokyo")
        # the error handler marks the chat once the lane gives up; wait for the mark to be stored
        await api.wait_until(lambda: _owed(database_url, clock))
    store.close()
    restarted = Store.open(database_url, clock)  # a new process: nothing kept in memory
    async with polling_bot(api, holder, clock, restarted, [], settings):
        api.push_text(USER_ID, "/next")
        notice, answer = await api.wait_for_messages(2)
        api.push_text(USER_ID, "/next")
        await api.wait_for_messages(3)
    restarted.close()
    assert "was done all the same" in notice.plain
    assert "Protocol V conference" in answer.plain
    assert "was done all the same" not in api.sent[2].plain  # said once


def _owed(database_url: str, clock: ManualClock) -> bool:
    """Whether the database holds the mark (read without taking it)."""
    probe = Store.open(database_url, clock)
    try:
        with probe.engine.connect() as connection:
            return connection.execute(select(schema.undelivered_replies)).first() is not None
    finally:
        probe.close()
