"""Event messages for Telegram: the card, short list lines, and the buttons that go with them.

The wording of answers belongs to ``bot.answers.render``; this module adds what only Telegram has
(list lines for menus, buttons). Every piece of event text is HTML-escaped; messages longer than
Telegram's 4096 characters are split by ``paginate``.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions

from bot.answers.render import event_card_html
from bot.events.model import Event
from bot.telegram.links import event_ref, google_calendar_url, outlook_url
from bot.text.dates import format_span
from bot.text.messages import say

MAX_MESSAGE = 4096
# Source links would otherwise unfold into large previews under every answer.
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def event_card(event: Event, lang: str, zone: tzinfo, now: datetime) -> str:
    """The full description of one event, as Telegram HTML."""
    return event_card_html(event, lang, zone, now)


def list_line(event: Event, lang: str, zone: tzinfo) -> str:
    """One event in a list: name and dates."""
    return f"• <b>{escape(event.name)}</b> – {escape(format_span(event, lang, zone))}"


def sources_text(event: Event, lang: str) -> str:
    """The source paragraphs of an event, with quotes."""
    lines = [say("card_sources", lang, name=event.name)]
    if not event.sources:
        lines.append(say("card_no_sources", lang))
    for source in event.sources:
        where = escape(source.document)
        if source.paragraph:
            where += f", {escape(source.paragraph)}"
        if source.url:
            where = f'<a href="{escape(source.url, quote=True)}">{where}</a>'
        lines.append(f"• {where}")
        if source.quote:
            lines.append(f"  <i>“{escape(source.quote)}”</i>")
    return "\n".join(lines)


def event_keyboard(event: Event, lang: str, *, details: bool = True) -> InlineKeyboardMarkup:
    """Buttons under an event: details, .ics, calendar links, source, remind me."""
    first = [InlineKeyboardButton(say("btn_ics", lang), callback_data=event_ref(event.id, "ics"))]
    if details:
        first.insert(
            0,
            InlineKeyboardButton(say("btn_details", lang), callback_data=event_ref(event.id, "ev")),
        )
    rows = [first]
    links = [
        InlineKeyboardButton(say(key, lang), url=url)
        for key, url in (
            ("btn_google", google_calendar_url(event)),
            ("btn_outlook", outlook_url(event)),
            ("btn_outlook_work", outlook_url(event, work=True)),
        )
        if url
    ]
    if links:
        rows.append(links)
    rows.append(
        [
            InlineKeyboardButton(say("btn_source", lang), callback_data=event_ref(event.id, "src")),
            InlineKeyboardButton(say("btn_remind", lang), callback_data=event_ref(event.id, "rem")),
        ]
    )
    return InlineKeyboardMarkup(rows)


def choice_keyboard(events: list[Event] | tuple[Event, ...]) -> InlineKeyboardMarkup | None:
    """One button per event, opening its card (for lists and "which one?" questions)."""
    if not events:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(e.name[:60], callback_data=event_ref(e.id, "ev"))]
            for e in events[:10]
        ]
    )


def page_navigation(
    shown: tuple[Event, ...] | list[Event], page: int, pages: int, lang: str
) -> InlineKeyboardMarkup:
    rows = [[InlineKeyboardButton(e.name[:60], callback_data=event_ref(e.id, "ev"))] for e in shown]
    navigation = []
    if page > 0:
        navigation.append(
            InlineKeyboardButton(say("btn_previous", lang), callback_data=f"pg:{page - 1}")
        )
    if page < pages - 1:
        navigation.append(
            InlineKeyboardButton(say("btn_next", lang), callback_data=f"pg:{page + 1}")
        )
    if navigation:
        rows.append(navigation)
    return InlineKeyboardMarkup(rows)


def paginate(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split at line breaks into messages Telegram accepts; a tag never straddles two parts
    because every line built here opens and closes its own tags."""
    if len(text.encode("utf-16-le")) // 2 <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate.encode("utf-16-le")) // 2 > limit and current:
            parts.append(current)
            candidate = line
        current = candidate[:limit]
    if current:
        parts.append(current)
    return parts


def action_keyboard(kind: str, lang: str) -> InlineKeyboardMarkup:
    """One button doing what a free-text request asked, once pressed: stop all reminders
    ("stop sending me reminders": nothing stops before the press) or subscribe to all meetings
    ("notify me if a meeting is moved")."""
    if kind == "unsubscribe":
        button = InlineKeyboardButton(say("btn_stop_all", lang), callback_data="uns:*")
    else:
        button = InlineKeyboardButton(say("btn_subscribe_all", lang), callback_data="rem:*")
    return InlineKeyboardMarkup([[button]])
