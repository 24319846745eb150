"""The renderer: an ``Answer`` -> Telegram HTML or plain text, in the reader's language.

One function per kind of answer turns its facts into lines; ``Markup`` makes them HTML or plain, so
both outputs say the same thing. Sentences come from the catalogue (``bot.text.messages``), dates
from ``bot.text.dates``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from bot.answers.knowledge import Paragraph
from bot.answers.markup import Markup, paginate, size_of
from bot.answers.model import (
    AgendaAnswer,
    AmbiguousAnswer,
    Answer,
    AnswerBase,
    ChangesAnswer,
    CountdownAnswer,
    DocumentAnswer,
    DocumentDatesAnswer,
    DurationAnswer,
    EventCardAnswer,
    FootnoteAnswer,
    GlossaryAnswer,
    HelpAnswer,
    InstrumentAnswer,
    ListAnswer,
    MentionAnswer,
    NextAnswer,
    NotInCalendarAnswer,
    NowAnswer,
    OnDateAnswer,
    OutOfScopeAnswer,
    ParagraphAnswer,
    PlaceAnswer,
    ProvenanceAnswer,
    SequenceAnswer,
    SpanAnswer,
    StateAnswer,
    StatusAnswer,
    SubscribeAnswer,
    ThanksAnswer,
    TimezoneAnswer,
    UnknownAnswer,
    UnsubscribeAnswer,
    WhatAnswer,
    WhenAnswer,
    WhereAnswer,
    WorkingDaysAnswer,
)
from bot.answers.parts import (
    card_lines,
    event_card_html,
    event_item,
    event_name,
    help_lines,
    help_text,
    paragraph_label,
    period_label,
    place_phrase,
    tense_line,
    unstated_lines,
)
from bot.answers.sequence import span_days, working_days
from bot.events.model import Event
from bot.text.dates import format_day, format_day_range, format_span, format_when
from bot.text.telegram_html import MAX_MESSAGE_LENGTH

__all__ = ["event_card_html", "help_text", "render_html", "render_html_pages", "render_text"]

Lines = list[str]
A = TypeVar("A", bound=AnswerBase)
Renderer = Callable[[Markup, A], Lines]
_RENDERERS: dict[type[AnswerBase], Renderer[Any]] = {}


def _renders(kind: type[A]) -> Callable[[Renderer[A]], Renderer[A]]:
    """Registers the function that words answers of type ``kind``: one per type of ``Answer``."""

    def register(function: Renderer[A]) -> Renderer[A]:
        _RENDERERS[kind] = function
        return function

    return register


def _name(m: Markup, answer: AnswerBase, event: Event) -> str:
    return m.bold(event_name(event, m.lang, answer.knowledge))


def _tense(m: Markup, answer: AnswerBase, event: Event) -> str:
    return tense_line(m, event, answer.timing(event), _name(m, answer, event))


def _unstated(
    m: Markup, a: AnswerBase, event: Event, fields: tuple[str, ...] | None = None
) -> Lines:
    return unstated_lines(m, event, fields, a.knowledge)


def _date_line_for(m: Markup, a: AnswerBase, event: Event) -> str:
    span = m.esc(format_span(event, m.lang, a.zone))
    return f"{_name(m, a, event)}: {span}" if m.lang == "en" else f"{_name(m, a, event)} : {span}"


def _items(m: Markup, a: AnswerBase, events: tuple[Event, ...], tense: bool = True) -> Lines:
    lines = []
    for event in events:
        lines.append(f"• {event_item(m, event, a.zone, a.knowledge)}")
        if tense:
            lines.append(f"  {_tense(m, a, event)}")
    return lines


def _paragraph_lines(m: Markup, paragraphs: tuple[Paragraph, ...]) -> Lines:
    lines = []
    for paragraph in paragraphs:
        label = m.bold_markup(paragraph_label(m, paragraph.id))
        if m.lang == "en":  # the opening words are quoted from the English text
            label = f"{label} ({m.italic(paragraph.opening)})"
        summary = m.esc(paragraph.summary.get(m.lang))
        lines.append(f"• {m.say('paragraph_line', label=label, summary=summary)}")
    return lines


# One event ----------------------------------------------------------------------------------------


@_renders(WhenAnswer)
def _when(m: Markup, a: WhenAnswer) -> Lines:
    event = a.event
    span = m.esc(format_span(event, m.lang, a.zone))
    first = _date_line_for(m, a, event)
    unstated = _unstated(m, a, event, ("start", "days", "time"))
    if a.asked == "end" and event.days_stated:
        past = a.timing(event).phase == "past"
        day = m.esc(format_day(event.last_day, m.lang))
        ended = m.say("ended_on" if past else "ends_on_named", name=_name(m, a, event), day=day)
        return [
            ended,
            m.say("dates" if event.first_day != event.last_day else "date", span=span),
            _tense(m, a, event),
            *unstated,
        ]
    if a.asked == "start" and event.days_stated:
        day = m.esc(format_day(event.first_day, m.lang))
        key = "opened_on" if a.timing(event).phase != "future" else "opens_on_named"
        return [m.say(key, name=_name(m, a, event), day=day), first, _tense(m, a, event), *unstated]
    if a.asked == "time" and not event.is_timed:
        stated = _unstated(m, a, event, ("time",)) or [m.say("no_times")]
        return [
            *stated,
            first,
            _tense(m, a, event),
            *_unstated(m, a, event, ("start", "days")),
        ]
    return [first, _tense(m, a, event), *unstated]


@_renders(WhereAnswer)
def _where(m: Markup, a: WhereAnswer) -> Lines:
    event = a.event
    place = place_phrase(event, m.lang, a.knowledge)
    name = _name(m, a, event)
    if place:
        key = "where_was" if a.timing(event).phase == "past" else "where_is"
        first = m.say(key, name=name, place=m.esc(place))
    else:
        first = m.say("where_unstated", name=name)
    return [first, *_unstated(m, a, event, ("location", "venue"))]


@_renders(EventCardAnswer)
def _event(m: Markup, a: EventCardAnswer) -> Lines:
    event = a.event
    return [*card_lines(m, event, a.zone, a.now, a.knowledge), *_unstated(m, a, event)]


@_renders(WhatAnswer)
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
        lines += [m.say("paragraphs_heading"), *_paragraph_lines(m, a.paragraphs)]
    return [*lines, *_unstated(m, a, event)]


@_renders(DurationAnswer)
def _duration(m: Markup, a: DurationAnswer) -> Lines:
    event = a.event
    name, span = _name(m, a, event), m.esc(format_span(event, m.lang, a.zone))
    timing = a.timing(event)
    if timing.total_days is None:
        when = m.esc(format_when(event.start, m.lang))
        return [m.say("lasts_unknown", name=name, when=when), *_unstated(m, a, event, ("days",))]
    past = "_past" if timing.phase == "past" else ""
    if event.is_timed and timing.total_days == 1:
        hours = max(1, round((event.ends_utc - event.starts_utc).total_seconds() / 3600))
        return [m.say(f"lasts_hours{past}", hours, name=name, span=span)]
    lasts = m.say(f"lasts_days{past}", timing.total_days, name=name, span=span)
    return [lasts, _tense(m, a, event)]


@_renders(CountdownAnswer)
def _countdown(m: Markup, a: CountdownAnswer) -> Lines:
    event = a.event
    span = m.esc(format_span(event, m.lang, a.zone))
    lines = [
        _tense(m, a, event),
        m.say("dates" if event.first_day != event.last_day else "date", span=span),
    ]
    if a.timing(event).phase == "ongoing":
        lines.append(m.say("ends_on", day=m.esc(format_day(event.last_day, m.lang))))
    return [*lines, *_unstated(m, a, event, ("start", "days", "time"))]


@_renders(StatusAnswer)
def _status(m: Markup, a: StatusAnswer) -> Lines:
    event = a.event
    span = m.esc(format_span(event, m.lang, a.zone))
    line = m.say(f"status_is_{event.status}", name=_name(m, a, event), span=span)
    return [line, _tense(m, a, event)]


@_renders(ProvenanceAnswer)
def _provenance(m: Markup, a: ProvenanceAnswer) -> Lines:
    event = a.event
    name = _name(m, a, event)
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
        lines += [m.say("paragraphs_heading"), *_paragraph_lines(m, a.paragraphs)]
    return [*lines, *_unstated(m, a, event)]


@_renders(StateAnswer)
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
    lines = [f"{answer} {_tense(m, a, event)}", _date_line_for(m, a, event)]
    if a.asked == "started" and event.days_stated:
        day = m.esc(format_day(event.first_day, m.lang))
        key = "opened_on" if timing.phase != "future" else "opens_on_named"
        lines.insert(1, m.say(key, name=_name(m, a, event), day=day))
    if a.asked == "last_day" and event.days_stated:
        day = m.esc(format_day(event.last_day, m.lang))
        lines.insert(1, m.say("last_day_is", name=_name(m, a, event), day=day))
    return lines


@_renders(WorkingDaysAnswer)
def _working_days(m: Markup, a: WorkingDaysAnswer) -> Lines:
    event = a.event
    count = working_days(event)
    return [
        m.say("working_days", count, name=_name(m, a, event)),
        _date_line_for(m, a, event),
        _tense(m, a, event),
    ]


# Several events -----------------------------------------------------------------------------------


def _kind_word(m: Markup, kind: str | None) -> str:
    return m.say(f"kind_{kind}") if kind in ("meeting", "conference") else ""


@_renders(NextAnswer)
def _next(m: Markup, a: NextAnswer) -> Lines:
    lines: Lines = []
    if a.ongoing:
        lines += [m.say("now_heading"), *_items(m, a, a.ongoing)]
    kind = _kind_word(m, a.kind_filter)
    if not a.events:
        return [*lines, m.say("nothing_next_kind", kind=kind) if kind else m.say("nothing_next")]
    heading = m.say("next_kind_heading", kind=kind) if kind else m.say("next_heading")
    return [*lines, heading, *_items(m, a, a.events)]


@_renders(NowAnswer)
def _now(m: Markup, a: NowAnswer) -> Lines:
    if not a.events:
        return [m.say("nothing_now")]
    return [m.say("now_heading"), *_items(m, a, a.events)]


@_renders(OnDateAnswer)
def _on_date(m: Markup, a: OnDateAnswer) -> Lines:
    period = a.period
    label = period_label(m, period.first, period.last, period.label)
    if a.events:
        return [m.say("on_day", label=label), *_items(m, a, a.events)]
    lines = [m.say("nothing_on", label=label)]
    if a.following:
        lines.append(m.say("after_that", item=event_item(m, a.following[0], a.zone, a.knowledge)))
    return lines


@_renders(ListAnswer)
def _list(m: Markup, a: ListAnswer) -> Lines:
    if not a.events:
        return [m.say("list_empty")]
    lines = [m.say("list_heading", a.total), *_items(m, a, a.events, tense=False)]
    if a.total > len(a.events):
        lines.append(m.say("list_more", more=str(a.total - len(a.events))))
    return lines


@_renders(SequenceAnswer)
def _sequence(m: Markup, a: SequenceAnswer) -> Lines:
    """ "After the MSP: ..." with dates; a day named instead of a meeting labels the period."""
    if a.reference is not None:
        label = _name(m, a, a.reference)
    else:
        assert a.period is not None
        label = period_label(m, a.period.first, a.period.last, a.period.label)
    if not a.events:
        return [m.say(f"nothing_{a.asked}", label=label)]
    return [m.say(f"{a.asked}_heading", label=label), *_items(m, a, a.events)]


@_renders(SpanAnswer)
def _span(m: Markup, a: SpanAnswer) -> Lines:
    first, last = span_days(a.events, a.zone)
    days = (last - first).days + 1
    span = m.esc(format_day_range(first, last, m.lang))
    return [m.say("span_total", days, span=span), *_items(m, a, a.events, tense=False)]


@_renders(PlaceAnswer)
def _place(m: Markup, a: PlaceAnswer) -> Lines:
    at = _place_at(m, a, a.place)
    if a.events:
        lines = [m.say("place_heading", len(a.events), place=at)]
        lines += _items(m, a, a.events, tense=False)
    else:
        lines = [m.say("place_none", place=at)]
    if a.unplaced:
        names = ", ".join(_name(m, a, event) for event in a.unplaced)
        lines.append(m.say("place_unstated_events", names=names))
    return lines


def _place_at(m: Markup, a: AnswerBase, place: str) -> str:
    if m.lang == "en":
        return m.esc(place)
    return m.esc(a.knowledge.place_at(place, m.lang) or f"à {a.knowledge.place(place, m.lang)}")


@_renders(AgendaAnswer)
def _agenda(m: Markup, a: AgendaAnswer) -> Lines:
    title = m.esc(a.knowledge.document.title_fr if m.lang == "fr" else a.knowledge.document.title)
    lines = [m.say("agenda_intro", title=title)]
    for event in a.events:
        lines += [
            _date_line_for(m, a, event),
            _tense(m, a, event),
            *_unstated(m, a, event, ("start", "location")),
        ]
    return lines


@_renders(NotInCalendarAnswer)
def _not_in_calendar(m: Markup, a: NotInCalendarAnswer) -> Lines:
    """Declined plainly, with what the calendar does hold: names only, never a date."""
    shown = a.events[:_HOLDS_SHOWN]
    lines = [m.say("not_in_calendar", name=m.esc(a.name)), "", m.say("calendar_holds")]
    lines += [f"• {m.esc(event_name(event, m.lang, a.knowledge))}" for event in shown]
    if a.total > len(shown):
        lines.append(m.say("and_more", more=str(a.total - len(shown))))
    return lines


_HOLDS_SHOWN = 10


# The resolution -----------------------------------------------------------------------------------


@_renders(ParagraphAnswer)
def _paragraph(m: Markup, a: ParagraphAnswer) -> Lines:
    if not a.paragraphs:
        return [m.say("paragraph_unknown")]
    lines = _paragraph_lines(m, a.paragraphs)
    if len(a.paragraphs) == 1:
        paragraph = a.paragraphs[0]
        if paragraph.footnotes:
            numbers = ", ".join(str(number) for number in paragraph.footnotes)
            lines.append(m.say("paragraph_footnotes", numbers=m.esc(numbers)))
    if a.events:  # the meetings these paragraphs are about, with their dates
        lines += [m.say("paragraph_meetings"), *_items(m, a, a.events)]
        for event in a.events:
            if a.unstated_fields:
                lines += _unstated(m, a, event, a.unstated_fields)
    return lines


@_renders(FootnoteAnswer)
def _footnote(m: Markup, a: FootnoteAnswer) -> Lines:
    if not a.footnotes:
        return [m.say("footnote_unknown")]
    lines = []
    for note in a.footnotes:
        lines.append(
            m.say("footnote_line", number=str(note.number), citation=m.code(note.citation))
        )
        subject = m.esc(note.cited_for.get(m.lang))
        lines.append(m.say("footnote_cites", reference=m.bold(note.reference), subject=subject))
        if note.paragraphs:
            where = ", ".join(paragraph_label(m, paragraph) for paragraph in note.paragraphs)
            lines.append(m.say("footnote_where", paragraphs=where))
        if note.from_elsewhere:
            lines.append(m.italic(note.from_elsewhere.get(m.lang)))
    return lines


@_renders(DocumentAnswer)
def _document(m: Markup, a: DocumentAnswer) -> Lines:
    doc = a.knowledge.document
    title = doc.title_fr if m.lang == "fr" else doc.title
    day = m.esc(format_day(date.fromisoformat(doc.adopted), m.lang, weekday=False))
    knowledge = a.knowledge
    preamble = sum(1 for p in knowledge.paragraphs if p.part == "preamble")
    adopted = date.fromisoformat(doc.adopted)
    future = a.now.astimezone(a.zone).date() < adopted  # "when was it adopted?" on 1 November
    lines = [
        m.say("document_title", symbol=m.bold(doc.symbol), title=m.esc(title)),
        m.say(
            "document_to_be_adopted" if future else "document_adopted",
            day=day,
            meeting=m.esc(doc.meeting_fr if m.lang == "fr" else doc.meeting),
            committee=m.esc(doc.committee_fr if m.lang == "fr" else doc.committee),
            report=m.esc(doc.report),
            session=m.esc(doc.session_fr if m.lang == "fr" else doc.session),
            item=m.esc(doc.agenda_item),
        ),
        m.say(
            "document_parts",
            preamble=str(preamble),
            operative=str(len(knowledge.paragraphs) - preamble),
            footnotes=str(len(knowledge.footnotes)),
            recalls=m.esc(doc.recalls_fr if m.lang == "fr" else doc.recalls),
        ),
    ]
    if a.paragraphs:
        lines += [m.say("document_decides"), *_paragraph_lines(m, a.paragraphs)]
    return lines


@_renders(InstrumentAnswer)
def _instrument(m: Markup, a: InstrumentAnswer) -> Lines:
    lines = []
    for item in a.instruments:
        covers = m.esc(item.covers.get(m.lang))
        lines.append(
            m.say(
                "instrument_line",
                short=m.bold(item.short_fr if m.lang == "fr" else item.short),
                name=m.esc(item.name_fr if m.lang == "fr" else item.name),
                covers=covers,
            )
        )
        for number in item.footnotes:
            note = a.knowledge.footnote(number)
            if note is not None:
                reference = m.esc(note.reference)
                line = m.say("instrument_footnotes", numbers=str(number), references=reference)
                lines.append(f"  {line}")
    if a.events:  # "what is ERW?": the meeting the name also stands for
        lines += [m.say("instrument_meetings"), *_items(m, a, a.events)]
    return lines


@_renders(MentionAnswer)
def _mention(m: Markup, a: MentionAnswer) -> Lines:
    mention = a.mention
    name = m.esc(mention.name.get(m.lang))
    labels = ", ".join(paragraph_label(m, said.paragraph) for said in mention.says)
    heading = "mention_undated" if mention.meeting else "mention_heading"
    lines = [m.say(heading, name=name, paragraphs=labels)]
    for said in mention.says:
        label = m.bold_markup(paragraph_label(m, said.paragraph))
        text = m.esc(said.text.get(m.lang))
        lines.append(f"• {m.say('paragraph_line', label=label, summary=text)}")
    for note in a.footnotes:
        reference = m.esc(note.reference)
        lines.append(m.say("instrument_footnotes", numbers=str(note.number), references=reference))
        if note.from_elsewhere is not None:
            lines.append(m.esc(note.from_elsewhere.get(m.lang)))
    if a.events:
        lines += [m.say("paragraph_meetings"), *_items(m, a, a.events)]
    return lines


@_renders(GlossaryAnswer)
def _glossary(m: Markup, a: GlossaryAnswer) -> Lines:
    return [m.say("glossary", term=m.bold(a.term), meaning=m.esc(a.meaning))]


@_renders(DocumentDatesAnswer)
def _document_dates(m: Markup, a: DocumentDatesAnswer) -> Lines:
    document = a.knowledge.document
    lines = [m.say("document_dates", symbol=m.esc(document.symbol))]
    lines += _items(m, a, a.events, tense=False)
    adopted = m.esc(format_day(date.fromisoformat(document.adopted), m.lang))
    lines.append(f"• {m.say('document_itself_adopted', day=adopted)}")
    for item in a.mentions:
        name = m.esc(item.name.fr if m.lang == "fr" else item.name.en)
        lines.append(f"• {m.say('undated_mention', name=name)}")
    return lines


# Actions, and when nothing fits -------------------------------------------------------------------


@_renders(SubscribeAnswer)
def _subscribe(m: Markup, a: SubscribeAnswer) -> Lines:
    first = (
        m.say("subscribe_link", url=m.link(a.feed_url))
        if a.feed_url
        else m.say("subscribe_no_link")
    )
    return [first, m.say("subscribe_reminders")]


@_renders(TimezoneAnswer)
def _timezone(m: Markup, a: TimezoneAnswer) -> Lines:
    place = m.esc(a.place)
    if len(a.zones) == 1:
        return [m.say("timezone_found", place=place, zone=m.code(a.zones[0]))]
    if a.zones:
        zones = ", ".join(m.code(zone) for zone in a.zones[:8])
        return [m.say("timezone_choices", place=place, zones=zones)]
    return [m.say("timezone_unknown", place=place)]


@_renders(UnsubscribeAnswer)
def _unsubscribe(m: Markup, a: UnsubscribeAnswer) -> Lines:
    return [m.say("unsubscribe_offer")]


@_renders(ChangesAnswer)
def _changes(m: Markup, a: ChangesAnswer) -> Lines:
    return [m.say("changes_explained")]


@_renders(AmbiguousAnswer)
def _ambiguous(m: Markup, a: AmbiguousAnswer) -> Lines:
    lines = [m.say("ambiguous"), *_items(m, a, a.candidates, tense=False)]
    if a.asked == "time" and not any(event.is_timed for event in a.candidates):
        lines.insert(0, m.say("no_times"))
    return lines


@_renders(ThanksAnswer)
def _thanks(m: Markup, a: ThanksAnswer) -> Lines:
    return [m.say("thanks")]


@_renders(HelpAnswer)
def _help(m: Markup, a: HelpAnswer) -> Lines:
    return help_lines(m, a.knowledge)


@_renders(OutOfScopeAnswer)
def _out_of_scope(m: Markup, a: OutOfScopeAnswer) -> Lines:
    return [m.say("out_of_scope"), *help_lines(m, a.knowledge)]


@_renders(UnknownAnswer)
def _unknown(m: Markup, a: UnknownAnswer) -> Lines:
    return [m.say("unknown"), *help_lines(m, a.knowledge)]


# Output -------------------------------------------------------------------------------------------


def renders(kind: type[AnswerBase]) -> bool:
    """True when answers of type ``kind`` have a renderer (every type of ``Answer`` must)."""
    return kind in _RENDERERS


def _lines(answer: Answer, markup: Markup) -> Lines:
    return [line for line in _RENDERERS[type(answer)](markup, answer) if line]


def _markup(answer: Answer, html: bool) -> Markup:
    return Markup(html, answer.lang, answer.knowledge.document.symbol)


def render_html_pages(answer: Answer, limit: int = MAX_MESSAGE_LENGTH) -> list[str]:
    """The answer as Telegram HTML messages, each at most ``limit`` characters."""
    markup = _markup(answer, True)
    return paginate(_lines(answer, markup), markup, limit)


def render_html(answer: Answer, limit: int = MAX_MESSAGE_LENGTH) -> str:
    """The answer as one Telegram HTML message (the first page, marked when more follows)."""
    markup = _markup(answer, True)
    note = markup.italic(markup.say("more_pages"))
    pages = paginate(_lines(answer, markup), markup, limit - size_of(note) - 1)
    return pages[0] if len(pages) == 1 else f"{pages[0]}\n{note}"


def render_text(answer: Answer) -> str:
    """The whole answer as plain text (for ``calbot ask`` and ``calbot chat``)."""
    return "\n".join(_lines(answer, _markup(answer, False)))
