"""Intents: what kind of answer a question wants, read from its words: the phrases and patterns
of every language in words.yaml, and the phrases and document symbols of the calendar's knowledge
file (its "63rd session", its "A/RES/62/57").

Phrases and patterns run on normalized text (lowercase, no accents, punctuation as spaces), so
"Où ?", "ou" and "OÙ" read alike. The engine decides which intent wins once it knows which events
the question names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

from bot.answers.words import phrases
from bot.events.lookup import STOPWORDS, normalize

if TYPE_CHECKING:
    from bot.answers.knowledge import Knowledge


class Intent(StrEnum):
    """What a question asks for; the rules of ``bot.answers.rules`` guard on these. Each is read
    by the words.yaml phrases and patterns of the same name (THANKS also by ``_THANKS_WORDS``)."""

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


@cache
def _compiled() -> dict[Intent, re.Pattern[str]]:
    """words.yaml's ``patterns``, one regular expression per intent over every language."""
    branches: dict[Intent, list[str]] = {}
    for name, pattern in phrases("patterns"):
        branches.setdefault(Intent(name), []).append(pattern)
    return {intent: re.compile("|".join(found)) for intent, found in branches.items()}


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


def read_intents(question: str, knowledge: Knowledge | None = None) -> Intents:
    """Every intent ``question`` shows, with the words of ``knowledge`` (the calendar's document)
    if given; a document symbol is read in links too."""
    document = _document_words(knowledge) if knowledge is not None else _NO_DOCUMENT
    symbol = document.symbols.search(question[:500]) if document.symbols else None
    question = without_links(question)
    text = f" {normalize(question[:500])} "
    found = {name for name, pattern in _compiled().items() if pattern.search(text)}
    found |= _phrase_intents(question[:500], text)
    found |= {intent for phrase, intent in document.phrases if phrase in text}
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


@dataclass(frozen=True)
class _DocumentWords:
    """A knowledge file's words for intents: its phrases (" 63rd session ") and its symbols."""

    phrases: tuple[tuple[str, Intent], ...]
    symbols: re.Pattern[str] | None


_NO_DOCUMENT = _DocumentWords((), None)
_DOCUMENTS: dict[int, tuple[Knowledge, _DocumentWords]] = {}


def _document_words(knowledge: Knowledge) -> _DocumentWords:
    """Built once per knowledge object (a reload brings a new one)."""
    cached = _DOCUMENTS.get(id(knowledge))
    if cached is None or cached[0] is not knowledge:
        if len(_DOCUMENTS) >= 4:
            _DOCUMENTS.pop(next(iter(_DOCUMENTS)))
        cached = (knowledge, _build_document_words(knowledge))
        _DOCUMENTS[id(knowledge)] = cached
    return cached[1]


def _build_document_words(knowledge: Knowledge) -> _DocumentWords:
    found = tuple(
        (f" {phrase} ", Intent(name))
        for name, listed in knowledge.intent_phrases().items()
        for phrase in listed
    )
    symbols = [*map(re.escape, knowledge.own_symbols), *knowledge.symbols]
    pattern = re.compile(rf"\b({'|'.join(symbols)})", re.IGNORECASE) if symbols else None
    return _DocumentWords(found, pattern)


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
