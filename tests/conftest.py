"""Shared fixtures: the shipped calendar, a manual clock, temporary events files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.config import DEFAULT_EVENTS_FILE, Settings
from bot.events.loader import load_calendar
from bot.events.model import Calendar
from bot.events.revisions import MemoryRevisionStore
from bot.state import CalendarHolder

# 1 November 2007, 09:00 in Geneva: a few days before the first of the November meetings.
DEMO_NOW = datetime(2007, 11, 1, 8, 0, tzinfo=UTC)


SETTING_NAMES = tuple(
    str(field.validation_alias)
    for field in Settings.model_fields.values()
    if field.validation_alias
)


@pytest.fixture(autouse=True)
def _isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test starts from default settings: no developer's token or .env, no shared database."""
    for name in SETTING_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'calbot.db'}")
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def events_path() -> Path:
    return DEFAULT_EVENTS_FILE


@pytest.fixture
def calendar(events_path: Path) -> Calendar:
    return load_calendar(events_path)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(DEMO_NOW)


@pytest.fixture
def events_copy(tmp_path: Path, events_path: Path) -> Path:
    """A writable copy of the shipped events.yaml."""
    target = tmp_path / "events.yaml"
    target.write_bytes(events_path.read_bytes())
    return target


@pytest.fixture
def holder(events_copy: Path, clock: ManualClock) -> CalendarHolder:
    """A loaded calendar holder over a writable copy of events.yaml."""
    calendar_holder = CalendarHolder(events_copy, clock, MemoryRevisionStore())
    calendar_holder.load()
    return calendar_holder
