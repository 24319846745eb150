"""Personal feed tokens: the secret in a chat's private feed URL (``/feeds/<token>.ics``).

One token per chat, made by ``secrets`` and shown only to that chat. ``reset`` replaces it, so the
old URL stops working at once. A request is resolved by the SHA-256 digest of the token it
presents: the database compares digests, never the secret, and the final check is
``hmac.compare_digest``, so a wrong token costs the same whatever it shares with a right one.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import datetime

from sqlalchemy import Engine, delete, func, select

from bot.clock import Clock
from bot.storage.schema import chats, feed_tokens, subscriptions

TOKEN_BYTES = 24  # 192 bits; token_urlsafe gives 32 characters
TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{32}$")


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class FeedTokens:
    """The feed tokens in calbot's database (shares the engine of ``bot.storage.Store``)."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self._clock = clock

    def token_for(self, chat_id: int) -> str:
        """The chat's token, made on first use."""
        with self.engine.connect() as connection:
            found = connection.execute(
                select(feed_tokens.c.token).where(feed_tokens.c.chat_id == chat_id)
            ).scalar_one_or_none()
        return found if found is not None else self.reset(chat_id)

    def reset(self, chat_id: int) -> str:
        """A new token for the chat; the old one (if any) no longer opens anything."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        now = self._clock.now()
        with self.engine.begin() as connection:
            if connection.execute(select(chats.c.id).where(chats.c.id == chat_id)).first() is None:
                connection.execute(
                    chats.insert().values(id=chat_id, active=True, created_utc=now, updated_utc=now)
                )
            connection.execute(delete(feed_tokens).where(feed_tokens.c.chat_id == chat_id))
            connection.execute(
                feed_tokens.insert().values(
                    chat_id=chat_id, token=token, digest=token_digest(token), created_utc=now
                )
            )
        return token

    def chat_for(self, presented: str) -> tuple[int, datetime] | None:
        """The chat whose token was presented and when the token was made; None for any other."""
        # Every presented token, well-formed or not, costs one indexed lookup of its digest, so
        # the answer takes as long whatever the guess shares with a real token.
        digest = token_digest(presented)
        with self.engine.connect() as connection:
            row = connection.execute(
                select(feed_tokens.c.chat_id, feed_tokens.c.digest, feed_tokens.c.created_utc)
                .where(feed_tokens.c.digest == digest)
            ).first()  # fmt: skip
        if row is None or not TOKEN_SHAPE.match(presented):
            return None
        if not hmac.compare_digest(row.digest, digest):
            return None
        return row.chat_id, row.created_utc

    def chat_changed_utc(self, chat_id: int) -> datetime | None:
        """The last change to the chat's subscriptions or preferences (a feed's Last-Modified)."""
        with self.engine.connect() as connection:
            subscribed = connection.execute(
                select(func.max(subscriptions.c.updated_utc)).where(
                    subscriptions.c.chat_id == chat_id
                )
            ).scalar_one_or_none()
            chat = connection.execute(
                select(chats.c.updated_utc).where(chats.c.id == chat_id)
            ).scalar_one_or_none()
        instants = [value for value in (subscribed, chat) if value is not None]
        return max(instants) if instants else None
