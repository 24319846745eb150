"""Subscription commands and buttons: /subscribe, /unsubscribe, /reminders, /digest, remind/snooze.

``register(application, services)`` adds the handlers (pass it to ``build_application`` as an
extension). Each handler is a thin shell over a plain function (``subscribe_reply``, ...) that reads
the arguments, calls the store and returns the HTML reply, so the logic is testable without
Telegram.

* ``/subscribe`` every meeting; ``/subscribe msp`` one (any name lookup understands);
  ``/subscribe conference`` a kind; ``/subscribe msp 2d 3h`` with lead times (see
  ``bot.reminders.leads``).
* ``/unsubscribe`` everything, ``/unsubscribe msp`` one subscription.
* ``/reminders`` the reminders this chat will get in the next year, in its time zone.
* ``/digest 08:00`` the day's meetings every morning (sent by the reminder service);
  ``/digest off``.
* ``leads_reply``: the chat's default lead times (/settings and /channel; no command of its own).
* Without lead times a subscription gets the chat's default ones (/settings), else calbot's.
* Buttons: ``rem:<event>`` remind me (default lead times), ``rem:<event>:1d,2h`` with the lead
  times a free-text request stated ("remind me the day before the MSP", ``bot.telegram.remind``),
  ``uns:<event>`` stop, ``snz:<event>:1h`` again in an hour, ``snz:<event>:am`` tomorrow at 08:00
  local.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import time, timedelta
from html import escape, unescape
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from bot.events.lookup import resolve
from bot.events.model import Event
from bot.reader import read_chat
from bot.reminders import ReminderServices
from bot.reminders.leads import (
    MORNING_OF_AT,
    Lead,
    LeadError,
    is_lead_word,
    local_instant,
    parse_lead,
    parse_leads,
)
from bot.reminders.planner import Subscription, plan_slots, scope_for_event, scope_for_kind
from bot.reminders.texts import KIND_WORDS, describe_leads, explain_lead_error, kind_name
from bot.telegram.links import resolve_ref
from bot.telegram.permissions import admins_only
from bot.telegram.services import add_help_section, add_menu_command, reader
from bot.text.dates import format_datetime_short
from bot.text.messages import say

REMINDERS_AHEAD = timedelta(days=365)
REMINDERS_SHOWN = 15
SNOOZE_HOUR = timedelta(hours=1)
EVERYTHING_WORDS = frozenset(
    {"all", "everything", "tout", "tous", "toutes", "все", "всё", "todo", "todos", "todas", "全部",
     "所有", "الكل", "الجميع"}
)  # fmt: skip
OFF_WORDS = frozenset(
    {"off", "stop", "non", "arrêt", "arret", "выкл", "нет", "no", "desactivar", "关闭", "إيقاف"}
)
_CLOCK = re.compile(r"^(\d{1,2})[:h.](\d{2})$")


class Target:
    """What a /subscribe or /unsubscribe argument names: a scope, or why there is none."""

    def __init__(
        self, scope: str | None = None, event: Event | None = None, error: str = ""
    ) -> None:
        self.scope, self.event, self.error = scope, event, error


def _target(services: ReminderServices, words: list[str], lang: str) -> Target:
    query = " ".join(words).strip()
    if not query or query.lower() in EVERYTHING_WORDS:
        return Target("all")
    kind = KIND_WORDS.get(query.casefold())
    if kind:
        return Target(scope_for_kind(kind))
    snapshot = services.holder.current
    result = resolve(snapshot.calendar, query, snapshot.knowledge.terms)
    if result.event is not None:
        return Target(scope_for_event(result.event.id), result.event)
    if result.candidates:
        names = ", ".join(event.name for event in result.candidates[:4])
        return Target(error=say("ambiguous_event", lang, query=query, names=names))
    return Target(error=say("not_found", lang, query=query))


def _zone(services: ReminderServices, chat_id: int) -> ZoneInfo:
    """The chat's zone (``bot.reader``): the reply may be in another chat's language (/channel)."""
    return read_chat(services.store, chat_id, services.holder.current.calendar).zone


def _remember_language(services: ReminderServices, chat_id: int, lang: str) -> None:
    # Reminders go out unasked, so the chat's language is the subscriber's unless already chosen.
    prefs = services.store.get_chat(chat_id)
    if prefs.language is None:
        services.store.save_chat(replace(prefs, language=lang))


# Plain functions: arguments in, reply out ---------------------------------------------------------


def subscribe_reply(services: ReminderServices, chat_id: int, args: list[str], lang: str) -> str:
    words = [word for word in args if not is_lead_word(word)]
    stated = [word for word in args if is_lead_word(word)]
    try:
        leads = parse_leads(stated) if stated else None  # None: the chat's default lead times
    except LeadError as error:
        return explain_lead_error(error, lang)
    target = _target(services, words, lang)
    if target.scope is None:
        return target.error
    return _book(services, chat_id, target, leads, lang)


def _book(
    services: ReminderServices,
    chat_id: int,
    target: Target,
    leads: tuple[Lead, ...] | None,
    lang: str,
) -> str:
    """Subscribe the chat to ``target`` with ``leads`` (None: the chat's default lead times) and
    say in words what was booked."""
    assert target.scope is not None
    _remember_language(services, chat_id, lang)
    booked = services.store.subscribe(chat_id, target.scope, leads)
    services.changed()
    described = describe_leads(booked.leads, lang)
    if target.event is not None:
        reply = say("subscribed_event", lang, name=target.event.name, leads=described)
        if not target.event.days_stated:
            reply += "\n" + say("no_day_stated", lang, name=target.event.name)
        return reply
    if target.scope.startswith("kind:"):
        kind = kind_name(target.scope.removeprefix("kind:"), lang)
        return say("subscribed_kind", lang, kind=kind, leads=described)
    return say("subscribed_all", lang, leads=described)


def unsubscribe_reply(services: ReminderServices, chat_id: int, args: list[str], lang: str) -> str:
    target = _target(services, args, lang)
    if target.scope is None:
        return target.error
    scope = None if target.scope == "all" else target.scope
    ended = services.store.unsubscribe(chat_id, scope)
    services.changed()
    if ended == 0:
        return say("not_subscribed", lang)
    if target.event is not None:
        return say("unsubscribed_event", lang, name=target.event.name)
    return say("unsubscribed", lang, count=ended)


def reminders_reply(services: ReminderServices, chat_id: int, lang: str) -> str:
    store, snapshot = services.store, services.holder.current
    subscriptions = store.chat_subscriptions(chat_id)
    prefs = store.get_chat(chat_id)
    zone = _zone(services, chat_id)
    now = services.clock.now()
    slots = plan_slots(
        snapshot.calendar, snapshot.revisions, subscriptions, {chat_id: prefs},
        now, now + REMINDERS_AHEAD,
    )  # fmt: skip
    digest = store.digest_time(chat_id)
    if not subscriptions and digest is None:
        return say("no_reminders", lang)
    lines = [say("reminders_head", lang, tz=zone.key)]
    for slot in slots[:REMINDERS_SHOWN]:
        event = snapshot.calendar.get(slot.event_id)
        name = event.name if event else slot.event_id
        lead = describe_leads((parse_lead(slot.lead_key),), lang)
        when = format_datetime_short(slot.due_utc, zone, lang)
        lines.append(f"• {escape(when)} – <b>{escape(name)}</b> ({escape(lead)})")
    if len(slots) > REMINDERS_SHOWN:
        lines.append(say("list_more", lang, more=len(slots) - REMINDERS_SHOWN))
    if subscriptions:
        lines += ["", say("subscriptions_head", lang)]
        lines += [_subscription_line(services, sub, lang) for sub in subscriptions]
    if digest is not None:
        lines += ["", say("digest_line", lang, at=f"{digest:%H:%M}")]
    return "\n".join(lines)


def _subscription_line(services: ReminderServices, sub: Subscription, lang: str) -> str:
    kind, _, value = sub.scope.partition(":")
    if kind == "event":
        event = services.holder.current.calendar.get(value)
        what = f"<b>{escape(event.name if event else value)}</b>"
    elif kind == "kind":
        what = escape(kind_name(value, lang))
    else:
        what = say("scope_all", lang)
    return f"• {what}: {escape(describe_leads(sub.leads, lang))}"


def digest_reply(services: ReminderServices, chat_id: int, args: list[str], lang: str) -> str:
    word = " ".join(args).strip().lower()
    if word in OFF_WORDS:
        services.store.set_digest(chat_id, None)
        services.changed()
        return say("digest_off", lang)
    match = _CLOCK.match(word)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        return say("digest_bad", lang)
    at = time(int(match[1]), int(match[2]))
    _remember_language(services, chat_id, lang)
    services.store.set_digest(chat_id, at)
    services.changed()
    return say("digest_set", lang, at=f"{at:%H:%M}", tz=_zone(services, chat_id).key)


def leads_reply(services: ReminderServices, chat_id: int, args: list[str], lang: str) -> str:
    """The chat's default lead times (/settings, /channel): for the subscriptions it makes from
    now on without stating any and, as before they were stored, for those it has."""
    try:
        leads = parse_leads(" ".join(args))
    except LeadError as error:
        return explain_lead_error(error, lang)
    store = services.store
    store.set_default_leads(chat_id, leads)
    scopes = [subscription.scope for subscription in store.chat_subscriptions(chat_id)]
    for scope in scopes:
        store.subscribe(chat_id, scope, leads)
    services.changed()
    described = describe_leads(leads, lang)
    return say("leads_set" if scopes else "default_leads_set", lang, leads=described)


def remind_button_reply(
    services: ReminderServices, chat_id: int, ref: str, lang: str, keys: str = ""
) -> str:
    """The remind-me button: ``ref`` an event (or ``*`` every meeting, ``*kind`` a kind), with
    the lead times a free-text request stated (``keys``, as ``offer_data`` wrote them)."""
    try:
        leads = parse_leads(keys.split(",")) if keys else None  # None: the chat's default
    except LeadError as error:
        return explain_lead_error(error, lang)
    if ref.startswith("*"):
        kind = ref.removeprefix("*")
        target = Target(scope_for_kind(kind) if kind else "all")
        return _book(services, chat_id, target, leads, lang)
    event = resolve_ref(services.holder.current.calendar, ref)
    if event is None:
        return say("gone_event", lang)
    return _book(services, chat_id, Target(scope_for_event(event.id), event), leads, lang)


def unsubscribe_button_reply(services: ReminderServices, chat_id: int, ref: str, lang: str) -> str:
    event = resolve_ref(services.holder.current.calendar, ref)
    scope = scope_for_event(event.id if event else ref)
    ended = services.store.unsubscribe(chat_id, scope)
    services.changed()
    if ended == 0:
        return say("not_subscribed", lang)
    return say("unsubscribed_event", lang, name=event.name if event else ref)


def snooze_button_reply(
    services: ReminderServices, chat_id: int, ref: str, when: str, lang: str
) -> str:
    event = resolve_ref(services.holder.current.calendar, ref)
    if event is None or when not in ("1h", "am"):
        return say("gone_event", lang)
    zone, now = _zone(services, chat_id), services.clock.now()
    if when == "1h":
        due = now + SNOOZE_HOUR
    else:
        tomorrow = now.astimezone(zone).date() + timedelta(days=1)
        due = local_instant(tomorrow, MORNING_OF_AT, zone)
    services.store.add_snooze(chat_id, event.id, due)
    services.changed()
    at = format_datetime_short(due, zone, lang)
    return say("snoozed_hour" if when == "1h" else "snoozed_morning", lang, name=event.name, at=at)


# Telegram handlers --------------------------------------------------------------------------------


def _chat_id(update: Update) -> int | None:
    # A button under an inline-mode message has no chat: the presser's private chat it is then.
    if update.effective_chat is not None:
        return update.effective_chat.id
    return update.effective_user.id if update.effective_user else None


class _Handlers:
    def __init__(self, services: ReminderServices) -> None:
        self.services = services

    async def _reply(self, update: Update, html: str) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(html, parse_mode=ParseMode.HTML)

    async def subscribe(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat_id = _chat_id(update)
        assert chat_id is not None
        if await admins_only(update, context):
            return
        args, lang = list(context.args or []), reader(update, context).lang
        await self._reply(update, subscribe_reply(self.services, chat_id, args, lang))

    async def unsubscribe(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat_id = _chat_id(update)
        assert chat_id is not None
        if await admins_only(update, context):
            return
        args, lang = list(context.args or []), reader(update, context).lang
        await self._reply(update, unsubscribe_reply(self.services, chat_id, args, lang))

    async def reminders(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat_id = _chat_id(update)
        assert chat_id is not None
        lang = reader(update, context).lang
        await self._reply(update, reminders_reply(self.services, chat_id, lang))

    async def digest(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat_id = _chat_id(update)
        assert chat_id is not None
        if await admins_only(update, context):
            return
        args, lang = list(context.args or []), reader(update, context).lang
        await self._reply(update, digest_reply(self.services, chat_id, args, lang))

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        chat_id = _chat_id(update)
        assert query is not None and query.data is not None and chat_id is not None
        if await admins_only(update, context):
            return
        lang = reader(update, context).lang
        prefix, _, rest = query.data.partition(":")
        if (
            prefix in ("rem", "uns") and rest == "*"
        ):  # the free-text "stop all" / "subscribe" button
            action = subscribe_reply if prefix == "rem" else unsubscribe_reply
            reply = action(self.services, chat_id, [], lang)
        elif prefix == "rem":
            ref, _, keys = rest.partition(":")
            reply = remind_button_reply(self.services, chat_id, ref, lang, keys)
        elif prefix == "uns":
            reply = unsubscribe_button_reply(self.services, chat_id, rest, lang)
        else:
            ref, _, when = rest.rpartition(":")
            reply = snooze_button_reply(self.services, chat_id, ref, when, lang)
        # The toast is plain text and short; the full confirmation goes to the chat.
        await query.answer(toast_text(reply))
        if update.effective_chat is not None:
            await context.bot.send_message(chat_id, reply, parse_mode=ParseMode.HTML)


def toast_text(html: str) -> str:
    """A reply's first line as a button's toast: plain text, within Telegram's 200 characters."""
    plain = unescape(re.sub(r"<[^>]+>", "", html.split("\n")[0]))
    return plain if len(plain) <= 190 else plain[:189] + "…"


MENU = ("subscribe", "unsubscribe", "reminders", "digest")


def _help_section(lang: str) -> str:
    """/help's part on reminders: the commands and what a lead time means for all-day meetings."""
    return f"{say('leads_help', lang)}\n\n{say('all_day_rule', lang)}"


def register(application: Application, services: ReminderServices) -> None:
    """Add the subscription commands and the remind/unsubscribe/snooze buttons."""
    handlers = _Handlers(services)
    for name in MENU:
        add_menu_command(application, name)
    add_help_section(application, _help_section)
    application.add_handler(CommandHandler("subscribe", handlers.subscribe))
    application.add_handler(CommandHandler("unsubscribe", handlers.unsubscribe))
    application.add_handler(CommandHandler("reminders", handlers.reminders))
    application.add_handler(CommandHandler("digest", handlers.digest))
    application.add_handler(
        CallbackQueryHandler(
            handlers.button,
            pattern=r"^(rem|uns):[^:]+$|^rem:[^:]+:[0-9a-z@,]+$|^snz:[^:]+:(1h|am)$",
        )
    )
