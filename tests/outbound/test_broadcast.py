"""/broadcast goes through the lane at the lowest priority: inside Telegram's limits, and people
asking questions meanwhile are answered before the broadcast ends."""

from __future__ import annotations

from pathlib import Path

from bot.chats import ChatPrefs
from bot.clock import ManualClock
from bot.state import CalendarHolder
from tests.fakes.bot_api import FakeBotApi
from tests.outbound.conftest import running_bot, sqlite_store

ADMIN = 777
TARGETS = range(20_000, 20_090)
ASKING = range(30_000, 30_020)


async def test_a_broadcast_is_paced_and_replies_go_before_it(
    api: FakeBotApi, holder: CalendarHolder, clock: ManualClock, tmp_path: Path
) -> None:
    store = sqlite_store(tmp_path, clock)
    for chat_id in TARGETS:
        api.add_chat(chat_id)
        store.save_chat(ChatPrefs(chat_id, None, None))
    async with running_bot(api, holder, clock, store, admin_ids=str(ADMIN)):
        api.push_text(ADMIN, "/broadcast The room changed", user_id=ADMIN)
        await api.wait_until(lambda: any(m.chat_id == ADMIN for m in api.sent))
        api.push_callback(ADMIN, "bc:yes", user_id=ADMIN)
        await api.wait_until(lambda: sum(m.chat_id in TARGETS for m in api.sent) >= 10)
        for chat_id in ASKING:
            api.push_text(chat_id, "/next", user_id=chat_id)
        await api.wait_until(lambda: any("90" in (e.text or "") for e in api.edits), timeout=30)
    store.close()
    order = [message.chat_id for message in api.sent]
    broadcast = [index for index, chat in enumerate(order) if chat in TARGETS]
    replies = [index for index, chat in enumerate(order) if chat in ASKING]
    assert len(broadcast) == len(TARGETS)
    assert len(replies) == len(ASKING)
    assert api.too_many_requests == 0
    assert max(replies) < max(broadcast), "the replies waited for the whole broadcast"
