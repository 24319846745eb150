"""Calendar links and callback data for events, including awkward ones."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from bot.events.model import Calendar, Event
from bot.telegram.links import event_ref, google_calendar_url, outlook_url, resolve_ref

LONG_ID = "a-very-long-event-identifier-" + "x" * 34  # 63 characters, the most a slug may have


def _calendar(*events: Event) -> Calendar:
    return Calendar(name="Test", updated="2007-01-01T00:00:00Z", events=events)


def test_long_ids_are_hashed_to_fit_64_bytes_and_resolve_back() -> None:
    event = Event(id=LONG_ID, title="Long", kind="meeting", start="2007-11-05")
    data = event_ref(LONG_ID, "rem")
    assert len(data.encode()) <= 64
    found = resolve_ref(_calendar(event), data.split(":", 1)[1])
    assert found is not None and found.id == LONG_ID


def test_a_suffix_is_kept_whole_after_a_hashed_id() -> None:
    # "remind me 2 days and 3 hours before ...": the lead times ride after the event reference.
    event = Event(id=LONG_ID, title="Long", kind="meeting", start="2007-11-05")
    data = event_ref(LONG_ID, "rem", suffix="2d,1d@18h00,3h")
    assert len(data.encode()) <= 64 and data.endswith(":2d,1d@18h00,3h")
    _, ref, keys = data.split(":")
    found = resolve_ref(_calendar(event), ref)
    assert found is not None and found.id == LONG_ID and keys == "2d,1d@18h00,3h"
    assert event_ref("msp", "rem", suffix="1d") == "rem:msp:1d"


def test_short_ids_stay_readable() -> None:
    assert event_ref("ccw-msp-2007", "ics") == "ics:ccw-msp-2007"


def test_timed_events_link_with_utc_instants() -> None:
    event = Event(
        id="plenary",
        title="Plenary & vote",
        kind="meeting",
        start="2007-12-05T10:00:00-05:00",
        end="2007-12-05T13:00:00-05:00",
        timezone="America/New_York",
    )
    google = parse_qs(urlsplit(google_calendar_url(event) or "").query)
    assert google["dates"] == ["20071205T150000Z/20071205T180000Z"]
    assert google["text"] == ["Plenary & vote"]
    outlook = parse_qs(urlsplit(outlook_url(event) or "").query)
    assert outlook["startdt"] == ["2007-12-05T15:00:00Z"] and outlook["allday"] == ["false"]
    work = urlsplit(outlook_url(event, work=True) or "")
    assert (work.netloc, parse_qs(work.query)) == ("outlook.office.com", outlook)
    assert urlsplit(outlook_url(event) or "").netloc == "outlook.live.com"
