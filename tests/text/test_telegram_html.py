"""The Telegram HTML validator refuses what Telegram refuses, with Telegram's kind of message."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.text.telegram_html import validate_telegram_html


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "<b>bold</b> and <i>italic</i>, <u>u</u>, <s>s</s>, <strong>x</strong>",
        '<a href="https://example.org/?a=1&amp;b=2">link</a>',
        "<code>x &lt; y</code> <pre>block</pre> <blockquote>q</blockquote>",
        "<b>nested <i>fine</i></b>",
        '<span class="tg-spoiler">hidden</span> <tg-spoiler>too</tg-spoiler>',
        "&amp; &lt; &gt; &quot; &#39; &#x27;",
        "é 🙂 " * 500,
    ],
)
def test_accepts_what_telegram_accepts(text: str) -> None:
    assert validate_telegram_html(text) is None
    assert validate_telegram_html(text, strict=True) is None


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("<b>open", "Can't find end tag corresponding to start tag b"),
        ("</b>", "Unexpected end tag at byte offset 0"),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("<div>x</div>", 'Unsupported start tag "div" at byte offset 0'),
        ("<script>alert(1)</script>", 'Unsupported start tag "script"'),
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("<b", "Unclosed start tag at byte offset 0"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler"'),
        ("x" * 4097, "message is too long"),
        ("🙂" * 2049, "message is too long"),
        ("", "message text is empty"),
        ("<b> </b>", "message text is empty"),
    ],
)
def test_refuses_what_telegram_refuses(text: str, fragment: str) -> None:
    error = validate_telegram_html(text)
    assert error is not None and fragment in error


@pytest.mark.parametrize("text", ["fish & chips", "a > b", '<b class="x">x</b>', "<a>no href</a>"])
def test_telegram_tolerates_what_strict_mode_refuses(text: str) -> None:
    assert validate_telegram_html(text) is None
    assert validate_telegram_html(text, strict=True) is not None


def test_errors_read_like_telegrams_with_byte_offsets() -> None:
    error = validate_telegram_html("é<foo>")
    assert (
        error == 'Bad Request: can\'t parse entities: Unsupported start tag "foo" at byte offset 2'
    )


def test_length_counts_characters_after_entities() -> None:
    assert validate_telegram_html("&amp;" * 4096) is None
    assert validate_telegram_html("&amp;" * 4097) == "Bad Request: message is too long"


@given(st.text(max_size=400))
def test_any_text_gets_a_verdict_and_escaped_text_always_passes(text: str) -> None:
    verdict = validate_telegram_html(text)
    assert verdict is None or verdict.startswith("Bad Request: ")
    escaped = html.escape(text, quote=False)
    if text.strip():
        assert validate_telegram_html(f"<b>{escaped}</b>", strict=True) is None
