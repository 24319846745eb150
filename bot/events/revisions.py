"""Revisions: the SEQUENCE and last-modified instant of each event, kept across restarts.

iCalendar clients only update a subscribed event when its SEQUENCE rises, and churn when DTSTAMP
moves for nothing. So each event has a fingerprint of what matters to a delegate (dates, times,
zone, place, status); when it changes, the sequence rises and the modification instant is the moment
calbot saw the change. Unchanged data keeps its revision, so the feed stays byte-identical. Pure:
the store is passed in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.events.model import Calendar, Event


@dataclass(frozen=True)
class Revision:
    """What calbot last knew of one event."""

    event_id: str
    fingerprint: str
    sequence: int
    modified_utc: datetime


def fingerprint(event: Event) -> str:
    """A digest of the facts whose change a subscribed calendar must learn about."""
    place = event.location.text() if event.location else ""
    parts = (event.start.iso(), event.finish.iso(), event.timezone or "", place, event.status)
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def advance_revisions(
    calendar: Calendar, previous: Mapping[str, Revision], now_utc: datetime
) -> dict[str, Revision]:
    """The revisions after loading ``calendar``; events no longer present keep theirs."""
    result = dict(previous)
    for event in calendar.events:
        assert event.updated is not None  # the calendar fills it in
        known = previous.get(event.id)
        digest = fingerprint(event)
        if known is None:
            result[event.id] = Revision(event.id, digest, 0, event.updated)
        elif known.fingerprint == digest:
            if event.updated > known.modified_utc:
                result[event.id] = Revision(event.id, digest, known.sequence, event.updated)
        else:
            modified = max(now_utc, event.updated, known.modified_utc)
            result[event.id] = Revision(event.id, digest, known.sequence + 1, modified)
    return result


class RevisionStore(Protocol):
    """Where revisions survive a restart (the database; memory in tests and ``calbot feed``)."""

    def load_revisions(self) -> dict[str, Revision]: ...

    def save_revisions(self, revisions: Mapping[str, Revision]) -> None: ...


class MemoryRevisionStore:
    """Revisions kept in memory only."""

    def __init__(self) -> None:
        self._revisions: dict[str, Revision] = {}

    def load_revisions(self) -> dict[str, Revision]:
        return dict(self._revisions)

    def save_revisions(self, revisions: Mapping[str, Revision]) -> None:
        self._revisions = dict(revisions)
