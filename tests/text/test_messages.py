"""The message catalogue: one table, every text in English and French, one escaping rule."""

from __future__ import annotations

import re

import pytest

from bot.text.catalog import AREAS, merge
from bot.text.messages import MESSAGES, Html, say
from tests.fakes.bot_api_checks import check_text

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_english_and_french_with_the_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert set(entry) == {"en", "fr"} and entry["en"] and entry["fr"]
    assert set(_PLACEHOLDER.findall(entry["en"])) == set(_PLACEHOLDER.findall(entry["fr"]))


def test_no_key_is_defined_in_two_areas() -> None:
    assert len(MESSAGES) == sum(len(entries) for entries in AREAS.values())


def test_merging_refuses_a_key_defined_twice() -> None:
    with pytest.raises(ValueError, match="already defined: greet"):
        merge({"one": {"greet": {"en": "Hi"}}, "two": {"greet": {"en": "Hello"}}})


@pytest.mark.parametrize("key", sorted(MESSAGES))
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_message_is_valid_telegram_html(key: str, lang: str) -> None:
    names = set(_PLACEHOLDER.findall(MESSAGES[key][lang]))
    text = say(key, lang, **{name: "<value & more>" for name in names})
    assert check_text(text, "HTML") is None


@pytest.mark.parametrize("key", sorted(AREAS["answers"]))
def test_answer_texts_carry_no_markup_as_they_are_also_shown_as_plain_text(key: str) -> None:
    assert not any(char in text for text in MESSAGES[key].values() for char in "<>&")


def test_values_are_escaped() -> None:
    assert say("not_found", "en", query="<b>") == (
        "I found no event matching “&lt;b&gt;”. Try /events for the list."
    )


def test_markup_values_are_put_in_as_they_are() -> None:
    assert say("place", "en", place=Html("<b>Geneva</b>")) == "Place: <b>Geneva</b>"


def test_a_message_inside_another_is_not_escaped_twice() -> None:
    inner = say("when_on_day", "fr", day="l'an <2>")
    assert isinstance(inner, Html)
    assert say("nothing", "fr", when=inner) == "Aucun événement le l&#x27;an &lt;2&gt;."


def test_plural_forms_follow_the_language() -> None:
    assert say("opens_in", "en", 1, name="X") == "X opens tomorrow."
    assert say("opens_in", "en", 0, name="X") == "X opens in 0 days."
    assert say("held_ago", "fr", 0, name="X") == "X : a eu lieu hier."
    assert say("opens_in", "fr", 3, name="X") == "X : ouverture dans 3 jours."


def test_a_count_keyword_is_only_a_value() -> None:
    assert say("unsubscribed", "en", count=1) == "Done: 1 subscription(s) ended."


def test_unknown_languages_fall_back_to_english() -> None:
    assert say("ambiguous", "de") == say("ambiguous", "en")
    assert say("ambiguous", None) == say("ambiguous", "en")
    assert say("ambiguous", "fr-CA") == say("ambiguous", "fr")
