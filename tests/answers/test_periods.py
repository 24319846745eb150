"""Days named in questions, read against the reader's own date, in English and French."""

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
