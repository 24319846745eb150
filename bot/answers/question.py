"""A question as the engine reads it: its intents, the events it names (``bot.events.lookup``), the
days it names (``bot.answers.periods``), the places or subjects of the resolution it names
(``bot.answers.topics``), and the builders that make each kind of ``Answer`` from them. Pure: which
builder runs is decided by the rule table (``bot.answers.rules``), not here.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from functools import cached_property
from itertools import islice
from zoneinfo import ZoneInfo

from bot.answers.intents import Intents, read_intents, without_links
from bot.answers.knowledge import Knowledge
from bot.answers.model import (
    AgendaAnswer,
    AmbiguousAnswer,
    Answer,
    CountdownAnswer,
    DocumentAnswer,
    DurationAnswer,
    EventAnswer,
    EventCardAnswer,
    FootnoteAnswer,
    InstrumentAnswer,
    ListAnswer,
    MentionAnswer,
    NextAnswer,
    NowAnswer,
    OnDateAnswer,
    ParagraphAnswer,
    PlaceAnswer,
    ProvenanceAnswer,
    Shared,
    StatusAnswer,
    UnknownAnswer,
    WhatAnswer,
    WhenAnswer,
    WhereAnswer,
)
from bot.answers.periods import Period, find_period, month_first
from bot.answers.topics import (
    all_known,
    events_at,
    find_mention,
    find_place,
    foreign_words,
    instrument_named,
    paragraph_events,
    place_words,
    relevant_unstated,
    search_instruments,
    search_paragraphs,
    spelled_out,
    topic_words,
)
from bot.events.lookup import LookupResult, find_events
from bot.events.model import Calendar, Event
from bot.events.queries import (
    current_events,
    events_between,
    events_in_month,
    local_days,
    next_events,
    upcoming,
)

MAX_QUESTION = 1000
MAX_LISTED = 100
_EVENT_INTENTS = ("countdown", "duration", "where", "when", "what")
# Intents that ask about a meeting's date, place or state rather than what something is.
_ASKS_EVENT = frozenset(
    ("when", "where", "duration", "countdown", "status", "end", "who", "time", "next", "now")
)


MEETING_KINDS = ("meeting", "conference")
# The answer to an event question by the first event intent it shows ("what" has its own).
_ABOUT_EVENT: dict[str, type[EventAnswer]] = {
    "countdown": CountdownAnswer,
    "duration": DurationAnswer,
    "where": WhereAnswer,
    "when": WhenAnswer,
    "event": EventCardAnswer,
}


class Question:
    """One question being read: what it says (intents, events, days, topics), and the builders the
    rules of ``bot.answers.rules`` call to turn it into an ``Answer``."""

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
        self.intents: Intents = read_intents(question, knowledge)
        self.text = without_links(question)  # a pasted link's words ask nothing
        self.lookup: LookupResult = find_events(calendar, self.text, knowledge.terms)
        self.period: Period | None = find_period(
            self.text, now.astimezone(zone).date(), month_first=month_first(zone)
        )

    @cached_property
    def foreign(self) -> tuple[str, ...]:
        """Words no event name, day, place or calendar word explains."""
        places = place_words(self.calendar, self.knowledge)
        text = spelled_out(self.knowledge, self.text)
        foreign = foreign_words(self.calendar, text, self.knowledge.terms)
        return tuple(w for w in foreign if w not in places)

    @cached_property
    def topic(self) -> tuple[str, ...]:
        """The foreign words the resolution uses ("cluster munitions", "parrainage")."""
        return topic_words(self.knowledge, self.foreign) if self.foreign else ()

    @cached_property
    def shared(self) -> Shared:
        """What every answer to this question carries (``bot.answers.model.Shared``)."""
        return Shared(
            lang=self.lang,
            zone=self.zone,
            now=self.now,
            knowledge=self.knowledge,
            question=self.question,
        )

    @property
    def event(self) -> Event | None:
        if self.lookup.confident:
            return self.lookup.best
        if self.lookup.ambiguous and not self._general_question():
            # "C'est quel jour de la réunion ?" during the MSP: the one on now is meant.
            ongoing = [e for e in self._candidates() if e.phase(self.now) == "ongoing"]
            if len(ongoing) == 1 and ongoing[0].days_stated:
                return ongoing[0]
        return None

    # The resolution and its paragraphs ---------------------------------------------------------

    def about_document(self) -> Answer | None:
        intents, knowledge = self.intents, self.knowledge
        if intents.footnote is not None:
            footnote = knowledge.footnote(intents.footnote)
            return FootnoteAnswer(**self.shared, footnotes=(footnote,) if footnote else ())
        if intents.paragraph is not None:
            paragraph = knowledge.paragraph(intents.paragraph)
            if paragraph is None:
                return ParagraphAnswer(**self.shared)
            events = paragraph_events(self.calendar, (paragraph,))
            return ParagraphAnswer(**self.shared, events=events, paragraphs=(paragraph,))
        symbol = (intents.symbol or "").upper()
        if symbol and symbol not in {own.upper() for own in knowledge.own_symbols}:
            cited = tuple(
                footnote
                for footnote in knowledge.footnotes
                if footnote.symbol.upper().startswith(symbol.rstrip("."))
            )
            if cited:
                return FootnoteAnswer(**self.shared, footnotes=cited)
        if "document_facts" in intents and not {"when", "where"} & intents.found:
            return DocumentAnswer(**self.shared)
        if self.lookup.exact:
            return None  # "where is the adoption of resolution 62/57" names an event
        if "footnotes" in intents:
            return FootnoteAnswer(**self.shared, footnotes=knowledge.footnotes)
        if symbol or "resolution" in intents:
            if "agenda" in intents:
                return None  # "what did the resolution decide about the 63rd session"
            if "provenance" in intents and self.event is not None:
                return None  # "which paragraph of the resolution speaks of the MSP": its paragraphs
            if any(not word.startswith(("adopt", "vote")) for word in self.topic):
                # "Que dit la résolution sur le programme de parrainage ?": that part, not all.
                named = search_instruments(knowledge, self.topic)
                if len(named) == 1:
                    return InstrumentAnswer(**self.shared, instruments=named)
                found = self.about_topic()
                if found is not None:
                    return found
            paragraphs = knowledge.paragraphs if "decide" in intents else ()
            return DocumentAnswer(**self.shared, paragraphs=paragraphs)
        return None

    def about_agenda(self) -> Answer | None:
        if "agenda" not in self.intents:
            return None
        items = tuple(event for event in self.calendar.events if event.kind == "agenda_item")
        return AgendaAnswer(**self.shared, events=items)

    def about_mention(self) -> Answer | None:
        """A body or meeting the resolution names that is no event: what the resolution says of it.

        "When was the Third Review Conference?" hears that the resolution gives no date, never the
        conferences that merely share the word "conference".
        """
        if self.lookup.exact:
            return None
        mention = find_mention(self.knowledge, self.text)
        if mention is None:
            return None
        ids = {said.paragraph for said in mention.says}
        paragraphs = tuple(p for p in self.knowledge.paragraphs if p.id in ids)
        footnotes = tuple(n for n in self.knowledge.footnotes if n.number in mention.footnotes)
        # An undated meeting's paragraphs name other meetings' dates: listing them would read as
        # its own.
        events = () if mention.meeting else paragraph_events(self.calendar, paragraphs)
        return MentionAnswer(**self.shared, events=events, footnotes=footnotes, mention=mention)

    def about_provenance(self) -> Answer | None:
        if "provenance" not in self.intents:
            return None
        if self.event is not None:
            paragraphs = self.knowledge.paragraphs_about(self.event.id)
            return ProvenanceAnswer(**self.shared, event=self.event, paragraphs=paragraphs)
        if self.lookup.ambiguous:
            return self.ambiguous("provenance")
        return self.about_topic(require_topic=False)

    def about_instrument(self) -> Answer | None:
        intents = self.intents
        if "what" in intents and not self.intents.kind_filter and not _ASKS_EVENT & intents.found:
            # "What is ERW?": the Protocol, though "ERW" also names its conference.
            named = instrument_named(self.knowledge, self.text)
            if named is not None:
                best = self.lookup.best if self.lookup.confident else None
                related = (best,) if best is not None else ()
                return InstrumentAnswer(**self.shared, events=related, instruments=(named,))
        if "protocols" in intents and not intents.instrument:
            return InstrumentAnswer(**self.shared, instruments=self.knowledge.instruments)
        if intents.instrument and ("what" in intents or "decide" in intents):
            found = tuple(
                item for item in self.knowledge.instruments if item.id == intents.instrument
            )
            if found:
                return InstrumentAnswer(**self.shared, instruments=found)
        if self.topic and not self.lookup.exact and "what" in intents:
            named = search_instruments(self.knowledge, self.topic)
            if len(named) == 1:  # "what is the protocol on blinding lasers?"
                return InstrumentAnswer(**self.shared, instruments=named)
        return None

    # Events --------------------------------------------------------------------------------------

    def about_event(self) -> Answer | None:
        event, intents = self.event, self.intents
        asked = [name for name in _EVENT_INTENTS if name in intents]
        if event is None:
            if self.lookup.ambiguous and not self._general_question():
                return self.ambiguous("time" if "time" in intents else asked[0] if asked else None)
            return None
        if self.period is not None and not self.lookup.exact and not asked:
            return None  # "is there a meeting tomorrow": the day matters more than a loose name
        if "next" in intents and event.phase(self.now) == "past" and asked in ([], ["when"]):
            return None  # "when is the next CCW meeting?" in January: what comes next
        if "status" in intents and not {"where", "duration", "countdown"} & set(asked):
            return StatusAnswer(**self.shared, event=event)
        if "end" in intents and not {"where", "duration", "countdown"} & set(asked):
            return WhenAnswer(**self.shared, event=event, asked="end")
        if "start" in intents and "time" not in intents and set(asked) <= {"when", "what"}:
            return WhenAnswer(**self.shared, event=event, asked="start")
        if {"when", "where"} <= set(asked):
            return EventCardAnswer(**self.shared, event=event)
        if "who" in intents and "where" not in asked:
            asked = ["what"]
        kind = asked[0] if asked else "event"
        if kind == "when" and "time" in intents:
            return WhenAnswer(**self.shared, event=event, asked="time")
        if kind == "what":
            paragraphs = self.knowledge.paragraphs_about(event.id)
            return WhatAnswer(**self.shared, event=event, paragraphs=paragraphs)
        return _ABOUT_EVENT[kind](**self.shared, event=event)

    def about_place(self) -> Answer | None:
        """ "Which meetings are in Geneva?": the events held there, and those placed nowhere."""
        place = find_place(self.calendar, self.knowledge, self.question)
        if place is None or self.lookup.exact or self.period is not None:
            return None
        # A conference is a meeting too: only "conference" narrows a place question.
        wanted = "conference" if self.intents.kind_filter == "conference" else None
        events = tuple(e for e in self.calendar.events if wanted is None or e.kind == wanted)
        unplaced = tuple(e for e in events if e.location is None or not e.location.text())
        return PlaceAnswer(
            **self.shared, events=events_at(events, place), place=place, unplaced=unplaced
        )

    def about_topic_first(self) -> Answer | None:
        """A question about the resolution's subject that a loose event word would misread.

        "Tell me about the mines other than anti-personnel mines days" shares only "mines" with
        the Amended Protocol II conference; its other words are the resolution's.
        """
        if not self.topic or self.period is not None:
            return None
        if self.lookup.exact:
            # "Did the MSP decide on a new instrument on cluster munitions?": what the resolution
            # says about that, unless the question asks for a date or a place.
            if {
                "when",
                "where",
                "duration",
                "countdown",
                "status",
                "end",
                "who",
            } & self.intents.found:
                return None
            return self.about_topic()
        if self.lookup.confident and len(self.topic) < len(self.lookup.words):
            return None
        if (
            self.lookup.ambiguous
            and {"when", "where", "duration", "countdown"} & self.intents.found
        ):
            return None  # "where is the conference?": ask which one
        return self.about_topic()

    def about_topic(self, *, require_topic: bool = True) -> Answer | None:
        if require_topic and not self.topic:
            return None
        words = (*self.intents.words, *self.topic)
        found = search_paragraphs(self.knowledge, words)
        if not found:
            return None
        named = self.event if self.lookup.exact else None
        if named is not None:
            found = tuple(p for p in found if named.id in p.events) or found
        events = paragraph_events(self.calendar, found, named)
        fields = relevant_unstated(events, words)
        return ParagraphAnswer(
            **self.shared, events=events, paragraphs=found, unstated_fields=fields
        )

    def _general_question(self) -> bool:
        """A question about days or lists, where a loose event word ("meeting") is a filter."""
        intents = self.intents
        return self.period is not None or bool({"next", "now", "list"} & intents.found)

    def about_time(self) -> Answer | None:
        intents, kind_filter = self.intents, self.intents.kind_filter
        if "now" in intents:
            return NowAnswer(
                **self.shared, events=self._filtered(current_events(self.calendar, self.now))
            )
        if "next" in intents and self.period is None:
            upcoming = next_events(self.calendar, self.now, 3, kinds=self._kinds())
            ongoing = self._filtered(current_events(self.calendar, self.now))
            return NextAnswer(
                **self.shared, events=upcoming, ongoing=ongoing, kind_filter=kind_filter
            )
        if self.period is not None:
            return self.on_period(self.period)
        return None

    def on_period(self, period: Period) -> Answer:
        found = events_between(self.calendar, period.first, period.last, self.zone)
        if period.label in ("month", "this_month", "next_month"):
            vague = events_in_month(self.calendar, period.first.year, period.first.month)
            found = tuple(sorted({*found, *vague}, key=lambda event: event.starts_utc))
        found = self._filtered(found, loose=True)
        following: tuple[Event, ...] = ()
        if not found:
            end = datetime.combine(period.last + timedelta(days=1), time(0), self.zone)
            after = (
                event
                for event in upcoming(self.calendar, end - timedelta(microseconds=1))
                if event.days_stated and local_days(event, self.zone)[0] > period.last
            )
            following = tuple(islice(self._filtered_lazily(after, loose=True), 1))
        return OnDateAnswer(
            **self.shared, events=found[:MAX_LISTED], period=period, following=following
        )

    def about_list(self) -> Answer | None:
        if "list" not in self.intents:
            return None
        everything = self._filtered(self.calendar.events)
        return ListAnswer(**self.shared, events=everything[:MAX_LISTED], total=len(everything))

    def _filtered(self, events: tuple[Event, ...], *, loose: bool = False) -> tuple[Event, ...]:
        return tuple(self._filtered_lazily(iter(events), loose=loose))

    def _filtered_lazily(self, events: Iterator[Event], *, loose: bool = False) -> Iterator[Event]:
        """Events of the kinds the question names. ``loose``: for a day or a period, "a meeting" is
        any event ("is there a meeting tomorrow?" on 4 November)."""
        kinds = None if loose and self.intents.kind_filter == "meeting" else self._kinds()
        return (event for event in events if kinds is None or event.kind in kinds)

    def _kinds(self) -> tuple[str, ...] | None:
        """ "Meeting" is what people call conferences too ("what's the next meeting?" must not
        skip the Protocol V conference); agenda items and background are not meetings."""
        wanted = self.intents.kind_filter
        if wanted == "meeting":
            return MEETING_KINDS
        return (wanted,) if wanted else None

    # When nothing fits ---------------------------------------------------------------------------

    def _candidates(self) -> tuple[Event, ...]:
        top = self.lookup.score
        return tuple(
            event
            for event, score in zip(self.lookup.matches, self.lookup.scores, strict=False)
            if score >= top / 2
        )

    def ambiguous(self, asked: str | None) -> Answer:
        return AmbiguousAnswer(**self.shared, candidates=self._candidates(), asked=asked)

    def is_off_topic(self) -> bool:
        """True when the question is off topic: words no event, day, place, intent or paragraph
        of the resolution explains."""
        if self.lookup.matches or not self.foreign:
            return False
        if not self.topic:
            return True
        # Short words ("sous" in "armes à sous-munitions") prove nothing either way.
        return not all_known(self.knowledge, tuple(w for w in self.foreign if len(w) >= 5))

    def fallback(self) -> Answer:
        asked = [name for name in _EVENT_INTENTS[:-1] if name in self.intents]
        if "time" in self.intents:
            asked = ["time"]
        if asked and self.calendar.events:
            # "When is it?": offer the events to pick from.
            candidates = self.calendar.events[:8]
            return AmbiguousAnswer(**self.shared, candidates=candidates, asked=asked[0])
        return UnknownAnswer(**self.shared)
