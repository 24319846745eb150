"""Data derived from a calendar or a knowledge file (a search index, a timeline, a vocabulary),
built once per object.

Calendars and knowledge are immutable and replaced whole on reload, so their identity is a sound
cache key; a few recent ones are kept, since a reload can overlap with requests still using the
previous one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from bot.events.model import Calendar

T = TypeVar("T")


def per_object(build: Callable[..., T], keep: int = 4) -> Callable[..., T]:
    """Wrap ``build`` so it runs once per combination of argument objects (by identity)."""
    built: dict[tuple[int, ...], tuple[tuple[object, ...], T]] = {}

    def get(*objects: object) -> T:
        key = tuple(map(id, objects))
        found = built.get(key)
        if found is None or any(a is not b for a, b in zip(found[0], objects, strict=True)):
            if len(built) >= keep:
                built.pop(next(iter(built)))
            found = (objects, build(*objects))
            built[key] = found
        return found[1]

    return get


def per_calendar(build: Callable[[Calendar], T], keep: int = 4) -> Callable[[Calendar], T]:
    """Wrap ``build`` so it runs once per calendar object."""
    return per_object(build, keep)
