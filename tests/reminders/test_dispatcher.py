"""The dispatcher, with a real database and the strict fake Bot API: what subscribers get, when."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from bot.clock import ManualClock
from bot.metrics import REGISTRY
from bot.reminders import messages
from bot.reminders.dispatcher import Dispatcher
from bot.reminders.planner import DeliveryKey
from bot.storage import Store
from tests.fakes.bot_api import FakeBotApi
from tests.reminders.conftest import subscribe

MSP = "event:msp-opening"
MSP_START = datetime(2007, 11, 7, 9, 0, tzinfo=UTC)  # 10:00 in Geneva


def counted(outcome: str) -> float:
    return REGISTRY.get_sample_value("calbot_reminders_total", {"outcome": outcome}) or 0.0


async def test_reminder_goes_out_at_its_lead_time_and_only_once(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    subscribe(store, api, 101, MSP, "1h")
    clock.set(MSP_START - timedelta(hours=1, minutes=1))
    assert (await dispatcher.run_due(clock.now())).sent == 0
    clock.set(MSP_START - timedelta(hours=1))
    await dispatcher.run_due(clock.now())
    await dispatcher.run_due(clock.now() + timedelta(minutes=5))
    [message] = api.sent
    assert message.chat_id == 101
    assert "Meeting of the States Parties <opening> & plenary" in message.plain
    assert "Wednesday, 7 November 2007, 10:00–13:00 CET" in message.plain
    assert "Palais des Nations, Geneva, Switzerland" in message.plain
    assert "starts in 1 hour" in message.plain
    assert message.callback_data == [
        "ev:msp-opening", "ics:msp-opening", "snz:msp-opening:1h", "snz:msp-opening:am",
        "uns:msp-opening",
    ]  # fmt: skip
    key = DeliveryKey(101, "msp-opening", 0, "1h")
    assert store.delivery_status(key) == "sent"


async def test_a_day_lead_fires_at_the_same_local_time_in_the_chats_zone(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    subscribe(store, api, 102, MSP, "1d", tz="Asia/Tokyo")
    clock.set(datetime(2007, 11, 6, 8, 59, tzinfo=UTC))  # 17:59 in Tokyo the day before
    await dispatcher.run_due(clock.now())
    assert api.sent == []
    clock.set(datetime(2007, 11, 6, 9, 0, tzinfo=UTC))  # 18:00 in Tokyo: the meeting's local time
    await dispatcher.run_due(clock.now())
    [message] = api.sent
    assert "Wednesday, 7 November 2007, 18:00–21:00 JST" in message.plain
    assert "starts in 1 day" in message.plain


async def test_a_wall_clock_lead_crosses_the_end_of_summer_time(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    # 29 October 2007, 09:00 CET; two days before on the wall clock is 27 October 09:00 CEST =
    # 07:00 UTC, an hour earlier than "48 hours before": the clocks went back on the 28th.
    subscribe(store, api, 103, "event:after-dst", "2d", tz="Europe/Zurich")
    clock.set(datetime(2007, 10, 27, 6, 59, tzinfo=UTC))
    await dispatcher.run_due(clock.now())
    assert api.sent == []
    clock.set(datetime(2007, 10, 27, 7, 0, tzinfo=UTC))
    await dispatcher.run_due(clock.now())
    [message] = api.sent
    assert "Monday, 29 October 2007, 09:00–10:00 CET" in message.plain
    assert "starts in 2 days and 1 hour" in message.plain


async def test_an_all_day_event_keeps_its_own_dates_and_fires_in_the_morning(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    subscribe(store, api, 104, "event:protocol-v", "1d,0d", tz="Asia/Tokyo")
    clock.set(datetime(2007, 11, 4, 0, 0, tzinfo=UTC))  # 09:00 in Tokyo on the 4th: the day before
    await dispatcher.run_due(clock.now())
    clock.set(datetime(2007, 11, 4, 23, 0, tzinfo=UTC))  # 08:00 in Tokyo on the 5th: the morning of
    await dispatcher.run_due(clock.now())
    day_before, morning_of = api.sent
    assert "5–6 November 2007" in day_before.plain
    assert "starts tomorrow" in day_before.plain
    assert "5–6 November 2007" in morning_of.plain
    assert "starts today" in morning_of.plain


async def test_french_chats_read_french(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    subscribe(store, api, 105, MSP, "90m", lang="fr")
    clock.set(MSP_START - timedelta(minutes=90))
    await dispatcher.run_due(clock.now())
    [message] = api.sent
    assert "Rappel" in message.plain
    assert "mercredi 7 novembre 2007" in message.plain
    assert "commence dans 1 heure et 30 minutes" in message.plain
    assert message.button("Demain matin")["callback_data"] == "snz:msp-opening:am"


async def test_after_downtime_a_missed_reminder_counts_down_from_the_real_send_time(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    subscribe(store, api, 106, MSP, "1h")
    clock.set(
        MSP_START - timedelta(minutes=40)
    )  # calbot was down at the due instant, 20 minutes ago
    report = await dispatcher.run_due(clock.now())
    assert report.sent == 1
    [message] = api.sent
    assert "starts in 40 minutes" in message.plain
    assert "1 hour" not in message.plain


async def test_after_downtime_a_reminder_for_a_begun_event_is_skipped_and_counted(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    subscribe(store, api, 107, MSP, "1h")
    skipped_before = counted("skipped")
    clock.set(MSP_START + timedelta(minutes=30))
    report = await dispatcher.run_due(clock.now())
    assert (report.sent, report.skipped) == (0, 1)
    assert api.sent == []
    assert store.delivery_status(DeliveryKey(107, "msp-opening", 0, "1h")) == "skipped"
    assert counted("skipped") == skipped_before + 1


async def test_a_snooze_brings_the_reminder_back_when_due(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    api.add_chat(108)
    clock.set(MSP_START - timedelta(hours=3))
    store.add_snooze(108, "msp-opening", MSP_START - timedelta(hours=2))
    await dispatcher.run_due(clock.now())
    assert api.sent == []
    clock.set(MSP_START - timedelta(hours=2))
    await dispatcher.run_due(clock.now())
    await dispatcher.run_due(clock.now() + timedelta(minutes=1))
    [message] = api.sent
    assert "starts in 2 hours" in message.plain
    assert store.due_snoozes(clock.now()) == []


async def test_the_daily_digest_lists_the_days_meetings_and_is_silent_on_empty_days(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    subscribe(store, api, 109, "event:after-dst", "0d", tz="Europe/Zurich")
    store.unsubscribe(109)
    store.set_digest(109, time(8, 0))
    clock.set(datetime(2007, 11, 1, 7, 0, tzinfo=UTC))  # 08:00 in Geneva, nothing that day
    await dispatcher.run_due(clock.now())
    assert api.sent == []
    clock.set(datetime(2007, 11, 7, 7, 0, tzinfo=UTC))  # 08:00 in Geneva on the MSP's day
    await dispatcher.run_due(clock.now())
    await dispatcher.run_due(clock.now() + timedelta(minutes=30))
    [digest] = api.sent
    assert "Today's meetings" in digest.plain
    assert "10:00 MSP opening" in digest.plain


async def test_a_reminder_claimed_by_another_process_is_not_sent_again(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    subscribe(store, api, 110, MSP, "1h")
    key = DeliveryKey(110, "msp-opening", 0, "1h")
    assert store.claim_delivery(key)
    store.finish_delivery(key, "sent", message_id=1)
    clock.set(MSP_START - timedelta(hours=1))
    report = await dispatcher.run_due(clock.now())
    assert (report.sent, report.already) == (0, 1)
    assert api.sent == []


async def test_a_delivery_left_in_flight_by_a_crash_is_sent_on_recovery(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    subscribe(store, api, 111, MSP, "1h")
    assert store.claim_delivery(DeliveryKey(111, "msp-opening", 0, "1h"))  # then the process died
    clock.set(MSP_START - timedelta(minutes=55))
    assert dispatcher.recover() == 1
    await dispatcher.run_due(clock.now())
    [message] = api.sent
    assert "starts in 55 minutes" in message.plain
    assert store.count_deliveries()["sending"] == 0


async def test_a_reminder_to_a_migrated_group_lands_in_the_supergroup_and_is_logged_there(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    subscribe(store, api, -112, MSP, "1h")
    api.add_chat(-1000000000112, "supergroup")
    api.fail_next(
        "sendMessage",
        400,
        "Bad Request: group chat was upgraded to a supergroup chat",
        migrate_to_chat_id=-1000000000112,
    )
    clock.set(MSP_START - timedelta(hours=1))
    await dispatcher.run_due(clock.now())
    [message] = api.sent
    assert message.chat_id == -1000000000112
    assert store.delivery_status(DeliveryKey(-1000000000112, "msp-opening", 0, "1h")) == "sent"
    await dispatcher.run_due(clock.now() + timedelta(minutes=1))
    assert len(api.sent) == 1


def test_buttons_whose_callback_data_would_pass_64_bytes_are_left_out() -> None:
    event_id = "a" * 60  # ids may have 63 characters; "snz:<id>:1h" would not fit
    keyboard = messages.reminder_keyboard(event_id, "en")
    data = [button.callback_data for row in keyboard.inline_keyboard for button in row]
    assert data == [f"ev:{event_id}", f"ics:{event_id}", f"uns:{event_id}"]
    assert all(len(str(item).encode()) <= 64 for item in data)


async def test_a_wake_up_with_nothing_changed_reads_no_subscriptions(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock, monkeypatch
) -> None:
    subscribe(store, api, 112, MSP, "1h")
    reads = []
    read = store.subscriptions
    monkeypatch.setattr(store, "subscriptions", lambda: reads.append(1) or read())
    clock.set(MSP_START - timedelta(hours=2))
    await dispatcher.run_due(clock.now())
    assert await dispatcher.next_due_utc(clock.now()) == MSP_START - timedelta(hours=1)
    clock.set(MSP_START - timedelta(hours=1))
    report = await dispatcher.run_due(clock.now())
    assert (report.sent, len(reads)) == (1, 1)


async def test_a_subscription_made_without_reschedule_is_still_reminded(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    subscribe(store, api, 113, MSP, "1h")
    clock.set(MSP_START - timedelta(hours=2))
    await dispatcher.run_due(clock.now())
    subscribe(store, api, 114, MSP, "118m")  # due in 2 minutes, and the dispatcher was not told
    report = await dispatcher.run_due(clock.now() + timedelta(minutes=5))
    assert report.sent == 1
    assert [message.chat_id for message in api.sent] == [114]


async def test_many_catch_up_skips_are_each_logged_and_counted(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    for chat_id in range(120, 130):
        subscribe(store, api, chat_id, MSP, "1h")
    skipped_before = counted("skipped")
    clock.set(MSP_START + timedelta(minutes=30))
    report = await dispatcher.run_due(clock.now())
    assert report.skipped == 10
    assert store.count_deliveries()["skipped"] == 10
    assert counted("skipped") == skipped_before + 10
