"""Feed query parsing: durations, kinds, bodies, and the canonical query string."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.feed.query import FeedQueryError, format_duration, parse_duration, parse_query


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PT1H", timedelta(hours=1)),
        ("PT30M", timedelta(minutes=30)),
        ("P1D", timedelta(days=1)),
        ("P2W", timedelta(weeks=2)),
        ("P1DT2H30M", timedelta(days=1, hours=2, minutes=30)),
        ("-PT15M", timedelta(minutes=15)),
    ],
)
def test_durations_parse_and_print_back(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected
    assert parse_duration(format_duration(expected)) == expected


@pytest.mark.parametrize("text", ["", "P", "PT", "P5", "1H", "PT1H1H", "P99999999999D", "PT-1H"])
def test_non_durations_are_refused(text: str) -> None:
    with pytest.raises(FeedQueryError):
        parse_duration(text)


def test_alarm_longer_than_four_weeks_is_refused() -> None:
    with pytest.raises(FeedQueryError, match="4 weeks"):
        parse_query({"alarm": ["P29D"]})


def test_kinds_accept_commas_and_repeats_in_any_case() -> None:
    query = parse_query({"kind": ["Conference,meeting", "meeting"]})
    assert query.kinds == {"conference", "meeting"}
    assert query.query_string() == "kind=conference%2Cmeeting"


def test_repeated_body_is_refused() -> None:
    with pytest.raises(FeedQueryError, match="at most once"):
        parse_query({"body": ["a", "b"]})


def test_overlong_body_is_refused() -> None:
    with pytest.raises(FeedQueryError, match="at most 200"):
        parse_query({"body": ["x" * 201]})


def test_unknown_parameters_are_ignored() -> None:
    assert parse_query({"utm_source": ["x"], "_": ["123"]}).is_empty
