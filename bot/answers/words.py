"""The language words of ``words.yaml``, read once: one data file for every language's question
words, so a language is added there, not in code."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML


@cache
def language_words() -> dict[str, dict[str, Any]]:
    """Language code -> its sections (name_nouns, common, intents, periods...)."""
    data = YAML(typ="safe").load((Path(__file__).parent / "words.yaml").read_text("utf-8"))
    return data if isinstance(data, dict) else {}


def phrases(section: str) -> list[tuple[str, str]]:
    """(name, phrase) pairs of one mapping section ("intents", "periods", "patterns",
    "short_forms") over every language."""
    return [
        (str(name), str(phrase))
        for words in language_words().values()
        for name, listed in (words.get(section) or {}).items()
        for phrase in listed
    ]


def word_list(section: str) -> frozenset[str]:
    """The words of one list section ("stopwords") over every language."""
    return frozenset(
        str(word) for words in language_words().values() for word in words.get(section) or ()
    )


def word_map(section: str) -> dict[str, str]:
    """One mapping section of single values ("synonyms") over every language; YAML reads a key
    such as ``"63"`` as text here whatever its quoting."""
    return {
        str(key): "" if value is None else str(value)
        for words in language_words().values()
        for key, value in (words.get(section) or {}).items()
    }


@cache
def phrase_words() -> frozenset[str]:
    """The normalised words of every language's intent and period phrases, and the common words
    of the languages that give such phrases: question words, which name nothing ("когда",
    "hoy"). Each language is normalised on its own, as its questions are ("الأسبوع" ->
    "اسبوع"): one text of every script would be read with the first script's rules only."""
    from bot.text.normalize import normalize

    found: set[str] = set()
    for lang, words in language_words().items():
        texts = [
            str(phrase)
            for section in ("intents", "periods")
            for listed in (words.get(section) or {}).values()
            for phrase in listed
        ]
        if words.get("intents"):
            texts += [str(word) for word in words.get("common", ())]
        found.update(normalize(" ".join(texts), lang).split())
    return frozenset(found)
