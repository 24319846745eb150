"""The sender: one message to one chat, through Telegram's refusals, with a clear outcome.

It paces every attempt (``bot.reminders.pacing``) and knows what each refusal means:

* 429 ``RetryAfter``: wait what Telegram asks, then try again (counted as ``retried``);
* 5xx, time-outs and network errors: try again after a growing pause, a bounded number of times;
* 403 ``Forbidden`` (blocked, kicked) or 400 "chat not found": the chat is gone; its subscriptions
  are deactivated and nothing is retried;
* ``ChatMigrated`` (a group became a supergroup): the chat's subscriptions and log move to the new
  id and the message is sent there;
* any other 400: the message itself is wrong; retrying would not help.

A time-out is ambiguous (Telegram may have accepted the message), so retrying one may duplicate it;
the bound is the number of attempts, and in practice time-outs on a healthy link are rare.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal, Protocol

from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from bot.metrics import REMINDERS
from bot.reminders.pacing import Pacer

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
MAX_RETRY_AFTER = 300.0  # Telegram asking for longer than this means something else is wrong
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


class ChatRegistry(Protocol):
    """What the sender needs from the store."""

    def deactivate_chat(self, chat_id: int, reason: str) -> None: ...

    def migrate_chat(self, old_id: int, new_id: int) -> None: ...


@dataclass(frozen=True)
class Outcome:
    """How a send ended: ``sent`` (with the id), ``gone`` (chat deactivated) or ``failed``."""

    status: Literal["sent", "gone", "failed"]
    chat_id: int  # the chat it ended in (the new id after a migration)
    message_id: int | None = None
    reason: str | None = None


class Sender:
    """Sends one message with pacing, retries and chat bookkeeping."""

    def __init__(
        self,
        bot: Bot,
        chats: ChatRegistry,
        pacer: Pacer,
        *,
        max_attempts: int = MAX_ATTEMPTS,
        backoff: float = 0.5,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self._bot = bot
        self._chats = chats
        self._pacer = pacer
        self._max_attempts = max_attempts
        self._backoff = backoff
        self._sleep = sleep

    async def send(
        self, chat_id: int, text: str, markup: InlineKeyboardMarkup | None = None
    ) -> Outcome:
        attempt = 0
        while True:
            attempt += 1
            await self._pacer.wait_turn(chat_id)
            try:
                message = await self._bot.send_message(
                    chat_id,
                    text,
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup,
                    link_preview_options=_NO_PREVIEW,
                )
            except RetryAfter as error:
                wait = _retry_seconds(error)
                if attempt >= self._max_attempts or wait > MAX_RETRY_AFTER:
                    return Outcome("failed", chat_id, reason=f"flood control: {wait:.0f}s")
                REMINDERS.labels(outcome="retried").inc()
                log.warning("429 for chat %s: waiting %.0f s as Telegram asks", chat_id, wait)
                self._pacer.hold(chat_id, wait)
            except ChatMigrated as error:
                log.info("chat %s migrated to %s; moving it", chat_id, error.new_chat_id)
                self._chats.migrate_chat(chat_id, error.new_chat_id)
                chat_id = error.new_chat_id
                attempt -= 1  # the move is not a failed attempt
            except Forbidden as error:
                return self._gone(chat_id, error.message)
            except BadRequest as error:
                if "chat not found" in error.message.lower():
                    return self._gone(chat_id, error.message)
                log.error("Telegram refused a message to %s: %s", chat_id, error.message)
                return Outcome("failed", chat_id, reason=error.message)
            except NetworkError as error:  # 5xx, time-outs, connection errors (BadRequest above)
                if attempt >= self._max_attempts:
                    return Outcome("failed", chat_id, reason=error.message)
                REMINDERS.labels(outcome="retried").inc()
                await self._sleep(self._backoff * 2 ** (attempt - 1))
            except TelegramError as error:  # e.g. a revoked token: retrying cannot help
                log.error("Telegram refused a message to %s: %s", chat_id, error.message)
                return Outcome("failed", chat_id, reason=error.message)
            else:
                return Outcome("sent", chat_id, message.message_id)

    def _gone(self, chat_id: int, reason: str) -> Outcome:
        log.info("chat %s is gone (%s): deactivating its subscriptions", chat_id, reason)
        self._chats.deactivate_chat(chat_id, reason)
        return Outcome("gone", chat_id, reason=reason)


def _retry_seconds(error: RetryAfter) -> float:
    # PTB 22 warns when retry_after is read as an int; read it whichever way it comes, quietly.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
