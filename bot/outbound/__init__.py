"""The outbound lane: every Bot API call that counts against Telegram's limits goes through it.

``priority`` names who waits (a person before bulk work), ``budget`` keeps Telegram's limits for
this process (overall, per chat, per group), ``shared`` keeps the overall one across processes in
the database, and ``lane`` is the python-telegram-bot ``BaseRateLimiter`` that ties them together
and retries what Telegram asks to be retried.
"""

from __future__ import annotations

from bot.outbound.lane import OutboundLane
from bot.outbound.priority import Priority

__all__ = ["OutboundLane", "Priority"]
