"""Grounding: does a question name something this calendar and its knowledge do not hold?

"When is the Meeting of the States Parties to the Ottawa Convention?" shares "Meeting of the
States Parties" with an event, but "Ottawa" is in no event, place or paragraph: the answer is that
the Ottawa Convention is not in this calendar, never the other meeting's dates. A word is a *name*
when it is unknown to the calendar and the knowledge, is no misspelt question word, and stands
where names stand: next to a noun that heads names ("Council", "Treaty", "conférence"), after a
place preposition ("in Paris"), or capitalised mid-sentence in a question about meetings that no
event matches by name. A capitalised word right before a head noun is part of a name ("the Period
Convention"), so there a word is known only if a name holds it, not because questions use it.

Arabic and Chinese have no capitals, and Chinese no spaces: Chinese is cut into words with the
segmenter the matchers use (``bot.text.languages``), and in both an unknown word is a name where
the language puts names: after the noun in Arabic ("مؤتمر أوتاوا"), before it in Chinese
("渥太华会议"), as words.yaml says (``names_stand``), or after a place preposition; in Chinese
also as the topic that opens the question ("北京有会议吗"). Language words come from words.yaml;
nothing here names a document.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import simplemma
from rapidfuzz import fuzz, process

from bot.answers.intents import NEUTRAL_WORDS
from bot.answers.knowledge import Knowledge
from bot.answers.periods import _month_numbers, month_and_day_words
from bot.answers.topics import _name_words as knowledge_name_words
from bot.answers.topics import knowledge_words, knows_word, place_words
from bot.answers.words import language_words
from bot.events.derived import per_calendar
from bot.events.lookup import STOPWORDS, SYNONYMS, LookupResult, event_names, query_words
from bot.events.model import Calendar
from bot.text.languages import segment_chinese
from bot.text.normalize import normalize
from bot.text.official_names import official_names

_TOKEN = re.compile(r"[^\W_]+")
_NUMBERISH = re.compile(r"^\d+(st|nd|rd|th|e|er|eme)?$")
_MAX_SPAN = 8


_WORD_SETS = ("name_nouns", "place_prepositions", "numbers", "common", "joins")


@dataclass(frozen=True)
class _Lexicon:
    name_nouns: frozenset[str]
    place_prepositions: frozenset[str]
    numbers: frozenset[str]
    common: frozenset[str]
    joins: frozenset[str]
    # Languages whose names stand only after their head noun ("after": Arabic) or only before
    # it ("before": Chinese); for the others, either side.
    names_stand: tuple[tuple[str, str], ...] = ()

    def side(self, script: str) -> str | None:
        return dict(self.names_stand).get(script)


@cache
def lexicon() -> _Lexicon:
    """The words of every language in words.yaml, merged (a question may mix languages)."""
    data = language_words()
    merged: dict[str, set[str]] = {key: set() for key in _WORD_SETS}
    sides: list[tuple[str, str]] = []
    for lang, words in data.items():
        for key, values in words.items():
            if key in merged:
                # A Chinese word as the tokens hold it: whole ("理事会"), not cut for search.
                merged[key].update(_chinese_norm(str(value)) for value in values)
        for phrases in (*words.get("intents", {}).values(), *words.get("periods", {}).values()):
            # The words of a question's phrases ("сколько", "什么时候") name nothing.
            merged["common"].update(normalize(" ".join(map(str, phrases))).split())
        if words.get("names_stand") in ("after", "before"):
            sides.append((str(lang), str(words["names_stand"])))
    sets = {key: frozenset(values) for key, values in merged.items()}
    return _Lexicon(**sets, names_stand=tuple(sides))


def _calendar_words(calendar: Calendar) -> frozenset[str]:
    """Every word of every event's names and places, and of the official names of the
    Convention, its Protocols and bodies in the six languages (bot/names.yaml), as written
    (before abbreviation). Each text is reduced alone: a Russian title must not be read with the
    Arabic step because an Arabic one came first."""
    texts = [name for event in calendar.events for name in event_names(event)]
    for event in calendar.events:
        texts.append(event.body or "")
        if event.location is not None:
            texts.append(event.location.text())
    for entry in official_names().values():
        for name in entry.values():
            texts += [name.title, *name.aliases]
    return frozenset(word for text in texts for word in normalize(text).split())


_words_of = per_calendar(_calendar_words)


@cache
def _question_words() -> tuple[str, ...]:
    return tuple(word for word in STOPWORDS | NEUTRAL_WORDS if len(word) >= 3)


@dataclass(frozen=True)
class _Token:
    text: str  # as typed
    norm: str
    capital: bool  # capitalised (or an acronym) where a sentence does not start
    script: str | None  # "ar" or "zh": a script without capitals, where none marks a name
    start: int
    end: int

    @property
    def may_name(self) -> bool:
        """Long enough to be a name: Chinese words are mostly two characters, Arabic ones
        three letters ("نزع"); elsewhere short words are joins unless capitalised ("UN")."""
        if self.script == "zh":
            return len(self.norm) >= 2
        if self.script == "ar":
            return len(self.norm) >= 3
        return len(self.norm) >= 4 or self.text.isupper() or self.capital


def _tokens(text: str) -> list[_Token]:
    tokens = []
    text = text[:500]
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        before = text[: match.start()].rstrip()
        starts = not before or before[-1] in ".!?:;\"'«(¿¡"
        capital = word[:1].isupper() and (not starts or word.isupper()) and len(word) >= 2
        script = _caseless_script(word)
        if script != "zh":
            tokens.append(_Token(word, normalize(word), capital, script, *match.span()))
            continue
        start = match.start()
        for part in segment_chinese(word):  # "渥太华会议": "渥太华", "会议"
            norm = _chinese_norm(part)
            tokens.append(
                _Token(part, norm, False, _caseless_script(part), start, start + len(part))
            )
            start += len(part)
    return tokens


def _caseless_script(word: str) -> str | None:
    """ "zh" or "ar" for a word in a script without capitals, None otherwise (and for numbers)."""
    for char in word:
        if char.isalpha() and char.lower() == char.upper():
            name = unicodedata.name(char, "")
            if name.startswith("ARABIC"):
                return "ar"
            if name.startswith("CJK"):
                return "zh"
    return None


def _chinese_norm(part: str) -> str:
    """A Chinese word whole, as segmenting gives it ("理事会": ``normalize`` would add "理事" for
    search); any other word as ``normalize`` gives it."""
    if _caseless_script(part) == "zh":
        return unicodedata.normalize("NFKC", part).casefold()
    return normalize(part)


def _known(token: _Token, calendar: Calendar, knowledge: Knowledge, lang: str | None) -> bool:
    word = token.norm
    if not word or len(word) < 2 or _NUMBERISH.match(word):
        return True
    if word in STOPWORDS or word in NEUTRAL_WORDS or word in month_and_day_words():
        return True
    words = lexicon()
    if word in words.numbers or word in words.common or _named(word, calendar, knowledge):
        return True
    if knows_word(knowledge, word):
        return True
    if token.capital:
        return False  # a careful capital is a name as typed: no spelling correction
    if token.norm in _language_list(lang):
        return True  # a join or a preposition of the question's language ("para", "sobre")
    if _dictionary_word(token, lang):
        return False  # "commerce" is a word of its own, not "commence" misspelt
    if query_words(calendar, word, knowledge.terms):
        return True
    return _misspelt(word, _question_words()) or _misspelt(word, _spellings(calendar))


def _dictionary_word(token: _Token, lang: str | None) -> bool:
    """True when simplemma's dictionary of the question's language knows ``token`` as typed
    ("commerce", "statues", "faim"): such a word is itself, so typo tolerance must not read it as
    a near question or calendar word ("commence", "states", "fin")."""
    if lang is None:
        return False
    if lang not in _DICTIONARIES or token.script is not None:
        return False
    typed = token.text.casefold()
    return simplemma.is_known(typed, lang=lang) or simplemma.is_known(token.norm, lang=lang)


# The languages simplemma has a dictionary for among calbot's (as bot.text.languages lemmatises).
_DICTIONARIES = frozenset(("en", "fr", "es", "ru"))


@cache
def _language_list(lang: str | None) -> frozenset[str]:
    """The words words.yaml lists for ``lang`` (its word lists and its phrases; not its
    ``patterns``, whose spellings include typos): words of questions, never names."""
    sections = language_words().get(lang or "", {})
    texts: list[str] = []
    for key, value in sections.items():
        if isinstance(value, list):
            texts += map(str, value)
        elif isinstance(value, dict) and key != "patterns":
            for name, listed in value.items():
                if isinstance(listed, list):  # intents: {when: [quand, ...]}
                    texts += map(str, listed)
                else:  # synonyms, numerals: {prot: protocol}
                    texts += [str(name), "" if listed is None else str(listed)]
    return frozenset(normalize(" ".join(texts)).split())


def _named(word: str, calendar: Calendar, knowledge: Knowledge) -> bool:
    """True when a name holds ``word``: an event's, a place's, an official title, or one the
    knowledge gives (an instrument, a body, an abbreviation)."""
    names = _words_of(calendar)
    return (
        word in names
        or SYNONYMS.get(word, word) in names
        or word in knowledge.abbreviations
        or word in place_words(calendar, knowledge)
        or word in knowledge_name_words(knowledge)
    )


def _name_part(tokens: list[_Token], is_noun: list[bool], index: int) -> bool:
    """A capitalised word right before a head noun ("the Period Convention", "Open Skies
    Treaty"): part of a name, so a word questions use ("period", "day") does not explain it;
    numbers and dates still do ("the 2007 Meeting", "the November meetings")."""
    token = tokens[index]
    if not token.capital or not (index + 1 < len(tokens) and is_noun[index + 1]):
        return False
    word = token.norm
    return not (_NUMBERISH.match(word) or word in lexicon().numbers or word in _month_numbers())


def _misspelt(word: str, vocabulary: tuple[str, ...]) -> bool:
    """ "whne", "amnded": a typo of a question word or of a word of the calendar is no name."""
    cutoff = 80 if len(word) >= 6 else 75
    return process.extractOne(word, vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff) is not None


_spellings = per_calendar(lambda calendar: tuple(w for w in _words_of(calendar) if len(w) >= 4))


def unknown_name(
    calendar: Calendar,
    knowledge: Knowledge,
    text: str,
    lookup: LookupResult,
    lang: str | None = None,
) -> str | None:
    """The name ``text`` gives that nothing in the calendar or the knowledge holds, as typed, or
    None when every name in it is known (or it names nothing); ``lang``: the question's language,
    whose words are never read as typos."""
    tokens = _tokens(text)
    nouns = lexicon().name_nouns
    is_noun = [token.norm in nouns for token in tokens]
    has_noun = any(is_noun)
    named: list[int] = []
    for index, token in enumerate(tokens):
        if is_noun[index] or not token.may_name:
            continue
        if _known(token, calendar, knowledge, lang) and (
            not _name_part(tokens, is_noun, index) or _named(token.norm, calendar, knowledge)
        ):
            continue
        if token.script is not None:
            if has_noun and _stands_as_name(tokens, is_noun, index):
                named.append(index)
            continue
        near_noun = _heads(tokens, is_noun, index)
        capital = token.capital and has_noun and not lookup.exact
        if near_noun or (_after_place(tokens, index) and has_noun and token.capital) or capital:
            named.append(index)
    if not named:
        return None
    return _span(text, tokens, named, is_noun)


def _after_place(tokens: list[_Token], index: int) -> bool:
    return index > 0 and tokens[index - 1].norm in lexicon().place_prepositions


def _stands_as_name(tokens: list[_Token], is_noun: list[bool], index: int) -> bool:
    """Where an unknown word of a script without capitals is a name: on the side of a head noun
    where its language puts names (through other such words: "مؤتمر استعراض معاهدة"), after a
    place preposition ("في فيينا"), or, in Chinese, opening the question ("北京有会议吗")."""
    script = tokens[index].script
    side = lexicon().side(script or "")
    if _after_place(tokens, index) or (script == "zh" and index == 0):
        return True
    step = -1 if side == "after" else 1
    steps = (step,) if side else (1, -1)
    for direction in steps:
        at = index + direction
        while 0 <= at < len(tokens) and not is_noun[at] and tokens[at].script == script:
            if tokens[at].norm in lexicon().common or not tokens[at].may_name:
                break
            at += direction
        if 0 <= at < len(tokens) and is_noun[at]:
            return True
    return False


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


def _span(text: str, tokens: list[_Token], named: list[int], is_noun: list[bool]) -> str:
    """The name around the first named word, as typed: the capitalised words, head nouns and
    other names next to it, with the short words that join them ("Conseil des droits de
    l'homme", "渥太华公约")."""
    inside = set(named)

    def part(i: int) -> bool:
        if not 0 <= i < len(tokens):
            return False
        return is_noun[i] or tokens[i].capital or i in inside

    def joins(i: int, step: int) -> bool:
        short = 0 <= i < len(tokens) and len(tokens[i].norm) <= 3 and tokens[i].norm in STOPWORDS
        return short and part(i + step)

    index = named[0]
    first = last = index
    while (part(first - 1) or joins(first - 1, -1)) and index - first < _MAX_SPAN:
        first -= 1
    while (part(last + 1) or joins(last + 1, 1)) and last - index < _MAX_SPAN:
        last += 1
    return text[tokens[first].start : tokens[last].end]


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
