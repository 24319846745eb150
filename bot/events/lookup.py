"""Event lookup: which event does a piece of text name?

Every name of an event (title, short name, aliases, id) is reduced to a bag of canonical words:
lowercase, accents and punctuation dropped, French words mapped to English ones, long phrases mapped
to the abbreviations people use (CCW, ERW, MSP, GGE, APII) and filler words dropped. A query is
reduced the same way, misspelt words are corrected against the calendar's vocabulary, and each name
is scored by the weighted overlap of the two bags (Dice coefficient, words weighted by rarity). So
"protocl v", "amended prot II", "conférence du Protocole V" and "the MSP" all land on the right
event, and "the conference" is reported as ambiguous rather than guessed.

The index is built once per calendar and cached by identity, so lookups on a 10,000-event calendar
stay fast.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.events.derived import per_calendar
from bot.events.model import Calendar, Event
from bot.text.normalize import normalize
from bot.text.official_names import event_aliases

# Filler and question words in English and French: they never tell events apart.
_STOPWORD_TEXT = """
    a an the of to for in on at by and or with from as is are was were be been being does do
    did will would shall can could should may might what whats which who whom whose when where
    why how long until till til before after next last this that these those there here it its
    me my im you your we our us please tell about held hold holding take takes taking place
    start starts starting begin begins open opens opening end ends ending finish close closes
    happen happens happening date dates day days time venue located location info information
    details show give source sources paragraph paragraphs mention mentions mentioned say says
    said cite cites cited which's whens wheres many much any all list s le la les l un une des
    du de d au aux et ou en dans sur par pour avec est sont a ont sera seront se tient tiendra
    tenu tenue lieu quand quel quelle quels quelles qui que qu quoi combien jusqu jusque avant
    apres prochain prochaine prochains prochaines ce cette ces c il elle y t moi dis donne svp
    stp s'il plait commence commencent debute debut fin finit termine date heure endroit ou
    lieu source sources paragraphe paragraphes mentionne cite
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# French (and a few English variant) words mapped to the English words event names use.
SYNONYMS = {
    "protocole": "protocol",
    "prot": "protocol",
    "proto": "protocol",
    "conf": "conference",
    "reunion": "meeting",
    "mtg": "meeting",
    "seance": "meeting",
    "etats": "states",
    "etat": "states",
    "state": "states",
    "partie": "parties",
    "party": "parties",
    "modifie": "amended",
    "amend": "amended",
    "groupe": "group",
    "gouvernementaux": "governmental",
    "comite": "committee",
    "preparatoire": "preparatory",
    "premiere": "first",
    "neuvieme": "ninth",
    "annuelle": "annual",
    "assemblee": "assembly",
    "generale": "general",
    "pleniere": "plenary",
    "soixante": "sixty",
    "troisieme": "third",
    "deuxieme": "second",
    "ordre": "agenda",
    "jour": "",
    "armes": "weapons",
    "classiques": "conventional",
    "mines": "mines",
    "rapport": "report",
    "intersession": "intersessional",
    "experts": "experts",
    "expert": "experts",
    "meetings": "meeting",
    "conferences": "conference",
    "protocols": "protocol",
    "protocoles": "protocol",
    "63": "sixty third",
    "63rd": "sixty third",
    "62": "sixty second",
    "62nd": "sixty second",
    "61st": "sixty first",
    "sixtythird": "sixty third",
}

# Long forms replaced by the abbreviation, on canonical word sequences (after synonyms).
ABBREVIATIONS = (
    (("convention", "certain", "conventional", "weapons"), "ccw"),
    (("explosive", "remnants", "war"), "erw"),
    (("restes", "explosifs", "guerre"), "erw"),
    (("amended", "protocol", "ii"), "apii"),
    (("meeting", "states", "parties"), "msp"),
    (("group", "governmental", "experts"), "gge"),
    (("preparatory", "committee"), "prepcom"),
    (("committee", "preparatory"), "prepcom"),
    (("group", "experts", "governmental"), "gge"),
    (("protocol", "ii", "amended"), "apii"),
    (("assembly", "general"), "unga"),
    (("general", "assembly"), "unga"),
    (("ga",), "unga"),
    (("un", "general", "assembly"), "unga"),
)

_ABBREVIATIONS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
for _phrase, _short in ABBREVIATIONS:
    _ABBREVIATIONS_BY_FIRST[_phrase[0]].append((_phrase, _short))
_MAX_CANDIDATES = 8
_COMMON_POSTINGS = 500


_ROMAN = {
    "1": "i",
    "2": "ii",
    "3": "iii",
    "4": "iv",
    "5": "v",
    "one": "i",
    "two": "ii",
    "three": "iii",
    "four": "iv",
    "five": "v",
    "un": "i",
    "deux": "ii",
    "trois": "iii",
    "quatre": "iv",
    "cinq": "v",
}


def _canonical_words(text: str) -> list[str]:
    words: list[str] = []
    for word in normalize(text).split():
        if words and words[-1] == "protocol" and word in _ROMAN:
            word = _ROMAN[word]  # "Protocol 5" is Protocol V; a bare 5 is a day of the month
        mapped = SYNONYMS.get(word, word)
        words.extend(mapped.split())
    return _abbreviate([word for word in words if word not in STOPWORDS])


def _abbreviate(words: list[str]) -> list[str]:
    out: list[str] = []
    index = 0
    while index < len(words):
        for phrase, short in _ABBREVIATIONS_BY_FIRST.get(words[index], ()):
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


def _name_bags(event: Event) -> list[frozenset[str]]:
    """The canonical word bags of an event's names.

    A name ending in the event's own kind also counts without it: "ERW conference" is what people
    mean by "ERW", "CCW meeting" by "CCW".
    """
    return list(dict.fromkeys(bag for bag, _ in _sourced_bags(event)))


def _sourced_bags(event: Event) -> list[tuple[frozenset[str], Confidence]]:
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
        words = _canonical_words(name)
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

    def __init__(self, calendar: Calendar) -> None:
        self.calendar = calendar
        self.events = calendar.events
        bags: list[tuple[int, frozenset[str]]] = []
        document_frequency: dict[str, set[int]] = defaultdict(set)
        for event_index, event in enumerate(self.events):
            for bag in _name_bags(event):
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
            for bag, confidence in _sourced_bags(event):
                known = self.exact_confidence.get(bag, Confidence.NONE)
                self.exact_confidence[bag] = max(known, confidence)
        self.frequency = {word: len(found) for word, found in document_frequency.items()}
        self.by_normalized_id = {event.id: event for event in self.events}

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


# The index of a calendar object, built on first use.
_index_for = per_calendar(_Index)


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


def query_words(calendar: Calendar, text: str) -> tuple[str, ...]:
    """The canonical, spell-corrected words of ``text`` that occur in some event name."""
    index = _index_for(calendar)
    corrected = (index.correct(word) for word in _canonical_words(text[:500]))
    return tuple(dict.fromkeys(word for word in corrected if word))


def unknown_words(calendar: Calendar, text: str) -> tuple[str, ...]:
    """The content words of ``text`` that are in no event name, even allowing for typos."""
    index = _index_for(calendar)
    return tuple(word for word in _canonical_words(text[:500]) if index.correct(word) is None)


def find_events(calendar: Calendar, text: str) -> LookupResult:
    """The events ``text`` may name, best first (at most eight)."""
    index = _index_for(calendar)
    by_id = index.by_normalized_id.get(text.strip().lower())
    if by_id is not None:
        return LookupResult(
            (by_id,), (1.0,), exact=True, words=(by_id.id,), confidence=Confidence.ID
        )
    words = query_words(calendar, text)
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
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[:_MAX_CANDIDATES]
    exact_events = index.exact.get(frozenset(words), set())
    matches = tuple(index.events[event_index] for event_index, _ in ranked)
    scores = tuple(round(dice, 4) for _, (dice, _) in ranked)
    exact = len(exact_events) == 1
    return LookupResult(
        matches=matches,
        scores=scores,
        exact=exact,
        ambiguous=_is_ambiguous(ranked, exact_events),
        words=words,
        confidence=_confidence(index, text, words, exact),
    )


def _confidence(index: _Index, text: str, words: tuple[str, ...], exact: bool) -> Confidence:
    typed = set(_canonical_words(text[:500]))
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


def resolve(calendar: Calendar, text: str) -> Resolution:
    """The event ``text`` names, for every place that turns a name into an event (the question
    engine's commands, /event, /where, /ics, /subscribe X): one rule, so they cannot disagree.

    A word no event name holds, even allowing for typos ("Ottawa" in "Ottawa Convention
    meeting"), means the text names something else: nothing is resolved. Words that several
    events share name none of them: the candidates are offered instead.
    """
    result = find_events(calendar, text)
    if result.confidence == Confidence.ID:
        return Resolution(result.best, confidence=Confidence.ID)
    if any(len(word) >= 4 and not word.isdigit() for word in unknown_words(calendar, text)):
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


def resolve_event(calendar: Calendar, text: str) -> Event | None:
    """The one event ``text`` names confidently, or None (nothing, or several fit)."""
    return resolve(calendar, text).event


@lru_cache(maxsize=1)
def abbreviations() -> tuple[str, ...]:
    """The abbreviations lookup understands (for help texts)."""
    return tuple(sorted({short.upper() for _, short in ABBREVIATIONS if short != "unga"}))
