"""Markup: the same sentences as Telegram HTML or as plain text, and splitting into messages.

HTML escapes every piece of event and user text and uses only tags Telegram accepts; plain text
leaves them bare. Long HTML is split on line boundaries into messages of at most 4096 characters, so
no tag or entity is ever cut.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from bot.text.messages import Html, say
from bot.text.telegram_html import MAX_MESSAGE_LENGTH

_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Markup:
    """How to mark text up: Telegram HTML, or plain."""

    html: bool
    lang: str = "en"
    document: str = "A/RES/62/57"  # the knowledge's document symbol, for {document} in sentences

    def esc(self, text: str) -> str:
        return html.escape(text, quote=False) if self.html else text

    def bold(self, text: str) -> str:
        return f"<b>{self.esc(text)}</b>" if self.html else text

    def bold_markup(self, markup: str) -> str:
        """Bold around text that is already escaped (a catalogue sentence)."""
        return f"<b>{markup}</b>" if self.html else markup

    def italic(self, text: str) -> str:
        return f"<i>{self.esc(text)}</i>" if self.html else text

    def code(self, text: str) -> str:
        return f"<code>{self.esc(text)}</code>" if self.html else text

    def link(self, url: str) -> str:
        if self.html and re.match(r"^https?://[^\s\"<>]+$", url):
            return f'<a href="{html.escape(url, quote=True)}">{self.esc(url)}</a>'
        return self.esc(url)

    def say(self, key: str, count: int | None = None, **values: str) -> str:
        """A catalogue sentence; ``values`` must already be marked up (escaped)."""
        values.setdefault("document", self.esc(self.document))
        return say(key, self.lang, count, **{name: Html(value) for name, value in values.items()})


def size_of(text: str) -> int:
    """Length in UTF-16 code units, as Telegram counts; markup counts too, to stay safe."""
    return len(text.encode("utf-16-le")) // 2


def _shorten(line: str, limit: int, m: Markup) -> str:
    """A line too long for one message, cut as plain text so no tag or entity is broken."""
    plain = html.unescape(_TAG.sub("", line)) if m.html else line
    keep = limit - 1
    while True:
        shortened = m.esc(plain[:keep] + "…")
        if size_of(shortened) <= limit or keep <= 0:
            return shortened
        keep = min(keep - 1, keep * limit // size_of(shortened))


def paginate(lines: list[str], m: Markup, limit: int = MAX_MESSAGE_LENGTH) -> list[str]:
    """Join lines into messages of at most ``limit`` characters, breaking only between lines."""
    pages: list[str] = []
    current: list[str] = []
    size = 0
    for raw in lines:
        line = raw if size_of(raw) <= limit else _shorten(raw, limit, m)
        if current and size + 1 + size_of(line) > limit:
            pages.append("\n".join(current))
            current, size = [], 0
        current.append(line)
        size += size_of(line) + (1 if len(current) > 1 else 0)
    if current:
        pages.append("\n".join(current))
    return pages or [""]
