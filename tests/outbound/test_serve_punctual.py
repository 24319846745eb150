"""``calbot serve --now``: a reminder due N seconds after the process started comes N seconds after
it started (within a second), however long the imports and the database took."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.clock import ManualClock
from bot.storage import Store
from tests.fakes.bot_api import FakeBotApi
from tests.outbound.conftest import subscribe_many
from tests.outbound.failover import calbot_now_for, start_instance
from tests.reminders.conftest import write_events

DUE = datetime(2007, 11, 7, 8, 0, tzinfo=UTC)


async def test_a_reminder_due_after_start_on_the_settable_clock_is_on_time(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'calbot.db'}"
    store = Store.open(url, ManualClock(DUE - timedelta(days=1)))
    events_file = write_events(tmp_path / "events.yaml")
    async with FakeBotApi() as api:
        subscribe_many(store, api, range(1, 11), "event:msp-opening")
        real_due = datetime.now(UTC) + timedelta(seconds=8)
        served = await start_instance(
            api, url, events_file, calbot_now_for(real_due, DUE), tmp_path, lease_seconds=15
        )
        [first] = await api.wait_for_messages(1, timeout=20)
        assert await served.stop() == 0
    store.close()
    late = (first.accepted_at - real_due).total_seconds()
    assert 0.0 <= late <= 1.0, f"first reminder {late:.2f} s after due"
