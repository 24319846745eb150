"""Feed fixtures: a temporary events file with timed, cancelled, month-only and awkward text."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.events.revisions import MemoryRevisionStore
from bot.state import CalendarHolder

# Long text with multi-byte characters so that line folding lands inside them, and every character
# RFC 5545 requires to be escaped (comma, semicolon, backslash, newline).
NASTY_TITLE = (
    "Nachtsitzung in Genève; Zürich, Köln \\ naïve café — 日本語の会議 — Ελληνικά — "
    "Genève Genève Genève"
)
NASTY_DESCRIPTION = "Line one; with, punctuation\nLine two \\ backslash\nGenève é 日本"


def _yaml_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"') + '"'


TEST_EVENTS = f"""
name: "Test calendar; commas, and \\\\ backslash"
description: "A calendar for feed tests"
timezone: Europe/Zurich
language: en
updated: "2007-09-01T00:00:00Z"
events:
  - id: dst-night
    title: {_yaml_quoted(NASTY_TITLE)}
    kind: meeting
    start: "2007-10-28T01:30:00+02:00"
    end: "2007-10-28T04:00:00+01:00"
    timezone: Europe/Zurich
    location: {{venue: "Palais des Nations, Salle XX", city: Genève, country: Suisse}}
    body: "Working Group; A, B"
    description: {_yaml_quoted(NASTY_DESCRIPTION)}
  - id: ny-session
    title: New York session
    kind: conference
    start: "2007-12-05T10:00:00-05:00"
    end: "2007-12-05T13:00:00-05:00"
    timezone: America/New_York
    body: General Assembly
  - id: called-off
    title: Called-off meeting
    kind: meeting
    start: "2007-11-20"
    status: cancelled
    body: States Parties
  - id: month-only
    title: Some meeting in June
    kind: meeting
    start: "2007-06"
    unstated:
      - field: days
        note: Only the month is given.
  - id: all-day-tokyo
    title: Tokyo day
    kind: background
    start: "2007-11-07"
    end: "2007-11-13"
    timezone: Asia/Tokyo
"""


@pytest.fixture
def test_events(tmp_path: Path) -> Path:
    path = tmp_path / "test-events.yaml"
    path.write_text(TEST_EVENTS, encoding="utf-8")
    return path


@pytest.fixture
def test_holder(test_events: Path, clock: ManualClock) -> CalendarHolder:
    calendar_holder = CalendarHolder(test_events, clock, MemoryRevisionStore())
    calendar_holder.load()
    return calendar_holder
