"""Groups (answer only when addressed) and inline mode (share an event into any chat)."""

from __future__ import annotations

from tests.telegram.conftest import Bot

GROUP = -1001234


async def test_group_chatter_is_ignored(bot: Bot) -> None:
    bot.api.push_text(GROUP, "when is the MSP?", user_id=5, chat_type="supergroup")
    bot.api.push_text(GROUP, "/next", user_id=5, chat_type="supergroup")
    [reply] = await bot.api.wait_for_messages(1)
    assert "Coming up" in reply.plain  # the only reply is to the command


async def test_group_mention_is_answered(bot: Bot) -> None:
    reply = await bot.ask(
        "@calbot_test_bot where is the MSP?", chat_id=GROUP, user_id=5, chat_type="supergroup"
    )
    assert "Geneva" in reply


async def test_group_reply_to_the_bot_is_answered(bot: Bot) -> None:
    await bot.ask("/next", chat_id=GROUP, user_id=5, chat_type="supergroup")
    bots_message = bot.api.sent[-1].message_id
    reply = await bot.ask(
        "where is the MSP?", chat_id=GROUP, user_id=5, chat_type="supergroup", reply_to=bots_message
    )
    assert "Geneva" in reply


async def test_group_commands_for_other_bots_are_ignored(bot: Bot) -> None:
    bot.api.push_text(GROUP, "/frobnicate@other_bot", user_id=5, chat_type="supergroup")
    bot.api.push_text(GROUP, "/frobnicate@calbot_test_bot", user_id=5, chat_type="supergroup")
    [reply] = await bot.api.wait_for_messages(1)
    assert "/help" in reply.plain


async def test_inline_query_offers_matching_events(bot: Bot) -> None:
    bot.api.push_inline_query(5, "msp")
    await bot.api.wait_until(lambda: len(bot.api.inline_answers) == 1)
    results = bot.api.inline_answers[0]["results"]
    assert results[0]["title"] == "CCW Meeting of the States Parties"
    content = results[0]["input_message_content"]
    assert "Geneva" in content["message_text"] and content["parse_mode"] == "HTML"
    urls = [b["url"] for row in results[0]["reply_markup"]["inline_keyboard"] for b in row]
    assert "https://t.me/calbot_test_bot?start=ccw-msp-2007" in urls


async def test_empty_inline_query_offers_what_is_next(bot: Bot) -> None:
    bot.api.push_inline_query(5, "")
    await bot.api.wait_until(lambda: len(bot.api.inline_answers) == 1)
    titles = [result["title"] for result in bot.api.inline_answers[0]["results"]]
    assert titles[0] == "CCW Protocol V conference"
