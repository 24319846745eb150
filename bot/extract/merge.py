"""Adding proposed events to an existing events.yaml without disturbing it.

The file is edited round-trip (ruamel.yaml), so its comments, order and quoting stay as they are;
new entries go at the end of ``events``. A proposed event is "already there" when an existing event
cites the same document and paragraph for overlapping dates, or has overlapping dates and a similar
name (title, short name or alias). The result must still pass ``parse_calendar``; otherwise nothing
is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from bot.events.loader import parse_calendar
from bot.events.model import Calendar, Event
from bot.events.when import When
from bot.extract.output import entries, yaml_text
from bot.extract.propose import ExtractionResult

_SIMILAR = 70


@dataclass(frozen=True)
class MergeResult:
    """The new file text, and what was added or recognised (proposed title -> existing id)."""

    text: str
    added: list[str]
    present: list[tuple[str, str]]


def merge_into(existing: str, filename: str, result: ExtractionResult) -> MergeResult:
    """Add the proposed events ``existing`` lacks. ``CalendarError`` if either file is invalid."""
    calendar = parse_calendar(existing, filename)
    yaml = YAML()
    yaml.preserve_quotes = True
    data = yaml.load(existing)
    events = data.get("events")
    if not isinstance(events, CommentedSeq):
        events = CommentedSeq()
        data["events"] = events
    added, present = [], []
    for entry in entries(result, {event.id for event in calendar.events}):
        match = _already_there(entry, calendar)
        if match is not None:
            present.append((str(entry["title"]), match.id))
            continue
        events.append(entry)
        added.append(str(entry["id"]))
    text = existing if not added else yaml_text(data, _sequence_offset(existing))
    parse_calendar(text, filename)  # never hand back a file that no longer loads
    return MergeResult(text, added, present)


def _sequence_offset(text: str) -> int:
    """How far the file indents the dash of a list item under its key (2 in the shipped file)."""
    found = re.search(r"^events:\s*\n(?:\s*#.*\n|\s*\n)*( *)- ", text, re.MULTILINE)
    return len(found.group(1)) if found else 2


def _already_there(entry: CommentedMap, calendar: Calendar) -> Event | None:
    start = When.parse(str(entry["start"]))
    end = When.parse(str(entry.get("end", entry["start"])))
    cited = {(s["document"], s["paragraph"]) for s in entry["sources"]}
    best, best_score = None, 0.0
    for event in calendar.events:
        if event.kind == "agenda_item" and entry["kind"] == "agenda_item":
            if cited & {(s.document, s.paragraph) for s in event.sources}:
                return event
            continue
        if not (start.day <= event.last_day and event.first_day <= end.last_day):
            continue
        if cited & {(s.document, s.paragraph) for s in event.sources}:
            return event
        names = [event.title, event.short_name or "", *event.aliases]
        score = max(
            fuzz.token_set_ratio(str(entry["title"]).lower(), n.lower()) for n in names if n
        )
        if score >= _SIMILAR and score > best_score:
            best, best_score = event, score
    return best
