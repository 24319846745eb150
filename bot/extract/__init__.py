"""Proposing calendar events from the text of a UN resolution or decision, with provenance.

``extract_from_text`` reads the text (pure, never raises); ``to_events_yaml`` and ``summary`` render
the result for events.yaml and for people. ``calbot extract`` (``bot.extract.command``) drives them.
"""

from __future__ import annotations

from bot.extract.output import summary, to_events_yaml, to_json_list
from bot.extract.propose import ExtractionResult, ProposedEvent, extract_from_text

__all__ = [
    "ExtractionResult",
    "ProposedEvent",
    "extract_from_text",
    "summary",
    "to_events_yaml",
    "to_json_list",
]
