"""The Telegram adapter's own texts: welcome, help, command replies, admin, button labels.

Templates are Telegram HTML; ``say`` escapes the values.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "welcome": {
        "en": "Hello! I answer questions about <b>{calendar}</b>.\n"
        "Ask me in plain words (“when is the Protocol V conference?”) or try /next, /events, "
        "/today, /week. /help lists everything.",
        "fr": "Bonjour ! Je réponds aux questions sur <b>{calendar}</b>.\n"
        "Posez-les simplement (« quand a lieu la conférence du Protocole V ? ») ou essayez "
        "/next, /events, /today, /week. /help donne la liste complète.",
    },
    "help": {
        "en": "<b>Commands</b>\n/next – the next meetings\n/events – all events\n"
        "/event <i>name</i> – one event\n/today, /week – what is on\n"
        "/on <i>2007-11-05</i> – a day\n"
        "/where <i>event</i> – the place\n/ics – subscribe to the calendar\n"
        "/timezone <i>Area/City</i> – your time zone\n"
        "/language – this chat's language; /settings – settings\n"
        "/about – where the data comes from",
        "fr": "<b>Commandes</b>\n/next – les prochaines réunions\n/events – tous les événements\n"
        "/event <i>nom</i> – un événement\n/today, /week – ce qui a lieu\n"
        "/on <i>2007-11-05</i> – un jour\n/where <i>événement</i> – le lieu\n"
        "/ics – s’abonner au calendrier\n/timezone <i>Zone/Ville</i> – votre fuseau horaire\n"
        "/language – langue de la conversation ; /settings – réglages\n"
        "/about – d’où viennent les données",
    },
    "apology": {
        "en": "Sorry, something went wrong on my side. Please try again in a moment.",
        "fr": "Désolé, une erreur s’est produite de mon côté. Réessayez dans un instant.",
    },
    "reply_undelivered": {
        "en": "Telegram was too busy to take my last reply to you. What you asked for then was "
        "done all the same (a subscription or a time zone is saved); /help shows how to check it.",
        "fr": "Telegram était trop chargé pour accepter ma dernière réponse. Ce que vous aviez "
        "demandé a tout de même été fait (un abonnement ou un fuseau horaire est enregistré) ; "
        "/help indique comment le vérifier.",
    },
    "slow_down": {
        "en": "You are sending messages very fast; I will answer again in a minute.",
        "fr": "Vous envoyez des messages très vite ; je répondrai de nouveau dans une minute.",
    },
    "unknown_command": {
        "en": "I don't know that command. /help lists what I can do.",
        "fr": "Je ne connais pas cette commande. /help liste ce que je sais faire.",
    },
    "not_found": {
        "en": "I found no event matching “{query}”. Try /events for the list.",
        "fr": "Aucun événement ne correspond à « {query} ». Essayez /events pour la liste.",
    },
    "event_usage": {
        "en": "Tell me which event: <code>/{command} Protocol V</code>",
        "fr": "Dites-moi quel événement : <code>/{command} Protocole V</code>",
    },
    "nothing": {
        "en": "No events {when}.",
        "fr": "Aucun événement {when}.",
    },
    "when_today": {"en": "today", "fr": "aujourd’hui"},
    "when_this_week": {"en": "in the next seven days", "fr": "dans les sept prochains jours"},
    "when_on_day": {"en": "on {day}", "fr": "le {day}"},
    "heading_today": {"en": "<b>Today</b>", "fr": "<b>Aujourd’hui</b>"},
    "heading_week": {"en": "<b>The next seven days</b>", "fr": "<b>Les sept prochains jours</b>"},
    "heading_next": {"en": "<b>Coming up</b>", "fr": "<b>À venir</b>"},
    "heading_events": {
        "en": "<b>All events</b> (page {page} of {pages})",
        "fr": "<b>Tous les événements</b> (page {page} sur {pages})",
    },
    "on_usage": {
        "en": "Give me a date: <code>/on 2007-11-05</code> or <code>/on 5 November 2007</code>",
        "fr": "Donnez-moi une date : <code>/on 2007-11-05</code> ou "
        "<code>/on 5 novembre 2007</code>",
    },
    "ics": {
        "en": "Subscribe to the whole calendar with this link:\n{url}\n\n"
        "Google Calendar: Other calendars → “+” → From URL. Apple Calendar: File → New Calendar "
        "Subscription. Outlook: Add calendar → Subscribe from web.\n"
        "For one event, send <code>/ics Protocol V</code>.",
        "fr": "Abonnez-vous à tout le calendrier avec ce lien :\n{url}\n\n"
        "Google Agenda : Autres agendas → « + » → À partir de l’URL. Calendrier Apple : Fichier → "
        "Nouvel abonnement. Outlook : Ajouter un calendrier → S’abonner à partir du web.\n"
        "Pour un seul événement, envoyez <code>/ics Protocole V</code>.",
    },
    "ics_caption": {
        "en": "{name} – add it to your calendar",
        "fr": "{name} – à ajouter à votre agenda",
    },
    "timezone_set": {
        "en": "Time zone set to <b>{zone}</b>; times are now shown there.",
        "fr": "Fuseau horaire réglé sur <b>{zone}</b> ; les heures y sont désormais affichées.",
    },
    "timezone_current": {
        "en": "Times are shown in <b>{zone}</b>. Change it with <code>/timezone Asia/Tokyo</code>.",
        "fr": "Les heures sont affichées en <b>{zone}</b>. Changez avec "
        "<code>/timezone Asia/Tokyo</code>.",
    },
    "timezone_invalid": {
        "en": "“{zone}” is not a time zone I know. Use an Area/City name such as "
        "<code>Europe/Geneva</code>, <code>America/New_York</code> or <code>Asia/Tokyo</code>.",
        "fr": "« {zone} » n’est pas un fuseau horaire connu. Utilisez un nom Zone/Ville comme "
        "<code>Europe/Paris</code>, <code>America/New_York</code> ou <code>Asia/Tokyo</code>.",
    },
    "about": {
        "en": "<b>{calendar}</b>\n{description}\n\nEvery date comes from the documents named on "
        "each event (the “Source” button). Data last revised {updated}; {count} events.",
        "fr": "<b>{calendar}</b>\n{description}\n\nChaque date provient des documents cités pour "
        "chaque événement (bouton « Source »). Données révisées le {updated} ; {count} événements.",
    },
    "card_sources": {"en": "<b>Sources for {name}</b>", "fr": "<b>Sources de {name}</b>"},
    "card_no_sources": {"en": "No source is recorded.", "fr": "Aucune source n’est indiquée."},
    "reload_ok": {
        "en": "Reloaded: version {version}, {count} events{changed}.",
        "fr": "Rechargé : version {version}, {count} événements{changed}.",
    },
    "reload_unchanged": {"en": " (no change)", "fr": " (aucun changement)"},
    "reload_failed": {
        "en": "The events file was refused; still serving version {version}.\n<pre>{errors}</pre>",
        "fr": "Le fichier d’événements a été refusé ; la version {version} reste servie.\n"
        "<pre>{errors}</pre>",
    },
    "calendar_stats": {
        "en": "<b>Calendar</b> version {version}, {count} events, loaded {loaded}.\n"
        "Last reload: {reload}.",
        "fr": "<b>Calendrier</b> version {version}, {count} événements, chargé le {loaded}.\n"
        "Dernier rechargement : {reload}.",
    },
    "broadcast_usage": {
        "en": "Write the message after the command: <code>/broadcast Text</code>",
        "fr": "Écrivez le message après la commande : <code>/broadcast Texte</code>",
    },
    "broadcast_confirm": {
        "en": "Send this to every known chat?\n\n{text}",
        "fr": "Envoyer ceci à toutes les discussions connues ?\n\n{text}",
    },
    "broadcast_done": {
        "en": "Sent to {sent} chat(s); {failed} failed.",
        "fr": "Envoyé à {sent} discussion(s) ; {failed} échec(s).",
    },
    "broadcast_cancelled": {"en": "Broadcast cancelled.", "fr": "Diffusion annulée."},
    "extract_done": {
        "en": "Proposed entries for events.yaml: check them, then add them under "
        "<code>events:</code>.",
        "fr": "Entrées proposées pour events.yaml : vérifiez-les, puis ajoutez-les sous "
        "<code>events:</code>.",
    },
    "extract_too_large": {
        "en": "That file is too large for a resolution (2 MB at most).",
        "fr": "Ce fichier est trop gros pour une résolution (2 Mo au plus).",
    },
    # Button labels (plain text: Telegram shows them as they are).
    "btn_details": {"en": "Details", "fr": "Détails"},
    "btn_ics": {"en": "📅 .ics file", "fr": "📅 Fichier .ics"},
    "btn_google": {"en": "Google Calendar", "fr": "Google Agenda"},
    "btn_outlook": {"en": "Outlook", "fr": "Outlook"},
    "btn_source": {"en": "Source", "fr": "Source"},
    "btn_remind": {"en": "🔔 Remind me", "fr": "🔔 Me le rappeler"},
    "btn_previous": {"en": "◀ Previous", "fr": "◀ Précédent"},
    "btn_next": {"en": "Next ▶", "fr": "Suivant ▶"},
    "btn_send": {"en": "Send", "fr": "Envoyer"},
    "btn_cancel": {"en": "Cancel", "fr": "Annuler"},
    # Telegram's "/" menu: plain text, up to 256 characters.
    "menu_start": {
        "en": "Welcome, or open an event from a link",
        "fr": "Bienvenue, ou ouvrir un événement depuis un lien",
    },
    "menu_help": {"en": "What I can do", "fr": "Ce que je sais faire"},
    "menu_next": {"en": "The next meetings", "fr": "Les prochaines réunions"},
    "menu_events": {"en": "All events", "fr": "Tous les événements"},
    "menu_event": {"en": "One event: /event Protocol V", "fr": "Un événement : /event Protocole V"},
    "menu_today": {"en": "What is on today", "fr": "Ce qui a lieu aujourd’hui"},
    "menu_week": {"en": "The next seven days", "fr": "Les sept prochains jours"},
    "menu_on": {"en": "A day: /on 2007-11-05", "fr": "Un jour : /on 2007-11-05"},
    "menu_where": {"en": "Where an event is held", "fr": "Où se tient un événement"},
    "menu_ics": {
        "en": "Subscribe to the calendar, or one event's file",
        "fr": "S’abonner au calendrier, ou le fichier d’un événement",
    },
    "menu_timezone": {
        "en": "Your time zone: /timezone Asia/Tokyo",
        "fr": "Votre fuseau horaire : /timezone Europe/Paris",
    },
    "menu_about": {"en": "Where the data comes from", "fr": "D’où viennent les données"},
    # Language and settings ----------------------------------------------------------------------
    "language_choose": {
        "en": "This chat's language: <b>{language}</b>. Choose another:",
        "fr": "Langue de cette conversation : <b>{language}</b>. Choisissez-en une autre :",
    },
    "language_set": {
        "en": "From now on I write in English in this chat.",
        "fr": "Désormais, j’écris en français dans cette conversation.",
    },
    "language_unknown": {
        "en": "I don’t speak “{code}”. Choose one of the six UN languages:",
        "fr": "Je ne parle pas « {code} ». Choisissez l’une des six langues de l’ONU :",
    },
    "admins_only": {
        "en": "In a group, only its administrators can change the settings and the reminders.",
        "fr": "Dans un groupe, seuls ses administrateurs peuvent modifier les réglages et les "
        "rappels.",
    },
    "settings": {
        "en": "<b>Settings for this chat</b>\nLanguage: {language}\nTime zone: {zone}\n"
        "Daily digest: {digest}\nReminder times: {defaults}\nReminders: {leads}",
        "fr": "<b>Réglages de cette conversation</b>\nLangue : {language}\nFuseau horaire : "
        "{zone}\nRésumé quotidien : {digest}\nDélais des rappels : {defaults}\n"
        "Rappels : {leads}",
    },
    "settings_off": {"en": "off", "fr": "désactivé"},
    "settings_no_reminders": {"en": "none (/subscribe)", "fr": "aucun (/subscribe)"},
    "settings_ask_zone": {
        "en": "Send your location (📎 → Location) or type a city (Geneva, Tokyo) or a zone name "
        "(Europe/Geneva).",
        "fr": "Envoyez votre position (📎 → Position) ou écrivez une ville (Genève, Tokyo) ou un "
        "nom de fuseau (Europe/Paris).",
    },
    "settings_ask_digest": {
        "en": "Choose the time of the daily digest, or type one (08:30):",
        "fr": "Choisissez l’heure du résumé quotidien, ou écrivez-en une (08:30) :",
    },
    "settings_ask_leads": {
        "en": "How long before each meeting should reminders come? Choose, or type your own "
        "(2d 3h, 1d@18:00):",
        "fr": "Combien de temps avant chaque réunion voulez-vous les rappels ? Choisissez, ou "
        "écrivez les vôtres (2d 3h, 1d@18:00) :",
    },
    "leads_set": {
        "en": "Reminders for this chat: {leads}.",
        "fr": "Rappels de cette conversation : {leads}.",
    },
    "default_leads_set": {
        "en": "Reminder times for new subscriptions in this chat: {leads}. Subscribe with "
        "/subscribe.",
        "fr": "Délais des rappels pour les nouveaux abonnements de cette conversation : {leads}. "
        "Abonnez-vous avec /subscribe.",
    },
    "zone_not_found": {
        "en": "I found no time zone for “{text}”. Type a large city nearby or a zone name such "
        "as <code>Europe/Geneva</code>.",
        "fr": "Aucun fuseau horaire trouvé pour « {text} ». Écrivez une grande ville proche ou "
        "un nom de fuseau comme <code>Europe/Paris</code>.",
    },
    "btn_language": {"en": "🌐 Language", "fr": "🌐 Langue"},
    "btn_timezone": {"en": "🕓 Time zone", "fr": "🕓 Fuseau horaire"},
    "btn_digest": {"en": "🗓 Daily digest", "fr": "🗓 Résumé quotidien"},
    "btn_leads": {"en": "🔔 Reminder times", "fr": "🔔 Délais des rappels"},
    "btn_back": {"en": "◀ Back", "fr": "◀ Retour"},
    "btn_off": {"en": "Off", "fr": "Désactiver"},
    "btn_defaults": {
        "en": "The day before and the morning of",
        "fr": "La veille et le matin même",
    },
    # The bot's profile, shown before a user starts it (plain text; 512 and 120 characters at most).
    "bot_description": {
        "en": "I answer questions about the meetings of UN General Assembly resolution A/RES/62/57 "
        "on the Convention on Certain Conventional Weapons (CCW): when and where they are held, "
        "what comes next and what the resolution says. I also send reminders and a daily digest, "
        "and give a link for your calendar app. Ask in Arabic, Chinese, English, French, Russian "
        "or Spanish.",
        "fr": "Je réponds aux questions sur les réunions prévues par la résolution A/RES/62/57 de "
        "l’Assemblée générale des Nations Unies sur la Convention sur certaines armes classiques "
        "(CCAC) : dates, lieux, prochaines échéances et contenu de la résolution. J’envoie aussi "
        "des rappels et un résumé quotidien, et je donne un lien pour votre agenda. Posez vos "
        "questions en anglais, arabe, chinois, espagnol, français ou russe.",
    },
    "bot_short_description": {
        "en": "Dates, places and reminders for the CCW meetings of A/RES/62/57, in the six UN "
        "languages.",
        "fr": "Dates, lieux et rappels des réunions de la CCAC (A/RES/62/57), dans les six "
        "langues de l’ONU.",
    },
    "menu_language": {"en": "Choose this chat's language", "fr": "Choisir la langue"},
    "menu_settings": {
        "en": "Language, time zone, digest, reminders",
        "fr": "Langue, fuseau horaire, résumé, rappels",
    },
}
