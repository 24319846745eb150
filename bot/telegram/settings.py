"""/settings: one screen of buttons for a chat's language, time zone, daily digest and lead times.

The screen is one message, edited in place as the user moves through it (callback data ``set:``):
``set:home``; ``set:lang`` then ``set:lang:<code>``; ``set:tz`` then a city, a zone name or a
shared location; ``set:dg`` then ``set:dg:HHMM`` / ``set:dg:off`` or a typed time; ``set:ld`` then
``set:ld:<leads>`` or typed lead times ("2d 3h"). Typed answers are read from the user who pressed
the button, in that chat, until they answer or go back. Digest and lead times are read by the
subscription commands' own replies (``digest_reply``, ``leads_reply``): one syntax for both. The
lead times chosen here are the chat's default ones, for /subscribe and every other way of
subscribing that states none, and they replace those of the chat's current subscriptions.
Changes in a group need an administrator (``bot.telegram.permissions``).
"""

from __future__ import annotations

from dataclasses import replace
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.reader import Reader
from bot.reminders import ReminderServices
from bot.reminders.leads import DEFAULT_LEADS, Lead, parse_leads
from bot.reminders.texts import describe_leads
from bot.telegram.language import language_keyboard, language_name, store_language
from bot.telegram.permissions import admins_only
from bot.telegram.services import add_menu_command, chat_id_of, reader, services
from bot.telegram.subscriptions import digest_reply, leads_reply, toast_text
from bot.text.dates import SUPPORTED_LANGUAGES
from bot.text.messages import say
from bot.zones import zone_from_location, zone_from_text

DIGEST_TIMES = ("0700", "0800", "0900")
LEAD_CHOICES = ("1d,0d", "1d", "0d", "2d,1d", "3h")


class Awaiting(filters.MessageFilter):
    """Text from a user the settings screen asked to type something, in that chat."""

    def __init__(self) -> None:
        super().__init__(name="settings.Awaiting")
        self.asked: dict[tuple[int, int], str] = {}  # (chat id, user id) -> zone | digest | leads

    def ask(self, chat_id: int, user_id: int, what: str) -> None:
        self.asked[(chat_id, user_id)] = what

    def answered(self, chat_id: int, user_id: int) -> str | None:
        return self.asked.pop((chat_id, user_id), None)

    def filter(self, message: Message) -> bool:
        user = message.from_user
        return user is not None and (message.chat.id, user.id) in self.asked


class Settings:
    """The handlers, sharing the reminder services and what each chat was asked to type."""

    def __init__(self, reminders: ReminderServices) -> None:
        self.reminders = reminders
        self.awaiting = Awaiting()

    # What the screen shows --------------------------------------------------------------------

    def home(self, who: Reader) -> str:
        store, chat_id, lang = self.reminders.store, who.chat_id, who.lang
        assert chat_id is not None
        digest = store.digest_time(chat_id)
        return say(
            "settings",
            lang,
            language=language_name(lang),
            zone=who.zone.key,
            digest=f"{digest:%H:%M}" if digest else say("settings_off", lang),
            defaults=describe_leads(store.get_chat(chat_id).leads, lang),
            leads=self._leads_text(chat_id, lang),
        )

    def _leads_text(self, chat_id: int, lang: str) -> str:
        seen: list[tuple[Lead, ...]] = []
        for subscription in self.reminders.store.chat_subscriptions(chat_id):
            if subscription.leads not in seen:
                seen.append(subscription.leads)
        if not seen:
            return say("settings_no_reminders", lang)
        return "; ".join(describe_leads(leads, lang) for leads in seen)

    @staticmethod
    def home_keyboard(lang: str) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup(
            [
                [
                    _button(lang, "btn_language", "set:lang"),
                    _button(lang, "btn_timezone", "set:tz"),
                ],
                [_button(lang, "btn_digest", "set:dg"), _button(lang, "btn_leads", "set:ld")],
            ]
        )

    # Handlers ---------------------------------------------------------------------------------

    async def command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message, who = update.effective_message, reader(update, context)
        assert message is not None and who.chat_id is not None
        await message.reply_text(
            self.home(who), parse_mode=ParseMode.HTML, reply_markup=self.home_keyboard(who.lang)
        )

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query, chat_id = update.callback_query, chat_id_of(update)
        assert query is not None and query.data is not None
        if chat_id is None or update.effective_user is None:
            await query.answer()
            return
        parts = query.data.split(":")
        screen, choice = parts[1], ":".join(parts[2:])
        if choice and await admins_only(update, context):  # looking is free, changing is not
            return
        self.awaiting.answered(chat_id, update.effective_user.id)
        if choice:
            await self._choose(update, context, chat_id, screen, choice)
        else:
            await self._open(update, context, chat_id, screen)

    async def _open(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE, chat_id: int, screen: str
    ) -> None:
        query, who = update.callback_query, reader(update, context)
        assert query is not None and update.effective_user is not None
        lang = who.lang
        back = [_button(lang, "btn_back", "set:home")]
        if screen == "lang":
            rows = [*language_keyboard("set:lang").inline_keyboard, back]
            text = say("language_choose", lang, language=language_name(lang))
        elif screen == "tz":
            self.awaiting.ask(chat_id, update.effective_user.id, "zone")
            rows, text = [back], say("settings_ask_zone", lang)
        elif screen == "dg":
            self.awaiting.ask(chat_id, update.effective_user.id, "digest")
            times = [_plain(f"{at[:2]}:{at[2:]}", f"set:dg:{at}") for at in DIGEST_TIMES]
            rows = [times, [_button(lang, "btn_off", "set:dg:off")], back]
            text = say("settings_ask_digest", lang)
        elif screen == "ld":
            self.awaiting.ask(chat_id, update.effective_user.id, "leads")
            rows = [
                [_plain(_leads_label(leads, lang), f"set:ld:{leads}")] for leads in LEAD_CHOICES
            ]
            rows, text = [*rows, back], say("settings_ask_leads", lang)
        else:
            rows = list(self.home_keyboard(lang).inline_keyboard)
            text = self.home(who)
        await query.answer()
        await query.edit_message_text(
            text, parse_mode=ParseMode.HTML, reply_markup=InlineKeyboardMarkup(rows)
        )

    async def _choose(
        self,
        update: Update,
        context: ContextTypes.DEFAULT_TYPE,
        chat_id: int,
        screen: str,
        choice: str,
    ) -> None:
        query, lang = update.callback_query, reader(update, context).lang
        assert query is not None
        if screen == "lang" and choice in SUPPORTED_LANGUAGES:
            store_language(context, chat_id, choice)
            toast = say("language_set", choice)
        elif screen == "dg":
            toast = digest_reply(self.reminders, chat_id, [_clock(choice)], lang)
        elif screen == "ld":
            toast = leads_reply(self.reminders, chat_id, choice.split(","), lang)
        else:
            await query.answer()
            return
        await query.answer(toast_text(toast))
        who = reader(update, context)  # read again: the language may have changed
        await query.edit_message_text(
            self.home(who), parse_mode=ParseMode.HTML, reply_markup=self.home_keyboard(who.lang)
        )

    async def typed(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The answer to "type a city / a time / lead times"."""
        message, chat_id, user = update.effective_message, chat_id_of(update), update.effective_user
        assert message is not None and chat_id is not None and user is not None
        if await admins_only(update, context):
            return
        what, text, lang = (
            self.awaiting.answered(chat_id, user.id),
            message.text or "",
            reader(update, context).lang,
        )
        if what == "zone":
            reply = self._set_zone(context, chat_id, zone_from_text(text), text, lang)
        elif what == "digest":
            reply = digest_reply(self.reminders, chat_id, text.split(), lang)
        else:
            reply = leads_reply(self.reminders, chat_id, [text], lang)
        await message.reply_text(reply, parse_mode=ParseMode.HTML)

    async def location(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A shared location sets the time zone (in a group, only when the screen asked for it)."""
        message, chat_id, user = update.effective_message, chat_id_of(update), update.effective_user
        assert message is not None and message.location is not None and chat_id is not None
        asked = user is not None and self.awaiting.filter(message)
        if message.chat.type != "private" and not asked:
            return
        if await admins_only(update, context):
            return
        if user is not None:
            self.awaiting.answered(chat_id, user.id)
        point = message.location
        zone = zone_from_location(point.latitude, point.longitude)
        text = f"{point.latitude:.2f}, {point.longitude:.2f}"
        reply = self._set_zone(context, chat_id, zone, text, reader(update, context).lang)
        await message.reply_text(reply, parse_mode=ParseMode.HTML)

    def _set_zone(
        self,
        context: ContextTypes.DEFAULT_TYPE,
        chat_id: int,
        zone: ZoneInfo | None,
        text: str,
        lang: str,
    ) -> str:
        if zone is None:
            return say("zone_not_found", lang, text=text[:64])
        chats = services(context).chats
        chats.save_chat(replace(chats.get_chat(chat_id), timezone=zone.key))
        self.reminders.changed()
        return say("timezone_set", lang, zone=zone.key)


def _button(lang: str, key: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(say(key, lang), callback_data=data)


def _plain(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=data)


def _leads_label(leads: str, lang: str) -> str:
    parsed = parse_leads(leads.replace(",", " "))
    return say("btn_defaults", lang) if parsed == DEFAULT_LEADS else describe_leads(parsed, lang)


def _clock(choice: str) -> str:
    return choice if choice == "off" else f"{choice[:2]}:{choice[2:]}"


def register(application: Application, reminders: ReminderServices) -> None:
    """Add /settings, its buttons, and the readers of typed answers and shared locations."""
    screen = Settings(reminders)
    add_menu_command(application, "settings")
    application.add_handler(CommandHandler("settings", screen.command))
    application.add_handler(
        CallbackQueryHandler(screen.button, pattern=r"^set:(home|lang|tz|dg|ld)(:[\w,]+)?$")
    )
    application.add_handler(MessageHandler(filters.LOCATION, screen.location))
    # A typed answer must reach the screen before the free-text question handler, which is in the
    # same group (0) and registered earlier: put it first in that group.
    answers = MessageHandler(filters.TEXT & ~filters.COMMAND & screen.awaiting, screen.typed)
    application.add_handler(answers)
    group = application.handlers[0]
    group.insert(0, group.pop())
