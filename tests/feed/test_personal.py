"""The personal feed's pure core: which events a chat's subscriptions select, and their alarms.

Uses the feed tests' calendar (a timed meeting across the autumn DST night, a New York session, a
cancelled all-day meeting, a month-only meeting, a Tokyo all-day span) and renders through
``render_selection``, read back by icalendar and vobject.
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import icalendar
import vobject

from bot.feed.personal import personal_feed_url, select_events
from bot.feed.render import render_selection
from bot.reminders.leads import parse_leads
from bot.reminders.planner import Subscription
from bot.state import CalendarHolder

ZURICH = ZoneInfo("Europe/Zurich")
TOKYO = ZoneInfo("Asia/Tokyo")


def sub(scope: str, leads: str = "1d 0d", active: bool = True) -> Subscription:
    return Subscription(1, scope, parse_leads(leads), active)


def test_an_event_and_a_kind_select_exactly_their_events(test_holder: CalendarHolder) -> None:
    calendar = test_holder.current.calendar
    chosen = select_events(calendar, [sub("event:ny-session"), sub("kind:background")], ZURICH)
    assert set(chosen.event_ids) == {"ny-session", "all-day-tokyo"}


def test_ended_subscriptions_select_nothing(test_holder: CalendarHolder) -> None:
    calendar = test_holder.current.calendar
    assert select_events(calendar, [sub("all", active=False)], ZURICH).event_ids == ()


def test_leads_of_two_subscriptions_to_one_event_are_merged_once(
    test_holder: CalendarHolder,
) -> None:
    calendar = test_holder.current.calendar
    subs = [sub("event:ny-session", "3h 1d"), sub("kind:conference", "3h 30m")]
    [(event_id, alarms)] = select_events(calendar, subs, ZURICH).entries
    assert event_id == "ny-session"
    assert alarms == (timedelta(days=1), timedelta(hours=3), timedelta(minutes=30))


def test_all_day_alarms_ring_at_the_chats_local_times(test_holder: CalendarHolder) -> None:
    calendar = test_holder.current.calendar
    chosen = select_events(calendar, [sub("event:all-day-tokyo", "2d 1d@18:00 0d 1h")], TOKYO)
    [(_, alarms)] = chosen.entries
    # Offsets from local midnight of 7 November: 09:00 two days before, 18:00 the day before,
    # 08:00 on the day, and one hour before 08:00.
    assert alarms == (
        timedelta(days=1, hours=15),
        timedelta(hours=6),
        -timedelta(hours=7),
        -timedelta(hours=8),
    )


def test_a_month_only_meeting_is_listed_without_alarms(test_holder: CalendarHolder) -> None:
    chosen = select_events(test_holder.current.calendar, [sub("event:month-only")], ZURICH)
    assert chosen.entries == (("month-only", ()),)


def test_the_rendered_feed_carries_the_alarms_and_no_alarm_for_a_cancelled_meeting(
    test_holder: CalendarHolder,
) -> None:
    snapshot = test_holder.current
    subs = [sub("event:ny-session", "3h"), sub("event:called-off", "1d")]
    chosen = select_events(snapshot.calendar, subs, ZURICH)
    events = [(snapshot.calendar.get(i), alarms) for i, alarms in chosen.entries]
    url = personal_feed_url("https://cal.example.org/", "T0ken")
    data = render_selection(snapshot, "https://cal.example.org", url, "Mine", events)  # type: ignore[arg-type]
    parsed = icalendar.Calendar.from_ical(data)
    triggers = {
        str(e["UID"]): [a.decoded("TRIGGER") for a in e.walk("VALARM")]
        for e in parsed.walk("VEVENT")
    }
    assert triggers == {"ny-session@calbot": [-timedelta(hours=3)], "called-off@calbot": []}
    assert str(parsed["SOURCE"]) == "https://cal.example.org/feeds/T0ken.ics"
    again = vobject.readOne(data.decode("utf-8"))
    assert sorted(e.status.value for e in again.vevent_list) == ["CANCELLED", "CONFIRMED"]
