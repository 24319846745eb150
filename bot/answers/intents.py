"""Intents: what kind of answer a question wants, read from its words (English and French here;
Spanish, Russian, Chinese and Arabic phrases in words.yaml).

Patterns run on normalized text (lowercase, no accents, punctuation as spaces), so "Où ?", "ou" and
"OÙ" read alike. The engine decides which intent wins once it knows which events the question names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from bot.answers.words import phrases
from bot.events.lookup import STOPWORDS, normalize


class Intent(StrEnum):
    """What a question asks for; the rules of ``bot.answers.rules`` guard on these. Each but
    THANKS is read by the pattern of the same name in ``_PATTERNS``."""

    HELP = "help"
    SUBSCRIBE = "subscribe"
    COUNTDOWN = "countdown"
    DURATION = "duration"
    WHERE = "where"
    WHEN = "when"
    NOW = "now"
    NEXT = "next"
    LIST = "list"
    WHAT = "what"
    PROVENANCE = "provenance"
    RESOLUTION = "resolution"
    DECIDE = "decide"
    AGENDA = "agenda"
    PROTOCOLS = "protocols"
    START = "start"
    END = "end"
    TIME = "time"
    STATUS = "status"
    WHO = "who"
    DOCUMENT_FACTS = "document_facts"
    FOOTNOTES = "footnotes"
    AFTER = "after"
    BEFORE = "before"
    STATE = "state"
    WORKING_DAYS = "working_days"
    TOTAL = "total"
    GLOSSARY = "glossary"
    DOCUMENT_DATES = "document_dates"
    TIMEZONE = "timezone"
    UNSUBSCRIBE = "unsubscribe"
    CHANGES = "changes"
    MEETING = "meeting"
    CONFERENCE = "conference"
    THANKS = "thanks"


_PATTERNS: dict[str, str] = {
    "help": r"^ (help|aide|start|menu|hi|hello|hey|bonjour|salut|commands?|commandes?) $"
    r"| what can you (do|answer)| que (sais|peux) tu| comment ca marche| how does (this|it) work",
    "subscribe": r" subscri| feed | ical | ics | webcal| abonn| flux | add (it |this |them )?to my "
    r"| remind me| reminders? | rappelle moi| rappels? "
    r"| calendar (link|url|file|feed)| google calendar| outlook| apple calendar",
    "countdown": r" how long (until|till|til|before|to go|ago)"
    r"| how many days (until|till|before|to|left|are left|remain)| how many more days"
    r"| how soon| countdown| days (are )?left| combien de (jours|temps) (avant|jusqu|reste|encore)"
    r"| dans combien de| compte a rebours| time left| jours restants| il y a combien",
    "duration": r" how long (is|does|will|was|did|do|are|were)?"
    r"| how many days (is|does|was|will|did)"
    r"| duration| duree| combien de (temps|jours) (dure|durera|a dure)| length of| lasts? "
    r"| (dure|durera|a dure|duree) (t elle |t il )?combien| how many days long",
    "where": r" where | venue| location | located | which city| what city| what place"
    r"|^ ?ou | ou (se|a|aura|auront|est|sont|ont|etait|ce) | quel lieu| quelle ville"
    r"| a quel endroit"
    r"| dans quelle ville| lieu de| (wher|wehre|whre|whereabouts) ",
    "when": r" when | what date| which date| what day| which day| dates? of| what time| quand "
    r"| quelle date| quel jour| a quelle date| a quelle heure| les dates? "
    r"| what are the dates| what dates| which dates| quelle est la date| quelles sont les dates"
    r"| c est quand| c est quel jour| on what date| (whne|wehn|whn|wen) (is|does|was|will) ",
    "now": r" right now| currently| happening now| on now| ongoing| at the moment| en cours"
    r"| maintenant| actuellement| en ce moment",
    "next": r" next | upcoming| coming up| soon | prochaine?s? | a venir| suivante?s? ",
    "list": r" list | all (the )?(events|meetings|conferences)| every | events | schedule"
    r"| calendar | liste | tous les | toutes les | programme | calendrier | what meetings"
    r"| which meetings| what conferences| les reunions | les conferences | les evenements "
    r"| how many (events|meetings|conferences)| quelles (reunions|conferences)"
    r"| quels evenements| combien (de|d) (reunions|conferences|evenements)"
    r"| where are (the |all the )?(meetings|conferences|events)"
    r"| ou (ont lieu|se tiennent|sont) (les|toutes les) (reunions|conferences)",
    "what": r" what (is|s|are|was|were|does|did) | tell me about| describe| about | info"
    r"| details| qu est ce| c est quoi| parle moi| de quoi| explain| purpose| what for ",
    "provenance": r" which paragraphs?| what paragraphs?| quels? paragraphes?| sources?"
    r"| quel est le paragraphe| paragraphe sur| paragraph (about|on) "
    r"| provenance| where does (it|the resolution) say| mentions?| mentionne| cites?"
    r"| d ou vient| reference| evidence| proof| according to| selon quel",
    "resolution": r" resolution| 62 57| a res| resolutions ",
    "decide": r" decide| decides| say| says| said| dit | contient| contain| about| sur quoi"
    r"| summar| resume",
    "agenda": r" agenda| ordre du jour| sixty third session| 63rd session| 63e session"
    r"| soixante troisieme session| 63 session",
    "protocols": r" protocols | protocoles | the protocols| les protocoles",
    # When it starts: the first day, rather than the whole span.
    "start": r" (does|will|did) (the |it )?.*(start|begin|open)\b| start date| first day"
    r"| opening day| (commence|debute|ouvre) (t elle|t il)?| premier jour",
    # When it ends, rather than when it is.
    "end": r" end | ends | ending | finish| over | close | closes | conclude| last day"
    r"| se termine| termine| prend fin| fin | finit| s acheve| dernier jour| jusqu a quand",
    "time": r" what time| at what time| a quelle heure| (start|starting|begin) time| o clock"
    r"| heure de debut| quelle heure",
    "status": r" cancel| postpone| delayed| still on| still happening| going ahead| confirmed"
    r"| status| statut"
    r"| annul| reporte| maintenu| confirme",
    "who": r" who (convenes|organi[sz]es|chairs|runs|attends|meets|takes part|participates"
    r"|is invited|can attend|is the chair)| organi[sz]er| convened by| chaired by"
    r"| qui (organise|convoque|preside|participe|se reunit|peut participer)",
    # Facts about the resolution itself: who adopted it, on which report, under which item.
    "document_facts": r" first committee| premiere commission| report number| which report"
    r"| quel rapport| plenary| pleniere| which session| quelle session| agenda item (number|no )"
    r"| which committee| quelle commission"
    r"| quel point de l ordre",
    "footnotes": r" footnotes | which documents| what documents| documents (does|do|did) .*cite"
    r"| les notes | quels documents| documents cites",
    # What comes after or before a meeting or a day.
    "after": r" (what|anything|something|which meeting|what meeting)s? (comes |is |s )?after "
    r"| next after | after (today s|this|that|the) "
    r"| (qu est ce qui|que se passe t il|quoi) (vient )?apres | apres (la|le|l|cette|ce) ",
    "before": r" (what|anything|something|which meeting)s? (comes |is |s )?before "
    r"| (qu est ce qui|quoi) (vient )?avant ",
    # A yes-or-no question about where a meeting stands.
    "state": r" still (going|on|running|happening|underway)| is today the last day| last day of"
    r"| started yet| begun yet| has (it|the .*) (started|begun)| toujours en cours"
    r"| dernier jour (de|du)| a t elle commence| deja commence",
    "working_days": r" working days| business days| weekdays| jours ouvrables| jours ouvres",
    "total": r" in total| altogether| all together| en tout| au total",
    "glossary": r" mean | means | stand for| stands for| short for| abbreviation| acronym"
    r"| veut dire| signifie| sigle",
    "document_dates": r" dates (are )?(mentioned|named|cited|given|in the resolution)"
    r"| (meetings|dates) does (it|the resolution) (mention|name|give|cite)"
    r"| (toutes les|quelles) dates (sont )?(mentionnees|citees|de la resolution)"
    r"| quelles reunions (passees )?(la resolution|elle) mentionne",
    # Actions in plain words.
    "timezone": r" time ?zone| my zone| fuseau| heure locale",
    "unsubscribe": r" unsubscribe| stop (sending|the reminders|reminders|reminding|notif|all)"
    r"| no more reminders| desabonn| desinscri| plus de rappels| arret(e|ez|er) (les rappels|de m)",
    "changes": r" (if|when|whenever) (a |the |any )?(meeting|date|dates|event|conference)s? "
    r"(is |are |get |gets )?(moved|change|changes|changed|rescheduled|postponed|cancell?ed)"
    r"| notify me| let me know (if|when)| tell me (if|when) .* (change|move)| previen(s|nez)[ -]moi"
    r"| si (une|la|les) (reunion|date)s? (change|est deplacee|sont deplacees)",
}
_COMPILED = {Intent(name): re.compile(pattern) for name, pattern in _PATTERNS.items()}

_FOOTNOTE = re.compile(r" (?:footnote|foot note|note de bas de page|note) (?:no |n )?(\d{1,2}) ")
_PARAGRAPH = re.compile(
    r" (?:(?P<kind1>operative|op|preambular|preamble|pp|preambule|dispositif)\s+)?"
    r"(?:paragraph|paragraphe|para|alinea)?\s*(?:no |n )?(?P<number>\d{1,2})"
    r"(?:st|nd|rd|th|e|er)?(?:\s+(?P<kind2>preambular|operative|du preambule|du dispositif"
    r"|of the preamble))? "
)
_PARAGRAPH_WORD = re.compile(
    r" (paragraph|paragraphe|para|alinea|preambular|preamble|operative|op|pp|preambule) "
)
_SYMBOL = re.compile(
    r"\b(A/RES/62/57|A/62/395|A/63/PV\.1|CCW/[A-Z0-9./]+(?:\s*\(Part [IVX]+\))?|61/100|62/57)",
    re.IGNORECASE,
)
_INSTRUMENT = re.compile(r" (amended )?protocol(?:e)? (i|ii|iii|iv|v|1|2|3|4|5)( modifie)? ")
_EVENT_WORDS = re.compile(
    r" (conference|meeting|reunion|committee|comite|prepcom|session|msp|gge|conferences|meetings) "
)
_CONVENTION = re.compile(r" (the )?(ccw|convention)( sur| on)? ")
_KIND_WORDS = {
    "meeting": re.compile(r" (meetings?|reunions?) "),
    "conference": re.compile(r" (conferences?) "),
}
_ROMAN = {"1": "i", "2": "ii", "3": "iii", "4": "iv", "5": "v"}

# Words that belong to questions about a calendar but name no event: their presence does not make a
# question off-topic.
_NEUTRAL_TEXT = """
    anything something nothing happening happen happens going scheduled planned plan event
    events calendar meetings meeting conference conferences there on now today tomorrow
    yesterday week month weekend tonight morning afternoon evening year upcoming coming soon
    currently right moment ongoing countdown left remaining duration length lasts last much
    days weeks hours minutes list every schedule programme show know want like could would tell
    find see get paragraph paragraphs preamble preambular operative footnote note notes
    resolution document decide decides decided say says said mean means subscribe feed link url
    reminders reminder passe passera prevu prevue prevus evenement evenements reunions quoi
    rien semaine mois annee aujourd hui demain hier apres soir matin dure duree jours heures
    temps reste encore liste tous toutes programme calendrier resolution paragraphe alinea note
    dispositif preambule dit decide abonner abonnement flux rappel rappels y a t il ya est ce
    hello hi thanks thank merci ok okay yes no oui non bonjour salut help aide please svp stp
    us happened happening ago passe passait maintenant actuellement moment weekend end ending
    over finish finished close closes last time clock heure heures start starts cancelled
    canceled postponed confirmed annulee annule reportee maintenu confirme termine fin finit
    prend organise organises organizes convenes chairs attend attends who qui dates jour
    remain left restants combien many much status statut participe participates participate
    attending attendees quelque chose sommes nous
"""
NEUTRAL_WORDS = frozenset(_NEUTRAL_TEXT.split())

# A message made only of thanks or goodbye ("thanks!", "merci beaucoup", "ok 👍") gets a short
# reply, not "I did not understand".
_THANKS_ANCHOR_TEXT = (
    "thanks thank thx ty cheers merci ok okay great perfect super parfait bye goodbye"
)
_THANKS_OTHER_TEXT = "you very much so a lot bien beaucoup au revoir d accord bientot top for that"
_THANKS_ANCHORS = frozenset(_THANKS_ANCHOR_TEXT.split())
_THANKS_WORDS = _THANKS_ANCHORS | frozenset(_THANKS_OTHER_TEXT.split())


@dataclass(frozen=True)
class Intents:
    """The intents a question shows, with the numbers and names it gives."""

    found: frozenset[Intent]
    footnote: int | None = None
    paragraph: str | None = None  # "operative 11", "preamble 4"
    symbol: str | None = None
    instrument: str | None = None  # "protocol-iv", "convention"
    kind_filter: str | None = None
    words: tuple[str, ...] = ()  # the question's content words (not stopwords)

    def __contains__(self, name: object) -> bool:
        return name in self.found


_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def without_links(question: str) -> str:
    """The question with pasted links left out: "resolutions.shtml" in a URL asks nothing."""
    return _URL.sub(" ", question) if "http" in question or "www." in question else question


def read_intents(question: str) -> Intents:
    """Every intent ``question`` shows (a document symbol is read in links too)."""
    symbol = _SYMBOL.search(question[:500])
    question = without_links(question)
    text = f" {normalize(question[:500])} "
    found = {name for name, pattern in _COMPILED.items() if pattern.search(text)}
    found |= _phrase_intents(question[:500], text)
    words = text.split()
    if words and set(words) <= _THANKS_WORDS and _THANKS_ANCHORS & set(words):
        found.add(Intent.THANKS)
    footnote = _FOOTNOTE.search(text)
    paragraph = _paragraph(text) if not footnote else None
    kinds = [kind for kind, pattern in _KIND_WORDS.items() if pattern.search(text)]
    return Intents(
        found=frozenset(found),
        footnote=int(footnote.group(1)) if footnote else None,
        paragraph=paragraph,
        symbol=symbol.group(1) if symbol else None,
        instrument=_instrument(text),
        kind_filter=kinds[0] if len(kinds) == 1 else None,
        words=tuple(word for word in text.split() if word not in STOPWORDS),
    )


@cache
def _intent_phrases() -> tuple[tuple[str, Intent, bool], ...]:
    """words.yaml's intent phrases, normalised as questions are; a Chinese phrase is matched in
    the unsegmented text, since jieba may cut it otherwise in a sentence."""
    found = []
    for name, phrase in phrases("intents"):
        chinese = any(0x3400 <= ord(char) <= 0x9FFF for char in phrase)
        found.append((phrase if chinese else f" {normalize(phrase)} ", Intent(name), chinese))
    return tuple(found)


def _phrase_intents(question: str, text: str) -> set[Intent]:
    compact = "".join(unicodedata.normalize("NFKC", question).split())
    found = {
        intent
        for phrase, intent, chinese in _intent_phrases()
        if (phrase in compact if chinese else phrase in text)
    }
    if Intent.THANKS in found and not _only_thanks(compact, text):
        found.discard(Intent.THANKS)  # "gracias, ¿y mañana?" asks something
    return found


def _only_thanks(compact: str, text: str) -> bool:
    """True when the message is nothing but thanks ("¡muchas gracias!", "非常感谢！")."""
    phrases = [phrase.strip() for phrase, intent, _ in _intent_phrases() if intent is Intent.THANKS]
    words = set(" ".join(phrases).split())
    rest = compact
    for phrase in sorted(phrases, key=len, reverse=True):
        rest = rest.replace(phrase, "")
    return set(text.split()) <= words or not any(char.isalnum() for char in rest)


def _paragraph(text: str) -> str | None:
    if not _PARAGRAPH_WORD.search(text):
        return None
    for match in _PARAGRAPH.finditer(text):
        kind = f"{match.group('kind1') or ''} {match.group('kind2') or ''}"
        has_word = match.group(0).strip() != match.group("number")
        if not has_word:
            continue
        part = "preamble" if re.search(r"pream|^ ?pp", kind) else "operative"
        return f"{part} {int(match.group('number'))}"
    return None


def _instrument(text: str) -> str | None:
    match = _INSTRUMENT.search(text)
    if match and not _EVENT_WORDS.search(text):
        return f"protocol-{_ROMAN.get(match.group(2), match.group(2))}"
    if not match and _CONVENTION.search(text) and not _EVENT_WORDS.search(text):
        return "convention"
    return None
