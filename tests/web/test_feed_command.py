"""``calbot feed -o FILE`` writes exactly the bytes the server sends for ``/calendar.ics``."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from bot.cli import main
from tests.web.conftest import PUBLIC_URL


async def test_feed_command_writes_what_the_server_sends(
    client: httpx.AsyncClient,
    events_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PUBLIC_URL", PUBLIC_URL)
    output = tmp_path / "feed.ics"
    assert main(["feed", "--events", str(events_copy), "-o", str(output)]) == 0
    served = await client.get("/calendar.ics", headers={"Accept-Encoding": "identity"})
    assert await asyncio.to_thread(output.read_bytes) == served.content
