"""Intents: what kind of answer a question wants, read from its words: the phrases and patterns
of every language in words.yaml, and the phrases, document symbols and instrument names of the
calendar's knowledge file (its "63rd session", its "A/RES/62/57", its "Protocol IV"). How a
question cites a paragraph or a footnote is grammar here and words in words.yaml.

Phrases and patterns run on normalized text (lowercase, no accents, punctuation as spaces), so
"Où ?", "ou" and "OÙ" read alike. The engine decides which intent wins once it knows which events
the question names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

from bot.answers.words import phrases, word_list
from bot.events.derived import per_object
from bot.events.lookup import STOPWORDS, normalize, roman

if TYPE_CHECKING:
    from bot.answers.knowledge import Knowledge


class Intent(StrEnum):
    """What a question asks for; the rules of ``bot.answers.rules`` guard on these. Each is read
    by the words.yaml phrases and patterns of the same name (THANKS also by its ``thanks``
    words)."""

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


# Words that belong to questions about a calendar but name no event (words.yaml ``neutral``):
# their presence does not make a question off-topic.
NEUTRAL_WORDS = word_list("neutral")

# A message made only of thanks or goodbye ("thanks!", "merci beaucoup", "ok 👍") gets a short
# reply, not "I did not understand": words.yaml ``thanks``, with ``thanks_also`` around them.
_THANKS_ANCHORS = word_list("thanks")
_THANKS_WORDS = _THANKS_ANCHORS | word_list("thanks_also")

# Words naming a meeting (words.yaml ``event_words``): with one, "Protocol II" names a meeting.
_EVENT_WORDS = word_list("event_words")


def _alternatives(words: Iterable[str]) -> str:
    """A regular expression's alternatives for ``words``, the longest first."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class _Citations:
    """How questions cite the document's parts, built from words.yaml: "footnote 3", "operative
    paragraph 11", "para 4 of the preamble", "alinéa 2 du préambule"."""

    footnote: re.Pattern[str]
    paragraph: re.Pattern[str]
    paragraph_word: re.Pattern[str]
    preamble_words: frozenset[str]
    kinds: tuple[tuple[str, frozenset[str]], ...]  # ("meeting", {"meeting", "reunions"...})


@cache
def _citations() -> _Citations:
    before, after = phrases("parts_before"), phrases("parts_after")
    marks = _alternatives(word_list("number_marks"))
    footnote = rf" (?:{_alternatives(word_list('footnote_words'))}) (?:(?:{marks}) )?(\d{{1,2}}) "
    said = _alternatives(word_list("paragraph_words"))
    parts_before = _alternatives(word for _, word in before)
    paragraph = (
        rf" (?:(?P<before>{parts_before})\s+)?(?:{said})?\s*(?:(?:{marks}) )?(?P<number>\d{{1,2}})"
        rf"(?:{_alternatives(word_list('ordinal_endings'))})?"
        rf"(?:\s+(?P<after>{_alternatives(word for _, word in after)}))? "
    )
    kinds: dict[str, set[str]] = {}
    for kind, word in phrases("kinds"):
        kinds.setdefault(kind, set()).add(word)
    return _Citations(
        footnote=re.compile(footnote),
        paragraph=re.compile(paragraph),
        paragraph_word=re.compile(rf" (?:{said}|{parts_before}) "),
        preamble_words=frozenset(word for part, word in (*before, *after) if part == "preamble"),
        kinds=tuple((kind, frozenset(words)) for kind, words in kinds.items()),
    )


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
    citations = _citations()
    footnote = citations.footnote.search(text)
    paragraph = _paragraph(text, citations) if not footnote else None
    kinds = [kind for kind, named in citations.kinds if named & set(words)]
    return Intents(
        found=frozenset(found),
        footnote=int(footnote.group(1)) if footnote else None,
        paragraph=paragraph,
        symbol=symbol.group(1) if symbol else None,
        instrument=_instrument(text, document),
        kind_filter=kinds[0] if len(kinds) == 1 else None,
        words=tuple(word for word in text.split() if word not in STOPWORDS),
    )


@dataclass(frozen=True)
class _DocumentWords:
    """A knowledge file's words for intents: its phrases (" 63rd session "), its symbols and its
    instruments' names (" protocol iv ", " protocol 4 ": instrument id)."""

    phrases: tuple[tuple[str, Intent], ...]
    symbols: re.Pattern[str] | None
    instruments: tuple[tuple[str, str], ...] = ()


_NO_DOCUMENT = _DocumentWords((), None)


def _build_document_words(knowledge: Knowledge) -> _DocumentWords:
    found = tuple(
        (f" {phrase} ", Intent(name))
        for name, listed in knowledge.intent_phrases().items()
        for phrase in listed
    )
    symbols = [*map(re.escape, knowledge.own_symbols), *knowledge.symbols]
    pattern = re.compile(rf"\b({'|'.join(symbols)})", re.IGNORECASE) if symbols else None
    return _DocumentWords(found, pattern, _instrument_names(knowledge))


# Built once per knowledge object (a reload brings a new one).
_document_words = per_object(_build_document_words)


def _instrument_names(knowledge: Knowledge) -> tuple[tuple[str, str], ...]:
    """Each instrument's short names and ``called`` words, normalised, with a final Roman
    numeral also in digits ("protocol iv", "protocol 4")."""
    numbers = {roman(value): str(value) for value in range(1, 40)}
    found: dict[str, str] = {}
    for item in knowledge.instruments:
        for name in (item.short, item.short_fr, *item.called):
            words = normalize(name).split()
            if not words:
                continue
            found.setdefault(f" {' '.join(words)} ", item.id)
            if words[-1] in numbers:
                found.setdefault(f" {' '.join([*words[:-1], numbers[words[-1]]])} ", item.id)
    return tuple(found.items())


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


def _paragraph(text: str, citations: _Citations) -> str | None:
    if not citations.paragraph_word.search(text):
        return None
    for match in citations.paragraph.finditer(text):
        has_word = match.group(0).strip() != match.group("number")
        if not has_word:
            continue
        parts = {match.group("before"), match.group("after")}
        part = "preamble" if parts & citations.preamble_words else "operative"
        return f"{part} {int(match.group('number'))}"
    return None


def _instrument(text: str, document: _DocumentWords) -> str | None:
    """The instrument a question names by its short name ("Protocol IV", "protocole 4", "CCW"),
    the longest name first ("Protocol V of the CCW" is the Protocol), unless it names a meeting
    ("the Protocol V conference")."""
    if _EVENT_WORDS & set(text.split()):
        return None
    found = [
        (-len(phrase.split()), text.index(phrase), instrument)
        for phrase, instrument in document.instruments
        if phrase in text
    ]
    return min(found)[2] if found else None
