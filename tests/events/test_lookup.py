"""Event lookup: names, short names, aliases, abbreviations, typos, French, and honest ambiguity."""

from __future__ import annotations

import time

import pytest

from bot.answers.knowledge import default_knowledge
from bot.config import DEFAULT_EVENTS_FILE
from bot.events.loader import load_calendar, parse_calendar
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


@pytest.mark.parametrize(
    "text",
    [
        "When did the Preparatory Committee of the Protocol V Conference meet?",
        "the protocol v conference's preparatory committee",
        "Comité Preparatorio de la Conferencia de los Estados Partes en el Protocolo V",
        "Подготовительный комитет Конференции по Протоколу V",
    ],
)
def test_a_name_holding_another_events_name_names_its_own_event(
    shipped: Calendar, text: str
) -> None:
    found = find_events(shipped, text, TERMS)
    assert found.confident and found.best is not None
    assert found.best.id == "ccw-prepcom-protocol-v-2007"


def test_an_event_named_whole_beats_one_a_word_of_the_text_names(shipped: Calendar) -> None:
    # "mines" is a word of Amended Protocol II's names; "MSP" is the whole of one of the MSP's.
    found = find_events(shipped, "which days of the MSP are about mines?", TERMS)
    assert found.confident and found.best is not None and found.best.id == "ccw-msp-2007"


def test_two_events_each_named_whole_stay_ambiguous(shipped: Calendar) -> None:
    found = find_events(shipped, "the MSP or the prepcom?", TERMS)
    assert found.ambiguous
    assert {event.id for event in found.matches[:2]} == {
        "ccw-msp-2007",
        "ccw-prepcom-protocol-v-2007",
    }


_NESTED = """
name: Nested names
timezone: Europe/Zurich
updated: "2030-01-01T00:00:00Z"
events:
  - {id: review, title: Review Conference, start: "2030-05-04", kind: conference}
  - {id: review-prepcom, title: Preparatory Committee of the Review Conference,
     start: "2030-01-10", kind: meeting}
"""


def test_the_longer_of_two_whole_names_wins_in_any_calendar() -> None:
    calendar = parse_calendar(_NESTED)
    found = find_events(
        calendar, "when does the preparatory committee of the review conference meet"
    )
    assert found.confident and found.best is not None and found.best.id == "review-prepcom"
    found = find_events(calendar, "when is the review conference")
    assert found.confident and found.best is not None and found.best.id == "review"
