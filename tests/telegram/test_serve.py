"""``calbot serve`` as a process: serves HTTP, runs the bot or says it is off, exits on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from bot.config import PROJECT_ROOT
from tests.fakes.bot_api import FakeBotApi


@dataclass
class Served:
    process: asyncio.subprocess.Process
    url: str = ""
    lines: list[str] = field(default_factory=list)
    _new_line: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    async def wait_for_line(self, pattern: str, timeout: float = 20.0) -> re.Match[str]:  # noqa: ASYNC109
        async with asyncio.timeout(timeout):
            while True:
                self._new_line.clear()
                for line in self.lines:
                    if match := re.search(pattern, line):
                        return match
                if self.process.returncode is not None:
                    raise AssertionError(f"calbot exited early:\n{self.output}")
                await self._new_line.wait()

    async def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return await asyncio.wait_for(self.process.wait(), 10)


async def _read(served: Served) -> None:
    assert served.process.stdout is not None
    async for raw in served.process.stdout:
        served.lines.append(raw.decode("utf-8", "replace").rstrip())
        served._new_line.set()
    served._new_line.set()


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "CALBOT_"))}
    env.update(
        PYTHONPATH=str(PROJECT_ROOT),
        DATABASE_URL=f"sqlite:///{tmp_path / 'calbot.db'}",
        PTB_TIMEDELTA="1",
    )
    return env


@pytest.fixture
async def serve(tmp_path: Path, environment: dict[str, str]) -> AsyncIterator[object]:
    started: list[tuple[Served, asyncio.Task]] = []

    async def start(**extra_env: str) -> Served:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", "0",
            cwd=tmp_path,  # no stray .env
            env={**environment, **extra_env},
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        served = Served(process)
        started.append((served, asyncio.create_task(_read(served))))
        served.url = (await served.wait_for_line(r"serving (http://\S+)/ ")).group(1)
        return served

    yield start
    for served, reader in started:
        if served.process.returncode is None:
            served.process.kill()
            await served.process.wait()
        await reader


async def test_without_a_token_it_serves_the_feed_and_says_the_bot_is_off(serve) -> None:
    served = await serve()
    async with httpx.AsyncClient() as http:
        health = await http.get(f"{served.url}/healthz")
    assert health.status_code == 200
    await served.wait_for_line("chat bot is off")
    served.process.send_signal(signal.SIGHUP)  # reload events.yaml, keep serving
    await served.wait_for_line("SIGHUP: reload ok")
    assert await served.stop() == 0


async def test_with_a_token_it_answers_and_never_logs_the_token(serve) -> None:
    async with FakeBotApi() as api:
        served = await serve(
            TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_API_URL=api.base_url, LOG_LEVEL="DEBUG"
        )
        await served.wait_for_line("polling for updates")
        api.push_text(4242, "/start")
        [reply] = await api.wait_for_messages(1, timeout=20)
        assert "CCW meetings" in reply.plain
        assert await served.stop() == 0
    assert "stopped" in served.output
    assert api.token not in served.output
    assert api.token.split(":")[1] not in served.output


async def test_a_refused_token_stops_it_with_a_clear_message(
    tmp_path: Path, environment: dict[str, str]
) -> None:
    async with FakeBotApi() as api:
        wrong = {
            "TELEGRAM_API_URL": api.base_url,
            "TELEGRAM_BOT_TOKEN": "111111:ThisTokenIsNotTheFakeServersToken_x",
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", "0",
            cwd=tmp_path, env={**environment, **wrong},
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        output, _ = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 2
    assert b"refused TELEGRAM_BOT_TOKEN" in output
    assert b"ThisTokenIsNotTheFakeServersToken" not in output


async def test_on_the_settable_clock_a_subscriber_is_reminded_when_due(serve) -> None:
    """The whole process: --now ten seconds before the MSP's day-before reminder (6 November,
    09:00 in Geneva); a chat subscribes; the reminder comes ten real seconds after start."""
    async with FakeBotApi() as api:
        loop = asyncio.get_running_loop()
        spawned = loop.time()  # the process's clock starts a little after this
        served = await serve(
            TELEGRAM_BOT_TOKEN=api.token,
            TELEGRAM_API_URL=api.base_url,
            CALBOT_NOW="2007-11-06T08:59:50+01:00",
        )
        await served.wait_for_line("polling for updates")
        assert loop.time() - spawned < 9.0, "calbot took too long to start: nothing to measure"
        api.push_text(4343, "/subscribe msp")
        [confirmation] = await api.wait_for_messages(1, timeout=10)
        assert "CCW Meeting of the States Parties" in confirmation.plain
        [_, reminder] = await api.wait_for_messages(2, timeout=30)
        after_spawn = loop.time() - spawned
        assert reminder.chat_id == 4343
        assert "Meeting of the States Parties" in reminder.plain
        assert "starts tomorrow" in reminder.plain
        # Due ten seconds after the process started its clock: not before, and not late.
        assert 10.0 <= after_spawn <= 12.0, f"reminded {after_spawn:.2f} s after start"
        assert await served.stop() == 0
