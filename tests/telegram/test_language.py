"""/language, the chat's stored language, and the bot's profile in the six UN languages.

Through the real Application and the strict fake Bot API (which refuses malformed HTML, so every
reply below is valid Telegram HTML).
"""

from __future__ import annotations

import pytest

from tests.support.bidi import has_arabic, reads_right_to_left
from tests.telegram.conftest import USER_ID, Bot

GROUP = -100777
ADMIN, MEMBER = 51, 52


async def test_language_offers_the_six_languages_each_in_its_own_name(bot: Bot) -> None:
    reply = await bot.ask("/language")
    assert "This chat's language: English" in reply
    labels = [button["text"] for button in bot.api.sent[-1].buttons]
    assert labels == ["العربية", "中文", "English", "Français", "Русский", "Español"]


async def test_choosing_russian_switches_the_chat_even_for_an_english_client(bot: Bot) -> None:
    await bot.ask("/language")
    bot.api.push_callback(USER_ID, "lang:ru")
    await bot.api.wait_until(lambda: len(bot.api.edits) == 1)
    assert bot.api.edits[-1].plain == "Теперь я пишу в этом чате по-русски."
    assert bot.chats.get_chat(USER_ID).language == "ru"
    reply = await bot.ask("/today", language_code="en")
    assert reply == "Событий нет сегодня."


async def test_language_with_a_name_sets_it_at_once(bot: Bot) -> None:
    assert (
        await bot.ask("/language español") == "A partir de ahora escribo en español en este chat."
    )
    week = await bot.ask("/week", language_code="fr")
    assert week.startswith("Los próximos siete días")
    assert "lunes, 5 de noviembre de 2007" in week and "7–13 de noviembre de 2007" in week


async def test_an_unknown_language_is_explained_and_nothing_changes(bot: Bot) -> None:
    reply = await bot.ask("/language klingon")
    assert "I don’t speak “klingon”" in reply
    assert bot.chats.get_chat(USER_ID).language is None


async def test_without_a_choice_the_client_language_is_used(bot: Bot) -> None:
    assert await bot.ask("/today", language_code="zh-hans") == "今天没有活动。"


async def test_arabic_help_is_valid_html_and_reads_right_to_left(bot: Bot) -> None:
    await bot.ask("/language ar")
    reply = await bot.ask("/help")
    assert "<b>" not in reply and "الأوامر" in reply  # the fake parsed the HTML: it was valid
    lines = [line for line in reply.split("\n") if has_arabic(line)]
    assert len(lines) > 10 and all(reads_right_to_left(line) for line in lines)
    assert any(line.startswith("\u200f/next") for line in lines)  # would read left to right


async def test_in_a_group_only_administrators_change_the_language(bot: Bot) -> None:
    bot.api.set_admins(GROUP, ADMIN)
    kwargs = {"chat_id": GROUP, "chat_type": "supergroup"}
    refused = await bot.ask("/language ru", user_id=MEMBER, **kwargs)
    assert (
        refused == "In a group, only its administrators can change the settings and the reminders."
    )
    assert bot.chats.get_chat(GROUP).language is None
    done = await bot.ask("/language ru", user_id=ADMIN, **kwargs)
    assert done == "Теперь я пишу в этом чате по-русски."
    assert bot.chats.get_chat(GROUP).language == "ru"


async def test_a_member_pressing_a_language_button_gets_an_alert(bot: Bot) -> None:
    bot.api.set_admins(GROUP, ADMIN)
    await bot.ask("/language", chat_id=GROUP, user_id=MEMBER, chat_type="supergroup")
    bot.api.push_callback(GROUP, "lang:zh", user_id=MEMBER)
    await bot.api.wait_until(lambda: len(bot.api.callback_answers) == 1)
    assert bot.api.callback_answers[0]["show_alert"] is True
    assert bot.chats.get_chat(GROUP).language is None and bot.api.edits == []


@pytest.mark.parametrize("code", ["", "ar", "zh", "fr", "ru", "es"])
async def test_the_menu_and_descriptions_are_published_in_each_language(
    bot: Bot, code: str
) -> None:
    menu = {c["command"]: c["description"] for c in bot.api.commands_by_language[code]}
    assert {"language", "help", "next"} <= set(menu)
    description, short = bot.api.descriptions[code], bot.api.short_descriptions[code]
    assert 0 < len(short) <= 120 and 0 < len(description) <= 512
    assert "A/RES/62/57" in description


async def test_each_language_gets_its_own_texts(bot: Bot) -> None:
    texts = {code: bot.api.descriptions[code] for code in ["", "ar", "zh", "fr", "ru", "es"]}
    assert len(set(texts.values())) == 6
    assert bot.api.commands_by_language["ru"][1]["description"] == "Что я умею"


async def test_in_a_group_a_member_cannot_change_the_time_zone(bot: Bot) -> None:
    bot.api.set_admins(GROUP, ADMIN)
    kwargs = {"chat_id": GROUP, "chat_type": "supergroup", "user_id": MEMBER}
    refused = await bot.ask("/timezone Asia/Tokyo", **kwargs)
    assert refused.startswith("In a group, only its administrators")
    assert bot.chats.get_chat(GROUP).timezone is None
    assert "Europe/Zurich" in await bot.ask("/timezone", **kwargs)  # looking is allowed
