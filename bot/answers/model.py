"""The structured answer: what the engine found, before any wording.

An ``Answer`` carries the kind of reply, the events it is about (for buttons), the candidates when a
question is ambiguous, and the facts the renderer words in the reader's language. ``Timing`` is an
event's tense relative to ``now`` as the reader sees it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from bot.answers.knowledge import (
    Document,
    Footnote,
    Instrument,
    Knowledge,
    Mention,
    Paragraph,
)
from bot.answers.periods import Period
from bot.events.model import Event
from bot.events.queries import local_days

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
Phase = Literal["past", "ongoing", "future"]


@dataclass(frozen=True)
class Timing:
    """Where an event stands relative to ``now`` for a reader in a zone.

    ``days_until``: calendar days from the reader's today to the first day (future events);
    ``hours_until``: for a timed event less than a day away; ``day_number``/``total_days``: "day 3
    of 7"; ``days_since``: days from the last day to the reader's today (past events). Counts are
    None when the sources give only a month or a year.
    """

    phase: Phase
    total_days: int | None
    days_until: int | None = None
    hours_until: int | None = None
    day_number: int | None = None
    days_since: int | None = None


def timing_of(event: Event, now: datetime, zone: ZoneInfo) -> Timing:
    """The tense and counts of ``event`` at ``now`` for a reader in ``zone``."""
    phase = event.phase(now)
    if not event.days_stated:
        return Timing(phase, None)
    first, last = local_days(event, zone)
    total = (last - first).days + 1
    today = now.astimezone(zone).date()
    if phase == "future":
        hours = None
        if event.is_timed and event.starts_utc - now < timedelta(days=1):
            hours = max(1, math.ceil((event.starts_utc - now) / timedelta(hours=1)))
        return Timing(phase, total, days_until=max(0, (first - today).days), hours_until=hours)
    if phase == "ongoing":
        # An all-day meeting runs on its own calendar: day 3 in Geneva is day 3 for everyone.
        own_today = now.astimezone(event.zone).date() if not event.is_timed else today
        day_number = min(total, max(1, (own_today - first).days + 1))
        return Timing(phase, total, day_number=day_number)
    return Timing(phase, total, days_since=max(0, (today - last).days))


@dataclass(frozen=True)
class Answer:
    """A reply to one question, before wording. Pure data: render it with ``bot.answers.render``."""

    kind: AnswerKind
    lang: str
    zone: ZoneInfo
    now: datetime
    knowledge: Knowledge = field(repr=False, compare=False)
    question: str = ""
    events: tuple[Event, ...] = ()
    timings: tuple[Timing, ...] = ()
    candidates: tuple[Event, ...] = ()
    asked: str | None = None  # for ambiguous/unknown: the kind of answer the question wanted
    ongoing: tuple[Event, ...] = ()  # for "next": what is on meanwhile
    period: Period | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    instruments: tuple[Instrument, ...] = ()
    document: Document | None = None
    feed_url: str | None = None
    kind_filter: str | None = None  # "meeting" / "conference" when the question named one
    following: tuple[Event, ...] = ()  # for an empty period: what comes after it
    total: int = 0  # for lists: how many events match in all (``events`` may hold fewer)
    place: str | None = None  # for "place": the place asked about (``following``: no place stated)
    unstated_fields: tuple[str, ...] = ()  # gaps in the record the question touches on
    mention: Mention | None = None  # for "mention": the body or undated meeting asked about
    unknown: str | None = None  # for "not_in_calendar": the name nothing here holds, as typed
    reference: Event | None = None  # for "sequence": the meeting asked about ("after the MSP")
    zones: tuple[str, ...] = ()  # for "timezone": the zones the place named may mean
    mentions: tuple[Mention, ...] = ()  # for "document_dates": meetings named without a date
    term: tuple[str, str] | None = None  # for "glossary": the abbreviation and what it stands for
    rule: str = ""  # the rule of bot.answers.rules that answered

    @property
    def event(self) -> Event | None:
        return self.events[0] if self.events else None

    def timing(self, event: Event) -> Timing:
        for known, timing in zip(self.events, self.timings, strict=False):
            if known.id == event.id:
                return timing
        return timing_of(event, self.now, self.zone)
