"""Date formatting per locale: days, ranges, precision kept, reader's zone for timed values."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.events.when import When
from bot.text.dates import (
    format_datetime_short,
    format_day,
    format_day_range,
    format_instant,
    format_when,
    locale_for,
)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "en"), ("fr-CA", "fr"), ("fr_FR", "fr"), ("de", "en"), (None, "en")],
)
def test_locale_for_telegram_language_codes(lang: str | None, expected: str) -> None:
    assert locale_for(lang) == expected


def test_days_in_english_and_french() -> None:
    assert format_day(date(2007, 11, 5), "en") == "Monday, 5 November 2007"
    assert format_day(date(2007, 11, 5), "fr") == "lundi 5 novembre 2007"


@pytest.mark.parametrize(
    ("first", "last", "lang", "expected"),
    [
        (date(2007, 11, 7), date(2007, 11, 13), "en", "7–13 November 2007"),
        (date(2007, 10, 30), date(2007, 11, 2), "en", "30 October – 2 November 2007"),
        (date(2007, 12, 30), date(2008, 1, 2), "en", "30 December 2007 – 2 January 2008"),
        (date(2007, 11, 7), date(2007, 11, 13), "fr", "7–13 novembre 2007"),
    ],
)
def test_day_ranges(first: date, last: date, lang: str, expected: str) -> None:
    assert format_day_range(first, last, lang) == expected


def test_a_month_is_never_shown_with_a_day() -> None:
    assert format_when(When.parse("2007-06"), "en") == "June 2007"
    assert format_when(When.parse("2007-06"), "fr") == "juin 2007"
    assert format_when(When.parse("2007"), "en") == "2007"


def test_an_instant_is_shown_in_the_readers_zone() -> None:
    instant = datetime(2007, 11, 5, 9, tzinfo=UTC)
    assert format_instant(instant, ZoneInfo("Asia/Tokyo")) == "Monday, 5 November 2007, 18:00 JST"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("es", "lunes, 5 de noviembre de 2007"),
        ("ru", "понедельник, 5 ноября 2007\u202fг."),  # CLDR: a narrow no-break space
        ("zh", "2007年11月5日星期一"),
        ("ar", "الاثنين، 5 نوفمبر 2007"),
    ],
)
def test_days_in_each_locales_own_format(lang: str, expected: str) -> None:
    assert format_day(date(2007, 11, 5), lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("es", "7–13 de noviembre de 2007"),
        ("ru", "7—13 нояб. 2007\u202fг."),
        ("zh", "2007年11月7日\u2009–\u200913日"),
        ("ar", "7–13 نوفمبر 2007"),
    ],
)
def test_ranges_through_each_locales_interval_format(lang: str, expected: str) -> None:
    assert format_day_range(date(2007, 11, 7), date(2007, 11, 13), lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("es", "junio de 2007"),
        ("ru", "июнь 2007\u202fг."),
        ("zh", "2007年6月"),
        ("ar", "يونيو 2007"),
    ],
)
def test_a_month_in_each_locale(lang: str, expected: str) -> None:
    assert format_when(When.parse("2007-06"), lang) == expected


@pytest.mark.parametrize(("code", "expected"), [("zh-hans", "zh"), ("ar", "ar"), ("ru-RU", "ru")])
def test_the_six_un_languages_are_supported(code: str, expected: str) -> None:
    assert locale_for(code) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", "2007年11月5日星期一 18:00 JST"),
        ("ar", "الاثنين، 5 نوفمبر 2007، 18:00 JST"),
        ("es", "lunes, 5 de noviembre de 2007, 18:00 JST"),
    ],
)
def test_an_instant_joins_date_and_time_as_the_locale_does(lang: str, expected: str) -> None:
    instant = datetime(2007, 11, 5, 9, tzinfo=UTC)
    assert format_instant(instant, ZoneInfo("Asia/Tokyo"), lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "5 Nov 2007, 10:00"),
        ("zh", "2007年11月5日 10:00"),
        ("ar", "5 نوفمبر 2007، 10:00"),
    ],
)
def test_short_date_times_in_each_locale(lang: str, expected: str) -> None:
    instant = datetime(2007, 11, 5, 9, tzinfo=UTC)
    assert format_datetime_short(instant, ZoneInfo("Europe/Zurich"), lang) == expected
