"""The wake-up scheduler: APScheduler 3 rings at instants on calbot's clock, and that is all it
does.

The schedule is not kept here. The database and events.yaml are the record; after every run the
service asks the dispatcher for the next due instant and books one wake-up for it (replacing the
previous one), plus a periodic safety wake-up. So nothing is lost when the process dies: at start
the schedule is derived again.

calbot's clock may be set (``--now``), so a due instant is turned into a real run date with
``clock.seconds_until(due)``: started half a minute before a reminder on the settable clock, calbot
wakes half a minute later in real time.

APScheduler 3's defaults would drop wake-ups: ``misfire_grace_time`` is 1 second, so a run that
starts late on a busy process is skipped silently. Here it is ``None`` (always run, however late)
with ``coalesce`` (several missed runs make one), and the job itself only sets a flag, so it never
overlaps.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.clock import Clock

log = logging.getLogger(__name__)

WAKE_JOB = "calbot-wake"
SAFETY_JOB = "calbot-safety"
JOB_DEFAULTS = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}


class WakeScheduler:
    """Calls ``wake()`` (a plain function, run on the event loop) at instants on ``clock``."""

    def __init__(self, clock: Clock, wake: Callable[[], None]) -> None:
        self._clock = clock
        self._wake = wake
        self._scheduler: AsyncIOScheduler | None = None
        self.booked_utc: datetime | None = None  # the calbot-clock instant of the next wake-up

    def start(self, safety_interval: float | None = 60.0) -> None:
        """Start on the running loop; a wake-up every ``safety_interval`` seconds regardless."""
        self._scheduler = AsyncIOScheduler(
            event_loop=asyncio.get_running_loop(), timezone=UTC, job_defaults=JOB_DEFAULTS
        )
        self._scheduler.start()
        if safety_interval:
            self._scheduler.add_job(self._ring, "interval", seconds=safety_interval, id=SAFETY_JOB)

    def wake_at(self, due_utc: datetime) -> datetime:
        """Book the one wake-up for ``due_utc`` on calbot's clock; returns the real run date."""
        assert self._scheduler is not None, "start() first"
        delay = max(0.0, self._clock.seconds_until(due_utc))
        run_date = datetime.now(UTC) + timedelta(seconds=delay)
        self._scheduler.add_job(
            self._ring, "date", run_date=run_date, id=WAKE_JOB, replace_existing=True
        )
        self.booked_utc = due_utc
        return run_date

    def shutdown(self) -> None:
        if self._scheduler is not None and self._scheduler.running:
            self._scheduler.shutdown(wait=False)
        self._scheduler = None

    async def _ring(self) -> None:
        # A coroutine, so APScheduler's asyncio executor runs it on the loop (a plain function would
        # go to a thread, where touching asyncio objects is unsafe).
        self._wake()
