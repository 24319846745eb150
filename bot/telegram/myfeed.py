"""``/myfeed``: the chat's private calendar feed URL, and ``/myfeed reset`` to revoke it.

The URL (``PUBLIC_URL/feeds/<token>.ics``, served by ``bot.feed.personal_http``) holds exactly the
meetings the chat subscribed to, with alarms at its lead times. The reply carries the subscribe
links for each calendar app, what to expect of Google, and a warning when PUBLIC_URL is not public
HTTPS. The token is shown only in this reply, never logged.
"""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CommandHandler, ContextTypes

from bot.feed.personal import personal_feed_url
from bot.feed.subscribe import feed_links, needs_https_warning
from bot.reminders import ReminderServices
from bot.storage.feed_tokens import FeedTokens
from bot.telegram.cards import NO_PREVIEW
from bot.telegram.services import add_help_section, add_menu_command, reader
from bot.text.messages import Html, say

RESET_WORDS = frozenset({"reset", "new", "revoke", "nouveau", "réinitialiser", "reinitialiser"})


def feed_notes(base_url: str, lang: str) -> str:
    """What to know next to subscribe links: Google's slow refresh, and a non-HTTPS warning."""
    notes = [say("google_refresh_note", lang)]
    if needs_https_warning(base_url):
        notes.append(say("https_warning", lang, base=base_url))
    return "\n".join(notes)


def myfeed_reply(
    base_url: str, token: str, calendar_name: str, lang: str, *, new: bool, empty: bool
) -> str:
    url = personal_feed_url(base_url, token)
    links = feed_links(url, f"{calendar_name} (calbot)")
    parts = [
        say("myfeed_new_head" if new else "myfeed_head", lang),
        say(
            "myfeed_links",
            lang,
            url=url,
            webcal=links.webcal,
            google=links.google,
            outlook=links.outlook,
            outlook_work=links.outlook_work,
        ),
        Html(feed_notes(base_url, lang)),
        say("myfeed_private", lang),
    ]
    if empty:
        parts.insert(1, say("myfeed_empty", lang))
    return "\n\n".join(parts)


class _MyFeed:
    def __init__(self, services: ReminderServices) -> None:
        self.services = services
        self.tokens = FeedTokens(services.store.engine, services.clock)

    async def myfeed(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message, chat = update.effective_message, update.effective_chat
        assert message is not None and chat is not None
        lang = reader(update, context).lang
        words = [word.lower() for word in context.args or []]
        if words and words[0] not in RESET_WORDS:
            await message.reply_text(say("myfeed_usage", lang), parse_mode=ParseMode.HTML)
            return
        new = bool(words)
        make = self.tokens.reset if new else self.tokens.token_for
        token = await asyncio.to_thread(make, chat.id)
        subscribed = await asyncio.to_thread(self.services.store.chat_subscriptions, chat.id)
        reply = myfeed_reply(
            self.services.settings.public_url, token, self.services.holder.current.calendar.name,
            lang, new=new, empty=not subscribed,
        )  # fmt: skip
        await message.reply_text(reply, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW)


def register(application: Application, services: ReminderServices) -> None:
    """Add /myfeed (an extension for ``build_application``)."""
    handlers = _MyFeed(services)
    add_menu_command(application, "myfeed")
    base = services.settings.public_url
    add_help_section(
        application, lambda lang: f"{say('myfeed_help', lang)}\n{feed_notes(base, lang)}"
    )
    application.add_handler(CommandHandler("myfeed", handlers.myfeed))
