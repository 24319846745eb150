"""Synthetic calendars of any size, for the feed smoke test and the benchmark."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.events.model import Calendar, Event
from bot.events.revisions import advance_revisions
from bot.events.when import When
from bot.state import Snapshot

_ZONES = ("Europe/Zurich", "America/New_York", "Asia/Tokyo")
_KINDS = ("conference", "meeting", "agenda_item", "background")


def synthetic_event(index: int) -> Event:
    """Event ``index``: a mix of all-day, multi-day, timed (three zones) and month-only events."""
    day = date(2007, 1, 1) + timedelta(days=index % 700)
    common = {
        "id": f"event-{index}",
        "title": f"Synthetic meeting number {index} of the Genève working group; items, notes",
        "kind": _KINDS[index % 4],
        "body": f"Working Group {index % 17}",
        "description": "A generated meeting.\nSecond line, with punctuation; and more.",
        "status": "cancelled" if index % 50 == 0 else "confirmed",
    }
    if index % 3 == 0:
        zone = ZoneInfo(_ZONES[(index // 3) % len(_ZONES)])
        start = datetime(day.year, day.month, day.day, 10, tzinfo=zone)
        return Event(
            **common,
            start=When("datetime", day, start),
            end=When("datetime", day, start + timedelta(hours=3)),
            timezone=zone.key,
        )
    if index % 10 == 1:
        return Event(**common, start=When("month", date(day.year, day.month, 1)))
    return Event(**common, start=When("day", day), end=When("day", day + timedelta(days=index % 5)))


def synthetic_snapshot(count: int) -> Snapshot:
    updated = datetime(2008, 1, 15, tzinfo=UTC)
    calendar = Calendar(
        name="Synthetic calendar",
        timezone="Europe/Zurich",
        updated=updated,
        events=tuple(synthetic_event(index) for index in range(count)),
    )
    return Snapshot(calendar, advance_revisions(calendar, {}, updated), 1, updated)
