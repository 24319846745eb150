"""The "your last reply could not be delivered" mark lives in the database: a restart keeps it, and
with several instances on one database exactly one of them says the note."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from bot.clock import ManualClock
from bot.storage import Store


def test_a_mark_survives_a_restart_and_is_taken_once(database_url: str, clock: ManualClock) -> None:
    before = Store.open(database_url, clock)
    before.mark_undelivered(42)
    before.close()
    after = Store.open(database_url, clock)
    assert after.take_undelivered(7) is False  # another chat owes nothing
    assert after.take_undelivered(42) is True
    assert after.take_undelivered(42) is False  # said once, then cleared
    after.close()


def test_a_second_loss_before_the_note_keeps_one_mark(store: Store) -> None:
    store.mark_undelivered(42)
    store.mark_undelivered(42)
    assert [store.take_undelivered(42) for _ in range(2)] == [True, False]


def test_two_instances_taking_the_same_mark_say_it_once(
    database_url: str, clock: ManualClock
) -> None:
    instances = [Store.open(database_url, clock) for _ in range(4)]
    instances[0].mark_undelivered(42)
    with ThreadPoolExecutor(4) as pool:
        taken = list(pool.map(lambda store: store.take_undelivered(42), instances))
    for store in instances:
        store.close()
    assert taken.count(True) == 1


def test_a_mark_follows_a_group_that_became_a_supergroup(store: Store) -> None:
    store.mark_undelivered(-100)
    store.migrate_chat(-100, -1001)
    assert store.take_undelivered(-100) is False
    assert store.take_undelivered(-1001) is True
