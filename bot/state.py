"""The live calendar: the last good ``Calendar`` with its revisions and its knowledge (what the
resolution says, ``bot.answers.knowledge``), swapped whole on reload.

Every surface (feed, page, bot, reminders) reads ``holder.current`` and so sees one consistent
snapshot. A reload re-reads the knowledge file too (``knowledge.yaml`` beside the events file, else
the shipped one) and checks it against the new calendar like ``calbot check``, so answers never
name an event the calendar lost. A reload that fails (either file) keeps the last good snapshot
serving and reports the errors; one that succeeds notifies the listeners (the reminder scheduler,
the feed cache) with the old and new snapshots.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from bot.answers.knowledge import Knowledge, check_knowledge_file, default_knowledge
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
    knowledge: Knowledge = field(default_factory=default_knowledge, repr=False)

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
        """Read the events and knowledge files again; keep the last good snapshot when either is
        broken or they do not fit together."""
        now = self.clock.now()
        self.last_reload_utc = now
        try:
            calendar = load_calendar(self.path)
            knowledge = self._knowledge_for(calendar)
        except CalendarError as error:
            self.last_error = error
            log.error("reload refused, keeping the last good calendar: %s", error)
            if self._current is None:
                return ReloadResult(False, _empty_snapshot(now), None, error)
            return ReloadResult(False, self._current, self._current, error)
        self.last_error = None
        previous = self._current
        if previous is not None and (previous.calendar, previous.knowledge) == (
            calendar,
            knowledge,
        ):
            return ReloadResult(True, previous, previous, None, changed=False)
        revisions = advance_revisions(calendar, self.store.load_revisions(), now)
        self.store.save_revisions(revisions)
        version = previous.version + 1 if previous else 1
        self._current = Snapshot(calendar, revisions, version, now, knowledge)
        log.info("calendar loaded: version %d, %d events", version, len(calendar.events))
        for listener in list(self.listeners):
            listener(previous, self._current)
        return ReloadResult(True, self._current, previous, None, changed=True)

    def _knowledge_for(self, calendar: Calendar) -> Knowledge:
        """The calendar's knowledge, checked against it; ``CalendarError`` naming the knowledge
        file's problems when answers may not use it."""
        checked = check_knowledge_file(self.path, {event.id for event in calendar.events})
        if checked.usable and checked.problems:  # the shipped file, lent to another calendar
            log.info("%s: note: %d names not in this calendar", checked.path, len(checked.problems))
        if not checked.usable or checked.knowledge is None:
            raise CalendarError(list(checked.issues))
        return checked.knowledge


def _empty_snapshot(now: datetime) -> Snapshot:
    return Snapshot(Calendar(name="(no calendar)", updated=now), {}, 0, now)
