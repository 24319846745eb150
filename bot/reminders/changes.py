"""Changes: what a delegate must hear about when the calendar is reloaded.

``diff_snapshots(previous, current)`` compares two snapshots event by event and returns one
``Change`` per event that was added, removed, cancelled, reinstated, moved (dates or times) or
relocated. A change that is both moved and relocated is one ``Change`` (kind ``moved``, both in
``details``), so a subscriber gets one notice; its delivery-log key is ``Change.lead_key``
(``change:<sequence>``) at ``Change.sequence``. ``recipients`` says which chats should hear of it.
Pure: no clock, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from bot.chats import ChatPrefs
from bot.events.model import Event
from bot.reminders.planner import Subscription
from bot.state import Snapshot

ChangeKind = Literal["added", "removed", "cancelled", "reinstated", "moved", "relocated"]
Detail = Literal["dates", "time", "location", "status"]


@dataclass(frozen=True)
class Change:
    """One event's change between two snapshots."""

    kind: ChangeKind
    event_id: str
    sequence: int  # the event's revision after the change
    before: Event | None
    after: Event | None
    details: frozenset[Detail] = frozenset()

    @property
    def lead_key(self) -> str:
        return f"change:{self.sequence}"

    @property
    def event(self) -> Event:
        """The event as it is now (as it was, for a removed one)."""
        found = self.after or self.before
        assert found is not None
        return found


def diff_snapshots(previous: Snapshot | None, current: Snapshot) -> list[Change]:
    """The changes from ``previous`` to ``current``; none on the first load."""
    if previous is None:
        return []
    # Built here rather than Calendar.by_id: a cached property survives model_copy and can be stale.
    old = {event.id: event for event in previous.calendar.events}
    new = {event.id: event for event in current.calendar.events}
    changes: list[Change] = []
    for event_id, after in new.items():
        sequence = _sequence(current, event_id)
        before = old.get(event_id)
        if before is None:
            changes.append(Change("added", event_id, sequence, None, after))
            continue
        change = _compare(before, after, sequence)
        if change is not None:
            changes.append(change)
    for event_id, before in old.items():
        if event_id not in new:
            # The event keeps its last revision; one past it keys the removal notice.
            sequence = _sequence(previous, event_id) + 1
            changes.append(Change("removed", event_id, sequence, before, None))
    return changes


def _compare(before: Event, after: Event, sequence: int) -> Change | None:
    details: set[Detail] = set()
    if (before.start.iso(), before.finish.iso()) != (after.start.iso(), after.finish.iso()):
        same_days = (before.first_day, before.last_day) == (after.first_day, after.last_day)
        details.add("time" if same_days else "dates")
    elif before.timezone != after.timezone and before.is_timed:
        details.add("time")
    if _place(before) != _place(after):
        details.add("location")
    kind: ChangeKind | None = None
    if before.status != "cancelled" and after.status == "cancelled":
        kind = "cancelled"
    elif before.status == "cancelled" and after.status != "cancelled":
        kind = "reinstated"
    elif details & {"dates", "time"}:
        kind = "moved"
    elif details:
        kind = "relocated"
    if kind is None:
        return None
    if kind in ("cancelled", "reinstated"):
        details.add("status")
    return Change(kind, after.id, sequence, before, after, frozenset(details))


def _place(event: Event) -> str:
    return event.location.text() if event.location else ""


def _sequence(snapshot: Snapshot, event_id: str) -> int:
    revision = snapshot.revisions.get(event_id)
    return revision.sequence if revision else 0


def recipients(
    change: Change, subscriptions: Iterable[Subscription], chats: Mapping[int, ChatPrefs]
) -> list[int]:
    """Chats with an active subscription covering the event (as it was or is), each once, sorted."""
    events = [event for event in (change.before, change.after) if event is not None]
    found = {
        sub.chat_id
        for sub in subscriptions
        if sub.active
        and chats.get(sub.chat_id, ChatPrefs(sub.chat_id)).active
        and any(sub.matches(event) for event in events)
    }
    return sorted(found)
