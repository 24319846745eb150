"""The reader: one rule for a chat's zone and language, wherever calbot addresses it."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from bot.chats import ChatPrefs, MemoryChatStore
from bot.events.model import Calendar
from bot.reader import Reader, read_chat, reader_for


def test_a_chat_with_nothing_stored_reads_the_calendars_zone_and_its_clients_language(
    calendar: Calendar,
) -> None:
    reader = reader_for(ChatPrefs(7), calendar, "fr-CA")
    assert reader == Reader(7, ZoneInfo("Europe/Zurich"), "fr")


def test_the_stored_language_wins_over_the_clients(calendar: Calendar) -> None:
    assert reader_for(ChatPrefs(7, language="ru"), calendar, "es").lang == "ru"


@pytest.mark.parametrize(("client", "expected"), [(None, "en"), ("de", "en"), ("zh-hans", "zh")])
def test_without_a_stored_language_the_client_then_the_calendar_decides(
    calendar: Calendar, client: str | None, expected: str
) -> None:
    assert reader_for(ChatPrefs(7), calendar, client).lang == expected


def test_a_zone_gone_from_tzdata_falls_back_to_the_calendars(calendar: Calendar) -> None:
    assert reader_for(ChatPrefs(7, "Mars/Olympus_Mons"), calendar).zone == calendar.zone
    assert reader_for(ChatPrefs(7, "Asia/Tokyo"), calendar).zone == ZoneInfo("Asia/Tokyo")


def test_no_chat_reads_the_calendars_zone(calendar: Calendar) -> None:
    assert reader_for(None, calendar, "ar") == Reader(None, calendar.zone, "ar")


def test_read_chat_reads_what_the_store_keeps(calendar: Calendar) -> None:
    chats = MemoryChatStore()
    chats.save_chat(ChatPrefs(7, "Asia/Tokyo", "zh"))
    assert read_chat(chats, 7, calendar, "en") == Reader(7, ZoneInfo("Asia/Tokyo"), "zh")
    assert read_chat(chats, None, calendar, "en") == Reader(None, calendar.zone, "en")
