"""Feed rendering: a calendar snapshot -> iCalendar (RFC 5545) bytes, deterministic and pure.

The bytes depend only on the snapshot, the public base URL and the query: DTSTAMP and
LAST-MODIFIED are the event's revision instant, never "now", so unchanged data gives byte-identical
output (clients and caches see nothing to fetch) and SEQUENCE rises only when a delegate-relevant
fact changes. A date known only to the month or year becomes an all-day span over the whole month
or year, labelled "days not stated", never a day nobody stated. Folding, CRLF and escaping are
icalendar's job (the tests check that it does them right).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from icalendar import Alarm, Timezone, vDuration, vText
from icalendar import Calendar as VCalendar
from icalendar import Event as VEvent

from bot.events.model import Calendar, Event
from bot.events.revisions import Revision
from bot.feed.query import FeedQuery, build_query
from bot.state import Snapshot
from bot.text.dates import format_span

PRODID = "-//calbot//calbot feed 1.0//EN"
REFRESH_INTERVAL = timedelta(hours=1)
_STATUS = {"confirmed": "CONFIRMED", "tentative": "TENTATIVE", "cancelled": "CANCELLED"}
# RFC 5545 TEXT allows no control characters but newline (escaped) and tab. The YAML loader can
# leave ruamel fold markers (BEL) in folded scalars; strict parsers then reject the whole feed.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def clean_text(text: str) -> str:
    """``text`` without control characters (newlines and tabs stay)."""
    return _CONTROL.sub("", text)


class UnknownEventError(KeyError):
    """No event has this id."""


def render_feed(
    snapshot: Snapshot,
    base_url: str,
    *,
    kind: str | list[str] | None = None,
    body: str | None = None,
    alarm: str | timedelta | None = None,
) -> bytes:
    """The whole feed (or a filtered one). Raises ``FeedQueryError`` for bad filter values."""
    return render_query(snapshot, base_url, build_query(kind, body, alarm))


def render_query(snapshot: Snapshot, base_url: str, query: FeedQuery) -> bytes:
    """The feed for an already validated query."""
    base = base_url.rstrip("/")
    calendar = snapshot.calendar
    events = [event for event in calendar.events if query.matches(event)]
    feed_url = f"{base}/calendar.ics" + (f"?{query.query_string()}" if not query.is_empty else "")
    vcalendar = _vcalendar(calendar, base, feed_url, _feed_name(calendar, query))
    _add_timezones(vcalendar, events)
    for event in events:
        vcalendar.add_component(_vevent(event, snapshot, base, _alarms(query.alarm)))
    return vcalendar.to_ical()


def render_selection(
    snapshot: Snapshot,
    base_url: str,
    feed_url: str,
    name: str,
    chosen: Sequence[tuple[Event, tuple[timedelta, ...]]],
) -> bytes:
    """A feed of chosen events, each with its own alarms (a chat's personal feed).

    ``chosen`` pairs an event with how long before its DTSTART each alarm rings (negative: after).
    """
    base = base_url.rstrip("/")
    vcalendar = _vcalendar(snapshot.calendar, base, feed_url, name)
    _add_timezones(vcalendar, [event for event, _ in chosen])
    for event, alarms in chosen:
        vcalendar.add_component(_vevent(event, snapshot, base, alarms))
    return vcalendar.to_ical()


def _alarms(alarm: timedelta | None) -> tuple[timedelta, ...]:
    return (alarm,) if alarm is not None else ()


def render_event_ics(snapshot: Snapshot, event_id: str, base_url: str) -> bytes:
    """One event as its own calendar file (an "add to calendar" download)."""
    base = base_url.rstrip("/")
    event = snapshot.calendar.get(event_id)
    if event is None:
        raise UnknownEventError(event_id)
    vcalendar = _vcalendar(
        snapshot.calendar, base, f"{base}/events/{event.id}.ics", f"{event.name} (calbot)"
    )
    _add_timezones(vcalendar, [event])
    vcalendar.add_component(_vevent(event, snapshot, base, ()))
    return vcalendar.to_ical()


def feed_last_modified(snapshot: Snapshot, query: FeedQuery) -> datetime:
    """The newest revision among the feed's events (the file's ``updated`` when none match)."""
    instants = [snapshot.calendar.updated]
    instants += [
        _revision(snapshot, event).modified_utc
        for event in snapshot.calendar.events
        if query.matches(event)
    ]
    return max(instants).astimezone(UTC)


def _feed_name(calendar: Calendar, query: FeedQuery) -> str:
    filters = [", ".join(sorted(query.kinds))] if query.kinds else []
    if query.body is not None:
        filters.append(f"body: {query.body}")
    return f"{calendar.name} ({'; '.join(filters)})" if filters else calendar.name


def _vcalendar(calendar: Calendar, base: str, feed_url: str, name: str) -> VCalendar:
    vcalendar = VCalendar()
    vcalendar.add("prodid", PRODID)
    vcalendar.add("version", "2.0")
    vcalendar.add("calscale", "GREGORIAN")
    vcalendar.add("name", clean_text(name))
    vcalendar.add("x-wr-calname", vText(clean_text(name)))
    if calendar.description:
        vcalendar.add("description", clean_text(calendar.description))
        vcalendar.add("x-wr-caldesc", vText(clean_text(calendar.description)))
    vcalendar.add("refresh-interval", vDuration(REFRESH_INTERVAL), parameters={"VALUE": "DURATION"})
    vcalendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    vcalendar.add("source", feed_url, parameters={"VALUE": "URI"})
    vcalendar.add("url", f"{base}/", parameters={"VALUE": "URI"})
    vcalendar.add("x-wr-timezone", calendar.timezone)
    return vcalendar


def _add_timezones(vcalendar: VCalendar, events: list[Event]) -> None:
    """A VTIMEZONE for each zone a timed event uses, sorted so the output is stable."""
    timed = [event for event in events if event.is_timed]
    if not timed:
        return
    first_year = min(event.starts_utc.year for event in timed) - 1
    last_year = max(event.ends_utc.year for event in timed) + 1
    for name in sorted({event.zone.key for event in timed}):
        vcalendar.add_component(_vtimezone(name, first_year, last_year))


@lru_cache(maxsize=64)
def _vtimezone(name: str, first_year: int, last_year: int) -> Timezone:
    # Generating transitions from zoneinfo is slow; the component is never mutated, so share it.
    return Timezone.from_tzid(
        name, first_date=date(first_year, 1, 1), last_date=date(last_year + 1, 1, 1)
    )


def _vevent(event: Event, snapshot: Snapshot, base: str, alarms: tuple[timedelta, ...]) -> VEvent:
    revision = _revision(snapshot, event)
    page_url = f"{base}/events/{event.id}"
    vevent = VEvent()
    vevent.add("uid", f"{event.id}@calbot")
    vevent.add("dtstamp", revision.modified_utc.astimezone(UTC))
    start, end = _start_end(event)
    vevent.add("dtstart", start)
    vevent.add("dtend", end)
    summary = _summary(event, snapshot.calendar.language)
    vevent.add("summary", clean_text(summary))
    vevent.add("description", clean_text(_description(event, snapshot.calendar.language)))
    if event.location and event.location.text():
        vevent.add("location", clean_text(event.location.text()))
    vevent.add("url", page_url, parameters={"VALUE": "URI"})
    vevent.add("status", _STATUS[event.status])
    vevent.add("categories", _categories(event))
    vevent.add("last-modified", revision.modified_utc.astimezone(UTC))
    vevent.add("sequence", revision.sequence)
    precision = _coarse_precision(event)
    if precision:
        vevent.add("x-calbot-precision", precision)
    for url in source_urls(event):
        vevent.add("attach", url)
    if event.status != "cancelled":
        for before in alarms:
            vevent.add_component(_valarm(summary, before))
    return vevent


def _categories(event: Event) -> list[str]:
    if not event.body:
        return [event.kind]
    # Several parsers (allenporter's ical among them) split CATEGORIES on every comma, escaped or
    # not, so a comma inside the body's name would turn one category into two.
    body = re.sub(r"\s*,\s*", " – ", clean_text(event.body))
    return [event.kind, body]


def _revision(snapshot: Snapshot, event: Event) -> Revision:
    known = snapshot.revisions.get(event.id)
    if known is not None:
        return known
    # A snapshot always carries a revision per event; this keeps a hand-built one renderable.
    assert event.updated is not None
    return Revision(event.id, "", 0, event.updated)


def _start_end(event: Event) -> tuple[date | datetime, date | datetime]:
    """Timed: wall-clock times in the event's IANA zone. All-day: dates, with an exclusive end."""
    if event.is_timed:
        assert event.start.instant and event.finish.instant
        return event.start.instant.astimezone(event.zone), event.finish.instant.astimezone(
            event.zone
        )
    return event.first_day, event.last_day + timedelta(days=1)


def _coarse_precision(event: Event) -> str | None:
    """``month`` or ``year`` when the sources do not give the days; None when they do."""
    precisions = {event.start.precision, event.finish.precision}
    for coarse in ("year", "month"):
        if coarse in precisions:
            return coarse
    return None


def _summary(event: Event, language: str) -> str:
    summary = event.name
    if _coarse_precision(event):
        summary += f" ({format_span(event, language)}, days not stated)"
    if event.status == "cancelled":
        summary = f"Cancelled: {summary}"
    return summary


def _description(event: Event, language: str) -> str:
    parts = [event.description] if event.description else []
    if _coarse_precision(event):
        parts.append(
            f"When: {format_span(event, language)}. The sources do not state the days; "
            "the calendar entry covers the whole period."
        )
    if event.status != "confirmed":
        parts.append(f"Status: {event.status}.")
    if event.sources:
        lines = [
            _source_line(item.document, item.paragraph, item.quote) + _link(item.url)
            for item in event.sources
        ]
        parts.append("Sources:\n" + "\n".join(lines))
    if event.unstated:
        lines = [
            f"- {item.field}: {item.note}" + _shown_from(item.source) for item in event.unstated
        ]
        parts.append("Not stated:\n" + "\n".join(lines))
    return "\n\n".join(parts)


def source_urls(event: Event) -> list[str]:
    """The distinct URLs of the event's source documents, in order (as events.yaml gives them)."""
    return list(dict.fromkeys(item.url for item in event.sources if item.url))


def _link(url: str | None) -> str:
    return f" <{url}>" if url else ""


def _shown_from(source: str | None) -> str:
    return f" (Shown from: {source})" if source else ""


def _source_line(document: str, paragraph: str | None, quote: str | None) -> str:
    line = f"- {document}" + (f", {paragraph}" if paragraph else "")
    return line + (f": “{quote}”" if quote else "")


def _valarm(summary: str, before: timedelta) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -before)
    alarm.add("description", clean_text(f"Reminder: {summary}"))
    return alarm
