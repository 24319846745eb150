"""A meeting named in one paragraph: what the grammars of meetings, lists and formal acts find
before mentions of the same meeting are merged into one proposed event."""

from __future__ import annotations

from dataclasses import dataclass

from bot.extract.places import Place


@dataclass(frozen=True)
class Mention:
    """One meeting named with a date (or, for an agenda item, without) in one paragraph."""

    title: str
    head: str  # the meeting noun, singular and lower case: "meeting", "conference"
    start: str | None
    end: str | None
    precision: str  # day | month | year | none
    place: Place | None
    paragraph: str
    quote: str
    status: str  # past | future | agenda_item
    notes: tuple[str, ...] = ()
    host: str | None = None  # "held on the margins of the fifty-ninth meeting": that meeting
    held_there: bool = False  # "held there", "on its margins": where the meeting before was
