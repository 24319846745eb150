"""Renderers of answers about one event: when, where, what, how long, how soon, its state, its
status, its working days and its sources."""

from __future__ import annotations

from bot.answers.markup import Markup
from bot.answers.model import (
    CountdownAnswer,
    DurationAnswer,
    EventCardAnswer,
    ProvenanceAnswer,
    StateAnswer,
    StatusAnswer,
    WhatAnswer,
    WhenAnswer,
    WhereAnswer,
    WorkingDaysAnswer,
)
from bot.answers.parts import card_lines, paragraph_label, place_phrase
from bot.answers.render.common import bold_name, date_line, paragraph_lines, tense_of, unstated_of
from bot.answers.render.registry import Lines, register
from bot.answers.sequence import working_days
from bot.text.dates import format_day, format_span, format_when


@register(WhenAnswer)
def _when(m: Markup, a: WhenAnswer) -> Lines:
    event = a.event
    span = m.esc(format_span(event, m.lang, a.zone))
    first = date_line(m, a, event)
    unstated = unstated_of(m, a, event, ("start", "days", "time"))
    if a.asked == "end" and event.days_stated:
        past = a.timing(event).phase == "past"
        day = m.esc(format_day(event.last_day, m.lang))
        ended = m.say("ended_on" if past else "ends_on_named", name=bold_name(m, a, event), day=day)
        return [
            ended,
            m.say("dates" if event.first_day != event.last_day else "date", span=span),
            tense_of(m, a, event),
            *unstated,
        ]
    if a.asked == "start" and event.days_stated:
        day = m.esc(format_day(event.first_day, m.lang))
        key = "opened_on" if a.timing(event).phase != "future" else "opens_on_named"
        return [
            m.say(key, name=bold_name(m, a, event), day=day),
            first,
            tense_of(m, a, event),
            *unstated,
        ]
    if a.asked == "time" and not event.is_timed:
        stated = unstated_of(m, a, event, ("time",)) or [m.say("no_times")]
        return [
            *stated,
            first,
            tense_of(m, a, event),
            *unstated_of(m, a, event, ("start", "days")),
        ]
    return [first, tense_of(m, a, event), *unstated]


@register(WhereAnswer)
def _where(m: Markup, a: WhereAnswer) -> Lines:
    event = a.event
    place = place_phrase(event, m.lang, a.knowledge)
    name = bold_name(m, a, event)
    if place:
        key = "where_was" if a.timing(event).phase == "past" else "where_is"
        first = m.say(key, name=name, place=m.esc(place))
    else:
        first = m.say("where_unstated", name=name)
    return [first, *unstated_of(m, a, event, ("location", "venue"))]


@register(EventCardAnswer)
def _event(m: Markup, a: EventCardAnswer) -> Lines:
    event = a.event
    return [*card_lines(m, event, a.zone, a.now, a.knowledge), *unstated_of(m, a, event)]


@register(WhatAnswer)
def _what(m: Markup, a: WhatAnswer) -> Lines:
    event = a.event
    lines = card_lines(m, event, a.zone, a.now, a.knowledge)
    if m.lang == "en" and event.description:
        lines.insert(2, m.esc(event.description))
    body = (a.knowledge.body(event.id, m.lang) if m.lang != "en" else None) or event.body
    if body:
        lines.append(m.say("body", body=m.esc(body)))
    if a.paragraphs and m.lang == "en":
        labels = ", ".join(paragraph_label(m, paragraph.id) for paragraph in a.paragraphs)
        lines.append(m.say("mentioned_in", paragraphs=labels))
    elif a.paragraphs:  # the description is English data; the summaries say it in French
        lines += [m.say("paragraphs_heading"), *paragraph_lines(m, a.paragraphs)]
    return [*lines, *unstated_of(m, a, event)]


@register(DurationAnswer)
def _duration(m: Markup, a: DurationAnswer) -> Lines:
    event = a.event
    name, span = bold_name(m, a, event), m.esc(format_span(event, m.lang, a.zone))
    timing = a.timing(event)
    if timing.total_days is None:
        when = m.esc(format_when(event.start, m.lang))
        return [m.say("lasts_unknown", name=name, when=when), *unstated_of(m, a, event, ("days",))]
    past = "_past" if timing.phase == "past" else ""
    if event.is_timed and timing.total_days == 1:
        hours = max(1, round((event.ends_utc - event.starts_utc).total_seconds() / 3600))
        return [m.say(f"lasts_hours{past}", hours, name=name, span=span)]
    lasts = m.say(f"lasts_days{past}", timing.total_days, name=name, span=span)
    return [lasts, tense_of(m, a, event)]


@register(CountdownAnswer)
def _countdown(m: Markup, a: CountdownAnswer) -> Lines:
    event = a.event
    span = m.esc(format_span(event, m.lang, a.zone))
    lines = [
        tense_of(m, a, event),
        m.say("dates" if event.first_day != event.last_day else "date", span=span),
    ]
    if a.timing(event).phase == "ongoing":
        lines.append(m.say("ends_on", day=m.esc(format_day(event.last_day, m.lang))))
    return [*lines, *unstated_of(m, a, event, ("start", "days", "time"))]


@register(StatusAnswer)
def _status(m: Markup, a: StatusAnswer) -> Lines:
    event = a.event
    span = m.esc(format_span(event, m.lang, a.zone))
    line = m.say(f"status_is_{event.status}", name=bold_name(m, a, event), span=span)
    return [line, tense_of(m, a, event)]


@register(ProvenanceAnswer)
def _provenance(m: Markup, a: ProvenanceAnswer) -> Lines:
    event = a.event
    name = bold_name(m, a, event)
    if not event.sources:
        return [m.say("no_sources", name=name)]
    lines = [m.say("sources_heading", name=name)]
    for source in event.sources:
        paragraph = paragraph_label(m, source.paragraph) if source.paragraph else ""
        document = m.esc(source.document)
        if source.quote:
            quote = m.italic(f"“{source.quote}”")
            lines.append(
                f"• {m.say('source_line', document=document, paragraph=paragraph, quote=quote)}"
            )
        else:
            lines.append(f"• {m.say('source_line_bare', document=document, paragraph=paragraph)}")
    if a.paragraphs:
        lines += [m.say("paragraphs_heading"), *paragraph_lines(m, a.paragraphs)]
    return [*lines, *unstated_of(m, a, event)]


@register(StateAnswer)
def _state(m: Markup, a: StateAnswer) -> Lines:
    event = a.event
    timing = a.timing(event)
    if a.asked == "last_day":
        yes = timing.phase == "ongoing" and timing.day_number == timing.total_days
    elif a.asked == "started":
        yes = timing.phase != "future"
    else:
        yes = timing.phase == "ongoing"
    answer = m.say("yes" if yes else "no")
    lines = [f"{answer} {tense_of(m, a, event)}", date_line(m, a, event)]
    if a.asked == "started" and event.days_stated:
        day = m.esc(format_day(event.first_day, m.lang))
        key = "opened_on" if timing.phase != "future" else "opens_on_named"
        lines.insert(1, m.say(key, name=bold_name(m, a, event), day=day))
    if a.asked == "last_day" and event.days_stated:
        day = m.esc(format_day(event.last_day, m.lang))
        lines.insert(1, m.say("last_day_is", name=bold_name(m, a, event), day=day))
    return lines


@register(WorkingDaysAnswer)
def _working_days(m: Markup, a: WorkingDaysAnswer) -> Lines:
    event = a.event
    count = working_days(event)
    return [
        m.say("working_days", count, name=bold_name(m, a, event)),
        date_line(m, a, event),
        tense_of(m, a, event),
    ]
