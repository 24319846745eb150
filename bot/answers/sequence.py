"""Order and state of meetings: what comes after or before, whether one is still on, how many
working days it has, how long a group of meetings lasts in all. Pure calendar arithmetic on the
reader's days (``local_days``), no wording.
"""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from bot.answers.periods import Period
from bot.events.model import Calendar, Event
from bot.events.queries import events_between, local_days
from bot.text.normalize import normalize

_MEETING_KINDS = ("meeting", "conference")


def _dated(calendar: Calendar) -> list[Event]:
    return [event for event in calendar.events if event.days_stated]


def events_after(
    calendar: Calendar, reference: Event | None, period: Period | None, zone: ZoneInfo
) -> tuple[Event, ...]:
    """Events starting after ``reference`` ends (or after the last day of ``period``), soonest
    first."""
    if reference is not None and reference.days_stated:
        last = local_days(reference, zone)[1]
    elif period is not None:
        last = period.last
    else:
        return ()
    return tuple(e for e in _dated(calendar) if local_days(e, zone)[0] > last)


def events_before(
    calendar: Calendar, reference: Event | None, period: Period | None, zone: ZoneInfo
) -> tuple[Event, ...]:
    """Events ending before ``reference`` starts (or before ``period``), latest first."""
    if reference is not None and reference.days_stated:
        first = local_days(reference, zone)[0]
    elif period is not None:
        first = period.first
    else:
        return ()
    found = [e for e in _dated(calendar) if local_days(e, zone)[1] < first]
    return tuple(sorted(found, key=lambda e: local_days(e, zone)[1], reverse=True))


def state_of(question: str) -> str:
    """Which yes-or-no a state question asks: "last_day", "started" or "ongoing"."""
    words = f" {normalize(question)} "
    if " last day " in words or " dernier jour " in words:
        return "last_day"
    if any(f" {w} " in words for w in ("started", "begun", "commence", "ouvert")):
        return "started"
    return "ongoing"


def working_days(event: Event) -> int:
    """Monday-to-Friday days of an event's own dates."""
    first, last = event.first_day, event.last_day
    return sum(1 for n in range((last - first).days + 1) if (first + timedelta(n)).weekday() < 5)


def span_of(
    calendar: Calendar, period: Period | None, zone: ZoneInfo, named: Event | None
) -> tuple[Event, ...]:
    """The meetings a "how long in total" question groups: those in ``period``, or the one named."""
    if period is not None:
        found = events_between(calendar, period.first, period.last, zone)
        return tuple(e for e in found if e.days_stated and e.kind in _MEETING_KINDS)
    return (named,) if named is not None and named.days_stated else ()


def span_days(events: tuple[Event, ...], zone: ZoneInfo) -> tuple[date, date]:
    """First and last day of a group of events."""
    days = [local_days(event, zone) for event in events]
    return min(first for first, _ in days), max(last for _, last in days)
