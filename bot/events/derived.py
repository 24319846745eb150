"""Data derived from a calendar (a search index, a timeline), built once per calendar object.

A calendar is immutable and replaced whole on reload, so its identity is a sound cache key; a few
recent calendars are kept, since a reload can overlap with requests still using the previous one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from bot.events.model import Calendar

T = TypeVar("T")


def per_calendar(build: Callable[[Calendar], T], keep: int = 4) -> Callable[[Calendar], T]:
    """Wrap ``build`` so it runs once per calendar object."""
    built: dict[int, tuple[Calendar, T]] = {}

    def get(calendar: Calendar) -> T:
        found = built.get(id(calendar))
        if found is None or found[0] is not calendar:
            if len(built) >= keep:
                built.pop(next(iter(built)))
            found = (calendar, build(calendar))
            built[id(calendar)] = found
        return found[1]

    return get
