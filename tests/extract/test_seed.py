"""The shipped calendar was made by hand from A/RES/62/57: the extractor must find the same
meetings.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.events.model import Calendar, Event
from tests.extract.helpers import SEED, extract_json

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="seed resolution not present")


def _resolution_paragraphs(event: Event) -> list[str]:
    """The paragraphs the calendar cites: the extractor's labels (``footer`` included)."""
    return [s.paragraph for s in event.sources if s.document == "A/RES/62/57" and s.paragraph]


def _counterpart(event: Event, found: list[dict[str, Any]]) -> dict[str, Any]:
    if event.kind == "agenda_item":
        matches = [f for f in found if f["status"] == "agenda_item"]
    else:
        matches = [
            f for f in found if (f["start"], f["end"]) == (event.start.iso(), event.finish.iso())
        ]
    assert len(matches) == 1, f"{event.id}: {matches}"
    return matches[0]


@pytest.fixture
def found(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    return extract_json(capsys, SEED)


def test_finds_exactly_the_meetings_of_the_shipped_calendar(
    found: list[dict[str, Any]], calendar: Calendar
) -> None:
    assert len(found) == len(calendar.events)
    for event in calendar.events:
        _counterpart(event, found)


def test_first_paragraph_is_the_one_the_calendar_cites_first(
    found: list[dict[str, Any]], calendar: Calendar
) -> None:
    for event in calendar.events:
        assert _counterpart(event, found)["paragraph"] == _resolution_paragraphs(event)[0], event.id


def test_every_cited_paragraph_is_one_the_calendar_cites(
    found: list[dict[str, Any]], calendar: Calendar
) -> None:
    for event in calendar.events:
        mine = _counterpart(event, found)
        cited = [mine["paragraph"], *(a["paragraph"] for a in mine["also_mentioned"])]
        assert set(cited) <= set(_resolution_paragraphs(event)), event.id


def test_meetings_named_in_several_paragraphs_keep_every_dated_mention(
    found: list[dict[str, Any]], calendar: Calendar
) -> None:
    msp = next(e for e in calendar.events if e.start.iso() == "2007-11-07")
    mine = _counterpart(msp, found)
    cited = {mine["paragraph"], *(a["paragraph"] for a in mine["also_mentioned"])}
    assert cited == set(_resolution_paragraphs(msp))


def test_places_only_where_the_resolution_states_them(
    found: list[dict[str, Any]], calendar: Calendar
) -> None:
    for event in calendar.events:
        mine = _counterpart(event, found)
        if event.unstated_about("location") is not None:
            assert mine["place"] is None, event.id
        else:
            assert event.location is not None and event.location.city == mine["place"], event.id


def test_month_only_date_stays_month_only(found: list[dict[str, Any]]) -> None:
    june = [f for f in found if f["start"] == "2007-06"]
    assert [f["precision"] for f in june] == ["month"]
    assert june[0]["status"] == "past"


def test_to_be_held_stays_future_with_a_note_about_adoption(found: list[dict[str, Any]]) -> None:
    conference = next(f for f in found if f["start"] == "2007-11-05")
    assert conference["status"] == "future"
    assert any("adopted on 2007-12-05" in note for note in conference["notes"])


def test_earlier_resolutions_and_distribution_dates_are_not_meetings(
    found: list[dict[str, Any]],
) -> None:
    starts = {f["start"] for f in found}
    assert "2006-12-06" not in starts
    assert "2008-01-15" not in starts
