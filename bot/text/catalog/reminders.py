"""Reminder and subscription texts: the reminders themselves, the digest, /subscribe and its help.

Templates are Telegram HTML; ``say`` escapes the values.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # What a reminder looks like ------------------------------------------------------------------
    "reminder_heading": {"en": "⏰ Reminder", "fr": "⏰ Rappel"},
    "changed_heading": {"en": "📅 Changed", "fr": "📅 Modifié"},
    "cancelled_heading": {"en": "❌ Cancelled", "fr": "❌ Annulé"},
    "reminder_when": {"en": "When: {span}", "fr": "Quand: {span}"},
    "reminder_where": {"en": "Where: {place}", "fr": "Où: {place}"},
    "changed_line": {
        "en": "This meeting has moved. Your reminders follow the new time.",
        "fr": "Cette réunion a été déplacée. Vos rappels suivent le nouvel horaire.",
    },
    "cancelled_line": {
        "en": "This meeting has been cancelled. No more reminders for it.",
        "fr": "Cette réunion a été annulée. Plus de rappels pour elle.",
    },
    "digest_heading": {
        "en": "🗓 <b>Today's meetings</b> — {day}",
        "fr": "🗓 <b>Réunions du jour</b> — {day}",
    },
    "admin_refused": {
        "en": "⚠️ events.yaml was refused; the last good calendar stays in service.\n"
        "<pre>{error}</pre>",
        "fr": "⚠️ events.yaml a été refusé ; le dernier calendrier valide reste en service.\n"
        "<pre>{error}</pre>",
    },
    # The countdown from the moment a reminder goes out (plain text) ------------------------------
    "countdown_now": {"en": "starts now", "fr": "commence maintenant"},
    "countdown_started": {"en": "has begun", "fr": "a commencé"},
    "countdown_today": {"en": "starts today", "fr": "commence aujourd'hui"},
    "countdown_tomorrow": {"en": "starts tomorrow", "fr": "commence demain"},
    "countdown_in": {"en": "starts in {time}", "fr": "commence dans {time}"},
    "countdown_and": {"en": "{first} and {second}", "fr": "{first} et {second}"},
    "amount_day#one": {"en": "{count} day", "fr": "{count} jour"},
    "amount_day#other": {"en": "{count} days", "fr": "{count} jours"},
    "amount_hour#one": {"en": "{count} hour", "fr": "{count} heure"},
    "amount_hour#other": {"en": "{count} hours", "fr": "{count} heures"},
    "amount_minute#one": {"en": "{count} minute", "fr": "{count} minute"},
    "amount_minute#other": {"en": "{count} minutes", "fr": "{count} minutes"},
    # Buttons under a reminder (plain text) -------------------------------------------------------
    "btn_reminder_ics": {"en": ".ics", "fr": ".ics"},
    "btn_snooze_hour": {"en": "Again in 1 hour", "fr": "Dans 1 heure"},
    "btn_snooze_morning": {"en": "Tomorrow morning", "fr": "Demain matin"},
    "btn_unsubscribe": {"en": "Unsubscribe", "fr": "Me désabonner"},
    # Lead times, as /subscribe and /reminders describe them (plain text) -------------------------
    "lead_before": {"en": "{amount} before", "fr": "{amount} avant"},
    "lead_morning_of": {"en": "the morning of", "fr": "le matin même"},
    "lead_day_before": {"en": "the day before", "fr": "la veille"},
    "lead_on_the_day": {"en": "on the day", "fr": "le jour même"},
    "lead_at": {"en": "{day} at {time}", "fr": "{day} à {time}"},
    "lead_separator": {"en": ", ", "fr": ", "},  # between lead times in a list
    # Kinds of event, as /subscribe names them (meetings and conferences are the answers' words).
    "kind_agenda_item": {"en": "agenda items", "fr": "points de l'ordre du jour"},
    "kind_background": {"en": "background events", "fr": "événements de contexte"},
    # Subscribing ---------------------------------------------------------------------------------
    "subscribed_all": {
        "en": "You will be reminded of every meeting: {leads}.",
        "fr": "Vous recevrez un rappel pour chaque réunion : {leads}.",
    },
    "subscribed_event": {
        "en": "You will be reminded of <b>{name}</b>: {leads}.",
        "fr": "Vous recevrez un rappel pour <b>{name}</b> : {leads}.",
    },
    "subscribed_kind": {
        "en": "You will be reminded of all {kind}: {leads}.",
        "fr": "Vous recevrez un rappel pour toutes les {kind} : {leads}.",
    },
    # "remind me the day before the MSP": what the one button under this offer will book.
    "remind_offer_event": {
        "en": "Press the button to be reminded of <b>{name}</b>: {leads}.",
        "fr": "Appuyez sur le bouton pour recevoir un rappel pour <b>{name}</b> : {leads}.",
    },
    "remind_offer_kind": {
        "en": "Press the button to be reminded of all {kind}: {leads}.",
        "fr": "Appuyez sur le bouton pour recevoir un rappel pour toutes les {kind} : {leads}.",
    },
    "remind_offer_all": {
        "en": "Press the button to be reminded of every meeting: {leads}.",
        "fr": "Appuyez sur le bouton pour recevoir un rappel pour chaque réunion : {leads}.",
    },
    "btn_remind_leads": {"en": "🔔 Remind me: {leads}", "fr": "🔔 Me le rappeler : {leads}"},
    "unsubscribed": {
        "en": "Done: {count} subscription(s) ended.",
        "fr": "C'est fait : {count} abonnement(s) arrêté(s).",
    },
    "unsubscribed_event": {
        "en": "You will no longer be reminded of <b>{name}</b>.",
        "fr": "Vous ne recevrez plus de rappel pour <b>{name}</b>.",
    },
    "not_subscribed": {
        "en": "There was nothing to stop: this chat has no such subscription.",
        "fr": "Rien à arrêter : ce chat n'a pas cet abonnement.",
    },
    "ambiguous_event": {
        "en": "“{query}” could be: {names}. Please be more precise.",
        "fr": "« {query} » peut désigner : {names}. Merci de préciser.",
    },
    # Why a lead time was refused (plain text).
    "lead_error_syntax": {
        "en": "“{text}” is not a lead time; write 2d, 1w, 3h, 30m or 1d@09:00.",
        "fr": "« {text} » n'est pas un délai ; écrivez 2d, 1w, 3h, 30m ou 1d@09:00.",
    },
    "lead_error_clock_hours": {
        "en": "“{text}”: a time of day goes with days only, like 1d@09:00.",
        "fr": "« {text} » : une heure précise ne va qu'avec des jours, comme 1d@09:00.",
    },
    "lead_error_too_far": {
        "en": "“{text}”: at most {days} days ahead.",
        "fr": "« {text} » : {days} jours à l'avance au plus.",
    },
    "lead_error_clock": {
        "en": "“{text}”: {clock} is not a time of day.",
        "fr": "« {text} » : {clock} n'est pas une heure valide.",
    },
    "lead_error_range": {
        "en": "“{text}”: between 1 minute and {days} days.",
        "fr": "« {text} » : entre 1 minute et {days} jours.",
    },
    "lead_error_too_many": {
        "en": "At most {count} lead times per subscription.",
        "fr": "{count} délais au plus par abonnement.",
    },
    "no_reminders": {
        "en": "No reminders planned for this chat. /subscribe to get some.",
        "fr": "Aucun rappel prévu pour ce chat. /subscribe pour en recevoir.",
    },
    "reminders_head": {
        "en": "Reminders for this chat (times in {tz}):",
        "fr": "Rappels pour ce chat (heures de {tz}) :",
    },
    "subscriptions_head": {"en": "Subscriptions:", "fr": "Abonnements :"},
    "scope_all": {"en": "every meeting", "fr": "toutes les réunions"},
    "digest_line": {"en": "Daily digest at {at}.", "fr": "Résumé quotidien à {at}."},
    "digest_set": {
        "en": "Every day at {at} ({tz}) you will get the day's meetings (nothing on empty days).",
        "fr": "Chaque jour à {at} ({tz}), les réunions du jour (rien les jours vides).",
    },
    "digest_off": {"en": "Daily digest turned off.", "fr": "Résumé quotidien désactivé."},
    "digest_bad": {
        "en": "Write /digest 08:00 (a time of day) or /digest off.",
        "fr": "Écrivez /digest 08:00 (une heure) ou /digest off.",
    },
    "snoozed_hour": {
        "en": "I will remind you of <b>{name}</b> again at {at}.",
        "fr": "Je vous rappellerai <b>{name}</b> à {at}.",
    },
    "snoozed_morning": {
        "en": "I will remind you of <b>{name}</b> tomorrow morning at {at}.",
        "fr": "Je vous rappellerai <b>{name}</b> demain matin à {at}.",
    },
    "gone_event": {
        "en": "That meeting is no longer in the calendar.",
        "fr": "Cette réunion n'est plus dans le calendrier.",
    },
    "no_day_stated": {
        "en": "Note: <b>{name}</b> has no stated day, so it gets no reminders.",
        "fr": "Remarque : <b>{name}</b> n'a pas de jour précisé, donc pas de rappel.",
    },
    "reminder_stats": {
        "en": "<b>Reminders</b>: {chats} subscribed chats ({inactive} blocked or gone); "
        "sent {sent}, failed {failed}, skipped {skipped}, in flight {sending}.",
        "fr": "<b>Rappels</b> : {chats} conversations abonnées ({inactive} bloquées ou "
        "parties) ; envoyés {sent}, échoués {failed}, sautés {skipped}, en cours {sending}.",
    },
    # /help's part on reminders -------------------------------------------------------------------
    "leads_help": {
        "en": "/subscribe – reminders for every meeting (the day before and the morning of)\n"
        "/subscribe msp – one meeting; /subscribe conference – one kind\n"
        "/subscribe msp 2d 3h – your own lead times: 2d (days), 1w (weeks), 3h (hours), 30m "
        "(minutes), 1d@18:00 (the day before at 18:00)\n"
        "/unsubscribe [meeting] – stop; /reminders – what you will receive\n"
        "/digest 08:00 – the day's meetings every morning; /digest off",
        "fr": "/subscribe – rappels pour toutes les réunions (la veille et le matin même)\n"
        "/subscribe msp – une réunion ; /subscribe conference – un type\n"
        "/subscribe msp 2d 3h – vos délais : 2d (jours), 1w (semaines), 3h (heures), 30m "
        "(minutes), 1d@18:00 (la veille à 18 h)\n"
        "/unsubscribe [réunion] – arrêter ; /reminders – ce que vous recevrez\n"
        "/digest 08:00 – les réunions du jour chaque matin ; /digest off",
    },
    "all_day_rule": {
        "en": "For a meeting with no start time, reminders go out at 09:00 on the day(s) before "
        "and 08:00 on the day itself, in your time zone; an hour lead counts back from 08:00, and "
        "nothing is sent between 22:00 and 07:00. Meetings known only by month or year get no "
        "reminders.",
        "fr": "Pour une réunion sans heure de début, les rappels partent à 9 h la veille (ou les "
        "jours d'avant) et à 8 h le jour même, dans votre fuseau horaire ; un délai en heures "
        "se compte à partir de 8 h, et rien n'est envoyé entre 22 h et 7 h. Les réunions "
        "connues seulement au mois ou à l'année n'ont pas de rappel.",
    },
    # Telegram's "/" menu: plain text, up to 256 characters.
    "menu_subscribe": {
        "en": "Reminders: /subscribe, /subscribe msp 2d 3h",
        "fr": "Rappels : /subscribe, /subscribe msp 2d 3h",
    },
    "menu_unsubscribe": {"en": "Stop reminders", "fr": "Arrêter les rappels"},
    "menu_reminders": {
        "en": "What reminders this chat will get",
        "fr": "Les rappels prévus pour cette conversation",
    },
    "menu_digest": {
        "en": "The day's meetings each morning: /digest 08:00",
        "fr": "Les réunions du jour chaque matin : /digest 08:00",
    },
}
