"""calbot on Telegram: the python-telegram-bot Application, its handlers and the webhook route.

- ``app.build_application(settings, holder, clock, chats, *, extensions=())``: the Application.
- ``webhook.webhook_route(application, secret)``: ``POST /telegram`` for webhook mode.
- ``admin.add_stats_line(application, provider)``: add a line to /stats.
- ``links.event_ref(event_id, prefix)`` / ``links.resolve_ref(calendar, ref)``: callback data.
- ``services.services(context)``: settings, holder, clock, chat store, flood limit for handlers.

Handlers stay thin: answers come from ``bot.answers``, lookups from ``bot.events``.
"""
