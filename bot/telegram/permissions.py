"""Who may change a chat's settings and subscriptions: anyone in a private chat, admins in a group.

A group shares one language, one time zone and one set of reminders, so a passing member must not
be able to switch them for everyone. Telegram says who the administrators are (getChatMember); a
message an anonymous administrator sends in the group's name counts as theirs.
"""

from __future__ import annotations

import logging

from telegram import ChatMember, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.telegram.services import reader
from bot.text.messages import say

log = logging.getLogger(__name__)
_ADMINS = frozenset({ChatMember.OWNER, ChatMember.ADMINISTRATOR})


async def may_change(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """True when the sender may change this chat's settings and subscriptions."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or chat.type in (ChatType.PRIVATE, ChatType.CHANNEL):
        return True
    message = update.message
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id == chat.id  # an anonymous administrator
    if user is None:
        return False
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError as error:
        log.warning("could not check whether a user administers chat %s: %s", chat.id, error)
        return False
    return member.status in _ADMINS


async def admins_only(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Refuse (and say why) unless the sender may change settings; True when refused."""
    if await may_change(update, context):
        return False
    text = say("admins_only", reader(update, context).lang)
    if update.callback_query is not None:
        await update.callback_query.answer(text[:200], show_alert=True)
    elif update.effective_message is not None:
        await update.effective_message.reply_text(text, parse_mode=ParseMode.HTML)
    return True
