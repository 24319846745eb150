"""Links and button data for an event: "add to Google Calendar" and Outlook URLs (personal and
Microsoft 365 work accounts), callback data.

Telegram refuses callback data over 64 bytes; event ids may be up to 63 characters, so an id that
would not fit after its prefix is replaced by a short hash (``~`` + 12 hex digits) that
``resolve_ref`` maps back. Vague events (a month or a year) get no calendar links: those links need
days, and calbot never invents a day.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, timedelta
from urllib.parse import quote, urlencode

from bot.events.model import Calendar, Event
from bot.feed.subscribe import OUTLOOK_PERSONAL, OUTLOOK_WORK

MAX_CALLBACK_BYTES = 64


def event_ref(event_id: str, prefix: str, suffix: str = "") -> str:
    """Callback data ``prefix:event_id`` (``:suffix`` after it when given), the id hashed when it
    would exceed Telegram's 64 bytes."""
    tail = f":{suffix}" if suffix else ""
    data = f"{prefix}:{event_id}{tail}"
    if len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES:
        return data
    return f"{prefix}:~{hashlib.sha1(event_id.encode()).hexdigest()[:12]}{tail}"


def resolve_ref(calendar: Calendar, ref: str) -> Event | None:
    """The event a callback reference (the part after the prefix) names, or None."""
    if not ref.startswith("~"):
        return calendar.get(ref)
    return next(
        (e for e in calendar.events if hashlib.sha1(e.id.encode()).hexdigest()[:12] == ref[1:]),
        None,
    )


def _details(event: Event, limit: int = 600) -> str:
    # Control characters (a YAML folding artefact) would end up percent-encoded in the link.
    text = " ".join((event.description or event.title).split())
    text = "".join(char for char in text if char.isprintable())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def google_calendar_url(event: Event) -> str | None:
    """Google Calendar's "create event" template, pre-filled; None for vague dates."""
    if not event.days_stated:
        return None
    if event.is_timed:
        fmt = "%Y%m%dT%H%M%SZ"
        dates = f"{event.starts_utc.strftime(fmt)}/{event.ends_utc.strftime(fmt)}"
    else:
        # All-day: the end date is exclusive, as in iCalendar.
        after = event.last_day + timedelta(days=1)
        dates = f"{event.first_day:%Y%m%d}/{after:%Y%m%d}"
    params = {"action": "TEMPLATE", "text": event.title, "dates": dates, "details": _details(event)}
    if event.location and event.location.text():
        params["location"] = event.location.text()
    return "https://calendar.google.com/calendar/render?" + urlencode(params, quote_via=quote)


def outlook_url(event: Event, *, work: bool = False) -> str | None:
    """Outlook's compose deep link, pre-filled; None for vague dates.

    Outlook.com for a personal Microsoft account, or (``work``) Outlook on the web for Microsoft
    365 work or school accounts: the same link on another host."""
    if not event.days_stated:
        return None
    params = {"subject": event.title, "body": _details(event)}
    if event.is_timed:
        fmt = "%Y-%m-%dT%H:%M:%SZ"
        params["startdt"] = event.starts_utc.astimezone(UTC).strftime(fmt)
        params["enddt"] = event.ends_utc.astimezone(UTC).strftime(fmt)
        params["allday"] = "false"
    else:
        params["startdt"] = event.first_day.isoformat()
        params["enddt"] = (event.last_day + timedelta(days=1)).isoformat()
        params["allday"] = "true"
    if event.location and event.location.text():
        params["location"] = event.location.text()
    host = OUTLOOK_WORK if work else OUTLOOK_PERSONAL
    return f"{host}/calendar/0/deeplink/compose?" + urlencode(params, quote_via=quote)
