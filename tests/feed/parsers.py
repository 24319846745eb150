"""Three independent iCalendar parsers reduced to the same shape, so tests can compare them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import icalendar
import vobject
from ical.calendar_stream import IcsCalendarStream

Moment = date | datetime
Parsed = dict[str, tuple[Moment, Moment, str]]


def _norm(value: Moment) -> Moment:
    if isinstance(value, datetime):
        assert value.tzinfo is not None, "a floating time in the feed"
        return value.astimezone(UTC)
    return value


def with_icalendar(data: bytes) -> Parsed:
    calendar = icalendar.Calendar.from_ical(data)
    return {
        str(event["UID"]): (
            _norm(event.decoded("DTSTART")),
            _norm(event.decoded("DTEND")),
            str(event["SUMMARY"]),
        )
        for event in calendar.walk("VEVENT")
    }


def with_ical(data: bytes) -> Parsed:
    calendar = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    return {
        str(event.uid): (_norm(event.dtstart), _norm(event.dtend), str(event.summary))
        for event in calendar.events
    }


def with_vobject(data: bytes) -> Parsed:
    calendar = vobject.readOne(data.decode("utf-8"))
    return {
        event.uid.value: (
            _norm(event.dtstart.value),
            _norm(event.dtend.value),
            event.summary.value,
        )
        for event in calendar.vevent_list
    }


def vevent_block(data: bytes, uid: str) -> str:
    """The unfolded text of the VEVENT with this UID, for assertions on raw properties."""
    text = data.decode("utf-8").replace("\r\n ", "")
    for block in text.split("BEGIN:VEVENT")[1:]:
        if f"UID:{uid}\r\n" in block:
            return block.split("END:VEVENT")[0]
    raise AssertionError(f"no VEVENT with UID {uid}")
