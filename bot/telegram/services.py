"""What the Telegram handlers need, kept in ``application.bot_data`` under one key.

Handlers reach it through ``services(context)``; the reader's language and time zone are worked out
here once so every handler agrees.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from telegram import Update
from telegram.ext import ContextTypes

from bot.chats import ChatStore
from bot.clock import Clock
from bot.config import Settings
from bot.events.model import Calendar
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

    @property
    def calendar(self) -> Calendar:
        return self.holder.current.calendar

    def zone_for(self, chat_id: int | None) -> ZoneInfo:
        """The chat's chosen zone, else the calendar's."""
        if chat_id is not None:
            name = self.chats.get_chat(chat_id).timezone
            if name:
                try:
                    return ZoneInfo(name)
                except (ZoneInfoNotFoundError, ValueError):
                    pass  # a zone removed from tzdata since it was saved: fall back
        return self.calendar.zone

    def set_active(self, chat_id: int, active: bool) -> None:
        """Mark a chat (in)active; the SQL store records why, the protocol only the flag."""
        prefs = self.chats.get_chat(chat_id)
        if prefs.active == active:
            return
        deactivate = getattr(self.chats, "deactivate_chat", None)
        reactivate = getattr(self.chats, "reactivate_chat", None)
        if not active and callable(deactivate):
            deactivate(chat_id, "blocked")
        elif active and callable(reactivate):
            reactivate(chat_id)
        else:
            self.chats.save_chat(replace(prefs, active=active))

    def migrate(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup: its preferences follow it to the new id."""
        move = getattr(self.chats, "migrate_chat", None)
        if callable(move):
            move(old_id, new_id)
        else:
            self.chats.save_chat(replace(self.chats.get_chat(old_id), chat_id=new_id))


def services(context: ContextTypes.DEFAULT_TYPE) -> BotServices:
    return context.application.bot_data[KEY]


def language(update: Update) -> str:
    """The reader's language from their Telegram client (en or fr)."""
    user = update.effective_user
    return locale_for(user.language_code if user else None)


def chat_id_of(update: Update) -> int | None:
    return update.effective_chat.id if update.effective_chat else None
