"""The shipped events.yaml: it loads, `calbot check` accepts it, it says what A/RES/62/57 says.

The resolution's text lives in the shared seed folder beside the repository. Each quote attributed
to A/RES/62/57 must occur in it, in the paragraph the entry names, so that a delegate who looks it
up finds those words there.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from bot.cli import main
from bot.events.model import Calendar, Event

RESOLUTION = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "A_RES_62_57.txt"
SYMBOL = "A/RES/62/57"
_OPERATIVE = re.compile(r"^(\d+)\.\s")
_FOOTNOTE = re.compile(r"^(\d+) \S")


def _normal(text: str) -> str:
    return " ".join(text.split())


def paragraphs(text: str) -> dict[str, str]:
    """The resolution split into labelled paragraphs, whitespace-normalised.

    ``header`` is everything before "The General Assembly,"; preamble paragraphs are counted from
    the first one after it; operative paragraphs go by their number; ``footer`` (the extractor's
    label, ``bot.extract.document``) is the plenary meeting and date after the last operative
    paragraph; footnotes go by their number.
    """
    labelled: dict[str, list[str]] = {}
    label, preamble, footnote = "header", 0, 0
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("[DU1]<<"):
            break  # the print job's trailer
        if not line:
            continue
        numbered = _FOOTNOTE.match(line)
        if line == "The General Assembly,":
            label = "opening"
        elif match := _OPERATIVE.match(line):
            label = f"operative {match.group(1)}"
        elif label == "opening" or label.startswith("preamble"):
            preamble += 1
            label = f"preamble {preamble}"
        elif numbered and int(numbered.group(1)) == footnote + 1 and label != "header":
            # Footnotes run 1, 2, 3...; "5 December 2007" in the closing lines is not footnote 5.
            footnote += 1
            label = f"footnote {footnote}"
        elif label.startswith("operative"):
            label = "footer"
        labelled.setdefault(label, []).append(line)
    return {name: _normal(" ".join(lines)) for name, lines in labelled.items()}


def pieces(quote: str) -> list[str]:
    """A quote with "..." elisions, as the pieces that must each occur, in order."""
    return [_normal(piece) for piece in re.split(r"\.\.\.|…", quote) if piece.strip()]


def paragraph_of(quote: str, text: dict[str, str]) -> list[str]:
    """The labels of the paragraphs holding every piece of ``quote`` in order."""
    found = []
    for label, body in text.items():
        position = 0
        for piece in pieces(quote):
            position = body.find(piece, position)
            if position < 0:
                break
            position += len(piece)
        else:
            found.append(label)
    return found


@pytest.fixture(scope="module")
def resolution() -> dict[str, str]:
    if not RESOLUTION.is_file():
        pytest.skip(f"resolution text not found at {RESOLUTION.resolve()} (shared/seed missing)")
    return paragraphs(RESOLUTION.read_text(encoding="utf-8"))


def resolution_sources(calendar: Calendar) -> list[tuple[str, str, str]]:
    return [
        (event.id, source.paragraph or "", source.quote or "")
        for event in calendar.events
        for source in event.sources
        if source.document == SYMBOL
    ]


def test_paragraph_locator_numbers_preamble_from_the_general_assembly(
    resolution: dict[str, str],
) -> None:
    assert resolution["preamble 1"] == "Recalling its resolution 61/100 of 6 December 2006,"
    assert resolution["preamble 6"].startswith("Recalling the role played by the International")
    assert resolution["operative 13"].startswith("13. Decides to include in the provisional")
    assert resolution["footer"] == "61st plenary meeting 5 December 2007"
    assert resolution["footnote 11"] == "11 See CCW/GGE/2007/3, annex III."
    assert "preamble 7" not in resolution


def test_shipped_calendar_loads_every_event(calendar: Calendar) -> None:
    assert {event.id for event in calendar.events} == set(PINNED)


def test_check_accepts_the_shipped_file_with_a_summary(
    events_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)  # no stray .env
    assert main(["check", str(events_path)]) == 0
    out = capsys.readouterr().out
    assert "OK" in out
    assert "7 events (1 agenda_item, 2 conference, 4 meeting)" in out


def test_every_resolution_quote_occurs_in_the_paragraph_it_names(
    calendar: Calendar, resolution: dict[str, str]
) -> None:
    sources = resolution_sources(calendar)
    assert len(sources) >= 10
    for event_id, label, quote in sources:
        assert quote, f"{event_id}: a source from {SYMBOL} without a quote"
        found = paragraph_of(quote, resolution)
        assert found, f"{event_id}: {quote!r} does not occur in {SYMBOL}"
        assert label in found, f"{event_id}: {quote!r} is in {found}, not in {label!r}"


def test_locator_rejects_a_misattributed_paragraph(resolution: dict[str, str]) -> None:
    quote = "a meeting of States Parties to the Convention to be held from 7 to 13 November 2007"
    assert paragraph_of(quote, resolution) == ["preamble 4"]
    assert paragraph_of("the Group of Governmental Experts ... held in June 2007", resolution) == [
        "operative 7"
    ]
    assert paragraph_of("held in June 2007 ... the Group of Governmental Experts", resolution) == []


# id: (start, end, precision, city or None, words of the resolution that state the date)
PINNED: dict[str, tuple[date, date, str, str | None, str | None]] = {
    "ccw-prepcom-protocol-v-2007": (
        date(2007, 6, 18),
        date(2007, 6, 18),
        "day",
        None,
        "18 June 2007",
    ),
    "ccw-gge-intersessional-2007": (
        date(2007, 6, 1),
        date(2007, 6, 30),
        "month",
        None,
        "June 2007",
    ),
    "ccw-protocol-v-conference-2007": (
        date(2007, 11, 5),
        date(2007, 11, 5),
        "day",
        "Geneva",
        "on 5 November 2007 in Geneva",
    ),
    "ccw-apii-conference-2007": (
        date(2007, 11, 6),
        date(2007, 11, 6),
        "day",
        None,
        "to be held on 6 November 2007",
    ),
    "ccw-msp-2007": (
        date(2007, 11, 7),
        date(2007, 11, 13),
        "day",
        "Geneva",
        "from 7 to 13 November 2007 in Geneva",
    ),
    "unga-62-adoption-62-57": (
        date(2007, 12, 5),
        date(2007, 12, 5),
        "day",
        "New York",
        "5 December 2007",
    ),
    "unga-63-ccw-agenda-item": (date(2008, 9, 16), date(2008, 9, 16), "day", "New York", None),
}


@pytest.mark.parametrize("event_id", sorted(PINNED))
def test_shipped_dates_are_the_resolutions(
    calendar: Calendar, resolution: dict[str, str], event_id: str
) -> None:
    start, end, precision, city, words = PINNED[event_id]
    event = calendar.get(event_id)
    assert event is not None
    assert (event.first_day, event.last_day, event.precision) == (start, end, precision)
    assert (event.location.city if event.location else None) == city
    if words is not None:
        quotes = " | ".join(q for i, _, q in resolution_sources(calendar) if i == event_id)
        assert words in quotes, f"{event_id}: no {SYMBOL} quote says {words!r}"
        assert any(words in body for body in resolution.values())


def test_apii_conference_has_no_location_because_the_resolution_states_none(
    calendar: Calendar,
) -> None:
    event = calendar.get("ccw-apii-conference-2007")
    assert event is not None and event.location is None
    assert event.unstated_about("location") is not None


def test_gge_days_are_marked_unstated(calendar: Calendar) -> None:
    event = calendar.get("ccw-gge-intersessional-2007")
    assert event is not None and not event.days_stated
    assert event.unstated_about("days") is not None


def test_sixty_third_session_date_is_unstated_and_sourced_elsewhere(
    calendar: Calendar, resolution: dict[str, str]
) -> None:
    event: Event | None = calendar.get("unga-63-ccw-agenda-item")
    assert event is not None
    unstated = event.unstated_about("start")
    assert unstated is not None and unstated.source
    assert not unstated.source.startswith(SYMBOL)
    assert "16 September 2008" not in " ".join(resolution.values())


def test_folded_text_has_no_control_characters(calendar: Calendar) -> None:
    texts = [calendar.description] + [event.description for event in calendar.events]
    assert all(text and not any(ord(char) < 32 for char in text) for text in texts)
    assert "named in United Nations" in " ".join(calendar.description.split())
