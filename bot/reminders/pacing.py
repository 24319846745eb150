"""Pacing: keeping calbot's sends inside Telegram's limits so that no 429 is ever provoked.

Telegram allows about 30 messages a second overall, 1 a second to one private chat and 20 a minute
to one group (negative chat ids). ``Pacer.wait_turn(chat_id)`` waits until both the chat and the bot
as a whole may send again and books the slot: overall sends are spaced ``1 / rate`` apart (a token
bucket without a burst, so no one-second window ever holds more than ``rate`` messages), and each
chat is spaced by its own interval. A 429 that still comes (another process sharing the token)
pushes everything back by the wait Telegram asks for. Time here is real monotonic time: the limits
are Telegram's, not calbot's clock.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

OVERALL_PER_SECOND = (
    29.5  # a hair under 30: network jitter must not bunch two sends into one window
)
PRIVATE_INTERVAL = 1.05
GROUP_INTERVAL = 3.05  # 20 per minute
_PRUNE_AT = 50_000


class Pacer:
    """Books send slots: overall rate and per-chat spacing."""

    def __init__(
        self,
        rate: float = OVERALL_PER_SECOND,
        *,
        private_interval: float = PRIVATE_INTERVAL,
        group_interval: float = GROUP_INTERVAL,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self._spacing = 1.0 / rate if rate > 0 else 0.0
        self._private_interval = private_interval
        self._group_interval = group_interval
        self._monotonic = monotonic
        self._sleep = sleep
        self._next_overall = 0.0
        self._next_by_chat: dict[int, float] = {}

    async def wait_turn(self, chat_id: int) -> None:
        """Return when a message to ``chat_id`` may go out; the slot is booked for the caller."""
        while True:
            now = self._monotonic()
            ready = self._next_by_chat.get(chat_id, 0.0)
            if ready <= now:
                break
            await self._sleep(ready - now)
        # No await between reading and booking: concurrent callers get distinct slots.
        slot = max(now, self._next_overall)
        self._next_overall = slot + self._spacing
        interval = self._group_interval if chat_id < 0 else self._private_interval
        self._next_by_chat[chat_id] = slot + interval
        if len(self._next_by_chat) > _PRUNE_AT:
            self._prune(now)
        if slot > now:
            await self._sleep(slot - now)

    def hold(self, chat_id: int, seconds: float) -> None:
        """Telegram said "retry after": nothing goes out before then (overall, to be safe)."""
        until = self._monotonic() + seconds
        self._next_overall = max(self._next_overall, until)
        self._next_by_chat[chat_id] = max(self._next_by_chat.get(chat_id, 0.0), until)

    def _prune(self, now: float) -> None:
        self._next_by_chat = {chat: at for chat, at in self._next_by_chat.items() if at > now}
