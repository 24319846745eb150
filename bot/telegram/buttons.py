"""Inline button presses: event details, the .ics file, sources, and /events pages.

Callback data (≤ 64 bytes, see ``links``): ``ev:<id>`` details, ``ics:<id>`` file, ``src:<id>``
sources, ``pg:<n>`` a page of /events. ``rem:``, ``snz:``, ``uns:`` belong to the reminders module.
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.events.model import Event
from bot.telegram.cards import NO_PREVIEW, event_card, event_keyboard, sources_text
from bot.telegram.commands import events_page
from bot.telegram.documents import send_event_ics
from bot.telegram.links import resolve_ref
from bot.telegram.services import reader, services
from bot.text.messages import say


async def _pressed_event(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Event | None:
    """The event a button names, with the press acknowledged; None (and an alert) if it is gone."""
    query = update.callback_query
    assert query is not None and query.data is not None
    event = resolve_ref(services(context).calendar, query.data.split(":", 1)[1])
    if event is None:  # removed from the calendar since the button was sent
        lang = reader(update, context).lang
        await query.answer(say("not_found", lang, query="?"), show_alert=True)
    else:
        await query.answer()
    return event


async def details_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    event = await _pressed_event(update, context)
    if event is None:
        return
    who = reader(update, context)
    text = event_card(event, who.lang, who.zone, services(context).clock.now())
    await context.bot.send_message(
        query.message.chat.id,
        text,
        parse_mode=ParseMode.HTML,
        reply_markup=event_keyboard(event, who.lang, details=False),
        link_preview_options=NO_PREVIEW,
    )


async def ics_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    event = await _pressed_event(update, context)
    if event is None:
        return
    await send_event_ics(query.message.chat.id, context, event, reader(update, context).lang)


async def source_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    event = await _pressed_event(update, context)
    if event is None:
        return
    await context.bot.send_message(
        query.message.chat.id,
        sources_text(event, reader(update, context).lang),
        parse_mode=ParseMode.HTML,
        link_preview_options=NO_PREVIEW,
    )


async def page_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    text, markup = events_page(update, context, int(query.data.split(":", 1)[1]))
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
    except BadRequest as error:
        # A double tap asks for the page already shown; Telegram refuses the no-op edit.
        if "not modified" not in str(error):
            raise


async def unknown_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A button whose feature is not running (or an old keyboard): stop the client's spinner."""
    assert update.callback_query is not None
    await update.callback_query.answer()
