"""Actions asked in plain words: which place a "change my timezone to ..." message names.

Pure: the Telegram layer performs the action; this reads what is asked. Zones come from
``bot.zones`` (city, country and zone names).
"""

from __future__ import annotations

import re

from bot.zones import zone_choices

# The place follows the last of these words: "change my timezone to New York", "je suis à Paris".
_BEFORE_PLACE = re.compile(
    r"\b(?:to|in|for|is|at|=|:|pour|à|a|en|sur|est)\s+(?P<place>[^?!.]+?)\s*[?!.]*\s*$",
    re.IGNORECASE,
)


def zone_asked(text: str) -> tuple[str | None, tuple[str, ...]]:
    """The place a time-zone request names (as typed) and the zones it may mean."""
    matches = list(_BEFORE_PLACE.finditer(text[:200]))
    if not matches:
        return None, ()
    place = matches[-1].group("place").strip()
    for start in range(len(place.split())):
        candidate = " ".join(place.split()[start:])
        choices = zone_choices(candidate)
        if choices:
            return candidate, choices
    return place, ()
