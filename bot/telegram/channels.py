"""Channels: reminders, change notices and the digest posted in a Telegram channel.

A channel administrator adds the bot to the channel as an administrator allowed to post; Telegram
tells the bot (``my_chat_member``) and the channel is recorded (``bot.storage.channels``). The
administrator then manages the channel's subscription from a private chat with the bot::

    /channel                                   the channels you administer, and how to use this
    /channel @name subscribe [meeting] [leads] as /subscribe, for the channel
    /channel @name unsubscribe [meeting]       as /unsubscribe
    /channel @name digest 08:00|off            as /digest
    /channel @name leads [lead times]          the channel's default lead times, as /settings
    /channel @name [reminders]                 what the channel will get

Every change asks Telegram (getChatMember) whether the sender administers the channel now, so a
demoted administrator loses control at once and nobody else ever has it. The subscription is an
ordinary one on the channel's chat id, so the reminder service sends to it like to any chat.

Channel posts are never answered (no question, no command): a channel has no person to answer,
and everything the bot posted would reach every subscriber. Buttons under the bot's posts in a
channel cannot act for the channel either: their presses open the private chat instead.
"""

from __future__ import annotations

import asyncio
import logging
from html import escape

from telegram import ChatMember, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, Forbidden
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    TypeHandler,
)

from bot.reminders import ReminderServices
from bot.storage.channels import Channel, ChannelStore
from bot.telegram.links import resolve_ref
from bot.telegram.services import add_help_section, add_menu_command, reader
from bot.telegram.subscriptions import (
    digest_reply,
    leads_reply,
    reminders_reply,
    subscribe_reply,
    unsubscribe_reply,
)
from bot.text.messages import Html, say

log = logging.getLogger(__name__)

# Before the gate (-1) and every handler (0): PTB runs one handler per group.
GUARD_GROUP = -3
MEMBERSHIP_GROUP = 1  # beside the gate's own my_chat_member handler (group 0)
MANAGERS = (ChatMember.OWNER, ChatMember.ADMINISTRATOR)
OPEN_PREFIXES = frozenset({"ev", "ics", "src"})  # buttons that show an event: open it privately
ACTIONS = {
    "subscribe": subscribe_reply,
    "unsubscribe": unsubscribe_reply,
    "digest": digest_reply,
    "leads": leads_reply,
}


def may_manage(member: ChatMember) -> bool:
    """The channel's creator, or an administrator allowed to post (what the bot will post)."""
    if member.status == ChatMember.OWNER:
        return True
    return member.status == ChatMember.ADMINISTRATOR and bool(
        getattr(member, "can_post_messages", False)
    )


class _Channels:
    def __init__(self, services: ReminderServices) -> None:
        self.services = services
        self.channels = ChannelStore(services.store.engine, services.clock)

    async def guard(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stop channel posts, and button presses under channel posts, before any handler."""
        if update.channel_post is not None or update.edited_channel_post is not None:
            raise ApplicationHandlerStop
        query = update.callback_query
        message = query.message if query is not None else None
        if query is None or message is None or message.chat.type != ChatType.CHANNEL:
            return
        prefix, _, rest = (query.data or "").partition(":")
        event = resolve_ref(self.services.holder.current.calendar, rest.split(":")[0])
        username = context.bot.username
        if prefix in OPEN_PREFIXES and event is not None and username:
            await query.answer(url=f"https://t.me/{username}?start={event.id}")
        else:
            text = say("channel_button_admin", reader(update, context).lang)
            await query.answer(text, show_alert=True)
        raise ApplicationHandlerStop

    async def membership(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        change = update.my_chat_member
        if change is None or change.chat.type != ChatType.CHANNEL:
            return
        member = change.new_chat_member
        channel = Channel(
            change.chat.id,
            change.chat.title,
            change.chat.username,
            member.status,
            member.status == ChatMember.ADMINISTRATOR
            and bool(getattr(member, "can_post_messages", False)),
            change.from_user.id if change.from_user else None,
        )
        await asyncio.to_thread(self.channels.save, channel)
        self.services.changed()

    async def channel(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message, chat, user = update.effective_message, update.effective_chat, update.effective_user
        assert message is not None and chat is not None
        lang = reader(update, context).lang
        if chat.type != ChatType.PRIVATE or user is None:
            await self._reply(update, say("channel_private_only", lang))
            return
        args = list(context.args or [])
        if not args:
            await self._reply(update, await self._list(context, user.id, lang))
            return
        await self._reply(update, await self._manage(context, user.id, args, lang))

    async def _manage(
        self, context: ContextTypes.DEFAULT_TYPE, user_id: int, args: list[str], lang: str
    ) -> str:
        name, action, rest = args[0], (args[1].lower() if len(args) > 1 else "reminders"), args[2:]
        channel = await asyncio.to_thread(self.channels.find, name)
        if channel is None or channel.bot_status in (ChatMember.LEFT, ChatMember.BANNED):
            return say("channel_unknown", lang, name=name[:64])
        if not await self._manages(context, channel.id, user_id):
            return say("channel_not_admin", lang, name=channel.name)
        if not channel.can_post:
            return say("channel_cannot_post", lang, name=channel.name)
        if action == "reminders":
            reply = reminders_reply(self.services, channel.id, lang)
        elif action in ACTIONS:
            reply = ACTIONS[action](self.services, channel.id, rest, lang)
        else:
            return say("channel_bad_action", lang, name=channel.name)
        return say("channel_done", lang, name=channel.name, reply=Html(reply))

    async def _manages(
        self, context: ContextTypes.DEFAULT_TYPE, channel_id: int, user_id: int
    ) -> bool:
        try:
            member = await context.bot.get_chat_member(channel_id, user_id)
        except (BadRequest, Forbidden) as error:
            # The bot was demoted or removed since: nobody can manage the channel through it.
            log.info("getChatMember refused for channel %s: %s", channel_id, error.message)
            return False
        return may_manage(member)

    async def _list(self, context: ContextTypes.DEFAULT_TYPE, user_id: int, lang: str) -> str:
        known = await asyncio.to_thread(self.channels.all)
        present = [c for c in known if c.bot_status not in (ChatMember.LEFT, ChatMember.BANNED)]
        managed = [c for c in present if await self._manages(context, c.id, user_id)]
        lines = [say("channel_list_head", lang)] if managed else [say("channel_list_none", lang)]
        lines += [f"• <b>{escape(channel.name)}</b>" for channel in managed]
        return "\n".join([*lines, "", say("channel_help", lang)])

    async def _reply(self, update: Update, html: str) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(html, parse_mode=ParseMode.HTML)


def register(application: Application, services: ReminderServices) -> None:
    """Add the channel guard, the channel membership record and /channel."""
    handlers = _Channels(services)
    add_menu_command(application, "channel")
    add_help_section(application, lambda lang: say("channel_help", lang))
    application.add_handler(TypeHandler(Update, handlers.guard), group=GUARD_GROUP)
    application.add_handler(
        ChatMemberHandler(handlers.membership, ChatMemberHandler.MY_CHAT_MEMBER),
        group=MEMBERSHIP_GROUP,
    )
    application.add_handler(CommandHandler("channel", handlers.channel))
