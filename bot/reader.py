"""The reader: who an answer or a reminder is for, as the chat's zone and language.

Resolved in one place for the Telegram handlers and the reminder dispatcher, with one fallback
rule: the chat's stored time zone if it still exists in tzdata, else the calendar's; the chat's
stored language if set (/language), else the Telegram client's, else the calendar's.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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


def reader_for(
    chat_id: int | None,
    calendar: Calendar,
    *,
    stored_zone: str | None = None,
    stored_language: str | None = None,
    client_language: str | None = None,
) -> Reader:
    """The reader of a chat from what is stored for it and what its Telegram client says."""
    lang = locale_for(stored_language or client_language or calendar.language)
    return Reader(chat_id, zone_named(stored_zone, calendar.zone), lang)
