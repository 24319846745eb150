"""The Telegram HTML validator refuses what Telegram refuses, with Telegram's kind of message."""

from __future__ import annotations

import pytest

from bot.text.telegram_html import validate_telegram_html


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "<b>bold</b> and <i>italic</i>, <u>u</u>, <s>s</s>",
        '<a href="https://example.org/?a=1&amp;b=2">link</a>',
        "<code>x &lt; y</code> <pre>block</pre> <blockquote>q</blockquote>",
        "<b>nested <i>fine</i></b>",
        "&amp; &lt; &gt; &quot; &#39; &#x27;",
        "é 🙂 " * 500,
    ],
)
def test_accepts_what_telegram_accepts(text: str) -> None:
    assert validate_telegram_html(text) is None


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("<b>open", 'Can\'t find end tag corresponding to start tag "b"'),
        ("</b>", 'Unexpected end tag "b"'),
        ("<b><i>x</b></i>", 'Unexpected end tag "b"'),
        ("<div>x</div>", 'Unsupported start tag "div"'),
        ("<script>alert(1)</script>", 'Unsupported start tag "script"'),
        ("a < b", "Unsupported start tag"),
        ("fish & chips", "Unsupported entity"),
        ("&nbsp;", "Unsupported entity"),
        ("<a>no href</a>", "Can't find href"),
        ('<b class="x">x</b>', 'Unsupported attribute "class"'),
        ("x" * 4097, "message is too long"),
        ("", "message text is empty"),
        ("<b> </b>", "message text is empty"),
    ],
)
def test_refuses_what_telegram_refuses(text: str, fragment: str) -> None:
    error = validate_telegram_html(text)
    assert error is not None and fragment in error


def test_entity_errors_read_like_telegrams() -> None:
    error = validate_telegram_html("é<foo>")
    assert (
        error == 'Bad Request: can\'t parse entities: Unsupported start tag "foo" at byte offset 2'
    )


def test_length_counts_characters_after_entities() -> None:
    assert validate_telegram_html("&amp;" * 4096) is None
    assert validate_telegram_html("&amp;" * 4097) == "Bad Request: message is too long"
