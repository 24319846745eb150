"""Feed tokens and channels in the database, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.clock import ManualClock
from bot.storage import Store
from bot.storage.channels import Channel, ChannelStore
from bot.storage.feed_tokens import FeedTokens, token_digest
from bot.storage.schema import feed_tokens


def test_a_chat_keeps_its_token_until_reset(store: Store, clock: ManualClock) -> None:
    tokens = FeedTokens(store.engine, clock)
    first = tokens.token_for(42)
    assert len(first) == 32 and tokens.token_for(42) == first
    assert tokens.chat_for(first) == (42, clock.now())
    second = tokens.reset(42)
    assert second != first
    assert tokens.chat_for(first) is None
    assert tokens.chat_for(second) is not None and tokens.chat_for(second)[0] == 42  # type: ignore[index]


def test_tokens_differ_between_chats_and_look_up_by_digest(
    store: Store, clock: ManualClock
) -> None:
    tokens = FeedTokens(store.engine, clock)
    mine, yours = tokens.token_for(1), tokens.token_for(2)
    assert mine != yours
    assert tokens.chat_for(yours)[0] == 2  # type: ignore[index]
    with store.engine.connect() as connection:
        digests = set(connection.execute(select(feed_tokens.c.digest)).scalars())
    assert digests == {token_digest(mine), token_digest(yours)}


def test_malformed_or_unknown_tokens_open_nothing(store: Store, clock: ManualClock) -> None:
    tokens = FeedTokens(store.engine, clock)
    real = tokens.token_for(7)
    for guess in ("", "x", real[:-1], real + "A", real.upper(), "\udcff" * 32, "../" + real):
        assert tokens.chat_for(guess) is None


def test_the_feed_changes_when_subscriptions_or_preferences_do(
    store: Store, clock: ManualClock
) -> None:
    tokens = FeedTokens(store.engine, clock)
    tokens.token_for(9)
    made = tokens.chat_changed_utc(9)
    clock.advance(timedelta(minutes=5))
    store.subscribe(9, "all")
    assert tokens.chat_changed_utc(9) == made + timedelta(minutes=5)  # type: ignore[operator]
    clock.advance(timedelta(minutes=5))
    store.unsubscribe(9)
    assert tokens.chat_changed_utc(9) == made + timedelta(minutes=10)  # type: ignore[operator]


def test_a_deleted_chat_takes_its_token_with_it(store: Store, clock: ManualClock) -> None:
    tokens = FeedTokens(store.engine, clock)
    old = tokens.token_for(-100)
    store.migrate_chat(-100, -1001)  # a group became a supergroup: the old chat row is gone
    assert tokens.chat_for(old) is None


def test_channels_are_found_by_username_in_any_case_or_by_id(
    store: Store, clock: ManualClock
) -> None:
    channels = ChannelStore(store.engine, clock)
    channels.save(Channel(-1005, "CCW news", "CcwNews", "administrator", True, added_by=501))
    assert channels.find("@ccwnews") == channels.find("-1005") == channels.get(-1005)
    channels.save(Channel(-1005, "CCW news", "CcwNews", "left", False, added_by=777))
    found = channels.get(-1005)
    assert found is not None
    assert (found.bot_status, found.can_post, found.added_by) == ("left", False, 501)
    assert channels.find("@other") is None and channels.find("-1") is None
