"""The builder of calbot's python-telegram-bot ``Application``: handlers, commands, error handler.

``build_application`` wires everything; the runner starts it (polling or webhook). Extensions are
callables ``(application) -> None`` that add more handlers (the reminders module); they run after
calbot's own handlers and before the catch-alls (unknown command, unknown button), so their
commands and buttons are found first.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterable
from functools import cache

import certifi
from telegram import Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot.chats import ChatStore
from bot.clock import Clock
from bot.config import Settings
from bot.outbound import OutboundLane
from bot.state import CalendarHolder
from bot.telegram import admin, buttons, commands, language
from bot.telegram.errors import error_handler
from bot.telegram.flood import FloodLimit
from bot.telegram.gate import gate, membership, migration
from bot.telegram.inline import inline_query
from bot.telegram.processor import ButtonsFirst
from bot.telegram.services import KEY, BotServices

Extension = Callable[[Application], object]

# (command, handler); the menu's description is the catalogue's menu_<command>
USER_COMMANDS = (
    ("start", commands.start),
    ("help", commands.help_command),
    ("next", commands.next_command),
    ("events", commands.events_command),
    ("event", commands.event_command),
    ("today", commands.today_command),
    ("week", commands.week_command),
    ("on", commands.on_command),
    ("where", commands.where_command),
    ("ics", commands.ics_command),
    ("timezone", commands.timezone_command),
    ("language", language.language_command),
    ("about", commands.about_command),
)
ADMIN_COMMANDS = (
    ("reload", admin.reload_command),
    ("stats", admin.stats_command),
    ("broadcast", admin.broadcast_command),
)


@cache
def _tls() -> ssl.SSLContext:
    """One TLS context for the process's Bot API clients (python-telegram-bot makes two per
    Application, and httpx reads the whole CA bundle for each: ~0.1 s apiece)."""
    return ssl.create_default_context(cafile=certifi.where())


def build_application(
    settings: Settings,
    holder: CalendarHolder,
    clock: Clock,
    chats: ChatStore,
    *,
    extensions: Iterable[Extension] = (),
    flood: FloodLimit | None = None,
    lane: OutboundLane | None = None,
) -> Application:
    """The Application for ``settings.token``, talking to ``TELEGRAM_API_URL``.

    Every call of its bot goes through ``lane`` (``bot.outbound``): replies, reminders, broadcasts.
    """
    if not settings.token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    api = settings.telegram_api_url
    application = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(f"{api}/bot")
        .base_file_url(f"{api}/file/bot")
        .post_init(_post_init)
        .rate_limiter(lane or OutboundLane())
        .request(HTTPXRequest(connection_pool_size=256, httpx_kwargs={"verify": _tls()}))
        .get_updates_request(HTTPXRequest(connection_pool_size=1, httpx_kwargs={"verify": _tls()}))
        # Many users' updates at once (a handler may wait for its send slot in the lane), and a
        # pressed button never queued behind a burst of messages.
        .concurrent_updates(ButtonsFirst())
        .build()
    )
    application.bot_data[KEY] = BotServices(
        settings, holder, clock, chats, flood or FloodLimit(clock)
    )
    _add_handlers(application, settings)
    for extend in extensions:
        extend(application)
    _add_catch_alls(application)
    application.add_error_handler(error_handler)
    return application


def _add_handlers(application: Application, settings: Settings) -> None:
    application.add_handler(TypeHandler(Update, gate), group=-1)
    application.add_handler(ChatMemberHandler(membership, ChatMemberHandler.MY_CHAT_MEMBER))
    application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, migration))
    for name, callback in USER_COMMANDS:
        application.add_handler(CommandHandler(name, callback))
    admins = filters.User(user_id=settings.admin_ids)
    for name, callback in ADMIN_COMMANDS:
        application.add_handler(CommandHandler(name, callback, filters=admins))
    application.add_handler(
        MessageHandler(
            filters.Document.TXT & filters.ChatType.PRIVATE & admins, admin.extract_document
        )
    )
    application.add_handler(CallbackQueryHandler(buttons.details_button, pattern=r"^ev:"))
    application.add_handler(CallbackQueryHandler(buttons.ics_button, pattern=r"^ics:"))
    application.add_handler(CallbackQueryHandler(buttons.source_button, pattern=r"^src:"))
    application.add_handler(CallbackQueryHandler(buttons.page_button, pattern=r"^pg:\d+$"))
    application.add_handler(CallbackQueryHandler(admin.broadcast_button, pattern=r"^bc:"))
    application.add_handler(
        CallbackQueryHandler(language.language_button, pattern=language.PATTERN)
    )
    application.add_handler(InlineQueryHandler(inline_query))
    application.add_handler(
        MessageHandler(filters.LOCATION & filters.ChatType.PRIVATE, commands.location)
    )
    application.add_handler(
        MessageHandler(
            filters.TEXT & ~filters.COMMAND & ~filters.UpdateType.EDITED, commands.question
        )
    )


def _add_catch_alls(application: Application) -> None:
    application.add_handler(MessageHandler(filters.COMMAND, commands.unknown_command))
    application.add_handler(CallbackQueryHandler(buttons.unknown_button))


async def _post_init(application: Application) -> None:
    """Publish the command menu and the bot's descriptions, in each language calbot speaks."""
    names = [name for name, _ in USER_COMMANDS] + application.bot_data[KEY].menu
    await language.publish_profile(application.bot, names)
