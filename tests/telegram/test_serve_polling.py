"""``calbot serve`` in polling mode, as processes against the fake Bot API: one instance makes one
getUpdates at a time from its start on, and a restart (stop, start again at once) gets no 409."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.telegram.polling import POLLING_LINE
from tests.fakes.bot_api import FakeBotApi
from tests.outbound.failover import Instance, start_instance

CALBOT_NOW = datetime(2007, 11, 1, 8, 0, tzinfo=UTC)
LEASE = 1.5  # the polling lease renewed every 0.5 s: its keeper acts often in these seconds
CHAT = 4242

Launch = Callable[[], Awaitable[Instance]]


@pytest.fixture
async def launch(api: FakeBotApi, tmp_path: Path, events_path: Path) -> AsyncIterator[Launch]:
    """Start ``calbot serve`` on one SQLite database; every process is killed when the test ends."""
    launched: list[Instance] = []
    database_url = f"sqlite:///{tmp_path / 'calbot.db'}"

    async def start() -> Instance:
        args = (api, database_url, events_path, CALBOT_NOW, tmp_path, LEASE)
        launched.append(await start_instance(*args))
        return launched[-1]

    yield start
    for instance in launched:
        await instance.close()


async def answered(api: FakeBotApi, text: str) -> None:
    before = len(api.sent)
    api.push_text(CHAT, text)
    await api.wait_until(lambda: len(api.sent) > before, timeout=30)


def said_409(instance: Instance) -> list[str]:
    """Lines about a 409 Conflict: each names "Conflict" (a bare "409" may be in a port number)."""
    return [line for line in instance.lines if "Conflict" in line]


async def test_one_instance_has_one_get_updates_at_a_time(api: FakeBotApi, launch: Launch) -> None:
    calbot = await launch()
    await calbot.wait_for_line(POLLING_LINE, timeout=60)
    for _ in range(3):  # each answer follows a returned long poll and a new one
        await answered(api, "/next")
    polls = sum(method == "getUpdates" for method, _ in api.calls)
    conflicts_running = api.poll_conflicts
    assert await calbot.stop() == 0
    assert polls >= 4
    assert conflicts_running == 0
    assert said_409(calbot) == []
    # The stop cancels the open long poll, and python-telegram-bot's last getUpdates (confirming
    # what was fetched) ends it at the server: the one overlap, on a connection already closed.
    assert api.poll_conflicts <= 1


async def test_a_restart_gets_no_409(api: FakeBotApi, launch: Launch) -> None:
    first = await launch()
    await first.wait_for_line(POLLING_LINE, timeout=60)
    await answered(api, "/next")
    assert await first.stop() == 0
    conflicts_at_stop = api.poll_conflicts
    second = await launch()
    await second.wait_for_line(POLLING_LINE, timeout=60)
    await answered(api, "/next")
    await answered(api, "/next")
    conflicts_running = api.poll_conflicts
    assert await second.stop() == 0
    assert conflicts_running == conflicts_at_stop
    assert said_409(second) == []
    assert api.poll_conflicts <= conflicts_at_stop + 1  # again only the second one's own stop
