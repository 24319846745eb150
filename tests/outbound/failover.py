"""Two ``calbot serve`` processes on one database, for the failover test and benchmark.

``Instance`` runs one process (real HTTP, the fake Bot API as Telegram, the settable clock started
so that every instance agrees on calbot's time) and collects its output lines.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bot.config import PROJECT_ROOT
from tests.fakes.bot_api import FakeBotApi


@dataclass
class Instance:
    process: asyncio.subprocess.Process
    lines: list[str] = field(default_factory=list)
    _reader: asyncio.Task | None = None

    async def wait_for_line(self, pattern: str, timeout: float = 30.0) -> re.Match[str]:  # noqa: ASYNC109
        try:
            async with asyncio.timeout(timeout):
                while True:
                    for line in self.lines:
                        if match := re.search(pattern, line):
                            return match
                    if self.process.returncode is not None:
                        raise AssertionError("calbot exited early:\n" + "\n".join(self.lines))
                    await asyncio.sleep(0.05)
        except TimeoutError:
            said = "\n".join(self.lines[-40:])
            raise AssertionError(
                f"no line {pattern!r} in {timeout} s; calbot said:\n{said}"
            ) from None

    async def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()

    async def close(self) -> None:
        """Kill it if it still runs (a test that failed midway leaves no calbot behind)."""
        if self.process.returncode is None:
            await self.kill()
        if self._reader is not None:
            await self._reader

    async def stop(self) -> int:
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(self.process.wait(), 15)
        if self._reader is not None:
            await self._reader
        return self.process.returncode or 0


async def start_instance(
    api: FakeBotApi,
    database_url: str,
    events_file: Path,
    calbot_now: datetime,
    workdir: Path,
    lease_seconds: float,
) -> Instance:
    """A ``calbot serve`` process whose clock reads ``calbot_now`` at the moment it starts."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "CALBOT_"))}
    env.update(
        PYTHONPATH=str(PROJECT_ROOT), PTB_TIMEDELTA="1", DATABASE_URL=database_url,
        EVENTS_FILE=str(events_file), TELEGRAM_BOT_TOKEN=api.token,
        TELEGRAM_API_URL=api.base_url, CALBOT_NOW=calbot_now.isoformat(),
        CALBOT_LEASE_SECONDS=str(lease_seconds),
    )  # fmt: skip
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", "0",
        cwd=workdir, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    instance = Instance(process)
    instance._reader = asyncio.create_task(_read(instance))
    return instance


def calbot_now_for(real_due: datetime, due: datetime) -> datetime:
    """calbot's time now, for a clock that reaches ``due`` at the real instant ``real_due``."""
    return due - (real_due - datetime.now(UTC))


async def _read(instance: Instance) -> None:
    assert instance.process.stdout is not None
    async for raw in instance.process.stdout:
        instance.lines.append(raw.decode("utf-8", "replace").rstrip())
