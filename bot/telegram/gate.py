"""What runs before every handler: the per-user flood limit, metrics, and the chats seen.

Registered in handler group -1, so it sees each update first; raising ``ApplicationHandlerStop``
keeps a flooding user's update away from every other handler. Also ``my_chat_member``: the bot
blocked or removed marks the chat inactive, added again reactivates it.
"""

from __future__ import annotations

from telegram import ChatMember, Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.metrics import UPDATES_HANDLED
from bot.telegram.admin import SEEN_KEY
from bot.telegram.services import reader, services
from bot.text.messages import say


def _kind(update: Update) -> str:
    if update.callback_query:
        return "callback"
    if update.inline_query:
        return "inline"
    if update.my_chat_member:
        return "membership"
    if update.effective_message and (update.effective_message.text or "").startswith("/"):
        return "command"
    return "message" if update.effective_message else "other"


async def gate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    UPDATES_HANDLED.labels(kind=_kind(update)).inc()
    if update.effective_chat is not None:
        context.bot_data.setdefault(SEEN_KEY, set()).add(update.effective_chat.id)
        await _tell_undelivered(update, context)
    user = update.effective_user
    if user is None or update.my_chat_member is not None:
        return
    verdict = services(context).flood.check(user.id)
    if verdict == "ok":
        return
    message = update.effective_message
    if verdict == "warn" and message is not None and message.chat.type == ChatType.PRIVATE:
        await message.reply_text(say("slow_down", reader(update, context).lang))
    elif verdict == "warn" and update.callback_query is not None:
        await update.callback_query.answer(say("slow_down", reader(update, context).lang))
    raise ApplicationHandlerStop


async def _tell_undelivered(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The last reply here was lost to Telegram's limits: say that its action was done.

    The mark is taken before sending: should this note be lost too, the error handler marks the
    chat again, and the next update tries once more."""
    chat = update.effective_chat
    if chat is None or not services(context).chats.take_undelivered(chat.id):
        return
    text = say("reply_undelivered", reader(update, context).lang)
    await context.bot.send_message(chat.id, text)


async def membership(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    change = update.my_chat_member
    assert change is not None
    gone = change.new_chat_member.status in (ChatMember.BANNED, ChatMember.LEFT)
    services(context).set_active(change.chat.id, not gone)


async def migration(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Telegram's service message in a group upgraded to a supergroup."""
    message = update.effective_message
    assert message is not None
    if message.migrate_to_chat_id:
        services(context).migrate(message.chat_id, message.migrate_to_chat_id)
