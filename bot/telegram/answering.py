"""The seam to the answering engine: a question in, Telegram HTML pages and the events out.

The engine (``bot.answers``) is pure and owns the wording; this adapter times it for /metrics.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.answers.engine import answer
from bot.answers.knowledge import Knowledge
from bot.answers.model import AmbiguousAnswer, TimezoneAnswer
from bot.answers.render import render_html_pages
from bot.events.model import Calendar, Event
from bot.metrics import ANSWER_LATENCY


@dataclass(frozen=True)
class Reply:
    pages: tuple[str, ...]  # Telegram HTML messages, each within the 4096 limit
    events: tuple[Event, ...] = ()  # what the answer is about
    candidates: tuple[Event, ...] = ()  # "did you mean" choices
    kind: str = ""  # the kind of answer: an action to take ("timezone", "unsubscribe"...)?
    zones: tuple[str, ...] = ()  # for "timezone": the zones the place named may mean


def answer_question(
    question: str,
    *,
    now: datetime,
    zone: ZoneInfo,
    lang: str,
    calendar: Calendar,
    feed_url: str | None = None,
    knowledge: Knowledge | None = None,
) -> Reply:
    with ANSWER_LATENCY.time():
        result = answer(question, now, zone, lang, calendar, knowledge, feed_url=feed_url)
        pages = tuple(render_html_pages(result))
    candidates = result.candidates if isinstance(result, AmbiguousAnswer) else ()
    zones = result.zones if isinstance(result, TimezoneAnswer) else ()
    return Reply(pages, result.about(), candidates, result.kind, zones)
