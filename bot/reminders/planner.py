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
    # the same over subscriptions grouped once (the dispatcher keeps the grouping between runs):
    group_subscriptions(calendar, subscriptions, chats) -> Audience
    plan_audience(calendar, revisions, audience, start_utc, end_utc) -> list[Slot]
    missed_audience(calendar, revisions, audience, since_utc, now_utc) -> CatchUp
    first_due(calendar, revisions, audience, start_utc, end_utc) -> datetime | None

``chats`` maps chat id -> ``ChatPrefs``; a chat absent from it has default prefs. Cancelled events,
events known only to the month or year, inactive subscriptions and deactivated chats give no slots.
A chat subscribed to an event twice (``all`` and ``event:<id>``) gets each lead once. ``revision``
is the event's SEQUENCE: a moved event gets fresh slots (and fresh delivery keys). Lead rules:
``bot.reminders.leads``.

Catch-up: a slot whose due instant passed while calbot was down is still sent if the event has not
begun; otherwise it is skipped (and counted). A reminder that is meant for after the start (the
morning of an all-day event, due 08:00 while the day began at midnight) stays useful for
``MORNING_GRACE`` after due.

Scale: subscriptions are grouped by (scope, leads, zone), so a due instant is computed once per
group and event, not once per chat, and only the slots inside the window are built.

Pure: ``now`` is always an argument.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from operator import attrgetter
from zoneinfo import ZoneInfo

from bot.chats import ChatPrefs
from bot.events.model import Calendar, Event
from bot.events.revisions import Revision
from bot.reader import reader_for
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
    audience = group_subscriptions(calendar, subscriptions, chats)
    return plan_audience(calendar, revisions, audience, start_utc, end_utc)


@dataclass(frozen=True)
class Audience:
    """The active subscriptions grouped by what decides their due instants: (scope, leads, zone).

    Most chats keep the defaults, so 100,000 subscriptions make a handful of groups: each due
    instant is computed once per group and shared by its chats. Build it with
    ``group_subscriptions``; it stays valid while the calendar, subscriptions and chats do.
    """

    groups: Mapping[tuple[str, tuple[Lead, ...], str], tuple[tuple[int, str], ...]]
    overlapping: bool  # some chat is in several groups: its slots need de-duplicating


def group_subscriptions(
    calendar: Calendar, subscriptions: Iterable[Subscription], chats: Mapping[int, ChatPrefs]
) -> Audience:
    """Group the active subscriptions of active chats by (scope, leads, zone); (chat, lang) each."""
    groups: dict[tuple[str, tuple[Lead, ...], str], list[tuple[int, str]]] = {}
    readers: dict[tuple[str | None, str | None], tuple[str, str]] = {}  # few distinct prefs
    seen: set[int] = set()
    repeated = False
    for subscription in subscriptions:
        prefs = chats.get(subscription.chat_id) or ChatPrefs(subscription.chat_id)
        if not subscription.active or not prefs.active:
            continue
        stored = (prefs.timezone, prefs.language)
        if stored not in readers:
            reader = reader_for(prefs, calendar)  # the fallbacks every handler uses
            readers[stored] = (reader.zone.key, reader.lang)
        tz, lang = readers[stored]
        key = (subscription.scope, subscription.leads, tz)
        groups.setdefault(key, []).append((subscription.chat_id, lang))
        repeated = repeated or subscription.chat_id in seen
        seen.add(subscription.chat_id)
    frozen = {key: tuple(members) for key, members in groups.items()}
    return Audience(frozen, repeated)


def plan_audience(
    calendar: Calendar,
    revisions: Mapping[str, Revision],
    audience: Audience,
    start_utc: datetime,
    end_utc: datetime,
) -> list[Slot]:
    """``plan_slots`` for subscriptions already grouped: only slots in the window are built."""
    dues: dict[tuple[str, Lead, str], datetime | None] = {}
    slots: list[Slot] = []
    for (scope, leads, tz), members in audience.groups.items():
        for event, revision, lead, due in _firings(
            calendar, revisions, scope, leads, tz, dues, start_utc, end_utc
        ):
            event_id, lead_key, starts = event.id, lead.key, event.starts_utc
            slots += [
                Slot(chat_id, event_id, revision, lead_key, due, starts, lang, tz)
                for chat_id, lang in members
            ]
    if audience.overlapping:
        unique = {(slot.chat_id, slot.event_id, slot.lead_key): slot for slot in slots}
        slots = list(unique.values())
    slots.sort(key=_SLOT_ORDER)
    return slots


def _firings(
    calendar: Calendar,
    revisions: Mapping[str, Revision],
    scope: str,
    leads: tuple[Lead, ...],
    tz: str,
    dues: dict[tuple[str, Lead, str], datetime | None],
    start_utc: datetime,
    end_utc: datetime,
) -> Iterator[tuple[Event, int, Lead, datetime]]:
    """(event, revision, lead, due) in the window for one group; ``dues`` caches across groups."""
    probe = Subscription(0, scope)
    for event in calendar.events:
        if event.status == "cancelled" or not probe.matches(event):
            continue
        revision = revisions[event.id].sequence if event.id in revisions else 0
        for lead in leads:
            key = (event.id, lead, tz)
            if key not in dues:
                dues[key] = due_utc(event, lead, ZoneInfo(tz))
            due = dues[key]
            if due is not None and start_utc <= due < end_utc:
                yield event, revision, lead, due


_SLOT_ORDER = attrgetter("due_utc", "chat_id", "event_id", "lead_key")


def next_due(
    calendar: Calendar,
    revisions: Mapping[str, Revision],
    subscriptions: Iterable[Subscription],
    chats: Mapping[int, ChatPrefs],
    after_utc: datetime,
) -> datetime | None:
    """The first due instant strictly after ``after_utc`` (within ``NEXT_DUE_HORIZON``), or None."""
    start = after_utc + timedelta(microseconds=1)
    audience = group_subscriptions(calendar, subscriptions, chats)
    return first_due(calendar, revisions, audience, start, after_utc + NEXT_DUE_HORIZON)


def first_due(
    calendar: Calendar,
    revisions: Mapping[str, Revision],
    audience: Audience,
    start_utc: datetime,
    end_utc: datetime,
) -> datetime | None:
    """The earliest due instant in ``[start_utc, end_utc)``, building no slots."""
    dues: dict[tuple[str, Lead, str], datetime | None] = {}
    found = [
        due
        for (scope, leads, tz) in audience.groups
        for _event, _revision, _lead, due in _firings(
            calendar, revisions, scope, leads, tz, dues, start_utc, end_utc
        )
    ]
    return min(found, default=None)


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
    audience = group_subscriptions(calendar, subscriptions, chats)
    return missed_audience(calendar, revisions, audience, since_utc, now_utc)


def missed_audience(
    calendar: Calendar,
    revisions: Mapping[str, Revision],
    audience: Audience,
    since_utc: datetime,
    now_utc: datetime,
) -> CatchUp:
    """``missed_slots`` for subscriptions already grouped."""
    late = plan_audience(calendar, revisions, audience, since_utc, now_utc)
    send = [slot for slot in late if still_useful(slot, now_utc)]
    skip = [slot for slot in late if not still_useful(slot, now_utc)]
    return CatchUp(send, skip)
