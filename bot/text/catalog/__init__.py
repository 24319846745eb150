"""Every text calbot says, by area, merged into the one table ``bot.text.messages`` reads.

Each area module holds ``key -> {"en": ..., "fr": ...}``. A key may be defined in one area only:
merging refuses a second definition rather than let one text silently replace another.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.text.catalog import answers, feeds, reminders, telegram

Entry = dict[str, str]
AREAS: dict[str, Mapping[str, Entry]] = {
    "answers": answers.MESSAGES,
    "telegram": telegram.MESSAGES,
    "reminders": reminders.MESSAGES,
    "feeds": feeds.MESSAGES,
}


def merge(areas: Mapping[str, Mapping[str, Entry]]) -> dict[str, Entry]:
    """One table from the areas; a key defined twice is an error."""
    merged: dict[str, Entry] = {}
    for area, entries in areas.items():
        twice = sorted(merged.keys() & entries.keys())
        if twice:
            raise ValueError(f"message keys in {area} are already defined: {', '.join(twice)}")
        merged.update(entries)
    return merged


MESSAGES = merge(AREAS)
