"""Topics and places: what a question is about when it names no event.

A delegate asks "what about cluster munitions?" or "compliance mechanism?", a journalist "which
meetings are in Geneva?". Those words are in no event name, so lookup finds nothing; but they are
in the resolution (the knowledge's summaries) or in the events' places. This module tells such
questions from off-topic ones ("what's the weather?"), finds the paragraphs a topic question is
about, and the place a question names. Pure; vocabularies are built once per knowledge/calendar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.answers.intents import NEUTRAL_WORDS
from bot.answers.knowledge import Instrument, Knowledge, Mention, Paragraph
from bot.answers.periods import month_and_day_words
from bot.answers.words import phrase_words
from bot.events.derived import per_object
from bot.events.lookup import Terms, normalize, unknown_words
from bot.events.model import Calendar, Event

_NUMBERISH = re.compile(r"^\d+(st|nd|rd|th|e|er|eme)?$")  # "6th", "13e": a day, not a topic
_PREFIX = 6  # "munition" finds "munitions", "decided" finds "decide"
_MIN_LENGTH = 5  # short words ("fait", "the", "new") are in every text: they prove no topic
# Longer words the summaries share with everyday questions ("quel temps fait-il", "which other").
_COMMON_TEXT = """
    which there their other those these where about would could should within under being after
    before while order since again still every people world today years their great least
    notamment leurs autres entre cette ainsi avoir faire etre comme aussi selon toutes toute
    encore leur dont apres avant depuis chaque
"""
_COMMON = frozenset(_COMMON_TEXT.split())


@dataclass(frozen=True)
class _Vocabulary:
    words: frozenset[str]
    prefixes: frozenset[str]

    def knows(self, word: str) -> bool:
        return word in self.words or (len(word) >= _PREFIX and _stem(word) in self.prefixes)


def _stem(word: str) -> str:
    """The first letters that stand for a word's family ("lasers" -> "laser", "munitio")."""
    return word[:-1][:_PREFIX] if word.endswith("s") else word[:_PREFIX]


def _build_vocabulary(knowledge: Knowledge) -> _Vocabulary:
    """Every word of the knowledge's summaries, instruments and footnote subjects (en and fr)."""
    texts = [f"{p.summary.en} {p.summary.fr}" for p in knowledge.paragraphs]
    texts += [f"{i.name} {i.name_fr} {i.covers.en} {i.covers.fr}" for i in knowledge.instruments]
    texts += [f"{n.cited_for.en} {n.cited_for.fr}" for n in knowledge.footnotes]
    words = frozenset(
        word
        for word in normalize(" ".join(texts)).split()
        if len(word) >= _MIN_LENGTH and word not in _COMMON
    )
    prefixes = frozenset(w[:length] for w in words for length in (_PREFIX - 1, _PREFIX))
    return _Vocabulary(words, prefixes)


_vocabulary = per_object(_build_vocabulary)


def spelled_out(knowledge: Knowledge, question: str) -> str:
    """The question with the resolution's abbreviations spelled out ("ICRC" -> "... Red Cross")."""
    if not knowledge.abbreviations:
        return question
    words = normalize(question[:500]).split()
    found = [knowledge.abbreviations[word] for word in words if word in knowledge.abbreviations]
    if not found:
        return question
    kept = " ".join(word for word in words if word not in knowledge.abbreviations)
    return f"{kept} {' '.join(found)}"


def foreign_words(calendar: Calendar, question: str, terms: Terms | None = None) -> tuple[str, ...]:
    """Content words no event name, day name or calendar word explains (``terms``: the short
    forms of the calendar's knowledge, ``Knowledge.terms``)."""
    known = NEUTRAL_WORDS | month_and_day_words() | phrase_words()
    return tuple(
        word
        for word in unknown_words(calendar, question, terms)
        if len(word) > 2 and not _NUMBERISH.match(word) and word not in known
    )


def topic_words(knowledge: Knowledge, foreign: tuple[str, ...]) -> tuple[str, ...]:
    """The foreign words the resolution uses: what a topic question is about."""
    vocabulary = _vocabulary(knowledge)
    return tuple(word for word in foreign if vocabulary.knows(word))


def knows_word(knowledge: Knowledge, word: str) -> bool:
    """True when the resolution uses ``word`` (or a word of its family), or it is in a name the
    knowledge gives (an instrument, a body, the document's title)."""
    return _vocabulary(knowledge).knows(word) or word in _name_words(knowledge)


def _build_name_words(knowledge: Knowledge) -> frozenset[str]:
    texts = [knowledge.document.title, knowledge.document.title_fr, knowledge.document.committee]
    texts += [alias for item in knowledge.mentions for alias in item.aliases]
    texts += [f"{item.name.en} {item.name.fr}" for item in knowledge.mentions]
    texts += [
        f"{item.name} {item.name_fr} {' '.join(item.aliases)}" for item in knowledge.instruments
    ]
    texts += list(knowledge.abbreviations.values())
    # Its short forms and what they stand for: "BBNJ" is a name the knowledge gives.
    texts += [f"{short} {' '.join(longs)}" for short, longs in knowledge.short_forms.items()]
    return frozenset(normalize(" ".join(texts)).split())


_name_words = per_object(_build_name_words)


def knowledge_words(knowledge: Knowledge) -> frozenset[str]:
    """The words of the knowledge's summaries and names."""
    return _vocabulary(knowledge).words | _name_words(knowledge)


def all_known(knowledge: Knowledge, foreign: tuple[str, ...]) -> bool:
    """True when every foreign word is one the resolution uses (so the question is on topic)."""
    vocabulary = _vocabulary(knowledge)
    return all(vocabulary.knows(word) for word in foreign)


def search_paragraphs(knowledge: Knowledge, words: tuple[str, ...]) -> tuple[Paragraph, ...]:
    """Paragraphs whose summary shares the most content words (4+ letters) with the question."""
    wanted = {word for word in words if len(word) >= 4} - NEUTRAL_WORDS
    if not wanted:
        return ()
    scored = []
    for paragraph in knowledge.paragraphs:
        text = _summary_words(paragraph.summary.en, paragraph.summary.fr)
        hits = sum(1 for word in wanted if any(token.startswith(_stem(word)) for token in text))
        if hits:
            scored.append((hits, paragraph))
    if not scored:
        return ()
    best = max(hits for hits, _ in scored)
    return tuple(paragraph for hits, paragraph in scored if hits == best)[:5]


@cache
def _summary_words(en: str, fr: str) -> frozenset[str]:
    return frozenset(normalize(f"{en} {fr}").split())


def search_instruments(knowledge: Knowledge, words: tuple[str, ...]) -> tuple[Instrument, ...]:
    """The instrument every topic word belongs to ("the protocol on blinding lasers")."""
    found = []
    for item in knowledge.instruments:
        text = _summary_words(f"{item.name} {item.covers.en}", f"{item.name_fr} {item.covers.fr}")
        if words and all(any(t.startswith(_stem(w)) for t in text) for w in words):
            found.append(item)
    return tuple(found)


def _names(aliases: tuple[str, ...], text: str) -> bool:
    return any(f" {normalize(alias)} " in text for alias in aliases)


def find_mention(knowledge: Knowledge, question: str) -> Mention | None:
    """The body or undated meeting the question names ("the Third Review Conference")."""
    text = f" {normalize(question[:500])} "
    return next((item for item in knowledge.mentions if _names(item.aliases, text)), None)


def instrument_named(knowledge: Knowledge, question: str) -> Instrument | None:
    """The instrument the question names by what people call it ("ERW", "blinding lasers")."""
    text = f" {normalize(question[:500])} "
    return next((item for item in knowledge.instruments if _names(item.aliases, text)), None)


def paragraph_events(
    calendar: Calendar, paragraphs: tuple[Paragraph, ...], named: Event | None = None
) -> tuple[Event, ...]:
    """The calendar's events these paragraphs mention, in calendar order."""
    ids = {event_id for paragraph in paragraphs for event_id in paragraph.events}
    if named is not None:
        ids.add(named.id)
    return tuple(event for event in calendar.events if event.id in ids)


def relevant_unstated(events: tuple[Event, ...], words: tuple[str, ...]) -> tuple[str, ...]:
    """Unstated fields whose note shares two or more of the question's words.

    "Which day is the mines other than anti-personnel mines discussion?" should hear that the
    resolution does not say which days, not every other gap in the record.
    """
    wanted = {word for word in words if len(word) >= 4} - NEUTRAL_WORDS
    fields = []
    for event in events:
        for item in event.unstated:
            note = set(normalize(item.note).split())
            if len(wanted & note) >= 2 and item.field not in fields:
                fields.append(item.field)
    return tuple(fields)


# Places ------------------------------------------------------------------------------------------


def _place_names(calendar: Calendar, knowledge: Knowledge) -> dict[str, str]:
    """Normalized place name (English or French) -> the place as events.yaml writes it."""
    names: dict[str, str] = {}
    for event in calendar.events:
        if event.location is None:
            continue
        for part in (event.location.venue, event.location.city, event.location.country):
            if part:
                names[normalize(part)] = part
                names[normalize(knowledge.place(part, "fr"))] = part
    return {name: part for name, part in names.items() if name}


@dataclass(frozen=True)
class _Places:
    names: dict[str, str]  # normalized name -> the place as events.yaml writes it
    longest_first: tuple[str, ...]
    words: frozenset[str]


def _build_places(calendar: Calendar, knowledge: Knowledge) -> _Places:
    names = _place_names(calendar, knowledge)
    return _Places(
        names,
        tuple(sorted(names, key=len, reverse=True)),
        frozenset(word for name in names for word in name.split()),
    )


# Per calendar *and* knowledge: an edit of the knowledge file alone keeps the same calendar object.
_places = per_object(_build_places)


def find_place(calendar: Calendar, knowledge: Knowledge, question: str) -> str | None:
    """The place (city, country or venue of some event) the question names, or None."""
    places = _places(calendar, knowledge)
    words = normalize(question[:500]).split()
    if not places.words.intersection(words):
        return None
    text = f" {' '.join(words)} "
    for name in places.longest_first:
        if f" {name} " in text:
            return places.names[name]
    return None


def place_words(calendar: Calendar, knowledge: Knowledge) -> frozenset[str]:
    """Every word of every place name: "Geneva" in a question is not off topic."""
    return _places(calendar, knowledge).words


def events_at(events: tuple[Event, ...], place: str) -> tuple[Event, ...]:
    """The events held at ``place`` (their venue, city or country)."""
    return tuple(
        event
        for event in events
        if event.location is not None
        and place in (event.location.venue, event.location.city, event.location.country)
    )


# The resolution's glossary and dates -------------------------------------------------------------


def glossary_term(knowledge: Knowledge, question: str, lang: str) -> tuple[str, str] | None:
    """The abbreviation the question asks about and what it stands for, in ``lang``."""
    words = set(normalize(question[:500]).split())
    for term, texts in knowledge.glossary.items():
        if normalize(term) in words:
            return term, texts.fr if lang == "fr" else texts.en
    return None


def document_dates(
    calendar: Calendar, knowledge: Knowledge, *, past_only: bool
) -> tuple[tuple[Event, ...], tuple[Mention, ...]]:
    """The events the resolution's paragraphs name (those before its adoption when
    ``past_only``), and the meetings it names without a date."""
    ids = {event_id for paragraph in knowledge.paragraphs for event_id in paragraph.events}
    adopted = knowledge.document.adopted
    events = tuple(
        event
        for event in calendar.events
        if event.id in ids and (not past_only or event.first_day.isoformat() < adopted)
    )
    return events, tuple(item for item in knowledge.mentions if item.meeting)
