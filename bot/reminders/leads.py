"""Lead times: how long before an event a reminder goes out, and when that is for one chat.

Syntax (one or more, separated by spaces or commas): ``2d`` (days), ``1w`` (weeks, = ``7d``), ``3h``
(hours), ``30m`` (minutes), and a day lead with a time of day, ``1d@09:00``. The defaults are ``1d``
and ``0d``: the day before and the morning of.

Rules, all in the chat's time zone (the calendar's zone when the chat set none):

* All-day events (no start time): a day lead ``Nd`` fires N days before the first day at 09:00, and
  ``0d`` ("the morning of") at 08:00 on the first day; ``Nd@HH:MM`` fires at that time instead. An
  hour or minute lead counts back from 08:00 on the first day. A reminder never fires in the night:
  a time between 22:00 and 07:00 moves to 07:00 the following morning.
* Timed events: an hour or minute lead is absolute (``3h`` is three hours before the start, whatever
  the clocks do). A day lead ``Nd`` is wall-clock: the same local time as the start, N days earlier;
  ``0d`` is 08:00 on the day of the start; ``Nd@HH:MM`` is that local time. A reminder that would
  fire at or after the start is dropped.
* Events known only to the month or year get no reminders: no day was stated.
* Local times that do not exist (spring forward) or occur twice (autumn back) fire exactly once:
  zoneinfo's ``fold=0`` reading, i.e. the offset in force before the change.

Pure: no clock, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.events.model import Event

MAX_DAYS = 60
MAX_LEADS = 5
DAY_BEFORE_AT = time(9, 0)
MORNING_OF_AT = time(8, 0)
NIGHT_STARTS = time(22, 0)
NIGHT_ENDS = time(7, 0)

_LEAD = re.compile(r"^(\d{1,4})([wdhm])(?:@(\d{1,2})[:h](\d{2}))?$")


class LeadError(ValueError):
    """A lead time that cannot be read; the message says how to write one.

    ``reason`` and ``values`` name the same explanation in the catalogue (``lead_error_<reason>``),
    so a user reads it in their own language (``bot.reminders.texts.explain_lead_error``).
    """

    def __init__(self, message: str, reason: str, **values: object) -> None:
        super().__init__(message)
        self.reason, self.values = reason, values


@dataclass(frozen=True, order=True)
class Lead:
    """One lead time: either whole days (with an optional local time of day) or a duration."""

    days: int | None = None
    at: time | None = None
    minutes: int | None = None

    @property
    def key(self) -> str:
        """The canonical text, stable across restarts: ``1d``, ``1d@09:00``, ``3h``, ``90m``."""
        if self.days is not None:
            suffix = f"@{self.at:%H:%M}" if self.at else ""
            return f"{self.days}d{suffix}"
        assert self.minutes is not None
        return f"{self.minutes // 60}h" if self.minutes % 60 == 0 else f"{self.minutes}m"

    def __str__(self) -> str:
        return self.key


DEFAULT_LEADS: tuple[Lead, ...] = (Lead(days=1), Lead(days=0))


def parse_lead(text: str) -> Lead:
    """Read one lead time such as ``2d``, ``1w``, ``3h``, ``30m`` or ``1d@09:00``."""
    match = _LEAD.match(text.strip().lower())
    if not match:
        raise LeadError(
            f"{text!r} is not a lead time; write 2d, 1w, 3h, 30m or 1d@09:00", "syntax", text=text
        )
    number, unit, hour, minute = match.groups()
    amount = int(number)
    if hour is not None and unit not in "dw":
        raise LeadError(
            f"{text!r}: a time of day goes with days only, like 1d@09:00", "clock_hours", text=text
        )
    if unit in "dw":
        days = amount * 7 if unit == "w" else amount
        if days > MAX_DAYS:
            raise LeadError(
                f"{text!r}: at most {MAX_DAYS} days ahead", "too_far", text=text, days=MAX_DAYS
            )
        at = None
        if hour is not None:
            if int(hour) > 23 or int(minute) > 59:
                clock = f"{hour}:{minute}"
                raise LeadError(
                    f"{text!r}: {clock} is not a time of day", "clock", text=text, clock=clock
                )
            at = time(int(hour), int(minute))
        return Lead(days=days, at=at)
    minutes = amount * 60 if unit == "h" else amount
    if minutes < 1 or minutes > MAX_DAYS * 24 * 60:
        raise LeadError(
            f"{text!r}: between 1 minute and {MAX_DAYS} days", "range", text=text, days=MAX_DAYS
        )
    return Lead(minutes=minutes)


def parse_leads(text: str | Iterable[str]) -> tuple[Lead, ...]:
    """Read lead times (``"1d@09:00,0d@08:00"`` or a list of words): sorted, no duplicates."""
    words = re.split(r"[\s,]+", text) if isinstance(text, str) else list(text)
    leads = {parse_lead(word) for word in words if word.strip()}
    if not leads:
        return DEFAULT_LEADS
    if len(leads) > MAX_LEADS:
        raise LeadError(
            f"at most {MAX_LEADS} lead times per subscription", "too_many", count=MAX_LEADS
        )
    return tuple(sorted(leads, key=_earliest_first))


def format_leads(leads: Iterable[Lead]) -> str:
    """The stored form: ``1d,0d`` or ``2d,3h``."""
    return ",".join(lead.key for lead in leads)


def is_lead_word(word: str) -> bool:
    """Whether a command argument looks like a lead time (so the rest names the event)."""
    return _LEAD.match(word.strip().lower()) is not None


def _earliest_first(lead: Lead) -> tuple[int, int]:
    """Longest lead first: days before hours, more days before fewer."""
    if lead.days is not None:
        at = lead.at.hour * 60 + lead.at.minute if lead.at else 0
        return (-lead.days * 24 * 60, at)
    assert lead.minutes is not None
    return (-lead.minutes, 0)


# Instants -----------------------------------------------------------------------------------------


def local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """``day`` at ``at`` on the wall clock of ``zone``, in UTC.

    ``fold=0`` makes a repeated hour the first one and reads a skipped hour with the earlier offset,
    so every local time names exactly one instant.
    """
    return datetime.combine(day, at, zone).replace(fold=0).astimezone(UTC)


def due_utc(event: Event, lead: Lead, zone: ZoneInfo) -> datetime | None:
    """When the reminder for ``event`` with ``lead`` fires for a chat in ``zone``; None for none."""
    if not event.days_stated:
        return None
    if event.is_timed:
        return _due_timed(event, lead, zone)
    return _due_all_day(event, lead, zone)


def _due_all_day(event: Event, lead: Lead, zone: ZoneInfo) -> datetime:
    # An all-day event is on its own dates for every reader, so the day is the event's first day and
    # only the time of day is read in the chat's zone.
    anchor = local_instant(event.first_day, MORNING_OF_AT, zone)
    if lead.minutes is not None:
        return _out_of_the_night(anchor - timedelta(minutes=lead.minutes), zone)
    assert lead.days is not None
    default = DAY_BEFORE_AT if lead.days else MORNING_OF_AT
    day = event.first_day - timedelta(days=lead.days)
    return _out_of_the_night(local_instant(day, lead.at or default, zone), zone)


def _due_timed(event: Event, lead: Lead, zone: ZoneInfo) -> datetime | None:
    start_utc = event.starts_utc
    if lead.minutes is not None:
        due = start_utc - timedelta(minutes=lead.minutes)
    else:
        assert lead.days is not None
        start_local = start_utc.astimezone(zone)
        default = start_local.time().replace(tzinfo=None) if lead.days else MORNING_OF_AT
        day = start_local.date() - timedelta(days=lead.days)
        due = local_instant(day, lead.at or default, zone)
    return due if due < start_utc else None


def _out_of_the_night(instant_utc: datetime, zone: ZoneInfo) -> datetime:
    local = instant_utc.astimezone(zone)
    clock = local.time().replace(tzinfo=None)
    if clock >= NIGHT_STARTS:
        return local_instant(local.date() + timedelta(days=1), NIGHT_ENDS, zone)
    if clock < NIGHT_ENDS:
        return local_instant(local.date(), NIGHT_ENDS, zone)
    return instant_utc
