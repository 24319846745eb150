"""Coordination through the database: the lease, webhook update dedup, the shared send budget."""

from __future__ import annotations

import itertools
import time

import pytest

from bot.storage import Store


def test_a_lease_is_held_by_one_instance_until_it_expires(store: Store) -> None:
    assert store.take_lease("reminders", "a", ttl=0.3)
    assert not store.take_lease("reminders", "b", ttl=0.3)
    assert store.take_lease("reminders", "a", ttl=0.3)  # renewed by its holder
    assert store.lease_holder("reminders") == "a"
    time.sleep(0.4)  # the lease's expiry is the database's real time, not calbot's clock
    assert store.take_lease("reminders", "b", ttl=0.3)
    assert store.lease_holder("reminders") == "b"


def test_a_released_lease_is_taken_at_once(store: Store) -> None:
    assert store.take_lease("reminders", "a", ttl=30)
    store.release_lease("reminders", "a")
    assert store.take_lease("reminders", "b", ttl=30)


def test_an_update_is_claimed_once(store: Store) -> None:
    assert store.claim_update(1001)
    assert not store.claim_update(1001)
    assert store.claim_update(1002)


def test_the_shared_budget_spaces_slots_across_callers(store: Store) -> None:
    spacing = 0.1
    waits = [store.reserve_send_slot(spacing) for _ in range(5)]
    assert waits[0] == 0.0
    # Booked back to back, each slot is one spacing after the one before.
    for earlier, later in itertools.pairwise(waits[1:]):
        assert later - earlier == pytest.approx(spacing, abs=0.03)
