"""Any text, instant, zone or language: the engine answers and the HTML is valid for Telegram."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from bot.answers.engine import answer
from bot.answers.grounding import calendar_and_knowledge_words
from bot.answers.knowledge import default_knowledge
from bot.answers.render import render_html, render_html_pages, render_text
from bot.events.model import Calendar
from bot.text.normalize import normalize
from bot.text.telegram_html import MAX_MESSAGE_LENGTH, validate_telegram_html

from .test_cases import DATE

ZONES = [
    "UTC",
    "Europe/Zurich",
    "Asia/Tokyo",
    "America/Los_Angeles",
    "Pacific/Kiritimati",
    "Nope/Zone",
]
LANGS = ["en", "fr", "fr-CA", "de", "", "zz-ZZ"]
WORDS = [
    "when",
    "where",
    "msp",
    "protocol",
    "v",
    "conference",
    "<b>",
    "&",
    "footnote",
    "12",
    "paragraph",
    "tomorrow",
    "demain",
    "quand",
    "next",
    "list",
    "how long",
    "until",
    "A/RES/62/57",
    "2007",
    "in 99999 days",
    "31 february",
    "source",
    "agenda",
    "subscribe",
    "<a href='x'>",
    "&amp;",
    "\n",
]
questions = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join),
)
instants = st.datetimes(
    min_value=datetime(1970, 1, 2), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(question=questions, now=instants, zone=st.sampled_from(ZONES), lang=st.sampled_from(LANGS))
def test_any_question_gets_a_valid_reply(
    shipped: Calendar, question: str, now: datetime, zone: str, lang: str
) -> None:
    reply = answer(question, now, zone, lang, shipped)
    assert render_text(reply).strip()
    html = render_html(reply)
    assert validate_telegram_html(html, strict=True) is None, html
    assert len(html) <= MAX_MESSAGE_LENGTH


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    limit=st.integers(min_value=60, max_value=600), question=st.sampled_from([*WORDS, "all events"])
)
def test_every_page_is_valid_html_within_the_limit(
    shipped: Calendar, limit: int, question: str
) -> None:
    reply = answer(question, datetime(2007, 11, 1, tzinfo=UTC), "UTC", "en", shipped)
    for page in render_html_pages(reply, limit=limit):
        assert validate_telegram_html(page, strict=True) is None, page
        assert len(page) <= limit


_TEMPLATES = [
    "When is the {name} {noun}?",
    "when is the next {name} {noun}",
    "Where is the {name} {noun} held?",
    "Is there a meeting in {name}?",
    "When is the Meeting of the States Parties to the {name} Convention?",
    "what is the {name} {noun}",
    "how long until the {name} {noun}?",
    "quand a lieu la {noun} de {name} ?",
    "When does the {name} {noun} meet next week?",
]
_NOUNS = ["Council", "Treaty", "Convention", "Conference", "Summit", "Commission", "Forum"]
names = st.text(alphabet="bcdfghklmnprstvwxz" + "aeiouy", min_size=5, max_size=10).map(str.title)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    template=st.sampled_from(_TEMPLATES),
    name=names,
    noun=st.sampled_from(_NOUNS),
    now=instants,
    zone=st.sampled_from(ZONES),
    lang=st.sampled_from(LANGS),
)
def test_a_name_that_matches_nothing_never_gets_a_date(
    shipped: Calendar, template: str, name: str, noun: str, now: datetime, zone: str, lang: str
) -> None:
    assume(_matches_nothing(shipped, name))
    reply = answer(template.format(name=name, noun=noun), now, zone, lang, shipped)
    text = render_text(reply)
    assert not DATE.search(text), text
    html = render_html(reply)
    assert validate_telegram_html(html, strict=True) is None, html
    assert len(html) <= MAX_MESSAGE_LENGTH


def _matches_nothing(calendar: Calendar, name: str) -> bool:
    """The invented name is no word (nor a misspelling of a word) of the calendar or knowledge."""
    word = normalize(name)
    vocabulary = calendar_and_knowledge_words(calendar, default_knowledge())
    return not any(fuzz.ratio(word, known) >= 70 for known in vocabulary)
