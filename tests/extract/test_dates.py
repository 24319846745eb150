"""Date phrases as UN texts write them, read at the precision they state."""

from __future__ import annotations

import pytest

from bot.extract.dates import find_dates


@pytest.mark.parametrize(
    ("phrase", "start", "end", "precision"),
    [
        ("held on 18 June 2007 in", "2007-06-18", "2007-06-18", "day"),
        ("from 7 to 13 November 2007", "2007-11-07", "2007-11-13", "day"),
        ("from 30 November to 4 December 2009", "2009-11-30", "2009-12-04", "day"),
        ("from 28 December 2009 to 8 January 2010", "2009-12-28", "2010-01-08", "day"),
        ("between 2 and 6 May 2011", "2011-05-02", "2011-05-06", "day"),
        ("on 27 and 28 November 2014", "2014-11-27", "2014-11-28", "day"),
        ("7-9 April 2008", "2008-04-07", "2008-04-09", "day"),
        ("during the week of 14 to 18 September 2026", "2026-09-14", "2026-09-18", "day"),
        ("held in June 2007", "2007-06", "2007-06", "month"),
        ("in 2026", "2026", "2026", "year"),
        ("in early 2026", "2026", "2026", "year"),
        ("in mid-2015", "2015", "2015", "year"),
    ],
)
def test_reads_each_form_at_its_precision(
    phrase: str, start: str, end: str, precision: str
) -> None:
    [mention] = find_dates(phrase)
    assert (mention.start, mention.end, mention.precision) == (start, end, precision)


def test_early_year_is_a_year_with_a_note() -> None:
    [mention] = find_dates("in early 2026")
    assert mention.note is not None and "early 2026" in mention.note


def test_two_periods_share_the_year_given_once() -> None:
    found = find_dates("from 2 to 6 March and from 24 to 28 August 2009")
    assert [(m.start, m.end) for m in found] == [
        ("2009-03-02", "2009-03-06"),
        ("2009-08-24", "2009-08-28"),
    ]


def test_a_range_across_the_year_end_without_its_first_year() -> None:
    [mention] = find_dates("from 30 December to 4 January 2010")
    assert (mention.start, mention.end) == ("2009-12-30", "2010-01-04")


def test_a_list_of_years_is_one_mention_each() -> None:
    assert [m.start for m in find_dates("in 2010 and 2011")] == ["2010", "2011"]


def test_a_year_naming_a_meeting_is_marked() -> None:
    [mention] = find_dates("to the 2007 Meeting of the States Parties")
    assert mention.named and mention.start == "2007"


@pytest.mark.parametrize(
    "phrase", ["31 February 2007", "on 5 June", "resolution 61/100", "No. 22495"]
)
def test_impossible_or_yearless_dates_are_dropped(phrase: str) -> None:
    assert find_dates(phrase) == []


def test_two_days_paired_by_respectively_stay_two_days() -> None:
    found = find_dates("to be held on 9 and 10 November 2015, respectively;")
    assert [(m.start, m.end) for m in found] == [
        ("2015-11-09", "2015-11-09"),
        ("2015-11-10", "2015-11-10"),
    ]


def test_months_listed_share_the_year() -> None:
    assert [m.start for m in find_dates("in January and February 2026")] == ["2026-01", "2026-02"]
