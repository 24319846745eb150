"""A reminder asked in words: "remind me the day before the MSP" gets one button that books it.

The engine reads the request as a ``subscribe`` answer about an event (or none); this adds what it
does not know: the lead times said in words (``bot.reminders.spoken``) and, without an event, a
kind ("a week before the conferences") or every meeting. The reply says what the button will book;
pressing it goes through the same booking as /subscribe (``bot.telegram.subscriptions``), which
checks that the presser may change the chat's reminders and confirms in words. Nothing is booked
before the press, like "stop sending me reminders".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.events.model import Event
from bot.reminders.leads import DEFAULT_LEADS, Lead, LeadError
from bot.reminders.spoken import spoken_leads
from bot.reminders.texts import KIND_WORDS, describe_leads, explain_lead_error, kind_name
from bot.telegram.links import event_ref
from bot.text.messages import say
from bot.text.normalize import normalize

# A request to be reminded, as opposed to "add the MSP to my calendar" (the card answers that).
_REMIND_WORDS = ("remind", "rappel", "notify me", "alert me", "previens moi", "prevenez moi")


@cache
def _kinds() -> dict[str, str]:
    """Kind words as normalised text; built on first use, not at import: normalising words of six
    languages loads their lemma dictionaries (seconds), which would delay every start."""
    return {normalize(word): kind for word, kind in KIND_WORDS.items()}


@dataclass(frozen=True)
class Offer:
    """The reply to a remind-me request: its text and the one button (None after an error)."""

    html: str
    markup: InlineKeyboardMarkup | None


def remind_offer(
    text: str,
    events: tuple[Event, ...],
    lang: str,
    default_leads: tuple[Lead, ...] = DEFAULT_LEADS,
) -> Offer | None:
    """The offer for a free-text ``subscribe`` answer, or None when it is not a remind-me request
    (a question about the feed or about subscribing keeps the engine's answer). Without lead
    times in words the chat's ``default_leads`` are offered."""
    try:
        leads = spoken_leads(text)
    except LeadError as error:
        return Offer(explain_lead_error(error, lang), None)
    plain = f" {normalize(text)} "
    if leads is None and not any(word in plain for word in _REMIND_WORDS):
        return None
    if len(events) > 1 or (leads is None and not events):
        return None  # "remind me" alone: the engine's answer explains the choices
    leads = leads or default_leads
    described = describe_leads(leads, lang)
    if events:
        event = events[0]
        html = say("remind_offer_event", lang, name=event.name, leads=described)
        ref = event_ref(event.id, "rem", suffix=_keys(leads))
    else:
        kinds = _kinds()
        kind = next((kinds[word] for word in plain.split() if word in kinds), None)
        if kind is None:
            html = say("remind_offer_all", lang, leads=described)
        else:
            html = say("remind_offer_kind", lang, kind=kind_name(kind, lang), leads=described)
        ref = f"rem:*{kind or ''}:{_keys(leads)}"
    label = say("btn_remind_leads", lang, leads=described)
    return Offer(html, InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=ref)]]))


def _keys(leads: tuple[Lead, ...]) -> str:
    """Lead times for callback data: ``1d,2h``; ``1d@18:00`` as ``1d@18h00`` (":" separates)."""
    return ",".join(lead.key.replace(":", "h") for lead in leads)
