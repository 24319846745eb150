"""Admin commands (only for ``ADMIN_IDS``): /reload, /stats, /broadcast with a confirmation.

Others never see these: the handlers are filtered by user id, so for them the command falls
through to the ordinary "unknown command" reply. A broadcast goes through the outbound lane at the
lowest priority (``Priority.BROADCAST``): paced inside Telegram's limits, after people waiting for a
reply and after due reminders.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.constants import ParseMode
from telegram.error import Forbidden, TelegramError
from telegram.ext import Application, ContextTypes

from bot.extract import extract_from_text, summary, to_events_yaml
from bot.outbound import Priority
from bot.telegram.commands import send_html
from bot.telegram.services import reader, services
from bot.text.dates import format_datetime_short
from bot.text.messages import say

log = logging.getLogger(__name__)
BROADCAST_WORKERS = 8  # sends waiting in the lane at once: enough to fill its share of 30/s
STATS_KEY = "calbot.stats"
SEEN_KEY = "calbot.seen_chats"


def add_stats_line(application: Application, provider: Callable[[str], str]) -> None:
    """Let another module (reminders) add an HTML line to /stats; ``provider(lang)`` writes it."""
    application.bot_data.setdefault(STATS_KEY, []).append(provider)


async def reload_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bot = services(context)
    lang = reader(update, context).lang
    result = bot.holder.reload()
    snapshot = result.snapshot
    if result.ok:
        changed = "" if result.changed else say("reload_unchanged", lang)
        count = len(snapshot.calendar.events)
        text = say("reload_ok", lang, version=snapshot.version, count=count, changed=changed)
    else:
        text = say("reload_failed", lang, version=snapshot.version, errors=str(result.error)[:3000])
    assert update.effective_message is not None
    await send_html(update.effective_message, text)


async def stats_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bot = services(context)
    lang = reader(update, context).lang
    zone = bot.calendar.zone
    snapshot = bot.holder.current
    last = bot.holder.last_reload_utc
    text = say(
        "calendar_stats",
        lang,
        version=snapshot.version,
        count=len(snapshot.calendar.events),
        loaded=format_datetime_short(snapshot.loaded_at_utc, zone, lang),
        reload=format_datetime_short(last, zone, lang) if last else "–",
    )
    lines = [text] + [provider(lang) for provider in context.bot_data.get(STATS_KEY, [])]
    assert update.effective_message is not None
    await send_html(update.effective_message, "\n".join(lines))


async def broadcast_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    lang = reader(update, context).lang
    message = update.effective_message
    assert message is not None and message.text is not None
    parts = message.text.split(maxsplit=1)
    if len(parts) < 2:
        await send_html(message, say("broadcast_usage", lang))
        return
    assert context.user_data is not None
    context.user_data["broadcast"] = parts[1]
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(say("btn_send", lang), callback_data="bc:yes"),
                InlineKeyboardButton(say("btn_cancel", lang), callback_data="bc:no"),
            ]
        ]
    )
    await send_html(message, say("broadcast_confirm", lang, text=parts[1]), markup)


async def broadcast_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and context.user_data is not None
    await query.answer()
    lang = reader(update, context).lang
    text = context.user_data.pop("broadcast", None)
    if query.data != "bc:yes" or text is None:
        await query.edit_message_text(say("broadcast_cancelled", lang), parse_mode=ParseMode.HTML)
        return
    sent, failed = await _broadcast(context, text)
    done = say("broadcast_done", lang, sent=sent, failed=failed)
    await query.edit_message_text(done, parse_mode=ParseMode.HTML)


async def _broadcast(context: ContextTypes.DEFAULT_TYPE, text: str) -> tuple[int, int]:
    """Send ``text`` (plain: the admin's own words) to every active chat; (sent, failed)."""
    targets = iter(broadcast_targets(context))
    counts = [0, 0]

    async def worker() -> None:
        for chat_id in targets:  # a shared iterator: each chat goes to one worker
            try:
                await context.bot.send_message(
                    chat_id, text, rate_limit_args=int(Priority.BROADCAST)
                )
                counts[0] += 1
            except Forbidden:
                services(context).set_active(chat_id, False)
                counts[1] += 1
            except TelegramError as error:
                log.warning("broadcast to %s failed: %s", chat_id, error)
                counts[1] += 1

    await asyncio.gather(*(worker() for _ in range(BROADCAST_WORKERS)))
    return counts[0], counts[1]


MAX_RESOLUTION_BYTES = 2 << 20  # a resolution is tens of kilobytes; refuse anything absurd


async def extract_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin sends a resolution as a text file: reply with proposed events.yaml entries."""
    message = update.effective_message
    assert message is not None and message.document is not None
    lang = reader(update, context).lang
    if (message.document.file_size or 0) > MAX_RESOLUTION_BYTES:
        await send_html(message, say("extract_too_large", lang))
        return
    file = await message.document.get_file()
    content = await file.download_as_bytearray()
    text = bytes(content).decode("utf-8", errors="replace")
    result = extract_from_text(text)
    await send_html(message, f"<pre>{escape(summary(result))}</pre>")
    name = (message.document.file_name or "resolution").rsplit(".", 1)[0]
    await message.reply_document(
        InputFile(to_events_yaml(result).encode("utf-8"), filename=f"{name}-events.yaml"),
        caption=say("extract_done", lang),
        parse_mode=ParseMode.HTML,
    )


def broadcast_targets(context: ContextTypes.DEFAULT_TYPE) -> list[int]:
    """Active chats: from the store when it can list them, else the chats seen since start."""
    store = services(context).chats
    listing = getattr(store, "chats", None)
    if callable(listing):
        return sorted(chat_id for chat_id, prefs in listing().items() if prefs.active)
    seen = context.bot_data.get(SEEN_KEY, set())
    return sorted(chat_id for chat_id in seen if store.get_chat(chat_id).active)
