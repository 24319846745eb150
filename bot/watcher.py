"""The events-file watcher: notices that events.yaml (or its knowledge.yaml) changed while calbot
runs, and reloads both.

Polling the file's modification time and size every couple of seconds works on every filesystem
(bind mounts and network shares included, where inotify often stays silent) and costs nothing. A
change is acted on once the file has held still for one period, since editors often truncate first
and write after. A refused file keeps the last good calendar serving (``CalendarHolder.reload``) and
is reported once per distinct error to whoever listens (the reminders tell the admins).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.answers.knowledge import knowledge_file_for
from bot.metrics import CALENDAR_RELOADS
from bot.state import CalendarHolder

log = logging.getLogger(__name__)
WATCH_INTERVAL = 2.0
Signature = tuple[tuple[int, int] | None, ...]
RefusalListener = Callable[[str], Awaitable[object]]


class EventsFileWatcher:
    """Reloads the calendar when its file changes; a service with async ``start``/``stop``."""

    def __init__(self, holder: CalendarHolder, interval: float = WATCH_INTERVAL) -> None:
        self.holder = holder
        self.interval = interval
        self.on_refused: list[RefusalListener] = []
        self._reported: set[str] = set()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._watch(), name="events-watcher")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def check(self) -> bool:
        """Reload now; report a refusal once per distinct error. True when the file was accepted."""
        result = self.holder.reload()
        CALENDAR_RELOADS.labels(outcome="ok" if result.ok else "error").inc()
        if result.ok or result.error is None:
            return result.ok
        error = str(result.error)
        if error not in self._reported:
            self._reported.add(error)
            for listener in list(self.on_refused):
                try:
                    await listener(error)
                except Exception:  # one failing listener must not stop the watcher
                    log.exception("reporting a refused events file failed")
        return False

    async def _watch(self) -> None:
        path = self.holder.path
        seen, changing = _signature(path), None
        while True:
            await asyncio.sleep(self.interval)  # the polling period, not a wait for a result
            current = _signature(path)
            if current == seen:
                changing = None
            elif current != changing:
                changing = current  # maybe half written: look once more before reloading
            else:
                seen, changing = current, None
                await self.check()


def _signature(path: Path) -> Signature:
    """The events file's and its knowledge file's modification times and sizes: editing either
    reloads both (``CalendarHolder.reload``)."""
    return tuple(_stat(file) for file in (path, knowledge_file_for(path)))


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_mtime_ns, stat.st_size)
