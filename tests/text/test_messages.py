"""The message catalogue: every text in English and French, with the same placeholders."""

from __future__ import annotations

import re

import pytest

from bot.text.messages import MESSAGES, message

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_english_and_french_with_the_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert entry.get("en") and entry.get("fr")
    assert set(_PLACEHOLDER.findall(entry["en"])) == set(_PLACEHOLDER.findall(entry["fr"]))


def test_plural_forms_follow_the_language() -> None:
    assert message("opens_in", "en", 1, name="X") == "X opens tomorrow."
    assert message("opens_in", "en", 0, name="X") == "X opens in 0 days."
    assert message("held_ago", "fr", 0, name="X") == "X : a eu lieu hier."
    assert message("opens_in", "fr", 3, name="X") == "X : ouverture dans 3 jours."


def test_unknown_languages_fall_back_to_english() -> None:
    assert message("ambiguous", "de") == message("ambiguous", "en")
