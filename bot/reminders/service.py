"""The reminder service: the dispatcher, the wake-up scheduler and the events-file watcher, run
together.

``ReminderService(services, bot)`` is started and stopped by ``calbot serve``. At start it takes
over the deliveries a crash left in flight, catches up what fell due while calbot was down, and
books the next wake-up. One loop does all sending, so a long fan-out and a change notice never race
each other: wake-ups only set a flag, and the loop runs whatever is due when it gets to it.

events.yaml is watched by ``bot.watcher`` (one watcher per process; ``calbot serve`` runs it even
without the bot). A good new file replaces the calendar; the holder's listener turns the
differences into one notice per subscriber (a moved or cancelled meeting) and re-plans. A broken
file is refused, the last good calendar stays, and the admins hear of each distinct error once.

Subscription commands call ``reschedule()`` so a new subscription is planned at once.

With a ``Lease`` named ``REMINDERS`` (``calbot serve`` always passes one) the loop runs only
while this instance holds it; otherwise it stands by and tries to take it every few seconds
(``bot.lease``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram import Bot

from bot.lease import Lease
from bot.reminders import ReminderServices, messages
from bot.reminders.changes import diff_snapshots, recipients
from bot.reminders.dispatcher import CONCURRENCY, Dispatcher, Job
from bot.reminders.scheduler import WakeScheduler
from bot.reminders.sender import Sender
from bot.state import Snapshot
from bot.watcher import WATCH_INTERVAL, EventsFileWatcher

log = logging.getLogger(__name__)

SAFETY_INTERVAL = 60.0
STOP_GRACE = 5.0


class ReminderService:
    """Everything that sends unasked: reminders, snoozes, digests, change notices, admin alerts."""

    def __init__(
        self,
        services: ReminderServices,
        bot: Bot,
        *,
        concurrency: int = CONCURRENCY,
        watch_interval: float | None = WATCH_INTERVAL,
        safety_interval: float | None = SAFETY_INTERVAL,
        lease: Lease | None = None,
    ) -> None:
        self.services = services
        self.lease = lease
        self.sender = Sender(bot, services.store)  # paced by the bot's lane, beside the replies
        self.dispatcher = Dispatcher(services, self.sender, concurrency)
        self.scheduler = WakeScheduler(services.clock, self.kick)
        # calbot serve runs one watcher for the whole process and passes None here; tests and
        # stand-alone uses let the service watch the file itself.
        self._watcher = (
            EventsFileWatcher(services.holder, watch_interval) if watch_interval else None
        )
        if self._watcher is not None:
            self._watcher.on_refused.append(self.alert_admins)
        self._safety_interval = safety_interval
        self._kicked = asyncio.Event()
        self._idle = asyncio.Event()
        self._notices: list[Job] = []
        self._tasks: list[asyncio.Task[None]] = []
        self._loop: asyncio.AbstractEventLoop | None = None

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        if self.lease is None or await self.lease.renew():
            self.dispatcher.recover()
        else:
            self.dispatcher.paused = True
            log.info("another instance dispatches reminders; this one stands by")
        self.services.holder.listeners.append(self._on_reload)
        self.scheduler.start(self._safety_interval)
        self._tasks.append(asyncio.create_task(self._dispatch_loop(), name="reminders"))
        if self.lease is not None:
            self._tasks.append(asyncio.create_task(self._keep_lease(), name="reminder-lease"))
        if self._watcher is not None:
            await self._watcher.start()
        self.kick()

    async def stop(self, grace: float = STOP_GRACE) -> None:
        """Take no new work, let in-flight sends finish for ``grace`` seconds, then abandon them.

        An abandoned send leaves its row 'sending'; the next start sends it again (see dispatcher).
        """
        with contextlib.suppress(ValueError):
            self.services.holder.listeners.remove(self._on_reload)
        if self._watcher is not None:
            await self._watcher.stop()
        self.scheduler.shutdown()
        self.dispatcher.stopping = True
        loop_task, *others = self._tasks or [None]
        for task in others:
            task.cancel()
        if loop_task is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._idle.wait(), grace)
            loop_task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()
        if self.lease is not None:
            await self.lease.release()

    def kick(self) -> None:
        """Run the dispatcher as soon as the loop is free (callable from any thread)."""
        loop = self._loop
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if loop is None or running is loop:
            self._kicked.set()
        else:  # e.g. a /reload handler that reloads the calendar in a worker thread
            loop.call_soon_threadsafe(self._kicked.set)

    def reschedule(self) -> None:
        """Subscriptions or chats changed: look at the whole catch-up window again and re-plan."""
        self.dispatcher.rescan()
        self.kick()

    async def wait_idle(self) -> None:
        """Return once the loop has nothing left to do (tests and the benchmark wait on this)."""
        # Re-check after every wake: the loop may set and clear ``_idle`` without yielding.
        while not self._idle.is_set() or self._kicked.is_set():
            if not self._tasks or self._tasks[0].done():
                return  # stopped: nothing will run
            if self._idle.is_set():
                await asyncio.sleep(0)  # kicked, and the loop is about to take it
            else:
                await self._idle.wait()

    # The loop -------------------------------------------------------------------------------------

    async def _dispatch_loop(self) -> None:
        clock = self.services.clock
        while not self.dispatcher.stopping:
            self._idle.set()
            await self._kicked.wait()
            self._idle.clear()
            self._kicked.clear()
            if self.dispatcher.paused:
                continue  # another instance holds the lease; _keep_lease kicks on takeover
            try:
                notices, self._notices = self._notices, []
                await self.dispatcher.deliver(notices)
                covered_utc = clock.now()
                await self.dispatcher.run_due(covered_utc)
                # From the instant the run covered, not from now: what fell due during a long
                # fan-out is then due at once, not lost until the next safety wake-up.
                upcoming = await self.dispatcher.next_due_utc(covered_utc)
                if upcoming is not None and not self.dispatcher.stopping:
                    self.scheduler.wake_at(upcoming)
            except Exception:  # the loop must outlive one bad run; the next wake-up tries again
                log.exception("reminder run failed")
        self._idle.set()

    async def _keep_lease(self) -> None:
        """Renew the lease while holding it; take it over when its holder has gone."""
        assert self.lease is not None
        while True:
            await asyncio.sleep(self.lease.renew_every)
            was = self.lease.held
            held = await self.lease.renew()
            if held and not was:
                log.warning("this instance now dispatches reminders (took over the lease)")
                try:
                    self.dispatcher.recover()
                except Exception:  # the database is away: give the lease up, try again later
                    log.exception("could not take over the reminder dispatch")
                    await self.lease.release()
                    continue
                self.dispatcher.paused = False
                self.reschedule()
            elif was and not held:
                log.warning("the reminder lease went to another instance; standing by")
                self.dispatcher.paused = True

    def _on_reload(self, previous: Snapshot | None, current: Snapshot) -> None:
        store = self.services.store
        subscriptions, chats = store.subscriptions(), store.chats()
        changes = diff_snapshots(previous, current)
        self._notices += self.dispatcher.change_jobs(
            changes, lambda change: recipients(change, subscriptions, chats)
        )
        self.reschedule()

    # The events file ------------------------------------------------------------------------------

    async def check_file(self) -> bool:
        """Reload events.yaml now (through this service's own watcher, or a one-off one)."""
        watcher = self._watcher or EventsFileWatcher(self.services.holder)
        if watcher is not self._watcher:
            watcher.on_refused.append(self.alert_admins)
        return await watcher.check()

    async def alert_admins(self, error: str) -> None:
        """Tell every admin that events.yaml was refused, and why."""
        for admin_id in sorted(self.services.settings.admin_ids):
            await self.sender.send(admin_id, messages.admin_error_text(error))
