"""An event's tense for a reader: past, on now (day 3 of 7) or to come (in 4 days). Pure.

``Timing`` is computed from the event, ``now`` and the reader's zone; answers and cards word it
(``bot.answers.parts.tense_line``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from bot.events.model import Event
from bot.events.queries import local_days

Phase = Literal["past", "ongoing", "future"]


@dataclass(frozen=True)
class Timing:
    """Where an event stands relative to ``now`` for a reader in a zone.

    ``days_until``: calendar days from the reader's today to the first day (future events);
    ``hours_until``: for a timed event less than a day away; ``day_number``/``total_days``: "day 3
    of 7"; ``days_since``: days from the last day to the reader's today (past events). Counts are
    None when the sources give only a month or a year.
    """

    phase: Phase
    total_days: int | None
    days_until: int | None = None
    hours_until: int | None = None
    day_number: int | None = None
    days_since: int | None = None


def timing_of(event: Event, now: datetime, zone: ZoneInfo) -> Timing:
    """The tense and counts of ``event`` at ``now`` for a reader in ``zone``."""
    phase = event.phase(now)
    if not event.days_stated:
        return Timing(phase, None)
    first, last = local_days(event, zone)
    total = (last - first).days + 1
    today = now.astimezone(zone).date()
    if phase == "future":
        hours = None
        if event.is_timed and event.starts_utc - now < timedelta(days=1):
            hours = max(1, math.ceil((event.starts_utc - now) / timedelta(hours=1)))
        return Timing(phase, total, days_until=max(0, (first - today).days), hours_until=hours)
    if phase == "ongoing":
        # An all-day meeting runs on its own calendar: day 3 in Geneva is day 3 for everyone.
        own_today = now.astimezone(event.zone).date() if not event.is_timed else today
        day_number = min(total, max(1, (own_today - first).days + 1))
        return Timing(phase, total, day_number=day_number)
    return Timing(phase, total, days_since=max(0, (today - last).days))
