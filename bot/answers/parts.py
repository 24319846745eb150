"""Parts of answers shared by every kind: names, places, tense, unstated facts, the event card.

Used by the renderer and by adapters (the Telegram /event card, inline results, reminders).
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.answers.knowledge import Knowledge, default_knowledge
from bot.answers.markup import Markup
from bot.answers.timing import Timing, timing_of
from bot.events.model import Event
from bot.text.dates import format_day, format_day_range, format_span, format_when, locale_for
from bot.text.messages import MESSAGES, say

# Names, places and tense -------------------------------------------------------------------


def event_name(event: Event, lang: str, knowledge: Knowledge | None = None) -> str:
    """The name to show: the French one where the knowledge has it, else the short name."""
    if locale_for(lang) != "en":
        translated = (knowledge or default_knowledge()).event_name(event.id, locale_for(lang))
        if translated:
            return translated
    return event.name


def place_text(event: Event, lang: str, knowledge: Knowledge | None = None) -> str | None:
    if event.location is None or not event.location.text():
        return None
    known = knowledge or default_knowledge()
    parts = (event.location.venue, event.location.city, event.location.country)
    return ", ".join(known.place(part, locale_for(lang)) for part in parts if part)


def place_phrase(event: Event, lang: str, knowledge: Knowledge | None = None) -> str | None:
    """Where, ready to follow a verb: "in Geneva, Switzerland", "à Genève (Suisse)",
    "at United Nations Headquarters, New York, United States"."""
    location = event.location
    if location is None or not location.text():
        return None
    known = knowledge or default_knowledge()
    if locale_for(lang) == "en":
        first = "at" if location.venue else "in"
        return f"{first} {location.text()}"
    lang = locale_for(lang)
    parts = []
    for part in (location.venue, location.city):
        if part:
            parts.append(known.place_at(part, lang) or f"à {known.place(part, lang)}")
    text = ", ".join(parts)
    if location.country:
        country = known.place(location.country, lang)
        text = f"{text} ({country})" if text else known.place_at(location.country, lang) or country
    return text


def tense_line(m: Markup, event: Event, timing: Timing, name: str) -> str:
    """ "opens in 3 days", "is on now (day 3 of 7)", "was held 5 days ago"."""
    if timing.total_days is None:
        when = m.esc(format_when(event.start, m.lang))
        return m.say(f"vague_{timing.phase}", name=name, when=when)
    if timing.phase == "future":
        if timing.hours_until is not None:
            return m.say("starts_in_hours", timing.hours_until, name=name)
        # A conference or a session opens; a one-day meeting (the adoption) just takes place.
        verb = "is_on" if event.kind == "meeting" and timing.total_days == 1 else "opens"
        if timing.days_until == 0:
            return m.say(f"{verb}_today", name=name)
        return m.say(f"{verb}_in", timing.days_until or 0, name=name)
    if timing.phase == "ongoing":
        if timing.total_days > 1:
            day, total = str(timing.day_number), str(timing.total_days)
            return m.say("on_now_day", name=name, day=day, total=total)
        return m.say("on_now", name=name)
    if timing.days_since == 0:
        return m.say("held_today", name=name)
    return m.say("held_ago", timing.days_since or 0, name=name)


def unstated_lines(
    m: Markup,
    event: Event,
    fields: tuple[str, ...] | None = None,
    knowledge: Knowledge | None = None,
) -> list[str]:
    """What the sources do not give, and where a value shown anyway comes from."""
    lines = []
    known = knowledge or default_knowledge()
    for item in event.unstated:
        if fields is not None and item.field not in fields:
            continue
        if m.lang == "en":
            lines.append(m.esc(item.note))
        elif f"unstated_{item.field}" in MESSAGES:
            lines.append(m.say(f"unstated_{item.field}"))
        else:
            lines.append(m.say("unstated_other", note=m.esc(item.note)))
        if item.source:
            source = known.unstated_source(event.id, item.field, m.lang) if m.lang != "en" else None
            lines.append(m.say("from_elsewhere", source=m.esc(source or item.source)))
    return lines


def _span(m: Markup, event: Event, zone: ZoneInfo) -> str:
    return m.esc(format_span(event, m.lang, zone))


def _date_line(m: Markup, event: Event, zone: ZoneInfo) -> str:
    key = "dates" if event.days_stated and event.first_day != event.last_day else "date"
    return m.say(key, span=_span(m, event, zone))


def card_lines(
    m: Markup, event: Event, zone: ZoneInfo, now: datetime, knowledge: Knowledge | None = None
) -> list[str]:
    """An event at a glance: name, dates, place, status, tense."""
    name = event_name(event, m.lang, knowledge)
    lines = [m.bold(name)]
    if m.lang == "en" and event.title != name:
        lines.append(m.italic(event.title))
    lines.append(_date_line(m, event, zone))
    place = place_text(event, m.lang, knowledge)
    lines.append(m.say("place", place=m.esc(place)) if place else m.say("place_unstated"))
    if event.status != "confirmed":
        lines.append(m.say(f"status_{event.status}"))
    lines.append(tense_line(m, event, timing_of(event, now, zone), m.bold(name)))
    return lines


def event_card_html(event: Event, lang: str, zone: ZoneInfo | str, now: datetime) -> str:
    """The event card in Telegram HTML, for /event, inline results and reminders."""
    shown = zone if isinstance(zone, ZoneInfo) else ZoneInfo(zone)
    return "\n".join(card_lines(Markup(True, locale_for(lang)), event, shown, now))


def event_item(m: Markup, event: Event, zone: ZoneInfo, knowledge: Knowledge) -> str:
    """One line of a list: dates — name (place)."""
    name = m.bold(event_name(event, m.lang, knowledge))
    place = place_text(event, m.lang, knowledge)
    line = m.say("item", span=_span(m, event, zone), name=name)
    return line + (f" ({m.esc(place)})" if place else "")


def help_lines(m: Markup, knowledge: Knowledge | None = None) -> list[str]:
    """What calbot answers: the document's own example questions (knowledge.yaml), then the
    questions any calendar answers."""
    known = knowledge or default_knowledge()
    examples = [*known.help_examples.get(m.lang, ()), *say("help_examples", m.lang).split("|")]
    intro = m.say("help_intro", document=m.esc(known.document.symbol))
    return [intro, *(f"• {m.italic(example)}" for example in examples)]


def help_text(lang: str, *, html_mode: bool = True, knowledge: Knowledge | None = None) -> str:
    """What calbot answers, with example questions (no dates in it)."""
    return "\n".join(help_lines(Markup(html_mode, locale_for(lang)), knowledge))


def paragraph_label(m: Markup, paragraph_id: str) -> str:
    """A paragraph id in words: the extractor's labels (``bot.extract.document``), which
    events.yaml and knowledge.yaml cite: ``preamble N``, ``operative N``, ``footnote N``,
    ``header`` and ``footer`` (the closing line: plenary meeting and date)."""
    part, _, number = paragraph_id.partition(" ")
    if part in ("preamble", "operative", "footnote") and number.isdigit():
        return m.say(part, number=number)
    if paragraph_id in ("header", "footer"):
        return m.say(f"part_{paragraph_id}")
    return m.esc(paragraph_id)


def period_label(m: Markup, first: date, last: date, label: str) -> str:
    if first != last:
        return m.esc(format_day_range(first, last, m.lang))
    day = m.esc(format_day(first, m.lang))
    if label in ("today", "tomorrow", "yesterday"):
        return m.say(f"{label}_label", day=day)
    if label in ("date_dmy", "date_mdy"):
        return m.say(f"{label}_label", day=day)  # "11/06/2007" could be either: say which
    return day
