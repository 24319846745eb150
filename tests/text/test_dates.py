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


# The four other UN languages: CLDR's own formats (a narrow no-break space before Russian "г.").
NB, THIN = "\u202f", "\u2009"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ar", "ar"), ("zh-hans", "zh"), ("zh_TW", "zh"), ("ru-RU", "ru"), ("es-419", "es")],
)
def test_the_six_un_languages_are_locales(lang: str, expected: str) -> None:
    assert locale_for(lang) == expected


@pytest.mark.parametrize(
    ("lang", "full", "short"),
    [
        ("ar", "الاثنين، 5 نوفمبر 2007", "5 نوفمبر 2007"),
        ("zh", "2007年11月5日星期一", "2007年11月5日"),
        ("ru", f"понедельник, 5 ноября 2007{NB}г.", f"5 ноября 2007{NB}г."),
        ("es", "lunes, 5 de noviembre de 2007", "5 de noviembre de 2007"),
    ],
)
def test_days_in_each_locales_own_format(lang: str, full: str, short: str) -> None:
    assert format_day(date(2007, 11, 5), lang) == full
    assert format_day(date(2007, 11, 5), lang, weekday=False) == short


@pytest.mark.parametrize(
    ("lang", "same_month", "two_months", "two_years"),
    [
        ("ar", "7–13 نوفمبر 2007", "30 أكتوبر – 2 نوفمبر 2007",
         "30 ديسمبر 2007 – 2 يناير 2008"),
        ("zh", f"2007年11月7日{THIN}–{THIN}13日", f"2007年10月30日{THIN}–{THIN}11月2日",
         f"2007年12月30日{THIN}–{THIN}2008年1月2日"),
        ("ru", f"7–13 ноября 2007{NB}г.", f"30 октября – 2 ноября 2007{NB}г.",
         f"30 декабря 2007{NB}г. – 2 января 2008{NB}г."),
        ("es", "7–13 de noviembre de 2007", f"30 de octubre{THIN}–{THIN}2 de noviembre de 2007",
         f"30 de diciembre de 2007{THIN}–{THIN}2 de enero de 2008"),
    ],
)  # fmt: skip
def test_ranges_in_each_locales_own_format(
    lang: str, same_month: str, two_months: str, two_years: str
) -> None:
    assert format_day_range(date(2007, 11, 7), date(2007, 11, 13), lang) == same_month
    assert format_day_range(date(2007, 10, 30), date(2007, 11, 2), lang) == two_months
    assert format_day_range(date(2007, 12, 30), date(2008, 1, 2), lang) == two_years


@pytest.mark.parametrize(
    ("lang", "month", "instant", "short"),
    [
        ("ar", "يونيو 2007", "الاثنين، 5 نوفمبر 2007، 10:00 CET", "5 نوفمبر 2007، 10:00"),
        ("zh", "2007年6月", "2007年11月5日星期一 10:00 CET", "2007年11月5日 10:00"),
        ("ru", f"июнь 2007{NB}г.", f"понедельник, 5 ноября 2007{NB}г., 10:00 CET",
         f"5 нояб. 2007{NB}г., 10:00"),
        ("es", "junio de 2007", "lunes, 5 de noviembre de 2007, 10:00 CET", "5 nov 2007, 10:00"),
    ],
)  # fmt: skip
def test_months_instants_and_list_dates_per_locale(
    lang: str, month: str, instant: str, short: str
) -> None:
    assert format_when(When.parse("2007-06"), lang) == month
    moment = datetime(2007, 11, 5, 9, 0, tzinfo=UTC)
    assert format_instant(moment, ZoneInfo("Europe/Zurich"), lang) == instant
    assert format_datetime_short(moment, ZoneInfo("Europe/Zurich"), lang) == short
