"""A chat's personal feed: exactly the events it subscribed to, with alarms at its lead times.

Pure: the subscriptions and the chat's zone come in, a ``Selection`` (events and alarm offsets)
goes out, and ``render_selection`` in ``bot.feed.render`` makes the bytes, so SEQUENCE, STATUS,
cancellations and sources are those of the main feed. An alarm is written as an offset from
DTSTART (the form every calendar app reads): for a timed event from its start, for an all-day
event from the local midnight that opens its first day in the chat's zone, so "the day before at
09:00" rings at 09:00 for a reader in that zone. Events known only to the month or year have no
alarms (no day was stated), as with the chat's reminders.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.events.model import Calendar, Event
from bot.reminders.leads import Lead, due_utc, local_instant
from bot.reminders.planner import Subscription

FEED_PATH = "/feeds/{token}.ics"


@dataclass(frozen=True)
class Selection:
    """Which events a personal feed holds (by id, in calendar order) and each one's alarms."""

    entries: tuple[tuple[str, tuple[timedelta, ...]], ...]

    @property
    def event_ids(self) -> tuple[str, ...]:
        return tuple(event_id for event_id, _ in self.entries)


def personal_feed_url(base_url: str, token: str) -> str:
    return base_url.rstrip("/") + FEED_PATH.format(token=token)


def select_events(
    calendar: Calendar, subscriptions: Iterable[Subscription], zone: ZoneInfo
) -> Selection:
    """The events the active ``subscriptions`` match, each with the union of their leads."""
    active = [sub for sub in subscriptions if sub.active]
    entries = []
    for event in calendar.events:
        leads = {lead for sub in active if sub.matches(event) for lead in sub.leads}
        if any(sub.matches(event) for sub in active):
            entries.append((event.id, alarm_offsets(event, leads, zone)))
    return Selection(tuple(entries))


def alarm_offsets(event: Event, leads: Iterable[Lead], zone: ZoneInfo) -> tuple[timedelta, ...]:
    """How long before DTSTART each lead's reminder falls (longest first, no duplicates)."""
    if not event.days_stated:
        return ()
    anchor = _dtstart_utc(event, zone)
    offsets = set()
    for lead in leads:
        due = due_utc(event, lead, zone)
        if due is not None:
            offsets.add(anchor - due)
    return tuple(sorted(offsets, reverse=True))


def _dtstart_utc(event: Event, zone: ZoneInfo) -> datetime:
    if event.is_timed:
        return event.starts_utc
    return local_instant(event.first_day, time(0, 0), zone)
