"""Rendering: escaped event text, valid Telegram HTML, safe pages, the card, help, subscribe."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from bot.answers.engine import answer
from bot.answers.render import (
    event_card_html,
    help_text,
    render_html,
    render_html_pages,
    render_text,
)
from bot.events.model import Calendar
from bot.text.telegram_html import validate_telegram_html
from tests.answers.synthetic import synthetic_calendar

NOW = datetime(2007, 11, 1, 8, tzinfo=UTC)


@pytest.fixture
def hostile() -> Calendar:
    return Calendar.model_validate(
        {
            "name": "Hostile",
            "updated": "2007-01-01T00:00:00Z",
            "events": [
                {
                    "id": "tags",
                    "title": "<script>alert('x')</script> & <b>Friends",
                    "short_name": "Tags & <i>co",
                    "kind": "meeting",
                    "start": "2007-11-05",
                    "location": {"venue": "<Room> & 'B'"},
                    "description": "Fish & chips <3",
                }
            ],
        }
    )


@pytest.mark.parametrize("question", ["what is tags", "where is tags", "list all events", "tags"])
def test_event_text_is_escaped(hostile: Calendar, question: str) -> None:
    html = render_html(answer(question, NOW, "UTC", "en", hostile))
    assert validate_telegram_html(html, strict=True) is None, html
    assert "<script>" not in html and "&amp;" in html
    assert "&amp;amp;" not in html and "&amp;lt;" not in html  # escaped once, not twice


def test_plain_text_keeps_event_text_as_is(hostile: Calendar) -> None:
    text = render_text(answer("what is tags", NOW, "UTC", "en", hostile))
    assert "Tags & <i>co" in text and "&amp;" not in text


def test_a_ten_thousand_event_list_is_split_into_valid_messages() -> None:
    reply = answer("list all events", NOW, "UTC", "en", synthetic_calendar(2_000))
    pages = render_html_pages(reply)
    assert len(pages) > 1
    assert all(validate_telegram_html(page, strict=True) is None for page in pages)
    first = render_html(reply)
    assert validate_telegram_html(first, strict=True) is None and "continued" in first
    assert "2000 events" in render_text(reply) and "and 1900 more" in render_text(reply)


def test_event_card(calendar: Calendar) -> None:
    msp = calendar.get("ccw-msp-2007")
    assert msp is not None
    card = event_card_html(msp, "en", "Asia/Tokyo", NOW)
    assert validate_telegram_html(card, strict=True) is None
    assert (
        "<b>CCW Meeting of the States Parties</b>" in card
        and "7–13 November 2007" in card
        and "opens in 6 days" in card
    )
    french = event_card_html(msp, "fr", "Europe/Paris", NOW)
    assert "Genève" in french and "ouverture dans 6 jours" in french


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_help_states_no_date(lang: str) -> None:
    text = help_text(lang)
    assert validate_telegram_html(text, strict=True) is None
    assert not re.search(r"\b(19|20)\d\d\b", text)


def test_subscribe_links_the_feed(calendar: Calendar) -> None:
    reply = answer(
        "subscribe", NOW, "UTC", "en", calendar, feed_url="https://cal.example/calendar.ics"
    )
    html = render_html(reply)
    assert '<a href="https://cal.example/calendar.ics">' in html
    assert validate_telegram_html(html, strict=True) is None


def test_a_feed_url_that_is_not_http_is_not_linked(calendar: Calendar) -> None:
    reply = answer("subscribe", NOW, "UTC", "en", calendar, feed_url='javascript:"<x>"')
    html = render_html(reply)
    assert "<a " not in html and validate_telegram_html(html, strict=True) is None


@pytest.mark.parametrize(
    ("lang", "question", "label"),
    [
        ("en", "source for the General Assembly adoption",
         "closing line (plenary meeting and date):"),
        ("fr", "source de l'adoption par l'Assemblée générale",
         "ligne finale (séance plénière et date) :"),
    ],
)  # fmt: skip
def test_the_adoption_cites_the_closing_line_in_words(
    calendar: Calendar, lang: str, question: str, label: str
) -> None:
    # events.yaml cites the plenary line with the extractor's label, ``footer``: never shown raw.
    adoption = calendar.get("unga-62-adoption-62-57")
    assert adoption is not None and "footer" in [s.paragraph for s in adoption.sources]
    text = render_text(answer(question, NOW, calendar.zone, lang, calendar))
    assert f"{label} “61st plenary meeting 5 December 2007”" in text
    assert "footer" not in text
