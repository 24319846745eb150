"""The seam to the answering engine: a question in, Telegram HTML and the events it is about out.

The engine (``bot.answers``) is pure and owns the wording. Until it is installed, a fallback built
on the event lookup answers "which event is X" questions so the bot is never silent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.events.lookup import find_events
from bot.events.model import Calendar, Event
from bot.telegram.cards import event_card
from bot.telegram.texts import say


@dataclass(frozen=True)
class Reply:
    text: str
    events: tuple[Event, ...] = ()  # what the answer is about
    candidates: tuple[Event, ...] = ()  # "did you mean" choices


def answer_question(
    question: str, *, now: datetime, zone: ZoneInfo, lang: str, calendar: Calendar
) -> Reply:
    try:
        from bot.answers.engine import answer
        from bot.answers.render import render_html
    except ImportError:
        return _fallback(question, now=now, zone=zone, lang=lang, calendar=calendar)
    result = answer(question, now, zone, lang, calendar)
    return Reply(
        render_html(result),
        tuple(getattr(result, "events", ()) or ()),
        tuple(getattr(result, "candidates", ()) or ()),
    )


def _fallback(
    question: str, *, now: datetime, zone: ZoneInfo, lang: str, calendar: Calendar
) -> Reply:
    found = find_events(calendar, question)
    if found.matches and not found.ambiguous:
        event = found.matches[0]
        return Reply(event_card(event, lang, zone, now), (event,))
    if found.matches:
        return Reply(say("which_one", lang), (), tuple(found.matches[:5]))
    return Reply(say("not_found", lang, query=question[:100]))
