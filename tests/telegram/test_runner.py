"""The runner in-process: services start after the bot and stop before it, on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

from bot.clock import ManualClock
from bot.config import load_settings
from bot.runner import Runtime, Wiring, serve
from tests.conftest import DEMO_NOW
from tests.fakes.bot_api import FakeBotApi


class RecordingService:
    def __init__(self, runtime: Runtime, started: asyncio.Event) -> None:
        self.runtime = runtime
        self.started = started
        self.seen: list[tuple[str, bool]] = []

    async def start(self) -> None:
        assert self.runtime.application is not None
        self.seen.append(("start", self.runtime.application.running))
        self.started.set()

    async def stop(self) -> None:
        assert self.runtime.application is not None
        self.seen.append(("stop", self.runtime.application.running))


async def test_services_run_while_the_bot_runs_and_sigterm_stops_all(
    api: FakeBotApi, tmp_path: Path
) -> None:
    settings = load_settings(
        TELEGRAM_BOT_TOKEN=api.token,
        TELEGRAM_API_URL=api.base_url,
        DATABASE_URL=f"sqlite:///{tmp_path / 'calbot.db'}",
    )
    services: list[RecordingService] = []
    started = asyncio.Event()

    def wiring(runtime: Runtime) -> Wiring:
        services.append(RecordingService(runtime, started))
        return Wiring(services=services)

    running = asyncio.create_task(
        serve(settings, ManualClock(DEMO_NOW), host="127.0.0.1", port=0, wiring=wiring)
    )
    await asyncio.wait_for(started.wait(), 20)
    api.push_text(4242, "/start")
    await api.wait_for_messages(1, timeout=10)
    os.kill(os.getpid(), signal.SIGTERM)  # handled by serve's signal handler, not the default
    assert await asyncio.wait_for(running, 10) == 0
    assert services[0].seen == [("start", True), ("stop", True)]
