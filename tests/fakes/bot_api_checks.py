"""What Telegram refuses: HTML entity parsing, message lengths, inline keyboards, inline results.

Modelled on tdlib's ``parse_html`` and the Bot API documentation, so the fake server refuses what
the real one refuses, with the same ``description`` strings. Each check returns ``None`` when the
value is accepted, or the error description ("Bad Request: ...") when it is not.
"""

from __future__ import annotations

import re
from typing import Any

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
MAX_CALLBACK_ANSWER = 200
MAX_INLINE_RESULTS = 50

_SUPPORTED_TAGS = frozenset(
    {
        "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins", "tg-spoiler",
        "tg-emoji", "span", "pre", "code", "blockquote",
    }
)  # fmt: skip
_ENTITY = re.compile(r"&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG_NAME = re.compile(r"[a-zA-Z0-9-]*")
_ATTRIBUTE = re.compile(r"\s*([a-zA-Z-]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]*))?")


def _decode_entity(text: str, i: int) -> tuple[str, int] | None:
    match = _ENTITY.match(text, i)
    if not match:
        return None
    name = match.group(1)
    if name.startswith("#x"):
        return chr(int(name[2:], 16)), match.end()
    if name.startswith("#"):
        return chr(int(name[1:])), match.end()
    if name in _NAMED:
        return _NAMED[name], match.end()
    return None


def parse_html(text: str) -> tuple[str, str | None]:
    """The text Telegram shows for ``text`` in parse_mode HTML, and the parse error if any."""
    plain: list[str] = []
    stack: list[str] = []
    i, n = 0, len(text)

    def offset(index: int) -> int:
        return len(text[:index].encode("utf-8"))

    while i < n:
        char = text[i]
        if char == "&":
            decoded = _decode_entity(text, i)
            if decoded is None:
                plain.append("&")  # tdlib keeps a lone ampersand as it is
                i += 1
            else:
                plain.append(decoded[0])
                i = decoded[1]
            continue
        if char != "<":
            plain.append(char)
            i += 1
            continue
        start = i
        if text.startswith("</", i):
            close = text.find(">", i)
            if close == -1:
                return "", f"Unclosed end tag at byte offset {offset(start)}"
            name = text[i + 2 : close].strip().lower()
            if not stack:
                return "", f"Unexpected end tag at byte offset {offset(start)}"
            if name != stack[-1]:
                return "", (
                    f"Unmatched end tag at byte offset {offset(start)}, expected "
                    f'"</{stack[-1]}>", found "</{name}>"'
                )
            stack.pop()
            i = close + 1
            continue
        name_match = _TAG_NAME.match(text, i + 1)
        assert name_match is not None
        name = name_match.group(0).lower()
        if name not in _SUPPORTED_TAGS:
            return "", f'Unsupported start tag "{name}" at byte offset {offset(start)}'
        j = name_match.end()
        attributes: dict[str, str] = {}
        while True:
            while j < n and text[j].isspace():
                j += 1
            if j >= n:
                return "", f"Unclosed start tag at byte offset {offset(start)}"
            if text[j] == ">":
                break
            attribute = _ATTRIBUTE.match(text, j)
            if attribute is None or attribute.end() == j:
                return "", f"Unclosed start tag at byte offset {offset(start)}"
            value = (attribute.group(2) or "").strip("\"'")
            attributes[attribute.group(1).lower()] = value
            j = attribute.end()
        if name == "span" and attributes.get("class") != "tg-spoiler":
            return "", f'Tag "span" must have class "tg-spoiler" at byte offset {offset(start)}'
        stack.append(name)
        i = j + 1
    if stack:
        return "", f'Can\'t find end tag corresponding to start tag "{stack[-1]}"'
    return "".join(plain), None


def utf16_length(text: str) -> int:
    """Telegram counts lengths in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _external_validator() -> Any:
    """The project's own validator, when present: the fake refuses what it refuses too."""
    try:
        from bot.text.telegram_html import validate_telegram_html
    except ImportError:
        return None
    return validate_telegram_html


def check_text(text: str | None, parse_mode: str | None, *, limit: int = MAX_TEXT) -> str | None:
    """Refuse an empty, malformed or too long message text (or caption with ``limit``)."""
    text = text or ""
    plain = text
    if parse_mode and parse_mode.upper() == "HTML":
        plain, error = parse_html(text)
        if error is None and (external := _external_validator()) is not None:
            error = external(text)
            if error and error.startswith("Bad Request: "):
                return error
        if error:
            return f"Bad Request: can't parse entities: {error}"
    elif parse_mode and parse_mode not in ("Markdown", "MarkdownV2"):
        return f"Bad Request: unsupported parse_mode {parse_mode}"
    if limit == MAX_TEXT and not plain.strip():
        return "Bad Request: message text is empty"
    if utf16_length(plain) > limit:
        return (
            "Bad Request: message is too long"
            if limit == MAX_TEXT
            else ("Bad Request: message caption is too long")
        )
    return None


_BUTTON_KINDS = (
    "url", "callback_data", "switch_inline_query", "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat", "web_app", "login_url", "pay", "callback_game", "copy_text",
)  # fmt: skip


def check_reply_markup(markup: Any) -> str | None:
    """Refuse an inline keyboard Telegram would refuse (bad callback data, bad URL, no action)."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        return "Bad Request: can't parse reply keyboard markup JSON object"
    if "inline_keyboard" not in markup:
        return None  # reply keyboards, force_reply, remove_keyboard: not used by calbot
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        return "Bad Request: can't parse inline keyboard button: must be an Object"
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not str(button.get("text", "")).strip():
                return "Bad Request: inline keyboard button text is empty"
            kinds = [kind for kind in _BUTTON_KINDS if kind in button]
            if len(kinds) != 1:
                return "Bad Request: can't parse inline keyboard button: Text buttons are unallowed"
            if "callback_data" in button:
                data = str(button["callback_data"]).encode("utf-8")
                if not 1 <= len(data) <= MAX_CALLBACK_DATA:
                    return "Bad Request: BUTTON_DATA_INVALID"
            if "url" in button:
                url = str(button["url"])
                if not re.match(r"^(https?|tg)://[^\s]+$", url) or len(url) > 2048:
                    return "Bad Request: BUTTON_URL_INVALID"
    return None


def check_inline_results(results: Any) -> str | None:
    """Refuse results answerInlineQuery would refuse."""
    if not isinstance(results, list):
        return "Bad Request: can't parse inline query results JSON object"
    if len(results) > MAX_INLINE_RESULTS:
        return "Bad Request: RESULTS_TOO_MUCH"
    seen: set[str] = set()
    for result in results:
        if not isinstance(result, dict):
            return "Bad Request: can't parse inline query result"
        result_id = str(result.get("id", ""))
        if not 1 <= len(result_id.encode("utf-8")) <= 64:
            return "Bad Request: RESULT_ID_INVALID"
        if result_id in seen:
            return "Bad Request: RESULT_ID_DUPLICATE"
        seen.add(result_id)
        if result.get("type") != "article":
            continue  # calbot only offers articles; other types are accepted unchecked
        if not str(result.get("title", "")).strip():
            return "Bad Request: RESULT_TITLE_EMPTY"
        content = result.get("input_message_content")
        if not isinstance(content, dict) or "message_text" not in content:
            return "Bad Request: can't parse input message content"
        error = check_text(content.get("message_text"), content.get("parse_mode"))
        if error:
            return error
        error = check_reply_markup(result.get("reply_markup"))
        if error:
            return error
    return None


_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")


def check_commands(commands: Any) -> str | None:
    """Refuse a setMyCommands list Telegram would refuse."""
    if not isinstance(commands, list) or len(commands) > 100:
        return "Bad Request: can't parse commands JSON object"
    for command in commands:
        if not isinstance(command, dict) or not _COMMAND.match(str(command.get("command", ""))):
            return "Bad Request: BOT_COMMAND_INVALID"
        if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
            return "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID"
    return None


def check_description(text: str, limit: int, field: str) -> str | None:
    """Refuse a bot description (512) or short description (120) over Telegram's length."""
    if utf16_length(text) > limit:
        name = "BOT_ABOUT_INVALID" if field == "short_description" else "BOT_DESCRIPTION_INVALID"
        return f"Bad Request: {name}"
    return None
