"""Reminder messages: the reminder itself, the changed/cancelled notices, the daily digest and admin
alerts.

What calbot sends unasked, built as Telegram HTML from the catalogue's sentences (``say``; every
value from events.yaml is escaped). The countdown is computed from the instant the message actually
goes out, so a reminder sent late after downtime says "starts in 40 minutes", not the "1 hour" it
was planned with.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from html import escape
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.events.model import Event
from bot.text.dates import format_clock, format_day, format_span
from bot.text.messages import say

MAX_CALLBACK_BYTES = 64


def countdown(event: Event, now_utc: datetime, lang: str | None, zone: ZoneInfo) -> str:
    """Time to the start: "starts in 40 minutes", "in 1 day and 2 hours", all-day "tomorrow"."""
    if not event.is_timed:
        # All-day events are on their own dates: count calendar days from the reader's today.
        days = (event.first_day - now_utc.astimezone(zone).date()).days
        if days <= 0:
            return say("countdown_today", lang)
        if days == 1:
            return say("countdown_tomorrow", lang)
        return say("countdown_in", lang, time=say("amount_day", lang, days))
    if now_utc >= event.starts_utc:
        return say("countdown_started", lang)
    minutes = round((event.starts_utc - now_utc) / timedelta(minutes=1))
    if minutes <= 0:
        return say("countdown_now", lang)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [(days, "day"), (hours, "hour"), (minutes, "minute")]
    shown = [say(f"amount_{unit}", lang, count) for count, unit in parts if count][:2]
    time = (
        shown[0] if len(shown) == 1 else say("countdown_and", lang, first=shown[0], second=shown[1])
    )
    return say("countdown_in", lang, time=time)


def _callback(*parts: str) -> str | None:
    data = ":".join(parts)
    return data if len(data.encode()) <= MAX_CALLBACK_BYTES else None


def reminder_keyboard(event_id: str, lang: str | None) -> InlineKeyboardMarkup:
    """Details, .ics, two snoozes, unsubscribe; a button whose data passes 64 bytes is left out."""
    rows = [
        [
            ("btn_details", _callback("ev", event_id)),
            ("btn_reminder_ics", _callback("ics", event_id)),
        ],
        [
            ("btn_snooze_hour", _callback("snz", event_id, "1h")),
            ("btn_snooze_morning", _callback("snz", event_id, "am")),
        ],
        [("btn_unsubscribe", _callback("uns", event_id))],
    ]
    keyboard = [
        [InlineKeyboardButton(say(label, lang), callback_data=data) for label, data in row if data]
        for row in rows
    ]
    return InlineKeyboardMarkup([row for row in keyboard if row])


def _event_lines(event: Event, lang: str | None, zone: ZoneInfo) -> list[str]:
    lines = [
        f"<b>{escape(event.title)}</b>",
        say("reminder_when", lang, span=format_span(event, lang, zone)),
    ]
    place = event.location.text() if event.location else ""
    if place:
        lines.append(say("reminder_where", lang, place=place))
    return lines


def reminder_text(event: Event, lang: str | None, zone: ZoneInfo, now_utc: datetime) -> str:
    """The reminder: title, dates in the chat's zone, place, countdown from ``now_utc``."""
    lines = [say("reminder_heading", lang), *_event_lines(event, lang, zone)]
    lines.append(f"<i>{escape(countdown(event, now_utc, lang, zone))}</i>")
    return "\n".join(lines)


def changed_text(event: Event, lang: str | None, zone: ZoneInfo) -> str:
    lines = [
        say("changed_heading", lang),
        *_event_lines(event, lang, zone),
        say("changed_line", lang),
    ]
    return "\n".join(lines)


def cancelled_text(event: Event, lang: str | None, zone: ZoneInfo) -> str:
    lines = [
        say("cancelled_heading", lang),
        *_event_lines(event, lang, zone),
        say("cancelled_line", lang),
    ]
    return "\n".join(lines)


def digest_text(events: list[Event], day: date, lang: str | None, zone: ZoneInfo) -> str:
    """The day's meetings, one line each, times in the chat's zone."""
    lines = [say("digest_heading", lang, day=format_day(day, lang))]
    for event in events:
        when = format_clock(event.starts_utc, zone, lang) if event.is_timed else "—"
        lines.append(f"• {when} {escape(event.name)}")
    return "\n".join(lines)


def admin_error_text(error: str) -> str:
    """Sent to the admins once per distinct error; English, the language of the operators' tools."""
    return say("admin_refused", "en", error=error[:3500])
