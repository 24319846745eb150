"""Genericity: a second calendar with its own knowledge file works with no code change.

Nothing of the shipped calendar (A/RES/62/57, the MSP, Geneva) may leak into its answers, and its
own words (its glossary, its events' names) are understood.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.answers.engine import answer
from bot.answers.knowledge import check_knowledge, knowledge_file_for, load_knowledge
from bot.answers.render import render_text
from bot.events.loader import load_calendar
from bot.events.lookup import Confidence, resolve

from .test_cases import DATE

HERE = Path(__file__).parent / "other"
NOW = datetime(2030, 1, 2, 12, tzinfo=UTC)
CALENDAR = load_calendar(HERE / "events.yaml")
KNOWLEDGE = load_knowledge(knowledge_file_for(HERE / "events.yaml"))


def ask(question: str, lang: str = "en") -> str:
    reply = answer(question, NOW, "America/New_York", lang, CALENDAR, KNOWLEDGE)
    return render_text(reply)


def test_its_knowledge_file_is_found_beside_it_and_names_only_its_events() -> None:
    assert knowledge_file_for(HERE / "events.yaml") == HERE / "knowledge.yaml"
    assert check_knowledge(KNOWLEDGE, {event.id for event in CALENDAR.events}) == []
    assert check_knowledge(KNOWLEDGE, {"ccw-msp-2007"}) != []


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        ("when is IGC-4?", ["4–8 March 2030"]),
        ("when is the ocean conference", ["4–8 March 2030"]),
        ("when is the preparatory meeting of the ocean working group", ["15 January 2030"]),
        ("what does MGR mean?", ["marine genetic resources"]),
        ("what comes after the working group?", ["Ocean conference", "4–8 March 2030"]),
        ("what's on 5 March 2030", ["Ocean conference"]),
    ],
)
def test_its_own_names_and_words_are_understood(question: str, facts: list[str]) -> None:
    text = ask(question)
    for fact in facts:
        assert fact in text, text


@pytest.mark.parametrize(
    "question",
    [
        "When is the MSP?",
        "When is the Meeting of the States Parties to the CCW?",
        "When is the Human Rights Council session?",
        "Is there a meeting in Geneva?",
        "When is the Ottawa Convention conference?",
    ],
)
def test_the_shipped_calendars_names_and_unknown_names_get_no_date(question: str) -> None:
    text = ask(question)
    assert not DATE.search(text), text
    assert "A/RES/62/57" not in text and "Protocol V" not in text


def test_resolve_names_its_events_with_their_confidence() -> None:
    assert resolve(CALENDAR, "ocean-igc-4").confidence == Confidence.ID
    found = resolve(
        CALENDAR, "Fourth session of the Intergovernmental Conference on Ocean Biodiversity"
    )
    assert found.event is not None and found.confidence == Confidence.NAME
    assert resolve(CALENDAR, "OWG").confidence == Confidence.ABBREVIATION
    assert resolve(CALENDAR, "Ottawa Convention").event is None


def test_a_big_calendar_declines_an_unknown_name_with_a_short_list_of_what_it_holds() -> None:
    from .synthetic import synthetic_calendar

    big = synthetic_calendar(500)
    reply = answer("When is the Ottawa Convention meeting?", NOW, "UTC", "en", big)
    text = render_text(reply)
    assert reply.kind == "not_in_calendar" and not DATE.search(text), text
    assert "… and 490 more." in text


def test_a_short_form_declared_only_in_its_knowledge_file_names_its_event() -> None:
    assert resolve(CALENDAR, "the BBNJ conference", KNOWLEDGE.terms).event is not None
    assert resolve(CALENDAR, "the BBNJ conference").event is None  # not known without the file
    text = ask("When is the BBNJ conference?")
    assert "4–8 March 2030" in text, text


def test_its_own_symbol_is_read_from_its_knowledge_file() -> None:
    reply = answer("What is A/RES/99/1?", NOW, "America/New_York", "en", CALENDAR, KNOWLEDGE)
    text = render_text(reply)
    assert "Ocean biodiversity beyond national jurisdiction" in text, text
    assert "62/57" not in text


def test_its_instrument_is_read_by_the_short_name_its_knowledge_file_gives() -> None:
    reply = answer("what is the Agreement?", NOW, "UTC", "en", CALENDAR, KNOWLEDGE)
    assert reply.kind == "instrument" and "marine biodiversity" in render_text(reply)


def test_the_shipped_documents_instrument_words_mean_nothing_here() -> None:
    reply = answer("what is the CCW?", NOW, "UTC", "en", CALENDAR, KNOWLEDGE)
    assert reply.kind != "instrument" and "Conventional Weapons" not in render_text(reply)
