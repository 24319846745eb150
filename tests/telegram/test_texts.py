"""Every adapter text, in every language, is HTML that Telegram accepts."""

from __future__ import annotations

import re

import pytest

from bot.telegram.texts import TEXTS, say
from tests.fakes.bot_api_checks import check_text


@pytest.mark.parametrize("key", sorted(TEXTS))
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_text_is_valid_telegram_html(key: str, lang: str) -> None:
    assert set(TEXTS[key]) == {"en", "fr"}
    names = set(re.findall(r"{(\w+)}", TEXTS[key][lang]))
    text = say(key, lang, **{name: "<value & more>" for name in names})
    assert check_text(text, "HTML") is None


def test_values_are_escaped() -> None:
    assert "&lt;b&gt;" in say("not_found", "en", query="<b>")
