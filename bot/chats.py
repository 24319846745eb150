"""Per-chat preferences (time zone, language, default lead times, active or not), behind a Protocol.

The Telegram handlers read and write these; the SQL store (``bot.storage``) implements them for real
and ``MemoryChatStore`` serves tests and runs without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol

from bot.reminders.leads import DEFAULT_LEADS, Lead


@dataclass(frozen=True)
class ChatPrefs:
    chat_id: int
    timezone: str | None = None  # IANA name; None means the calendar's zone
    language: str | None = None  # Telegram language_code; None means detect per message
    active: bool = True  # False once the bot was blocked or removed
    default_leads: tuple[Lead, ...] | None = None  # chosen in /settings; None means calbot's

    @property
    def leads(self) -> tuple[Lead, ...]:
        """The lead times of a subscription that states none: the chat's, else calbot's."""
        return self.default_leads or DEFAULT_LEADS


class ChatStore(Protocol):
    def get_chat(self, chat_id: int) -> ChatPrefs: ...

    def save_chat(self, prefs: ChatPrefs) -> None: ...

    def deactivate_chat(self, chat_id: int, reason: str) -> None:
        """The bot was blocked or removed: send nothing more until ``reactivate_chat``."""
        ...

    def reactivate_chat(self, chat_id: int) -> None: ...

    def migrate_chat(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup: its preferences (and subscriptions) follow it."""
        ...

    def mark_undelivered(self, chat_id: int) -> None:
        """Telegram would not take the last reply here: the next reply says the action was done."""
        ...

    def take_undelivered(self, chat_id: int) -> bool:
        """Whether a note is owed since ``mark_undelivered``; True once, then cleared."""
        ...


class MemoryChatStore:
    """Chat preferences in memory."""

    def __init__(self) -> None:
        self._chats: dict[int, ChatPrefs] = {}
        self._undelivered: set[int] = set()

    def get_chat(self, chat_id: int) -> ChatPrefs:
        return self._chats.get(chat_id, ChatPrefs(chat_id))

    def save_chat(self, prefs: ChatPrefs) -> None:
        self._chats[prefs.chat_id] = prefs

    def deactivate_chat(self, chat_id: int, reason: str) -> None:
        self.save_chat(replace(self.get_chat(chat_id), active=False))

    def reactivate_chat(self, chat_id: int) -> None:
        self.save_chat(replace(self.get_chat(chat_id), active=True))

    def migrate_chat(self, old_id: int, new_id: int) -> None:
        self.save_chat(replace(self._chats.pop(old_id, ChatPrefs(old_id)), chat_id=new_id))
        if self.take_undelivered(old_id):
            self.mark_undelivered(new_id)

    def mark_undelivered(self, chat_id: int) -> None:
        self._undelivered.add(chat_id)

    def take_undelivered(self, chat_id: int) -> bool:
        if chat_id not in self._undelivered:
            return False
        self._undelivered.discard(chat_id)
        return True

    def set_timezone(self, chat_id: int, timezone: str) -> ChatPrefs:
        prefs = replace(self.get_chat(chat_id), timezone=timezone)
        self.save_chat(prefs)
        return prefs
