"""Burst: a thousand users write at once, through the strict fake Bot API at Telegram's limits.

calbot's real Application (default outbound lane) polls the fake server; every user sends /next in
the same instant. Printed: users answered, 429s provoked, the time to the last reply against the
ideal n / 30 s, reply latencies; then the same burst while a 2,000-chat reminder fan-out falls due
(how late the first reminder leaves, how the two share the rate); then the first reminder's delay
at idle. ``--users`` and ``--chats`` change the sizes.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.clock import ManualClock, OffsetClock
from bot.state import CalendarHolder
from tests.fakes.bot_api import FakeBotApi
from tests.outbound.conftest import (
    running_bot,
    running_reminders,
    sqlite_store,
    subscribe_many,
)
from tests.reminders.conftest import write_events

TELEGRAM_RATE = 30.0
FIRST_USER = 100_000
MSP_DUE = datetime(2007, 11, 7, 8, 0, tzinfo=UTC)
EVENTS = Path(__file__).resolve().parents[1] / "events.yaml"


def push(api: FakeBotApi, users: range) -> float:
    for chat_id in users:
        api.push_text(chat_id, "/next", user_id=chat_id)
    return time.monotonic()


def report_replies(api: FakeBotApi, users: range, pushed: float, label: str) -> float:
    replies = [m for m in api.sent if m.chat_id in users]
    latencies = sorted(m.at - pushed for m in replies)
    last = latencies[-1]
    ideal = len(users) / TELEGRAM_RATE
    print(f"{label}: {len({m.chat_id for m in replies})} of {len(users)} users answered")
    print(f"  429s provoked: {api.too_many_requests} (target 0)")
    print(f"  last reply {last:.1f} s after the burst; ideal n/30 = {ideal:.1f} s; "
          f"ratio {last / ideal:.2f}")  # fmt: skip
    p50, p90 = statistics.median(latencies), latencies[int(len(latencies) * 0.9)]
    print(f"  reply latency median {p50:.1f} s, p90 {p90:.1f} s")
    return last


async def burst_alone(workdir: Path, users: int) -> None:
    clock = ManualClock(datetime(2007, 11, 1, 9, 0, tzinfo=UTC))
    store = sqlite_store(workdir / "alone", clock)
    holder = CalendarHolder(EVENTS, clock, store)
    holder.load()
    asking = range(FIRST_USER, FIRST_USER + users)
    async with FakeBotApi() as api, running_bot(api, holder, clock, store):
        pushed = push(api, asking)
        await api.wait_until(lambda: sum(m.chat_id in asking for m in api.sent) >= users, 300)
        report_replies(api, asking, pushed, "burst alone")
    store.close()


async def burst_with_fan_out(workdir: Path, users: int, chats: int) -> None:
    lead_in = 4.0
    clock = OffsetClock(MSP_DUE - timedelta(seconds=lead_in))
    real_due = datetime.now(UTC) + timedelta(seconds=lead_in)
    store = sqlite_store(workdir / "fanout", clock)
    holder = CalendarHolder(write_events(workdir / "fanout" / "events.yaml"), clock, store)
    holder.load()
    asking, reminded = range(FIRST_USER, FIRST_USER + users), range(1, chats + 1)
    async with FakeBotApi() as api:
        subscribe_many(store, api, reminded, "event:msp-opening")
        async with (
            running_bot(api, holder, clock, store) as application,
            running_reminders(application, store, holder, clock),
        ):
            await asyncio.sleep(max(0.0, (real_due - datetime.now(UTC)).total_seconds() - 1.0))
            pushed = push(api, asking)  # a second before the reminders fall due
            await api.wait_until(lambda: sum(m.chat_id in asking for m in api.sent) >= users, 300)
            last_reply = report_replies(api, asking, pushed, "burst during a fan-out")
            during = sum(m.chat_id in reminded for m in api.sent)
            await api.wait_until(lambda: sum(m.chat_id in reminded for m in api.sent) >= chats, 600)
        reminders = [m for m in api.sent if m.chat_id in reminded]
        first = (reminders[0].accepted_at - real_due).total_seconds()
        done = (reminders[-1].accepted_at - real_due).total_seconds()
        print(
            f"  reminders: first {first:.2f} s after due (target <= 2 s); {during} of {chats} "
            f"sent during the {last_reply:.0f} s burst; all {chats} by {done:.0f} s after due"
        )
        print(f"  429s provoked overall: {api.too_many_requests} (target 0)")  # fmt: skip
    store.close()


async def idle_punctuality(workdir: Path, runs: int = 3) -> None:
    delays = []
    for run in range(runs):
        lead_in = 2.0
        clock = OffsetClock(MSP_DUE - timedelta(seconds=lead_in))
        real_due = datetime.now(UTC) + timedelta(seconds=lead_in)
        folder = workdir / f"idle{run}"
        folder.mkdir()
        store = sqlite_store(folder, clock)
        holder = CalendarHolder(write_events(folder / "events.yaml"), clock, store)
        holder.load()
        async with FakeBotApi() as api:
            subscribe_many(store, api, range(1, 51), "event:msp-opening")
            async with (
                running_bot(api, holder, clock, store) as application,
                running_reminders(application, store, holder, clock),
            ):
                [first] = await api.wait_for_messages(1, timeout=10)
        delays.append((first.accepted_at - real_due).total_seconds())
        store.close()
    shown = ", ".join(f"{delay:.3f}" for delay in delays)
    print(f"idle: first reminder accepted {shown} s after due (target <= 1 s)")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--chats", type=int, default=2000, help="reminder fan-out size")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for name in ("alone", "fanout"):
            (workdir / name).mkdir()
        await burst_alone(workdir, args.users)
        await burst_with_fan_out(workdir, args.users, args.chats)
        await idle_punctuality(workdir)


if __name__ == "__main__":
    asyncio.run(main())
