"""The personal feed's reader: the chat's zone as ``bot.reader`` resolves it, fallback included."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.chats import ChatPrefs
from bot.clock import ManualClock
from bot.feed.personal_http import PersonalFeeds
from bot.reminders.leads import parse_leads
from bot.state import CalendarHolder
from bot.storage import Store


@pytest.fixture
def store(tmp_path: Path, clock: ManualClock) -> Iterator[Store]:
    opened = Store.open(f"sqlite:///{tmp_path / 'calbot.db'}", clock)
    yield opened
    opened.close()


def _alarms(
    feeds: PersonalFeeds, holder: CalendarHolder, store: Store, chat: int, zone: str | None
) -> tuple[tuple[str, tuple[timedelta, ...]], ...]:
    """The personal feed's events and alarm offsets for a chat stored with ``zone``."""
    store.save_chat(ChatPrefs(chat, timezone=zone))
    store.subscribe(chat, "event:ny-session", parse_leads("1d@18:00"))
    wanted = feeds._read(holder.current, feeds.tokens.token_for(chat))
    assert wanted is not None
    return wanted.selection.entries


def test_a_zone_tzdata_no_longer_has_falls_back_to_the_calendars(
    test_holder: CalendarHolder, store: Store, clock: ManualClock
) -> None:
    feeds = PersonalFeeds(test_holder, store, clock, "https://cal.example.org")
    unset = _alarms(feeds, test_holder, store, 1, None)
    removed = _alarms(feeds, test_holder, store, 2, "Mars/Olympus_Mons")
    tokyo = _alarms(feeds, test_holder, store, 3, "Asia/Tokyo")
    assert removed == unset
    assert tokyo != unset  # 18:00 the day before is each zone's own: the zone is read
