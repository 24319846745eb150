"""Grounding: does a question name something this calendar and its knowledge do not hold?

"When is the Meeting of the States Parties to the Ottawa Convention?" shares "Meeting of the
States Parties" with an event, but "Ottawa" is in no event, place or paragraph: the answer is that
the Ottawa Convention is not in this calendar, never the other meeting's dates. A word is a *name*
when it is unknown to the calendar and the knowledge, is no misspelt question word, and stands
where names stand: next to a noun that heads names ("Council", "Treaty", "conférence"), after a
place preposition ("in Paris"), or capitalised mid-sentence in a question about meetings that no
event matches by name. Language words come from words.yaml; nothing here names a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from bot.answers.intents import NEUTRAL_WORDS
from bot.answers.knowledge import Knowledge
from bot.answers.periods import month_and_day_words
from bot.answers.topics import knowledge_words, knows_word, place_words
from bot.answers.words import language_words
from bot.events.derived import per_calendar
from bot.events.lookup import STOPWORDS, SYNONYMS, LookupResult, event_names, query_words
from bot.events.model import Calendar
from bot.text.normalize import normalize

_TOKEN = re.compile(r"[^\W_]+")
_NUMBERISH = re.compile(r"^\d+(st|nd|rd|th|e|er|eme)?$")
_MAX_SPAN = 8


@dataclass(frozen=True)
class _Lexicon:
    name_nouns: frozenset[str]
    place_prepositions: frozenset[str]
    numbers: frozenset[str]
    common: frozenset[str]
    joins: frozenset[str]


@cache
def lexicon() -> _Lexicon:
    """The words of every language in words.yaml, merged (a question may mix languages)."""
    data = language_words()
    merged: dict[str, set[str]] = {key: set() for key in _Lexicon.__dataclass_fields__}
    for words in data.values():
        for key, values in words.items():
            if key in merged:
                merged[key].update(normalize(str(value)) for value in values)
        for phrases in (*words.get("intents", {}).values(), *words.get("periods", {}).values()):
            # The words of a question's phrases ("сколько", "什么时候") name nothing.
            merged["common"].update(normalize(" ".join(map(str, phrases))).split())
    return _Lexicon(**{key: frozenset(values) for key, values in merged.items()})


def _calendar_words(calendar: Calendar) -> frozenset[str]:
    """Every word of every event's names and places, as written (before abbreviation)."""
    texts = [name for event in calendar.events for name in event_names(event)]
    for event in calendar.events:
        texts.append(event.body or "")
        if event.location is not None:
            texts.append(event.location.text())
    return frozenset(normalize(" ".join(texts)).split())


_words_of = per_calendar(_calendar_words)


@cache
def _question_words() -> tuple[str, ...]:
    return tuple(word for word in STOPWORDS | NEUTRAL_WORDS if len(word) >= 3)


@dataclass(frozen=True)
class _Token:
    text: str  # as typed
    norm: str
    capital: bool  # capitalised (or an acronym) where a sentence does not start


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(text[:500]):
        word = match.group(0)
        before = text[: match.start()].rstrip()
        starts = not before or before[-1] in ".!?:;\"'«(¿¡"
        capital = word[:1].isupper() and (not starts or word.isupper()) and len(word) >= 2
        tokens.append(_Token(word, normalize(word), capital))
    return tokens


def _known(token: _Token, calendar: Calendar, knowledge: Knowledge) -> bool:
    word = token.norm
    if not word or len(word) < 2 or _NUMBERISH.match(word):
        return True
    if word in STOPWORDS or word in NEUTRAL_WORDS or word in month_and_day_words():
        return True
    words = lexicon()
    if word in words.numbers or word in words.common or word in place_words(calendar, knowledge):
        return True
    names = _words_of(calendar)
    if word in names or SYNONYMS.get(word, word) in names or word in knowledge.abbreviations:
        return True
    if knows_word(knowledge, word):
        return True
    if token.capital:
        return False  # a careful capital is a name as typed: no spelling correction
    if query_words(calendar, word):
        return True
    return _misspelt(word, _question_words()) or _misspelt(word, _spellings(calendar))


def _misspelt(word: str, vocabulary: tuple[str, ...]) -> bool:
    """ "whne", "amnded": a typo of a question word or of a word of the calendar is no name."""
    cutoff = 80 if len(word) >= 6 else 75
    return process.extractOne(word, vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff) is not None


_spellings = per_calendar(lambda calendar: tuple(w for w in _words_of(calendar) if len(w) >= 4))


def unknown_name(
    calendar: Calendar, knowledge: Knowledge, text: str, lookup: LookupResult
) -> str | None:
    """The name ``text`` gives that nothing in the calendar or the knowledge holds, as typed, or
    None when every name in it is known (or it names nothing)."""
    tokens = _tokens(text)
    nouns = lexicon().name_nouns
    is_noun = [token.norm in nouns for token in tokens]
    has_noun = any(is_noun)
    named: list[int] = []
    for index, token in enumerate(tokens):
        if is_noun[index] or not (len(token.norm) >= 4 or token.text.isupper() or token.capital):
            continue
        if _known(token, calendar, knowledge):
            continue
        near_noun = _heads(tokens, is_noun, index)
        after_place = (
            token.capital and index > 0 and tokens[index - 1].norm in lexicon().place_prepositions
        )
        capital = token.capital and has_noun and not lookup.exact
        if near_noun or (after_place and has_noun) or capital:
            named.append(index)
    if not named:
        return None
    return _span(tokens, named, is_noun)


def _heads(tokens: list[_Token], is_noun: list[bool], index: int) -> bool:
    """True when a head noun governs ``tokens[index]``: it follows ("Arms Trade Treaty", "security
    council") or precedes it through a joining word ("meeting on Darfur", "Conseil des droits");
    a capitalised word needs only to be next to one ("Commission Peacebuilding")."""
    if any(is_noun[index + 1 : index + 4]):
        return True
    for back in range(1, 4):
        if index - back < 0 or not is_noun[index - back]:
            continue
        between = {token.norm for token in tokens[index - back + 1 : index]}
        if tokens[index].capital or between & lexicon().joins:
            return True
    return False


def _span(tokens: list[_Token], named: list[int], is_noun: list[bool]) -> str:
    """The name around the first named word: the capitalised words, head nouns and other names
    next to it, with the short words that join them ("Conseil des droits de l'homme")."""
    inside = set(named)

    def part(i: int) -> bool:
        return 0 <= i < len(tokens) and (is_noun[i] or tokens[i].capital or i in inside)

    def joins(i: int, step: int) -> bool:
        short = 0 <= i < len(tokens) and len(tokens[i].norm) <= 3 and tokens[i].norm in STOPWORDS
        return short and part(i + step)

    index = named[0]
    first = last = index
    while (part(first - 1) or joins(first - 1, -1)) and index - first < _MAX_SPAN:
        first -= 1
    while (part(last + 1) or joins(last + 1, 1)) and last - index < _MAX_SPAN:
        last += 1
    return " ".join(token.text for token in tokens[first : last + 1])


def calendar_and_knowledge_words(calendar: Calendar, knowledge: Knowledge) -> frozenset[str]:
    """Every word the grounding knows without a name: the calendar's, the knowledge's, and the
    question words of every language (for tests and tools)."""
    words = lexicon()
    return (
        _words_of(calendar)
        | knowledge_words(knowledge)
        | place_words(calendar, knowledge)
        | STOPWORDS
        | NEUTRAL_WORDS
        | month_and_day_words()
        | words.common
        | words.numbers
        | words.name_nouns
    )
