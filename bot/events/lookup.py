"""Event lookup: which event does a piece of text name?

Every name of an event (title, short name, aliases, id) is reduced to a bag of canonical words:
lowercase, accents and punctuation dropped, French words mapped to English ones, long phrases mapped
to the short forms people use ("Meeting of the States Parties" is "msp") and filler words dropped.
A query is reduced the same way, misspelt words are corrected against the calendar's vocabulary,
and each name is scored by the weighted overlap of the two bags (Dice coefficient, words weighted
by rarity). So "protocl v", "amended prot II", "conférence du Protocole V" and "the MSP" all land on
the right event, and "the conference" is reported as ambiguous rather than guessed.

The words are data: stopwords, synonyms and the short forms of UN bodies in general come from
``bot/answers/words.yaml``; a document's own short forms ("CCW", "ERW") come from the knowledge file
beside the calendar, passed in as ``Terms``. The index is built once per calendar and terms and
cached by identity, so lookups on a 10,000-event calendar stay fast.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from enum import IntEnum
from functools import cache

from rapidfuzz import fuzz, process

from bot.answers.words import phrases, word_list, word_map
from bot.events.derived import per_calendar
from bot.events.model import Calendar, Event
from bot.text.normalize import normalize
from bot.text.official_names import event_aliases

# Filler and question words (words.yaml ``stopwords``): they never tell events apart.
STOPWORDS = word_list("stopwords")

# Words read as others (words.yaml ``synonyms``): variants, and the English words event names use.
SYNONYMS = word_map("synonyms")

_MAX_CANDIDATES = 8
_COMMON_POSTINGS = 500


# Number words and their values (words.yaml ``numerals``: "five" is 5).
NUMERALS = {word: int(value) for word, value in word_map("numerals").items()}
_ROMAN_DIGITS = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def roman(number: int) -> str:
    """``number`` (1 to 39) as a lowercase Roman numeral: numeral grammar, no language's words,
    so it stays in code ("Protocol 5" and "Protocol V" are one name)."""
    digits = []
    for value, letters in _ROMAN_DIGITS:
        count, number = divmod(number, value)
        digits.append(letters * count)
    return "".join(digits)


def _numeral(word: str) -> str | None:
    """The Roman numeral a number or number word stands for, after "protocol"."""
    value = int(word) if word.isdigit() and len(word) <= 2 else NUMERALS.get(word)
    return roman(value) if value is not None and 1 <= value <= 39 else None


def _plain_words(text: str) -> list[str]:
    """Normalised, synonyms applied, stopwords dropped: the words before short forms."""
    words: list[str] = []
    for word in normalize(text).split():
        numeral = _numeral(word) if words and words[-1] == "protocol" else None
        word = numeral or word  # "Protocol 5" is Protocol V; a bare 5 is a day of the month
        mapped = SYNONYMS.get(word, word)
        words.extend(mapped.split())
    return [word for word in words if word not in STOPWORDS]


@dataclass(frozen=True)
class Terms:
    """The short forms lookup reads as one word: (long phrase as canonical words, short form).

    Built by ``terms``; a phrase is matched on the words after synonyms and stopwords, so
    "Assemblée générale" and "General Assembly" give the short forms their own wording needs.
    """

    short_forms: tuple[tuple[tuple[str, ...], str], ...] = ()

    @property
    def by_first_word(self) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
        return _by_first_word(self)


@cache
def _by_first_word(terms: Terms) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    grouped: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for phrase, short in terms.short_forms:
        grouped[phrase[0]].append((phrase, short))
    # The longest phrase first: "un general assembly" before "general assembly".
    return {
        first: tuple(sorted(found, key=lambda item: -len(item[0])))
        for first, found in grouped.items()
    }


@cache
def terms(short_forms: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Terms:
    """The generic short forms of words.yaml and ``short_forms`` (short form -> long phrases,
    as a knowledge file gives them), each long phrase in canonical words."""
    pairs = [(short, (long,)) for short, long in phrases("short_forms")]
    found: dict[tuple[str, ...], str] = {}
    for short, longs in (*pairs, *short_forms):
        for long in longs:
            words = tuple(_plain_words(long))
            if words and words != (normalize(short),):
                found.setdefault(words, normalize(short))
    return Terms(tuple(found.items()))


def _canonical_words(text: str, terms: Terms) -> list[str]:
    return _abbreviate(_plain_words(text), terms)


def _abbreviate(words: list[str], terms: Terms) -> list[str]:
    by_first = terms.by_first_word
    out: list[str] = []
    index = 0
    while index < len(words):
        for phrase, short in by_first.get(words[index], ()):
            if tuple(words[index : index + len(phrase)]) == phrase:
                out.append(short)
                index += len(phrase)
                break
        else:
            out.append(words[index])
            index += 1
    return out


def event_names(event: Event) -> list[str]:
    """Every name an event answers to."""
    names = [event.title, event.id.replace("-", " "), *event.aliases]
    if event.short_name:
        names.append(event.short_name)
    return [*names, *event_aliases().get(event.id, ())]


def _name_bags(event: Event, terms: Terms) -> list[frozenset[str]]:
    """The canonical word bags of an event's names.

    A name ending in the event's own kind also counts without it: "ERW conference" is what people
    mean by "ERW", "CCW meeting" by "CCW".
    """
    return list(dict.fromkeys(bag for bag, _ in _sourced_bags(event, terms)))


def _sourced_bags(event: Event, terms: Terms) -> list[tuple[frozenset[str], Confidence]]:
    """Each name's bag with how sure a whole match on it is: the title, an alias or short name, or
    an abbreviation (a short name of capitals: "MSP", "APII")."""
    sourced: list[tuple[frozenset[str], Confidence]] = []
    names = [(event.title, Confidence.NAME), (event.id.replace("-", " "), Confidence.ID)]
    names += [(alias, _alias_confidence(alias)) for alias in event.aliases]
    # Its official titles in the six languages (bot/names.yaml): "Совещание государств".
    names += [(alias, Confidence.ALIAS) for alias in event_aliases().get(event.id, ())]
    if event.short_name:
        names.append((event.short_name, _alias_confidence(event.short_name)))
    for name, confidence in names:
        words = _canonical_words(name, terms)
        if words:
            sourced.append((frozenset(words), confidence))
        if len(words) > 1 and words[-1] == event.kind:
            sourced.append((frozenset(words[:-1]), Confidence.ALIAS))
    return sourced


def _alias_confidence(name: str) -> Confidence:
    compact = name.replace(" ", "")
    return Confidence.ABBREVIATION if compact.isupper() and len(compact) <= 6 else Confidence.ALIAS


class Confidence(IntEnum):
    """How a text names an event, from surest to loosest: its id, its full title, an alias or
    short name, an abbreviation, a partial or misspelt name, or only words that several events
    share ("meeting", "conference", "session", "Convention"), which name none of them."""

    NONE = 0
    WORD = 1
    TYPO = 2
    PARTIAL = 3
    ABBREVIATION = 4
    ALIAS = 5
    NAME = 6
    ID = 7


@dataclass(frozen=True)
class _Name:
    event_index: int
    words: frozenset[str]
    weight: float


class _Index:
    """Inverted index of canonical words over every event name of one calendar."""

    def __init__(self, calendar: Calendar, terms: Terms) -> None:
        self.calendar, self.terms = calendar, terms
        self.events = calendar.events
        bags: list[tuple[int, frozenset[str]]] = []
        document_frequency: dict[str, set[int]] = defaultdict(set)
        for event_index, event in enumerate(self.events):
            for bag in _name_bags(event, terms):
                bags.append((event_index, bag))
                for word in bag:
                    document_frequency[word].add(event_index)
        count = max(len(self.events), 1)
        # Rare words tell events apart; "meeting" or "2007" hardly do.
        self.weights = {
            word: math.log(1 + count / len(found)) for word, found in document_frequency.items()
        }
        self.vocabulary_set = frozenset(self.weights)
        # Numbers are never misspellings of each other; leaving them out keeps fuzzy matching fast.
        self.vocabulary = [word for word in self.weights if not word.isdigit()]
        self.three_letters: dict[str, list[str]] = defaultdict(list)
        for word in self.vocabulary:
            if len(word) == 3:
                self.three_letters["".join(sorted(word))].append(word)
        self.corrections: dict[str, str | None] = {}
        self.names: list[_Name] = []
        self.postings: dict[str, list[int]] = defaultdict(list)
        for event_index, bag in bags:
            weight = sum(self.weights[word] for word in bag)
            for word in bag:
                self.postings[word].append(len(self.names))
            self.names.append(_Name(event_index, bag, weight))
        self.exact: dict[frozenset[str], set[int]] = defaultdict(set)
        for name in self.names:
            self.exact[name.words].add(name.event_index)
        self.exact_confidence: dict[frozenset[str], Confidence] = {}
        for event in self.events:
            for bag, confidence in _sourced_bags(event, terms):
                known = self.exact_confidence.get(bag, Confidence.NONE)
                self.exact_confidence[bag] = max(known, confidence)
        self.frequency = {word: len(found) for word, found in document_frequency.items()}
        # Every word any name of an event holds: what naming that event can explain.
        self.words_of: dict[int, frozenset[str]] = defaultdict(frozenset)
        for event_index, bag in bags:
            self.words_of[event_index] |= bag
        self.by_normalized_id = {event.id: event for event in self.events}

    def joined(self, words: list[str]) -> list[str]:
        """Two words typed apart that are one word of the names ("prep com" is "prepcom")."""
        out: list[str] = []
        index = 0
        while index < len(words):
            pair = "".join(words[index : index + 2])
            unknown = words[index] not in self.vocabulary_set
            if index + 1 < len(words) and unknown and pair in self.vocabulary_set:
                out.append(pair)
                index += 2
            else:
                out.append(words[index])
                index += 1
        return out

    def correct(self, word: str) -> str | None:
        """The vocabulary word a (possibly misspelt) query word stands for, or None."""
        if word in self.vocabulary_set:
            return word
        if word.isdigit() or len(word) < 3:
            return None
        if word not in self.corrections:
            if len(self.corrections) > 10_000:
                self.corrections.clear()
            self.corrections[word] = self._closest(word)
        return self.corrections[word]

    def _closest(self, word: str) -> str | None:
        if len(word) == 3:
            # Three letters: only a swapped pair ("mps" for "msp"); anything looser matches noise.
            same_letters = self.three_letters.get("".join(sorted(word)), [])
            return same_letters[0] if len(same_letters) == 1 else None
        cutoff = 80 if len(word) >= 6 else 75
        found = process.extractOne(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff)
        return found[0] if found else None


# The indexes of a calendar object, one per terms, each built on first use.
_indexes_of = per_calendar(lambda calendar: dict[Terms, _Index]())


def _index_for(calendar: Calendar, given: Terms | None) -> _Index:
    wanted = given if given is not None else terms()
    indexes = _indexes_of(calendar)
    if wanted not in indexes:
        indexes[wanted] = _Index(calendar, wanted)
    return indexes[wanted]


@dataclass(frozen=True)
class LookupResult:
    """The events a text may name, best first.

    ``exact``: the text is one of an event's names (up to case, accents, punctuation, word order).
    ``confident``: one event clearly fits; ``ambiguous``: several fit about as well.
    ``score`` is the best match in 0..1.
    """

    matches: tuple[Event, ...] = ()
    scores: tuple[float, ...] = ()
    exact: bool = False
    ambiguous: bool = False
    words: tuple[str, ...] = ()
    confidence: Confidence = Confidence.NONE

    @property
    def score(self) -> float:
        return self.scores[0] if self.scores else 0.0

    @property
    def best(self) -> Event | None:
        return self.matches[0] if self.matches else None

    @property
    def confident(self) -> bool:
        return bool(self.matches) and not self.ambiguous


def query_words(calendar: Calendar, text: str, terms: Terms | None = None) -> tuple[str, ...]:
    """The canonical, spell-corrected words of ``text`` that occur in some event name."""
    index = _index_for(calendar, terms)
    words = index.joined(_canonical_words(text[:500], index.terms))
    corrected = (index.correct(word) for word in words)
    return tuple(dict.fromkeys(word for word in corrected if word))


def unknown_words(calendar: Calendar, text: str, terms: Terms | None = None) -> tuple[str, ...]:
    """The content words of ``text`` that are in no event name, even allowing for typos."""
    index = _index_for(calendar, terms)
    words = index.joined(_canonical_words(text[:500], index.terms))
    return tuple(word for word in words if index.correct(word) is None)


def find_events(calendar: Calendar, text: str, terms: Terms | None = None) -> LookupResult:
    """The events ``text`` may name, best first (at most eight). ``terms``: the short forms of
    the calendar's knowledge file (``Knowledge.terms``); without, only the generic ones."""
    index = _index_for(calendar, terms)
    by_id = index.by_normalized_id.get(text.strip().lower())
    if by_id is not None:
        return LookupResult(
            (by_id,), (1.0,), exact=True, words=(by_id.id,), confidence=Confidence.ID
        )
    words = query_words(calendar, text, index.terms)
    if not words:
        return LookupResult()
    query_weight = sum(index.weights[word] for word in words)
    overlap = _overlap(index, words)
    best: dict[int, tuple[float, float]] = {}
    for name_index, shared in overlap.items():
        name = index.names[name_index]
        dice = 2 * shared / (query_weight + name.weight)
        coverage = shared / query_weight
        if (dice, coverage) > best.get(name.event_index, (-1.0, -1.0)):
            best[name.event_index] = (dice, coverage)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))
    exact_events = index.exact.get(frozenset(words), set())
    whole = _whole_named(index, frozenset(words), overlap)
    if len(whole) == 1 and len(exact_events) != 1:
        # Named whole, it beats the events only part of the text names (their words may be in
        # its name: "the Preparatory Committee of the Protocol V Conference").
        ranked.sort(key=lambda item: item[0] not in whole)
    ranked = ranked[:_MAX_CANDIDATES]
    matches = tuple(index.events[event_index] for event_index, _ in ranked)
    scores = tuple(round(dice, 4) for _, (dice, _) in ranked)
    exact = len(exact_events) == 1
    return LookupResult(
        matches=matches,
        scores=scores,
        exact=exact,
        ambiguous=_is_ambiguous(ranked, exact_events) and len(whole) != 1,
        words=words,
        confidence=_confidence(index, text, words, exact),
    )


def _confidence(index: _Index, text: str, words: tuple[str, ...], exact: bool) -> Confidence:
    typed = set(_canonical_words(text[:500], index.terms))
    if not set(words) <= typed:
        return Confidence.TYPO  # a word had to be corrected ("protocl", "meting")
    if exact:
        compact = text.strip().replace(" ", "")
        if compact.isalpha() and compact.isupper() and len(compact) <= 6:
            return Confidence.ABBREVIATION  # "MSP", "APII" as typed
        return index.exact_confidence.get(frozenset(words), Confidence.ALIAS)
    if all(index.frequency.get(word, 0) > 1 for word in words):
        return Confidence.WORD  # "the conference", "the meeting": words several events share
    return Confidence.PARTIAL


def _whole_named(index: _Index, query: frozenset[str], overlap: dict[int, float]) -> set[int]:
    """The events the text names whole: one of their names is among its words, with a word of
    that name no other event has (a name of shared words, "Protocol V conference" inside "the
    Preparatory Committee of the Protocol V Conference", names nothing whole). Of two such events,
    one whose names explain every word the other's explain, and more, is the one meant."""
    named = {
        name.event_index
        for name in map(index.names.__getitem__, overlap)
        if name.words <= query and any(index.frequency[word] == 1 for word in name.words)
    }
    explained = {event_index: query & index.words_of[event_index] for event_index in named}
    return {
        event_index
        for event_index in named
        if not any(explained[event_index] < explained[other] for other in named)
    }


def _overlap(index: _Index, words: tuple[str, ...]) -> dict[int, float]:
    """Shared word weight per name. Rare words first; a very common word ("meeting" in a big
    calendar) only adds to names the rarer words found, instead of touching every name."""
    overlap: dict[int, float] = defaultdict(float)
    for word in sorted(words, key=lambda word: len(index.postings[word])):
        postings, weight = index.postings[word], index.weights[word]
        if overlap and len(postings) > _COMMON_POSTINGS:
            for name_index in overlap:
                if word in index.names[name_index].words:
                    overlap[name_index] += weight
            continue
        for name_index in postings:
            overlap[name_index] += weight
    return overlap


def _is_ambiguous(ranked: list[tuple[int, tuple[float, float]]], exact: set[int]) -> bool:
    if not ranked:
        return False
    if len(exact) == 1:
        return False
    if len(exact) > 1:
        return True
    if len(ranked) == 1:
        return False
    # Without an exact name, only a clear lead counts: "the meeting" fits several about as well.
    return ranked[0][1][0] - ranked[1][1][0] < 0.25


@dataclass(frozen=True)
class Resolution:
    """What a text names: one ``event``, or ``candidates`` to choose from, or nothing (both
    empty: a name no event answers to, which must never be answered with another event)."""

    event: Event | None
    candidates: tuple[Event, ...] = ()
    confidence: Confidence = Confidence.NONE


def resolve(calendar: Calendar, text: str, terms: Terms | None = None) -> Resolution:
    """The event ``text`` names, for every place that turns a name into an event (the question
    engine's commands, /event, /where, /ics, /subscribe X): one rule, so they cannot disagree.

    A word no event name holds, even allowing for typos ("Ottawa" in "Ottawa Convention
    meeting"), means the text names something else: nothing is resolved. Words that several
    events share name none of them: the candidates are offered instead.
    """
    result = find_events(calendar, text, terms)
    if result.confidence == Confidence.ID:
        return Resolution(result.best, confidence=Confidence.ID)
    if any(len(word) >= 4 and not word.isdigit() for word in unknown_words(calendar, text, terms)):
        return Resolution(None)
    if not result.matches:
        return Resolution(None)
    top = result.score
    candidates = tuple(
        event
        for event, score in zip(result.matches, result.scores, strict=False)
        if score >= top / 2
    )
    sure = result.exact or (result.score >= 0.5 and result.confidence > Confidence.WORD)
    if result.confident and sure:
        return Resolution(result.best, confidence=result.confidence)
    return Resolution(None, candidates, result.confidence)


def resolve_event(calendar: Calendar, text: str, terms: Terms | None = None) -> Event | None:
    """The one event ``text`` names confidently, or None (nothing, or several fit)."""
    return resolve(calendar, text, terms).event
