"""Two calbot instances on one PostgreSQL; the one dispatching a reminder fan-out is killed with
SIGKILL midway. The other takes the lease over within its expiry (here 4 s, so that the test is
short; 15 s by default, measured by ``benchmarks/run.py failover``), resumes from the delivery log,
and every chat is reminded; duplicates are bounded by the sends in flight at the kill. The standby
also says that another instance holds getUpdates, and takes polling over.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.reminders.dispatcher import CONCURRENCY
from bot.storage import Store
from bot.telegram.polling import POLLING_LINE
from tests.fakes.bot_api import FakeBotApi
from tests.outbound.conftest import subscribe_many
from tests.outbound.failover import Instance, calbot_now_for
from tests.reminders.conftest import write_events

DUE = datetime(2007, 11, 7, 8, 0, tzinfo=UTC)  # the 1-hour reminder of the MSP opening
CHATS = 300
KILL_AT = 100
LEASE = 4.0


@pytest.mark.postgres
async def test_a_killed_dispatcher_is_taken_over_and_every_chat_is_reminded(
    database_url: str, tmp_path: Path, launch: Callable[..., Awaitable[Instance]]
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("several instances share one PostgreSQL")
    store = Store.open(database_url, ManualClock(DUE - timedelta(days=1)))
    events_file = write_events(tmp_path / "events.yaml")
    chats = range(1, CHATS + 1)
    async with FakeBotApi() as api:
        subscribe_many(store, api, chats, "event:msp-opening")
        real_due = datetime.now(UTC) + timedelta(seconds=12)  # both are up by then
        first = await launch(
            api, database_url, events_file, calbot_now_for(real_due, DUE), tmp_path, LEASE
        )
        await first.wait_for_line(POLLING_LINE)
        second = await launch(
            api, database_url, events_file, calbot_now_for(real_due, DUE), tmp_path, LEASE
        )
        await second.wait_for_line("another instance holds getUpdates")
        await api.wait_until(lambda: len(api.sent) >= KILL_AT, timeout=40)
        await first.kill()
        killed, killed_utc, accepted_at_kill = time.monotonic(), datetime.now(UTC), len(api.sent)
        await api.wait_until(lambda: len(api.sent) > accepted_at_kill, timeout=30)
        took_over = (api.sent[accepted_at_kill].accepted_at - killed_utc).total_seconds()
        await api.wait_until(lambda: set(chats) <= {m.chat_id for m in api.sent}, timeout=60)
        finished = time.monotonic() - killed
        await second.wait_for_line(POLLING_LINE.removeprefix("calbot: "), timeout=10)
        api.push_text(9_999, "/next")  # the standby now polls
        await api.wait_until(lambda: any(m.chat_id == 9_999 for m in api.sent), timeout=15)
        assert await second.stop() == 0
    per_chat = Counter(message.chat_id for message in api.sent if message.chat_id in chats)
    duplicates = sum(count - 1 for count in per_chat.values())
    print(
        f"\nfailover: took over {took_over:.1f} s after the kill, done {finished:.1f} s after it,"
        f" {accepted_at_kill} sent before, {duplicates} duplicates"
    )
    store.close()
    assert KILL_AT <= accepted_at_kill < CHATS, "the kill landed midway"
    assert set(per_chat) == set(chats), "every chat is reminded"
    assert took_over <= LEASE + LEASE / 3 + 3.0
    assert duplicates <= CONCURRENCY
    assert api.too_many_requests == 0
