"""The one way to say something: ``say(key, lang, count, **values)`` over the catalogue.

Every sentence calbot sends lives in ``bot.text.catalog``, in English and French. Templates are
Telegram HTML with ``{placeholders}``. One escaping rule: every value is HTML-escaped, except an
``Html`` value, which is markup already built (another message, a bold name); ``say`` returns
``Html``, so a message put inside another is never escaped twice.

A key ending in ``#one``/``#other`` has a singular and a plural form, picked by the positional
``count`` (French counts 0 and 1 as singular), which also fills ``{count}``. A ``count=`` keyword
is just a value. Unknown languages get English.
"""

from __future__ import annotations

from html import escape

from bot.text.catalog import MESSAGES
from bot.text.dates import locale_for

__all__ = ["MESSAGES", "Html", "say"]


class Html(str):
    """Text that is already Telegram HTML: ``say`` puts it in as it is."""

    __slots__ = ()


def say(key: str, lang: str | None, count: int | None = None, /, **values: object) -> Html:
    """The text for ``key`` in ``lang`` (English when missing), filled with ``values``."""
    locale = locale_for(lang)
    if count is not None:
        singular = count == 1 or (locale == "fr" and count == 0)
        key = f"{key}#{'one' if singular else 'other'}"
        values = {"count": count, **values}
    entry = MESSAGES[key]
    template = entry.get(locale) or entry["en"]
    return Html(template.format(**{name: _markup(value) for name, value in values.items()}))


def _markup(value: object) -> str:
    return value if isinstance(value, Html) else escape(str(value))
