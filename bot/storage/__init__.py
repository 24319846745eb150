"""Storage: calbot's database (SQLite by default, PostgreSQL by URL), one code path for both.

Public API (a contract for the reminder dispatcher, sender and scheduler; keep the names)::

    store = Store.open("sqlite:///calbot.db" | "sqlite://" | "postgresql://user:pw@host/db",
                       clock=None)                    # clock stamps created/updated (SystemClock)
    store.close(); store.schema_version() -> int
    # chats (implements bot.chats.ChatStore)
    store.get_chat(chat_id) -> ChatPrefs              # default prefs when unknown
    store.save_chat(prefs) -> None                    # upsert timezone, language, active, leads
    store.chats() -> dict[int, ChatPrefs]
    store.deactivate_chat(chat_id, reason) -> None    # blocked / kicked: no more reminders
    store.reactivate_chat(chat_id) -> None
    store.migrate_chat(old_id, new_id) -> None        # group -> supergroup: moves everything
    store.mark_undelivered(chat_id) -> None           # the last reply was lost to Telegram
    store.take_undelivered(chat_id) -> bool           # True once per mark, on any instance
    # subscriptions
    store.subscribe(chat_id, scope, leads=None) -> Subscription   # upsert, re-activates;
                                                      # no leads: the chat's default_leads
    store.set_default_leads(chat_id, leads | None)    # /settings; None: calbot's DEFAULT_LEADS
                                                      # (read back as ChatPrefs.default_leads)
    store.unsubscribe(chat_id, scope=None) -> int     # None = every scope; returns how many ended
    store.subscriptions(active_only=True) -> list[Subscription]
    store.chat_subscriptions(chat_id) -> list[Subscription]                # active ones
    # delivery log (at most once per DeliveryKey, across processes)
    store.claim_delivery(key) -> bool                 # INSERT .. ON CONFLICT DO NOTHING: 'sending'
    store.reclaim_delivery(key, from_statuses=("failed",)) -> bool   # retry: atomic, attempts += 1
    store.finish_delivery(key, status, message_id=None, reason=None)  # sent | failed | skipped
    store.record_skipped(key, reason) -> bool         # claim + finish 'skipped' (too late)
    store.record_skipped_many(keys, reason) -> int    # the same in one transaction; how many new
    store.changes() -> tuple                          # differs after any chats/subscriptions write
    store.pending_deliveries() -> list[DeliveryRecord]   # 'sending' rows a crash left behind
    store.delivery_status(key) -> str | None; store.delivery(key) -> DeliveryRecord | None
    store.count_deliveries() -> dict[str, int]
    # revisions (implements bot.events.revisions.RevisionStore)
    store.load_revisions() -> dict[str, Revision]; store.save_revisions(revisions) -> None
    # snoozes
    store.add_snooze(chat_id, event_id, due_utc) -> int
    store.due_snoozes(now_utc) -> list[Snooze]        # not done, due <= now
    store.finish_snooze(snooze_id) -> None
    store.next_snooze_utc() -> datetime | None        # earliest pending snooze
    # digest
    store.set_digest(chat_id, time | None) -> None    # local time of day in the chat's zone
    store.digest_chats() -> list[DigestChat]          # active chats with a digest time
    store.digest_time(chat_id) -> time | None
    store.stats() -> dict[str, int]
    # several instances on one database (bot.storage.coordination)
    store.take_lease(name, holder, ttl) -> bool       # take or renew; False while another holds it
    store.release_lease(name, holder) -> None; store.lease_holder(name) -> str | None
    store.reserve_send_slot(spacing, catch_up=0) -> float   # shared overall budget: seconds to wait
    store.claim_update(update_id) -> bool             # webhook: False for a redelivered update

``DeliveryKey`` (chat_id, event_id, revision, lead_key) and ``Subscription`` come from
``bot.reminders.planner`` and are re-exported here. Every method is synchronous and short; call it
with ``asyncio.to_thread`` from async code when it matters. Schema versions: ``bot.storage.schema``.
"""

from bot.reminders.planner import DeliveryKey, Subscription
from bot.storage.store import DeliveryRecord, DigestChat, Snooze, Store, normalize_url

__all__ = [
    "DeliveryKey",
    "DeliveryRecord",
    "DigestChat",
    "Snooze",
    "Store",
    "Subscription",
    "normalize_url",
]
