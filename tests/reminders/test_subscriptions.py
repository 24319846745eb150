"""Subscription commands and buttons, end to end: calbot's Application against the fake Bot API.

Every test runs on SQLite and on PostgreSQL (the ``store`` fixture); the calendar is the reminder
tests' ``TEST_EVENTS`` (``msp-opening`` timed in Geneva, ``protocol-v`` all-day); the clock stands
at 2007-10-20 06:00 UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from bot.chats import ChatPrefs
from bot.clock import ManualClock
from bot.config import load_settings
from bot.reminders import ReminderServices
from bot.reminders.leads import DEFAULT_LEADS, parse_leads
from bot.reminders.planner import Subscription
from bot.state import CalendarHolder
from bot.telegram.app import build_application
from bot.telegram.subscriptions import register
from tests.fakes.bot_api import FakeBotApi
from tests.reminders.conftest import CHAT, Running


async def test_subscribe_alone_subscribes_to_every_meeting(running: Running) -> None:
    reply = await running.ask("/subscribe", language_code="fr")
    assert "chaque réunion" in reply and "la veille" in reply
    assert running.store.subscriptions() == [Subscription(CHAT, "all", DEFAULT_LEADS)]
    # Reminders go out unasked: the chat keeps the subscriber's language for them.
    assert running.store.get_chat(CHAT).language == "fr"


async def test_subscribe_to_one_event_with_own_lead_times(running: Running) -> None:
    reply = await running.ask("/subscribe msp opening 2d 3h")
    assert "MSP opening" in reply and "2 days before, 3 hours before" in reply
    expected = Subscription(CHAT, "event:msp-opening", parse_leads("2d 3h"))
    assert running.store.subscriptions() == [expected]


async def test_subscribe_to_a_kind(running: Running) -> None:
    reply = await running.ask("/subscribe conferences")
    assert "all conferences" in reply
    assert [sub.scope for sub in running.store.subscriptions()] == ["kind:conference"]


async def test_bad_lead_time_is_explained_and_nothing_stored(running: Running) -> None:
    reply = await running.ask("/subscribe msp opening 99d")
    assert "at most 60 days" in reply
    assert running.store.subscriptions() == []


async def test_unknown_event_is_reported_with_its_text_escaped(running: Running) -> None:
    reply = await running.ask("/subscribe <b>zzz</b>")
    assert "“<b>zzz</b>”" in reply
    assert running.store.subscriptions() == []


async def test_unsubscribe_one_event_then_nothing_left(running: Running) -> None:
    running.store.subscribe(CHAT, "event:msp-opening")
    assert "no longer" in await running.ask("/unsubscribe msp opening")
    assert "nothing to stop" in await running.ask("/unsubscribe")


async def test_reminders_lists_due_times_in_the_chats_zone(running: Running) -> None:
    running.store.save_chat(ChatPrefs(CHAT, "Asia/Tokyo", "en"))
    running.store.subscribe(CHAT, "event:msp-opening")
    reply = await running.ask("/reminders")
    # 10:00 in Geneva on 7 November is 18:00 in Tokyo: the day before at the same local time.
    assert "Asia/Tokyo" in reply
    assert "6 Nov 2007, 18:00 – MSP opening (the day before)" in reply
    assert "7 Nov 2007, 08:00 – MSP opening (the morning of)" in reply


async def test_reminders_without_subscriptions_says_how_to_subscribe(running: Running) -> None:
    assert "/subscribe" in await running.ask("/reminders")


async def test_digest_time_set_and_turned_off(running: Running) -> None:
    assert "07:30" in await running.ask("/digest 07:30")
    assert [(d.prefs.chat_id, d.at) for d in running.store.digest_chats()] == [(CHAT, time(7, 30))]
    assert "off" in await running.ask("/digest off")
    assert running.store.digest_chats() == []
    assert "/digest 08:00" in await running.ask("/digest soon")


async def test_remind_me_button_subscribes_with_the_defaults(running: Running) -> None:
    toast, message = await running.press("rem:protocol-v")
    assert "Protocol V conference" in toast and "Protocol V conference" in message
    assert running.store.subscriptions() == [Subscription(CHAT, "event:protocol-v")]


async def test_buttons_and_subscribe_without_lead_times_use_the_chats_default(
    running: Running,
) -> None:
    running.store.set_default_leads(CHAT, parse_leads("1w"))
    toast, _ = await running.press("rem:protocol-v")
    assert "7 days before" in toast
    assert "7 days before" in await running.ask("/subscribe conferences")
    assert {s.leads for s in running.store.subscriptions()} == {parse_leads("1w")}


async def test_unsubscribe_button_ends_the_events_subscription(running: Running) -> None:
    running.store.subscribe(CHAT, "event:protocol-v")
    _, message = await running.press("uns:protocol-v")
    assert "no longer" in message
    assert running.store.subscriptions() == []


async def test_snooze_buttons_book_an_hour_later_and_tomorrow_morning(running: Running) -> None:
    await running.press("snz:protocol-v:1h")
    _, message = await running.press("snz:protocol-v:am")
    assert "tomorrow morning" in message
    due = [snooze.due_utc for snooze in running.store.due_snoozes(datetime(2008, 1, 1, tzinfo=UTC))]
    # Now is 06:00 UTC on 20 October; 08:00 in Zurich (summer time) on the 21st is 06:00 UTC.
    assert due == [datetime(2007, 10, 20, 7, tzinfo=UTC), datetime(2007, 10, 21, 6, tzinfo=UTC)]


def test_a_subscription_change_tells_the_reminder_service(services: ReminderServices) -> None:
    from bot.telegram.subscriptions import subscribe_reply

    calls: list[str] = []
    services.on_change.append(lambda: calls.append("changed"))
    subscribe_reply(services, CHAT, [], "en")
    assert calls == ["changed"]


async def test_help_explains_reminders_and_the_all_day_rule(running: Running) -> None:
    reply = await running.ask("/help")
    assert "/subscribe msp 2d 3h" in reply
    assert "09:00 on the day(s) before and 08:00 on the day itself" in reply
    french = await running.ask("/help", language_code="fr")
    assert "à 8 h le jour même" in french


async def test_the_menu_lists_the_reminder_commands(
    api: FakeBotApi, services: ReminderServices, holder: CalendarHolder, clock: ManualClock
) -> None:
    settings = load_settings(TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_API_URL=api.base_url)
    application = build_application(
        settings, holder, clock, services.store, extensions=[lambda app: register(app, services)]
    )
    async with application:
        assert application.post_init is not None
        await application.post_init(application)
    names = [command["command"] for command in api.commands]
    assert {"start", "help", "subscribe", "unsubscribe", "reminders", "digest"} <= set(names)
    french = {c["command"]: c["description"] for c in api.commands_by_language["fr"]}
    assert french["subscribe"].startswith("Rappels")
    assert french["next"] == "Les prochaines réunions"


@pytest.mark.parametrize(
    ("word", "lang", "expected"),
    [("конференции", "ru",
      "Вы будете получать напоминания обо всех событиях вида «конференции»: накануне, "
      "утром в тот же день."),
     ("reunión", "es",
      "Recibirá recordatorios de todas las reuniones: la víspera, la mañana del mismo día."),
     ("会议", "zh", "您将收到所有会议的提醒：前一天、当天上午。")],
)  # fmt: skip
def test_kinds_are_understood_and_described_in_each_language(
    services: ReminderServices, word: str, lang: str, expected: str
) -> None:
    from bot.telegram.subscriptions import subscribe_reply

    assert subscribe_reply(services, CHAT, [word], lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "“99d”: at most 60 days ahead."), ("ru", "«99d»: не более чем за 60 дней."),
     ("es", "«99d»: como máximo 60 días de antelación."), ("zh", "“99d”：最多提前60天。")],
)  # fmt: skip
def test_a_refused_lead_time_is_explained_in_the_readers_language(
    services: ReminderServices, lang: str, expected: str
) -> None:
    from bot.telegram.subscriptions import subscribe_reply

    assert subscribe_reply(services, CHAT, ["msp", "99d"], lang) == expected
    assert services.store.subscriptions() == []


async def _press_under_last_reply(running: Running, data: str) -> str:
    """Press the button ``data`` under the bot's last message; the message it then sends."""
    last = running.api.sent[-1]
    assert data in last.callback_data
    before, answers = len(running.api.sent), len(running.api.callback_answers)
    running.api.push_callback(CHAT, data, message_id=last.message_id)
    sent = await running.api.wait_for_messages(before + 1)
    await running.api.wait_until(lambda: len(running.api.callback_answers) > answers)
    return sent[-1].plain


async def test_stop_sending_me_reminders_stops_nothing_until_the_button_is_pressed(
    running: Running,
) -> None:
    running.store.subscribe(CHAT, "event:protocol-v")
    running.store.subscribe(CHAT, "all")
    reply = await running.ask("stop sending me reminders")
    assert "/unsubscribe" in reply
    assert len(running.store.subscriptions()) == 2
    await _press_under_last_reply(running, "uns:*")
    assert running.store.subscriptions() == []


async def test_notify_me_if_a_meeting_is_moved_offers_to_subscribe(running: Running) -> None:
    reply = await running.ask("notify me if a meeting is moved")
    assert "moved" in reply and running.store.subscriptions() == []
    await _press_under_last_reply(running, "rem:*")
    assert running.store.subscriptions() == [Subscription(CHAT, "all", DEFAULT_LEADS)]
