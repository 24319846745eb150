"""The outbound lane: one python-telegram-bot rate limiter for every call calbot makes.

``OutboundLane`` is passed to ``ApplicationBuilder().rate_limiter(...)``, so every Bot API call of
the application's bot reaches ``process_request``: the handlers' replies, the reminder sender, the
broadcast, the admin alerts. Calls that send a message (``send*``, ``copyMessage``,
``forwardMessage``) wait for a slot in the budget (``bot.outbound.budget``); the others
(answerCallbackQuery, edits, chat actions, setMyCommands) are not counted by Telegram's message
limits and go at once, so a pressed button never waits behind a fan-out.

Waiting sends are granted by one pump task in priority order shared by weight
(``bot.outbound.priority``); the caller names its priority with ``rate_limit_args`` (none: a reply).
With a ``shared`` budget (PostgreSQL, several calbot instances on one token), each slot is also
booked in the database so the instances together stay under Telegram's overall limit.

Retries: a 429 holds every send for the ``retry_after`` Telegram asks, then the call is tried again;
5xx, time-outs and connection errors are tried again after a growing pause; both a bounded number of
times, then the error reaches the caller (the reminder sender or the handler's error handler), which
logs it once. Other refusals (400, 403, a migrated chat) are the caller's to act on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import warnings
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import BaseRateLimiter

from bot.metrics import OUTBOUND_RETRIES, OUTBOUND_SENT
from bot.outbound.budget import CATCH_UP, Budget
from bot.outbound.priority import WEIGHTS, Priority

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
MAX_RETRY_AFTER = 300.0  # Telegram asking for longer than this means something else is wrong
_SCAN = 512  # tickets looked at per class when looking for one whose chat may send now
_UNCOUNTED_SENDS = frozenset({"sendChatAction"})
_COUNTED_OTHERS = frozenset({"copyMessage", "copyMessages", "forwardMessage", "forwardMessages"})

Callback = Callable[..., Coroutine[Any, Any, Any]]


class SharedBudget(Protocol):
    """The overall budget kept where every instance sees it (``Store.reserve_send_slot``)."""

    def reserve_send_slot(self, spacing: float) -> float:
        """Book the next overall slot; return the seconds to wait for it."""
        ...


@dataclass(eq=False)
class _Ticket:
    chat_id: int
    future: asyncio.Future[None]


class OutboundLane(BaseRateLimiter[int]):
    """Telegram's budgets, priorities and retries for one bot token."""

    def __init__(
        self,
        budget: Budget | None = None,
        *,
        shared: SharedBudget | None = None,
        max_attempts: int = MAX_ATTEMPTS,
        backoff: float = 0.5,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self.budget = budget or Budget()
        self._shared = shared
        self._shared_failed = False
        self._max_attempts = max_attempts
        self._backoff = backoff
        self._monotonic = monotonic
        self._sleep = sleep
        self._queues: dict[Priority, deque[_Ticket]] = {p: deque() for p in Priority}
        self._pass: dict[Priority, float] = dict.fromkeys(Priority, 0.0)
        self._virtual = 0.0
        self._wake: asyncio.Event | None = None
        self._pump: asyncio.Task[None] | None = None

    async def initialize(self) -> None:
        self._start()

    async def shutdown(self) -> None:
        pump, self._pump = self._pump, None
        if pump is not None:
            pump.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await pump
        for queue in self._queues.values():
            for ticket in queue:
                ticket.future.cancel()
            queue.clear()

    def waiting(self) -> int:
        """Sends waiting for a slot (for /stats and tests)."""
        return sum(len(queue) for queue in self._queues.values())

    async def process_request(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        priority = Priority(rate_limit_args) if rate_limit_args is not None else Priority.REPLY
        chat_id = counted_chat(endpoint, data)
        attempt = 0
        while True:
            attempt += 1
            if chat_id is not None:
                await self._acquire(chat_id, priority)
                OUTBOUND_SENT.labels(priority=priority.name.lower()).inc()
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                wait = retry_seconds(error)
                self._hold(chat_id, wait)
                if attempt >= self._max_attempts or wait > MAX_RETRY_AFTER:
                    raise
                OUTBOUND_RETRIES.labels(reason="flood").inc()
                log.warning(
                    "429 from Telegram on %s (chat %s): holding sends %.0f s as asked",
                    endpoint, chat_id, wait,
                )  # fmt: skip
                if chat_id is None:
                    await self._sleep(wait)
            except BadRequest:
                raise  # the request itself is wrong: the caller decides (BadRequest is a
                # NetworkError in python-telegram-bot, hence caught before it)
            except NetworkError as error:  # 5xx, time-outs, connection errors
                if attempt >= self._max_attempts:
                    raise
                OUTBOUND_RETRIES.labels(reason="network").inc()
                log.info("%s failed (%s); trying again", endpoint, error.message)
                await self._sleep(self._backoff * 2 ** (attempt - 1))

    # Granting slots -------------------------------------------------------------------------------

    async def _acquire(self, chat_id: int, priority: Priority) -> None:
        self._start()
        now = self._monotonic()
        budget = self.budget
        if (
            self._shared is None
            and not self.waiting()
            and budget.overall_ready() <= now
            and budget.chat_ready(chat_id) <= now
        ):
            budget.book(chat_id, now)  # nobody waits and the slot is free: no hop to the pump
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        queue = self._queues[priority]
        if not queue:  # an idle class does not bank the slots it did not use
            self._pass[priority] = max(self._pass[priority], self._virtual)
        queue.append(_Ticket(chat_id, future))
        assert self._wake is not None
        self._wake.set()
        await future

    def _start(self) -> None:
        if self._pump is None or self._pump.done():
            self._wake = asyncio.Event()
            self._pump = asyncio.create_task(self._run_pump(), name="outbound-lane")

    async def _run_pump(self) -> None:
        assert self._wake is not None
        wake = self._wake
        while True:
            wake.clear()
            if not self.waiting():
                await wake.wait()
                continue
            now = self._monotonic()
            opens = self.budget.overall_ready()
            if opens > now:
                await self._pause(opens - now)
                continue
            ticket = self._pick(now)
            if ticket is None:  # every waiting chat has just had a message
                await self._pause(self._earliest_chat(now) - now)
                continue
            if self._shared is not None:
                delay = await self._shared_delay()
                if delay > 0:
                    await self._sleep(delay)
                now = self._monotonic()
            self.budget.book(ticket.chat_id, now)
            if not ticket.future.done():
                ticket.future.set_result(None)

    async def _pause(self, seconds: float) -> None:
        assert self._wake is not None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), max(seconds, 0.0))

    def _pick(self, now: float) -> _Ticket | None:
        """Among the classes with a chat ready to send, the one furthest behind its share."""
        best: tuple[float, Priority, _Ticket] | None = None
        for priority, queue in self._queues.items():
            ticket = self._first_ready(queue, now)
            if ticket is not None and (best is None or self._pass[priority] < best[0]):
                best = (self._pass[priority], priority, ticket)
        if best is None:
            return None
        _, priority, ticket = best
        self._queues[priority].remove(ticket)
        self._virtual = self._pass[priority]
        self._pass[priority] += 1.0 / WEIGHTS[priority]
        return ticket

    def _first_ready(self, queue: deque[_Ticket], now: float) -> _Ticket | None:
        while queue and queue[0].future.done():  # the caller gave up (cancelled)
            queue.popleft()
        for index, ticket in enumerate(queue):
            if index >= _SCAN:
                break
            if not ticket.future.done() and self.budget.chat_ready(ticket.chat_id) <= now:
                return ticket
        return None

    def _earliest_chat(self, now: float) -> float:
        found = [
            self.budget.chat_ready(ticket.chat_id)
            for queue in self._queues.values()
            for index, ticket in enumerate(queue)
            if index < _SCAN
        ]
        return min(found, default=now + 0.05)

    def _hold(self, chat_id: int | None, seconds: float) -> None:
        self.budget.hold(chat_id, self._monotonic() + seconds)
        if self._wake is not None:
            self._wake.set()

    async def _shared_delay(self) -> float:
        assert self._shared is not None
        try:
            delay = await asyncio.to_thread(
                self._shared.reserve_send_slot, self.budget.spacing, CATCH_UP
            )
        except Exception as error:  # the database is away: keep sending at this process's pace
            if not self._shared_failed:
                log.warning("shared send budget unavailable (%r); pacing locally", error)
            self._shared_failed = True
            return 0.0
        if self._shared_failed:
            log.info("shared send budget available again")
            self._shared_failed = False
        return delay


def counted_chat(endpoint: str, data: dict[str, Any]) -> int | None:
    """The chat whose budget a call uses, or None for calls Telegram's message limits ignore."""
    sends = endpoint.startswith("send") and endpoint not in _UNCOUNTED_SENDS
    if not (sends or endpoint in _COUNTED_OTHERS):
        return None
    chat = data.get("chat_id")
    if chat is None:
        return None
    try:
        return int(chat)
    except (TypeError, ValueError):
        return -(abs(hash(str(chat))) % (1 << 40)) - 1  # "@channel": a group-like budget of its own


def retry_seconds(error: RetryAfter) -> float:
    """The wait Telegram asks for, in seconds."""
    # PTB 22 warns when retry_after is read as an int; read it whichever way it comes, quietly.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
