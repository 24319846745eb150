"""The web page's own texts in the six UN languages, and the choice of language per request.

The texts are data (``bot/text/page/<lang>.yaml``, one file per language, the same keys in each),
separate from the Telegram catalogue because the page has its own words and no Telegram HTML. The
language comes from ``?lang=`` when a reader chose one, else from the browser's Accept-Language
(q-values respected, matched by Babel's ``negotiate_locale``), else English.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from types import MappingProxyType

from babel import Locale
from babel.core import negotiate_locale
from ruamel.yaml import YAML

PAGE_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")  # the UN's order: alphabetical in English
DEFAULT_LANGUAGE = "en"
_MAX_HEADER = 1024
_MAX_RANGES = 32


@cache
def page_texts(lang: str) -> Mapping[str, str]:
    """The page's texts in ``lang`` (one of ``PAGE_LANGUAGES``), read once."""
    if lang not in PAGE_LANGUAGES:
        raise ValueError(f"no page texts for language {lang!r}")
    source = files("bot.text").joinpath("page", f"{lang}.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(source)
    return MappingProxyType({str(key): str(value) for key, value in data.items()})


@cache
def language_name(lang: str, in_lang: str | None = None) -> str:
    """A language's name, in its own language by default ("العربية", "中文", "Español")."""
    name = Locale.parse(lang).get_display_name(Locale.parse(in_lang or lang)) or lang
    return name[:1].upper() + name[1:] if in_lang is None else name


def is_right_to_left(lang: str) -> bool:
    return Locale.parse(lang).character_order == "right-to-left"


def choose_language(requested: str | None, accept_language: str) -> tuple[str, bool]:
    """The page's language and whether the reader chose it (``?lang=``) rather than the browser.

    An unknown ``?lang=`` is ignored, never an error: the browser's preference applies.
    """
    chosen = (requested or "").strip().lower()
    if chosen in PAGE_LANGUAGES:
        return chosen, True
    preferred = parse_accept_language(accept_language)
    found = negotiate_locale(preferred, PAGE_LANGUAGES, sep="-", aliases={})
    return (found or DEFAULT_LANGUAGE), False


def parse_accept_language(header: str) -> list[str]:
    """Language ranges from an Accept-Language header, most wanted first (RFC 9110 §12.5.4).

    ``q=0`` means "not this one"; a malformed range or weight is skipped, and ties keep the
    header's order. ``*`` says nothing about which language, so it is left out.
    """
    ranges: list[tuple[float, int, str]] = []
    for position, item in enumerate(header[:_MAX_HEADER].split(",")[:_MAX_RANGES]):
        tag, _, params = item.strip().partition(";")
        tag = tag.strip().lower()
        if not tag or tag == "*" or not all(part.isalnum() for part in tag.split("-")):
            continue
        weight = _weight(params)
        if weight is not None and weight > 0:
            ranges.append((-weight, position, tag))
    return [tag for _, _, tag in sorted(ranges)]


def _weight(params: str) -> float | None:
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.strip().lower() == "q":
            try:
                weight = float(value.strip())
            except ValueError:
                return None
            return weight if 0 <= weight <= 1 else None
    return 1.0
