"""Who goes first when several sends wait for the same budget.

A person waiting for a reply goes before bulk work, a reminder due now before a change notice,
a change notice before a digest, a digest before a broadcast. Strict order would let a burst of a
thousand replies hold a due reminder for half a minute, so the lane shares the slots by weight
(stride scheduling): while every class is waiting, each gets ``weight / sum(weights)`` of the slots,
and an idle class's share goes to the others. A reminder therefore starts within a slot or two of
its due instant even during a burst of replies, and a broadcast never starves reminders.
"""

from __future__ import annotations

from enum import IntEnum


class Priority(IntEnum):
    """Passed to a bot method as ``rate_limit_args``; a call without it is a reply."""

    REPLY = 0
    REMINDER = 1
    CHANGE = 2
    DIGEST = 3
    BROADCAST = 4


# Slots per round while classes wait together: through a reminder fan-out, replies keep 24/28 of
# the rate (25 a second) and reminders 4/28 (4 a second); with every class waiting, 24/30 and 4/30.
WEIGHTS: dict[Priority, float] = {
    Priority.REPLY: 24.0,
    Priority.REMINDER: 4.0,
    Priority.CHANGE: 1.0,
    Priority.DIGEST: 0.5,
    Priority.BROADCAST: 0.5,
}
