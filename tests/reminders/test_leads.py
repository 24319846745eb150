"""Lead times: the syntax, and the instant each lead gives for all-day and timed events."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.events.model import Calendar, Event
from bot.reminders.leads import (
    DEFAULT_LEADS,
    Lead,
    LeadError,
    due_utc,
    format_leads,
    local_instant,
    parse_lead,
    parse_leads,
)

ZURICH = ZoneInfo("Europe/Zurich")
TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")


def make_event(start: str, end: str | None = None, zone: str = "Europe/Zurich") -> Event:
    extra = {"timezone": zone} if "T" in start else {}
    calendar = Calendar(
        name="test",
        timezone=zone,
        updated=datetime(2007, 1, 1, tzinfo=UTC),
        events=[{"id": "e", "title": "E", "kind": "meeting", "start": start, "end": end, **extra}],
    )
    return calendar.events[0]


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("2d", Lead(days=2)),
        ("1w", Lead(days=7)),
        ("3h", Lead(minutes=180)),
        ("30m", Lead(minutes=30)),
        ("1d@09:00", Lead(days=1, at=time(9))),
        ("0D@8:00", Lead(days=0, at=time(8))),
    ],
)
def test_parse_lead_reads_each_unit(text: str, lead: Lead) -> None:
    assert parse_lead(text) == lead


@pytest.mark.parametrize("text", ["", "3x", "3h@09:00", "1d@25:00", "99d", "0m", "d"])
def test_parse_lead_refuses_nonsense(text: str) -> None:
    with pytest.raises(LeadError):
        parse_lead(text)


def test_leads_round_trip_through_their_stored_text() -> None:
    leads = parse_leads("3h, 1d@09:00 2d 90m")
    assert format_leads(leads) == "2d,1d@09:00,3h,90m"
    assert parse_leads(format_leads(leads)) == leads


def test_no_leads_means_the_day_before_and_the_morning_of() -> None:
    assert parse_leads("") == DEFAULT_LEADS
    assert format_leads(DEFAULT_LEADS) == "1d,0d"


def test_all_day_event_day_before_is_nine_in_the_chats_zone() -> None:
    event = make_event("2007-11-05")
    assert due_utc(event, Lead(days=1), ZURICH) == utc(2007, 11, 4, 8, 0)
    assert due_utc(event, Lead(days=1), TOKYO) == utc(2007, 11, 4, 0, 0)


def test_all_day_event_morning_of_is_eight_on_its_own_first_day() -> None:
    event = make_event("2007-11-05")
    # The meeting is on 5 November for a reader in New York too: 08:00 there on the 5th.
    assert due_utc(event, Lead(days=0), NEW_YORK) == utc(2007, 11, 5, 13, 0)


def test_all_day_event_hour_lead_counts_back_from_eight() -> None:
    assert due_utc(make_event("2007-11-05"), Lead(minutes=60), ZURICH) == utc(2007, 11, 5, 6, 0)


def test_all_day_event_reminder_never_falls_in_the_night() -> None:
    event = make_event("2007-11-05")
    # 08:00 - 3h = 05:00 local: moved to 07:00.
    assert due_utc(event, Lead(minutes=180), ZURICH) == utc(2007, 11, 5, 6, 0)
    # 23:00 the day before: moved to 07:00 the next morning.
    assert due_utc(event, Lead(days=1, at=time(23)), ZURICH) == utc(2007, 11, 5, 6, 0)


def test_month_precision_event_gets_no_reminder() -> None:
    assert due_utc(make_event("2007-06"), Lead(days=1), ZURICH) is None


def test_timed_event_hour_lead_is_absolute_across_the_end_of_summer_time() -> None:
    # 28 October 2007 03:30 CET is 02:30 UTC; three real hours before is 23:30 UTC, i.e. 01:30 CEST.
    event = make_event("2007-10-28T03:30:00+01:00", "2007-10-28T05:00:00+01:00")
    assert due_utc(event, Lead(minutes=180), ZURICH) == utc(2007, 10, 27, 23, 30)


def test_timed_event_day_before_keeps_the_wall_clock_across_a_dst_change() -> None:
    # 10:00 CET on the 28th; the day before at 10:00 CEST is 25 hours earlier, not 24.
    event = make_event("2007-10-28T10:00:00+01:00", "2007-10-28T12:00:00+01:00")
    assert due_utc(event, Lead(days=1), ZURICH) == utc(2007, 10, 27, 8, 0)


def test_repeated_hour_fires_once_at_its_first_occurrence() -> None:
    # 02:30 happens twice in Zurich on 28 October 2007; the reminder uses the first (CEST).
    assert local_instant(datetime(2007, 10, 28).date(), time(2, 30), ZURICH) == utc(
        2007, 10, 28, 0, 30
    )


def test_skipped_hour_fires_once_just_after_the_jump() -> None:
    # 02:30 does not exist in Zurich on 25 March 2007: read with CET it is 01:30 UTC = 03:30 CEST.
    event = make_event("2007-03-26T02:30:00+02:00", "2007-03-26T04:00:00+02:00")
    due = due_utc(event, Lead(days=1), ZURICH)
    assert due == utc(2007, 3, 25, 1, 30)
    assert due.astimezone(ZURICH).strftime("%H:%M %Z") == "03:30 CEST"


def test_timed_event_reminder_after_the_start_is_dropped() -> None:
    # Starts 07:00 local; "the morning of" (08:00) would be too late.
    event = make_event("2007-11-05T07:00:00+01:00", "2007-11-05T09:00:00+01:00")
    assert due_utc(event, Lead(days=0), ZURICH) is None


ZONES = ["Europe/Zurich", "Asia/Tokyo", "America/New_York", "Pacific/Auckland", "Asia/Kolkata"]
leads_strategy = st.one_of(
    st.builds(Lead, days=st.integers(0, 60)),
    st.builds(
        Lead,
        days=st.integers(0, 60),
        at=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    ),
    st.builds(Lead, minutes=st.integers(1, 60 * 24 * 60)),
)


@settings(max_examples=200, deadline=None)
@given(
    lead=leads_strategy,
    zone=st.sampled_from(ZONES),
    day=st.dates(min_value=date(2007, 1, 1), max_value=date(2008, 12, 31)),
)
def test_all_day_reminders_never_fire_in_the_night(lead: Lead, zone: str, day: date) -> None:
    due = due_utc(make_event(day.isoformat()), lead, ZoneInfo(zone))
    assert due is not None
    local = due.astimezone(ZoneInfo(zone)).time()
    assert time(7, 0) <= local < time(22, 0)


@settings(max_examples=200, deadline=None)
@given(
    lead=leads_strategy,
    zone=st.sampled_from(ZONES),
    start=st.datetimes(min_value=datetime(2007, 1, 1), max_value=datetime(2008, 12, 31)),
)
def test_timed_reminders_always_come_before_the_start(
    lead: Lead, zone: str, start: datetime
) -> None:
    begins = start.replace(second=0, microsecond=0, tzinfo=UTC).astimezone(ZURICH)
    ends = begins + timedelta(hours=1)
    event = make_event(begins.isoformat(), ends.isoformat())
    due = due_utc(event, lead, ZoneInfo(zone))
    assert due is None or due < event.starts_utc
