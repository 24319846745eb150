"""Event lookup: names, short names, aliases, abbreviations, typos, French, and honest ambiguity."""

from __future__ import annotations

import time

import pytest

from bot.answers.knowledge import default_knowledge
from bot.config import DEFAULT_EVENTS_FILE
from bot.events.loader import load_calendar
from bot.events.lookup import find_events, resolve_event, terms
from bot.events.model import Calendar

# The short forms of the shipped calendar's knowledge file ("CCW", "ERW", "APII"), as every caller
# passes them.
TERMS = default_knowledge().terms


@pytest.fixture(scope="module")
def shipped() -> Calendar:
    return load_calendar(DEFAULT_EVENTS_FILE)


@pytest.mark.parametrize(
    ("text", "event_id"),
    [
        ("MSP", "ccw-msp-2007"),
        ("msp 2007", "ccw-msp-2007"),
        ("mps", "ccw-msp-2007"),
        ("CCW", "ccw-msp-2007"),
        ("Meeting of the States Parties", "ccw-msp-2007"),
        (
            "meeting of states parties to the convention on certain conventional weapons",
            "ccw-msp-2007",
        ),
        ("réunion des États parties", "ccw-msp-2007"),
        ("Protocol V", "ccw-protocol-v-conference-2007"),
        ("protocl v", "ccw-protocol-v-conference-2007"),
        ("protocol 5", "ccw-protocol-v-conference-2007"),
        ("ERW", "ccw-protocol-v-conference-2007"),
        ("explosive remnants of war conference", "ccw-protocol-v-conference-2007"),
        ("conférence du Protocole V", "ccw-protocol-v-conference-2007"),
        ("Amended Protocol II", "ccw-apii-conference-2007"),
        ("amended prot II", "ccw-apii-conference-2007"),
        ("APII", "ccw-apii-conference-2007"),
        ("protocole II modifié", "ccw-apii-conference-2007"),
        ("GGE", "ccw-gge-intersessional-2007"),
        ("groupe d'experts gouvernementaux", "ccw-gge-intersessional-2007"),
        ("prepcom", "ccw-prepcom-protocol-v-2007"),
        ("prep com", "ccw-prepcom-protocol-v-2007"),
        ("comité préparatoire", "ccw-prepcom-protocol-v-2007"),
        ("UNGA 63", "unga-63-ccw-agenda-item"),
        ("sixty-third session", "unga-63-ccw-agenda-item"),
        ("ccw-msp-2007", "ccw-msp-2007"),
    ],
)
def test_resolves_names_abbreviations_typos_and_french(
    shipped: Calendar, text: str, event_id: str
) -> None:
    event = resolve_event(shipped, text, TERMS)
    assert event is not None and event.id == event_id


@pytest.mark.parametrize("text", ["the conference", "meeting", "conférence"])
def test_a_generic_word_is_ambiguous_not_guessed(shipped: Calendar, text: str) -> None:
    result = find_events(shipped, text)
    assert result.ambiguous and len(result.matches) >= 2
    assert resolve_event(shipped, text) is None


@pytest.mark.parametrize(
    "text", ["", "   ", "weather", "who won the world cup", "5 november", "🙂"]
)
def test_unrelated_text_names_no_event(shipped: Calendar, text: str) -> None:
    assert resolve_event(shipped, text) is None


def test_candidates_for_the_conference_are_the_two_conferences(shipped: Calendar) -> None:
    ids = {event.id for event in find_events(shipped, "the conference").matches[:2]}
    assert ids == {"ccw-protocol-v-conference-2007", "ccw-apii-conference-2007"}


def test_an_exact_name_is_marked_exact(shipped: Calendar) -> None:
    assert find_events(shipped, "Protocol V conference").exact
    assert not find_events(shipped, "protocol conference").exact


def test_index_is_reused_for_the_same_calendar(shipped: Calendar) -> None:
    find_events(shipped, "msp")
    started = time.perf_counter()
    for _ in range(100):
        find_events(shipped, "amended prot II")
    assert (time.perf_counter() - started) / 100 < 0.005


def test_a_documents_short_form_comes_from_its_knowledge_file(shipped: Calendar) -> None:
    text = "the convention on certain conventional weapons states parties"
    assert find_events(shipped, text, TERMS).words == ("ccw", "states", "parties")
    generic = find_events(shipped, text, terms()).words
    assert "ccw" not in generic and "weapons" in generic


def test_generic_short_forms_come_from_words_yaml(shipped: Calendar) -> None:
    assert find_events(shipped, "assemblée générale", terms()).words == ("unga",)
    assert find_events(shipped, "comité préparatoire", terms()).words == ("prepcom",)
