"""A validator for Telegram's HTML parse mode, strict where Telegram is strict.

Used by the tests (every rendered answer must pass) and by the fake Bot API server, which refuses
what the real one would refuse, with the same kind of message ("Bad Request: can't parse entities:
...").
"""

from __future__ import annotations

import re

MAX_MESSAGE_LENGTH = 4096
ALLOWED_TAGS = frozenset(
    {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote"}
    | {"tg-spoiler", "span", "tg-emoji"}
)
_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'))*)\s*>"
)
_ATTRIBUTE = re.compile(r"([a-zA-Z-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});")
_ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "span": {"class"},
    "tg-emoji": {"emoji-id"},
    "code": {"class"},
}
_ALLOWED_ATTRIBUTES |= {"pre": set(), "blockquote": {"expandable"}}
_PREFIX = "Bad Request: can't parse entities: "


class _ByteOffset:
    """Telegram counts offsets in UTF-8 bytes; computed only when an error is reported."""

    def __init__(self, text: str, position: int) -> None:
        self._text, self._position = text, position

    def __str__(self) -> str:
        return str(len(self._text[: self._position].encode("utf-8")))


def _visible_length(text: str) -> int:
    without_tags = _TAG.sub("", text)
    return len(_ENTITY.sub("x", without_tags))


def validate_telegram_html(text: str) -> str | None:
    """None when Telegram would accept ``text`` with ``parse_mode=HTML``, else its error message."""
    stack: list[str] = []
    position = 0
    while position < len(text):
        char = text[position]
        offset = _ByteOffset(text, position)
        if char == "<":
            match = _TAG.match(text, position)
            if match is None:
                return f"{_PREFIX}Unsupported start tag at byte offset {offset}"
            closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
            if name not in ALLOWED_TAGS:
                return f'{_PREFIX}Unsupported start tag "{name}" at byte offset {offset}'
            if closing:
                if not stack or stack[-1] != name:
                    return f'{_PREFIX}Unexpected end tag "{name}" at byte offset {offset}'
                stack.pop()
            else:
                error = _check_attributes(name, attributes, offset)
                if error:
                    return error
                stack.append(name)
            position = match.end()
        elif char == "&":
            match = _ENTITY.match(text, position)
            if match is None:
                return f"{_PREFIX}Unsupported entity at byte offset {offset}"
            position = match.end()
        elif char == ">":
            return f"{_PREFIX}Unexpected end of name token at byte offset {offset}"
        else:
            position += 1
    if stack:
        return f'{_PREFIX}Can\'t find end tag corresponding to start tag "{stack[-1]}"'
    if _visible_length(text) > MAX_MESSAGE_LENGTH:
        return "Bad Request: message is too long"
    if not _TAG.sub("", text).strip():
        return "Bad Request: message text is empty"
    return None


def _check_attributes(name: str, attributes: str, offset: _ByteOffset) -> str | None:
    allowed = _ALLOWED_ATTRIBUTES.get(name, set())
    found = {
        match.group(1).lower(): match.group(2) or match.group(3) or ""
        for match in _ATTRIBUTE.finditer(attributes)
    }
    for attribute in found:
        if attribute not in allowed:
            return f'{_PREFIX}Unsupported attribute "{attribute}" at byte offset {offset}'
    if name == "a" and not found.get("href"):
        return f"{_PREFIX}Can't find href in a tag at byte offset {offset}"
    if name == "span" and found.get("class") != "tg-spoiler":
        return f'{_PREFIX}Unsupported start tag "span" at byte offset {offset}'
    return None
