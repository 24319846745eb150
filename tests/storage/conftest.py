"""Storage fixtures: an open ``Store`` on each database of ``database_url`` (tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.clock import ManualClock
from bot.storage import Store


@pytest.fixture
def store(database_url: str, clock: ManualClock) -> Iterator[Store]:
    opened = Store.open(database_url, clock)
    yield opened
    opened.close()
