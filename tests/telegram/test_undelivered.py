"""A reply Telegram will not take even after the lane's retries: the action is kept, one log line
says which chat and why (no traceback), and the next reply in that chat says the action was done."""

from __future__ import annotations

import logging

import pytest

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
