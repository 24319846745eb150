"""Proposed events written out: a JSON list for review, events.yaml entries, and a one-screen
summary.

The YAML entries are valid against ``bot.events.model``: dates quoted, status ``tentative`` (a
person confirms), every source quoted, and ``unstated`` saying what the text leaves out (the days of
a month-only date, the place, the venue). An agenda item has no date in the text; for the General
Assembly the entry takes the month its regular session opens (September of 1945 + the session
number) and says so.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from bot.extract.names import ordinal_number
from bot.extract.propose import ExtractionResult, ProposedEvent

_STOP = {"of", "the", "to", "a", "an", "and", "on", "for", "at", "in"}


def to_json_list(result: ExtractionResult) -> list[dict[str, Any]]:
    """The events as plain data for ``--format json``."""
    return [
        {
            "title": event.title,
            "kind": event.kind,
            "start": event.start,
            "end": event.end,
            "precision": event.precision,
            "place": event.place.text if event.place else None,
            "paragraph": event.paragraph,
            "status": event.status,
            "quote": event.quote,
            "also_mentioned": [
                {"paragraph": c.paragraph, "quote": c.quote} for c in event.also_mentioned
            ],
            "notes": list(event.notes),
            "adoption": event.adoption,
            "document": result.document,
        }
        for event in result.events
    ]


def slug(title: str, year: str | None) -> str:
    words = [w for w in re.findall(r"[a-z0-9]+", title.lower()) if w not in _STOP]
    base = ""
    for word in words:
        if len(base) + len(word) + 1 > 50:
            break
        base = f"{base}-{word}" if base else word
    base = base or "event"
    return f"{base}-{year}" if year and not base.endswith(year) else base


def entries(result: ExtractionResult, taken: set[str] | None = None) -> list[CommentedMap]:
    """events.yaml entries for the proposed events (undatable agenda items left out)."""
    used = set(taken or ())
    out = []
    for event in result.events:
        entry = _entry(event, result)
        if entry is None:
            continue
        base, number = entry["id"], 2
        while entry["id"] in used:
            entry["id"], number = f"{base[:60]}-{number}", number + 1
        used.add(entry["id"])
        out.append(entry)
    return out


def _q(text: str) -> DoubleQuotedScalarString:
    return DoubleQuotedScalarString(text)


def _entry(event: ProposedEvent, result: ExtractionResult) -> CommentedMap | None:
    unstated: list[dict[str, str]] = []
    start, end = event.start, event.end
    if start is None:
        start = _session_month(event, result)
        if start is None:
            return None
        unstated.append(
            {
                "field": "start",
                "note": "The text gives no date for this session. The month shown is when the "
                "General "
                "Assembly's regular sessions open (September), not a date the text states.",
            }
        )
    entry = CommentedMap()
    entry["id"] = slug(event.title, start[:4])
    entry["title"] = event.title
    entry["kind"] = event.kind
    entry["start"] = _q(start)
    if end and end != start:
        entry["end"] = _q(end)
    if event.place:
        location = CommentedMap()
        for key in ("venue", "city", "country"):
            if value := getattr(event.place, key):
                location[key] = value
        entry["location"] = location
    entry["description"] = _description(event, result)
    entry["status"] = "tentative"
    entry["sources"] = CommentedSeq(
        [_source(result, event.paragraph, event.quote)]
        + [_source(result, c.paragraph, c.quote) for c in event.also_mentioned]
    )
    unstated += _unstated(event)
    if unstated:
        entry["unstated"] = CommentedSeq([CommentedMap(item) for item in unstated])
    return entry


def _session_month(event: ProposedEvent, result: ExtractionResult) -> str | None:
    found = re.search(r"([\w-]+) session", event.title)
    number = ordinal_number(found.group(1)) if found else None
    if result.body != "General Assembly" or number is None:
        return None
    return f"{1945 + number}-09"


def _source(result: ExtractionResult, paragraph: str, quote: str) -> CommentedMap:
    source = CommentedMap()
    source["document"] = result.document or "unknown document"
    source["paragraph"] = paragraph
    source["quote"] = _q(quote)
    return source


def _description(event: ProposedEvent, result: ExtractionResult) -> str:
    wording = {
        "past": "The text speaks of it as held.",
        "future": "The text speaks of it as to be held.",
        "agenda_item": "An item on the agenda of a later session.",
    }[event.status]
    if event.adoption:
        wording = "The meeting that adopted this document."
    where = f"{result.document or 'the text'}, {event.paragraph}"
    return " ".join([f"Proposed by calbot extract from {where}.", wording, *event.notes])


def _unstated(event: ProposedEvent) -> list[dict[str, str]]:
    out = []
    if event.precision in ("month", "year"):
        out.append(
            {
                "field": "days",
                "note": f"The text gives only the {event.precision} ({event.start}); "
                "it does not give the days.",
            }
        )
    if event.place is None:
        out.append({"field": "location", "note": "The text does not say where it is held."})
    elif event.place.venue is None:
        out.append(
            {
                "field": "venue",
                "note": f"The text names the place ({event.place.text}) but not the venue.",
            }
        )
    return out


def yaml_text(data: object, offset: int = 2) -> str:
    yaml = YAML()
    yaml.width = 4096  # never re-wrap a quote or an existing line
    yaml.indent(mapping=2, sequence=offset + 2, offset=offset)
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def to_events_yaml(result: ExtractionResult) -> str:
    """The entries to paste under ``events:`` in events.yaml."""
    found = entries(result)
    if not found:
        return "[]\n"
    return yaml_text(CommentedSeq(found), offset=0)


def summary(result: ExtractionResult) -> str:
    """A short, readable list of what was found (for the command line and the Telegram admin)."""
    where = result.document or "the text"
    if not result.events:
        return f"No dated meetings found in {where} ({result.paragraphs} paragraphs read)."
    lines = [f"{len(result.events)} event(s) proposed from {where}:"]
    for event in result.events:
        when = event.start if event.start == event.end else f"{event.start} to {event.end}"
        when = "no date" if event.start is None else when
        place = f", {event.place.text}" if event.place else ""
        also = f" (+{len(event.also_mentioned)} more)" if event.also_mentioned else ""
        lines.append(f"- {when}{place}: {event.title} [{event.status}; {event.paragraph}{also}]")
    return "\n".join(lines)
