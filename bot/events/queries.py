"""Pure queries over a calendar: what is next, what is on now, what is on a day or in a period.

No clock is read here: ``now`` is passed in (aware). All-day events are on their own dates for
everyone; timed events are placed on days in the zone the caller gives (the reader's). Events known
only to the month or year ("June 2007") have no stated days, so they are on no particular day: they
are left out of day and period queries unless ``include_vague`` asks for them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterator
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from bot.events.derived import per_calendar
from bot.events.model import Calendar, Event


class _Timeline:
    """Start and end instants of a calendar's events (which are sorted by start), for bisection."""

    def __init__(self, calendar: Calendar) -> None:
        self.calendar = calendar
        self.starts_utc = [event.starts_utc for event in calendar.events]
        spans = (event.ends_utc - event.starts_utc for event in calendar.events)
        self.longest = max(spans, default=timedelta(0))


# The timeline of a calendar object, built once.
_timeline = per_calendar(_Timeline)


def _require_aware(now: datetime) -> None:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime")


def upcoming(calendar: Calendar, now: datetime) -> Iterator[Event]:
    """Every event that has not started at ``now``, soonest first (lazily)."""
    _require_aware(now)
    first = bisect_right(_timeline(calendar).starts_utc, now.astimezone(UTC))
    return iter(calendar.events[first:])


def next_events(
    calendar: Calendar, now: datetime, limit: int = 3, kinds: Collection[str] | None = None
) -> tuple[Event, ...]:
    """The events that have not started yet, soonest first (at most ``limit``, of ``kinds``)."""
    found = (event for event in upcoming(calendar, now) if kinds is None or event.kind in kinds)
    return tuple(event for _, event in zip(range(max(limit, 0)), found, strict=False))


def _started_between(calendar: Calendar, earliest: datetime, latest: datetime) -> tuple[Event, ...]:
    timeline = _timeline(calendar)
    first = bisect_left(timeline.starts_utc, earliest)
    last = bisect_right(timeline.starts_utc, latest)
    return calendar.events[first:last]


def current_events(calendar: Calendar, now: datetime) -> tuple[Event, ...]:
    """The events on now (started, not ended), with stated days."""
    _require_aware(now)
    started = _started_between(calendar, now - _timeline(calendar).longest, now)
    return tuple(event for event in started if event.days_stated and event.phase(now) == "ongoing")


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
    # Only events starting near the period can touch it; two days of margin cover every zone.
    earliest = datetime.combine(first_day - timedelta(days=2), time(0), UTC)
    latest = datetime.combine(last_day + timedelta(days=2), time(0), UTC)
    found = []
    for event in _started_between(calendar, earliest - _timeline(calendar).longest, latest):
        if not event.days_stated and not include_vague:
            continue
        start, end = local_days(event, zone)
        if start <= last_day and end >= first_day:
            found.append(event)
    return tuple(found)


def events_on(calendar: Calendar, day: date, zone: tzinfo | None = None) -> tuple[Event, ...]:
    """The events on ``day``: all-day ones by their own dates, timed ones by the day in ``zone``."""
    return events_between(calendar, day, day, zone)


def events_in_month(calendar: Calendar, year: int, month: int) -> tuple[Event, ...]:
    """Events known only to the month (no stated days) that fall in this month."""
    first = datetime(year, month, 1, tzinfo=UTC)  # they start on the 1st, midnight in their zone
    near = _started_between(calendar, first - timedelta(days=2), first + timedelta(days=2))
    return tuple(
        event
        for event in near
        if not event.days_stated
        and event.start.precision == "month"
        and (event.start.day.year, event.start.day.month) == (year, month)
    )
