"""The reader: who an answer or a reminder is for, as the chat's zone and language.

The one place that decides both, for the Telegram handlers (``bot.telegram.services.reader``), the
subscription commands, the reminder planner and the dispatcher, with one fallback rule each:

* zone: the chat's stored time zone if it still exists in tzdata, else the calendar's;
* language: the chat's stored language if set (/language, or the one it subscribed in), else the
  Telegram client's (only a handler has one), else the calendar's; as one of the six, English for
  any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.chats import ChatPrefs, ChatStore
from bot.events.model import Calendar
from bot.text.dates import locale_for


@dataclass(frozen=True)
class Reader:
    """A chat as answers and reminders address it."""

    chat_id: int | None
    zone: ZoneInfo
    lang: str


def zone_named(name: str | None, fallback: ZoneInfo) -> ZoneInfo:
    """The zone called ``name``, or ``fallback`` when there is none or tzdata no longer has it."""
    if not name:
        return fallback
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return fallback  # a zone removed from tzdata since it was saved


def language_of(
    stored_language: str | None, calendar: Calendar, client_language: str | None = None
) -> str:
    """The language rule: stored, else the client's, else the calendar's (one of the six)."""
    return locale_for(stored_language or client_language or calendar.language)


def reader_for(
    prefs: ChatPrefs | None, calendar: Calendar, client_language: str | None = None
) -> Reader:
    """The reader of a chat from what is stored for it (``None``: nothing, or no chat) and what
    its Telegram client says."""
    if prefs is None:
        return Reader(None, calendar.zone, language_of(None, calendar, client_language))
    return Reader(
        prefs.chat_id,
        zone_named(prefs.timezone, calendar.zone),
        language_of(prefs.language, calendar, client_language),
    )


def read_chat(
    chats: ChatStore,
    chat_id: int | None,
    calendar: Calendar,
    client_language: str | None = None,
) -> Reader:
    """The reader of ``chat_id`` as ``chats`` stores it (one read)."""
    prefs = chats.get_chat(chat_id) if chat_id is not None else None
    return reader_for(prefs, calendar, client_language)
