"""Pure queries over a calendar: what is next, what is on now, what is on a day or in a period.

No clock is read here: ``now`` is passed in (aware). All-day events are on their own dates for everyone;
timed events are placed on days in the zone the caller gives (the reader's). Events known only to the
month or year ("June 2007") have no stated days, so they are on no particular day: they are left out of
day and period queries unless ``include_vague`` asks for them.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from bot.events.model import Calendar, Event


def _require_aware(now: datetime) -> None:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime")


def next_events(calendar: Calendar, now: datetime, limit: int = 3) -> tuple[Event, ...]:
    """The events that have not started yet, soonest first (at most ``limit``)."""
    _require_aware(now)
    upcoming = (event for event in calendar.events if event.starts_utc > now)
    return tuple(event for _, event in zip(range(max(limit, 0)), upcoming, strict=False))


def current_events(calendar: Calendar, now: datetime) -> tuple[Event, ...]:
    """The events on now (started, not ended), with stated days."""
    _require_aware(now)
    return tuple(
        event for event in calendar.events if event.days_stated and event.phase(now) == "ongoing"
    )


def past_events(calendar: Calendar, now: datetime) -> tuple[Event, ...]:
    """The events that have ended, most recent first."""
    _require_aware(now)
    return tuple(event for event in reversed(calendar.events) if event.phase(now) == "past")


def local_days(event: Event, zone: tzinfo | None = None) -> tuple[date, date]:
    """First and last day (inclusive) of an event as a reader in ``zone`` sees them.

    All-day events keep their own dates; a timed event is placed in the reader's zone.
    """
    if not event.is_timed or zone is None:
        return event.first_day, event.last_day
    first = event.starts_utc.astimezone(zone).date()
    last = (event.ends_utc - timedelta(microseconds=1)).astimezone(zone).date()
    return first, max(first, last)


def events_between(
    calendar: Calendar,
    first_day: date,
    last_day: date,
    zone: tzinfo | None = None,
    *,
    include_vague: bool = False,
) -> tuple[Event, ...]:
    """The events on any day from ``first_day`` to ``last_day`` (inclusive), in start order."""
    found = []
    for event in calendar.events:
        if not event.days_stated and not include_vague:
            continue
        start, end = local_days(event, zone)
        if start <= last_day and end >= first_day:
            found.append(event)
    return tuple(found)


def events_on(calendar: Calendar, day: date, zone: tzinfo | None = None) -> tuple[Event, ...]:
    """The events on ``day``: all-day events by their own dates, timed ones by the day in ``zone``."""
    return events_between(calendar, day, day, zone)


def events_in_month(calendar: Calendar, year: int, month: int) -> tuple[Event, ...]:
    """Events known only to the month (no stated days) that fall in this month."""
    return tuple(
        event
        for event in calendar.events
        if not event.days_stated
        and event.start.precision == "month"
        and (event.start.day.year, event.start.day.month) == (year, month)
    )
