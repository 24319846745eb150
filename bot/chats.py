"""Per-chat preferences (time zone, language, active or not), behind a Protocol.

The Telegram handlers read and write these; the SQL store (``bot.storage``) implements them for real
and ``MemoryChatStore`` serves tests and runs without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol


@dataclass(frozen=True)
class ChatPrefs:
    chat_id: int
    timezone: str | None = None  # IANA name; None means the calendar's zone
    language: str | None = None  # Telegram language_code; None means detect per message
    active: bool = True  # False once the bot was blocked or removed


class ChatStore(Protocol):
    def get_chat(self, chat_id: int) -> ChatPrefs: ...

    def save_chat(self, prefs: ChatPrefs) -> None: ...


class MemoryChatStore:
    """Chat preferences in memory."""

    def __init__(self) -> None:
        self._chats: dict[int, ChatPrefs] = {}

    def get_chat(self, chat_id: int) -> ChatPrefs:
        return self._chats.get(chat_id, ChatPrefs(chat_id))

    def save_chat(self, prefs: ChatPrefs) -> None:
        self._chats[prefs.chat_id] = prefs

    def set_timezone(self, chat_id: int, timezone: str) -> ChatPrefs:
        prefs = replace(self.get_chat(chat_id), timezone=timezone)
        self.save_chat(prefs)
        return prefs
