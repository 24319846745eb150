"""The feed cache renders each feed once per snapshot, stays bounded, and forgets old versions."""

from __future__ import annotations

import asyncio
import dataclasses

from bot.feed.cache import FeedCache
from bot.feed.query import build_query
from bot.state import CalendarHolder


async def test_concurrent_requests_render_once(holder: CalendarHolder) -> None:
    cache = FeedCache("https://c.example")
    results = await asyncio.gather(*(cache.feed(holder.current, build_query()) for _ in range(8)))
    assert cache.renders == 1
    assert len({result.etag for result in results}) == 1


async def test_cache_is_bounded_by_entries(holder: CalendarHolder) -> None:
    cache = FeedCache("https://c.example", max_entries=3)
    for word in ("a", "b", "c", "d", "e"):
        await cache.feed(holder.current, build_query(body=word))
    assert len(cache) == 3


async def test_new_snapshot_version_renders_afresh(holder: CalendarHolder) -> None:
    cache = FeedCache("https://c.example")
    await cache.feed(holder.current, build_query())
    newer = dataclasses.replace(holder.current, version=holder.current.version + 1)
    await cache.feed(newer, build_query())
    assert (cache.renders, len(cache)) == (2, 1)


async def test_gzip_bytes_are_deterministic(holder: CalendarHolder) -> None:
    first = await FeedCache("https://c.example").feed(holder.current, build_query())
    second = await FeedCache("https://c.example").feed(holder.current, build_query())
    assert first.gzipped == second.gzipped
    assert first.gzip_etag != first.etag
