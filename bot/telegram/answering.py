"""The seam to the answering engine: a question in, Telegram HTML pages and the events out.

The engine (``bot.answers``) is pure and owns the wording. Should it be missing (a trimmed
install), a fallback built on the event lookup answers "which event is X" so the bot is never
silent.
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
    pages: tuple[str, ...]  # Telegram HTML messages, each within the 4096 limit
    events: tuple[Event, ...] = ()  # what the answer is about
    candidates: tuple[Event, ...] = ()  # "did you mean" choices


def answer_question(
    question: str,
    *,
    now: datetime,
    zone: ZoneInfo,
    lang: str,
    calendar: Calendar,
    feed_url: str | None = None,
) -> Reply:
    try:
        from bot.answers.engine import answer
        from bot.answers.render import render_html_pages
    except ImportError:
        return _fallback(question, now=now, zone=zone, lang=lang, calendar=calendar)
    result = answer(question, now, zone, lang, calendar, feed_url=feed_url)
    return Reply(tuple(render_html_pages(result)), result.events, result.candidates)


def _fallback(
    question: str, *, now: datetime, zone: ZoneInfo, lang: str, calendar: Calendar
) -> Reply:
    found = find_events(calendar, question)
    if found.matches and not found.ambiguous:
        event = found.matches[0]
        return Reply((event_card(event, lang, zone, now),), (event,))
    if found.matches:
        return Reply((say("which_one", lang),), (), tuple(found.matches[:5]))
    return Reply((say("not_found", lang, query=question[:100]),))
