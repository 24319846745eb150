"""The engine: a question in English or French -> a structured ``Answer``. Pure.

It reads the question's intents, the events it names (``bot.events.lookup``) and the days it names
(``bot.answers.periods``), then decides which answer fits. It never reads the clock (``now`` is
passed in), never formats text (see ``bot.answers.render``) and never raises on odd input: an odd
question gets a "here is what I can answer" reply.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from functools import cache
from itertools import islice
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.answers.intents import NEUTRAL_WORDS, Intents, read_intents
from bot.answers.knowledge import Knowledge, Paragraph, default_knowledge
from bot.answers.model import Answer, timing_of
from bot.answers.periods import Period, find_period, month_and_day_words
from bot.events.lookup import LookupResult, find_events, normalize, unknown_words
from bot.events.model import Calendar, Event
from bot.events.queries import (
    current_events,
    events_between,
    events_in_month,
    local_days,
    next_events,
    upcoming,
)
from bot.text.dates import locale_for

MAX_QUESTION = 1000
MAX_LISTED = 100
_EVENT_INTENTS = ("countdown", "duration", "where", "when", "what")


def answer(
    question: str,
    now: datetime,
    tz: str | ZoneInfo | None,
    lang: str | None,
    calendar: Calendar,
    knowledge: Knowledge | None = None,
    *,
    feed_url: str | None = None,
) -> Answer:
    """Answer ``question`` as of ``now`` for a reader in zone ``tz`` who reads ``lang``."""
    question = (question or "")[:MAX_QUESTION]
    zone = _zone(tz, calendar)
    now_utc = now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)
    context = _Context(
        question=question,
        now=now_utc,
        zone=zone,
        lang=locale_for(lang),
        calendar=calendar,
        knowledge=knowledge or default_knowledge(),
        feed_url=feed_url,
    )
    return context.decide()


def _zone(tz: str | ZoneInfo | None, calendar: Calendar) -> ZoneInfo:
    if isinstance(tz, ZoneInfo):
        return tz
    try:
        return ZoneInfo(tz) if tz else calendar.zone
    except (ZoneInfoNotFoundError, ValueError):
        return calendar.zone


class _Context:
    """One question being answered: what it says, and the steps that turn it into an ``Answer``."""

    def __init__(
        self,
        *,
        question: str,
        now: datetime,
        zone: ZoneInfo,
        lang: str,
        calendar: Calendar,
        knowledge: Knowledge,
        feed_url: str | None,
    ) -> None:
        self.question, self.now, self.zone, self.lang = question, now, zone, lang
        self.calendar, self.knowledge, self.feed_url = calendar, knowledge, feed_url
        self.intents: Intents = read_intents(question)
        self.lookup: LookupResult = find_events(calendar, question)
        self.period: Period | None = find_period(question, now.astimezone(zone).date())

    def make(self, kind: str, events: tuple[Event, ...] = (), **facts: object) -> Answer:
        timings = tuple(timing_of(event, self.now, self.zone) for event in events)
        return Answer(
            kind=kind,  # type: ignore[arg-type]
            lang=self.lang,
            zone=self.zone,
            now=self.now,
            knowledge=self.knowledge,
            question=self.question,
            events=events,
            timings=timings,
            feed_url=self.feed_url,
            **facts,  # type: ignore[arg-type]
        )

    @property
    def event(self) -> Event | None:
        return self.lookup.best if self.lookup.confident else None

    def decide(self) -> Answer:
        intents = self.intents
        if not normalize(self.question) or "help" in intents:
            return self.make("help")
        if "subscribe" in intents:
            return self.make("subscribe", (self.event,) if self.event else ())
        for step in (self.about_document, self.about_agenda, self.about_provenance):
            found = step()
            if found is not None:
                return found
        if self.is_off_topic():
            return self.make("out_of_scope")
        for step in (self.about_instrument, self.about_event, self.about_time, self.about_list):
            found = step()
            if found is not None:
                return found
        return self.fallback()

    # The resolution and its paragraphs ---------------------------------------------------------

    def about_document(self) -> Answer | None:
        intents, knowledge = self.intents, self.knowledge
        if intents.footnote is not None:
            footnote = knowledge.footnote(intents.footnote)
            return self.make("footnote", footnotes=(footnote,) if footnote else ())
        if intents.paragraph is not None:
            paragraph = knowledge.paragraph(intents.paragraph)
            return self.make("paragraph", paragraphs=(paragraph,) if paragraph else ())
        symbol = (intents.symbol or "").upper()
        if symbol and symbol not in ("A/RES/62/57", "62/57", "A/62/395", "61/100"):
            cited = tuple(
                footnote
                for footnote in knowledge.footnotes
                if footnote.symbol.upper().startswith(symbol.rstrip("."))
            )
            if cited:
                return self.make("footnote", footnotes=cited)
        if self.lookup.exact:
            return None  # "where is the adoption of resolution 62/57" names an event
        if symbol or "resolution" in intents:
            paragraphs = knowledge.paragraphs if "decide" in intents else ()
            return self.make("document", document=knowledge.document, paragraphs=paragraphs)
        return None

    def about_agenda(self) -> Answer | None:
        if "agenda" not in self.intents:
            return None
        items = tuple(event for event in self.calendar.events if event.kind == "agenda_item")
        paragraphs = tuple(
            paragraph for event in items for paragraph in self.knowledge.paragraphs_about(event.id)
        )
        return self.make("agenda", items, paragraphs=tuple(dict.fromkeys(paragraphs)))

    def about_provenance(self) -> Answer | None:
        if "provenance" not in self.intents:
            return None
        if self.event is not None:
            paragraphs = self.knowledge.paragraphs_about(self.event.id)
            return self.make("provenance", (self.event,), paragraphs=paragraphs)
        if self.lookup.ambiguous:
            return self.ambiguous("provenance")
        found = _search_paragraphs(self.knowledge, self.intents.words)
        if found:
            return self.make("paragraph", paragraphs=found)
        return None

    def about_instrument(self) -> Answer | None:
        intents = self.intents
        if "protocols" in intents and not intents.instrument:
            return self.make("instrument", instruments=self.knowledge.instruments)
        if intents.instrument and ("what" in intents or "decide" in intents):
            found = tuple(
                item for item in self.knowledge.instruments if item.id == intents.instrument
            )
            if found:
                return self.make("instrument", instruments=found)
        return None

    # Events --------------------------------------------------------------------------------------

    def about_event(self) -> Answer | None:
        event, intents = self.event, self.intents
        asked = [name for name in _EVENT_INTENTS if name in intents]
        if event is None:
            if self.lookup.ambiguous and not self._general_question():
                return self.ambiguous(asked[0] if asked else None)
            return None
        if self.period is not None and not self.lookup.exact and not asked:
            return None  # "is there a meeting tomorrow": the day matters more than a loose name
        if {"when", "where"} <= set(asked):
            return self.make("event", (event,))
        kind = asked[0] if asked else "event"
        paragraphs = self.knowledge.paragraphs_about(event.id) if kind == "what" else ()
        return self.make(kind, (event,), paragraphs=paragraphs)

    def _general_question(self) -> bool:
        """A question about days or lists, where a loose event word ("meeting") is a filter."""
        intents = self.intents
        return self.period is not None or bool({"next", "now", "list"} & intents.found)

    def about_time(self) -> Answer | None:
        intents, kind_filter = self.intents, self.intents.kind_filter
        if "now" in intents:
            return self.make("now", self._filtered(current_events(self.calendar, self.now)))
        if "next" in intents and self.period is None:
            upcoming = next_events(self.calendar, self.now, 3, kind=kind_filter)
            ongoing = self._filtered(current_events(self.calendar, self.now))
            return self.make("next", upcoming, ongoing=ongoing, kind_filter=kind_filter)
        if self.period is not None:
            return self.on_period(self.period)
        return None

    def on_period(self, period: Period) -> Answer:
        found = events_between(self.calendar, period.first, period.last, self.zone)
        if period.label in ("month", "this_month", "next_month"):
            vague = events_in_month(self.calendar, period.first.year, period.first.month)
            found = tuple(sorted({*found, *vague}, key=lambda event: event.starts_utc))
        found = self._filtered(found)
        following: tuple[Event, ...] = ()
        if not found:
            end = datetime.combine(period.last + timedelta(days=1), time(0), self.zone)
            after = (
                event
                for event in upcoming(self.calendar, end - timedelta(microseconds=1))
                if event.days_stated and local_days(event, self.zone)[0] > period.last
            )
            following = tuple(islice(self._filtered_lazily(after), 1))
        return self.make("on_date", found[:MAX_LISTED], period=period, following=following)

    def about_list(self) -> Answer | None:
        if "list" not in self.intents:
            return None
        everything = self._filtered(self.calendar.events)
        return self.make(
            "list",
            everything[:MAX_LISTED],
            total=len(everything),
            kind_filter=self.intents.kind_filter,
        )

    def _filtered(self, events: tuple[Event, ...]) -> tuple[Event, ...]:
        return tuple(self._filtered_lazily(iter(events)))

    def _filtered_lazily(self, events: Iterator[Event]) -> Iterator[Event]:
        wanted = self.intents.kind_filter
        return (event for event in events if wanted is None or event.kind == wanted)

    # When nothing fits ---------------------------------------------------------------------------

    def ambiguous(self, asked: str | None) -> Answer:
        top = self.lookup.score
        candidates = tuple(
            event
            for event, score in zip(self.lookup.matches, self.lookup.scores, strict=False)
            if score >= top / 2
        )
        return self.make("ambiguous", candidates=candidates, asked=asked)

    def is_off_topic(self) -> bool:
        """True when the question is off topic: words no event, day or intent explains."""
        if self.lookup.matches:
            return False
        known = NEUTRAL_WORDS | month_and_day_words()
        foreign = [
            word
            for word in unknown_words(self.calendar, self.question)
            if len(word) > 2 and not word.isdigit() and word not in known
        ]
        return bool(foreign)

    def fallback(self) -> Answer:
        asked = [name for name in _EVENT_INTENTS[:-1] if name in self.intents]
        if asked and self.calendar.events:
            # "When is it?": offer the events to pick from.
            candidates = self.calendar.events[:8]
            return self.make("ambiguous", candidates=candidates, asked=asked[0])
        return self.make("unknown")


def _search_paragraphs(knowledge: Knowledge, words: tuple[str, ...]) -> tuple[Paragraph, ...]:
    """Paragraphs whose summary shares the most content words (4+ letters) with the question."""
    wanted = {word for word in words if len(word) >= 4} - NEUTRAL_WORDS
    if not wanted:
        return ()
    scored = []
    for paragraph in knowledge.paragraphs:
        text = _summary_words(paragraph)
        hits = sum(1 for word in wanted if any(token.startswith(word[:6]) for token in text))
        if hits:
            scored.append((hits, paragraph))
    if not scored:
        return ()
    best = max(hits for hits, _ in scored)
    return tuple(paragraph for hits, paragraph in scored if hits == best)[:5]


@cache
def _summary_words_cached(en: str, fr: str) -> frozenset[str]:
    return frozenset(normalize(f"{en} {fr}").split())


def _summary_words(paragraph: Paragraph) -> frozenset[str]:
    return _summary_words_cached(paragraph.summary.en, paragraph.summary.fr)
