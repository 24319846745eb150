"""/language: choose the language a chat is answered and reminded in (one of the six UN ones).

``/language`` shows the six as buttons (each in its own language, with ``lang:<code>``);
``/language ru`` or ``/language русский`` sets it at once. The choice is stored in the chat's
preferences and wins over each user's Telegram client language from then on. In groups only
administrators may change it (``bot.telegram.permissions``).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from babel import Locale
from telegram import Bot, BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.telegram.permissions import admins_only
from bot.telegram.services import chat_id_of, reader, services
from bot.text.dates import SUPPORTED_LANGUAGES, locale_for
from bot.text.messages import say

PATTERN = r"^lang:[a-z]{2,3}$"


@cache
def language_name(code: str) -> str:
    """A language named in itself, as a language menu shows it: "Русский", "العربية", "中文"."""
    name = Locale.parse(code).get_language_name(code) or code
    return name[:1].upper() + name[1:]


@cache
def _names() -> dict[str, str]:
    """What a user may type after /language: codes and names, in any of the six languages."""
    names = {code: code for code in SUPPORTED_LANGUAGES}
    for code in SUPPORTED_LANGUAGES:
        for spoken in SUPPORTED_LANGUAGES:
            name = Locale.parse(spoken).languages.get(code)
            if name:
                names[name.casefold()] = code
    return names


def read_language(text: str) -> str | None:
    """The language code ``text`` names ("ru", "Russian", "русский", "ruso"), else ``None``."""
    word = text.strip().casefold()
    return _names().get(word) or _names().get(word.split("-")[0].split("_")[0])


def language_keyboard(prefix: str = "lang") -> InlineKeyboardMarkup:
    """The six languages, two to a row, each named in itself."""
    buttons = [
        InlineKeyboardButton(language_name(code), callback_data=f"{prefix}:{code}")
        for code in SUPPORTED_LANGUAGES
    ]
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


def store_language(context: ContextTypes.DEFAULT_TYPE, chat_id: int, code: str) -> None:
    chats = services(context).chats
    chats.save_chat(replace(chats.get_chat(chat_id), language=locale_for(code)))


async def language_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message, chat_id = update.effective_message, chat_id_of(update)
    lang = reader(update, context).lang
    assert message is not None and chat_id is not None
    wanted = " ".join(context.args or [])
    if not wanted:
        text = say("language_choose", lang, language=language_name(lang))
        await message.reply_text(text, parse_mode=ParseMode.HTML, reply_markup=language_keyboard())
        return
    code = read_language(wanted)
    if code is None:
        text = say("language_unknown", lang, code=wanted[:40])
        await message.reply_text(text, parse_mode=ParseMode.HTML, reply_markup=language_keyboard())
        return
    if await admins_only(update, context):
        return
    store_language(context, chat_id, code)
    await message.reply_text(say("language_set", code), parse_mode=ParseMode.HTML)


async def language_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query, chat_id = update.callback_query, chat_id_of(update)
    assert query is not None and query.data is not None
    if chat_id is None or await admins_only(update, context):
        if chat_id is None:
            await query.answer()
        return
    code = query.data.removeprefix("lang:")
    if code not in SUPPORTED_LANGUAGES:
        await query.answer()
        return
    store_language(context, chat_id, code)
    await query.answer(language_name(code))
    await query.edit_message_text(say("language_set", code), parse_mode=ParseMode.HTML)


async def publish_profile(bot: Bot, commands: list[str]) -> None:
    """The "/" menu, the description and the short description, in each of the six languages.

    English is also the default for every client language without its own (language_code None).
    Texts come from the catalogue (``menu_<command>``, ``bot_description``,
    ``bot_short_description``); Telegram takes plain text there, so no markup is used.
    """
    for lang in SUPPORTED_LANGUAGES:
        code = None if lang == "en" else lang
        menu = [BotCommand(name, say(f"menu_{name}", lang)) for name in commands]
        await bot.set_my_commands(menu, language_code=code)
        await bot.set_my_description(say("bot_description", lang), language_code=code)
        await bot.set_my_short_description(say("bot_short_description", lang), language_code=code)
