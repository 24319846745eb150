"""Reminder texts: the reminder itself, the changed/cancelled notices, the daily digest and admin
alerts.

One place for the words calbot sends unasked, in English and French, as Telegram HTML (every value
from events.yaml is escaped). The countdown is computed from the instant the message actually goes
out, so a reminder sent late after downtime says "starts in 40 minutes", not the "1 hour" it was
planned with.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from html import escape
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.events.model import Event
from bot.text.dates import format_clock, format_day, format_span, locale_for

MAX_CALLBACK_BYTES = 64

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "reminder": "Reminder",
        "when": "When",
        "where": "Where",
        "details": "Details",
        "ics": ".ics",
        "snooze_1h": "Again in 1 hour",
        "snooze_am": "Tomorrow morning",
        "unsubscribe": "Unsubscribe",
        "changed": "Changed",
        "changed_line": "This meeting has moved. Your reminders follow the new time.",
        "cancelled": "Cancelled",
        "cancelled_line": "This meeting has been cancelled. No more reminders for it.",
        "digest": "Today's meetings",
        "starts_now": "starts now",
        "started": "has begun",
        "starts_today": "starts today",
        "starts_tomorrow": "starts tomorrow",
        "starts_in": "starts in {}",
        "starts_in_days": "starts in {} days",
        "and": "and",
        "admin_error": "events.yaml was refused; the last good calendar stays in service.",
    },
    "fr": {
        "reminder": "Rappel",
        "when": "Quand",
        "where": "Où",
        "details": "Détails",
        "ics": ".ics",
        "snooze_1h": "Dans 1 heure",
        "snooze_am": "Demain matin",
        "unsubscribe": "Me désabonner",
        "changed": "Modifié",
        "changed_line": "Cette réunion a été déplacée. Vos rappels suivent le nouvel horaire.",
        "cancelled": "Annulé",
        "cancelled_line": "Cette réunion a été annulée. Plus de rappels pour elle.",
        "digest": "Réunions du jour",
        "starts_now": "commence maintenant",
        "started": "a commencé",
        "starts_today": "commence aujourd'hui",
        "starts_tomorrow": "commence demain",
        "starts_in": "commence dans {}",
        "starts_in_days": "commence dans {} jours",
        "and": "et",
        "admin_error": "events.yaml a été refusé ; le dernier calendrier valide reste en service.",
    },
}

_UNITS = {
    "en": {"day": ("day", "days"), "hour": ("hour", "hours"), "minute": ("minute", "minutes")},
    "fr": {"day": ("jour", "jours"), "hour": ("heure", "heures"), "minute": ("minute", "minutes")},
}


def words(lang: str | None) -> dict[str, str]:
    return _WORDS[locale_for(lang)]


def _amount(count: int, unit: str, lang: str) -> str:
    singular, plural = _UNITS[lang][unit]
    return f"{count} {singular if count == 1 else plural}"


def countdown(event: Event, now_utc: datetime, lang: str | None, zone: ZoneInfo) -> str:
    """Time to the start: "starts in 40 minutes", "in 1 day and 2 hours", all-day "tomorrow"."""
    locale = locale_for(lang)
    say = _WORDS[locale]
    if not event.is_timed:
        # All-day events are on their own dates: count calendar days from the reader's today.
        days = (event.first_day - now_utc.astimezone(zone).date()).days
        if days <= 0:
            return say["starts_today"]
        return say["starts_tomorrow"] if days == 1 else say["starts_in_days"].format(days)
    if now_utc >= event.starts_utc:
        return say["started"]
    minutes = round((event.starts_utc - now_utc) / timedelta(minutes=1))
    if minutes <= 0:
        return say["starts_now"]
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [(days, "day"), (hours, "hour"), (minutes, "minute")]
    shown = [_amount(count, unit, locale) for count, unit in parts if count][:2]
    return say["starts_in"].format(f" {say['and']} ".join(shown))


def _callback(*parts: str) -> str | None:
    data = ":".join(parts)
    return data if len(data.encode()) <= MAX_CALLBACK_BYTES else None


def reminder_keyboard(event_id: str, lang: str | None) -> InlineKeyboardMarkup:
    """Details, .ics, two snoozes, unsubscribe; a button whose data passes 64 bytes is left out."""
    say = words(lang)
    rows = [
        [("details", _callback("ev", event_id)), ("ics", _callback("ics", event_id))],
        [
            ("snooze_1h", _callback("snz", event_id, "1h")),
            ("snooze_am", _callback("snz", event_id, "am")),
        ],
        [("unsubscribe", _callback("uns", event_id))],
    ]
    keyboard = [
        [InlineKeyboardButton(say[label], callback_data=data) for label, data in row if data]
        for row in rows
    ]
    return InlineKeyboardMarkup([row for row in keyboard if row])


def _event_lines(event: Event, lang: str | None, zone: ZoneInfo) -> list[str]:
    say = words(lang)
    lines = [
        f"<b>{escape(event.title)}</b>",
        f"{say['when']}: {escape(format_span(event, lang, zone))}",
    ]
    place = event.location.text() if event.location else ""
    if place:
        lines.append(f"{say['where']}: {escape(place)}")
    return lines


def reminder_text(event: Event, lang: str | None, zone: ZoneInfo, now_utc: datetime) -> str:
    """The reminder: title, dates in the chat's zone, place, countdown from ``now_utc``."""
    say = words(lang)
    lines = [f"⏰ {say['reminder']}", *_event_lines(event, lang, zone)]
    lines.append(f"<i>{escape(countdown(event, now_utc, lang, zone))}</i>")
    return "\n".join(lines)


def changed_text(event: Event, lang: str | None, zone: ZoneInfo) -> str:
    say = words(lang)
    return "\n".join(
        [f"📅 {say['changed']}", *_event_lines(event, lang, zone), say["changed_line"]]
    )


def cancelled_text(event: Event, lang: str | None, zone: ZoneInfo) -> str:
    say = words(lang)
    lines = [f"❌ {say['cancelled']}", *_event_lines(event, lang, zone), say["cancelled_line"]]
    return "\n".join(lines)


def digest_text(events: list[Event], day: date, lang: str | None, zone: ZoneInfo) -> str:
    """The day's meetings, one line each, times in the chat's zone."""
    say = words(lang)
    lines = [f"🗓 <b>{say['digest']}</b> — {escape(format_day(day, lang))}"]
    for event in events:
        when = format_clock(event.starts_utc, zone, lang) if event.is_timed else "—"
        lines.append(f"• {when} {escape(event.name)}")
    return "\n".join(lines)


def admin_error_text(error: str) -> str:
    """Sent to the admins once per distinct error; English, the language of the operators' tools."""
    return f"⚠️ {_WORDS['en']['admin_error']}\n<pre>{escape(error[:3500])}</pre>"
