"""The live calendar: the last good ``Calendar`` with its revisions, swapped whole on reload.

Every surface (feed, page, bot, reminders) reads ``holder.current`` and so sees one consistent
snapshot. A reload that fails keeps the last good snapshot serving and reports the errors; one that
succeeds notifies the listeners (the reminder scheduler, the feed cache) with the old and new
snapshots.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from bot.clock import Clock
from bot.events.loader import CalendarError, load_calendar
from bot.events.model import Calendar
from bot.events.revisions import Revision, RevisionStore, advance_revisions

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """One loaded version of the calendar."""

    calendar: Calendar
    revisions: dict[str, Revision]
    version: int
    loaded_at_utc: datetime

    def revision(self, event_id: str) -> Revision:
        return self.revisions[event_id]


@dataclass(frozen=True)
class ReloadResult:
    ok: bool
    snapshot: Snapshot
    previous: Snapshot | None = None
    error: CalendarError | None = None
    changed: bool = False


Listener = Callable[[Snapshot | None, Snapshot], object]


@dataclass
class CalendarHolder:
    """Loads the events file and holds the current snapshot."""

    path: Path
    clock: Clock
    store: RevisionStore
    listeners: list[Listener] = field(default_factory=list)
    last_error: CalendarError | None = None
    last_reload_utc: datetime | None = None
    _current: Snapshot | None = None

    @property
    def current(self) -> Snapshot:
        if self._current is None:
            raise RuntimeError("the calendar has not been loaded")
        return self._current

    @property
    def loaded(self) -> bool:
        return self._current is not None

    def load(self) -> Snapshot:
        """First load: raises ``CalendarError`` for a broken file (nothing to fall back on)."""
        result = self.reload()
        if not result.ok:
            assert result.error is not None
            raise result.error
        return result.snapshot

    def reload(self) -> ReloadResult:
        """Read the file again; keep the last good calendar when it is broken."""
        now = self.clock.now()
        self.last_reload_utc = now
        try:
            calendar = load_calendar(self.path)
        except CalendarError as error:
            self.last_error = error
            log.error("events file refused, keeping the last good calendar: %s", error)
            if self._current is None:
                return ReloadResult(False, _empty_snapshot(now), None, error)
            return ReloadResult(False, self._current, self._current, error)
        self.last_error = None
        previous = self._current
        if previous is not None and previous.calendar == calendar:
            return ReloadResult(True, previous, previous, None, changed=False)
        revisions = advance_revisions(calendar, self.store.load_revisions(), now)
        self.store.save_revisions(revisions)
        version = previous.version + 1 if previous else 1
        self._current = Snapshot(calendar, revisions, version, now)
        log.info("calendar loaded: version %d, %d events", version, len(calendar.events))
        for listener in list(self.listeners):
            listener(previous, self._current)
        return ReloadResult(True, self._current, previous, None, changed=True)


def _empty_snapshot(now: datetime) -> Snapshot:
    return Snapshot(Calendar(name="(no calendar)", updated=now), {}, 0, now)
