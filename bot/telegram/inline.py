"""Inline mode: ``@bot msp`` in any chat offers matching events to share.

Messages sent through inline mode do not belong to a chat the bot is in, so their buttons are
links only (calendar links and a deep link that opens the event in the bot).
"""

from __future__ import annotations

import hashlib

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.events.lookup import find_events
from bot.events.model import Event
from bot.events.queries import next_events
from bot.telegram.cards import event_card
from bot.telegram.links import google_calendar_url, outlook_url
from bot.telegram.services import reader, services
from bot.text.dates import format_span
from bot.text.messages import say

MAX_RESULTS = 10


def _keyboard(event: Event, lang: str, bot_username: str) -> InlineKeyboardMarkup:
    row = [
        InlineKeyboardButton(say(key, lang), url=url)
        for key, url in (
            ("btn_google", google_calendar_url(event)),
            ("btn_outlook", outlook_url(event)),
        )
        if url
    ]
    rows = [row] if row else []
    if len(f"?start={event.id}") <= 70:  # deep-link payloads are limited to 64 characters
        rows.append(
            [
                InlineKeyboardButton(
                    say("btn_details", lang), url=f"https://t.me/{bot_username}?start={event.id}"
                )
            ]
        )
    return InlineKeyboardMarkup(rows)


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.inline_query
    assert query is not None
    bot = services(context)
    lang = reader(update, context).lang
    now = bot.clock.now()
    zone = bot.calendar.zone
    text = query.query.strip()
    snapshot = bot.holder.current
    found = find_events(snapshot.calendar, text, snapshot.knowledge.terms) if text else None
    events = found.matches if found else next_events(snapshot.calendar, now, 5)
    results = [
        InlineQueryResultArticle(
            id=hashlib.sha1(event.id.encode()).hexdigest()[:32],
            title=event.name,
            description=format_span(event, lang, zone),
            input_message_content=InputTextMessageContent(
                event_card(event, lang, zone, now), parse_mode=ParseMode.HTML
            ),
            reply_markup=_keyboard(event, lang, context.bot.username),
        )
        for event in list(events)[:MAX_RESULTS]
    ]
    # Personal and short-lived: the answer depends on the clock and the calendar version.
    await query.answer(results, cache_time=30, is_personal=True)
