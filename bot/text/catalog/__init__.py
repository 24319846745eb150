"""Every text calbot says, by area, merged into the one table ``bot.text.messages`` reads.

Each area module holds ``key -> {"en": ..., "fr": ...}``. A key may be defined in one area only:
merging refuses a second definition rather than let one text silently replace another.

The other four UN languages (Arabic, Chinese, Russian, Spanish) live in data files,
``locales/<lang>.yaml``, keyed by the same keys, so a new key added in English and French merges
without touching them (until translated, it falls back to English; a test lists what is missing).
A counted key ``name#one``/``name#other`` may have more forms in a locale file, one per CLDR plural
category of that language (``name#few``, ``name#many``, ``name#two``, ``name#zero``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ruamel.yaml import YAML

from bot.text.catalog import answers, feeds, reminders, telegram

Entry = dict[str, str]
AREAS: dict[str, Mapping[str, Entry]] = {
    "answers": answers.MESSAGES,
    "telegram": telegram.MESSAGES,
    "reminders": reminders.MESSAGES,
    "feeds": feeds.MESSAGES,
}
LOCALE_DIR = Path(__file__).with_name("locales")
LOCALE_FILES = ("ar", "zh", "ru", "es")  # English and French are in the area modules


def merge(areas: Mapping[str, Mapping[str, Entry]]) -> dict[str, Entry]:
    """One table from the areas; a key defined twice is an error."""
    merged: dict[str, Entry] = {}
    for area, entries in areas.items():
        twice = sorted(merged.keys() & entries.keys())
        if twice:
            raise ValueError(f"message keys in {area} are already defined: {', '.join(twice)}")
        merged.update({key: dict(entry) for key, entry in entries.items()})
    return merged


def read_locale(lang: str, directory: Path = LOCALE_DIR) -> dict[str, str]:
    """``key -> template`` from ``locales/<lang>.yaml`` (empty when the file is absent)."""
    path = directory / f"{lang}.yaml"
    if not path.exists():
        return {}
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not all(
        isinstance(key, str) and isinstance(text, str) for key, text in data.items()
    ):
        raise ValueError(f"{path.name}: expected a mapping of message keys to texts")
    return data


def add_locale(table: dict[str, Entry], lang: str, texts: Mapping[str, str]) -> list[str]:
    """Put one language's texts into ``table``; returns the keys it does not know (stale ones).

    A plural form (``name#few``) is known when ``name#other`` is: languages differ in their forms.
    """
    unknown = []
    for key, text in texts.items():
        base, plural, _ = key.partition("#")
        if key in table:
            table[key][lang] = text
        elif plural and f"{base}#other" in table:
            table.setdefault(key, {})[lang] = text
        else:
            unknown.append(key)
    return unknown


def _build() -> tuple[dict[str, Entry], dict[str, list[str]]]:
    table = merge(AREAS)
    stale = {lang: add_locale(table, lang, read_locale(lang)) for lang in LOCALE_FILES}
    return table, stale


MESSAGES, STALE = _build()
