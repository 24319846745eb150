"""The store, on a SQLite file and on PostgreSQL: the same behaviour from both."""

from __future__ import annotations

import gc
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import Connection, create_engine, inspect, text

from bot.chats import ChatPrefs
from bot.clock import ManualClock
from bot.events.revisions import Revision
from bot.reminders.leads import DEFAULT_LEADS, parse_leads
from bot.storage import DeliveryKey, Store, Subscription, normalize_url, schema
from bot.storage.channels import Channel, ChannelStore
from bot.storage.feed_tokens import FeedTokens
from bot.storage.schema import LATEST_VERSION

KEY = DeliveryKey(42, "ccw-msp-2007", 0, "1d")


def test_plain_postgres_urls_get_the_psycopg_driver() -> None:
    assert normalize_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert normalize_url("postgres://h/db") == "postgresql+psycopg://h/db"
    assert normalize_url("sqlite:///calbot.db") == "sqlite:///calbot.db"


def test_open_creates_the_schema_at_the_latest_version(store: Store) -> None:
    assert store.schema_version() == LATEST_VERSION
    tables = set(inspect(store.engine).get_table_names())
    assert {"chats", "subscriptions", "delivery_log", "revisions", "snoozes"} <= tables


def test_reopening_keeps_the_data_and_the_version(database_url: str, clock: ManualClock) -> None:
    first = Store.open(database_url, clock)
    first.subscribe(1, "all")
    first.close()
    again = Store.open(database_url, clock)
    assert again.schema_version() == LATEST_VERSION
    assert again.subscriptions() == [Subscription(1, "all", DEFAULT_LEADS)]
    again.close()


def test_in_memory_sqlite_keeps_data_between_calls(clock: ManualClock) -> None:
    memory = Store.open("sqlite://", clock)
    memory.save_chat(ChatPrefs(5, "Asia/Tokyo", "fr"))
    assert memory.get_chat(5) == ChatPrefs(5, "Asia/Tokyo", "fr")


def test_sqlite_file_runs_in_wal_mode_with_foreign_keys(tmp_path, clock: ManualClock) -> None:
    opened = Store.open(f"sqlite:///{tmp_path / 'c.db'}", clock)
    with opened.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    opened.close()


def test_unknown_chat_has_default_prefs_and_saved_prefs_come_back(store: Store) -> None:
    assert store.get_chat(9) == ChatPrefs(9)
    store.save_chat(ChatPrefs(9, "America/New_York", "en"))
    store.save_chat(ChatPrefs(9, "Europe/Zurich", "fr"))
    assert store.get_chat(9) == ChatPrefs(9, "Europe/Zurich", "fr")


def test_deactivated_chat_is_inactive_until_reactivated(store: Store) -> None:
    store.save_chat(ChatPrefs(3, "Europe/Zurich"))
    store.deactivate_chat(3, "blocked by user")
    assert store.get_chat(3).active is False
    assert store.get_chat(3).timezone == "Europe/Zurich"
    store.reactivate_chat(3)
    assert store.chats()[3].active is True


def test_subscribe_again_replaces_the_lead_times(store: Store) -> None:
    store.subscribe(1, "event:ccw-msp-2007")
    store.subscribe(1, "event:ccw-msp-2007", parse_leads("2d 3h"))
    assert store.subscriptions() == [Subscription(1, "event:ccw-msp-2007", parse_leads("2d,3h"))]


def test_unsubscribe_one_scope_or_all(store: Store) -> None:
    store.subscribe(1, "all")
    store.subscribe(1, "kind:conference")
    store.subscribe(2, "all")
    assert store.unsubscribe(1, "kind:conference") == 1
    assert store.unsubscribe(1, "kind:conference") == 0
    assert store.unsubscribe(1) == 1
    assert [sub.chat_id for sub in store.subscriptions()] == [2]
    assert len(store.subscriptions(active_only=False)) == 3


def test_a_delivery_is_claimed_only_once(store: Store) -> None:
    assert store.claim_delivery(KEY) is True
    assert store.claim_delivery(KEY) is False
    assert store.claim_delivery(DeliveryKey(42, "ccw-msp-2007", 1, "1d")) is True


def test_a_claim_is_exclusive_across_two_connections(database_url: str, clock: ManualClock) -> None:
    one, two = Store.open(database_url, clock), Store.open(database_url, clock)
    assert [one.claim_delivery(KEY), two.claim_delivery(KEY)] == [True, False]
    one.close()
    two.close()


def test_finished_delivery_records_status_message_and_counts(store: Store) -> None:
    store.claim_delivery(KEY)
    store.finish_delivery(KEY, "sent", message_id=77)
    record = store.delivery(KEY)
    assert (record.status, record.message_id, record.attempts) == ("sent", 77, 1)
    assert store.delivery_status(KEY) == "sent"
    assert store.count_deliveries() == {"sending": 0, "sent": 1, "failed": 0, "skipped": 0}


def test_finishing_an_unclaimed_delivery_is_an_error(store: Store) -> None:
    with pytest.raises(KeyError):
        store.finish_delivery(KEY, "sent")


def test_crash_leaves_sending_rows_pending(store: Store) -> None:
    store.claim_delivery(KEY)
    store.claim_delivery(DeliveryKey(1, "e", 0, "0d"))
    store.finish_delivery(DeliveryKey(1, "e", 0, "0d"), "sent", message_id=1)
    assert [record.key for record in store.pending_deliveries()] == [KEY]


def test_failed_delivery_can_be_reclaimed_once_for_a_retry(store: Store) -> None:
    store.claim_delivery(KEY)
    assert store.reclaim_delivery(KEY) is False  # still sending: not a failure yet
    store.finish_delivery(KEY, "failed", reason="timeout")
    assert store.reclaim_delivery(KEY) is True
    assert store.reclaim_delivery(KEY) is False
    assert store.delivery(KEY).attempts == 2


def test_skipped_reminder_is_logged_once(store: Store) -> None:
    assert store.record_skipped(KEY, "event already begun") is True
    assert store.record_skipped(KEY, "event already begun") is False
    assert store.delivery(KEY).reason == "event already begun"


def test_revisions_survive_a_restart(database_url: str, clock: ManualClock) -> None:
    modified = datetime(2007, 11, 2, 10, 30, tzinfo=UTC)
    revisions = {
        "a": Revision("a", "f" * 32, 2, modified),
        "b": Revision("b", "0" * 32, 0, modified),
    }
    first = Store.open(database_url, clock)
    first.save_revisions(revisions)
    first.save_revisions({"a": revisions["a"]})
    first.close()
    again = Store.open(database_url, clock)
    assert again.load_revisions() == {"a": revisions["a"]}
    assert again.load_revisions()["a"].modified_utc.tzinfo is not None
    again.close()


def test_naive_datetimes_are_refused(store: Store) -> None:
    with pytest.raises(Exception, match="naive"):
        store.add_snooze(1, "e", datetime(2007, 11, 5, 9))


def test_snooze_is_due_once_its_time_comes_and_until_finished(store: Store) -> None:
    due = datetime(2007, 11, 5, 9, tzinfo=UTC)
    snooze_id = store.add_snooze(1, "ccw-msp-2007", due)
    assert store.due_snoozes(due - timedelta(minutes=1)) == []
    [snooze] = store.due_snoozes(due)
    assert (snooze.id, snooze.event_id, snooze.due_utc) == (snooze_id, "ccw-msp-2007", due)
    assert store.next_snooze_utc() == due
    store.finish_snooze(snooze_id)
    assert store.due_snoozes(due + timedelta(hours=1)) == []


def test_snoozes_of_a_deactivated_chat_are_not_due(store: Store) -> None:
    due = datetime(2007, 11, 5, 9, tzinfo=UTC)
    store.add_snooze(1, "e", due)
    store.deactivate_chat(1, "kicked")
    assert store.due_snoozes(due) == []


def test_digest_time_is_kept_per_active_chat(store: Store) -> None:
    store.save_chat(ChatPrefs(1, "Asia/Tokyo", "fr"))
    store.set_digest(1, time(8, 0))
    store.set_digest(2, time(7, 30))
    store.set_digest(2, None)
    store.set_digest(3, time(9, 0))
    store.deactivate_chat(3, "blocked")
    [digest] = store.digest_chats()
    assert (digest.prefs, digest.at) == (ChatPrefs(1, "Asia/Tokyo", "fr"), time(8, 0))


def test_migrated_chat_keeps_prefs_subscriptions_snoozes_and_delivery_log(store: Store) -> None:
    store.save_chat(ChatPrefs(-100, "Asia/Tokyo", "fr"))
    store.subscribe(-100, "all")
    store.subscribe(-100, "kind:meeting")
    store.subscribe(-200, "all", parse_leads("3h"))  # the new id already had one
    store.add_snooze(-100, "e", datetime(2007, 11, 5, tzinfo=UTC))
    store.claim_delivery(DeliveryKey(-100, "e", 0, "1d"))
    store.migrate_chat(-100, -200)
    assert store.get_chat(-200) == ChatPrefs(-200, "Asia/Tokyo", "fr")
    assert -100 not in store.chats()
    assert {(s.chat_id, s.scope) for s in store.subscriptions()} == {
        (-200, "all"),
        (-200, "kind:meeting"),
    }
    assert [s.chat_id for s in store.due_snoozes(datetime(2008, 1, 1, tzinfo=UTC))] == [-200]
    assert store.claim_delivery(DeliveryKey(-200, "e", 0, "1d")) is False


def test_stats_count_what_is_stored(store: Store) -> None:
    store.subscribe(1, "all")
    store.subscribe(2, "all")
    store.deactivate_chat(2, "blocked")
    store.claim_delivery(KEY)
    stats = store.stats()
    assert (stats["chats"], stats["active_chats"], stats["subscriptions"]) == (2, 1, 2)
    assert stats["deliveries_sending"] == 1


def test_a_new_migration_step_runs_once_on_an_existing_database(
    database_url: str, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store.open(database_url, clock).close()
    runs: list[int] = []

    def add_notes(connection: Connection) -> None:
        runs.append(1)
        connection.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY)"))

    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, add_notes))
    for _ in range(2):
        upgraded = Store.open(database_url, clock)
        assert upgraded.schema_version() == LATEST_VERSION + 1
        assert "notes" in inspect(upgraded.engine).get_table_names()
        upgraded.close()
    assert runs == [1]


def test_processes_starting_together_all_open_the_database(
    database_url: str, clock: ManualClock
) -> None:
    def open_and_close(_: int) -> int:
        opened = Store.open(database_url, clock)
        version = opened.schema_version()
        opened.close()
        return version

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(open_and_close, range(4))) == [LATEST_VERSION] * 4


def test_skipped_reminders_are_logged_in_bulk_once_each(store: Store) -> None:
    other = DeliveryKey(43, "ccw-msp-2007", 0, "0d")
    assert store.record_skipped(KEY, "earlier") is True
    assert store.record_skipped_many([KEY, other], "event already begun") == 1
    assert store.record_skipped_many([KEY, other], "event already begun") == 0
    assert store.delivery(KEY).reason == "earlier"
    record = store.delivery(other)
    assert (record.status, record.attempts, record.reason) == ("skipped", 1, "event already begun")


def test_a_key_repeated_in_one_bulk_skip_is_logged_once(store: Store) -> None:
    assert store.record_skipped_many([KEY, KEY], "event already begun") == 1
    assert store.count_deliveries()["skipped"] == 1


def test_thousands_of_skips_are_counted_across_insert_batches(store: Store) -> None:
    keys = [DeliveryKey(chat_id, "ccw-msp-2007", 0, "1h") for chat_id in range(1, 2501)]
    assert store.record_skipped_many(keys[:10], "event already begun") == 10
    assert store.record_skipped_many(keys, "event already begun") == 2490
    assert store.count_deliveries()["skipped"] == 2500


def test_bulk_skips_of_nothing_record_nothing(store: Store) -> None:
    assert store.record_skipped_many([], "event already begun") == 0
    assert store.count_deliveries()["skipped"] == 0


def test_change_stamp_moves_with_every_subscription_and_chat_write(store: Store) -> None:
    stamps = [store.changes()]
    store.subscribe(1, "all")
    stamps.append(store.changes())
    store.subscribe(1, "all", parse_leads("3h"))
    stamps.append(store.changes())
    store.unsubscribe(1)
    stamps.append(store.changes())
    store.save_chat(ChatPrefs(1, "Europe/Zurich"))
    stamps.append(store.changes())
    store.deactivate_chat(1, "blocked")
    stamps.append(store.changes())
    store.migrate_chat(1, 2)
    stamps.append(store.changes())
    assert len(set(stamps)) == len(stamps)


def test_change_stamp_stays_put_without_writes(store: Store) -> None:
    store.subscribe(1, "all")
    assert store.changes() == store.changes()


def test_change_stamp_sees_a_subscription_written_by_another_process(
    database_url: str, clock: ManualClock
) -> None:
    first, second = Store.open(database_url, clock), Store.open(database_url, clock)
    before = first.changes()
    second.subscribe(7, "all")
    assert first.changes() != before
    first.close()
    second.close()


def test_subscriptions_share_one_parsed_lead_tuple_per_distinct_text(store: Store) -> None:
    for chat_id in (1, 2, 3):
        store.subscribe(chat_id, "all", parse_leads("2d,3h"))
    first, *others = store.subscriptions()
    assert first.leads == parse_leads("2d,3h")
    assert all(sub.leads is first.leads for sub in others)


def _v3_database(database_url: str, clock: ManualClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database as calbot left it at schema version 3, before chats had default lead times."""
    with monkeypatch.context() as patch:
        patch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:3])
        opened = Store.open(database_url, clock)
    with opened.engine.begin() as connection:
        connection.execute(text("ALTER TABLE chats DROP COLUMN default_leads"))
    opened.close()


def test_a_version_3_database_with_data_upgrades_without_losing_any(
    database_url: str, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _v3_database(database_url, clock, monkeypatch)
    # Written with the v3 columns only (the Store's own methods know the new one).
    engine = create_engine(normalize_url(database_url))
    now = clock.now()
    with engine.begin() as connection:
        connection.execute(
            schema.chats.insert().values(
                id=1, timezone="Asia/Tokyo", language="fr", active=True, digest_time="08:00",
                created_utc=now, updated_utc=now,
            )
        )  # fmt: skip
        connection.execute(
            schema.subscriptions.insert().values(
                chat_id=1, scope="event:msp", leads="2d,3h", active=True,
                created_utc=now, updated_utc=now,
            )
        )  # fmt: skip
        connection.execute(
            schema.snoozes.insert().values(
                chat_id=1, event_id="msp", due_utc=now, done=False, created_utc=now
            )
        )
    old = Store(engine, clock)
    old.claim_delivery(DeliveryKey(1, "msp", 0, "2d"))
    token = FeedTokens(engine, clock).token_for(1)
    ChannelStore(engine, clock).save(Channel(-1001, "CCW", "ccwnews", "administrator", True))
    engine.dispose()

    upgraded = Store.open(database_url, clock)
    assert upgraded.schema_version() == LATEST_VERSION == 5
    assert upgraded.get_chat(1) == ChatPrefs(1, "Asia/Tokyo", "fr", True, None)
    assert upgraded.digest_time(1) == time(8, 0)
    assert upgraded.subscriptions() == [Subscription(1, "event:msp", parse_leads("2d 3h"))]
    assert [snooze.event_id for snooze in upgraded.due_snoozes(now)] == ["msp"]
    assert upgraded.claim_delivery(DeliveryKey(1, "msp", 0, "2d")) is False
    assert FeedTokens(upgraded.engine, clock).chat_for(token) is not None
    channel = ChannelStore(upgraded.engine, clock).find("@ccwnews")
    assert channel is not None and channel.can_post
    # The new column works on the upgraded database.
    upgraded.set_default_leads(1, parse_leads("1w"))
    assert upgraded.subscribe(1, "all").leads == parse_leads("1w")
    upgraded.close()


def test_a_subscription_without_lead_times_gets_the_chats_default(store: Store) -> None:
    assert store.subscribe(5, "all").leads == DEFAULT_LEADS
    store.set_default_leads(5, parse_leads("2d 3h"))
    assert store.get_chat(5).default_leads == parse_leads("2d 3h")
    assert store.subscribe(5, "event:msp").leads == parse_leads("2d 3h")
    assert store.subscribe(5, "kind:meeting", parse_leads("1w")).leads == parse_leads("1w")
    assert store.subscribe(6, "all").leads == DEFAULT_LEADS  # another chat keeps calbot's
    store.set_default_leads(5, None)
    assert store.subscribe(5, "event:msp").leads == DEFAULT_LEADS


def test_saving_a_chats_zone_keeps_its_default_lead_times(store: Store) -> None:
    store.set_default_leads(5, parse_leads("3h"))
    store.save_chat(replace(store.get_chat(5), timezone="Asia/Tokyo"))
    assert store.get_chat(5) == ChatPrefs(5, "Asia/Tokyo", None, True, parse_leads("3h"))
    assert store.chats()[5].default_leads == parse_leads("3h")


def test_a_migrated_group_keeps_its_default_lead_times_and_digest(store: Store) -> None:
    store.set_default_leads(-100, parse_leads("2d"))
    store.set_digest(-100, time(7, 30))
    store.migrate_chat(-100, -200)
    assert store.get_chat(-200).default_leads == parse_leads("2d")
    assert store.digest_time(-200) == time(7, 30)


def test_close_waits_for_a_connection_still_out_in_a_worker_thread(database_url: str) -> None:
    """A query still running in a thread when calbot stops gets its connection closed with the
    rest, not left open in a discarded pool (PostgreSQL warns of it when it is collected)."""
    store = Store.open(database_url, ManualClock(datetime(2007, 11, 1, tzinfo=UTC)))
    taken, release = threading.Event(), threading.Event()

    def in_flight() -> None:
        with store.engine.connect() as connection:
            taken.set()
            release.wait(5)
            connection.execute(text("SELECT 1"))

    with ThreadPoolExecutor(2) as pool:
        query = pool.submit(in_flight)
        taken.wait(5)
        closing = pool.submit(store.close)
        release.set()
        query.result(), closing.result()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gc.collect()
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)]
