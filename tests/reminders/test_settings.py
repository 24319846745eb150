"""/settings end to end: one screen of buttons, edited in place; changes stored; admins in groups.

calbot's real Application with the subscription commands and the settings screen, against the
strict fake Bot API, on SQLite and PostgreSQL (the ``store`` fixture).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import time

import pytest

from bot.clock import ManualClock
from bot.reminders import ReminderServices
from bot.reminders.leads import parse_leads
from bot.state import CalendarHolder
from bot.storage import Store
from bot.telegram import settings as settings_screen
from bot.telegram.subscriptions import register
from tests.conftest import polling_bot
from tests.fakes.bot_api import FakeBotApi, SentMessage

CHAT = 4343
GROUP = -100888
ADMIN, MEMBER = 61, 62


@dataclass
class Running:
    api: FakeBotApi
    store: Store

    async def send(self, text: str, *, chat_id: int = CHAT, **kwargs: object) -> SentMessage:
        before = len(self.api.sent)
        self.api.push_text(chat_id, text, **kwargs)  # type: ignore[arg-type]
        return (await self.api.wait_for_messages(before + 1))[-1]

    async def press(self, data: str, *, chat_id: int = CHAT, user_id: int | None = None) -> str:
        """Press a button of the settings screen; the screen as it reads afterwards."""
        edits, answers = len(self.api.edits), len(self.api.callback_answers)
        self.api.push_callback(chat_id, data, user_id=user_id)
        await self.api.wait_until(lambda: len(self.api.callback_answers) > answers)
        if len(self.api.edits) == edits:
            await self.api.wait_until(lambda: len(self.api.edits) > edits, timeout=1)
        return self.api.edits[-1].plain


@pytest.fixture
async def running(
    api: FakeBotApi, services: ReminderServices, holder: CalendarHolder, clock: ManualClock
) -> AsyncIterator[Running]:
    extensions = [
        lambda app: register(app, services),
        lambda app: settings_screen.register(app, services),
    ]
    async with polling_bot(api, holder, clock, services.store, extensions):
        yield Running(api, services.store)


async def test_settings_shows_the_chats_choices_and_four_buttons(running: Running) -> None:
    screen = await running.send("/settings")
    assert screen.plain == (
        "Settings for this chat\nLanguage: English\nTime zone: Europe/Zurich\n"
        "Daily digest: off\nReminder times: the day before, the morning of\n"
        "Reminders: none (/subscribe)"
    )
    assert screen.callback_data == ["set:lang", "set:tz", "set:dg", "set:ld"]


async def test_a_typed_city_sets_the_time_zone_and_is_not_taken_for_a_question(
    running: Running,
) -> None:
    await running.send("/settings")
    asked = await running.press("set:tz")
    assert asked.startswith("Send your location")
    reply = await running.send("Москва")
    assert reply.plain == "Time zone set to Europe/Moscow; times are now shown there."
    assert running.store.get_chat(CHAT).timezone == "Europe/Moscow"
    # Answered: the next text is a question again, not a city.
    assert "Moscow" not in (await running.send("when is the MSP opening?")).plain


async def test_a_shared_location_sets_the_time_zone(running: Running) -> None:
    before = len(running.api.sent)
    running.api.push_location(CHAT, 35.68, 139.69)  # Tokyo
    await running.api.wait_for_messages(before + 1)
    assert running.store.get_chat(CHAT).timezone == "Asia/Tokyo"


async def test_an_unknown_city_is_explained_and_nothing_changes(running: Running) -> None:
    await running.send("/settings")
    await running.press("set:tz")
    reply = await running.send("Qwertyzzy")
    assert reply.plain.startswith("I found no time zone for “Qwertyzzy”")
    assert running.store.get_chat(CHAT).timezone is None


async def test_the_digest_time_is_chosen_with_a_button(running: Running) -> None:
    await running.send("/settings")
    await running.press("set:dg")
    screen = await running.press("set:dg:0800")
    assert "Daily digest: 08:00" in screen
    assert running.store.digest_time(CHAT) == time(8, 0)
    await running.press("set:dg")
    assert "Daily digest: off" in await running.press("set:dg:off")
    assert running.store.digest_time(CHAT) is None


async def test_the_digest_time_can_be_typed(running: Running) -> None:
    await running.send("/settings")
    await running.press("set:dg")
    reply = await running.send("07:45")
    assert reply.plain.startswith("Every day at 07:45 (Europe/Zurich)")
    assert running.store.digest_time(CHAT) == time(7, 45)


async def test_lead_times_apply_to_the_chats_subscriptions(running: Running) -> None:
    await running.send("/subscribe msp")
    await running.send("/settings")
    await running.press("set:ld")
    screen = await running.press("set:ld:2d,1d")
    assert "Reminder times: 2 days before, the day before" in screen
    assert "Reminders: 2 days before, the day before" in screen
    [subscription] = running.store.chat_subscriptions(CHAT)
    assert subscription.scope == "event:msp-opening"
    assert subscription.leads == parse_leads("2d 1d")


async def test_chosen_lead_times_are_the_chats_default_for_later_subscriptions(
    running: Running,
) -> None:
    await running.send("/settings")
    await running.press("set:ld")
    screen = await running.press("set:ld:3h")
    assert "Reminder times: 3 hours before\nReminders: none (/subscribe)" in screen
    assert running.store.chat_subscriptions(CHAT) == []  # a default, not a subscription
    reply = await running.send("/subscribe msp")
    assert reply.plain.startswith("You will be reminded of MSP opening: 3 hours before.")
    [subscription] = running.store.chat_subscriptions(CHAT)
    assert subscription.leads == parse_leads("3h")
    stated = await running.send("/subscribe protocol v 2d")  # stated lead times still win
    assert "2 days before" in stated.plain


async def test_typed_lead_times_use_the_subscribe_syntax(running: Running) -> None:
    await running.send("/settings")
    await running.press("set:ld")
    reply = await running.send("2d, 3h")
    assert reply.plain == (
        "Reminder times for new subscriptions in this chat: 2 days before, 3 hours before. "
        "Subscribe with /subscribe."
    )
    screen = await running.send("/settings")
    assert "Reminder times: 2 days before, 3 hours before\n" in screen.plain


async def test_default_lead_times_are_kept_per_chat(running: Running) -> None:
    running.api.set_admins(GROUP, ADMIN)
    kwargs = {"chat_id": GROUP, "chat_type": "supergroup", "user_id": ADMIN}
    await running.send("/settings", **kwargs)
    await running.press("set:ld", chat_id=GROUP, user_id=ADMIN)
    await running.press("set:ld:1d", chat_id=GROUP, user_id=ADMIN)
    assert (await running.send("/subscribe", **kwargs)).plain.endswith(": the day before.")
    private = await running.send("/subscribe")
    assert private.plain.endswith(": the day before, the morning of.")


async def test_choosing_a_language_redraws_the_screen_in_it(running: Running) -> None:
    await running.send("/settings")
    languages = await running.press("set:lang")
    assert "Русский" in [b["text"] for b in running.api.edits[-1].buttons]
    assert languages.startswith("This chat's language: English")
    screen = await running.press("set:lang:zh")
    assert screen.startswith("本聊天的设置\n语言：中文\n时区：Europe/Zurich")
    assert running.api.edits[-1].callback_data == ["set:lang", "set:tz", "set:dg", "set:ld"]
    assert running.store.get_chat(CHAT).language == "zh"


async def test_in_a_group_a_member_may_look_but_not_change(running: Running) -> None:
    running.api.set_admins(GROUP, ADMIN)
    kwargs = {"chat_id": GROUP, "chat_type": "supergroup"}
    await running.send("/settings", user_id=MEMBER, **kwargs)
    await running.press("set:dg", chat_id=GROUP, user_id=MEMBER)  # looking is allowed
    answers = len(running.api.callback_answers)
    running.api.push_callback(GROUP, "set:dg:0800", user_id=MEMBER)
    await running.api.wait_until(lambda: len(running.api.callback_answers) > answers)
    alert = running.api.callback_answers[-1]
    assert alert["show_alert"] is True and "administrators" in alert["text"]
    assert running.store.digest_time(GROUP) is None
    refused = await running.send("/subscribe", user_id=MEMBER, **kwargs)
    assert refused.plain.startswith("In a group, only its administrators")
    assert running.store.chat_subscriptions(GROUP) == []


async def test_in_a_group_an_administrator_changes_settings_and_subscriptions(
    running: Running,
) -> None:
    running.api.set_admins(GROUP, ADMIN)
    kwargs = {"chat_id": GROUP, "chat_type": "supergroup", "user_id": ADMIN}
    await running.send("/settings", **kwargs)
    await running.press("set:dg", chat_id=GROUP, user_id=ADMIN)
    await running.press("set:dg:0900", chat_id=GROUP, user_id=ADMIN)
    assert running.store.digest_time(GROUP) == time(9, 0)
    reply = await running.send("/subscribe", **kwargs)
    assert reply.plain.startswith("You will be reminded of every meeting")
