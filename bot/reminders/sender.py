"""The sender: one message to one chat, through Telegram's refusals, with a clear outcome.

It sends through the outbound lane (``bot.outbound``: the application bot's rate limiter), which
paces every attempt inside Telegram's limits beside the replies, waits out 429s and retries 5xx and
time-outs. What reaches the sender is what retrying could not fix, and it knows what each means:

* 403 ``Forbidden`` (blocked, kicked) or 400 "chat not found": the chat is gone; its subscriptions
  are deactivated and nothing is retried;
* ``ChatMigrated`` (a group became a supergroup): the chat's subscriptions and log move to the new
  id and the message is sent there;
* any other 400: the message itself is wrong; retrying would not help;
* a 429 or a network error still there after the lane's attempts: failed, logged once.

A time-out is ambiguous (Telegram may have accepted the message), so retrying one may duplicate it;
the bound is the lane's number of attempts, and in practice time-outs on a healthy link are rare.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
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

from bot.outbound import Priority
from bot.outbound.lane import retry_seconds

log = logging.getLogger(__name__)

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
    """Sends one message through the lane, with chat bookkeeping.

    ``bot`` is the application's bot, whose rate limiter is the outbound lane; a bot without one
    (a stand-alone tool) sends unpaced.
    """

    def __init__(self, bot: Bot, chats: ChatRegistry) -> None:
        self._bot = bot
        self._chats = chats
        self._laned = getattr(bot, "rate_limiter", None) is not None

    async def send(
        self,
        chat_id: int,
        text: str,
        markup: InlineKeyboardMarkup | None = None,
        priority: Priority = Priority.REMINDER,
    ) -> Outcome:
        extra = {"rate_limit_args": int(priority)} if self._laned else {}
        while True:
            try:
                message = await self._bot.send_message(
                    chat_id,
                    text,
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup,
                    link_preview_options=_NO_PREVIEW,
                    **extra,  # type: ignore[arg-type]
                )
            except ChatMigrated as error:
                log.info("chat %s migrated to %s; moving it", chat_id, error.new_chat_id)
                self._chats.migrate_chat(chat_id, error.new_chat_id)
                chat_id = error.new_chat_id
                continue
            except Forbidden as error:
                return self._gone(chat_id, error.message)
            except RetryAfter as error:
                return self._failed(chat_id, f"flood control: {retry_seconds(error):.0f}s")
            except BadRequest as error:
                if "chat not found" in error.message.lower():
                    return self._gone(chat_id, error.message)
                return self._failed(chat_id, error.message)
            except (NetworkError, TelegramError) as error:  # after the lane's retries; a revoked
                return self._failed(chat_id, error.message)  # token: retrying cannot help
            return Outcome("sent", chat_id, message.message_id)

    def _gone(self, chat_id: int, reason: str) -> Outcome:
        log.info("chat %s is gone (%s): deactivating its subscriptions", chat_id, reason)
        self._chats.deactivate_chat(chat_id, reason)
        return Outcome("gone", chat_id, reason=reason)

    def _failed(self, chat_id: int, reason: str) -> Outcome:
        log.error("Telegram refused a message to %s: %s", chat_id, reason)
        return Outcome("failed", chat_id, reason=reason)
