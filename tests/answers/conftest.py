"""Fixtures for the answer tests: the shipped calendar, loaded once (frozen, so safe to share)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.config import DEFAULT_EVENTS_FILE
from bot.events.loader import load_calendar
from bot.events.model import Calendar

DEMO_NOW = datetime(2007, 11, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def shipped() -> Calendar:
    return load_calendar(DEFAULT_EVENTS_FILE)
