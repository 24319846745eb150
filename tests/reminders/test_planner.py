"""The planner: which reminders each chat gets, when, and what catch-up does after downtime."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.chats import ChatPrefs
from bot.clock import ManualClock
from bot.events.model import Calendar
from bot.events.revisions import MemoryRevisionStore, Revision
from bot.reminders.leads import DEFAULT_LEADS, due_utc, parse_leads
from bot.reminders.planner import (
    Slot,
    Subscription,
    group_subscriptions,
    missed_slots,
    next_due,
    plan_slots,
)
from bot.state import CalendarHolder

PROTOCOL_V = "ccw-protocol-v-conference-2007"
APII = "ccw-apii-conference-2007"
MSP = "ccw-msp-2007"
NOV_1 = datetime(2007, 11, 1, tzinfo=UTC)
NOV_10 = datetime(2007, 11, 10, tzinfo=UTC)
ZURICH_CHAT = {1: ChatPrefs(1, "Europe/Zurich", "en")}


@pytest.fixture
def shipped(events_copy: Path, clock: ManualClock) -> CalendarHolder:
    """The shipped calendar, loaded (tests/reminders/conftest.py's ``holder`` has another one)."""
    loaded = CalendarHolder(events_copy, clock, MemoryRevisionStore())
    loaded.load()
    return loaded


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def plan(calendar: Calendar, subs: list[Subscription], chats=ZURICH_CHAT, start=NOV_1, end=NOV_10):
    return plan_slots(calendar, {}, subs, chats, start, end)


def test_everything_subscription_gets_day_before_and_morning_of_in_order(
    calendar: Calendar,
) -> None:
    slots = plan(calendar, [Subscription(1, "all")])
    assert [(s.event_id, s.lead_key, s.due_utc) for s in slots] == [
        (PROTOCOL_V, "1d", utc(2007, 11, 4, 8)),  # 09:00 CET on 4 November
        (PROTOCOL_V, "0d", utc(2007, 11, 5, 7)),  # 08:00 CET on 5 November
        (APII, "1d", utc(2007, 11, 5, 8)),
        (APII, "0d", utc(2007, 11, 6, 7)),
        (MSP, "1d", utc(2007, 11, 6, 8)),
        (MSP, "0d", utc(2007, 11, 7, 7)),
    ]


def test_slot_carries_the_chats_language_zone_and_the_event_start(calendar: Calendar) -> None:
    chats = {1: ChatPrefs(1, "Asia/Tokyo", "fr")}
    slot = plan(calendar, [Subscription(1, f"event:{MSP}")], chats)[0]
    assert (slot.lang, slot.tz) == ("fr", "Asia/Tokyo")
    assert slot.due_utc == utc(2007, 11, 6, 0)  # 09:00 in Tokyo on 6 November
    assert slot.starts_utc == calendar.by_id[MSP].starts_utc


def test_chat_without_prefs_uses_the_calendar_zone_and_language(calendar: Calendar) -> None:
    slot = plan(calendar, [Subscription(7, f"event:{MSP}")], chats={})[0]
    assert (slot.tz, slot.lang, slot.due_utc) == ("Europe/Zurich", "en", utc(2007, 11, 6, 8))


def test_event_scope_gets_only_that_event(calendar: Calendar) -> None:
    slots = plan(calendar, [Subscription(1, f"event:{APII}")])
    assert {slot.event_id for slot in slots} == {APII}


def test_kind_scope_gets_only_that_kind(calendar: Calendar) -> None:
    slots = plan(calendar, [Subscription(1, "kind:conference")])
    assert {slot.event_id for slot in slots} == {PROTOCOL_V, APII}


def test_own_lead_times_replace_the_defaults(calendar: Calendar) -> None:
    slots = plan(calendar, [Subscription(1, f"event:{MSP}", parse_leads("2d 3h"))])
    assert [(s.lead_key, s.due_utc) for s in slots] == [
        ("2d", utc(2007, 11, 5, 8)),
        ("3h", utc(2007, 11, 7, 6)),  # 08:00 - 3h = 05:00 local, moved out of the night to 07:00
    ]


def test_overlapping_subscriptions_remind_once_per_lead(calendar: Calendar) -> None:
    subs = [Subscription(1, "all"), Subscription(1, f"event:{MSP}")]
    slots = [s for s in plan(calendar, subs) if s.event_id == MSP]
    assert [s.lead_key for s in slots] == ["1d", "0d"]


def test_cancelled_event_gets_no_reminders(calendar: Calendar) -> None:
    events = tuple(
        e.model_copy(update={"status": "cancelled"}) if e.id == MSP else e for e in calendar.events
    )
    cancelled = calendar.model_copy(update={"events": events})
    assert MSP not in {slot.event_id for slot in plan(cancelled, [Subscription(1, "all")])}


def test_deactivated_chat_and_ended_subscription_get_nothing(calendar: Calendar) -> None:
    blocked = {1: ChatPrefs(1, "Europe/Zurich", "en", active=False)}
    assert plan(calendar, [Subscription(1, "all")], blocked) == []
    assert plan(calendar, [Subscription(1, "all", active=False)]) == []


def test_event_known_only_by_month_is_never_planned(calendar: Calendar) -> None:
    june = plan(calendar, [Subscription(1, "all")], start=utc(2007, 5, 1), end=utc(2007, 7, 1))
    assert {slot.event_id for slot in june} == {"ccw-prepcom-protocol-v-2007"}


def test_slot_revision_is_the_events_sequence(shipped: CalendarHolder) -> None:
    revisions = dict(shipped.current.revisions)
    old = revisions[MSP]
    revisions[MSP] = Revision(MSP, old.fingerprint, 3, old.modified_utc)
    slots = plan_slots(
        shipped.current.calendar, revisions, [Subscription(1, f"event:{MSP}")], {}, NOV_1, NOV_10
    )
    assert {slot.revision for slot in slots} == {3}


def test_next_due_is_the_first_due_strictly_after(calendar: Calendar) -> None:
    subs = [Subscription(1, "all")]
    assert next_due(calendar, {}, subs, ZURICH_CHAT, NOV_1) == utc(2007, 11, 4, 8)
    assert next_due(calendar, {}, subs, ZURICH_CHAT, utc(2007, 11, 4, 8)) == utc(2007, 11, 5, 7)
    assert next_due(calendar, {}, subs, ZURICH_CHAT, utc(2009, 1, 1)) is None


def test_catch_up_sends_what_is_still_ahead_and_skips_what_has_begun(calendar: Calendar) -> None:
    # calbot was down from 1 November until 08:30 UTC on 5 November.
    late = missed_slots(
        calendar, {}, [Subscription(1, "all")], ZURICH_CHAT, NOV_1, utc(2007, 11, 5, 8, 30)
    )
    assert [(s.event_id, s.lead_key) for s in late.skip] == [(PROTOCOL_V, "1d")]
    # The morning-of reminder (due 08:00 local) is still useful a little after; APII is tomorrow.
    assert [(s.event_id, s.lead_key) for s in late.send] == [(PROTOCOL_V, "0d"), (APII, "1d")]


def test_catch_up_morning_of_reminder_expires_after_the_grace(calendar: Calendar) -> None:
    now = utc(2007, 11, 5, 7) + timedelta(hours=2)
    late = missed_slots(
        calendar, {}, [Subscription(1, f"event:{PROTOCOL_V}")], ZURICH_CHAT, NOV_1, now
    )
    assert late.send == []
    assert [s.lead_key for s in late.skip] == ["1d", "0d"]


# Grouping: the same slots as planning every subscription one by one ------------------------------


def reference_plan(
    calendar: Calendar,
    subscriptions: list[Subscription],
    chats: dict[int, ChatPrefs],
    start_utc: datetime,
    end_utc: datetime,
) -> list[Slot]:
    """The planner as first written: every subscription x event x lead, no sharing."""
    slots: dict[tuple[int, str, str], Slot] = {}
    for sub in subscriptions:
        prefs = chats.get(sub.chat_id, ChatPrefs(sub.chat_id))
        if not sub.active or not prefs.active:
            continue
        tz = prefs.timezone or calendar.timezone
        lang = prefs.language or calendar.language
        for event in calendar.events:
            if event.status == "cancelled" or not sub.matches(event):
                continue
            for lead in sub.leads:
                due = due_utc(event, lead, ZoneInfo(tz))
                if due is not None and start_utc <= due < end_utc:
                    slot = Slot(sub.chat_id, event.id, 0, lead.key, due, event.starts_utc, lang, tz)
                    slots[(sub.chat_id, event.id, lead.key)] = slot
    return sorted(slots.values(), key=lambda s: (s.due_utc, s.chat_id, s.event_id, s.lead_key))


def mixed_audience(calendar: Calendar) -> tuple[list[Subscription], dict[int, ChatPrefs]]:
    """Many chats over a few zones, lead sets and scopes; some overlap, some are off."""
    zones = [None, "Europe/Zurich", "Asia/Tokyo", "America/Los_Angeles", "Pacific/Auckland"]
    lead_sets = [DEFAULT_LEADS, parse_leads("2d,3h"), parse_leads("1w,1d@07:30,30m")]
    scopes = ["all", "kind:conference", "kind:meeting", *(f"event:{e.id}" for e in calendar.events)]
    subs, chats = [], {}
    for chat_id in range(1, 121):
        zone = zones[chat_id % len(zones)]
        if chat_id % 7:  # every seventh chat has no prefs row at all
            chats[chat_id] = ChatPrefs(
                chat_id, zone, "fr" if chat_id % 2 else None, chat_id % 11 != 0
            )
        leads = lead_sets[chat_id % len(lead_sets)]
        subs.append(Subscription(chat_id, scopes[chat_id % len(scopes)], leads, chat_id % 13 != 0))
        if chat_id % 4 == 0:  # a second, overlapping subscription with other leads
            subs.append(Subscription(chat_id, "all", lead_sets[(chat_id + 1) % len(lead_sets)]))
    return subs, chats


def test_grouped_planning_gives_the_same_slots_as_one_by_one(calendar: Calendar) -> None:
    subs, chats = mixed_audience(calendar)
    start, end = utc(2007, 9, 1), utc(2008, 1, 1)
    planned = plan_slots(calendar, {}, subs, chats, start, end)
    assert len(planned) > 200
    assert planned == reference_plan(calendar, subs, chats, start, end)


def test_grouped_planning_matches_in_a_narrow_window(calendar: Calendar) -> None:
    subs, chats = mixed_audience(calendar)
    start, end = utc(2007, 11, 5, 6), utc(2007, 11, 6, 9)
    planned = plan_slots(calendar, {}, subs, chats, start, end)
    assert planned == reference_plan(calendar, subs, chats, start, end)


def test_next_due_matches_the_first_slot_one_by_one(calendar: Calendar) -> None:
    subs, chats = mixed_audience(calendar)
    after = utc(2007, 11, 5, 7)
    first = reference_plan(
        calendar, subs, chats, after + timedelta(microseconds=1), utc(2009, 1, 1)
    )
    assert next_due(calendar, {}, subs, chats, after) == first[0].due_utc


def test_chats_with_the_same_zone_and_leads_share_one_group(calendar: Calendar) -> None:
    subs = [Subscription(chat_id, "all") for chat_id in range(1, 1001)]
    chats = {chat_id: ChatPrefs(chat_id, language="fr") for chat_id in range(1, 500)}
    audience = group_subscriptions(calendar, subs, chats)
    assert len(audience.groups) == 1
    assert not audience.overlapping


def test_a_chat_whose_zone_left_tzdata_is_planned_in_the_calendars_zone(
    calendar: Calendar,
) -> None:
    gone = {1: ChatPrefs(1, "Mars/Olympus_Mons", "ru-RU")}
    slots = plan(calendar, [Subscription(1, "all")], chats=gone)
    assert slots == plan(calendar, [Subscription(1, "all")], chats={1: ChatPrefs(1, None, "ru")})
    assert {(slot.tz, slot.lang) for slot in slots} == {("Europe/Zurich", "ru")}
