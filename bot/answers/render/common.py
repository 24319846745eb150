"""What the renderers of every group share: an event's name in bold, its tense line, what the
sources leave unstated, its dates, a list of events, paragraphs with their summaries."""

from __future__ import annotations

from bot.answers.knowledge import Paragraph
from bot.answers.markup import Markup
from bot.answers.model import AnswerBase
from bot.answers.parts import event_item, event_name, paragraph_label, tense_line, unstated_lines
from bot.answers.render.registry import Lines
from bot.events.model import Event
from bot.text.dates import format_span


def bold_name(m: Markup, answer: AnswerBase, event: Event) -> str:
    return m.bold(event_name(event, m.lang, answer.knowledge))


def tense_of(m: Markup, answer: AnswerBase, event: Event) -> str:
    return tense_line(m, event, answer.timing(event), bold_name(m, answer, event))


def unstated_of(
    m: Markup, a: AnswerBase, event: Event, fields: tuple[str, ...] | None = None
) -> Lines:
    return unstated_lines(m, event, fields, a.knowledge)


def date_line(m: Markup, a: AnswerBase, event: Event) -> str:
    span = m.esc(format_span(event, m.lang, a.zone))
    return (
        f"{bold_name(m, a, event)}: {span}"
        if m.lang == "en"
        else f"{bold_name(m, a, event)} : {span}"
    )


def item_lines(m: Markup, a: AnswerBase, events: tuple[Event, ...], tense: bool = True) -> Lines:
    lines = []
    for event in events:
        lines.append(f"• {event_item(m, event, a.zone, a.knowledge)}")
        if tense:
            lines.append(f"  {tense_of(m, a, event)}")
    return lines


def paragraph_lines(m: Markup, paragraphs: tuple[Paragraph, ...]) -> Lines:
    lines = []
    for paragraph in paragraphs:
        label = m.bold_markup(paragraph_label(m, paragraph.id))
        if m.lang == "en":  # the opening words are quoted from the English text
            label = f"{label} ({m.italic(paragraph.opening)})"
        summary = m.esc(paragraph.summary.get(m.lang))
        lines.append(f"• {m.say('paragraph_line', label=label, summary=summary)}")
    return lines
