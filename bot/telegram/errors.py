"""The one error handler: log the failure (the log filter removes the token) and apologise.

A user whose message made a handler fail gets a short apology instead of silence. A chat that
blocked the bot is marked inactive instead: an apology there could not be delivered anyway.

A reply that Telegram would not take even after the outbound lane's retries (flood control, 5xx,
time-outs) is not a bug: it is logged once, with the chat and the reason and no traceback, and the
chat is marked in the chat store (the database when there is one, so that a restart keeps the mark
and any instance sees it) and the next reply there says the action was done (``gate`` sends it).
"""

from __future__ import annotations

import contextlib
import logging

from telegram import Update
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import ContextTypes

from bot.telegram.services import reader, services
from bot.text.messages import say

log = logging.getLogger(__name__)


async def error_handler(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    error = context.error
    if not isinstance(update, Update):
        log.error("error outside an update: %r", error, exc_info=error)
        return
    chat = update.effective_chat
    if isinstance(error, ChatMigrated) and chat is not None:
        log.info("chat %s moved to %s", chat.id, error.new_chat_id)
        services(context).migrate(chat.id, error.new_chat_id)
        return
    if isinstance(error, Forbidden) and chat is not None:
        log.info("chat %s blocked the bot or removed it: %s", chat.id, error)
        services(context).set_active(chat.id, False)
        return
    if _undeliverable(error):
        assert error is not None
        reason = getattr(error, "message", None) or repr(error)
        log.warning(
            "reply to chat %s not delivered after retries: %s", chat.id if chat else None, reason
        )
        if chat is not None:
            services(context).chats.mark_undelivered(chat.id)
        return
    log.error(
        "handler failed for update %s (chat %s): %r",
        update.update_id,
        chat.id if chat else None,
        error,
        exc_info=error,
    )
    if update.callback_query is not None:
        # Already answered, or too old: the apology below is what matters.
        with contextlib.suppress(TelegramError):
            await update.callback_query.answer()
    if chat is None:
        return
    try:
        await context.bot.send_message(chat.id, say("apology", _apology_language(update, context)))
    except TelegramError as send_error:
        log.warning("could not apologise in chat %s: %r", chat.id, send_error)


def _apology_language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str:
    """The reader's language, or, when the chat's preferences cannot be read (the database may be
    what failed), the same rule without them: the apology must still go out."""
    try:
        return reader(update, context).lang
    except Exception:
        user = update.effective_user
        return services(context).reader_of(None, user.language_code if user else None).lang


def _undeliverable(error: BaseException | None) -> bool:
    """Telegram did not take a message after the lane's retries (the request itself was fine)."""
    if isinstance(error, RetryAfter):
        return True
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)
