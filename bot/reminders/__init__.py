"""Reminders: lead times, the planner (pure), change detection, and the services handlers share.

``leads`` reads lead times and computes due instants; ``planner`` turns events x subscriptions into
due ``Slot``s; ``changes`` compares two calendar snapshots; ``messages`` builds the reminders and
``texts`` describes lead times (their words are in ``bot.text.catalog``). The dispatcher,
sender and scheduler that act on slots live beside them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store imports the planner; importing it here at run time would be circular
    from bot.clock import Clock
    from bot.config import Settings
    from bot.state import CalendarHolder
    from bot.storage import Store


@dataclass(frozen=True)
class ReminderServices:
    """What the subscription commands and the reminder jobs need, built once at start."""

    store: Store
    holder: CalendarHolder
    clock: Clock
    settings: Settings
    # Called after a subscription, digest or snooze changes (the reminder service re-plans then).
    on_change: list[Callable[[], object]] = field(default_factory=list)

    def changed(self) -> None:
        for listener in list(self.on_change):
            listener()
