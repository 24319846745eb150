"""Days named in questions, read against the reader's own date, in the six languages."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answers.periods import find_period

TODAY = date(2007, 11, 1)  # a Thursday


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("what's on today", date(2007, 11, 1), date(2007, 11, 1)),
        ("tomorrow?", date(2007, 11, 2), date(2007, 11, 2)),
        ("qu'est-ce qui se passe demain ?", date(2007, 11, 2), date(2007, 11, 2)),
        ("aujourd'hui", date(2007, 11, 1), date(2007, 11, 1)),
        ("day after tomorrow", date(2007, 11, 3), date(2007, 11, 3)),
        ("this week", date(2007, 10, 29), date(2007, 11, 4)),
        ("next week", date(2007, 11, 5), date(2007, 11, 11)),
        ("la semaine prochaine", date(2007, 11, 5), date(2007, 11, 11)),
        ("on Monday", date(2007, 11, 5), date(2007, 11, 5)),
        ("on Thursday", date(2007, 11, 1), date(2007, 11, 1)),
        ("next thursday", date(2007, 11, 8), date(2007, 11, 8)),
        ("mardi", date(2007, 11, 6), date(2007, 11, 6)),
        ("in 3 days", date(2007, 11, 4), date(2007, 11, 4)),
        ("dans 5 jours", date(2007, 11, 6), date(2007, 11, 6)),
        ("on 5 November", date(2007, 11, 5), date(2007, 11, 5)),
        ("November 7th", date(2007, 11, 7), date(2007, 11, 7)),
        ("le 6 novembre 2007", date(2007, 11, 6), date(2007, 11, 6)),
        ("2007-11-13", date(2007, 11, 13), date(2007, 11, 13)),
        ("in june 2007", date(2007, 6, 1), date(2007, 6, 30)),
        ("this month", date(2007, 11, 1), date(2007, 11, 30)),
        ("next month", date(2007, 12, 1), date(2007, 12, 31)),
        ("what's on this weekend", date(2007, 11, 3), date(2007, 11, 4)),
        ("ce week-end ?", date(2007, 11, 3), date(2007, 11, 4)),
        ("in june", date(2007, 6, 1), date(2007, 6, 30)),
    ],
)
def test_period(text: str, first: date, last: date) -> None:
    period = find_period(text, TODAY)
    assert period is not None and (period.first, period.last) == (first, last)


@pytest.mark.parametrize(
    "text", ["when is the msp", "31 february", "in 99999 days", "you may ask", "", "2007-02-30"]
)
def test_no_period(text: str) -> None:
    assert find_period(text, TODAY) is None


def test_the_first_period_written_wins() -> None:
    text = "the meetings in November 2007, for a piece published next week"
    period = find_period(text, TODAY)
    assert period is not None and (period.first, period.last) == (
        date(2007, 11, 1),
        date(2007, 11, 30),
    )


def test_a_month_without_a_year_is_the_nearest_one() -> None:
    period = find_period("what happened in november?", date(2008, 1, 10))
    assert period is not None and period.first == date(2007, 11, 1)
    period = find_period("what's on 5 december", date(2008, 1, 10))
    assert period is not None and period.first == date(2007, 12, 5)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("¿Qué reuniones hay en noviembre?", date(2007, 11, 1), date(2007, 11, 30)),
        ("¿Qué hubo en junio de 2007?", date(2007, 6, 1), date(2007, 6, 30)),
        ("¿Qué hay el mes que viene?", date(2007, 12, 1), date(2007, 12, 31)),
        ("¿Qué reuniones hay en 2008?", date(2008, 1, 1), date(2008, 12, 31)),
        ("Какие совещания в ноябре?", date(2007, 11, 1), date(2007, 11, 30)),
        ("Что будет в этом месяце?", date(2007, 11, 1), date(2007, 11, 30)),
        ("Что было в прошлом месяце?", date(2007, 10, 1), date(2007, 10, 31)),
        ("Какие мероприятия в 2008 году?", date(2008, 1, 1), date(2008, 12, 31)),
        ("十一月有什么会议?", date(2007, 11, 1), date(2007, 11, 30)),
        ("2007年6月有什么会议？", date(2007, 6, 1), date(2007, 6, 30)),
        ("下个月有会议吗？", date(2007, 12, 1), date(2007, 12, 31)),
        ("2008年有什么会议？", date(2008, 1, 1), date(2008, 12, 31)),
        ("ما الاجتماعات في نوفمبر؟", date(2007, 11, 1), date(2007, 11, 30)),
        ("هل هناك اجتماعات في تشرين الثاني؟", date(2007, 11, 1), date(2007, 11, 30)),
        ("ما الاجتماعات الشهر القادم؟", date(2007, 12, 1), date(2007, 12, 31)),
        ("ما الاجتماعات في عام 2008؟", date(2008, 1, 1), date(2008, 12, 31)),
    ],
)
def test_months_and_years_in_spanish_russian_chinese_and_arabic(
    text: str, first: date, last: date
) -> None:
    period = find_period(text, TODAY)
    assert period is not None and (period.first, period.last) == (first, last)


def test_a_chinese_day_is_not_read_as_its_month() -> None:
    period = find_period("11月13日有什么会议？", TODAY)
    assert period is not None and period.is_day and period.first == date(2007, 11, 13)


@pytest.mark.parametrize(
    "text", ["¿Qué hay el 13 de noviembre?", "Что будет 13 ноября?", "١٣ نوفمبر"]
)
def test_a_day_with_a_month_name_needs_no_dateparser(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow(*_: object) -> None:
        raise AssertionError("dateparser called for a date CLDR's month names give")

    monkeypatch.setattr("bot.answers.periods.parse_date_text", slow)
    period = find_period(text, TODAY)
    assert period is not None and period.first == date(2007, 11, 13)
