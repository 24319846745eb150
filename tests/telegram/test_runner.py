"""The runner in-process: services start after the bot and stop before it, on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.config import SettingsError, load_settings
from bot.runner import DatabaseUnavailable, Runtime, Wiring, open_stores, serve
from tests.conftest import DEMO_NOW
from tests.fakes.bot_api import DEFAULT_TOKEN, FakeBotApi


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


async def test_the_default_wiring_brings_the_reminder_commands(
    api: FakeBotApi, tmp_path: Path
) -> None:
    settings = load_settings(
        TELEGRAM_BOT_TOKEN=api.token,
        TELEGRAM_API_URL=api.base_url,
        DATABASE_URL=f"sqlite:///{tmp_path / 'calbot.db'}",
    )
    running = asyncio.create_task(serve(settings, ManualClock(DEMO_NOW), host="127.0.0.1", port=0))
    api.push_text(4242, "/subscribe")
    [reply] = await api.wait_for_messages(1, timeout=20)
    assert "You will be reminded of every meeting" in reply.plain
    os.kill(os.getpid(), signal.SIGTERM)
    assert await asyncio.wait_for(running, 10) == 0


async def test_the_remind_me_button_subscribes_to_that_event(
    api: FakeBotApi, tmp_path: Path
) -> None:
    settings = load_settings(
        TELEGRAM_BOT_TOKEN=api.token,
        TELEGRAM_API_URL=api.base_url,
        DATABASE_URL=f"sqlite:///{tmp_path / 'calbot.db'}",
    )
    running = asyncio.create_task(serve(settings, ManualClock(DEMO_NOW), host="127.0.0.1", port=0))
    api.push_text(4242, "/event MSP")
    await api.wait_for_messages(1, timeout=20)
    api.push_callback(4242, "rem:ccw-msp-2007")
    _, confirmation = await api.wait_for_messages(2)
    assert (
        "You will be reminded of" in confirmation.plain
        and "CCW Meeting of the States Parties" in confirmation.plain
    )
    os.kill(os.getpid(), signal.SIGTERM)
    assert await asyncio.wait_for(running, 10) == 0


async def test_webhook_mode_takes_updates_through_the_web_app(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a free port, so PUBLIC_URL can name it before serving
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with FakeBotApi(allow_http_webhook=True) as api:
        settings = load_settings(
            TELEGRAM_BOT_TOKEN=api.token,
            TELEGRAM_API_URL=api.base_url,
            TELEGRAM_MODE="webhook",
            WEBHOOK_SECRET="hook-secret_1",
            PUBLIC_URL=f"http://127.0.0.1:{port}",
            DATABASE_URL=f"sqlite:///{tmp_path / 'calbot.db'}",
        )
        running = asyncio.create_task(
            serve(settings, ManualClock(DEMO_NOW), host="127.0.0.1", port=port)
        )
        await api.wait_until(lambda: api.webhook_url is not None, timeout=20)
        assert api.webhook_url == f"http://127.0.0.1:{port}/telegram"
        api.push_text(4242, "/next")
        [reply] = await api.wait_for_messages(1, timeout=10)
        assert "Protocol V conference" in reply.plain and api.webhook_deliveries == [200]
        os.kill(os.getpid(), signal.SIGTERM)
        assert await asyncio.wait_for(running, 10) == 0


async def test_webhook_mode_without_a_secret_is_refused(tmp_path: Path) -> None:
    settings = load_settings(
        TELEGRAM_BOT_TOKEN=DEFAULT_TOKEN, TELEGRAM_MODE="webhook", WEBHOOK_SECRET=""
    )
    with pytest.raises(SettingsError, match="WEBHOOK_SECRET"):
        await serve(settings, ManualClock(DEMO_NOW), host="127.0.0.1", port=0)


async def test_an_unreachable_database_stops_start_with_one_line_hiding_the_password() -> None:
    settings = load_settings(DATABASE_URL="postgresql://calbot:s3cret@127.0.0.1:9/calbot")
    with pytest.raises(DatabaseUnavailable) as caught:
        await open_stores(settings, ManualClock(DEMO_NOW), wait_seconds=0)
    message = str(caught.value)
    assert "s3cret" not in message
    assert "127.0.0.1:9" in message and "\n" not in message


def test_an_unsupported_database_is_a_bad_setting() -> None:
    with pytest.raises(SettingsError, match="DATABASE_URL: mysql is not supported") as caught:
        load_settings(DATABASE_URL="mysql://calbot:s3cret@db/calbot")
    assert "s3cret" not in str(caught.value)
