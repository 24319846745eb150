"""calbot: a meeting and conference calendar bot.

One ``events.yaml`` feeds an iCalendar subscription feed, a Telegram bot that answers questions
about the meetings, and scheduled reminders.
"""

import os
import time

__version__ = "0.1.0"

# When this process began, as near as Python lets us see it (before the heavy imports): ``--now``
# names calbot's time at this instant (see ``bot.runner.run_serve``).
PROCESS_STARTED_MONOTONIC = time.monotonic()

# python-telegram-bot 22 warns each time a RetryAfter's delay is read as seconds; calbot reads it
# either way, so it opts in to the timedelta form (v23's default) and keeps its logs free of that.
os.environ.setdefault("PTB_TIMEDELTA", "1")
