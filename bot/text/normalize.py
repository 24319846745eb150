"""Text normalisation for matching: the one place that decides when two spellings are the same word.

Every matcher (lookup, intents, topics, zones) reduces text with ``normalize``: NFKC, casefold,
Latin diacritics stripped ("Genève" -> "geneve"), punctuation as spaces, and letters of every script
kept (Cyrillic, Arabic, Chinese are words too, not noise). Language-specific steps (Chinese
segmentation, Russian lemmas, Arabic letter forms) plug in through ``NORMALISERS``: a function per
language code, run on the already normalised text, so adding one needs no change here or in callers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

# Letters and digits of any script; "_" is punctuation here.
_WORD = re.compile(r"[^\W_]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")

# Language code -> a step run after the common ones (e.g. "zh": segment into words).
NORMALISERS: dict[str, Callable[[str], str]] = {}


def normalize(text: str, lang: str | None = None) -> str:
    """``text`` reduced for matching: words of any script, lowercase, without Latin accents."""
    if text.isascii():
        plain = " ".join(_ASCII_WORD.findall(text.lower()))
    else:
        folded = unicodedata.normalize("NFKC", text).casefold()
        plain = " ".join(_WORD.findall("".join(_unaccented(char) for char in folded)))
    step = NORMALISERS.get((lang or "").split("-")[0].lower())
    return step(plain) if step else plain


@lru_cache(maxsize=4096)
def _unaccented(char: str) -> str:
    """A Latin letter without its accents ("é" -> "e"); letters of other scripts unchanged
    (the Cyrillic "й" is its own letter, not "и" with a mark). Marks left alone vanish."""
    if char.isascii():
        return char
    if unicodedata.combining(char):
        return ""
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0]
    if len(decomposed) > 1 and base.isascii() and base.isalpha():
        return base
    if not char.isalnum() and char not in " \t\n":
        return " "
    return char
