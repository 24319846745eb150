"""The clock: the only place in calbot that reads the time.

The meetings calbot ships with are in 2007, so the whole system can be run "as if" at another
instant (``--now`` / ``CALBOT_NOW``): the clock starts there and runs on at real speed. Tests use
``ManualClock`` and move time themselves. Everything returns aware UTC datetimes.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Something that tells calbot what time it is."""

    def now(self) -> datetime:
        """The current instant, aware, in UTC."""
        ...

    def seconds_until(self, instant: datetime) -> float:
        """Real seconds to wait until this clock shows ``instant`` (negative when it has passed)."""
        ...


def parse_instant(text: str) -> datetime:
    """Parse an ISO 8601 instant with an offset (``2007-11-01T09:00+01:00`` or ``...Z``) into UTC.

    A naive value is refused: "9 o'clock" means a different instant in every zone.
    """
    value = datetime.fromisoformat(text.strip().replace("z", "Z"))
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{text!r} has no UTC offset; write it like 2007-11-01T09:00+01:00")
    return value.astimezone(UTC)


class SystemClock:
    """The real time."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def seconds_until(self, instant: datetime) -> float:
        return (instant - self.now()).total_seconds()


class OffsetClock:
    """Starts at a chosen instant and runs on at real speed (``--now``)."""

    def __init__(self, start: datetime, started_monotonic: float | None = None) -> None:
        """``start`` is the time at ``started_monotonic`` (default: now)."""
        if start.tzinfo is None:
            raise ValueError("OffsetClock needs an aware start instant")
        self._start_utc = start.astimezone(UTC)
        self._started_monotonic = (
            time.monotonic() if started_monotonic is None else started_monotonic
        )

    def anchored_at(self, started_monotonic: float) -> OffsetClock:
        """The same start instant, read at ``started_monotonic`` instead of at construction."""
        return OffsetClock(self._start_utc, started_monotonic)

    def now(self) -> datetime:
        elapsed = time.monotonic() - self._started_monotonic
        return self._start_utc + timedelta(seconds=elapsed)

    def seconds_until(self, instant: datetime) -> float:
        return (instant - self.now()).total_seconds()


class ManualClock:
    """A clock that only moves when told to; for tests."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware start instant")
        self._now_utc = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now_utc

    def seconds_until(self, instant: datetime) -> float:
        return (instant - self._now_utc).total_seconds()

    def set(self, instant: datetime) -> None:
        self._now_utc = instant.astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        self._now_utc += delta


def make_clock(now: str | datetime | None) -> Clock:
    """The clock for a run: the real one, or one started at ``now``."""
    if now is None or now == "":
        return SystemClock()
    start = parse_instant(now) if isinstance(now, str) else now
    return OffsetClock(start)
