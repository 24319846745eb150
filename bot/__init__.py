"""calbot: a meeting and conference calendar bot.

One ``events.yaml`` feeds an iCalendar subscription feed, a Telegram bot that answers questions
about the meetings, and scheduled reminders.
"""

import os

__version__ = "0.1.0"

# python-telegram-bot 22 warns each time a RetryAfter's delay is read as seconds; calbot reads it
# either way, so it opts in to the timedelta form (v23's default) and keeps its logs free of that.
os.environ.setdefault("PTB_TIMEDELTA", "1")
