"""The rule table: one named rule per kind of answer, tried in the order of ``RULES``.

A rule has a guard (a cheap test on the question's intents and names), a builder (which may still
decline with None, when a closer look shows the question is not its kind) and a docstring with
example questions. The case tables (tests/answers/cases*.yaml) tag each row with the rule it
exercises, so one can go from a rule to its tests. The order is the one place where precedence is
decided: grounding comes before anything that could answer with another event's date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.answers.actions import zone_asked
from bot.answers.grounding import unknown_name
from bot.answers.intents import Intent
from bot.answers.model import (
    Answer,
    ChangesAnswer,
    DocumentDatesAnswer,
    GlossaryAnswer,
    HelpAnswer,
    NotInCalendarAnswer,
    OutOfScopeAnswer,
    SequenceAnswer,
    SpanAnswer,
    StateAnswer,
    SubscribeAnswer,
    ThanksAnswer,
    TimezoneAnswer,
    UnsubscribeAnswer,
    WorkingDaysAnswer,
)
from bot.answers.question import Question
from bot.answers.sequence import events_after, events_before, span_of, state_of
from bot.answers.topics import document_dates, glossary_term
from bot.events.lookup import normalize
from bot.events.model import Event


@dataclass(frozen=True)
class Rule:
    """A kind of answer: when it applies (``guard``) and how it is built (``build``)."""

    name: str
    guard: Callable[[Question], bool]
    build: Callable[[Question], Answer | None]

    @property
    def examples(self) -> str:
        return self.build.__doc__ or ""


def _always(q: Question) -> bool:
    return True


def _has(*intents: Intent) -> Callable[[Question], bool]:
    return lambda q: any(intent in q.intents for intent in intents)


def help_(q: Question) -> Answer | None:
    """ "help", "/start", "hello", an empty message."""
    return HelpAnswer(**q.shared)


def thanks(q: Question) -> Answer | None:
    """ "thanks!", "merci beaucoup", "ok 👍"."""
    return ThanksAnswer(**q.shared)


def timezone(q: Question) -> Answer | None:
    """ "change my timezone to New York", "set my time zone to Tokyo", "fuseau horaire Paris"."""
    place, zones = zone_asked(q.text)
    return TimezoneAnswer(**q.shared, zones=zones, place=place) if place else None


def unsubscribe(q: Question) -> Answer | None:
    """ "stop sending me reminders", "unsubscribe me", "plus de rappels"."""
    return UnsubscribeAnswer(**q.shared)


def changes(q: Question) -> Answer | None:
    """ "notify me if a meeting is moved", "let me know if the dates change"."""
    return ChangesAnswer(**q.shared, event=q.event)


def subscribe(q: Question) -> Answer | None:
    """ "remind me the day before the MSP", "how do I subscribe?", "is there an ical feed?"."""
    return SubscribeAnswer(**q.shared, event=q.event, feed_url=q.feed_url)


def not_in_calendar(q: Question) -> Answer | None:
    """ "When is the next Human Rights Council session?", "Is there a meeting in Paris?": a name
    nothing in the calendar or the knowledge holds is declined, with no date."""
    name = unknown_name(q.calendar, q.knowledge, q.text, q.lookup, q.lang)
    if name is None:
        return None
    events = q.calendar.events
    return NotInCalendarAnswer(**q.shared, events=events[:10], name=name, total=len(events))


def glossary(q: Question) -> Answer | None:
    """ "what does MOTAPM mean?", "what does HCP stand for?", "que signifie ERW ?"."""
    found = glossary_term(q.knowledge, q.text, q.lang)
    if found is None:
        return None
    term, meaning = found
    return GlossaryAnswer(**q.shared, term=term, meaning=meaning)


def dates_in_document(q: Question) -> Answer | None:
    """ "give me all the dates mentioned in the resolution", "which past meetings does it
    mention?"."""
    past = "past" in normalize(q.text).split() or "passees" in normalize(q.text).split()
    events, mentions = document_dates(q.calendar, q.knowledge, past_only=past)
    return DocumentDatesAnswer(**q.shared, events=events, mentions=mentions)


def document(q: Question) -> Answer | None:
    """ "what is A/RES/62/57?", "footnote 6", "what does operative paragraph 11 say?"."""
    return q.about_document()


def agenda(q: Question) -> Answer | None:
    """ "what's on the agenda of the sixty-third session?"."""
    return q.about_agenda()


def mention(q: Question) -> Answer | None:
    """ "when was the Third Review Conference?", "what is the Secretary-General asked to do?"."""
    return q.about_mention()


def provenance(q: Question) -> Answer | None:
    """ "which paragraph mentions the Protocol V conference?", "source for the MSP"."""
    return q.about_provenance()


def out_of_scope(q: Question) -> Answer | None:
    """ "what's the weather?", "tell me a joke"."""
    return OutOfScopeAnswer(**q.shared) if q.is_off_topic() else None


def instrument(q: Question) -> Answer | None:
    """ "what is protocol IV?", "what are the protocols?", "what is ERW?"."""
    return q.about_instrument()


def place(q: Question) -> Answer | None:
    """ "which meetings are in Geneva?", "what's in New York"."""
    return q.about_place()


def topic_first(q: Question) -> Answer | None:
    """ "tell me about the mines other than anti-personnel mines days"."""
    return q.about_topic_first()


def sequence(q: Question) -> Answer | None:
    """ "what comes after the MSP?", "is there anything after the 13th?", "what comes before the
    MSP?", "what's next after today's conference?"."""
    before = Intent.BEFORE in q.intents and Intent.AFTER not in q.intents
    reference = q.event or _ongoing(q)
    if reference is None and q.period is None:
        return None
    pick = events_before if before else events_after
    events = pick(q.calendar, reference, q.period, q.zone)
    asked = "before" if before else "after"
    return SequenceAnswer(
        **q.shared, events=events[:3], reference=reference, period=q.period, asked=asked
    )


def state(q: Question) -> Answer | None:
    """ "is today the last day of the MSP?", "is the MSP still going on?", "has it started yet?"."""
    event = q.event
    if event is None:
        return None
    return StateAnswer(**q.shared, event=event, asked=state_of(q.text))


def working_days(q: Question) -> Answer | None:
    """ "how many working days does the MSP have?"."""
    event = q.event
    if event is None or not event.days_stated:
        return None
    return WorkingDaysAnswer(**q.shared, event=event)


def total_span(q: Question) -> Answer | None:
    """ "how long do the November meetings last in total?"."""
    events = span_of(q.calendar, q.period, q.zone, q.event)
    return SpanAnswer(**q.shared, events=events) if events else None


def event(q: Question) -> Answer | None:
    """ "when is the MSP?", "where is the Protocol V conference?", "how long is the MSP?"."""
    return q.about_event()


def time(q: Question) -> Answer | None:
    """ "what's next?", "what's on now?", "what's on 5.11.2007?", "anything on the 6th?"."""
    return q.about_time()


def list_(q: Question) -> Answer | None:
    """ "list the meetings", "all events"."""
    return q.about_list()


def topic(q: Question) -> Answer | None:
    """ "what about cluster munitions?", "compliance mechanism?"."""
    return q.about_topic()


def fallback(q: Question) -> Answer | None:
    """ "when is it?" (which one?), anything else (what I can answer)."""
    return q.fallback()


def _ongoing(q: Question) -> Event | None:
    ongoing = [e for e in q.calendar.events if e.phase(q.now) == "ongoing" and e.days_stated]
    return ongoing[0] if len(ongoing) == 1 and "today" in normalize(q.text).split() else None


def _empty(q: Question) -> bool:
    return (not normalize(q.text) and not q.intents.symbol) or Intent.HELP in q.intents


RULES: tuple[Rule, ...] = (
    Rule("help", _empty, help_),
    Rule("thanks", _has(Intent.THANKS), thanks),
    Rule("timezone", _has(Intent.TIMEZONE), timezone),
    Rule("unsubscribe", _has(Intent.UNSUBSCRIBE), unsubscribe),
    Rule("changes", _has(Intent.CHANGES), changes),
    Rule("subscribe", _has(Intent.SUBSCRIBE), subscribe),
    Rule("not_in_calendar", _always, not_in_calendar),
    Rule("glossary", _has(Intent.GLOSSARY), glossary),
    Rule("dates_in_document", _has(Intent.DOCUMENT_DATES), dates_in_document),
    Rule("document", _always, document),
    Rule("agenda", _has(Intent.AGENDA), agenda),
    Rule("mention", _always, mention),
    Rule("provenance", _has(Intent.PROVENANCE), provenance),
    Rule("out_of_scope", _always, out_of_scope),
    Rule("instrument", _always, instrument),
    Rule("place", _always, place),
    Rule("topic_first", _always, topic_first),
    Rule("sequence", _has(Intent.AFTER, Intent.BEFORE), sequence),
    Rule("state", _has(Intent.STATE), state),
    Rule("working_days", _has(Intent.WORKING_DAYS), working_days),
    Rule("total_span", _has(Intent.TOTAL), total_span),
    Rule("event", _always, event),
    Rule("time", _always, time),
    Rule("list", _has(Intent.LIST), list_),
    Rule("topic", _always, topic),
    Rule("fallback", _always, fallback),
)
