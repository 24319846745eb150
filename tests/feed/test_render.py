"""The iCalendar feed as calendar apps read it: three parsers, and bytes where they matter."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
import vobject

from bot.clock import ManualClock
from bot.events.revisions import MemoryRevisionStore
from bot.feed import FeedQueryError, UnknownEventError, render_event_ics, render_feed
from bot.state import CalendarHolder
from tests.feed.conftest import NASTY_DESCRIPTION, NASTY_TITLE
from tests.feed.parsers import vevent_block, with_ical, with_icalendar, with_vobject

BASE = "https://calbot.example.org"


def test_shipped_feed_reads_the_same_in_three_parsers(holder: CalendarHolder) -> None:
    data = render_feed(holder.current, BASE)
    parsed = with_icalendar(data)
    assert parsed == with_ical(data) == with_vobject(data)
    assert set(parsed) == {f"{event.id}@calbot" for event in holder.current.calendar.events}


def test_timed_and_awkward_feed_reads_the_same_in_three_parsers(
    test_holder: CalendarHolder,
) -> None:
    data = render_feed(test_holder.current, BASE)
    assert with_icalendar(data) == with_ical(data) == with_vobject(data)


def test_multi_day_meeting_ends_the_day_after_its_last_day(holder: CalendarHolder) -> None:
    block = vevent_block(render_feed(holder.current, BASE), "ccw-msp-2007@calbot")
    assert "DTSTART;VALUE=DATE:20071107\r\n" in block
    assert "DTEND;VALUE=DATE:20071114\r\n" in block


def test_month_only_meeting_covers_the_month_and_says_days_not_stated(
    holder: CalendarHolder,
) -> None:
    data = render_feed(holder.current, BASE)
    start, end, summary = with_icalendar(data)["ccw-gge-intersessional-2007@calbot"]
    assert (start, end) == (date(2007, 6, 1), date(2007, 7, 1))
    assert summary == "CCW GGE intersessional meeting (June 2007, days not stated)"
    block = vevent_block(data, "ccw-gge-intersessional-2007@calbot")
    assert "X-CALBOT-PRECISION:month\r\n" in block
    assert "do not state the days" in block


def test_calendar_properties_for_subscribers(holder: CalendarHolder) -> None:
    data = render_feed(holder.current, BASE)
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0"
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert str(calendar["X-WR-CALNAME"]) == str(calendar["NAME"]) == holder.current.calendar.name
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in data
    assert b"X-PUBLISHED-TTL:PT1H\r\n" in data
    assert b"SOURCE;VALUE=URI:https://calbot.example.org/calendar.ics\r\n" in data
    assert b"X-WR-TIMEZONE:Europe/Zurich\r\n" in data
    assert b"METHOD" not in data


def test_each_event_links_to_its_page_and_names_its_sources(holder: CalendarHolder) -> None:
    block = vevent_block(render_feed(holder.current, BASE), "ccw-protocol-v-conference-2007@calbot")
    assert "URL;VALUE=URI:https://calbot.example.org/events/ccw-protocol-v-conference-2007" in block
    assert "A/RES/62/57\\, preamble 5: “the First Conference" in block
    assert "Not stated:" in block
    assert "LOCATION:Geneva\\, Switzerland\r\n" in block
    assert "STATUS:CONFIRMED\r\n" in block
    assert "CATEGORIES:conference,States Parties to Protocol V" in block


def test_event_without_a_known_place_has_no_location(holder: CalendarHolder) -> None:
    block = vevent_block(render_feed(holder.current, BASE), "ccw-apii-conference-2007@calbot")
    assert "LOCATION" not in block


def test_no_control_characters_reach_the_feed(holder: CalendarHolder) -> None:
    data = render_feed(holder.current, BASE)
    assert not any(byte < 32 and byte not in (9, 10, 13) for byte in data)


def test_lines_fold_at_75_octets_without_splitting_a_character(
    test_holder: CalendarHolder,
) -> None:
    data = render_feed(test_holder.current, BASE)
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # folding did happen
    for line in lines:
        line.decode("utf-8")  # a split character would fail here
    assert with_icalendar(data)["dst-night@calbot"][2] == NASTY_TITLE


def test_every_line_ends_with_crlf(test_holder: CalendarHolder) -> None:
    data = render_feed(test_holder.current, BASE)
    assert data.endswith(b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n")


def test_text_is_escaped_and_reads_back_exactly(test_holder: CalendarHolder) -> None:
    data = render_feed(test_holder.current, BASE)
    block = vevent_block(data, "dst-night@calbot")
    assert "SUMMARY:Nachtsitzung in Genève\\; Zürich\\, Köln \\\\ naïve" in block
    assert "LOCATION:Palais des Nations\\, Salle XX\\, Genève\\, Suisse\r\n" in block
    (event,) = [
        event
        for event in icalendar.Calendar.from_ical(data).walk("VEVENT")
        if event["UID"] == "dst-night@calbot"
    ]
    assert str(event["DESCRIPTION"]) == NASTY_DESCRIPTION
    (vobject_event,) = [
        event
        for event in vobject.readOne(data.decode()).vevent_list
        if event.uid.value == "dst-night@calbot"
    ]
    assert vobject_event.description.value == NASTY_DESCRIPTION
    assert vobject_event.location.value == "Palais des Nations, Salle XX, Genève, Suisse"


def test_timed_event_across_the_dst_change_keeps_its_instants(
    test_holder: CalendarHolder,
) -> None:
    data = render_feed(test_holder.current, BASE)
    block = vevent_block(data, "dst-night@calbot")
    assert "DTSTART;TZID=Europe/Zurich:20071028T013000\r\n" in block
    assert "DTEND;TZID=Europe/Zurich:20071028T040000\r\n" in block
    expected = (
        datetime(2007, 10, 27, 23, 30, tzinfo=UTC),
        datetime(2007, 10, 28, 3, 0, tzinfo=UTC),
    )
    for parse in (with_icalendar, with_ical, with_vobject):
        assert parse(data)["dst-night@calbot"][:2] == expected


def test_a_vtimezone_for_each_zone_timed_events_use(test_holder: CalendarHolder) -> None:
    calendar = icalendar.Calendar.from_ical(render_feed(test_holder.current, BASE))
    zones = [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")]
    # Asia/Tokyo is used only by an all-day event, whose dates need no zone.
    assert zones == ["America/New_York", "Europe/Zurich"]


def test_filtered_feed_without_timed_events_has_no_vtimezone(
    test_holder: CalendarHolder,
) -> None:
    data = render_feed(test_holder.current, BASE, kind="background")
    assert b"VTIMEZONE" not in data


def test_cancelled_event_stays_marked_cancelled(test_holder: CalendarHolder) -> None:
    data = render_feed(test_holder.current, BASE)
    block = vevent_block(data, "called-off@calbot")
    assert "STATUS:CANCELLED\r\n" in block
    assert "SUMMARY:Cancelled: Called-off meeting\r\n" in block


def test_unchanged_data_gives_identical_bytes_whenever_rendered(
    events_copy: Path, clock: ManualClock
) -> None:
    first = CalendarHolder(events_copy, clock, MemoryRevisionStore())
    first.load()
    clock.advance(timedelta(days=40))
    second = CalendarHolder(events_copy, clock, MemoryRevisionStore())
    second.load()
    second.reload()
    assert render_feed(first.current, BASE) == render_feed(second.current, BASE)


def test_dtstamp_is_the_revision_instant_not_now(holder: CalendarHolder) -> None:
    block = vevent_block(render_feed(holder.current, BASE), "ccw-msp-2007@calbot")
    assert "DTSTAMP:20080115T000000Z\r\n" in block
    assert "LAST-MODIFIED:20080115T000000Z\r\n" in block
    assert "SEQUENCE:0\r\n" in block


def test_sequence_rises_when_a_date_changes_on_reload(
    holder: CalendarHolder, events_copy: Path, clock: ManualClock
) -> None:
    text = events_copy.read_text(encoding="utf-8")
    events_copy.write_text(text.replace('end: "2007-11-13"', 'end: "2007-11-14"'), "utf-8")
    clock.set(datetime(2008, 2, 1, 12, 0, tzinfo=UTC))
    assert holder.reload().changed
    data = render_feed(holder.current, BASE)
    changed = vevent_block(data, "ccw-msp-2007@calbot")
    assert "SEQUENCE:1\r\n" in changed
    assert "DTSTAMP:20080201T120000Z\r\n" in changed
    assert "DTEND;VALUE=DATE:20071115\r\n" in changed
    assert "SEQUENCE:0\r\n" in vevent_block(data, "ccw-apii-conference-2007@calbot")


def test_kind_filter_keeps_only_that_kind(holder: CalendarHolder) -> None:
    parsed = with_icalendar(render_feed(holder.current, BASE, kind="conference"))
    assert set(parsed) == {
        "ccw-protocol-v-conference-2007@calbot",
        "ccw-apii-conference-2007@calbot",
    }


def test_body_filter_is_a_case_insensitive_substring(holder: CalendarHolder) -> None:
    parsed = with_icalendar(render_feed(holder.current, BASE, body="general ASSEMBLY"))
    assert set(parsed) == {"unga-62-adoption-62-57@calbot", "unga-63-ccw-agenda-item@calbot"}


def test_body_matching_nothing_gives_an_empty_valid_calendar(holder: CalendarHolder) -> None:
    data = render_feed(holder.current, BASE, body="no such body")
    assert with_icalendar(data) == with_ical(data) == {}
    assert b"SOURCE;VALUE=URI:https://calbot.example.org/calendar.ics?body=no+such+body" in data


def test_unknown_kind_is_refused_with_the_accepted_kinds() -> None:
    from bot.feed import build_query

    with pytest.raises(FeedQueryError, match="conference, meeting, agenda_item, background"):
        build_query(kind="party")


def test_alarm_adds_a_reminder_to_each_live_event(test_holder: CalendarHolder) -> None:
    data = render_feed(test_holder.current, BASE, alarm="PT1H")
    for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
        alarms = event.walk("VALARM")
        if event["STATUS"] == "CANCELLED":
            assert alarms == []
            continue
        assert [alarm.decoded("TRIGGER") for alarm in alarms] == [timedelta(hours=-1)]
        assert alarms[0]["ACTION"] == "DISPLAY"
        assert str(alarms[0]["DESCRIPTION"]).startswith("Reminder: ")


@pytest.mark.parametrize("alarm", ["garbage", "PT", "P5W", "PT0S", "1H"])
def test_bad_alarm_is_refused_with_an_example(test_holder: CalendarHolder, alarm: str) -> None:
    with pytest.raises(FeedQueryError, match="PT1H"):
        render_feed(test_holder.current, BASE, alarm=alarm)


def test_single_event_file_holds_just_that_event(holder: CalendarHolder) -> None:
    data = render_event_ics(holder.current, "ccw-msp-2007", BASE)
    assert list(with_vobject(data)) == ["ccw-msp-2007@calbot"]
    assert with_icalendar(data) == with_ical(data)


def test_single_event_file_for_unknown_id_raises(holder: CalendarHolder) -> None:
    with pytest.raises(UnknownEventError):
        render_event_ics(holder.current, "no-such-event", BASE)


def test_a_thousand_events_render_and_parse() -> None:
    from tests.support.synthetic import synthetic_snapshot

    data = render_feed(synthetic_snapshot(1000), BASE)
    calendar = icalendar.Calendar.from_ical(data)
    assert len(calendar.walk("VEVENT")) == 1000
    assert {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")} == {
        "America/New_York",
        "Asia/Tokyo",
        "Europe/Zurich",
    }


def test_each_source_with_a_url_is_attached_to_its_event(holder: CalendarHolder) -> None:
    data = render_feed(holder.current, "https://cal.example.org")
    block = vevent_block(data, "ccw-msp-2007@calbot")
    assert "ATTACH:https://undocs.org/en/A/RES/62/57\r\n" in block
    parsed = icalendar.Calendar.from_ical(data)
    [event] = [e for e in parsed.walk("VEVENT") if str(e["UID"]) == "ccw-msp-2007@calbot"]
    assert str(event["ATTACH"]) == "https://undocs.org/en/A/RES/62/57"
    again = vobject.readOne(data.decode("utf-8"))
    [same] = [e for e in again.vevent_list if e.uid.value == "ccw-msp-2007@calbot"]
    assert same.attach.value == "https://undocs.org/en/A/RES/62/57"
    assert "<https://undocs.org/en/A/RES/62/57>" in same.description.value
