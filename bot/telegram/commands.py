"""The user commands: one short async handler each, plus free-text questions.

Handlers only translate between Telegram and the calendar: lookups come from ``bot.events``,
wording from ``bot.answers`` (through ``answering``/``cards``) and the catalogue (``say``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from html import escape

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.ext import ContextTypes

from bot.answers.render import help_text
from bot.events.lookup import resolve
from bot.events.model import Event
from bot.events.queries import events_between, next_events
from bot.reminders.leads import DEFAULT_LEADS
from bot.telegram.answering import answer_question
from bot.telegram.cards import (
    NO_PREVIEW,
    action_keyboard,
    choice_keyboard,
    event_card,
    event_keyboard,
    list_line,
    page_navigation,
    paginate,
)
from bot.telegram.documents import send_event_ics
from bot.telegram.permissions import admins_only
from bot.telegram.remind import remind_offer
from bot.telegram.services import chat_id_of, reader, services
from bot.text.dates import format_day
from bot.text.messages import Html, say
from bot.zones import zone_choices, zone_from_location

EVENTS_PER_PAGE = 8


async def send_html(
    message: Message, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Reply in HTML, split into several messages when too long; buttons go on the last one."""
    parts = paginate(text)
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        await message.reply_text(
            part,
            parse_mode=ParseMode.HTML,
            reply_markup=markup if last else None,
            link_preview_options=NO_PREVIEW,
        )


async def send_event(update: Update, context: ContextTypes.DEFAULT_TYPE, event: Event) -> None:
    """The card of one event with all its buttons."""
    bot = services(context)
    who = reader(update, context)
    lang, zone = who.lang, who.zone
    text = event_card(event, lang, zone, bot.clock.now())
    assert update.effective_message is not None
    await send_html(update.effective_message, text, event_keyboard(event, lang, details=False))


async def send_lookup(update: Update, context: ContextTypes.DEFAULT_TYPE, query: str) -> None:
    """The event a user names: its card, a "which one?" choice, or "not found"."""
    snapshot = services(context).holder.current
    found = resolve(snapshot.calendar, query, snapshot.knowledge.terms)
    lang = reader(update, context).lang
    assert update.effective_message is not None
    if found.event is not None:
        await send_event(update, context, found.event)
    elif found.candidates:
        await send_html(
            update.effective_message, say("ambiguous", lang), choice_keyboard(found.candidates)
        )
    else:
        await send_html(update.effective_message, say("not_found", lang, query=query[:100]))


def _query(context: ContextTypes.DEFAULT_TYPE) -> str:
    return " ".join(context.args or []).strip()


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bot = services(context)
    if (chat_id := chat_id_of(update)) is not None:
        bot.set_active(chat_id, True)  # /start after a block means "talk to me again"
    payload = _query(context)
    if payload and (event := bot.calendar.get(payload)):
        await send_event(update, context, event)
        return
    assert update.effective_message is not None
    await send_html(
        update.effective_message,
        say("welcome", reader(update, context).lang, calendar=bot.calendar.name),
    )


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The engine's examples of questions, then the commands, then the extensions' sections."""
    lang = reader(update, context).lang
    sections = [help_text(lang), say("help", lang)]
    sections += [section(lang) for section in services(context).help_sections]
    assert update.effective_message is not None
    await send_html(update.effective_message, "\n\n".join(sections))


async def next_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bot = services(context)
    events = next_events(bot.calendar, bot.clock.now(), limit=5)
    await _send_list(
        update, context, say("heading_next", reader(update, context).lang), events, "nothing_next"
    )


async def events_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    text, markup = events_page(update, context, 0)
    assert update.effective_message is not None
    await send_html(update.effective_message, text, markup)


def events_page(
    update: Update, context: ContextTypes.DEFAULT_TYPE, page: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    """One page of all events, with a button per event and previous/next buttons."""
    bot = services(context)
    who = reader(update, context)
    lang, zone = who.lang, who.zone
    events = bot.calendar.events
    pages = max(1, -(-len(events) // EVENTS_PER_PAGE))
    page = min(max(page, 0), pages - 1)
    shown = events[page * EVENTS_PER_PAGE : (page + 1) * EVENTS_PER_PAGE]
    lines = [say("heading_events", lang, page=page + 1, pages=pages)]
    lines += [list_line(event, lang, zone) for event in shown]
    return "\n".join(lines), page_navigation(shown, page, pages, lang)


async def event_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = _query(context)
    if not query:
        assert update.effective_message is not None
        await send_html(
            update.effective_message,
            say("event_usage", reader(update, context).lang, command="event"),
        )
        return
    await send_lookup(update, context, query)


async def today_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bot = services(context)
    who = reader(update, context)
    lang, zone = who.lang, who.zone
    today = bot.clock.now().astimezone(zone).date()
    events = events_between(bot.calendar, today, today, zone)
    await _send_list(update, context, say("heading_today", lang), events, "nothing", "when_today")


async def week_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bot = services(context)
    who = reader(update, context)
    lang, zone = who.lang, who.zone
    today = bot.clock.now().astimezone(zone).date()
    events = events_between(bot.calendar, today, today + timedelta(days=6), zone)
    await _send_list(
        update, context, say("heading_week", lang), events, "nothing", "when_this_week"
    )


async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    lang = reader(update, context).lang
    day = parse_day(_query(context))
    assert update.effective_message is not None
    if day is None:
        await send_html(update.effective_message, say("on_usage", lang))
        return
    bot = services(context)
    zone = reader(update, context).zone
    events = events_between(bot.calendar, day, day, zone)
    heading = f"<b>{escape(format_day(day, lang))}</b>"
    if not events:
        when = say("when_on_day", lang, day=format_day(day, lang))
        await send_html(update.effective_message, say("nothing", lang, when=when))
        return
    await _send_list(update, context, heading, events, "nothing")


async def where_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = _query(context)
    lang = reader(update, context).lang
    assert update.effective_message is not None
    if not query:
        await send_html(update.effective_message, say("event_usage", lang, command="where"))
        return
    event = _resolve(context, query)
    if event is None:
        await send_lookup(update, context, query)
        return
    # The engine words "where" (and what the sources do not say) for commands and questions alike.
    await _answer(update, context, f"where is {event.id}")


async def ics_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bot = services(context)
    query = _query(context)
    assert update.effective_message is not None
    if not query:
        url = f"{bot.settings.public_url}/calendar.ics"
        await send_html(update.effective_message, say("ics", reader(update, context).lang, url=url))
        return
    event = _resolve(context, query)
    if event is None:
        await send_lookup(update, context, query)
        return
    await send_event_ics(
        update.effective_message.chat_id, context, event, reader(update, context).lang
    )


async def timezone_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    lang = reader(update, context).lang
    chat_id = chat_id_of(update)
    name = _query(context)
    assert update.effective_message is not None and chat_id is not None
    if not name:
        zone = reader(update, context).zone
        await send_html(update.effective_message, say("timezone_current", lang, zone=zone.key))
        return
    choices = zone_choices(name)
    if len(choices) > 1:  # "/timezone USA": which of its zones?
        zones = ", ".join(f"<code>{zone}</code>" for zone in choices[:8])
        text = say("timezone_choices", lang, place=name[:64], zones=Html(zones))
        await send_html(update.effective_message, text)
        return
    if not choices:
        await send_html(update.effective_message, say("timezone_invalid", lang, zone=name[:64]))
        return
    await _set_zone(update, context, choices[0])


async def _set_zone(update: Update, context: ContextTypes.DEFAULT_TYPE, zone: str) -> None:
    """Save the chat's zone (from /timezone, free text or a shared location) and say so."""
    bot, chat_id = services(context), chat_id_of(update)
    assert update.effective_message is not None and chat_id is not None
    if await admins_only(update, context):  # in a group, only its administrators
        return
    bot.chats.save_chat(replace(bot.chats.get_chat(chat_id), timezone=zone))
    await send_html(
        update.effective_message, say("timezone_set", reader(update, context).lang, zone=zone)
    )


async def location(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A shared location sets the chat's zone (private chats only)."""
    message = update.effective_message
    if message is None or message.location is None:
        return
    zone = zone_from_location(message.location.latitude, message.location.longitude)
    if zone is None:
        await send_html(message, say("timezone_location_unknown", reader(update, context).lang))
        return
    await _set_zone(update, context, zone.key)


async def about_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    calendar = services(context).calendar
    lang = reader(update, context).lang
    text = say(
        "about",
        lang,
        calendar=calendar.name,
        description=calendar.description,
        updated=format_day(calendar.updated.date(), lang, weekday=False),
        count=len(calendar.events),
    )
    assert update.effective_message is not None
    await send_html(update.effective_message, text)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None and message.text is not None
    command = message.text.split()[0]
    addressee = command.split("@", 1)[1].lower() if "@" in command else None
    if addressee and addressee != (context.bot.username or "").lower():
        return  # a command for another bot in the group
    await send_html(message, say("unknown_command", reader(update, context).lang))


async def question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Free text: every message in private chats; in groups only when addressed to the bot."""
    message = update.effective_message
    if message is None or not message.text:
        return
    text = message.text
    if message.chat.type != ChatType.PRIVATE:
        mention = f"@{context.bot.username}"
        replied = message.reply_to_message
        to_bot = (
            replied is not None
            and replied.from_user is not None
            and (replied.from_user.id == context.bot.id)
        )
        if mention.lower() not in text.lower() and not to_bot:
            return
        text = re.sub(re.escape(mention), " ", text, flags=re.IGNORECASE).strip()
        if not text:
            await send_html(
                message,
                say(
                    "welcome",
                    reader(update, context).lang,
                    calendar=services(context).calendar.name,
                ),
            )
            return
    await _answer(update, context, text)


async def _answer(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
    """Ask the engine and send its pages, with buttons for the event(s) the answer is about."""
    message = update.effective_message
    assert message is not None
    bot, who = services(context), reader(update, context)
    lang = who.lang
    reply = answer_question(
        text,
        now=bot.clock.now(),
        zone=who.zone,
        lang=lang,
        calendar=bot.calendar,
        feed_url=f"{bot.settings.public_url}/calendar.ics",
        knowledge=bot.holder.current.knowledge,
    )
    if reply.kind == "timezone" and len(reply.zones) == 1:
        await _set_zone(update, context, reply.zones[0])  # "change my timezone to New York"
        return
    offer = None
    if reply.kind == "subscribe":
        prefs = bot.chats.get_chat(who.chat_id) if who.chat_id is not None else None
        offer = remind_offer(text, reply.events, lang, prefs.leads if prefs else DEFAULT_LEADS)
    if offer is not None:  # "remind me the day before the MSP": one button books exactly that
        await send_html(message, offer.html, offer.markup)
        return
    if reply.kind in ("unsubscribe", "changes"):
        markup: InlineKeyboardMarkup | None = action_keyboard(reply.kind, lang)
    elif len(reply.events) == 1:
        markup = event_keyboard(reply.events[0], lang)
    else:
        markup = choice_keyboard(reply.candidates or reply.events)
    for page in reply.pages[:-1]:
        await send_html(message, page)
    await send_html(message, reply.pages[-1], markup)


async def _send_list(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    heading: str,
    events: tuple[Event, ...] | list[Event],
    empty_key: str,
    when_key: str | None = None,
) -> None:
    who = reader(update, context)
    lang, zone = who.lang, who.zone
    assert update.effective_message is not None
    if not events:
        text = say(empty_key, lang, when=say(when_key, lang)) if when_key else say(empty_key, lang)
        await send_html(update.effective_message, text)
        return
    lines = [heading] + [list_line(event, lang, zone) for event in events]
    markup = event_keyboard(events[0], lang) if len(events) == 1 else choice_keyboard(events)
    await send_html(update.effective_message, "\n".join(lines), markup)


def _resolve(context: ContextTypes.DEFAULT_TYPE, query: str) -> Event | None:
    snapshot = services(context).holder.current
    calendar = snapshot.calendar
    return calendar.get(query) or resolve(calendar, query, snapshot.knowledge.terms).event


_FRENCH_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip


def parse_day(text: str) -> date | None:
    """``2007-11-05``, ``5 November 2007``, ``November 5, 2007`` or ``5 novembre 2007``."""
    text = " ".join(text.replace(",", " ").split())
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d %B %Y", "%B %d %Y", "%d %b %Y", "%b %d %Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    parts = text.lower().split()
    if len(parts) == 3 and parts[1] in _FRENCH_MONTHS and parts[0].isdigit() and parts[2].isdigit():
        try:
            return date(int(parts[2]), _FRENCH_MONTHS[parts[1]], int(parts[0]))
        except ValueError:
            return None
    return None
