"""The dispatcher: at a given instant, send whatever is due, each message at most once.

``run_due(now_utc)`` plans the reminders that fell due since the last run
(``bot.reminders.planner``), the snoozes and the daily digests, and sends them through a small pool
of workers. Every message has a ``DeliveryKey`` in the delivery log: it is claimed (an atomic
insert) just before the send and finished with the outcome after, so a reminder goes out at most
once across runs, restarts and processes, and an interrupted fan-out resumes where it stopped (the
chats already logged are not sent again).

Crash window: a row a killed process left 'sending' may or may not have reached Telegram, and
Telegram offers no way to ask. ``recover()`` sends those again (at-least-once for them): a reminder
is never lost, and the duplicates are bounded by the messages in flight at the kill (at most
``concurrency``: those Telegram accepted whose outcome was not yet written; the crash test
measures them).

The first run after start looks back ``CATCH_UP`` for reminders missed while calbot was down: those
whose event has not begun are sent (the countdown computed at the send), the others logged
'skipped' (in one transaction).

Scale: the subscriptions are read and grouped once and kept while the calendar version and the
store's change stamp (``Store.changes()``) stay the same; a wake-up then plans only its own window.
``rescan()`` drops them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardMarkup

from bot.events.model import Event
from bot.metrics import REMINDERS
from bot.outbound import Priority
from bot.reader import read_chat, reader_for, zone_named
from bot.reminders import ReminderServices, messages
from bot.reminders.changes import Change
from bot.reminders.planner import (
    NEXT_DUE_HORIZON,
    Audience,
    CatchUp,
    DeliveryKey,
    Slot,
    first_due,
    group_subscriptions,
    missed_audience,
    plan_audience,
    still_useful,
)
from bot.reminders.sender import Sender
from bot.state import Snapshot

log = logging.getLogger(__name__)

CATCH_UP = timedelta(days=61)  # the longest lead (60 days) and a day
DIGEST_GRACE = timedelta(hours=6)  # a digest missed by longer than this is not worth sending
DIGEST_KEY = "*digest*"  # the event id of digest rows (no event has it: ids are slugs)
CONCURRENCY = 8  # in flight at once: 30/s even with 250 ms round trips; each may repeat on a crash
PLAN_AHEAD = timedelta(minutes=15)  # reminders kept from one run's look-ahead for the next
_JUST_AFTER = timedelta(microseconds=1)

Render = Callable[[datetime], tuple[str, InlineKeyboardMarkup | None]]


@dataclass
class Report:
    """What one run did."""

    sent: int = 0
    failed: int = 0
    gone: int = 0
    skipped: int = 0
    already: int = 0  # claimed before (another run, another process)


@dataclass(frozen=True)
class _Plan:
    """The reminders due in ``[start, end)`` as planned for calendar ``version``."""

    start: datetime
    end: datetime
    version: int
    slots: list[Slot]


@dataclass(frozen=True)
class Job:
    """One message to deliver under a delivery-log key; ``render`` gets the send instant."""

    key: DeliveryKey
    render: Render
    done: Callable[[], None] | None = None
    priority: Priority = Priority.REMINDER


@dataclass
class Dispatcher:
    """Sends the due reminders, snoozes, digests and change notices."""

    services: ReminderServices
    sender: Sender
    concurrency: int = CONCURRENCY
    stopping: bool = False  # set by the service's stop(): finish in-flight sends, start no more
    paused: bool = False  # another instance holds the dispatch lease: start no more sends
    _last_run_utc: datetime | None = None
    _orphans: set[DeliveryKey] = field(default_factory=set)
    _plan: _Plan | None = None
    # The grouped subscriptions, kept while (calendar version, store.changes()) stays the same: a
    # wake-up then reads no subscriptions and plans only its window.
    _audience: tuple[tuple[object, ...], Audience] | None = None

    def recover(self) -> int:
        """At start: take over the rows a crash left 'sending' (they will be sent again)."""
        self._orphans = {record.key for record in self.services.store.pending_deliveries()}
        if self._orphans:
            log.warning(
                "%d deliveries were in flight at the last stop; resending", len(self._orphans)
            )
        return len(self._orphans)

    def rescan(self) -> None:
        """The next run looks back the whole catch-up window (calendar or subscriptions changed)."""
        self._last_run_utc = None
        self._plan = None
        self._audience = None

    async def run_due(self, now_utc: datetime) -> Report:
        report = Report()
        first = self._last_run_utc is None
        since = now_utc - CATCH_UP if first else self._last_run_utc
        assert since is not None
        self._last_run_utc = now_utc + _JUST_AFTER
        planned = self._from_plan(since, now_utc)
        # Planning is pure but can be long for many chats: a thread, off the loop. It runs even when
        # a plan was kept, to catch a subscription made since without reschedule() (the store's
        # change stamp then differs, and the subscriptions are read again).
        scan = asyncio.create_task(asyncio.to_thread(self._scan, since, now_utc))
        if planned:  # the kept plan's reminders leave first, without waiting for the scan
            await self.deliver([self._slot_job(slot) for slot in planned], report)
        late = await scan
        if first:
            report.skipped += await asyncio.to_thread(self._record_skips, late.skip)
        known = {slot.key for slot in planned or ()}
        jobs = [self._slot_job(slot) for slot in late.send if slot.key not in known]
        jobs += self._snooze_jobs(now_utc, report)
        jobs += self._digest_jobs(now_utc)
        jobs += self._orphan_change_jobs()
        await self.deliver(jobs, report)
        return report

    async def next_due_utc(self, after_utc: datetime) -> datetime | None:
        """The next instant after ``after_utc`` something falls due (reminder, snooze or digest).

        Call it with the instant the last run covered: the reminders due soon after are kept, so the
        next run sends them without planning every subscription again (the first message of a large
        fan-out leaves at once).
        """
        store = self.services.store
        first_reminder = await asyncio.to_thread(self._plan_ahead, after_utc)
        candidates = [first_reminder, store.next_snooze_utc(), self._next_digest_utc(after_utc)]
        found = [instant for instant in candidates if instant is not None]
        return min(found) if found else None

    # Reminders ------------------------------------------------------------------------------------

    def _scan(self, since_utc: datetime, now_utc: datetime) -> CatchUp:
        snapshot = self.services.holder.current
        audience = self._grouped(snapshot)
        return missed_audience(
            snapshot.calendar, snapshot.revisions, audience, since_utc, now_utc + _JUST_AFTER
        )

    def _plan_ahead(self, after_utc: datetime) -> datetime | None:
        snapshot = self.services.holder.current
        audience = self._grouped(snapshot)
        start, end = after_utc + _JUST_AFTER, after_utc + PLAN_AHEAD
        calendar, revisions = snapshot.calendar, snapshot.revisions
        soon = plan_audience(calendar, revisions, audience, start, end)
        self._plan = _Plan(start, end, snapshot.version, soon)
        if soon:
            return soon[0].due_utc
        return first_due(calendar, revisions, audience, start, after_utc + NEXT_DUE_HORIZON)

    def _grouped(self, snapshot: Snapshot) -> Audience:
        """The grouped subscriptions for ``snapshot``, read again only when something changed."""
        store = self.services.store
        stamp = (snapshot.version, *store.changes())
        kept = self._audience
        if kept is not None and kept[0] == stamp:
            return kept[1]
        audience = group_subscriptions(snapshot.calendar, store.subscriptions(), store.chats())
        self._audience = (stamp, audience)
        return audience

    def _from_plan(self, since_utc: datetime, now_utc: datetime) -> list[Slot] | None:
        """The useful slots due in ``[since, now]`` from the plan, if it covers exactly that."""
        plan, version = self._plan, self.services.holder.current.version
        if (
            plan is None
            or plan.start != since_utc
            or now_utc >= plan.end
            or plan.version != version
        ):
            return None
        return [s for s in plan.slots if s.due_utc <= now_utc and still_useful(s, now_utc)]

    def _record_skips(self, slots: list[Slot]) -> int:
        keys = [slot.key for slot in slots]
        skipped = self.services.store.record_skipped_many(keys, "the event had begun at catch-up")
        REMINDERS.labels(outcome="skipped").inc(skipped)
        return skipped

    def _slot_job(self, slot: Slot) -> Job:
        event = self.services.holder.current.calendar.get(slot.event_id)
        assert event is not None  # the planner plans only the calendar's events
        zone = zone_named(slot.tz, self.services.holder.current.calendar.zone)
        return Job(slot.key, _reminder_renderer(event, slot.lang, zone))

    # Snoozes and digests --------------------------------------------------------------------------

    def _snooze_jobs(self, now_utc: datetime, report: Report) -> list[Job]:
        store, snapshot = self.services.store, self.services.holder.current
        jobs = []
        for snooze in store.due_snoozes(now_utc):
            event = snapshot.calendar.get(snooze.event_id)
            revision = snapshot.revisions.get(snooze.event_id)
            key = DeliveryKey(
                snooze.chat_id, snooze.event_id, revision.sequence if revision else 0,
                f"snooze:{snooze.id}",
            )  # fmt: skip
            if event is None or event.status == "cancelled" or event.phase(now_utc) == "past":
                store.record_skipped(key, "the event is over or gone")
                store.finish_snooze(snooze.id)
                report.skipped += 1
                continue
            reader = read_chat(store, snooze.chat_id, snapshot.calendar)
            done = _finisher(store.finish_snooze, snooze.id)
            jobs.append(Job(key, _reminder_renderer(event, reader.lang, reader.zone), done))
        return jobs

    def _digest_jobs(self, now_utc: datetime) -> list[Job]:
        store, calendar = self.services.store, self.services.holder.current.calendar
        jobs = []
        for chat in store.digest_chats():
            reader = reader_for(chat.prefs, calendar)
            zone, lang = reader.zone, reader.lang
            local = now_utc.astimezone(zone)
            due = datetime.combine(local.date(), chat.at, zone).astimezone(now_utc.tzinfo)
            if not due <= now_utc < due + DIGEST_GRACE:
                continue
            events = events_on(calendar.events, local.date(), zone)
            if not events:
                continue  # nothing on empty days
            key = DeliveryKey(chat.prefs.chat_id, DIGEST_KEY, 0, f"digest:{local.date()}")
            text = messages.digest_text(events, local.date(), lang, zone)
            jobs.append(Job(key, _fixed(text), priority=Priority.DIGEST))
        return jobs

    def _next_digest_utc(self, now_utc: datetime) -> datetime | None:
        calendar = self.services.holder.current.calendar
        found: list[datetime] = []
        for chat in self.services.store.digest_chats():
            zone = reader_for(chat.prefs, calendar).zone
            today = now_utc.astimezone(zone).date()
            for day in (today, today + timedelta(days=1)):
                due = datetime.combine(day, chat.at, zone).astimezone(now_utc.tzinfo)
                if due > now_utc:
                    found.append(due)
                    break
        return min(found) if found else None

    # Change notices -------------------------------------------------------------------------------

    def change_jobs(
        self, changes: list[Change], chats_for: Callable[[Change], list[int]]
    ) -> list[Job]:
        """One notice per subscriber for each moved, relocated, cancelled or removed event."""
        store, calendar = self.services.store, self.services.holder.current.calendar
        jobs = []
        for change in changes:
            if change.kind == "added":
                continue
            for chat_id in chats_for(change):
                reader = read_chat(store, chat_id, calendar)
                key = DeliveryKey(chat_id, change.event_id, change.sequence, change.lead_key)
                text = _notice_text(change.kind, change.event, reader.lang, reader.zone)
                jobs.append(Job(key, _fixed(text), priority=Priority.CHANGE))
        return jobs

    def _orphan_change_jobs(self) -> list[Job]:
        # A notice in flight at a crash: its change is not seen again, so rebuild it from the key.
        store, calendar = self.services.store, self.services.holder.current.calendar
        jobs = []
        for key in [key for key in self._orphans if key.lead_key.startswith("change:")]:
            event = calendar.get(key.event_id)
            if event is None:
                continue
            reader = read_chat(store, key.chat_id, calendar)
            kind = "cancelled" if event.status == "cancelled" else "moved"
            text = _notice_text(kind, event, reader.lang, reader.zone)
            jobs.append(Job(key, _fixed(text), priority=Priority.CHANGE))
        return jobs

    # Sending --------------------------------------------------------------------------------------

    async def deliver(self, jobs: list[Job], report: Report | None = None) -> Report:
        """Send ``jobs`` with ``concurrency`` workers, each claimed just before its send."""
        report = report or Report()
        queue = iter(jobs)

        async def worker() -> None:
            for job in queue:  # a shared iterator: each job goes to exactly one worker
                if self.stopping or self.paused:
                    return
                await self._deliver_one(job, report)

        workers = min(self.concurrency, len(jobs))
        await asyncio.gather(*(worker() for _ in range(workers)))
        return report

    async def _deliver_one(self, job: Job, report: Report) -> None:
        store = self.services.store
        # Database calls go to a thread so that sends and commits overlap (the store is sync).
        claimed = await asyncio.to_thread(store.claim_delivery, job.key)
        if not (claimed or self._take_orphan(job.key)):
            report.already += 1
            if job.done:
                job.done()
            return
        text, markup = job.render(self.services.clock.now())
        outcome = await self.sender.send(job.key.chat_id, text, markup, job.priority)
        key = job.key
        if outcome.chat_id != key.chat_id:  # migrated: the store moved the log row with the chat
            key = DeliveryKey(outcome.chat_id, key.event_id, key.revision, key.lead_key)
        status = "sent" if outcome.status == "sent" else "failed"
        try:
            # On the loop, not queued behind other claims: the sooner the outcome is on record, the
            # smaller the window in which a crash makes this message go out twice.
            store.finish_delivery(key, status, outcome.message_id, outcome.reason)
        except KeyError:
            log.warning("delivery %s vanished from the log (chat migrated twice?)", key)
        REMINDERS.labels(outcome=status).inc()
        if outcome.status == "sent":
            report.sent += 1
        elif outcome.status == "gone":
            report.gone += 1
        else:
            report.failed += 1
        if job.done:
            job.done()

    def _take_orphan(self, key: DeliveryKey) -> bool:
        if key in self._orphans:
            self._orphans.discard(key)
            return True
        return False


def events_on(events: tuple[Event, ...], day: date, zone: ZoneInfo) -> list[Event]:
    """The events on ``day`` for a reader in ``zone`` (all-day ones on their own dates)."""
    result = []
    for event in events:
        if event.status == "cancelled" or not event.days_stated:
            continue
        if event.is_timed:
            first = event.starts_utc.astimezone(zone).date()
            last = (event.ends_utc - timedelta(microseconds=1)).astimezone(zone).date()
        else:
            first, last = event.first_day, event.last_day
        if first <= day <= last:
            result.append(event)
    return result


def _notice_text(kind: str, event: Event, lang: str, zone: ZoneInfo) -> str:
    if kind in ("cancelled", "removed"):
        return messages.cancelled_text(event, lang, zone)
    return messages.changed_text(event, lang, zone)


def _reminder_renderer(event: Event, lang: str, zone: ZoneInfo) -> Render:
    def render(now_utc: datetime) -> tuple[str, InlineKeyboardMarkup | None]:
        text = messages.reminder_text(event, lang, zone, now_utc)
        return text, messages.reminder_keyboard(event.id, lang)

    return render


def _fixed(text: str) -> Render:
    return lambda _now: (text, None)


def _finisher(finish: Callable[[int], None], snooze_id: int) -> Callable[[], None]:
    return lambda: finish(snooze_id)
