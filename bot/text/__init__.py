"""Human text shared by every surface (page, bot, reminders, CLI): dates, messages, HTML."""
