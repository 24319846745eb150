"""Renderers of answers listing events: what is on now or next, on a day or in a period, all of
them, what comes before or after, the span of several, those at a place, the agenda items."""

from __future__ import annotations

from bot.answers.markup import Markup
from bot.answers.model import (
    AgendaAnswer,
    AnswerBase,
    ListAnswer,
    NextAnswer,
    NowAnswer,
    OnDateAnswer,
    PlaceAnswer,
    SequenceAnswer,
    SpanAnswer,
)
from bot.answers.parts import event_item, period_label
from bot.answers.render.common import bold_name, date_line, item_lines, tense_of, unstated_of
from bot.answers.render.registry import Lines, register
from bot.answers.sequence import span_days
from bot.text.dates import format_day_range


def _kind_word(m: Markup, kind: str | None) -> str:
    return m.say(f"kind_{kind}") if kind in ("meeting", "conference") else ""


@register(NextAnswer)
def _next(m: Markup, a: NextAnswer) -> Lines:
    lines: Lines = []
    if a.ongoing:
        lines += [m.say("now_heading"), *item_lines(m, a, a.ongoing)]
    kind = _kind_word(m, a.kind_filter)
    if not a.events:
        return [*lines, m.say("nothing_next_kind", kind=kind) if kind else m.say("nothing_next")]
    heading = m.say("next_kind_heading", kind=kind) if kind else m.say("next_heading")
    return [*lines, heading, *item_lines(m, a, a.events)]


@register(NowAnswer)
def _now(m: Markup, a: NowAnswer) -> Lines:
    if not a.events:
        return [m.say("nothing_now")]
    return [m.say("now_heading"), *item_lines(m, a, a.events)]


@register(OnDateAnswer)
def _on_date(m: Markup, a: OnDateAnswer) -> Lines:
    period = a.period
    label = period_label(m, period.first, period.last, period.label)
    if a.events:
        return [m.say("on_day", label=label), *item_lines(m, a, a.events)]
    lines = [m.say("nothing_on", label=label)]
    if a.following:
        lines.append(m.say("after_that", item=event_item(m, a.following[0], a.zone, a.knowledge)))
    return lines


@register(ListAnswer)
def _list(m: Markup, a: ListAnswer) -> Lines:
    if not a.events:
        return [m.say("list_empty")]
    lines = [m.say("list_heading", a.total), *item_lines(m, a, a.events, tense=False)]
    if a.total > len(a.events):
        lines.append(m.say("list_more", more=str(a.total - len(a.events))))
    return lines


@register(SequenceAnswer)
def _sequence(m: Markup, a: SequenceAnswer) -> Lines:
    """ "After the MSP: ..." with dates; a day named instead of a meeting labels the period."""
    if a.reference is not None:
        label = bold_name(m, a, a.reference)
    else:
        assert a.period is not None
        label = period_label(m, a.period.first, a.period.last, a.period.label)
    if not a.events:
        return [m.say(f"nothing_{a.asked}", label=label)]
    return [m.say(f"{a.asked}_heading", label=label), *item_lines(m, a, a.events)]


@register(SpanAnswer)
def _span(m: Markup, a: SpanAnswer) -> Lines:
    first, last = span_days(a.events, a.zone)
    days = (last - first).days + 1
    span = m.esc(format_day_range(first, last, m.lang))
    return [m.say("span_total", days, span=span), *item_lines(m, a, a.events, tense=False)]


@register(PlaceAnswer)
def _place(m: Markup, a: PlaceAnswer) -> Lines:
    at = _place_at(m, a, a.place)
    if a.events:
        lines = [m.say("place_heading", len(a.events), place=at)]
        lines += item_lines(m, a, a.events, tense=False)
    else:
        lines = [m.say("place_none", place=at)]
    if a.unplaced:
        names = ", ".join(bold_name(m, a, event) for event in a.unplaced)
        lines.append(m.say("place_unstated_events", names=names))
    return lines


def _place_at(m: Markup, a: AnswerBase, place: str) -> str:
    if m.lang == "en":
        return m.esc(place)
    return m.esc(a.knowledge.place_at(place, m.lang) or f"à {a.knowledge.place(place, m.lang)}")


@register(AgendaAnswer)
def _agenda(m: Markup, a: AgendaAnswer) -> Lines:
    title = m.esc(a.knowledge.document.title_fr if m.lang == "fr" else a.knowledge.document.title)
    lines = [m.say("agenda_intro", title=title)]
    for event in a.events:
        lines += [
            date_line(m, a, event),
            tense_of(m, a, event),
            *unstated_of(m, a, event, ("start", "location")),
        ]
    return lines
