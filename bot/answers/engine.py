"""The engine: a question in any of the six UN languages -> a structured ``Answer``. Pure.

It reads the question once (``bot.answers.question.Question``) and tries the rules of
``bot.answers.rules`` in the order of ``RULES``: the first whose guard holds and whose builder
gives an answer wins. The answer is in the question's language when the text clearly shows one
that differs from the reader's client (``detect_language``); when the text says too little to tell
("MSP?", "13/11"), in the client's. It never reads the clock (``now`` is passed in), never
formats text (see ``bot.answers.render``) and never raises on odd input: an odd question gets a
"here is what I can answer" reply.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.answers.knowledge import Knowledge, default_knowledge
from bot.answers.model import Answer
from bot.answers.question import Question
from bot.answers.rules import RULES
from bot.events.model import Calendar
from bot.text.dates import locale_for
from bot.text.languages import detect_language

MAX_QUESTION = 1000
# Points a Latin-script question needs to overrule the client's language (bot.text.languages).
_CLEAR_EVIDENCE = 4


def answer(
    question: str,
    now: datetime,
    tz: str | ZoneInfo | None,
    lang: str | None,
    calendar: Calendar,
    knowledge: Knowledge | None = None,
    *,
    feed_url: str | None = None,
) -> Answer:
    """Answer ``question`` as of ``now`` for a reader in zone ``tz`` who reads ``lang``."""
    read = Question(
        question=(question or "")[:MAX_QUESTION],
        now=now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC),
        zone=_zone(tz, calendar),
        lang=locale_for(answer_language(question or "", lang)),
        calendar=calendar,
        knowledge=knowledge or default_knowledge(),
        feed_url=feed_url,
    )
    for rule in RULES:
        if rule.guard(read):
            found = rule.build(read)
            if found is not None:
                return replace(found, rule=rule.name)
    raise AssertionError("the last rule always answers")  # pragma: no cover


def answer_language(question: str, client: str | None) -> str | None:
    """The language to answer in: the question's own when it clearly differs from the client's
    ("¿Cuándo es la reunión?" from an English client), else the client's (an "fr-CA" client
    asking in French keeps its regional form)."""
    written = detect_language(question[:MAX_QUESTION], min_evidence=_CLEAR_EVIDENCE)
    if written is None or written == (client or "").split("-")[0].lower():
        return client
    return written


def _zone(tz: str | ZoneInfo | None, calendar: Calendar) -> ZoneInfo:
    if isinstance(tz, ZoneInfo):
        return tz
    try:
        return ZoneInfo(tz) if tz else calendar.zone
    except (ZoneInfoNotFoundError, ValueError):
        return calendar.zone
