"""The answers engine's sentences: what calbot says about events, the resolution and itself.

These are shown both as Telegram HTML and as plain text (the command line), so they carry no markup
and no ``<``, ``>`` or ``&``: the renderer fills in values it has already marked up.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # Tense and countdowns ------------------------------------------------------------------------
    "opens_in#one": {"en": "{name} opens tomorrow.", "fr": "{name} : ouverture demain."},
    "opens_in#other": {
        "en": "{name} opens in {count} days.",
        "fr": "{name} : ouverture dans {count} jours.",
    },
    "opens_today": {"en": "{name} opens today.", "fr": "{name} : ouverture aujourd'hui."},
    "is_on_in#one": {"en": "{name} takes place tomorrow.", "fr": "{name} : demain."},
    "is_on_in#other": {
        "en": "{name} takes place in {count} days.",
        "fr": "{name} : dans {count} jours.",
    },
    "is_on_today": {"en": "{name} takes place today.", "fr": "{name} : aujourd'hui."},
    "starts_in_hours#one": {
        "en": "{name} starts in about an hour.",
        "fr": "{name} : début dans une heure environ.",
    },
    "starts_in_hours#other": {
        "en": "{name} starts in about {count} hours.",
        "fr": "{name} : début dans {count} heures environ.",
    },
    "on_now_day": {
        "en": "{name} is on now (day {day} of {total}).",
        "fr": "{name} : en cours (jour {day} sur {total}).",
    },
    "on_now": {"en": "{name} is on now.", "fr": "{name} : en cours."},
    "held_ago#one": {"en": "{name} was held yesterday.", "fr": "{name} : a eu lieu hier."},
    "held_ago#other": {
        "en": "{name} was held {count} days ago.",
        "fr": "{name} : a eu lieu il y a {count} jours.",
    },
    "held_today": {"en": "{name} was held today.", "fr": "{name} : a eu lieu aujourd'hui."},
    "vague_future": {
        "en": "{name} is expected in {when}; the days are not stated.",
        "fr": "{name} : prévu en {when} ; les jours ne sont pas indiqués.",
    },
    "vague_ongoing": {
        "en": "{name} takes place in {when}; the days are not stated, so it may be on now.",
        "fr": "{name} : en {when} ; les jours ne sont pas indiqués, cela peut être en ce moment.",
    },
    "vague_past": {
        "en": "{name} was held in {when}; the days are not stated.",
        "fr": "{name} : a eu lieu en {when} ; les jours ne sont pas indiqués.",
    },
    # Facts about one event -----------------------------------------------------------------------
    "dates": {"en": "Dates: {span}", "fr": "Dates : {span}"},
    "date": {"en": "Date: {span}", "fr": "Date : {span}"},
    "place": {"en": "Place: {place}", "fr": "Lieu : {place}"},
    "place_unstated": {"en": "Place: not stated", "fr": "Lieu : non indiqué"},
    "body": {"en": "Who meets: {body}", "fr": "Qui se réunit : {body}"},
    "status_tentative": {"en": "Status: tentative", "fr": "Statut : provisoire"},
    "status_cancelled": {"en": "Status: cancelled", "fr": "Statut : annulé"},
    # {place} comes with its preposition: "in Geneva, Switzerland", "à Genève (Suisse)".
    "where_is": {"en": "{name} is held {place}.", "fr": "{name} : a lieu {place}."},
    "where_was": {"en": "{name} was held {place}.", "fr": "{name} : a eu lieu {place}."},
    "where_unstated": {
        "en": "{name}: the place is not stated.",
        "fr": "{name} : le lieu n'est pas indiqué.",
    },
    "lasts_days#one": {
        "en": "{name} lasts one day: {span}.",
        "fr": "{name} : dure un jour, le {span}.",
    },
    "lasts_days#other": {
        "en": "{name} lasts {count} days: {span}.",
        "fr": "{name} : dure {count} jours, {span}.",
    },
    "lasts_days_past#one": {
        "en": "{name} lasted one day: {span}.",
        "fr": "{name} : a duré un jour, le {span}.",
    },
    "lasts_days_past#other": {
        "en": "{name} lasted {count} days: {span}.",
        "fr": "{name} : a duré {count} jours, {span}.",
    },
    "lasts_hours_past#one": {
        "en": "{name} lasted about an hour: {span}.",
        "fr": "{name} : a duré environ une heure, {span}.",
    },
    "lasts_hours_past#other": {
        "en": "{name} lasted about {count} hours: {span}.",
        "fr": "{name} : a duré environ {count} heures, {span}.",
    },
    "lasts_hours#one": {
        "en": "{name} lasts about an hour: {span}.",
        "fr": "{name} : dure environ une heure, {span}.",
    },
    "lasts_hours#other": {
        "en": "{name} lasts about {count} hours: {span}.",
        "fr": "{name} : dure environ {count} heures, {span}.",
    },
    "lasts_unknown": {
        "en": "{name}: the length is not known; the sources give only {when}.",
        "fr": "{name} : la durée n'est pas connue ; les sources indiquent seulement {when}.",
    },
    "ends_on": {"en": "It ends on {day}.", "fr": "Fin le {day}."},
    "ends_on_named": {"en": "{name} ends on {day}.", "fr": "{name} : fin le {day}."},
    "opens_on_named": {"en": "{name} opens on {day}.", "fr": "{name} : ouverture le {day}."},
    "opened_on": {"en": "{name} opened on {day}.", "fr": "{name} : ouverture le {day}."},
    "ended_on": {"en": "{name} ended on {day}.", "fr": "{name} : a pris fin le {day}."},
    "status_is_confirmed": {
        "en": "{name} is confirmed in this calendar ({span}); nothing says it is cancelled or "
        "postponed.",
        "fr": "{name} : confirmé dans ce calendrier ({span}) ; rien n'indique une annulation ni "
        "un report.",
    },
    "status_is_tentative": {
        "en": "{name} is tentative in this calendar ({span}): not yet confirmed.",
        "fr": "{name} : provisoire dans ce calendrier ({span}), pas encore confirmé.",
    },
    "status_is_cancelled": {
        "en": "{name} is cancelled (it was planned for {span}).",
        "fr": "{name} : annulé (c'était prévu {span}).",
    },
    "from_elsewhere": {
        "en": "Shown anyway, from another source (not {document}): {source}",
        "fr": "Indiqué malgré tout, d'après une autre source (pas {document}) : {source}",
    },
    # What the resolution does not state (French; English uses the events file's own notes).
    "unstated_location": {
        "fr": "La résolution ne précise pas le lieu.",
        "en": "The place is not stated.",
    },
    "unstated_venue": {
        "fr": "La résolution nomme la ville mais pas le bâtiment.",
        "en": "The resolution names the city but not the venue.",
    },
    "unstated_time": {
        "fr": "La résolution ne donne que la date, sans heure.",
        "en": "The resolution gives the date only, no time of day.",
    },
    "unstated_days": {
        "fr": "La résolution ne donne pas les jours, seulement le mois.",
        "en": "The resolution does not give the days.",
    },
    "unstated_start": {
        "fr": "La résolution ne donne pas de date pour cet élément.",
        "en": "The resolution gives no date for this.",
    },
    "unstated_programme": {
        "fr": "La résolution ne précise pas le programme jour par jour.",
        "en": "The resolution does not give the programme day by day.",
    },
    "unstated_other": {"fr": "Non indiqué par la résolution : {note}", "en": "{note}"},
    # Lists, days, what is next -------------------------------------------------------------------
    "next_heading": {"en": "Next:", "fr": "Prochainement :"},
    "next_kind_heading": {"en": "Next ({kind}):", "fr": "Prochainement ({kind}) :"},
    "nothing_next": {
        "en": "Nothing else is planned in this calendar.",
        "fr": "Plus rien n'est prévu dans ce calendrier.",
    },
    "nothing_next_kind": {
        "en": "No more {kind} are planned in this calendar.",
        "fr": "Plus aucune de ces {kind} n'est prévue dans ce calendrier.",
    },
    "now_heading": {"en": "On now:", "fr": "En cours :"},
    "nothing_now": {"en": "Nothing is on right now.", "fr": "Rien n'est en cours en ce moment."},
    "on_day": {"en": "{label}:", "fr": "{label} :"},
    "nothing_on": {
        "en": "{label}: nothing in this calendar.",
        "fr": "{label} : rien dans ce calendrier.",
    },
    "after_that": {"en": "After that: {item}", "fr": "Ensuite : {item}"},
    "today_label": {"en": "Today, {day}", "fr": "Aujourd'hui, {day}"},
    "tomorrow_label": {"en": "Tomorrow, {day}", "fr": "Demain, {day}"},
    "yesterday_label": {"en": "Yesterday, {day}", "fr": "Hier, {day}"},
    "list_heading#one": {"en": "One event:", "fr": "Un événement :"},
    "list_heading#other": {"en": "{count} events:", "fr": "{count} événements :"},
    "list_more": {"en": "… and {more} more.", "fr": "… et {more} de plus."},
    "list_empty": {
        "en": "No events in this calendar.",
        "fr": "Aucun événement dans ce calendrier.",
    },
    "kind_meeting": {"en": "meetings", "fr": "réunions"},
    "kind_conference": {"en": "conferences", "fr": "conférences"},
    "item": {"en": "{span} — {name}", "fr": "{span} — {name}"},
    "more_pages": {
        "en": "(continued in the next message)",
        "fr": "(suite dans le message suivant)",
    },
    # Provenance and the resolution ---------------------------------------------------------------
    "sources_heading": {"en": "Sources for {name}:", "fr": "Sources pour {name} :"},
    "no_sources": {"en": "No source is recorded for {name}.", "fr": "Aucune source pour {name}."},
    "source_line": {
        "en": "{document}, {paragraph}: {quote}",
        "fr": "{document}, {paragraph} : {quote}",
    },
    "source_line_bare": {"en": "{document}, {paragraph}", "fr": "{document}, {paragraph}"},
    "mentioned_in": {
        "en": "Mentioned in {document}: {paragraphs}",
        "fr": "Mentionné dans {document} : {paragraphs}",
    },
    "paragraphs_heading": {
        "en": "What these paragraphs of {document} say:",
        "fr": "Ce que disent ces paragraphes de {document} :",
    },
    "preamble": {"en": "preambular paragraph {number}", "fr": "alinéa {number} du préambule"},
    "operative": {"en": "operative paragraph {number}", "fr": "paragraphe {number} du dispositif"},
    "footnote": {"en": "footnote {number}", "fr": "note {number}"},
    "part_header": {"en": "heading", "fr": "en-tête"},
    "part_footer": {
        "en": "closing line (plenary meeting and date)",
        "fr": "ligne finale (séance plénière et date)",
    },
    "paragraph_line": {"en": "{label}: {summary}", "fr": "{label} : {summary}"},
    "paragraph_unknown": {
        "en": "{document} has 6 preambular and 13 operative paragraphs; that one does not exist.",
        "fr": "{document} compte 6 alinéas de préambule et 13 paragraphes de dispositif ; "
        "celui-ci n'existe pas.",
    },
    "paragraph_footnotes": {"en": "Footnotes: {numbers}", "fr": "Notes : {numbers}"},
    "paragraph_events": {"en": "Events: {names}", "fr": "Événements : {names}"},
    "paragraph_meetings": {"en": "Meetings concerned:", "fr": "Réunions concernées :"},
    "place_heading#one": {"en": "One event in {place}:", "fr": "Un événement {place} :"},
    "place_heading#other": {
        "en": "{count} events in {place}:",
        "fr": "{count} événements {place} :",
    },
    "place_none": {
        "en": "Nothing in this calendar in {place}.",
        "fr": "Rien {place} dans ce calendrier.",
    },
    "place_unstated_events": {
        "en": "The sources do not say where these are held: {names}.",
        "fr": "Les sources ne disent pas où se tiennent : {names}.",
    },
    "footnote_line": {
        "en": "Footnote {number} of {document}: {citation}",
        "fr": "Note {number} de {document} : {citation}",
    },
    "footnote_cites": {
        "en": "It cites {reference} for {subject}.",
        "fr": "Elle cite {reference} pour {subject}.",
    },
    "footnote_where": {"en": "Used in: {paragraphs}", "fr": "Appelée dans : {paragraphs}"},
    "footnote_unknown": {
        "en": "{document} has footnotes 1 to 11; that one does not exist.",
        "fr": "{document} a des notes de 1 à 11 ; celle-ci n'existe pas.",
    },
    "document_title": {"en": "{symbol}: {title}", "fr": "{symbol} : {title}"},
    "document_to_be_adopted": {
        "en": "To be adopted by the General Assembly on {day} at its {meeting}, on the report of "
        "the {committee} ({report}); {session}, agenda item {item}.",
        "fr": "Sera adoptée par l'Assemblée générale le {day} ({meeting}), sur le rapport de la "
        "{committee} ({report}) ; {session}, point {item} de l'ordre du jour.",
    },
    "document_adopted": {
        "en": "Adopted by the General Assembly on {day} at its {meeting}, on the report of the "
        "{committee} ({report}); {session}, agenda item {item}.",
        "fr": "Adoptée par l'Assemblée générale le {day} ({meeting}), sur le rapport de la "
        "{committee} ({report}) ; {session}, point {item} de l'ordre du jour.",
    },
    "document_parts": {
        "en": "It has {preamble} preambular and {operative} operative paragraphs and {footnotes} "
        "footnotes; it recalls {recalls}.",
        "fr": "Elle compte {preamble} alinéas de préambule, {operative} paragraphes de dispositif "
        "et {footnotes} notes ; elle rappelle {recalls}.",
    },
    "document_events#one": {
        "en": "One event in this calendar comes from it.",
        "fr": "Un événement de ce calendrier en provient.",
    },
    "document_events#other": {
        "en": "{count} events in this calendar come from it.",
        "fr": "{count} événements de ce calendrier en proviennent.",
    },
    "document_decides": {"en": "What it says:", "fr": "Ce qu'elle dit :"},
    "instrument_line": {
        "en": "{short}: {name} — covers {covers}.",
        "fr": "{short} : {name} — porte sur {covers}.",
    },
    "instrument_meetings": {"en": "Related meeting:", "fr": "Réunion liée :"},
    "mention_undated": {
        "en": "{document} names {name} ({paragraphs}) but states neither its date nor its place, "
        "so it is not in this calendar. What the resolution says about it:",
        "fr": "{document} mentionne {name} ({paragraphs}) sans en indiquer ni la date ni le lieu, "
        "d'où son absence de ce calendrier. Ce qu'en dit la résolution :",
    },
    "mention_heading": {
        "en": "{document} on {name} ({paragraphs}):",
        "fr": "{document} sur {name} ({paragraphs}) :",
    },
    "instrument_footnotes": {
        "en": "Footnote {numbers}: {references}",
        "fr": "Note {numbers} : {references}",
    },
    "agenda_intro": {
        "en": "In operative paragraph 13 of A/RES/62/57 the General Assembly decided to include in "
        "the provisional agenda of its sixty-third session the item entitled “{title}”.",
        "fr": "Au paragraphe 13 du dispositif de A/RES/62/57, l'Assemblée générale a décidé "
        "d'inscrire à l'ordre du jour provisoire de sa soixante-troisième session la question "
        "intitulée « {title} ».",
    },
    # Subscribing, help, and questions calbot cannot answer ---------------------------------------
    "subscribe_link": {
        "en": "Add every meeting to your calendar app with this link: {url}",
        "fr": "Ajoutez toutes les réunions à votre agenda avec ce lien : {url}",
    },
    "subscribe_no_link": {
        "en": "Add every meeting to your calendar app: the feed is /calendar.ics on this bot's web "
        "address.",
        "fr": "Ajoutez toutes les réunions à votre agenda : le flux est /calendar.ics à l'adresse "
        "web de ce bot.",
    },
    "subscribe_reminders": {
        "en": "For reminders in this chat, send /subscribe followed by an event, "
        "e.g. /subscribe msp.",
        "fr": "Pour des rappels dans cette conversation, envoyez /subscribe suivi d'un événement, "
        "par ex. /subscribe msp.",
    },
    "help_intro": {
        "en": "I answer questions about the meetings of {document}. Try:",
        "fr": "Je réponds aux questions sur les réunions de {document}. Essayez :",
    },
    "help_examples": {
        "en": "What's on tomorrow?|What's next?|List the meetings|How do I subscribe?",
        "fr": "Qu'est-ce qui se passe demain ?|Prochaine réunion|Liste des réunions"
        "|Comment s'abonner ?",
    },
    "out_of_scope": {
        "en": "Sorry, I can only answer questions about the meetings in this calendar.",
        "fr": "Désolé, je ne réponds qu'aux questions sur les réunions de ce calendrier.",
    },
    "not_in_calendar": {
        "en": "“{name}” is not in this calendar, so I have no date for it.",
        "fr": "« {name} » ne figure pas dans ce calendrier : je n'ai donc aucune date à donner.",
    },
    "calendar_holds": {"en": "This calendar holds:", "fr": "Ce calendrier contient :"},
    "and_more": {"en": "… and {more} more.", "fr": "… et {more} autres."},
    "after_heading": {"en": "After {label}:", "fr": "Après {label} :"},
    "before_heading": {"en": "Before {label}:", "fr": "Avant {label} :"},
    "nothing_after": {
        "en": "Nothing in this calendar comes after {label}.",
        "fr": "Rien dans ce calendrier ne vient après {label}.",
    },
    "nothing_before": {
        "en": "Nothing in this calendar comes before {label}.",
        "fr": "Rien dans ce calendrier ne vient avant {label}.",
    },
    "date_dmy_label": {
        "en": "{day} (read as day/month)",
        "fr": "{day} (lu comme jour/mois)",
    },
    "date_mdy_label": {
        "en": "{day} (read as month/day)",
        "fr": "{day} (lu comme mois/jour)",
    },
    "yes": {"en": "Yes.", "fr": "Oui."},
    "no": {"en": "No.", "fr": "Non."},
    "last_day_is": {
        "en": "The last day of {name} is {day}.",
        "fr": "Le dernier jour de {name} est le {day}.",
    },
    "working_days#one": {
        "en": "{name} has 1 working day (Monday to Friday).",
        "fr": "{name} compte 1 jour ouvrable (du lundi au vendredi).",
    },
    "working_days#other": {
        "en": "{name} has {count} working days (Monday to Friday).",
        "fr": "{name} compte {count} jours ouvrables (du lundi au vendredi).",
    },
    "span_total#one": {"en": "In all: 1 day ({span}).", "fr": "En tout : 1 jour ({span})."},
    "span_total#other": {
        "en": "In all: {count} days, {span}.",
        "fr": "En tout : {count} jours, {span}.",
    },
    "glossary": {"en": "{term} stands for: {meaning}.", "fr": "{term} signifie : {meaning}."},
    "document_dates": {
        "en": "The meetings {symbol} names, with their dates:",
        "fr": "Les réunions que nomme {symbol}, avec leurs dates :",
    },
    "document_itself_adopted": {
        "en": "{day} — adoption of {document} itself",
        "fr": "{day} — adoption de {document} elle-même",
    },
    "undated_mention": {
        "en": "{name}: the resolution gives no date.",
        "fr": "{name} : la résolution ne donne pas de date.",
    },
    "timezone_found": {
        "en": (
            "{place} is in the time zone {zone}. Send /timezone {zone} to use it for your "
            "dates and reminders."
        ),
        "fr": (
            "{place} est dans le fuseau horaire {zone}. Envoyez /timezone {zone} pour "
            "l'utiliser pour vos dates et rappels."
        ),
    },
    "timezone_choices": {
        "en": "{place} has several time zones: {zones}. Send /timezone with the one you want.",
        "fr": (
            "{place} a plusieurs fuseaux horaires : {zones}. Envoyez /timezone avec celui que "
            "vous voulez."
        ),
    },
    "timezone_unknown": {
        "en": (
            "I do not know the time zone of “{place}”. Try a city (/timezone Geneva) or a "
            "zone name (/timezone Europe/Zurich)."
        ),
        "fr": (
            "Je ne connais pas le fuseau horaire de « {place} ». Essayez une ville (/timezone "
            "Genève) ou un nom de fuseau (/timezone Europe/Zurich)."
        ),
    },
    "btn_stop_all": {"en": "Stop all reminders", "fr": "Arrêter tous les rappels"},
    "btn_subscribe_all": {
        "en": "Subscribe to all meetings",
        "fr": "S'abonner à toutes les réunions",
    },
    "timezone_location_unknown": {
        "en": (
            "I cannot tell the time zone of that place. Send /timezone with a city, e.g. "
            "/timezone Geneva."
        ),
        "fr": (
            "Je ne trouve pas le fuseau horaire de ce lieu. Envoyez /timezone avec une ville, "
            "par exemple /timezone Genève."
        ),
    },
    "unsubscribe_offer": {
        "en": (
            "To stop all reminders, press the button below (or send /unsubscribe). Nothing is "
            "stopped until you confirm."
        ),
        "fr": (
            "Pour arrêter tous les rappels, envoyez /unsubscribe. Rien n'est arrêté avant "
            "votre confirmation."
        ),
    },
    "changes_explained": {
        "en": (
            "Subscribers are told when a meeting in this calendar is moved, changed or "
            "cancelled. Send /subscribe to get these notices with your reminders."
        ),
        "fr": (
            "Les abonnés sont prévenus quand une réunion de ce calendrier est déplacée, "
            "modifiée ou annulée. Envoyez /subscribe pour recevoir ces avis avec vos rappels."
        ),
    },
    "unknown": {"en": "Sorry, I did not understand that.", "fr": "Désolé, je n'ai pas compris."},
    "thanks": {
        "en": "Glad to help. Ask me anything else about the meetings in this calendar.",
        "fr": "Avec plaisir. Posez-moi d'autres questions sur les réunions de ce calendrier.",
    },
    "no_times": {
        "en": "The sources give dates only, no time of day, for these meetings.",
        "fr": "Les sources ne donnent que des dates, sans heure, pour ces réunions.",
    },
    "ambiguous": {"en": "Which one do you mean?", "fr": "Laquelle voulez-vous dire ?"},
}
