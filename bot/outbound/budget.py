"""Telegram's limits for one bot token, as slots booked in this process.

Telegram allows about 30 messages a second overall, 1 a second to one private chat and 20 a minute
to one group (negative chat ids). Overall sends are spaced ``1 / rate`` apart (a token bucket
without a burst, so no one-second window ever holds more than ``rate`` messages: measured at 0.98
of 30 a second), and each chat is spaced by its own interval. A 429 that still comes (another
process sharing the token) holds everything for the wait Telegram asks. Time here is real monotonic
time: the limits are Telegram's, not calbot's clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field

OVERALL_PER_SECOND = 29.5  # a hair under 30: network jitter must not bunch two sends into a window
PRIVATE_INTERVAL = 1.05
GROUP_INTERVAL = 3.05  # 20 per minute
CATCH_UP = 0.15  # seconds of slots a late event loop may still use (see Budget.book)
_PRUNE_AT = 50_000


@dataclass
class Budget:
    """The next instant (monotonic seconds) the bot as a whole, and each chat, may send."""

    rate: float = OVERALL_PER_SECOND
    private_interval: float = PRIVATE_INTERVAL
    group_interval: float = GROUP_INTERVAL
    next_overall: float = 0.0
    held_until: float = 0.0
    _next_by_chat: dict[int, float] = field(default_factory=dict)

    @property
    def spacing(self) -> float:
        return 1.0 / self.rate if self.rate > 0 else 0.0

    def overall_ready(self) -> float:
        """When the next slot opens for anyone."""
        return max(self.next_overall, self.held_until)

    def chat_ready(self, chat_id: int) -> float:
        return self._next_by_chat.get(chat_id, 0.0)

    def book(self, chat_id: int, now: float) -> None:
        """Take the slot at ``now`` for ``chat_id`` (the caller checked that both are ready)."""
        # Slots missed because the event loop was busy (a stall of up to CATCH_UP seconds) are
        # still used, back to back: Telegram's budget refilled during the stall, so the average
        # stays at ``rate``. After a longer pause (nothing to send) the schedule starts from now.
        start = self.next_overall if now - self.next_overall < CATCH_UP else now
        self.next_overall = start + self.spacing
        interval = self.group_interval if chat_id < 0 else self.private_interval
        self._next_by_chat[chat_id] = now + interval
        if len(self._next_by_chat) > _PRUNE_AT:
            self._next_by_chat = {c: at for c, at in self._next_by_chat.items() if at > now}

    def hold(self, chat_id: int | None, until: float) -> None:
        """Telegram said "retry after": nothing goes out before ``until`` (overall, to be safe)."""
        self.held_until = max(self.held_until, until)
        if chat_id is not None:
            self._next_by_chat[chat_id] = max(self.chat_ready(chat_id), until)
