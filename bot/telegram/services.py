"""What the Telegram handlers need, kept in ``application.bot_data`` under one key.

Handlers reach it through ``services(context)``; the reader's language and time zone are worked out
here once so every handler agrees.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import Application, ContextTypes

from bot.chats import ChatStore
from bot.clock import Clock
from bot.config import Settings
from bot.events.model import Calendar
from bot.reader import Reader, reader_for
from bot.state import CalendarHolder
from bot.telegram.flood import FloodLimit
from bot.text.dates import locale_for

KEY = "calbot"


@dataclass
class BotServices:
    settings: Settings
    holder: CalendarHolder
    clock: Clock
    chats: ChatStore
    flood: FloodLimit
    # Filled by extensions (the reminders): more entries for Telegram's "/" menu and for /help.
    menu: list[str] = field(default_factory=list)  # command names; texts are menu_<name>
    help_sections: list[Callable[[str], str]] = field(default_factory=list)

    @property
    def calendar(self) -> Calendar:
        return self.holder.current.calendar

    def zone_for(self, chat_id: int | None) -> ZoneInfo:
        """The chat's chosen zone, else the calendar's."""
        return self.reader_of(chat_id, None).zone

    def reader_of(self, chat_id: int | None, client_language: str | None) -> Reader:
        """The chat as answers address it (``bot.reader``): its zone and language."""
        prefs = self.chats.get_chat(chat_id) if chat_id is not None else None
        return reader_for(
            chat_id,
            self.calendar,
            stored_zone=prefs.timezone if prefs else None,
            stored_language=prefs.language if prefs else None,
            client_language=client_language,
        )

    def set_active(self, chat_id: int, active: bool) -> None:
        """Mark a chat (in)active: the bot was blocked or removed, or /start came again."""
        if self.chats.get_chat(chat_id).active == active:
            return
        if active:
            self.chats.reactivate_chat(chat_id)
        else:
            self.chats.deactivate_chat(chat_id, "blocked")

    def migrate(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup: its preferences follow it to the new id."""
        self.chats.migrate_chat(old_id, new_id)


def services(context: ContextTypes.DEFAULT_TYPE) -> BotServices:
    return context.application.bot_data[KEY]


def add_menu_command(application: Application, name: str) -> None:
    """An extension's command, shown in Telegram's menu beside calbot's own (text: menu_<name>)."""
    application.bot_data[KEY].menu.append(name)


def add_help_section(application: Application, section: Callable[[str], str]) -> None:
    """An extension's part of /help: ``section(lang)`` returns Telegram HTML."""
    application.bot_data[KEY].help_sections.append(section)


class _ChatLanguage:
    """The language stored for the chat an update comes from, read once and only when asked."""

    def __init__(self, chats: ChatStore, chat_id: int) -> None:
        self.chats, self.chat_id = chats, chat_id

    @cached_property
    def chosen(self) -> str | None:
        return self.chats.get_chat(self.chat_id).language


# Set for each update before any handler runs (``note_chat``). PTB runs all of an update's
# handlers in one task, so every handler of that update, and only those, see its chat's choice.
_CHAT_LANGUAGE: ContextVar[_ChatLanguage | None] = ContextVar("calbot_chat", default=None)


async def note_chat(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """First handler of every update: lets ``language`` find the chat's stored language."""
    chat_id = chat_id_of(update) if isinstance(update, Update) else None
    chats = services(context).chats
    _CHAT_LANGUAGE.set(_ChatLanguage(chats, chat_id) if chat_id is not None else None)


def language(update: Update) -> str:
    """The reader's language: the one chosen for the chat (/language), else their client's."""
    chat = _CHAT_LANGUAGE.get()
    if chat is not None and chat.chat_id == chat_id_of(update) and chat.chosen:
        return locale_for(chat.chosen)
    user = update.effective_user
    return locale_for(user.language_code if user else None)


def reader(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Reader:
    """Who a handler answers: the chat's zone and language, resolved once (``bot.reader``)."""
    user = update.effective_user
    return services(context).reader_of(chat_id_of(update), user.language_code if user else None)


def chat_id_of(update: Update) -> int | None:
    return update.effective_chat.id if update.effective_chat else None
