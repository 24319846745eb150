"""The page's texts: every key in all six languages, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from bot.text.page_texts import PAGE_LANGUAGES, language_name, page_texts


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", PAGE_LANGUAGES)
def test_every_key_in_every_language(lang: str) -> None:
    english, texts = page_texts("en"), page_texts(lang)
    assert sorted(texts) == sorted(english), f"{lang}: missing or extra keys"
    for key, text in texts.items():
        assert text.strip(), f"{lang}.{key} is empty"
        assert _placeholders(text) == _placeholders(english[key]), f"{lang}.{key}"


@pytest.mark.parametrize("lang", [lang for lang in PAGE_LANGUAGES if lang != "en"])
def test_the_texts_are_translated(lang: str) -> None:
    english, texts = page_texts("en"), page_texts(lang)
    words = [key for key, text in english.items() if any(char.isalpha() for char in text)]
    same = [key for key in words if texts[key] == english[key] and "{" not in texts[key]]
    assert not same, f"{lang} still in English: {same}"


def test_an_unknown_language_has_no_texts() -> None:
    with pytest.raises(ValueError, match="de"):
        page_texts("de")


def test_languages_are_named_in_their_own_language() -> None:
    names = [language_name(lang) for lang in PAGE_LANGUAGES]
    assert names == ["العربية", "中文", "English", "Français", "Русский", "Español"]
