"""Failures, floods, blocked chats, admins only, and the token never in the logs."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

from bot.answers.knowledge import DEFAULT_KNOWLEDGE_FILE
from bot.chats import ChatPrefs
from bot.logging import setup_logging
from tests.fakes.bot_api import DEFAULT_TOKEN
from tests.telegram.conftest import ADMIN_ID, USER_ID, Bot


async def _boom(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    # A failure whose message carries the token, the way an httpx error would.
    raise RuntimeError(f"upstream refused {context.bot.base_url}/getMe")


@pytest.fixture
def extensions() -> list[Callable[[Application], object]]:
    return [lambda application: application.add_handler(CommandHandler("boom", _boom))]


@pytest.fixture
def log_output() -> Iterator[io.StringIO]:
    """Everything logged at DEBUG once calbot's logging is set up (records redacted at birth)."""
    root = logging.getLogger()
    previous = root.level
    setup_logging("DEBUG", [DEFAULT_TOKEN])
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root.addHandler(handler)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)


async def test_a_failing_handler_apologises(bot: Bot) -> None:
    reply = await bot.ask("/boom")
    assert reply.startswith("Sorry")


async def test_the_token_never_reaches_the_logs(bot: Bot, log_output: io.StringIO) -> None:
    bot.api.push_text(USER_ID, "/boom")
    bot.api.push_text(USER_ID, "/next")
    await bot.api.wait_for_messages(2)
    logged = log_output.getvalue()
    assert "upstream refused" in logged  # the failure is logged...
    assert bot.api.token not in logged  # ...without the secret
    assert bot.api.token.split(":")[1] not in logged


async def test_flooding_gets_one_warning_then_silence(bot: Bot) -> None:
    for number in range(25):
        bot.api.push_text(USER_ID, f"/about {number}")
    await bot.api.wait_for_messages(21)
    # Updates are handled in order: once another user's reply is out, all 25 were looked at.
    bot.api.push_text(99, "/about")
    await bot.api.wait_until(lambda: any(m.chat_id == 99 for m in bot.api.sent))
    mine = [m for m in bot.api.sent if m.chat_id == USER_ID]
    assert len(mine) == 21
    assert sum("very fast" in m.plain for m in mine) == 1


async def test_flood_limit_lifts_after_a_minute(bot: Bot) -> None:
    for _ in range(21):
        bot.api.push_text(USER_ID, "/about")
    await bot.api.wait_for_messages(21)
    bot.clock.advance(timedelta(minutes=1))
    reply = await bot.ask("/help")
    assert "/next" in reply


async def test_admin_commands_are_unknown_to_others(bot: Bot) -> None:
    reply = await bot.ask("/reload")
    assert "don't know that command" in reply


async def test_admin_reload_reports_the_calendar(bot: Bot) -> None:
    reply = await bot.ask("/reload", chat_id=ADMIN_ID)
    assert "version 1, 7 events (no change)" in reply


async def test_admin_reload_of_a_broken_file_keeps_serving(bot: Bot) -> None:
    bot.holder.path.write_text("events: [oops", encoding="utf-8")
    reply = await bot.ask("/reload", chat_id=ADMIN_ID)
    assert "refused" in reply and "version 1" in reply
    assert "CCW Meeting of the States Parties" in await bot.ask("/event MSP")


async def test_admin_stats(bot: Bot) -> None:
    reply = await bot.ask("/stats", chat_id=ADMIN_ID)
    assert "version 1" in reply and "7 events" in reply


async def test_broadcast_asks_first_then_sends_to_known_chats(bot: Bot) -> None:
    await bot.ask("/start")  # a user the bot knows
    confirmation = await bot.ask("/broadcast Room change: <b>Hall XX</b>", chat_id=ADMIN_ID)
    assert "Hall XX" in confirmation and "bc:yes" in bot.api.sent[-1].callback_data
    bot.api.push_callback(ADMIN_ID, "bc:yes")
    await bot.api.wait_until(lambda: any("Sent to" in (e.plain or "") for e in bot.api.edits))
    delivered = [m for m in bot.api.sent if m.chat_id == USER_ID and "Hall XX" in m.plain]
    assert delivered and delivered[0].text == "Room change: <b>Hall XX</b>"  # sent as plain text


async def test_blocking_the_bot_marks_the_chat_inactive(bot: Bot) -> None:
    bot.api.push_my_chat_member(USER_ID, "kicked")
    await bot.chats.wait_until(lambda: not bot.chats.get_chat(USER_ID).active)


async def test_a_send_refused_as_blocked_marks_the_chat_inactive(bot: Bot) -> None:
    bot.api.block(USER_ID)
    bot.api.push_text(USER_ID, "/next")
    await bot.chats.wait_until(lambda: not bot.chats.get_chat(USER_ID).active)
    assert bot.api.errors[-1][1] == 403


async def test_start_again_reactivates_the_chat(bot: Bot) -> None:
    bot.chats.save_chat(ChatPrefs(USER_ID, active=False))
    await bot.ask("/start")
    assert bot.chats.get_chat(USER_ID).active


RESOLUTION = """62/57. Convention on Certain Conventional Weapons
The General Assembly,
11. Requests the Secretary-General to convene the Meeting of the States Parties to the
Convention in Geneva from 7 to 13 November 2007;
"""


async def test_an_admin_sends_a_resolution_and_gets_yaml_back(bot: Bot) -> None:
    bot.api.push_document(ADMIN_ID, "62-57.txt", RESOLUTION.encode())
    summary, document = await bot.api.wait_for_messages(2)
    assert "event" in summary.plain
    assert document.document is not None and document.document.filename == "62-57-events.yaml"
    assert b"2007-11-07" in document.document.content


async def test_documents_from_others_are_not_extracted(bot: Bot) -> None:
    bot.api.push_document(USER_ID, "62-57.txt", RESOLUTION.encode())
    reply = await bot.ask("/about")  # handled after the document: nothing came before it
    assert "62/57" in reply and len(bot.api.sent) == 1


async def test_a_group_upgraded_to_a_supergroup_keeps_its_time_zone(bot: Bot) -> None:
    group, supergroup = -555, -100555
    bot.api.set_admins(group, 5)  # in a group only administrators change settings
    await bot.ask("/timezone Asia/Tokyo", chat_id=group, user_id=5)
    bot.api.fail_next(
        "sendMessage", 400, "Bad Request: group chat was upgraded to a supergroup chat",
        migrate_to_chat_id=supergroup,
    )  # fmt: skip
    bot.api.push_text(group, "/next", user_id=5)
    await bot.chats.wait_until(lambda: bot.chats.get_chat(supergroup).timezone == "Asia/Tokyo")


async def test_admin_reload_reads_the_knowledge_and_keeps_the_last_good_one(bot: Bot) -> None:
    beside = bot.holder.path.parent / "knowledge.yaml"
    shipped = DEFAULT_KNOWLEDGE_FILE.read_text(encoding="utf-8")
    old = "Explosive Remnants of War, the subject of Protocol V"
    beside.write_text(shipped.replace(old, "Explosive Remnants of War (edited)"), "utf-8")
    assert "version 2" in await bot.ask("/reload", chat_id=ADMIN_ID)
    assert "(edited)" in await bot.ask("what does ERW mean?")
    beside.write_text("glossary: [oops", encoding="utf-8")
    reply = await bot.ask("/reload", chat_id=ADMIN_ID)
    assert "refused" in reply and "knowledge.yaml" in reply and "version 2" in reply
    assert "(edited)" in await bot.ask("what does ERW mean?")  # the last good knowledge answers
