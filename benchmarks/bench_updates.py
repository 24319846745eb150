"""Updates handled per second through the whole Telegram stack, on loopback.

The strict fake Bot API server queues N text updates for getUpdates; calbot's real Application
long-polls them, answers each (engine, rendering, HTML checked by the fake) and the clock stops when
the N-th reply is accepted. Rate limits are lifted: this measures calbot, not Telegram's limits.

    .venv/bin/python benchmarks/bench_updates.py [N ...]
"""

from __future__ import annotations

import asyncio
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.chats import MemoryChatStore
from bot.clock import ManualClock
from bot.config import DEFAULT_EVENTS_FILE, load_settings
from bot.events.revisions import MemoryRevisionStore
from bot.state import CalendarHolder
from bot.telegram.app import build_application
from tests.fakes.bot_api import FakeBotApi

QUESTIONS = ("/next", "when is the MSP?", "/event Protocol V", "where is the MSP?", "/week")


async def run(n: int) -> tuple[float, int]:
    """Seconds to answer ``n`` updates from ``n`` different users, and the fake's refusals."""
    async with FakeBotApi() as api:
        api.lift_rate_limits()
        clock = ManualClock(datetime(2007, 11, 1, 8, 0, tzinfo=UTC))
        holder = CalendarHolder(DEFAULT_EVENTS_FILE, clock, MemoryRevisionStore())
        holder.load()
        settings = load_settings(TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_API_URL=api.base_url)
        application = build_application(settings, holder, clock, MemoryChatStore())
        async with application:
            await application.start()
            assert application.updater is not None
            await application.updater.start_polling(poll_interval=0, timeout=5)
            started = time.perf_counter()
            for index in range(n):
                api.push_text(10_000 + index, QUESTIONS[index % len(QUESTIONS)])
            await api.wait_for_messages(n, timeout=600)
            elapsed = time.perf_counter() - started
            await application.updater.stop()
            await application.stop()
        return elapsed, len(api.errors)


def main(argv: list[str]) -> int:
    sizes = [int(arg) for arg in argv] or [200, 1000]
    print(f"{'updates':>8} {'seconds':>8} {'updates/s':>10} {'ms/update':>10} {'refused':>8}")
    for n in sizes:
        elapsed, refused = asyncio.run(run(n))
        print(
            f"{n:>8} {elapsed:>8.2f} {n / elapsed:>10.1f} {1000 * elapsed / n:>10.2f} {refused:>8}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
