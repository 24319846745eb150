"""Lead times and kinds of event in words, for /subscribe and /reminders.

The words themselves are in the catalogue (``bot.text.catalog.reminders``); this module only puts
them together. ``KIND_WORDS`` is the other direction: what a user may type to mean a kind.
"""

from __future__ import annotations

from bot.reminders.leads import Lead, LeadError
from bot.text.messages import MESSAGES, say

# Words a user may type after /subscribe to mean a kind: the catalogue's plural names in every
# language (``kind_<kind>``), and these singulars.
_SINGULARS = {
    "conference": "conference",
    "conférence": "conference",
    "конференция": "conference",
    "conferencia": "conference",
    "مؤتمر": "conference",
    "meeting": "meeting",
    "réunion": "meeting",
    "совещание": "meeting",
    "reunión": "meeting",
    "اجتماع": "meeting",
    "agenda item": "agenda_item",
    "agenda_item": "agenda_item",
    "background": "background",
}
KINDS = ("meeting", "conference", "agenda_item", "background")
KIND_WORDS = _SINGULARS | {
    text.casefold(): kind for kind in KINDS for text in MESSAGES[f"kind_{kind}"].values()
}

_DAY_LEADS = {0: "lead_morning_of", 1: "lead_day_before"}


def describe_lead(lead: Lead, lang: str | None) -> str:
    """``the day before``, ``2 days before at 18:00``, ``3 hours before``; plain text (no markup).

    Amounts go through the catalogue's counted forms ("за 3 часа", "قبل 3 ساعات").
    """
    if lead.minutes is not None:
        hours, minutes = divmod(lead.minutes, 60)
        amount = (
            say("amount_hour", lang, hours)
            if not minutes
            else say("amount_minute", lang, lead.minutes)
        )
        return say("lead_before", lang, amount=amount)
    assert lead.days is not None
    if lead.at and lead.days == 0:
        day = say("lead_on_the_day", lang)
    elif lead.days in _DAY_LEADS:
        day = say(_DAY_LEADS[lead.days], lang)
    else:
        day = say("lead_before", lang, amount=say("amount_day", lang, lead.days))
    return say("lead_at", lang, day=day, time=f"{lead.at:%H:%M}") if lead.at else day


def describe_leads(leads: tuple[Lead, ...], lang: str | None) -> str:
    return say("lead_separator", lang).join(describe_lead(lead, lang) for lead in leads)


def kind_name(kind: str, lang: str | None) -> str:
    """``meetings``, ``conférences``: a kind in the plural, plain text; an unknown kind as it is."""
    key = f"kind_{kind}"
    return str(say(key, lang)) if key in MESSAGES else kind


def explain_lead_error(error: LeadError, lang: str | None) -> str:
    """Why a lead time was refused and how to write one, in the reader's language (HTML)."""
    return say(f"lead_error_{error.reason}", lang, **error.values)
