"""The chats owed a "your last reply could not be delivered" note, kept in the database.

When Telegram would not take a reply even after the outbound lane's retries, the user's action was
still done; the next reply in that chat says so (``bot.telegram.gate``). Kept here rather than in
the process's memory so that a restart does not forget it and, with several instances on one
database, whichever instance handles the chat's next update says it, exactly once: ``take`` deletes
the row and only the instance whose delete removed it says the note.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from bot.storage.schema import undelivered_replies


class UndeliveredReplies:
    """Marks on chats whose last reply was lost; each mark is taken (and said) once."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        dialect: Any = sqlite if engine.dialect.name == "sqlite" else postgresql
        self._insert = dialect.insert

    def mark(self, chat_id: int, now_utc: datetime) -> None:
        """The last reply to ``chat_id`` was lost (a second loss before the note keeps one mark)."""
        with self._engine.begin() as connection:
            connection.execute(self._marking(chat_id, now_utc))

    def take(self, chat_id: int) -> bool:
        """True once per mark: the caller says the note. Called for every update, so a chat without
        a mark costs one primary-key read and no write."""
        table = undelivered_replies
        with self._engine.connect() as connection:
            marked = connection.execute(
                select(table.c.chat_id).where(table.c.chat_id == chat_id)
            ).first()
        if marked is None:
            return False
        with self._engine.begin() as connection:
            removed = connection.execute(delete(table).where(table.c.chat_id == chat_id))
        return removed.rowcount == 1

    def move(self, connection: Connection, old_id: int, new_id: int, now_utc: datetime) -> None:
        """A group became a supergroup: a mark on the old id now belongs to the new one."""
        table = undelivered_replies
        removed = connection.execute(delete(table).where(table.c.chat_id == old_id))
        if removed.rowcount:
            connection.execute(self._marking(new_id, now_utc))

    def _marking(self, chat_id: int, now_utc: datetime) -> Any:
        return (
            self._insert(undelivered_replies)
            .values(chat_id=chat_id, since_utc=now_utc)
            .on_conflict_do_nothing(index_elements=[undelivered_replies.c.chat_id])
        )
