"""Channels the bot was added to, as Telegram reported them (``my_chat_member`` updates).

The record says whether the bot may post there and who added it; whether a person may manage the
channel's reminders is asked of Telegram (getChatMember) each time, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, func, select

from bot.clock import Clock
from bot.storage.schema import channels


@dataclass(frozen=True)
class Channel:
    id: int
    title: str | None
    username: str | None  # without the "@"
    bot_status: str  # administrator | member | left | kicked
    can_post: bool
    added_by: int | None = None

    @property
    def name(self) -> str:
        return f"@{self.username}" if self.username else (self.title or str(self.id))


class ChannelStore:
    """The channels table (shares the engine of ``bot.storage.Store``)."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self._clock = clock

    def save(self, channel: Channel) -> None:
        values = {
            "title": channel.title,
            "username": channel.username,
            "bot_status": channel.bot_status,
            "can_post": channel.can_post,
            "updated_utc": self._clock.now(),
        }
        with self.engine.begin() as connection:
            known = connection.execute(
                select(channels.c.added_by).where(channels.c.id == channel.id)
            ).first()
            if known is None:
                connection.execute(
                    channels.insert().values(id=channel.id, added_by=channel.added_by, **values)
                )
            else:
                connection.execute(
                    channels.update().where(channels.c.id == channel.id).values(**values)
                )

    def get(self, channel_id: int) -> Channel | None:
        with self.engine.connect() as connection:
            row = connection.execute(select(channels).where(channels.c.id == channel_id)).first()
        return _channel(row) if row is not None else None

    def find(self, name: str) -> Channel | None:
        """A channel by ``@username`` (any case) or numeric id."""
        text = name.strip()
        if text.lstrip("-").isdigit():
            return self.get(int(text))
        username = text.removeprefix("@").lower()
        with self.engine.connect() as connection:
            row = connection.execute(
                select(channels).where(func.lower(channels.c.username) == username)
            ).first()
        return _channel(row) if row is not None else None

    def all(self) -> list[Channel]:
        with self.engine.connect() as connection:
            rows = connection.execute(select(channels).order_by(channels.c.id)).all()
        return [_channel(row) for row in rows]


def _channel(row: object) -> Channel:
    return Channel(
        row.id,  # type: ignore[attr-defined]
        row.title,  # type: ignore[attr-defined]
        row.username,  # type: ignore[attr-defined]
        row.bot_status,  # type: ignore[attr-defined]
        bool(row.can_post),  # type: ignore[attr-defined]
        row.added_by,  # type: ignore[attr-defined]
    )
