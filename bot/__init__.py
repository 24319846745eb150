"""calbot: a meeting and conference calendar bot.

One ``events.yaml`` feeds an iCalendar subscription feed, a Telegram bot that answers questions about the
meetings, and scheduled reminders.
"""

__version__ = "0.1.0"
