"""The message catalogue: one table, every text in the six UN languages, one escaping rule."""

from __future__ import annotations

import re

import pytest
from babel import Locale

from bot.text.catalog import AREAS, STALE, add_locale, merge
from bot.text.dates import SUPPORTED_LANGUAGES
from bot.text.messages import MESSAGES, RLM, Html, say
from tests.fakes.bot_api_checks import check_text

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_PLAIN_KEYS = sorted(key for key in MESSAGES if "#" not in key)
_COUNTED = sorted({key.partition("#")[0] for key in MESSAGES if "#" in key})
# The plural forms each language must write: all its CLDR categories, except French and Spanish
# "many", which CLDR keeps for millions ("1 000 000 de jours") and which falls back to "other".
FORMS = {
    "en": {"one", "other"},
    "fr": {"one", "other"},
    "es": {"one", "other"},
    "ru": {"one", "few", "many", "other"},
    "ar": {"zero", "one", "two", "few", "many", "other"},
    "zh": {"other"},
}


def _names(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def test_the_six_languages_are_supported() -> None:
    assert set(SUPPORTED_LANGUAGES) == set(FORMS) == {"ar", "zh", "en", "fr", "ru", "es"}


@pytest.mark.parametrize("lang", sorted(FORMS))
def test_the_plural_forms_asked_for_are_cldr_categories_of_the_language(lang: str) -> None:
    categories = set(Locale.parse(lang).plural_form.tags) | {"other"}
    assert FORMS[lang] <= categories
    assert categories - FORMS[lang] <= ({"many"} if lang in ("fr", "es") else set())


@pytest.mark.parametrize("key", _PLAIN_KEYS)
def test_every_message_is_in_six_languages_with_the_placeholders_of_english(key: str) -> None:
    entry = MESSAGES[key]
    missing = [lang for lang in SUPPORTED_LANGUAGES if not entry.get(lang, "").strip()]
    assert not missing, f"{key} has no text in {', '.join(missing)}"
    for lang in SUPPORTED_LANGUAGES:
        assert _names(entry[lang]) == _names(entry["en"]), f"{key} in {lang}"


@pytest.mark.parametrize("key", _COUNTED)
def test_every_counted_message_has_each_plural_form_of_each_language(key: str) -> None:
    english = set().union(*(_names(MESSAGES[f"{key}#{form}"]["en"]) for form in FORMS["en"]))
    for lang, forms in FORMS.items():
        for form in forms:
            text = MESSAGES.get(f"{key}#{form}", {}).get(lang, "")
            assert text.strip(), f"{key}#{form} has no text in {lang}"
            # A form may leave the number out ("tomorrow", "يومان"): only the others must match.
            assert _names(text) - {"count"} == english - {"count"}, f"{key}#{form} in {lang}"


def test_the_locale_files_hold_no_key_the_catalogue_lacks() -> None:
    assert STALE == {"ar": [], "zh": [], "ru": [], "es": []}


def test_a_locale_file_may_add_plural_forms_but_no_unknown_key() -> None:
    table = {"days#one": {"en": "{count} day"}, "days#other": {"en": "{count} days"}}
    unknown = add_locale(table, "ru", {"days#few": "{count} дня", "hours#few": "{count} часа"})
    assert table["days#few"] == {"ru": "{count} дня"} and unknown == ["hours#few"]


def test_no_key_is_defined_in_two_areas() -> None:
    assert len(merge(AREAS)) == sum(len(entries) for entries in AREAS.values())


def test_merging_refuses_a_key_defined_twice() -> None:
    with pytest.raises(ValueError, match="already defined: greet"):
        merge({"one": {"greet": {"en": "Hi"}}, "two": {"greet": {"en": "Hello"}}})


@pytest.mark.parametrize(
    ("key", "lang"), [(key, lang) for key in sorted(MESSAGES) for lang in MESSAGES[key]]
)
def test_every_message_is_valid_telegram_html(key: str, lang: str) -> None:
    template = MESSAGES[key][lang]
    # Rendered the way say() does it, values escaped and Arabic marks added.
    base, _, form = key.partition("#")
    count = {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 11, "other": 100}.get(form)
    values = {name: "<value & more>" for name in _names(template) - ({"count"} if form else set())}
    text = say(base, lang, count, **values) if form else say(key, lang, **values)
    assert check_text(text, "HTML") is None, text


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


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "1 день"), (21, "21 день"), (3, "3 дня"), (24, "24 дня"), (5, "5 дней"),
     (11, "11 дней"), (14, "14 дней"), (100, "100 дней")],
)  # fmt: skip
def test_russian_counts_take_one_few_or_many(count: int, expected: str) -> None:
    assert say("amount_day", "ru", count) == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "يوم واحد"), (2, "يومين"), (3, "3 أيام"), (10, "10 أيام"), (11, "11 يومًا"),
     (99, "99 يومًا"), (100, "100 يوم")],
)  # fmt: skip
def test_arabic_counts_take_its_six_forms(count: int, expected: str) -> None:
    assert say("amount_day", "ar", count) == RLM + expected


def test_chinese_has_one_form_for_every_count() -> None:
    assert [say("amount_day", "zh", n) for n in (1, 2, 5)] == ["1天", "2天", "5天"]


def test_a_language_lacking_a_counted_key_falls_back_to_english_forms() -> None:
    table = MESSAGES["amount_day#one"], MESSAGES["amount_day#other"]
    saved = [dict(entry) for entry in table]
    try:
        for entry in table:
            entry.pop("ru")
        assert say("amount_day", "ru", 1) == "1 day" and say("amount_day", "ru", 21) == "21 days"
    finally:
        for entry, old in zip(table, saved, strict=True):
            entry.update(old)


def test_arabic_lines_open_right_to_left_and_latin_values_are_closed_off() -> None:
    values = {"language": "العربية", "zone": "Europe/Geneva", "digest": "08:00"}
    text = say("settings", "ar", **values, defaults="", leads="")
    assert all(line.startswith(RLM) for line in text.split("\n"))
    assert f"Europe/Geneva{RLM}" in text and f"العربية{RLM}" not in text


def test_a_link_gets_no_mark_that_could_become_part_of_it() -> None:
    url = "https://cal.example.org/calendar.ics"
    assert f"{url}\n" in say("ics", "ar", url=url) and RLM not in say("ics", "en", url=url)
