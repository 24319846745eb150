"""The reminders' line in the admins' /stats: subscribers, and deliveries by outcome."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.text.messages import say

if TYPE_CHECKING:
    from bot.storage import Store


def stats_line(store: Store, lang: str | None) -> str:
    counts = store.count_deliveries()
    subscribed = {subscription.chat_id for subscription in store.subscriptions()}
    chats = store.chats()
    inactive = sum(1 for chat_id in subscribed if chat_id in chats and not chats[chat_id].active)
    return say(
        "reminder_stats",
        lang,
        chats=len(subscribed) - inactive,
        inactive=inactive,
        sent=counts.get("sent", 0),
        failed=counts.get("failed", 0),
        skipped=counts.get("skipped", 0),
        sending=counts.get("sending", 0),
    )
