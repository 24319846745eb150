"""The one way to say something: ``say(key, lang, count, **values)`` over the catalogue.

Every sentence calbot sends lives in ``bot.text.catalog``, in the six UN languages. Templates are
Telegram HTML with ``{placeholders}``. One escaping rule: every value is HTML-escaped, except an
``Html`` value, which is markup already built (another message, a bold name); ``say`` returns
``Html``, so a message put inside another is never escaped twice.

A counted key has one form per CLDR plural category (``key#one``, ``key#few``, ``key#other``...),
picked by the positional ``count`` with the language's own rule (Babel: Russian has one/few/many,
Arabic zero/one/two/few/many, Chinese only other); a form the language lacks falls back to
``#other``. The count also fills ``{count}``. A ``count=`` keyword is just a value. Unknown
languages get English.

Arabic is written right to left; a line that opens with a Latin name or a number would be laid
out left to right by the reader's client, and a Latin value followed by Arabic punctuation can
swap places with it. So every Arabic line starts with a right-to-left mark and every Latin value
is followed by one (numbers need none; links excepted: a mark must not become part of a URL).
"""

from __future__ import annotations

import unicodedata
from functools import cache
from html import escape

from babel import Locale

from bot.text.catalog import MESSAGES
from bot.text.dates import locale_for

__all__ = ["MESSAGES", "RLM", "Html", "plural_category", "say"]

RLM = "\u200f"
RIGHT_TO_LEFT = frozenset({"ar"})
_UNMARKED = frozenset({"url"})  # values a mark would corrupt


class Html(str):
    """Text that is already Telegram HTML: ``say`` puts it in as it is."""

    __slots__ = ()


def say(key: str, lang: str | None, count: int | None = None, /, **values: object) -> Html:
    """The text for ``key`` in ``lang`` (English when missing), filled with ``values``."""
    locale = locale_for(lang)
    if count is not None:
        key = _plural_key(key, locale, count)
        values = {"count": count, **values}
    entry = MESSAGES[key]
    template = entry.get(locale) or entry["en"]
    rtl = locale in RIGHT_TO_LEFT and locale in entry
    filled = {name: _markup(value, rtl and name not in _UNMARKED) for name, value in values.items()}
    text = template.format(**filled)
    return Html(_right_to_left(text) if rtl else text)


@cache
def plural_category(locale: str, count: int) -> str:
    """The CLDR plural category of ``count`` in ``locale``: one, few, many, other..."""
    return Locale.parse(locale).plural_form(count)


def _plural_key(key: str, locale: str, count: int) -> str:
    chosen = f"{key}#{plural_category(locale, count)}"
    if locale in MESSAGES.get(chosen, {}):
        return chosen
    if locale not in MESSAGES.get(f"{key}#other", {}) and count == 1 and f"{key}#one" in MESSAGES:
        return f"{key}#one"  # English fallback for a language without the key: English's forms
    return f"{key}#other"


def _markup(value: object, rtl: bool) -> str:
    if isinstance(value, Html):
        # A message inside another: its line mark is the outer line's business.
        return value.removeprefix(RLM) if rtl else value
    text = escape(str(value))
    return text + RLM if rtl and _is_left_to_right(text) else text


def _is_left_to_right(text: str) -> bool:
    """Latin letters and no Arabic ones: numbers alone keep their place, Arabic needs no mark."""
    kinds = {unicodedata.bidirectional(char) for char in text}
    return "L" in kinds and not kinds & {"R", "AL"}


def _right_to_left(text: str) -> str:
    return "\n".join(line if line.startswith(RLM) else RLM + line for line in text.split("\n"))
