"""A validator for Telegram's HTML parse mode, modelled on tdlib's ``parse_html``.

Used by the tests (every rendered answer must pass, in strict mode) and by the fake Bot API server,
which refuses what the real one refuses with the same kind of message ("Bad Request: can't parse
entities: ..."). Like Telegram, the default mode lets a bare ``&`` or ``>`` through as text and
ignores unknown attributes; ``strict`` also refuses those, as the Bot API documentation asks.
"""

from __future__ import annotations

MAX_MESSAGE_LENGTH = 4096
ALLOWED_TAGS = frozenset(
    {"a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins", "pre", "code"}
    | {"blockquote", "tg-spoiler", "span", "tg-emoji"}
)
_PREFIX = "Bad Request: can't parse entities: "
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_END = "\0"
_KNOWN_ATTRIBUTES = {
    "a": {"href"},
    "span": {"class"},
    "code": {"class"},
    "tg-emoji": {"emoji-id"},
    "blockquote": {"expandable"},
}


class _Refused(Exception):
    """The text cannot be parsed; the message is Telegram's."""


class _Parser:
    """One pass over the text, as tdlib makes it: entities decoded, tags matched on a stack."""

    def __init__(self, text: str, strict: bool) -> None:
        self.text, self.strict = text, strict
        self.plain: list[str] = []
        self.stack: list[str] = []

    def at(self, index: int) -> str:
        return self.text[index] if index < len(self.text) else _END

    def offset(self, index: int) -> int:
        return len(self.text[:index].encode("utf-8"))

    def refuse(self, message: str) -> _Refused:
        return _Refused(f"{_PREFIX}{message}")

    def entity(self, index: int) -> tuple[str, int] | None:
        """The character an entity at ``index`` stands for, and where it ends; None if none."""
        end = index + 1
        if self.at(end) == "#":
            end += 1
            hexadecimal = self.at(end) == "x"
            end += hexadecimal
            digits = "0123456789abcdefABCDEF" if hexadecimal else "0123456789"
            start = end
            while self.at(end) in digits and self.at(end) != _END:
                end += 1
            number = int(self.text[start:end], 16 if hexadecimal else 10) if end > start else 0
            if number == 0 or number >= 0x10FFFF or end - index >= 10:
                return None
            character = chr(number)
        else:
            start = end
            while self.at(end).isascii() and self.at(end).isalpha():
                end += 1
            character = _ENTITIES.get(self.text[start:end], "")
            if not character:
                return None
        return character, end + 1 if self.at(end) == ";" else end

    def run(self) -> None:
        index = 0
        while index < len(self.text):
            char = self.text[index]
            if char == "&":
                found = self.entity(index)
                if found is not None:
                    self.plain.append(found[0])
                    index = found[1]
                    continue
                if self.strict:
                    raise self.refuse(f"Unsupported entity at byte offset {self.offset(index)}")
            if char == ">" and self.strict:
                raise self.refuse(f"Unescaped '>' at byte offset {self.offset(index)}")
            if char != "<":
                self.plain.append(char)
                index += 1
                continue
            index = self.end_tag(index) if self.at(index + 1) == "/" else self.start_tag(index)
        if self.stack:
            raise self.refuse(f"Can't find end tag corresponding to start tag {self.stack[-1]}")

    def start_tag(self, begin: int) -> int:
        index = begin + 1
        while self.at(index) not in (" ", "\t", "\n", "\r", ">", _END):
            index += 1
        if self.at(index) == _END:
            raise self.refuse(f"Unclosed start tag at byte offset {self.offset(begin)}")
        name = self.text[begin + 1 : index].lower()
        if name not in ALLOWED_TAGS:
            raise self.refuse(f'Unsupported start tag "{name}" at byte offset {self.offset(begin)}')
        attributes, index = self.attributes(name, begin, index)
        if name == "span" and attributes.get("class") != "tg-spoiler":
            raise self.refuse('Tag "span" must have class "tg-spoiler"')
        if self.strict:
            unknown = set(attributes) - _KNOWN_ATTRIBUTES.get(name, set())
            if unknown or (name == "a" and not attributes.get("href")):
                raise self.refuse(
                    f'Bad attributes of tag "{name}" at byte offset {self.offset(begin)}'
                )
        self.stack.append(name)
        return index + 1

    def attributes(self, name: str, begin: int, index: int) -> tuple[dict[str, str], int]:
        found: dict[str, str] = {}
        while self.at(index) != ">":
            while self.at(index).isspace():
                index += 1
            if self.at(index) == ">":
                break
            start = index
            while not self.at(index).isspace() and self.at(index) not in ("=", ">", _END):
                index += 1
            attribute = self.text[start:index].lower()
            if not attribute:
                raise self.refuse(
                    f'Empty attribute name in the tag "{name}" at byte offset {self.offset(begin)}'
                )
            while self.at(index).isspace():
                index += 1
            if self.at(index) != "=":
                if attribute == "expandable" and name == "blockquote":
                    found[attribute] = ""
                    continue
                raise self.refuse(
                    "Expected equal sign in declaration of an attribute of the tag "
                    f'"{name}" at byte offset {self.offset(begin)}'
                )
            index += 1
            while self.at(index).isspace():
                index += 1
            found[attribute], index = self.value(name, begin, index)
        return found, index

    def value(self, name: str, begin: int, index: int) -> tuple[str, int]:
        quote = self.at(index)
        if quote == _END:
            raise self.refuse(f'Unclosed start tag "{name}" at byte offset {self.offset(begin)}')
        if quote not in ("'", '"'):
            start = index
            while self.at(index).isalnum() or self.at(index) in (".", "-"):
                index += 1
            if not self.at(index).isspace() and self.at(index) != ">":
                raise self.refuse(
                    f"Unexpected end of name token at byte offset {self.offset(start)}"
                )
            return self.text[start:index].lower(), index
        index += 1
        characters: list[str] = []
        while self.at(index) not in (quote, _END):
            found = self.entity(index) if self.at(index) == "&" else None
            if found is not None:
                characters.append(found[0])
                index = found[1]
            else:
                characters.append(self.text[index])
                index += 1
        if self.at(index) == _END:
            raise self.refuse(f"Unclosed start tag at byte offset {self.offset(begin)}")
        return "".join(characters), index + 1

    def end_tag(self, begin: int) -> int:
        if not self.stack:
            raise self.refuse(f"Unexpected end tag at byte offset {self.offset(begin)}")
        index = begin + 2
        while not self.at(index).isspace() and self.at(index) not in (">", _END):
            index += 1
        name = self.text[begin + 2 : index].lower()
        while self.at(index).isspace():
            index += 1
        if self.at(index) != ">":
            raise self.refuse(f"Unclosed end tag at byte offset {self.offset(begin)}")
        expected = self.stack.pop()
        if name and name != expected:
            raise self.refuse(
                f'Unmatched end tag at byte offset {self.offset(begin)}, expected "</{expected}>", '
                f'found "</{name}>"'
            )
        return index + 1


def validate_telegram_html(text: str, *, strict: bool = False) -> str | None:
    """None when Telegram would accept ``text`` with ``parse_mode=HTML``, else its error message."""
    parser = _Parser(text, strict)
    try:
        parser.run()
    except _Refused as error:
        return str(error)
    plain = "".join(parser.plain)
    if not plain.strip():
        return "Bad Request: message text is empty"
    if len(plain.encode("utf-16-le")) // 2 > MAX_MESSAGE_LENGTH:
        return "Bad Request: message is too long"
    return None
