"""Pure calendar queries: next, current, on a day, in a period; all-day dates are universal."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.config import DEFAULT_EVENTS_FILE
from bot.events.loader import load_calendar
from bot.events.model import Calendar
from bot.events.queries import (
    current_events,
    events_between,
    events_in_month,
    events_on,
    next_events,
    past_events,
)


@pytest.fixture(scope="module")
def shipped() -> Calendar:
    return load_calendar(DEFAULT_EVENTS_FILE)


def _ids(events: tuple) -> list[str]:
    return [event.id for event in events]


def test_next_events_are_the_soonest_not_yet_started(shipped: Calendar) -> None:
    now = datetime(2007, 11, 1, 8, tzinfo=UTC)
    assert _ids(next_events(shipped, now, 2)) == [
        "ccw-protocol-v-conference-2007",
        "ccw-apii-conference-2007",
    ]


def test_next_events_skip_what_is_on_now(shipped: Calendar) -> None:
    now = datetime(2007, 11, 9, 10, tzinfo=UTC)
    assert "ccw-msp-2007" not in _ids(next_events(shipped, now, 5))
    assert _ids(current_events(shipped, now)) == ["ccw-msp-2007"]


def test_nothing_next_after_the_last_event(shipped: Calendar) -> None:
    assert next_events(shipped, datetime(2010, 1, 1, tzinfo=UTC), 3) == ()


def test_past_events_are_most_recent_first(shipped: Calendar) -> None:
    past = past_events(shipped, datetime(2007, 11, 7, 12, tzinfo=UTC))
    assert _ids(past)[:2] == ["ccw-apii-conference-2007", "ccw-protocol-v-conference-2007"]


def test_a_naive_now_is_refused(shipped: Calendar) -> None:
    with pytest.raises(ValueError, match="aware"):
        next_events(shipped, datetime(2007, 11, 1), 3)


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Los_Angeles", "Pacific/Kiritimati", "UTC"])
def test_all_day_events_are_on_their_own_dates_in_every_zone(shipped: Calendar, zone: str) -> None:
    reader = ZoneInfo(zone)
    assert _ids(events_on(shipped, date(2007, 11, 5), reader)) == ["ccw-protocol-v-conference-2007"]
    assert _ids(events_on(shipped, date(2007, 11, 4), reader)) == []
    assert _ids(events_on(shipped, date(2007, 11, 13), reader)) == ["ccw-msp-2007"]
    assert _ids(events_on(shipped, date(2007, 11, 14), reader)) == []


def test_month_only_events_are_on_no_particular_day(shipped: Calendar) -> None:
    assert "ccw-gge-intersessional-2007" not in _ids(events_on(shipped, date(2007, 6, 10)))
    assert _ids(events_in_month(shipped, 2007, 6)) == ["ccw-gge-intersessional-2007"]


def test_events_between_overlap_the_period(shipped: Calendar) -> None:
    found = events_between(shipped, date(2007, 11, 6), date(2007, 11, 7))
    assert _ids(found) == ["ccw-apii-conference-2007", "ccw-msp-2007"]
    vague = events_between(shipped, date(2007, 6, 1), date(2007, 6, 30), include_vague=True)
    assert "ccw-gge-intersessional-2007" in _ids(vague)
