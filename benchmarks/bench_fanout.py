"""Fan-out benchmark: one reminder to many chats through the real dispatcher, sender and store.

    .venv/bin/python benchmarks/bench_fanout.py [--chats 2000] [--lifted-chats 5000] [--plan 100000]
        [--only-planning]

1. At Telegram's default limits (the fake Bot API enforces 30/s overall): messages per second as a
fraction of 30 (target >= 0.95) and the 429s provoked (target 0), with the projection for 10,000. 2.
With the server's limits lifted and calbot's pacing off: the sustainable maximum, and the delay from
the due instant (woken by the real scheduler on a settable clock) to the first and the last message.
3. Memory and time to plan 100,000 subscriptions read from the database.

The fake server runs in this process, so in part 2 it takes part of the CPU calbot would have.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("PTB_TIMEDELTA", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from telegram import Bot
from telegram.ext import ExtBot
from telegram.request import HTTPXRequest

from bot.clock import Clock, ManualClock, OffsetClock
from bot.config import Settings
from bot.outbound import OutboundLane
from bot.outbound.budget import Budget
from bot.reminders import ReminderServices
from bot.reminders.dispatcher import CONCURRENCY, Dispatcher
from bot.reminders.planner import first_due, group_subscriptions, missed_audience, plan_slots
from bot.reminders.sender import Sender
from bot.reminders.service import ReminderService
from bot.state import CalendarHolder
from bot.storage import Store, schema
from tests.fakes.bot_api import DEFAULT_TOKEN, FakeBotApi
from tests.reminders.conftest import write_events

DUE = datetime(2007, 11, 7, 8, 0, tzinfo=UTC)  # the 1-hour reminder of the test calendar's MSP
TELEGRAM_RATE = 30.0


def fill(store: Store, chats: int, scope: str) -> None:
    now = datetime(2007, 10, 1, tzinfo=UTC)
    stamps = {"created_utc": now, "updated_utc": now}
    ids = range(1, chats + 1)
    with store.engine.begin() as connection:
        connection.execute(
            schema.chats.insert(), [{"id": c, "active": True, **stamps} for c in ids]
        )
        subs = [
            {"chat_id": c, "scope": scope, "leads": "1h", "active": True, **stamps} for c in ids
        ]
        connection.execute(schema.subscriptions.insert(), subs)


def open_world(
    workdir: Path, name: str, chats: int, clock: Clock, scope: str = "event:msp-opening"
) -> ReminderServices:
    store = Store.open(f"sqlite:///{workdir / name}.db", clock)
    fill(store, chats, scope)
    holder = CalendarHolder(write_events(workdir / f"{name}.yaml"), clock, store)
    holder.load()
    settings = Settings(TELEGRAM_BOT_TOKEN=DEFAULT_TOKEN)  # type: ignore[call-arg]
    return ReminderServices(store, holder, clock, settings)


def make_bot(api: FakeBotApi, budget: Budget | None = None) -> Bot:
    """The bot as the application has it: the outbound lane is its rate limiter."""
    request = HTTPXRequest(connection_pool_size=CONCURRENCY * 2)
    lane = OutboundLane(budget or Budget())
    return ExtBot(DEFAULT_TOKEN, base_url=f"{api.base_url}/bot", request=request, rate_limiter=lane)


async def at_default_limits(workdir: Path, chats: int) -> None:
    services = open_world(workdir, "limits", chats, ManualClock(DUE))
    async with FakeBotApi() as api, make_bot(api) as bot:
        for chat_id in range(1, chats + 1):
            api.add_chat(chat_id)
        dispatcher = Dispatcher(services, Sender(bot, services.store))
        started = time.monotonic()
        report = await dispatcher.run_due(DUE)
        elapsed = time.monotonic() - started
        times = [message.at for message in api.sent]
        rate = (len(times) - 1) / (times[-1] - times[0])
        print(f"default limits: {report.sent} of {chats} chats in {elapsed:.1f} s")
        print(f"  rate {rate:.2f} msg/s = {rate / TELEGRAM_RATE:.3f} of 30/s (target >= 0.95)")
        print(f"  429s provoked: {api.too_many_requests} (target 0)")
        print(
            f"  projection for 10,000 chats: {10_000 / rate:.0f} s ({10_000 / rate / 60:.1f} min)"
        )
    services.store.close()


async def lifted(workdir: Path, chats: int) -> None:
    lead_in = timedelta(seconds=5)  # calbot is up before the reminder falls due
    services = open_world(workdir, "lifted", chats, ManualClock(DUE - lead_in))
    unpaced = Budget(rate=0, private_interval=0, group_interval=0)
    async with FakeBotApi() as api, make_bot(api, unpaced) as bot:
        api.lift_rate_limits()
        for chat_id in range(1, chats + 1):
            api.add_chat(chat_id)
        clock = OffsetClock(DUE - lead_in)  # set up first: the settable clock runs from here
        services = dataclasses.replace(services, clock=clock)
        real_due = datetime.now(UTC) + (DUE - clock.now())
        service = ReminderService(services, bot, watch_interval=None)
        await service.start()
        await service.wait_idle()
        ready = (real_due - datetime.now(UTC)).total_seconds()
        print(f"limits lifted: started, catch-up done and wake-up booked {ready:.1f} s before due")
        await api.wait_for_messages(chats, timeout=chats / 20 + 60)
        await service.stop()
        first, last = api.sent[0], api.sent[-1]
        rate = (len(api.sent) - 1) / (last.at - first.at)
        print(f"  {len(api.sent)} chats, sustained {rate:.0f} msg/s")
        print(f"  due -> first message {(first.accepted_at - real_due).total_seconds():.3f} s")
        print(f"  due -> last message  {(last.accepted_at - real_due).total_seconds():.1f} s")
    services.store.close()


def planning_memory(workdir: Path, subscriptions: int) -> None:
    clock = ManualClock(DUE)
    services = open_world(workdir, "plan", subscriptions, clock, scope="all")
    snapshot = services.holder.current
    tracemalloc.start()
    started = time.monotonic()
    subs, chats = services.store.subscriptions(), services.store.chats()
    read = time.monotonic() - started
    slots = plan_slots(
        snapshot.calendar, snapshot.revisions, subs, chats, DUE - timedelta(days=61), DUE
    )
    planned = time.monotonic() - started - read
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"planning {subscriptions:,} subscriptions: {len(slots):,} slots due")
    print(f"  read {read:.2f} s, plan {planned:.2f} s; tracemalloc peak {peak / 2**20:.0f} MiB;")
    print(f"  process max RSS {rss_mb:.0f} MiB")
    print(f"  a wake-up with nothing changed: {wake_up_cost(services) * 1000:.1f} ms")
    services.store.close()


def wake_up_cost(services: ReminderServices) -> float:
    """What a dispatcher wake-up costs when the grouped subscriptions are kept: the change stamp,
    the minute since the last run, and the next due instant (as ``Dispatcher`` does it)."""
    snapshot, store = services.holder.current, services.store
    calendar, revisions = snapshot.calendar, snapshot.revisions
    audience = group_subscriptions(calendar, store.subscriptions(), store.chats())
    started = time.monotonic()
    store.changes()
    missed_audience(calendar, revisions, audience, DUE - timedelta(minutes=1), DUE)
    first_due(calendar, revisions, audience, DUE, DUE + timedelta(days=800))
    return time.monotonic() - started


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=2000, help="chats at the default limits")
    parser.add_argument("--lifted-chats", type=int, default=5000, help="chats with limits lifted")
    parser.add_argument("--plan", type=int, default=100_000, help="subscriptions to plan")
    parser.add_argument("--only-planning", action="store_true", help="run part 3 alone")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        if not args.only_planning:
            await at_default_limits(workdir, args.chats)
            await lifted(workdir, args.lifted_chats)
        planning_memory(workdir, args.plan)


if __name__ == "__main__":
    asyncio.run(main())
