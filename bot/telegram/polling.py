"""Long polling for one instance among several: under a lease, and quiet about a 409.

Telegram lets one ``getUpdates`` run per token; a second poller gets 409 Conflict ("terminated by
other getUpdates request"), and two pollers retrying at once would take the updates from each other
every second. So calbot polls only while it holds the database lease ``POLLING`` (``bot.lease``):
a second instance on the same database says once that another instance holds getUpdates, keeps
serving the feed and the page, and starts polling when the first one's lease lapses (it stopped or
died).

A 409 that still comes has two causes. Just after a restart, the previous process's last long poll
may still be open at Telegram (a killed process cannot end it) for up to the poll's timeout, 10 s:
polling then pauses a little longer than that and resumes. If the conflict persists, another program
polls with the token (a copy of calbot on a laptop, outside this database): calbot says so once,
clearly, and tries again every ``CONFLICT_PAUSE`` seconds instead of fighting it for updates.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram import Update
from telegram.error import Conflict, TelegramError
from telegram.ext import Application

from bot.lease import Lease

log = logging.getLogger(__name__)

POLL_TIMEOUT = 10.0  # python-telegram-bot's long-poll timeout: what a leftover poll can last
FIRST_PAUSE = POLL_TIMEOUT + 2.0
CONFLICT_PAUSE = 60.0
POLLING_LINE = "calbot: Telegram bot polling for updates"
STANDBY_LINE = (
    "calbot: another instance holds getUpdates for this bot (polling lease); this one serves the "
    "feed and the page, and takes over polling if that instance stops"
)
CONFLICT_LINE = (
    "calbot: Telegram answered 409 Conflict: another program polls with this bot token; "
    "polling pauses {pause:.0f} s and tries again (stop the other one, or use webhook mode)"
)
LEFTOVER_LINE = (
    "Telegram answered 409 Conflict to getUpdates: another poll for this token is still open (most "
    "often the last one of a calbot that was just restarted); polling resumes in {pause:.0f} s"
)


class Poller:
    """Starts and stops the application's updater as the lease and Telegram allow."""

    def __init__(
        self,
        application: Application,
        lease: Lease | None,
        *,
        first_pause: float = FIRST_PAUSE,
        pause: float = CONFLICT_PAUSE,
    ) -> None:
        assert application.updater is not None
        self._first_pause, self._pause_after = first_pause, pause
        self._application = application
        self._updater = application.updater
        self._lease = lease
        self._tasks: set[asyncio.Task[None]] = set()
        self._paused_until = 0.0
        self._conflicts = 0  # in a row, without a successful poll in between
        self._said_standby = False

    @property
    def polling(self) -> bool:
        return self._updater.running

    async def start(self) -> None:
        if self._lease is None or await self._lease.renew():
            await self._poll()
        else:
            self._standby()
        if self._lease is not None:
            self._spawn(self._keep_lease())

    async def stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self.polling:
            await self._updater.stop()
        if self._lease is not None:
            await self._lease.release()

    async def _poll(self) -> None:
        if self.polling or asyncio.get_running_loop().time() < self._paused_until:
            return
        await self._updater.start_polling(
            allowed_updates=Update.ALL_TYPES, error_callback=self._on_error
        )
        self._said_standby = False
        print(POLLING_LINE, flush=True)

    def _standby(self) -> None:
        if not self._said_standby:
            print(STANDBY_LINE, flush=True)
            log.warning(STANDBY_LINE.removeprefix("calbot: "))
        self._said_standby = True

    async def _keep_lease(self) -> None:
        assert self._lease is not None
        while True:
            await asyncio.sleep(self._lease.renew_every)
            held = await self._lease.renew()
            if held and not self.polling:
                try:
                    await self._poll()
                except TelegramError as error:  # unreachable for now: the next renewal retries
                    log.warning("could not start polling: %s", error.message)
            elif not held and self.polling:
                await self._updater.stop()
                self._standby()

    def _on_error(self, error: TelegramError) -> None:
        """Called by python-telegram-bot's polling loop for each failed getUpdates."""
        if not isinstance(error, Conflict):
            log.warning("getUpdates failed: %s", error.message)
            return
        now = asyncio.get_running_loop().time()
        if now < self._paused_until:
            return
        self._conflicts += 1
        if self._conflicts == 1:
            pause = self._first_pause
            log.warning(LEFTOVER_LINE.format(pause=pause))
        else:
            pause = self._pause_after
            if self._conflicts == 2:  # said once per episode, not at every retry
                line = CONFLICT_LINE.format(pause=pause)
                print(line, flush=True)
                log.warning(line.removeprefix("calbot: "))
        self._paused_until = now + pause
        self._spawn(self._pause(pause))

    async def _pause(self, seconds: float) -> None:
        await self._updater.stop()  # from its own task: the polling loop cannot stop itself
        await asyncio.sleep(seconds)
        if self._lease is None or self._lease.held:
            try:
                await self._poll()
            except TelegramError as error:  # the lease keeper (or a restart) tries again
                log.warning("could not resume polling: %s", error.message)
                return
            await asyncio.sleep(2 * max(POLL_TIMEOUT, self._first_pause))
            if self.polling and asyncio.get_running_loop().time() >= self._paused_until:
                self._conflicts = 0  # two polls' time without a conflict: the episode is over

    def _spawn(self, coroutine: object) -> None:
        task = asyncio.ensure_future(coroutine)  # type: ignore[call-overload]
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
