"""The reminder planner: events x subscriptions -> the reminders due, each a ``Slot``.

Public API (the dispatcher and scheduler build on it; names and fields are a contract)::

    Subscription(chat_id, scope, leads=DEFAULT_LEADS, active=True)
        # scope: "all" | "event:<id>" | "kind:<kind>"
    DeliveryKey(chat_id, event_id, revision, lead_key)  # frozen; also exported by bot.storage
    Slot(chat_id, event_id, revision, lead_key, due_utc, starts_utc, lang, tz)  # .key: DeliveryKey
    plan_slots(calendar, revisions, subscriptions, chats, start_utc, end_utc) -> list[Slot]
        # due in [start_utc, end_utc), sorted by due
    next_due(calendar, revisions, subscriptions, chats, after_utc) -> datetime | None
        # the first due instant strictly after after_utc
    missed_slots(calendar, revisions, subscriptions, chats, since_utc, now_utc)
        -> CatchUp(send: list[Slot], skip: list[Slot])
    still_useful(slot, now_utc) -> bool

``chats`` maps chat id -> ``ChatPrefs``; a chat absent from it has default prefs. Cancelled events,
events known only to the month or year, inactive subscriptions and deactivated chats give no slots.
A chat subscribed to an event twice (``all`` and ``event:<id>``) gets each lead once. ``revision``
is the event's SEQUENCE: a moved event gets fresh slots (and fresh delivery keys). Lead rules:
``bot.reminders.leads``.

Catch-up: a slot whose due instant passed while calbot was down is still sent if the event has not
begun; otherwise it is skipped (and counted). A reminder that is meant for after the start (the
morning of an all-day event, due 08:00 while the day began at midnight) stays useful for
``MORNING_GRACE`` after due.

Pure: ``now`` is always an argument.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.chats import ChatPrefs
from bot.events.model import Calendar, Event
from bot.events.revisions import Revision
from bot.reminders.leads import DEFAULT_LEADS, Lead, due_utc

MORNING_GRACE = timedelta(hours=2)
NEXT_DUE_HORIZON = timedelta(days=800)
KINDS = ("conference", "meeting", "agenda_item", "background")


@dataclass(frozen=True)
class Subscription:
    """A chat's wish to be reminded of some events, with its lead times."""

    chat_id: int
    scope: str  # "all", "event:<id>" or "kind:<kind>"
    leads: tuple[Lead, ...] = DEFAULT_LEADS
    active: bool = True

    def matches(self, event: Event) -> bool:
        if self.scope == "all":
            return True
        kind, _, value = self.scope.partition(":")
        if kind == "event":
            return event.id == value
        if kind == "kind":
            return event.kind == value
        return False


def scope_for_event(event_id: str) -> str:
    return f"event:{event_id}"


def scope_for_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    return f"kind:{kind}"


@dataclass(frozen=True)
class DeliveryKey:
    """What makes one message unique in the delivery log (re-exported by ``bot.storage``)."""

    chat_id: int
    event_id: str
    revision: int
    lead_key: str  # a lead ("1d", "3h"), "change:<sequence>", "snooze:<id>" or "digest:<date>"


@dataclass(frozen=True)
class Slot:
    """One reminder to send: to a chat, about an event at one revision, for one lead."""

    chat_id: int
    event_id: str
    revision: int
    lead_key: str
    due_utc: datetime
    starts_utc: datetime
    lang: str = "en"
    tz: str = "UTC"

    @property
    def key(self) -> DeliveryKey:
        return DeliveryKey(self.chat_id, self.event_id, self.revision, self.lead_key)


@dataclass(frozen=True)
class CatchUp:
    """The slots that fell due while calbot was down: still worth sending, and too late."""

    send: list[Slot]
    skip: list[Slot]


def plan_slots(
    calendar: Calendar,
    revisions: Mapping[str, Revision],
    subscriptions: Iterable[Subscription],
    chats: Mapping[int, ChatPrefs],
    start_utc: datetime,
    end_utc: datetime,
) -> list[Slot]:
    """Every reminder due in ``[start_utc, end_utc)``, sorted by due instant (then chat, event)."""
    slots: dict[tuple[int, str, str], Slot] = {}
    for subscription in subscriptions:
        prefs = chats.get(subscription.chat_id, ChatPrefs(subscription.chat_id))
        if not subscription.active or not prefs.active:
            continue
        tz = prefs.timezone or calendar.timezone
        lang = prefs.language or calendar.language
        for event in calendar.events:
            if event.status == "cancelled" or not subscription.matches(event):
                continue
            revision = revisions[event.id].sequence if event.id in revisions else 0
            for lead in subscription.leads:
                due = due_utc(event, lead, ZoneInfo(tz))
                if due is None or not start_utc <= due < end_utc:
                    continue
                slot = Slot(
                    subscription.chat_id, event.id, revision, lead.key,
                    due, event.starts_utc, lang, tz,
                )  # fmt: skip
                slots[(slot.chat_id, slot.event_id, slot.lead_key)] = slot
    return sorted(slots.values(), key=_slot_order)


def _slot_order(slot: Slot) -> tuple[datetime, int, str, str]:
    return (slot.due_utc, slot.chat_id, slot.event_id, slot.lead_key)


def next_due(
    calendar: Calendar,
    revisions: Mapping[str, Revision],
    subscriptions: Iterable[Subscription],
    chats: Mapping[int, ChatPrefs],
    after_utc: datetime,
) -> datetime | None:
    """The first due instant strictly after ``after_utc`` (within ``NEXT_DUE_HORIZON``), or None."""
    start = after_utc + timedelta(microseconds=1)
    slots = plan_slots(
        calendar, revisions, subscriptions, chats, start, after_utc + NEXT_DUE_HORIZON
    )
    return slots[0].due_utc if slots else None


def still_useful(slot: Slot, now_utc: datetime) -> bool:
    """Whether a late reminder is still worth sending at ``now_utc``."""
    if slot.due_utc >= slot.starts_utc:
        return now_utc < slot.due_utc + MORNING_GRACE
    return now_utc < slot.starts_utc


def missed_slots(
    calendar: Calendar,
    revisions: Mapping[str, Revision],
    subscriptions: Iterable[Subscription],
    chats: Mapping[int, ChatPrefs],
    since_utc: datetime,
    now_utc: datetime,
) -> CatchUp:
    """Slots due in ``[since_utc, now_utc)``: those still useful to send, and those to skip."""
    late = plan_slots(calendar, revisions, subscriptions, chats, since_utc, now_utc)
    send = [slot for slot in late if still_useful(slot, now_utc)]
    skip = [slot for slot in late if not still_useful(slot, now_utc)]
    return CatchUp(send, skip)
