"""The clock: ``--now`` starts a clock that runs on, and instants without an offset are refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

import bot.clock
from bot.clock import ManualClock, OffsetClock, SystemClock, make_clock, parse_instant

GENEVA_MORNING = datetime(2007, 11, 1, 8, 0, tzinfo=UTC)


class FakeMonotonic:
    """Stands in for ``time.monotonic`` so that the test moves real time itself."""

    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


@pytest.fixture
def monotonic(monkeypatch: pytest.MonkeyPatch) -> FakeMonotonic:
    fake = FakeMonotonic()
    monkeypatch.setattr(bot.clock.time, "monotonic", fake)
    return fake


def test_offset_clock_starts_at_the_chosen_instant(monotonic: FakeMonotonic) -> None:
    assert OffsetClock(GENEVA_MORNING).now() == GENEVA_MORNING


def test_offset_clock_runs_on_at_real_speed(monotonic: FakeMonotonic) -> None:
    clock = OffsetClock(GENEVA_MORNING)
    monotonic.value += 90.5
    assert clock.now() == GENEVA_MORNING + timedelta(seconds=90.5)


def test_offset_clock_counts_real_seconds_until_an_instant(monotonic: FakeMonotonic) -> None:
    clock = OffsetClock(GENEVA_MORNING)
    monotonic.value += 60
    assert clock.seconds_until(GENEVA_MORNING + timedelta(minutes=5)) == 240


def test_offset_clock_reports_in_utc_whatever_zone_it_was_given(monotonic: FakeMonotonic) -> None:
    start = datetime(2007, 11, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    now = OffsetClock(start).now()
    assert now == GENEVA_MORNING and now.utcoffset() == timedelta(0)


@pytest.mark.parametrize("clock_type", [OffsetClock, ManualClock])
def test_clocks_refuse_a_naive_start(clock_type: type) -> None:
    with pytest.raises(ValueError, match="aware"):
        clock_type(datetime(2007, 11, 1, 9, 0))


@pytest.mark.parametrize(
    "text",
    [
        "2007-11-01T09:00+01:00",
        "2007-11-01T08:00:00Z",
        "2007-11-01T08:00z",
        " 2007-11-01T03:00-05:00 ",
    ],
)
def test_parse_instant_reads_offsets_into_utc(text: str) -> None:
    instant = parse_instant(text)
    assert instant == GENEVA_MORNING and instant.tzinfo is UTC


@pytest.mark.parametrize("text", ["2007-11-01T09:00", "2007-11-01"])
def test_parse_instant_refuses_a_naive_value(text: str) -> None:
    with pytest.raises(ValueError, match="has no UTC offset; write it like 2007-11-01T09:00"):
        parse_instant(text)


def test_parse_instant_refuses_text_that_is_no_instant() -> None:
    with pytest.raises(ValueError):
        parse_instant("next tuesday")


def test_make_clock_without_now_is_the_real_clock() -> None:
    assert isinstance(make_clock(None), SystemClock)
    assert isinstance(make_clock(""), SystemClock)


def test_make_clock_with_now_starts_there(monotonic: FakeMonotonic) -> None:
    clock = make_clock("2007-11-01T09:00+01:00")
    assert clock.now() == GENEVA_MORNING
    monotonic.value += 3600
    assert clock.now() == GENEVA_MORNING + timedelta(hours=1)


def test_make_clock_refuses_a_naive_now() -> None:
    with pytest.raises(ValueError, match="no UTC offset"):
        make_clock("2007-11-01T09:00")


def test_manual_clock_moves_only_when_told() -> None:
    clock = ManualClock(GENEVA_MORNING)
    assert clock.now() == GENEVA_MORNING
    clock.advance(timedelta(days=4))
    assert clock.now() == datetime(2007, 11, 5, 8, 0, tzinfo=UTC)
    clock.set(datetime(2007, 11, 7, 10, 0, tzinfo=timezone(timedelta(hours=1))))
    assert clock.seconds_until(datetime(2007, 11, 7, 10, 0, tzinfo=UTC)) == 3600
