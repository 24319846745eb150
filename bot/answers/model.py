"""The structured answer: what the engine found, before any wording.

``Answer`` is a union of small frozen dataclasses, one per kind of reply, each carrying only the
facts its kind needs, so that the renderer (``bot.answers.render``, one function per type) cannot
read a field its kind lacks. Every answer shares ``AnswerBase``: the reader's language and zone,
``now``, the knowledge it was built from, the question and the rule that answered. ``about()``
gives the events a reply is about, for the buttons under it. Kinds that share a shape share a base:
``EventAnswer`` (one event: when, where, how long...) and ``EventsAnswer`` (a list of events).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar, Literal, TypedDict, get_args
from zoneinfo import ZoneInfo

from bot.answers.knowledge import Footnote, Instrument, Knowledge, Mention, Paragraph
from bot.answers.periods import Period
from bot.answers.timing import Timing, timing_of
from bot.events.model import Event

AnswerKind = Literal[
    "when",
    "where",
    "what",
    "event",
    "duration",
    "countdown",
    "next",
    "now",
    "on_date",
    "list",
    "provenance",
    "paragraph",
    "footnote",
    "document",
    "instrument",
    "mention",
    "agenda",
    "subscribe",
    "help",
    "thanks",
    "place",
    "status",
    "ambiguous",
    "unknown",
    "out_of_scope",
    "not_in_calendar",
    "sequence",
    "state",
    "working_days",
    "span",
    "glossary",
    "document_dates",
    "timezone",
    "unsubscribe",
    "changes",
]

_answer = dataclass(frozen=True, kw_only=True)


@_answer
class AnswerBase:
    """What every reply carries. ``kind`` names the type (the case tables and adapters use it)."""

    kind: ClassVar[AnswerKind]
    lang: str
    zone: ZoneInfo
    now: datetime
    knowledge: Knowledge = field(repr=False, compare=False)
    question: str = ""
    rule: str = ""  # the rule of bot.answers.rules that answered

    def about(self) -> tuple[Event, ...]:
        """The events the reply is about: the buttons under it offer them."""
        return ()

    def timing(self, event: Event) -> Timing:
        return timing_of(event, self.now, self.zone)


# Replies with no facts of their own ---------------------------------------------------------------


@_answer
class HelpAnswer(AnswerBase):
    kind = "help"


@_answer
class ThanksAnswer(AnswerBase):
    kind = "thanks"


@_answer
class UnsubscribeAnswer(AnswerBase):
    """ "Stop sending me reminders": the adapter offers the button that does it."""

    kind = "unsubscribe"


@_answer
class OutOfScopeAnswer(AnswerBase):
    kind = "out_of_scope"


@_answer
class UnknownAnswer(AnswerBase):
    kind = "unknown"


# About one event ----------------------------------------------------------------------------------


@_answer
class EventAnswer(AnswerBase):
    """A reply about one event: its date, place, length, state."""

    event: Event

    def about(self) -> tuple[Event, ...]:
        return (self.event,)


@_answer
class EventCardAnswer(EventAnswer):
    kind = "event"


@_answer
class WhenAnswer(EventAnswer):
    kind = "when"
    asked: Literal["start", "end", "time"] | None = None  # a part of "when" the question named


@_answer
class WhereAnswer(EventAnswer):
    kind = "where"


@_answer
class DurationAnswer(EventAnswer):
    kind = "duration"


@_answer
class CountdownAnswer(EventAnswer):
    kind = "countdown"


@_answer
class StatusAnswer(EventAnswer):
    kind = "status"


@_answer
class WorkingDaysAnswer(EventAnswer):
    kind = "working_days"


@_answer
class StateAnswer(EventAnswer):
    """ "Is the MSP still going on?": yes or no, for one of ``bot.answers.sequence.state_of``."""

    kind = "state"
    asked: str = "ongoing"  # "last_day", "started" or "ongoing"


@_answer
class WhatAnswer(EventAnswer):
    kind = "what"
    paragraphs: tuple[Paragraph, ...] = ()  # the resolution's paragraphs about the event


@_answer
class ProvenanceAnswer(EventAnswer):
    kind = "provenance"
    paragraphs: tuple[Paragraph, ...] = ()


@_answer
class SubscribeAnswer(AnswerBase):
    """How to subscribe; ``event``: the meeting named ("remind me the day before the MSP")."""

    kind = "subscribe"
    event: Event | None = None
    feed_url: str | None = None

    def about(self) -> tuple[Event, ...]:
        return (self.event,) if self.event else ()


@_answer
class ChangesAnswer(AnswerBase):
    kind = "changes"
    event: Event | None = None

    def about(self) -> tuple[Event, ...]:
        return (self.event,) if self.event else ()


# About several events -----------------------------------------------------------------------------


@_answer
class EventsAnswer(AnswerBase):
    """A reply listing events (``events`` may be empty: "nothing on that day")."""

    events: tuple[Event, ...] = ()

    def about(self) -> tuple[Event, ...]:
        return self.events


@_answer
class NowAnswer(EventsAnswer):
    kind = "now"


@_answer
class NextAnswer(EventsAnswer):
    kind = "next"
    ongoing: tuple[Event, ...] = ()  # what is on meanwhile
    kind_filter: str | None = None  # "meeting" / "conference" when the question named one


@_answer
class OnDateAnswer(EventsAnswer):
    kind = "on_date"
    period: Period
    following: tuple[Event, ...] = ()  # for an empty period: what comes after it


@_answer
class ListAnswer(EventsAnswer):
    kind = "list"
    total: int = 0  # how many events match in all (``events`` may hold fewer)


@_answer
class SpanAnswer(EventsAnswer):
    """ "How long do the November meetings last in total?": never empty."""

    kind = "span"


@_answer
class SequenceAnswer(EventsAnswer):
    """What comes after (or before) a meeting, or a day when no meeting is named."""

    kind = "sequence"
    asked: Literal["before", "after"] = "after"
    reference: Event | None = None
    period: Period | None = None  # when ``reference`` is None


@_answer
class PlaceAnswer(EventsAnswer):
    kind = "place"
    place: str  # as the knowledge spells it
    unplaced: tuple[Event, ...] = ()  # events whose place no source states


@_answer
class AgendaAnswer(EventsAnswer):
    """The agenda items the resolution sets, with their dates."""

    kind = "agenda"


@_answer
class NotInCalendarAnswer(EventsAnswer):
    """A name nothing here holds, declined with no date; ``events``: some the calendar holds."""

    kind = "not_in_calendar"
    name: str  # as typed
    total: int = 0  # how many events the calendar holds


@_answer
class DocumentDatesAnswer(EventsAnswer):
    kind = "document_dates"
    mentions: tuple[Mention, ...] = ()  # meetings the document names without a date


@_answer
class ParagraphAnswer(EventsAnswer):
    """Paragraphs of the resolution, and the meetings they are about."""

    kind = "paragraph"
    paragraphs: tuple[Paragraph, ...] = ()  # empty: no such paragraph
    unstated_fields: tuple[str, ...] = ()  # gaps in the records the question touches on


@_answer
class MentionAnswer(EventsAnswer):
    """A body or undated meeting the resolution names: what it says of it."""

    kind = "mention"
    mention: Mention
    footnotes: tuple[Footnote, ...] = ()


@_answer
class InstrumentAnswer(EventsAnswer):
    """Protocols of the Convention; ``events``: a meeting the name also stands for ("ERW")."""

    kind = "instrument"
    instruments: tuple[Instrument, ...] = ()


# About the document and the reader ----------------------------------------------------------------


@_answer
class DocumentAnswer(AnswerBase):
    kind = "document"
    paragraphs: tuple[Paragraph, ...] = ()  # "what did it decide?": its operative paragraphs


@_answer
class FootnoteAnswer(AnswerBase):
    kind = "footnote"
    footnotes: tuple[Footnote, ...] = ()  # empty: no such footnote


@_answer
class GlossaryAnswer(AnswerBase):
    kind = "glossary"
    term: str
    meaning: str


@_answer
class TimezoneAnswer(AnswerBase):
    kind = "timezone"
    place: str  # as typed
    zones: tuple[str, ...] = ()  # the zones it may mean


@_answer
class AmbiguousAnswer(AnswerBase):
    """ "Which one do you mean?", with the candidates as buttons."""

    kind = "ambiguous"
    candidates: tuple[Event, ...] = ()
    asked: str | None = None  # the kind of answer the question wanted


Answer = (
    HelpAnswer
    | ThanksAnswer
    | UnsubscribeAnswer
    | OutOfScopeAnswer
    | UnknownAnswer
    | EventCardAnswer
    | WhenAnswer
    | WhereAnswer
    | DurationAnswer
    | CountdownAnswer
    | StatusAnswer
    | WorkingDaysAnswer
    | StateAnswer
    | WhatAnswer
    | ProvenanceAnswer
    | SubscribeAnswer
    | ChangesAnswer
    | NowAnswer
    | NextAnswer
    | OnDateAnswer
    | ListAnswer
    | SpanAnswer
    | SequenceAnswer
    | PlaceAnswer
    | AgendaAnswer
    | NotInCalendarAnswer
    | DocumentDatesAnswer
    | ParagraphAnswer
    | MentionAnswer
    | InstrumentAnswer
    | DocumentAnswer
    | FootnoteAnswer
    | GlossaryAnswer
    | TimezoneAnswer
    | AmbiguousAnswer
)
ANSWER_TYPES: dict[AnswerKind, type[Answer]] = {cls.kind: cls for cls in get_args(Answer)}


class Shared(TypedDict):
    """The facts every answer to one question shares (``AnswerBase``'s fields but ``rule``): a
    builder writes ``WhenAnswer(**q.shared, event=event)``, so a fact its kind lacks is a type
    error, not a runtime surprise."""

    lang: str
    zone: ZoneInfo
    now: datetime
    knowledge: Knowledge
    question: str
