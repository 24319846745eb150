"""Text normalisation for matching: the one place that decides when two spellings are the same word.

Every matcher (lookup, intents, topics, zones) reduces text with ``normalize``: NFKC, casefold,
Latin diacritics stripped ("Genève" -> "geneve"), punctuation as spaces, and letters of every script
kept (Cyrillic, Arabic, Chinese are words too, not noise). Language-specific steps (Chinese
segmentation, Russian lemmas, Arabic letter forms) plug in through ``NORMALISERS``: a function per
language code, run on the already normalised text, so adding one needs no change here or in callers.
Callers rarely know the language of a text: without one, a text in Cyrillic, Arabic or Chinese
script gets its script's step (``bot.text.languages.normalize_tokens``), so an event name and a
question in that script are reduced alike ("Совещания" and "совещание" meet, "会议" is a word).
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
    code = (lang or "").split("-")[0].lower() if lang else _script_language(plain)
    if code not in NORMALISERS:
        return plain
    return _stepped(code, plain) if code in _SCRIPT_STEPS else NORMALISERS[code](plain)


@lru_cache(maxsize=8192)
def _stepped(code: str, plain: str) -> str:
    """A script's step, cached: a question is read by several matchers, each normalising it."""
    return NORMALISERS[code](plain)


def _script_language(plain: str) -> str | None:
    """The language a non-Latin script stands for ("ru" for Cyrillic), or None."""
    if plain.isascii():
        return None
    for char in plain:
        if ord(char) >= 0x0370:
            code = ord(char)
            if 0x0400 <= code <= 0x052F:
                return "ru"
            if 0x0600 <= code <= 0x08FF or 0xFB50 <= code <= 0xFEFF:
                return "ar"
            if 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or code >= 0x20000:
                return "zh"
    return None


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


def _tokens_step(lang: str) -> Callable[[str], str]:
    from bot.text.languages import normalize_tokens

    return lambda plain: " ".join(normalize_tokens(plain, lang))


_SCRIPT_STEPS = ("ru", "ar", "zh")
NORMALISERS.update({lang: _tokens_step(lang) for lang in _SCRIPT_STEPS})
