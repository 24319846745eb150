"""A calbot reminder process for the crash test: fans due reminders out once, then exits.

Run as ``python -m tests.reminders.crash_worker DATABASE_URL EVENTS_FILE API_ROOT NOW_ISO`` with
``TELEGRAM_BOT_TOKEN`` set. It does what ``ReminderService.start()`` does at start (take over
deliveries left in flight, catch up what is due) with the real dispatcher, sender and store, against
the fake Bot API at ``API_ROOT``, on a clock stopped at ``NOW_ISO``. It prints one JSON line with
its report. The test kills it with SIGKILL midway.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path

from telegram.ext import ExtBot
from telegram.request import HTTPXRequest

from bot.clock import ManualClock, parse_instant
from bot.config import Settings
from bot.outbound import OutboundLane
from bot.outbound.budget import Budget
from bot.reminders import ReminderServices
from bot.reminders.dispatcher import CONCURRENCY, Dispatcher
from bot.reminders.sender import Sender
from bot.state import CalendarHolder
from bot.storage import Store


async def main(database_url: str, events_file: str, api_root: str, now: str) -> None:
    clock = ManualClock(parse_instant(now))
    store = Store.open(database_url, clock)
    holder = CalendarHolder(Path(events_file), clock, store)
    holder.load()
    settings = Settings()  # the token comes in the environment, never on the command line
    token = settings.token or ""
    services = ReminderServices(store, holder, clock, settings)
    request = HTTPXRequest(connection_pool_size=CONCURRENCY * 2)
    # The server's limits are lifted; calbot paces at CALBOT_CRASH_RATE messages a second
    # (0: not at all), a "high limit" five times Telegram's.
    rate = float(os.environ.get("CALBOT_CRASH_RATE", "150"))
    lane = OutboundLane(Budget(rate=rate, private_interval=0, group_interval=0))
    async with ExtBot(token, base_url=f"{api_root}/bot", request=request, rate_limiter=lane) as bot:
        sender = Sender(bot, store)
        dispatcher = Dispatcher(services, sender)
        recovered = dispatcher.recover()
        report = await dispatcher.run_due(clock.now())
    store.close()
    print(json.dumps({"recovered": recovered, **asdict(report)}), flush=True)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:5]))
