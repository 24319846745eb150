"""`When`: dates keep the precision the source states; ambiguous values are refused clearly."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from bot.events.when import When


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("2007", "year", date(2007, 1, 1), date(2007, 12, 31)),
        ("2007-06", "month", date(2007, 6, 1), date(2007, 6, 30)),
        ("2008-02", "month", date(2008, 2, 1), date(2008, 2, 29)),
        ("2007-11-05", "day", date(2007, 11, 5), date(2007, 11, 5)),
    ],
)
def test_a_date_covers_exactly_what_it_states(
    text: str, precision: str, first: date, last: date
) -> None:
    when = When.parse(text)
    assert (when.precision, when.day, when.last_day, when.iso()) == (precision, first, last, text)


def test_a_timed_value_keeps_its_offset_and_knows_utc() -> None:
    when = When.parse("2007-11-05T10:00:00+01:00")
    assert when.is_timed and when.iso() == "2007-11-05T10:00:00+01:00"
    assert when.instant_utc == datetime(2007, 11, 5, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12:30", "'12:30' is a time of day without a date"),
        ("2007-11-05T10:00", "'2007-11-05T10:00' is a date-time without a UTC offset"),
        ("2007-02-29", "'2007-02-29' is not a real date: day is out of range for month"),
        ("2007-13", "'2007-13' is not a real date: month must be in 1..12"),
        ("0207-11-05", "'0207-11-05' is not a real date: the year must be between 1900 and 2999"),
        ("9999-12-31T23:00:00+01:00", "the year must be between 1900 and 2999"),
        ("2007-11-05T25:00+01:00", "'2007-11-05T25:00+01:00' is not a valid date-time"),
        ("5 November 2007", "'5 November 2007' is not a date; use 2007-11-05 (a day)"),
        ("٢٠٠٧", "is not a date"),
    ],
)
def test_unclear_values_are_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        When.parse(text)
