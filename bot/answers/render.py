"""The renderer: an ``Answer`` -> Telegram HTML or plain text, in the reader's language.

One function per kind of answer turns its facts into lines; ``Markup`` makes them HTML or plain, so
both outputs say the same thing. Sentences come from the catalogue (``bot.text.messages``), dates
from ``bot.text.dates``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bot.answers.markup import Markup, paginate, size_of
from bot.answers.model import Answer
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


def _name(m: Markup, answer: Answer, event: Event) -> str:
    return m.bold(event_name(event, m.lang, answer.knowledge))


def _tense(m: Markup, answer: Answer, event: Event) -> str:
    return tense_line(m, event, answer.timing(event), _name(m, answer, event))


def _unstated(m: Markup, a: Answer, event: Event, fields: tuple[str, ...] | None = None) -> Lines:
    return unstated_lines(m, event, fields, a.knowledge)


def _when(m: Markup, a: Answer) -> Lines:
    event = a.events[0]
    span = m.esc(format_span(event, m.lang, a.zone))
    first = f"{_name(m, a, event)}: {span}" if m.lang == "en" else f"{_name(m, a, event)} : {span}"
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


def _where(m: Markup, a: Answer) -> Lines:
    event = a.events[0]
    place = place_phrase(event, m.lang, a.knowledge)
    name = _name(m, a, event)
    if place:
        key = "where_was" if a.timing(event).phase == "past" else "where_is"
        first = m.say(key, name=name, place=m.esc(place))
    else:
        first = m.say("where_unstated", name=name)
    return [first, *_unstated(m, a, event, ("location", "venue"))]


def _event(m: Markup, a: Answer) -> Lines:
    event = a.events[0]
    return [*card_lines(m, event, a.zone, a.now, a.knowledge), *_unstated(m, a, event)]


def _what(m: Markup, a: Answer) -> Lines:
    event = a.events[0]
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
        lines += [m.say("paragraphs_heading"), *_paragraph_lines(m, a)]
    return [*lines, *_unstated(m, a, event)]


def _duration(m: Markup, a: Answer) -> Lines:
    event = a.events[0]
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


def _countdown(m: Markup, a: Answer) -> Lines:
    event = a.events[0]
    span = m.esc(format_span(event, m.lang, a.zone))
    lines = [
        _tense(m, a, event),
        m.say("dates" if event.first_day != event.last_day else "date", span=span),
    ]
    if a.timing(event).phase == "ongoing":
        lines.append(m.say("ends_on", day=m.esc(format_day(event.last_day, m.lang))))
    return [*lines, *_unstated(m, a, event, ("start", "days", "time"))]


def _items(m: Markup, a: Answer, events: tuple[Event, ...], tense: bool = True) -> Lines:
    lines = []
    for event in events:
        lines.append(f"• {event_item(m, event, a.zone, a.knowledge)}")
        if tense:
            lines.append(f"  {_tense(m, a, event)}")
    return lines


def _kind_word(m: Markup, kind: str | None) -> str:
    return m.say(f"kind_{kind}") if kind in ("meeting", "conference") else ""


def _next(m: Markup, a: Answer) -> Lines:
    lines: Lines = []
    if a.ongoing:
        lines += [m.say("now_heading"), *_items(m, a, a.ongoing)]
    kind = _kind_word(m, a.kind_filter)
    if not a.events:
        return [*lines, m.say("nothing_next_kind", kind=kind) if kind else m.say("nothing_next")]
    heading = m.say("next_kind_heading", kind=kind) if kind else m.say("next_heading")
    return [*lines, heading, *_items(m, a, a.events)]


def _now(m: Markup, a: Answer) -> Lines:
    if not a.events:
        return [m.say("nothing_now")]
    return [m.say("now_heading"), *_items(m, a, a.events)]


def _on_date(m: Markup, a: Answer) -> Lines:
    period = a.period
    assert period is not None
    label = period_label(m, period.first, period.last, period.label)
    if a.events:
        return [m.say("on_day", label=label), *_items(m, a, a.events)]
    lines = [m.say("nothing_on", label=label)]
    if a.following:
        lines.append(m.say("after_that", item=event_item(m, a.following[0], a.zone, a.knowledge)))
    return lines


def _list(m: Markup, a: Answer) -> Lines:
    if not a.events:
        return [m.say("list_empty")]
    lines = [m.say("list_heading", a.total), *_items(m, a, a.events, tense=False)]
    if a.total > len(a.events):
        lines.append(m.say("list_more", more=str(a.total - len(a.events))))
    return lines


def _paragraph_lines(m: Markup, a: Answer) -> Lines:
    lines = []
    for paragraph in a.paragraphs:
        label = m.bold_markup(paragraph_label(m, paragraph.id))
        if m.lang == "en":  # the opening words are quoted from the English text
            label = f"{label} ({m.italic(paragraph.opening)})"
        summary = m.esc(paragraph.summary.get(m.lang))
        lines.append(f"• {m.say('paragraph_line', label=label, summary=summary)}")
    return lines


def _provenance(m: Markup, a: Answer) -> Lines:
    event = a.events[0]
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
        lines += [m.say("paragraphs_heading"), *_paragraph_lines(m, a)]
    return [*lines, *_unstated(m, a, event)]


def _paragraph(m: Markup, a: Answer) -> Lines:
    if not a.paragraphs:
        return [m.say("paragraph_unknown")]
    lines = _paragraph_lines(m, a)
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


def _footnote(m: Markup, a: Answer) -> Lines:
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


def _document(m: Markup, a: Answer) -> Lines:
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
        lines += [m.say("document_decides"), *_paragraph_lines(m, a)]
    return lines


def _instrument(m: Markup, a: Answer) -> Lines:
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


def _mention(m: Markup, a: Answer) -> Lines:
    mention = a.mention
    if mention is None:
        return [m.say("unknown")]
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


def _agenda(m: Markup, a: Answer) -> Lines:
    title = m.esc(a.knowledge.document.title_fr if m.lang == "fr" else a.knowledge.document.title)
    lines = [m.say("agenda_intro", title=title)]
    for event in a.events:
        lines += [
            _date_line_for(m, a, event),
            _tense(m, a, event),
            *_unstated(m, a, event, ("start", "location")),
        ]
    return lines


def _date_line_for(m: Markup, a: Answer, event: Event) -> str:
    span = m.esc(format_span(event, m.lang, a.zone))
    return f"{_name(m, a, event)}: {span}" if m.lang == "en" else f"{_name(m, a, event)} : {span}"


def _subscribe(m: Markup, a: Answer) -> Lines:
    first = (
        m.say("subscribe_link", url=m.link(a.feed_url))
        if a.feed_url
        else m.say("subscribe_no_link")
    )
    return [first, m.say("subscribe_reminders")]


def _ambiguous(m: Markup, a: Answer) -> Lines:
    lines = [m.say("ambiguous"), *_items(m, a, a.candidates, tense=False)]
    if a.asked == "time" and not any(event.is_timed for event in a.candidates):
        lines.insert(0, m.say("no_times"))
    return lines


def _thanks(m: Markup, a: Answer) -> Lines:
    return [m.say("thanks")]


def _place(m: Markup, a: Answer) -> Lines:
    assert a.place is not None
    at = _place_at(m, a, a.place)
    if a.events:
        lines = [m.say("place_heading", len(a.events), place=at)]
        lines += _items(m, a, a.events, tense=False)
    else:
        lines = [m.say("place_none", place=at)]
    if a.following:
        names = ", ".join(_name(m, a, event) for event in a.following)
        lines.append(m.say("place_unstated_events", names=names))
    return lines


def _place_at(m: Markup, a: Answer, place: str) -> str:
    if m.lang == "en":
        return m.esc(place)
    return m.esc(a.knowledge.place_at(place, m.lang) or f"à {a.knowledge.place(place, m.lang)}")


def _status(m: Markup, a: Answer) -> Lines:
    event = a.events[0]
    span = m.esc(format_span(event, m.lang, a.zone))
    line = m.say(f"status_is_{event.status}", name=_name(m, a, event), span=span)
    return [line, _tense(m, a, event)]


def _help(m: Markup, a: Answer) -> Lines:
    return help_lines(m, a.knowledge)


def _out_of_scope(m: Markup, a: Answer) -> Lines:
    return [m.say("out_of_scope"), *help_lines(m, a.knowledge)]


def _not_in_calendar(m: Markup, a: Answer) -> Lines:
    """Declined plainly, with what the calendar does hold: names only, never a date."""
    shown = a.events[:_HOLDS_SHOWN]
    lines = [m.say("not_in_calendar", name=m.esc(a.unknown or "")), "", m.say("calendar_holds")]
    lines += [f"• {m.esc(event_name(event, m.lang, a.knowledge))}" for event in shown]
    if a.total > len(shown):
        lines.append(m.say("and_more", more=str(a.total - len(shown))))
    return lines


_HOLDS_SHOWN = 10


def _sequence(m: Markup, a: Answer) -> Lines:
    """ "After the MSP: ..." with dates; a day named instead of a meeting labels the period."""
    if a.reference is not None:
        label = _name(m, a, a.reference)
    else:
        assert a.period is not None
        label = period_label(m, a.period.first, a.period.last, a.period.label)
    if not a.events:
        return [m.say(f"nothing_{a.asked}", label=label)]
    return [m.say(f"{a.asked}_heading", label=label), *_items(m, a, a.events)]


def _state(m: Markup, a: Answer) -> Lines:
    event = a.events[0]
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


def _working_days(m: Markup, a: Answer) -> Lines:
    event = a.events[0]
    count = working_days(event)
    return [
        m.say("working_days", count, name=_name(m, a, event)),
        _date_line_for(m, a, event),
        _tense(m, a, event),
    ]


def _span(m: Markup, a: Answer) -> Lines:
    first, last = span_days(a.events, a.zone)
    days = (last - first).days + 1
    span = m.esc(format_day_range(first, last, m.lang))
    return [m.say("span_total", days, span=span), *_items(m, a, a.events, tense=False)]


def _glossary(m: Markup, a: Answer) -> Lines:
    assert a.term is not None
    term, meaning = a.term
    return [m.say("glossary", term=m.bold(term), meaning=m.esc(meaning))]


def _document_dates(m: Markup, a: Answer) -> Lines:
    document = a.knowledge.document
    lines = [m.say("document_dates", symbol=m.esc(document.symbol))]
    lines += _items(m, a, a.events, tense=False)
    adopted = m.esc(format_day(date.fromisoformat(document.adopted), m.lang))
    lines.append(f"• {m.say('document_itself_adopted', day=adopted)}")
    for item in a.mentions:
        name = m.esc(item.name.fr if m.lang == "fr" else item.name.en)
        lines.append(f"• {m.say('undated_mention', name=name)}")
    return lines


def _timezone(m: Markup, a: Answer) -> Lines:
    place = m.esc(a.unknown or "")
    if len(a.zones) == 1:
        return [m.say("timezone_found", place=place, zone=m.code(a.zones[0]))]
    if a.zones:
        zones = ", ".join(m.code(zone) for zone in a.zones[:8])
        return [m.say("timezone_choices", place=place, zones=zones)]
    return [m.say("timezone_unknown", place=place)]


def _unsubscribe(m: Markup, a: Answer) -> Lines:
    return [m.say("unsubscribe_offer")]


def _changes(m: Markup, a: Answer) -> Lines:
    return [m.say("changes_explained")]


def _unknown(m: Markup, a: Answer) -> Lines:
    return [m.say("unknown"), *help_lines(m, a.knowledge)]


_RENDERERS: dict[str, Callable[[Markup, Answer], Lines]] = {
    "when": _when,
    "where": _where,
    "what": _what,
    "event": _event,
    "duration": _duration,
    "countdown": _countdown,
    "next": _next,
    "now": _now,
    "on_date": _on_date,
    "list": _list,
    "provenance": _provenance,
    "paragraph": _paragraph,
    "footnote": _footnote,
    "document": _document,
    "instrument": _instrument,
    "mention": _mention,
    "agenda": _agenda,
    "subscribe": _subscribe,
    "help": _help,
    "thanks": _thanks,
    "place": _place,
    "status": _status,
    "ambiguous": _ambiguous,
    "unknown": _unknown,
    "out_of_scope": _out_of_scope,
    "not_in_calendar": _not_in_calendar,
    "sequence": _sequence,
    "state": _state,
    "working_days": _working_days,
    "span": _span,
    "glossary": _glossary,
    "document_dates": _document_dates,
    "timezone": _timezone,
    "unsubscribe": _unsubscribe,
    "changes": _changes,
}


def _lines(answer: Answer, markup: Markup) -> Lines:
    return [line for line in _RENDERERS[answer.kind](markup, answer) if line]


def render_html_pages(answer: Answer, limit: int = MAX_MESSAGE_LENGTH) -> list[str]:
    """The answer as Telegram HTML messages, each at most ``limit`` characters."""
    return paginate(
        _lines(answer, Markup(True, answer.lang, answer.knowledge.document.symbol)),
        Markup(True, answer.lang, answer.knowledge.document.symbol),
        limit,
    )


def render_html(answer: Answer, limit: int = MAX_MESSAGE_LENGTH) -> str:
    """The answer as one Telegram HTML message (the first page, marked when more follows)."""
    markup = Markup(True, answer.lang, answer.knowledge.document.symbol)
    note = markup.italic(markup.say("more_pages"))
    pages = paginate(_lines(answer, markup), markup, limit - size_of(note) - 1)
    return pages[0] if len(pages) == 1 else f"{pages[0]}\n{note}"


def render_text(answer: Answer) -> str:
    """The whole answer as plain text (for ``calbot ask`` and ``calbot chat``)."""
    return "\n".join(_lines(answer, Markup(False, answer.lang, answer.knowledge.document.symbol)))
