"""Reminders asked in words, end to end: "remind me the day before the MSP opening" gets one
button, and pressing it books exactly that subscription (SQLite and PostgreSQL, the ``store``
fixture; the calendar and clock of tests/reminders/conftest.py)."""

from __future__ import annotations

import pytest

from bot.reminders.leads import DEFAULT_LEADS, parse_leads
from bot.reminders.planner import Subscription
from tests.fakes.bot_api import SentMessage
from tests.reminders.conftest import CHAT, Running


async def _offer(running: Running, text: str, language_code: str = "en") -> SentMessage:
    before = len(running.api.sent)
    running.api.push_text(CHAT, text, language_code=language_code)
    return (await running.api.wait_for_messages(before + 1))[-1]


async def _press_only_button(
    running: Running, offer: SentMessage, language_code: str = "en"
) -> str:
    """Press the offer's one button; the confirmation the chat then gets."""
    assert len(offer.callback_data) == 1, offer.buttons
    before = len(running.api.sent)
    data = offer.callback_data[0]
    running.api.push_callback(CHAT, data, message_id=offer.message_id, language_code=language_code)
    return (await running.api.wait_for_messages(before + 1))[-1].plain


@pytest.mark.parametrize(
    ("text", "language_code", "scope", "leads", "said"),
    [
        ("remind me the day before the MSP opening", "en", "event:msp-opening", "1d",
         "the day before"),
        ("Remind me 2 hours before the Protocol V conference", "en", "event:protocol-v", "2h",
         "2 hours before"),
        ("remind me a week before the meetings", "en", "kind:meeting", "1w", "7 days before"),
        ("rappelle-moi la veille de la conférence Protocole V", "fr", "event:protocol-v", "1d",
         "la veille"),
        ("remind me the day before at 18:00 and the morning of the MSP opening", "en",
         "event:msp-opening", "1d@18:00 0d", "the day before at 18:00, the morning of"),
    ],
)  # fmt: skip
async def test_a_lead_time_in_words_is_offered_then_booked_on_one_press(
    running: Running, text: str, language_code: str, scope: str, leads: str, said: str
) -> None:
    offer = await _offer(running, text, language_code)
    assert said in offer.plain  # the offer says what the button will book
    assert running.store.subscriptions() == []  # nothing before the press
    confirmation = await _press_only_button(running, offer, language_code)
    assert said in confirmation
    assert running.store.subscriptions() == [Subscription(CHAT, scope, parse_leads(leads))]


async def test_remind_me_about_an_event_without_a_lead_offers_the_usual_two(
    running: Running,
) -> None:
    offer = await _offer(running, "please remind me about the MSP opening")
    assert "MSP opening" in offer.plain and "the day before, the morning of" in offer.plain
    await _press_only_button(running, offer)
    expected = Subscription(CHAT, "event:msp-opening", DEFAULT_LEADS)
    assert running.store.subscriptions() == [expected]


async def test_remind_me_without_a_lead_offers_the_chats_default_lead_times(
    running: Running,
) -> None:
    running.store.set_default_leads(CHAT, parse_leads("2d 2h"))
    offer = await _offer(running, "please remind me about the MSP opening")
    assert "2 days before, 2 hours before" in offer.plain
    await _press_only_button(running, offer)
    expected = Subscription(CHAT, "event:msp-opening", parse_leads("2d 2h"))
    assert running.store.subscriptions() == [expected]


async def test_a_lead_the_command_refuses_is_explained_with_no_button(running: Running) -> None:
    offer = await _offer(running, "remind me 90 days before the MSP opening")
    assert "at most 60 days" in offer.plain
    assert offer.callback_data == []
    assert running.store.subscriptions() == []
