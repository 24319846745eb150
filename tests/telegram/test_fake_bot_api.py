"""The fake Bot API server refuses what Telegram refuses, through python-telegram-bot's own Bot."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    RetryAfter,
)

from tests.fakes.bot_api import FakeBotApi, RateLimits


@pytest.fixture
async def client(api: FakeBotApi) -> AsyncIterator[Bot]:
    async with Bot(api.token, base_url=f"{api.base_url}/bot") as bot:
        yield bot


@pytest.fixture
def chat(api: FakeBotApi) -> int:
    api.add_chat(42)
    api.lift_rate_limits()
    return 42


async def test_a_wrong_token_is_unauthorized(api: FakeBotApi) -> None:
    bot = Bot("1:wrong", base_url=f"{api.base_url}/bot")
    with pytest.raises(InvalidToken):
        await bot.initialize()
    await bot.shutdown()


async def test_unknown_methods_and_paths_are_not_found(api: FakeBotApi) -> None:
    async with httpx.AsyncClient() as http:
        method = await http.post(f"{api.base_url}/bot{api.token}/sendTeleport")
        path = await http.get(f"{api.base_url}/nothing/here")
    assert method.status_code == path.status_code == 404
    assert method.json() == {"ok": False, "error_code": 404, "description": "Not Found"}


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("<br>", 'unsupported start tag "br"'),
        ("<b>bold", "can't find end tag"),
        ("<b>a</i>", "unmatched end tag"),
        ("", "message text is empty"),
        ("x" * 4097, "message is too long"),
    ],
)
async def test_bad_html_and_lengths_are_refused(
    client: Bot, chat: int, text: str, error: str
) -> None:
    with pytest.raises(BadRequest, match=rf"(?i){error}"):
        await client.send_message(chat, text, parse_mode="HTML")


async def test_length_counts_the_text_after_entities(
    client: Bot, chat: int, api: FakeBotApi
) -> None:
    await client.send_message(chat, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    assert len(api.sent[-1].plain) == 4096


async def test_callback_data_over_64_bytes_is_refused(client: Bot, chat: int) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("go", callback_data="é" * 33)]])
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await client.send_message(chat, "hi", reply_markup=markup)


async def test_unknown_chat_is_not_found(client: Bot, api: FakeBotApi) -> None:
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await client.send_message(999, "hi")


async def test_blocked_user_is_forbidden(client: Bot, chat: int, api: FakeBotApi) -> None:
    api.block(chat)
    with pytest.raises(Forbidden, match="blocked"):
        await client.send_message(chat, "hi")


async def test_injected_faults(client: Bot, chat: int, api: FakeBotApi) -> None:
    api.fail_next("sendMessage", 429, "Too Many Requests: retry after 7", retry_after=7)
    api.fail_next(
        "sendMessage", 400, "Bad Request: group chat was upgraded", migrate_to_chat_id=-1009
    )
    with pytest.raises(RetryAfter):
        await client.send_message(chat, "one")
    with pytest.raises(ChatMigrated) as migrated:
        await client.send_message(chat, "two")
    await client.send_message(chat, "three")
    assert api.errors[0] == ("sendMessage", 429, "Too Many Requests: retry after 7")
    assert migrated.value.new_chat_id == -1009
    assert [m.text for m in api.sent] == ["three"]


async def test_private_chat_rate_limit_answers_429(client: Bot, api: FakeBotApi) -> None:
    api.rate_limits = RateLimits(private_per_second=1, private_burst=2)
    api.add_chat(7)
    await client.send_message(7, "1")
    await client.send_message(7, "2")
    with pytest.raises(RetryAfter):
        await client.send_message(7, "3")
    assert api.too_many_requests == 1 and api.too_many_requests_by_chat == {7: 1}


async def test_offset_confirms_and_drops_earlier_updates(client: Bot, api: FakeBotApi) -> None:
    first, second = api.push_text(5, "one"), api.push_text(5, "two")
    assert [u.update_id for u in await client.get_updates()] == [
        first["update_id"],
        second["update_id"],
    ]
    remaining = await client.get_updates(offset=second["update_id"])
    assert [u.message.text for u in remaining] == ["two"]
    assert await client.get_updates(offset=second["update_id"] + 1) == ()


async def test_long_poll_ends_when_an_update_arrives(client: Bot, api: FakeBotApi) -> None:
    poll = asyncio.create_task(client.get_updates(timeout=30))
    await api.wait_until(lambda: any(m == "getUpdates" for m, _ in api.calls))
    api.push_text(5, "hello")
    updates = await asyncio.wait_for(poll, 5)
    assert [u.message.text for u in updates] == ["hello"]


async def test_documents_arrive_as_multipart(client: Bot, chat: int, api: FakeBotApi) -> None:
    await client.send_document(chat, b"BEGIN:VCALENDAR", filename="e.ics", caption="<i>x</i>",
                               parse_mode="HTML")  # fmt: skip
    document = api.sent[-1].document
    assert document is not None and document.filename == "e.ics"
    assert document.content == b"BEGIN:VCALENDAR"


async def test_webhook_needs_https(client: Bot, api: FakeBotApi) -> None:
    with pytest.raises(BadRequest, match=r"(?i)https url"):
        await client.set_webhook("http://127.0.0.1:1/telegram")


CHANNEL = -1009876543210


async def test_get_chat_member_in_a_channel_needs_the_bot_as_administrator(
    client: Bot, api: FakeBotApi
) -> None:
    api.lift_rate_limits()
    api.add_channel(CHANNEL, "News", username="news")
    api.set_member(CHANNEL, 501, "administrator")
    with pytest.raises(BadRequest, match=r"(?i)member list is inaccessible"):
        await client.get_chat_member(CHANNEL, 501)
    api.push_my_chat_member(CHANNEL, "administrator", user_id=501)
    admin = await client.get_chat_member(CHANNEL, 501)
    assert admin.status == "administrator" and admin.can_post_messages  # type: ignore[attr-defined]
    assert (await client.get_chat_member(CHANNEL, 502)).status == "left"  # never seen there
    api.set_member(CHANNEL, 503, "creator")
    assert (await client.get_chat_member(CHANNEL, 503)).status == "creator"
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await client.get_chat_member(-1001, 501)


async def test_posting_in_a_channel_needs_administrator_rights_to_post(
    client: Bot, api: FakeBotApi
) -> None:
    api.lift_rate_limits()
    api.add_channel(CHANNEL, "News")
    with pytest.raises(Forbidden, match="not a member of the channel chat"):
        await client.send_message(CHANNEL, "hello")
    api.push_my_chat_member(CHANNEL, "administrator", user_id=501, can_post_messages=False)
    with pytest.raises(BadRequest, match=r"(?i)need administrator rights"):
        await client.send_message(CHANNEL, "hello")
    api.push_my_chat_member(CHANNEL, "administrator", user_id=501)
    sent = await client.send_message(CHANNEL, "hello")
    assert sent.chat.type == "channel"
    api.push_my_chat_member(CHANNEL, "left", user_id=501)
    with pytest.raises(Forbidden):
        await client.send_message(CHANNEL, "hello")


async def test_a_channel_post_has_a_sender_chat_and_no_sender(client: Bot, api: FakeBotApi) -> None:
    api.add_channel(CHANNEL, "News")
    api.push_channel_post(CHANNEL, "/next")
    [update] = await client.get_updates(timeout=0)
    post = update.channel_post
    assert post is not None and post.from_user is None
    assert post.sender_chat is not None and post.sender_chat.id == CHANNEL


async def test_descriptions_over_telegrams_limits_are_refused(client: Bot, api: FakeBotApi) -> None:
    await client.set_my_description("d" * 512, language_code="ru")
    await client.set_my_short_description("s" * 120)
    with pytest.raises(BadRequest, match=r"(?i)bot_description_invalid"):
        await client.set_my_description("d" * 513)
    with pytest.raises(BadRequest, match=r"(?i)bot_about_invalid"):
        await client.set_my_short_description("s" * 121, language_code="ar")
    assert api.descriptions == {"ru": "d" * 512} and api.short_descriptions == {"": "s" * 120}


async def test_chat_members_are_administrators_only_when_set(client: Bot, api: FakeBotApi) -> None:
    api.set_admins(-100, 7, 8)
    assert (await client.get_chat_member(-100, 7)).status == "creator"
    assert (await client.get_chat_member(-100, 8)).status == "administrator"
    assert (await client.get_chat_member(-100, 9)).status == "member"
    admins = await client.get_chat_administrators(-100)
    assert [member.user.id for member in admins] == [7, 8]
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await client.get_chat_member(-555, 7)


async def test_a_second_get_updates_ends_the_first_with_409(client: Bot, api: FakeBotApi) -> None:
    first = asyncio.create_task(client.get_updates(timeout=30))
    await api.wait_until(lambda: any(m == "getUpdates" for m, _ in api.calls))
    async with Bot(api.token, base_url=f"{api.base_url}/bot") as other:  # a second poller
        second = asyncio.create_task(other.get_updates(timeout=1))
        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await asyncio.wait_for(first, 5)
        assert await second == ()
    assert api.poll_conflicts == 1
