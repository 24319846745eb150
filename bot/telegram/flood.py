"""A per-user flood limit: a token bucket on calbot's clock.

Telegram itself limits what the bot sends; this protects the bot (and the other users) from one
person sending hundreds of messages. Beyond the limit the user is told once to slow down, then
ignored until the bucket refills.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from bot.clock import Clock

Verdict = Literal["ok", "warn", "drop"]


@dataclass
class _Bucket:
    tokens: float
    stamp: datetime
    warned: bool = False


@dataclass
class FloodLimit:
    """``capacity`` messages, refilled at ``capacity`` per ``period_seconds``."""

    clock: Clock
    capacity: int = 20
    period_seconds: float = 60.0
    _buckets: dict[int, _Bucket] = field(default_factory=dict)

    def check(self, user_id: int) -> Verdict:
        """Take one message from the user's bucket: ok, warn (first refusal) or drop."""
        now = self.clock.now()
        bucket = self._buckets.get(user_id)
        if bucket is None:
            bucket = self._buckets[user_id] = _Bucket(float(self.capacity), now)
        elapsed = max(0.0, (now - bucket.stamp).total_seconds())
        rate = self.capacity / self.period_seconds
        bucket.tokens = min(float(self.capacity), bucket.tokens + elapsed * rate)
        bucket.stamp = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            bucket.warned = False
            return "ok"
        if bucket.warned:
            return "drop"
        bucket.warned = True
        return "warn"
