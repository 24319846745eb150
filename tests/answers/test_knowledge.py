"""The knowledge file: valid, complete (6 + 13 paragraphs, 11 footnotes), true to the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError
from ruamel.yaml import YAML

from bot.answers.knowledge import (
    DEFAULT_KNOWLEDGE_FILE,
    CheckedKnowledge,
    Knowledge,
    check_knowledge_file,
    default_knowledge,
    load_knowledge,
)
from bot.config import DEFAULT_EVENTS_FILE
from bot.events.loader import load_calendar

RESOLUTION = Path("/work/shared/seed/A_RES_62_57.txt")


def test_every_paragraph_is_summarised_in_both_languages() -> None:
    knowledge = load_knowledge()
    ids = [paragraph.id for paragraph in knowledge.paragraphs]
    assert ids == [f"preamble {n}" for n in range(1, 7)] + [f"operative {n}" for n in range(1, 14)]
    assert all(p.summary.en and p.summary.fr for p in knowledge.paragraphs)


def test_footnotes_one_to_eleven_with_their_documents() -> None:
    knowledge = default_knowledge()
    assert [note.number for note in knowledge.footnotes] == list(range(1, 12))
    assert knowledge.footnote(3).reference == "CCW/CONF.I/16 (Part I), annex B"
    assert knowledge.footnote(9).reference == "CCW/CONF.III/11 (Part II), annex II"


def test_the_five_protocols_and_the_convention() -> None:
    shorts = [item.short for item in default_knowledge().instruments]
    assert shorts == [
        "CCW",
        "amended article 1",
        *(f"Protocol {n}" for n in ["I", "II", "III", "IV", "V"]),
    ]


def test_paragraph_event_links_name_shipped_events() -> None:
    ids = {event.id for event in load_calendar(DEFAULT_EVENTS_FILE).events}
    linked = {event for p in default_knowledge().paragraphs for event in p.events}
    assert linked <= ids
    assert set(default_knowledge().translations["fr"].events) == ids
    assert set(default_knowledge().translations["fr"].bodies) == ids


def test_every_value_shown_from_elsewhere_has_a_french_note() -> None:
    calendar = load_calendar(DEFAULT_EVENTS_FILE)
    knowledge = default_knowledge()
    for event in calendar.events:
        for item in event.unstated:
            if item.source:
                assert knowledge.unstated_source(event.id, item.field, "fr"), (event.id, item.field)


@pytest.mark.skipif(not RESOLUTION.exists(), reason="resolution text not available")
def test_citations_and_openings_are_verbatim_from_the_resolution() -> None:
    text = " ".join(RESOLUTION.read_text(encoding="utf-8").split())
    knowledge = default_knowledge()
    for note in knowledge.footnotes:
        assert f"{note.number} {note.citation}" in text
    for paragraph in knowledge.paragraphs:
        assert paragraph.opening in text


def test_a_footnote_cited_by_an_unknown_paragraph_is_refused(tmp_path: Path) -> None:
    data = YAML(typ="safe").load(DEFAULT_KNOWLEDGE_FILE.read_text(encoding="utf-8"))
    data["footnotes"][0]["paragraphs"] = ["operative 99"]
    with pytest.raises(ValidationError, match="unknown"):
        Knowledge.model_validate(data)


def test_a_mention_of_an_unknown_paragraph_is_refused() -> None:
    data = YAML(typ="safe").load(DEFAULT_KNOWLEDGE_FILE.read_text(encoding="utf-8"))
    data["mentions"][0]["says"][0]["paragraph"] = "operative 99"
    with pytest.raises(ValidationError, match="unknown"):
        Knowledge.model_validate(data)


def test_an_undated_meeting_is_given_no_day_or_month() -> None:
    months = ("January", "June", "September", "November", "December", "juin", "novembre")
    meetings = [item for item in default_knowledge().mentions if item.meeting]
    assert meetings
    for item in meetings:
        for said in item.says:
            assert not any(month in f"{said.text.en} {said.text.fr}" for month in months)


def _checked_with(tmp_path: Path, old: str, new: str) -> CheckedKnowledge:
    """The shipped knowledge with one edit, checked beside an events file in ``tmp_path``."""
    shipped = DEFAULT_KNOWLEDGE_FILE.read_text(encoding="utf-8")
    assert old in shipped
    (tmp_path / "knowledge.yaml").write_text(shipped.replace(old, new, 1), encoding="utf-8")
    ids = {event.id for event in load_calendar(DEFAULT_EVENTS_FILE).events}
    return check_knowledge_file(tmp_path / "events.yaml", ids)


def _line_of(text: str) -> int:
    shipped = DEFAULT_KNOWLEDGE_FILE.read_text(encoding="utf-8")
    return shipped[: shipped.index(text)].count("\n") + 1


def test_a_misspelt_field_is_reported_at_its_line_with_the_right_suggestion(
    tmp_path: Path,
) -> None:
    checked = _checked_with(tmp_path, "  symbol: A/RES/62/57", "  symbl: A/RES/62/57")
    assert checked.knowledge is None and not checked.usable
    issue = next(item for item in checked.issues if item.field == "document.symbl")
    assert (issue.line, issue.column) == (_line_of("  symbol: A/RES/62/57"), 3)
    assert "did you mean 'symbol'?" in issue.message
    assert str(issue).startswith(f"{tmp_path / 'knowledge.yaml'}:{issue.line}:3: ")


def test_an_unknown_event_is_reported_at_its_line(tmp_path: Path) -> None:
    list_text = "[ccw-msp-2007, ccw-gge-intersessional-2007]"
    checked = _checked_with(tmp_path, list_text, "[ccw-msp-2007, no-such-meeting]")
    assert checked.knowledge is not None and not checked.usable
    [issue] = checked.issues
    assert issue.line == _line_of(list_text) and "no-such-meeting" in issue.message
    assert issue.field == "paragraphs.3.events.1"


def test_a_symbol_that_is_no_regular_expression_is_reported_at_its_line(tmp_path: Path) -> None:
    checked = _checked_with(tmp_path, "  - 'A/63/PV\\.1'", "  - 'A/63/PV(1'")
    [issue] = checked.issues
    assert issue.line == _line_of("  - 'A/63/PV\\.1'") and issue.field == "symbols.0"
    assert "not a regular expression" in issue.message
