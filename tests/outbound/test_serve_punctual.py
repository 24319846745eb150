"""``calbot serve --now``: a reminder due N seconds after the process started comes N seconds after
it started (within a second), however long the imports and the database took."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.clock import ManualClock
from bot.storage import Store
from bot.telegram.polling import POLLING_LINE
from tests.fakes.bot_api import FakeBotApi
from tests.outbound.conftest import subscribe_many
from tests.outbound.failover import Instance, calbot_now_for
from tests.reminders.conftest import write_events

DUE = datetime(2007, 11, 7, 8, 0, tzinfo=UTC)
START_TO_DUE = 10.0  # real seconds from the process's start to the reminder's due instant


async def test_a_reminder_due_after_start_on_the_settable_clock_is_on_time(
    tmp_path: Path, launch: Callable[..., Awaitable[Instance]]
) -> None:
    url = f"sqlite:///{tmp_path / 'calbot.db'}"
    store = Store.open(url, ManualClock(DUE - timedelta(days=1)))
    events_file = write_events(tmp_path / "events.yaml")
    async with FakeBotApi() as api:
        subscribe_many(store, api, range(1, 11), "event:msp-opening")
        real_due = datetime.now(UTC) + timedelta(seconds=START_TO_DUE)
        served = await launch(
            api, url, events_file, calbot_now_for(real_due, DUE), tmp_path, lease_seconds=15
        )
        await served.wait_for_line(POLLING_LINE)
        up = (datetime.now(UTC) - real_due).total_seconds() + START_TO_DUE
        assert up < START_TO_DUE, f"calbot took {up:.1f} s to start: nothing to measure"
        [first] = await api.wait_for_messages(1, timeout=20)
        assert await served.stop() == 0
    store.close()
    late = (first.accepted_at - real_due).total_seconds()
    assert 0.0 <= late <= 1.0, f"first reminder {late:.2f} s after due"
