"""Human text shared by every surface (page, bot, reminders, CLI): date formatting and translations."""
