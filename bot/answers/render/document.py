"""Renderers of answers about the document: its paragraphs, footnotes, instruments, the bodies
and meetings it mentions, the dates it gives, the abbreviations it uses, and itself."""

from __future__ import annotations

from datetime import date

from bot.answers.markup import Markup
from bot.answers.model import (
    DocumentAnswer,
    DocumentDatesAnswer,
    FootnoteAnswer,
    GlossaryAnswer,
    InstrumentAnswer,
    MentionAnswer,
    ParagraphAnswer,
)
from bot.answers.parts import paragraph_label
from bot.answers.render.common import item_lines, paragraph_lines, unstated_of
from bot.answers.render.registry import Lines, register
from bot.text.dates import format_day


@register(ParagraphAnswer)
def _paragraph(m: Markup, a: ParagraphAnswer) -> Lines:
    if not a.paragraphs:
        return [m.say("paragraph_unknown")]
    lines = paragraph_lines(m, a.paragraphs)
    if len(a.paragraphs) == 1:
        paragraph = a.paragraphs[0]
        if paragraph.footnotes:
            numbers = ", ".join(str(number) for number in paragraph.footnotes)
            lines.append(m.say("paragraph_footnotes", numbers=m.esc(numbers)))
    if a.events:  # the meetings these paragraphs are about, with their dates
        lines += [m.say("paragraph_meetings"), *item_lines(m, a, a.events)]
        for event in a.events:
            if a.unstated_fields:
                lines += unstated_of(m, a, event, a.unstated_fields)
    return lines


@register(FootnoteAnswer)
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


@register(DocumentAnswer)
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
        lines += [m.say("document_decides"), *paragraph_lines(m, a.paragraphs)]
    return lines


@register(InstrumentAnswer)
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
        lines += [m.say("instrument_meetings"), *item_lines(m, a, a.events)]
    return lines


@register(MentionAnswer)
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
        lines += [m.say("paragraph_meetings"), *item_lines(m, a, a.events)]
    return lines


@register(GlossaryAnswer)
def _glossary(m: Markup, a: GlossaryAnswer) -> Lines:
    return [m.say("glossary", term=m.bold(a.term), meaning=m.esc(a.meaning))]


@register(DocumentDatesAnswer)
def _document_dates(m: Markup, a: DocumentDatesAnswer) -> Lines:
    document = a.knowledge.document
    lines = [m.say("document_dates", symbol=m.esc(document.symbol))]
    lines += item_lines(m, a, a.events, tense=False)
    adopted = m.esc(format_day(date.fromisoformat(document.adopted), m.lang))
    lines.append(f"• {m.say('document_itself_adopted', day=adopted)}")
    for item in a.mentions:
        name = m.esc(item.name.fr if m.lang == "fr" else item.name.en)
        lines.append(f"• {m.say('undated_mention', name=name)}")
    return lines
