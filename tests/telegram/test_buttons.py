"""Inline buttons: details, the .ics file, sources, /events pages, and buttons nobody handles."""

from __future__ import annotations

import pytest

from bot.telegram import commands
from tests.telegram.conftest import USER_ID, Bot


async def test_details_button_sends_the_event_card(bot: Bot) -> None:
    await bot.ask("/next")
    bot.api.push_callback(USER_ID, "ev:ccw-msp-2007")
    [_, card] = await bot.api.wait_for_messages(2)
    assert "CCW Meeting of the States Parties" in card.plain and "Geneva" in card.plain
    assert "rem:ccw-msp-2007" in card.callback_data
    await bot.api.wait_until(lambda: len(bot.api.callback_answers) == 1)


async def test_ics_button_sends_the_file(bot: Bot) -> None:
    await bot.ask("/event MSP")
    bot.api.push_callback(USER_ID, "ics:ccw-msp-2007")
    [_, document] = await bot.api.wait_for_messages(2)
    assert document.document is not None and document.document.filename == "ccw-msp-2007.ics"
    assert document.document.content.startswith(b"BEGIN:VCALENDAR")


async def test_source_button_quotes_the_resolution(bot: Bot) -> None:
    await bot.ask("/event MSP")
    bot.api.push_callback(USER_ID, "src:ccw-msp-2007")
    [_, sources] = await bot.api.wait_for_messages(2)
    assert "A/RES/62/57" in sources.plain and "“" in sources.plain


async def test_events_pages_move_forward_and_back(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commands, "EVENTS_PER_PAGE", 3)
    first = await bot.ask("/events")
    assert "page 1 of 3" in first and "pg:1" in bot.api.sent[-1].callback_data
    bot.api.push_callback(USER_ID, "pg:1")
    await bot.api.wait_until(lambda: len(bot.api.edits) == 1)
    second = bot.api.edits[-1]
    assert "page 2 of 3" in second.plain
    assert {"pg:0", "pg:2"} <= set(second.callback_data)


async def test_a_button_nobody_handles_is_still_answered(bot: Bot) -> None:
    await bot.ask("/event MSP")
    bot.api.push_callback(USER_ID, "rem:ccw-msp-2007")  # the reminders module is not loaded here
    await bot.api.wait_until(lambda: len(bot.api.callback_answers) == 1)


async def test_a_removed_event_says_so(bot: Bot) -> None:
    await bot.ask("/event MSP")
    message = bot.api.sent[-1]
    bot.api.push_callback(USER_ID, "ev:no-such-event", message_id=message.message_id)
    await bot.api.wait_until(lambda: len(bot.api.callback_answers) == 1)
    assert bot.api.callback_answers[0]["show_alert"] is True
