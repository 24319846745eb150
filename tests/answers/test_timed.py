"""Timed events (none shipped): shown in the reader's zone and language, on the reader's days."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.answers.engine import answer
from bot.answers.render import render_text
from bot.events.model import Calendar
from bot.events.queries import events_on


@pytest.fixture
def timed_calendar() -> Calendar:
    return Calendar.model_validate(
        {
            "name": "Timed",
            "timezone": "Europe/Zurich",
            "updated": "2007-01-01T00:00:00Z",
            "events": [
                {
                    "id": "briefing",
                    "title": "Press briefing on the Protocol V conference",
                    "short_name": "Press briefing",
                    "kind": "meeting",
                    "start": "2007-11-05T10:00:00+01:00",
                    "end": "2007-11-05T13:00:00+01:00",
                    "timezone": "Europe/Zurich",
                    "location": {"city": "Geneva"},
                },
                {
                    "id": "late-call",
                    "title": "Late coordination call",
                    "kind": "meeting",
                    "start": "2007-11-05T23:00:00+01:00",
                    "end": "2007-11-05T23:30:00+01:00",
                    "timezone": "Europe/Zurich",
                },
            ],
        }
    )


NOW = datetime(2007, 11, 1, 8, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "lang", "expected", "absent"),
    [
        ("Europe/Zurich", "en", "Monday, 5 November 2007, 10:00–13:00 CET", "18:00"),
        ("Asia/Tokyo", "en", "Monday, 5 November 2007, 18:00–21:00 JST", "10:00"),
        ("America/New_York", "en", "Monday, 5 November 2007, 04:00–07:00 EST", "10:00"),
        ("Asia/Tokyo", "fr", "lundi 5 novembre 2007, 18:00–21:00", "November"),
    ],
)
def test_a_timed_event_is_shown_in_the_readers_zone_and_language(
    timed_calendar: Calendar, zone: str, lang: str, expected: str, absent: str
) -> None:
    text = render_text(answer("when is the press briefing", NOW, zone, lang, timed_calendar))
    assert expected in text
    assert absent not in text


def test_a_timed_event_close_by_counts_down_in_hours(timed_calendar: Calendar) -> None:
    now = datetime(2007, 11, 5, 6, 30, tzinfo=UTC)  # 07:30 in Geneva, 2.5 hours before
    text = render_text(
        answer("how long until the press briefing", now, "UTC", "en", timed_calendar)
    )
    assert "starts in about 3 hours" in text


def test_a_timed_event_lasts_hours_not_days(timed_calendar: Calendar) -> None:
    text = render_text(answer("how long is the press briefing", NOW, "UTC", "en", timed_calendar))
    assert "about 3 hours" in text
    assert "days" not in text


def test_a_late_evening_call_in_geneva_is_on_the_next_day_in_tokyo(
    timed_calendar: Calendar,
) -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    assert [e.id for e in events_on(timed_calendar, date(2007, 11, 6), tokyo)] == ["late-call"]
    assert [
        e.id for e in events_on(timed_calendar, date(2007, 11, 5), ZoneInfo("Europe/Zurich"))
    ] == [
        "briefing",
        "late-call",
    ]


def test_whats_on_tomorrow_in_tokyo_includes_the_late_call(timed_calendar: Calendar) -> None:
    now = datetime(2007, 11, 5, 1, tzinfo=UTC)  # 5 November, 10:00 in Tokyo
    text = render_text(answer("what's on tomorrow", now, "Asia/Tokyo", "en", timed_calendar))
    assert "Late coordination call" in text
    assert "Press briefing" not in text
