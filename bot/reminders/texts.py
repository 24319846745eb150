"""Every reminder and subscription message, in English and French, in one place.

Messages are Telegram HTML: ``text(lang, name, **values)`` escapes the values, so an event title
with a ``<`` or ``&`` cannot break the markup. ``ALL_DAY_RULE_TEXT`` and ``LEADS_HELP_TEXT`` are
what /help shows.
"""

from __future__ import annotations

from html import escape

from bot.reminders.leads import Lead
from bot.text.dates import locale_for

ALL_DAY_RULE_TEXT = {
    "en": (
        "For a meeting with no start time, reminders go out at 09:00 on the day(s) before and "
        "08:00 on the day itself, in your time zone; an hour lead counts back from 08:00, and "
        "nothing is sent between 22:00 and 07:00. Meetings known only by month or year get no "
        "reminders."
    ),
    "fr": (
        "Pour une réunion sans heure de début, les rappels partent à 9 h la veille (ou les "
        "jours d'avant) et à 8 h le jour même, dans votre fuseau horaire ; un délai en heures "
        "se compte à partir de 8 h, et rien n'est envoyé entre 22 h et 7 h. Les réunions "
        "connues seulement au mois ou à l'année n'ont pas de rappel."
    ),
}

LEADS_HELP_TEXT = {
    "en": (
        "/subscribe – reminders for every meeting (the day before and the morning of)\n"
        "/subscribe msp – one meeting; /subscribe conference – one kind\n"
        "/subscribe msp 2d 3h – your own lead times: 2d (days), 1w (weeks), 3h (hours), 30m "
        "(minutes), 1d@18:00 (the day before at 18:00)\n"
        "/unsubscribe [meeting] – stop; /reminders – what you will receive\n"
        "/digest 08:00 – the day's meetings every morning; /digest off"
    ),
    "fr": (
        "/subscribe – rappels pour toutes les réunions (la veille et le matin même)\n"
        "/subscribe msp – une réunion ; /subscribe conference – un type\n"
        "/subscribe msp 2d 3h – vos délais : 2d (jours), 1w (semaines), 3h (heures), 30m "
        "(minutes), 1d@18:00 (la veille à 18 h)\n"
        "/unsubscribe [réunion] – arrêter ; /reminders – ce que vous recevrez\n"
        "/digest 08:00 – les réunions du jour chaque matin ; /digest off"
    ),
}

KIND_NAMES = {
    "en": {
        "conference": "conferences",
        "meeting": "meetings",
        "agenda_item": "agenda items",
        "background": "background events",
    },
    "fr": {
        "conference": "conférences",
        "meeting": "réunions",
        "agenda_item": "points de l'ordre du jour",
        "background": "événements de contexte",
    },
}

# Words a user may type after /subscribe to mean a kind (singular, plural, both languages).
KIND_WORDS = {
    "conference": "conference",
    "conferences": "conference",
    "conférence": "conference",
    "conférences": "conference",
    "meeting": "meeting",
    "meetings": "meeting",
    "réunion": "meeting",
    "réunions": "meeting",
    "agenda item": "agenda_item",
    "agenda items": "agenda_item",
    "agenda_item": "agenda_item",
    "background": "background",
}

_TEXTS = {
    "en": {
        "stats": "<b>Reminders</b>: {chats} subscribed chats ({inactive} blocked or gone); "
        "sent {sent}, failed {failed}, skipped {skipped}, in flight {sending}.",
        "subscribed_all": "You will be reminded of every meeting: {leads}.",
        "subscribed_event": "You will be reminded of <b>{name}</b>: {leads}.",
        "subscribed_kind": "You will be reminded of all {kind}: {leads}.",
        "unsubscribed": "Done: {count} subscription(s) ended.",
        "unsubscribed_event": "You will no longer be reminded of <b>{name}</b>.",
        "not_subscribed": "There was nothing to stop: this chat has no such subscription.",
        "unknown_event": "I know no meeting called “{query}”. Try /events for the list.",
        "ambiguous_event": "“{query}” could be: {names}. Please be more precise.",
        "bad_lead": "{error}",
        "no_reminders": "No reminders planned for this chat. /subscribe to get some.",
        "reminders_head": "Reminders for this chat (times in {tz}):",
        "reminders_more": "… and {count} more.",
        "subscriptions_head": "Subscriptions:",
        "scope_all": "every meeting",
        "digest_line": "Daily digest at {at}.",
        "digest_set": (
            "Every day at {at} ({tz}) you will get the day's meetings (nothing on empty days)."
        ),
        "digest_off": "Daily digest turned off.",
        "digest_bad": "Write /digest 08:00 (a time of day) or /digest off.",
        "snoozed_hour": "I will remind you of <b>{name}</b> again at {at}.",
        "snoozed_morning": "I will remind you of <b>{name}</b> tomorrow morning at {at}.",
        "gone_event": "That meeting is no longer in the calendar.",
        "no_day_stated": "Note: <b>{name}</b> has no stated day, so it gets no reminders.",
    },
    "fr": {
        "stats": "<b>Rappels</b> : {chats} conversations abonnées ({inactive} bloquées ou "
        "parties) ; envoyés {sent}, échoués {failed}, sautés {skipped}, en cours {sending}.",
        "subscribed_all": "Vous recevrez un rappel pour chaque réunion : {leads}.",
        "subscribed_event": "Vous recevrez un rappel pour <b>{name}</b> : {leads}.",
        "subscribed_kind": "Vous recevrez un rappel pour toutes les {kind} : {leads}.",
        "unsubscribed": "C'est fait : {count} abonnement(s) arrêté(s).",
        "unsubscribed_event": "Vous ne recevrez plus de rappel pour <b>{name}</b>.",
        "not_subscribed": "Rien à arrêter : ce chat n'a pas cet abonnement.",
        "unknown_event": "Je ne connais pas de réunion « {query} ». Essayez /events pour la liste.",
        "ambiguous_event": "« {query} » peut désigner : {names}. Merci de préciser.",
        "bad_lead": "{error}",
        "no_reminders": "Aucun rappel prévu pour ce chat. /subscribe pour en recevoir.",
        "reminders_head": "Rappels pour ce chat (heures de {tz}) :",
        "reminders_more": "… et {count} de plus.",
        "subscriptions_head": "Abonnements :",
        "scope_all": "toutes les réunions",
        "digest_line": "Résumé quotidien à {at}.",
        "digest_set": "Chaque jour à {at} ({tz}), les réunions du jour (rien les jours vides).",
        "digest_off": "Résumé quotidien désactivé.",
        "digest_bad": "Écrivez /digest 08:00 (une heure) ou /digest off.",
        "snoozed_hour": "Je vous rappellerai <b>{name}</b> à {at}.",
        "snoozed_morning": "Je vous rappellerai <b>{name}</b> demain matin à {at}.",
        "gone_event": "Cette réunion n'est plus dans le calendrier.",
        "no_day_stated": "Remarque : <b>{name}</b> n'a pas de jour précisé, donc pas de rappel.",
    },
}


def text(lang: str | None, key: str, /, **values: object) -> str:
    """The message ``key`` in ``lang`` (English by default), values HTML-escaped."""
    table = _TEXTS[locale_for(lang)]
    return table[key].format(**{key: escape(str(value)) for key, value in values.items()})


def describe_lead(lead: Lead, lang: str | None) -> str:
    """``the day before``, ``2 days before at 18:00``, ``3 h before``; plain text (no markup)."""
    french = locale_for(lang) == "fr"
    if lead.minutes is not None:
        hours, minutes = divmod(lead.minutes, 60)
        amount = f"{hours} h" if not minutes else f"{lead.minutes} min"
        return f"{amount} avant" if french else f"{amount} before"
    assert lead.days is not None
    if french:
        day = {0: "le matin même", 1: "la veille"}.get(lead.days, f"{lead.days} jours avant")
        if lead.at:
            day = "le jour même" if lead.days == 0 else day
            return f"{day} à {lead.at:%H:%M}"
        return day
    day = {0: "the morning of", 1: "the day before"}.get(lead.days, f"{lead.days} days before")
    if lead.at:
        day = "on the day" if lead.days == 0 else day
        return f"{day} at {lead.at:%H:%M}"
    return day


def describe_leads(leads: tuple[Lead, ...], lang: str | None) -> str:
    return ", ".join(describe_lead(lead, lang) for lead in leads)


def kind_name(kind: str, lang: str | None) -> str:
    return KIND_NAMES[locale_for(lang)].get(kind, kind)
