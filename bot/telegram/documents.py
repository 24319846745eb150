"""Sending an event's ``.ics`` file as a Telegram document.

The bytes come from the feed renderer, so the file matches what ``/events/{id}.ics`` serves.
"""

from __future__ import annotations

from telegram import InputFile
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.events.model import Event
from bot.telegram.services import services
from bot.text.messages import say


async def send_event_ics(
    chat_id: int, context: ContextTypes.DEFAULT_TYPE, event: Event, lang: str
) -> None:
    from bot.feed.render import render_event_ics

    bot = services(context)
    content = render_event_ics(bot.holder.current, event.id, bot.settings.public_url)
    await context.bot.send_document(
        chat_id,
        InputFile(content, filename=f"{event.id}.ics"),
        caption=say("ics_caption", lang, name=event.name),
        parse_mode=ParseMode.HTML,
    )
