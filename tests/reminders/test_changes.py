"""Changes between two snapshots: what subscribers must be told after a reload."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.chats import ChatPrefs
from bot.clock import ManualClock
from bot.events.model import Location, When
from bot.events.revisions import MemoryRevisionStore, advance_revisions
from bot.reminders.changes import diff_snapshots, recipients
from bot.reminders.planner import Subscription
from bot.state import CalendarHolder, Snapshot

MSP = "ccw-msp-2007"
APII = "ccw-apii-conference-2007"
LATER = datetime(2007, 11, 2, tzinfo=UTC)


@pytest.fixture
def shipped(events_copy: Path, clock: ManualClock) -> CalendarHolder:
    """The shipped calendar, loaded (tests/reminders/conftest.py's ``holder`` has another one)."""
    loaded = CalendarHolder(events_copy, clock, MemoryRevisionStore())
    loaded.load()
    return loaded


def edited(previous: Snapshot, event_id: str | None = None, **update: object) -> Snapshot:
    """``previous`` with one event changed (or removed when no update is given)."""
    events = []
    for event in previous.calendar.events:
        if event.id != event_id:
            events.append(event)
        elif update:
            events.append(event.model_copy(update=update))
    calendar = previous.calendar.model_copy(update={"events": tuple(events)})
    revisions = advance_revisions(calendar, previous.revisions, LATER)
    return Snapshot(calendar, revisions, previous.version + 1, LATER)


def test_first_load_reports_no_changes(shipped: CalendarHolder) -> None:
    assert diff_snapshots(None, shipped.current) == []


def test_unchanged_reload_reports_nothing(shipped: CalendarHolder) -> None:
    assert diff_snapshots(shipped.current, edited(shipped.current)) == []


def test_new_dates_are_a_move_keyed_by_the_new_sequence(shipped: CalendarHolder) -> None:
    before = shipped.current
    after = edited(before, MSP, start=When.parse("2007-11-08"), end=When.parse("2007-11-14"))
    [change] = diff_snapshots(before, after)
    assert (change.kind, change.event_id, change.details) == ("moved", MSP, {"dates"})
    assert change.sequence == before.revisions[MSP].sequence + 1
    assert change.lead_key == f"change:{change.sequence}"


def test_new_place_is_a_relocation(shipped: CalendarHolder) -> None:
    after = edited(shipped.current, MSP, location=Location(city="Vienna", country="Austria"))
    [change] = diff_snapshots(shipped.current, after)
    assert (change.kind, change.details) == ("relocated", {"location"})


def test_cancellation_and_reinstatement(shipped: CalendarHolder) -> None:
    cancelled = edited(shipped.current, APII, status="cancelled")
    [change] = diff_snapshots(shipped.current, cancelled)
    assert change.kind == "cancelled"
    again = edited(cancelled, APII, status="confirmed")
    [back] = diff_snapshots(cancelled, again)
    assert back.kind == "reinstated"
    assert back.sequence > change.sequence


def test_removed_event_is_reported_with_its_last_version(shipped: CalendarHolder) -> None:
    after = edited(shipped.current, MSP)
    [change] = diff_snapshots(shipped.current, after)
    assert (change.kind, change.before, change.after) == (
        "removed",
        shipped.current.calendar.by_id[MSP],
        None,
    )


def test_added_event_is_reported(shipped: CalendarHolder) -> None:
    without = edited(shipped.current, MSP)
    [change] = diff_snapshots(without, shipped.current)
    assert (change.kind, change.event_id) == ("added", MSP)


def test_recipients_are_active_chats_whose_subscription_covers_the_event(
    shipped: CalendarHolder,
) -> None:
    [change] = diff_snapshots(shipped.current, edited(shipped.current, APII, status="cancelled"))
    subs = [
        Subscription(1, "all"),
        Subscription(1, f"event:{APII}"),
        Subscription(2, "kind:conference"),
        Subscription(3, f"event:{MSP}"),
        Subscription(4, "all", active=False),
        Subscription(5, "all"),
    ]
    chats = {5: ChatPrefs(5, active=False)}
    assert recipients(change, subs, chats) == [1, 2]
