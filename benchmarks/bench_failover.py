"""Failover: two ``calbot serve`` processes on one database; the dispatcher is SIGKILLed midway.

A 2,000-chat reminder fan-out at Telegram's limits (the strict fake Bot API); the first instance
holds the reminder and polling leases, the second stands by. At 1,000 messages the first is killed.
Printed: how long until the second took over (against the 30 s the issue allows and the lease's own
bound, ``ttl + ttl / 3``), when every chat had its reminder, duplicates (bounded by the sends in
flight), 429s. PostgreSQL at 127.0.0.1:5432 (database ``test``) when it answers, else SQLite.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text

from bot.clock import ManualClock
from bot.lease import LEASE_TTL
from bot.storage import Store
from bot.telegram.polling import POLLING_LINE
from tests.conftest import _postgres_server
from tests.fakes.bot_api import FakeBotApi
from tests.outbound.conftest import subscribe_many
from tests.outbound.failover import calbot_now_for, start_instance
from tests.reminders.conftest import write_events

DUE = datetime(2007, 11, 7, 8, 0, tzinfo=UTC)


def database(workdir: Path) -> tuple[str, str, Callable[[], None]]:
    """A fresh schema on the local PostgreSQL if it answers, else a SQLite file."""
    server = _postgres_server()
    if server is None:
        return f"sqlite:///{workdir / 'calbot.db'}", "SQLite", lambda: None
    name = f"calbot_bench_{uuid.uuid4().hex[:8]}"
    engine = create_engine(server)
    with engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{name}"'))

    def drop() -> None:
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        engine.dispose()

    plain = server.replace("postgresql+psycopg://", "postgresql://")
    return f"{plain}?options=-csearch_path%3D{name}", "PostgreSQL", drop


async def run(workdir: Path, chats: int, kill_at: int, lease: float) -> None:
    url, kind, drop = database(workdir)
    store = Store.open(url, ManualClock(DUE - timedelta(days=1)))
    events_file = write_events(workdir / "events.yaml")
    targets = range(1, chats + 1)
    async with FakeBotApi() as api:
        subscribe_many(store, api, targets, "event:msp-opening")
        real_due = datetime.now(UTC) + timedelta(seconds=15)
        first = await start_instance(
            api, url, events_file, calbot_now_for(real_due, DUE), workdir, lease
        )
        await first.wait_for_line(POLLING_LINE)
        second = await start_instance(
            api, url, events_file, calbot_now_for(real_due, DUE), workdir, lease
        )
        await second.wait_for_line("another instance holds getUpdates")
        await api.wait_until(lambda: len(api.sent) >= kill_at, timeout=120)
        await first.kill()
        killed_utc, at_kill = datetime.now(UTC), len(api.sent)
        await api.wait_until(lambda: len(api.sent) > at_kill, timeout=60)
        took_over = (api.sent[at_kill].accepted_at - killed_utc).total_seconds()
        started = time.monotonic()
        await api.wait_until(lambda: set(targets) <= {m.chat_id for m in api.sent}, timeout=300)
        rest = time.monotonic() - started
        await second.stop()
    store.close()
    drop()
    per_chat = Counter(m.chat_id for m in api.sent if m.chat_id in targets)
    duplicates = sum(count - 1 for count in per_chat.values())
    bound = lease + lease / 3
    print(f"{kind}, {chats} chats, lease {lease:.0f} s, SIGKILL after {at_kill} accepted")
    print(f"  takeover {took_over:.1f} s after the kill; lease bound {bound:.1f} s; "
          f"ratio to the 30 s allowed {took_over / 30:.2f}")  # fmt: skip
    print(f"  the other {chats - at_kill} chats reminded {rest:.1f} s after the takeover "
          f"({(chats - at_kill) / rest:.1f} msg/s)")  # fmt: skip
    print(f"  every chat reminded: {set(per_chat) == set(targets)}; duplicates {duplicates} "
          f"(bound: 8 in flight); 429s {api.too_many_requests}")  # fmt: skip


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=2000)
    parser.add_argument("--kill-at", type=int, default=1000)
    parser.add_argument("--lease", type=float, default=LEASE_TTL, help="CALBOT_LEASE_SECONDS")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        await run(Path(tmp), args.chats, args.kill_at, args.lease)


if __name__ == "__main__":
    asyncio.run(main())
