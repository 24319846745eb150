"""Texts of the personal feed (/myfeed) and of channels (/channel), in English and French."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "menu_myfeed": {
        "en": "Your own calendar feed of the meetings you follow",
        "fr": "Votre propre flux d'agenda des réunions suivies",
    },
    "menu_channel": {
        "en": "Post reminders in a channel you administer",
        "fr": "Publier les rappels dans une chaîne que vous administrez",
    },
    "btn_outlook_work": {"en": "Outlook (Microsoft 365)", "fr": "Outlook (Microsoft 365)"},
    "myfeed_head": {
        "en": "<b>Your personal calendar</b>: only the meetings this chat subscribed to, with "
        "reminders at your lead times. It follows every change.",
        "fr": "<b>Votre agenda personnel</b> : seulement les réunions suivies dans cette "
        "conversation, avec des rappels à vos délais. Il suit chaque changement.",
    },
    "myfeed_new_head": {
        "en": "<b>New link.</b> The old one no longer works; subscribe your calendar apps again "
        "with this one.",
        "fr": "<b>Nouveau lien.</b> L'ancien ne fonctionne plus ; réabonnez vos applications "
        "d'agenda avec celui-ci.",
    },
    "myfeed_links": {
        "en": '{url}\n\n• Apple Calendar, Thunderbird and others: <a href="{webcal}">webcal '
        'link</a>\n• Google Calendar: <a href="{google}">add by URL</a>\n• Outlook: <a '
        'href="{outlook}">personal account</a> · <a href="{outlook_work}">Microsoft 365 work '
        "account</a>",
        "fr": '{url}\n\n• Apple Calendrier, Thunderbird et autres : <a href="{webcal}">lien '
        'webcal</a>\n• Google Agenda : <a href="{google}">ajouter par URL</a>\n• Outlook : <a '
        'href="{outlook}">compte personnel</a> · <a href="{outlook_work}">compte '
        "professionnel Microsoft 365</a>",
    },
    "myfeed_private": {
        "en": "Keep this link private: anyone who has it sees this chat's meetings. "
        "/myfeed reset makes a new link and turns this one off.",
        "fr": "Gardez ce lien pour vous : qui l'a voit les réunions de cette conversation. "
        "/myfeed reset crée un nouveau lien et désactive celui-ci.",
    },
    "myfeed_empty": {
        "en": "This chat follows no meeting yet, so the calendar is empty: /subscribe adds them.",
        "fr": "Cette conversation ne suit encore aucune réunion, l'agenda est donc vide : "
        "/subscribe en ajoute.",
    },
    "myfeed_usage": {
        "en": "/myfeed shows your personal calendar link; /myfeed reset replaces it.",
        "fr": "/myfeed affiche le lien de votre agenda personnel ; /myfeed reset le remplace.",
    },
    "google_refresh_note": {
        "en": "Google Calendar fetches a subscribed calendar only every several hours (sometimes "
        "a day), so changes reach it late; Apple Calendar and Outlook check more often. Google "
        "can subscribe only to a public HTTPS address.",
        "fr": "Google Agenda ne relit un agenda abonné que toutes les quelques heures (parfois "
        "une journée) : les changements y arrivent en retard ; Apple Calendrier et Outlook "
        "vérifient plus souvent. Google ne s'abonne qu'à une adresse HTTPS publique.",
    },
    "https_warning": {
        "en": "⚠️ This calbot is served at {base}, which is not a public HTTPS address: Google "
        "Calendar and Outlook on the web cannot fetch feeds from it.",
        "fr": "⚠️ Ce calbot est servi à {base}, qui n'est pas une adresse HTTPS publique : "
        "Google Agenda et Outlook sur le web ne peuvent pas y lire les flux.",
    },
    "myfeed_help": {
        "en": "/myfeed – your own calendar feed: the meetings you subscribed to, with your "
        "reminders; /myfeed reset – a new private link",
        "fr": "/myfeed – votre propre flux d'agenda : les réunions suivies, avec vos rappels ; "
        "/myfeed reset – un nouveau lien privé",
    },
    "channel_help": {
        "en": "Channels: add me to your channel as an administrator allowed to post, then, here "
        "in a private chat: /channel @yourchannel subscribe [meeting] [lead times], /channel "
        "@yourchannel unsubscribe [meeting], /channel @yourchannel digest 08:00|off, /channel "
        "@yourchannel leads [lead times], /channel @yourchannel reminders. Only the channel's "
        "administrators can.",
        "fr": "Chaînes : ajoutez-moi à votre chaîne comme administrateur autorisé à publier, "
        "puis, ici en conversation privée : /channel @votrechaine subscribe [réunion] [délais], "
        "/channel @votrechaine unsubscribe [réunion], /channel @votrechaine digest 08:00|off, "
        "/channel @votrechaine leads [délais], /channel @votrechaine reminders. Seuls les "
        "administrateurs de la chaîne le peuvent.",
    },
    "channel_private_only": {
        "en": "Manage a channel from a private chat with me: /channel",
        "fr": "Gérez une chaîne depuis une conversation privée avec moi : /channel",
    },
    "channel_unknown": {
        "en": "I am not in {name}. Add me to the channel as an administrator allowed to post "
        "messages, then try again.",
        "fr": "Je ne suis pas dans {name}. Ajoutez-moi à la chaîne comme administrateur autorisé "
        "à publier, puis réessayez.",
    },
    "channel_cannot_post": {
        "en": "I am in {name} but may not post there: make me an administrator allowed to post "
        "messages.",
        "fr": "Je suis dans {name} mais ne peux pas y publier : faites de moi un administrateur "
        "autorisé à publier.",
    },
    "channel_not_admin": {
        "en": "Only an administrator of {name} can change what I post there.",
        "fr": "Seul un administrateur de {name} peut changer ce que j'y publie.",
    },
    "channel_bad_action": {
        "en": "Write /channel {name} subscribe, unsubscribe, digest or reminders.",
        "fr": "Écrivez /channel {name} subscribe, unsubscribe, digest ou reminders.",
    },
    "channel_list_head": {
        "en": "Channels you manage with me:",
        "fr": "Chaînes que vous gérez avec moi :",
    },
    "channel_list_none": {
        "en": "You administer no channel I am in.",
        "fr": "Vous n'administrez aucune chaîne où je suis.",
    },
    "channel_done": {
        "en": "<b>{name}</b>: {reply}",
        "fr": "<b>{name}</b> : {reply}",
    },
    "channel_button": {
        "en": "Open @{bot} in a private chat to use this button.",
        "fr": "Ouvrez @{bot} en conversation privée pour utiliser ce bouton.",
    },
    "channel_button_admin": {
        "en": "Only a channel administrator can change this, from a private chat: /channel",
        "fr": "Seul un administrateur de la chaîne peut changer cela, en privé : /channel",
    },
}
