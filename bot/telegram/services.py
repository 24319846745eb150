"""What the Telegram handlers need, kept in ``application.bot_data`` under one key.

Handlers reach it through ``services(context)``, and whom they answer through ``reader(update,
context)``: the chat's zone and language, by the one rule of ``bot.reader`` that the reminders
follow too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from telegram import Update
from telegram.ext import Application, ContextTypes

from bot.chats import ChatStore
from bot.clock import Clock
from bot.config import Settings
from bot.events.model import Calendar
from bot.reader import Reader, read_chat
from bot.state import CalendarHolder
from bot.telegram.flood import FloodLimit

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

    def reader_of(self, chat_id: int | None, client_language: str | None = None) -> Reader:
        """The chat as answers address it (``bot.reader``): its zone and language."""
        return read_chat(self.chats, chat_id, self.calendar, client_language)

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


def reader(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Reader:
    """Who a handler answers: the chat's zone and language (``bot.reader``), from the chat's
    stored preferences and the sender's Telegram client."""
    user = update.effective_user
    return services(context).reader_of(chat_id_of(update), user.language_code if user else None)


def chat_id_of(update: Update) -> int | None:
    return update.effective_chat.id if update.effective_chat else None
