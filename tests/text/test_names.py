"""names.yaml: every official name in all six languages, each verified or marked as not."""

from __future__ import annotations

import pytest

from bot.text.languages import detect_language
from bot.text.official_names import (
    NAME_LANGUAGES,
    NamesFileError,
    display_title,
    official_names,
    parse_names,
)

EXPECTED_ENTRIES = {
    "ccw",
    "protocol-i",
    "protocol-ii",
    "amended-protocol-ii",
    "protocol-iii",
    "protocol-iv",
    "protocol-v",
    "meeting-of-states-parties",
    "amended-protocol-ii-conference",
    "protocol-v-conference",
    "group-of-governmental-experts",
    "general-assembly",
}


def test_the_convention_its_protocols_meetings_and_bodies_are_named() -> None:
    assert set(official_names()) >= EXPECTED_ENTRIES


@pytest.mark.parametrize("entry", sorted(EXPECTED_ENTRIES))
def test_every_entry_has_six_languages_and_a_verification_flag(entry: str) -> None:
    names = official_names()[entry]
    assert tuple(names) == NAME_LANGUAGES
    for name in names.values():
        assert name.title and name.source
        assert isinstance(name.verified, bool)


@pytest.mark.parametrize("lang", ["ar", "zh", "ru"])
def test_titles_are_written_in_their_language(lang: str) -> None:
    for entry, names in official_names().items():
        assert detect_language(names[lang].title) == lang, entry


def test_the_english_titles_come_from_the_resolution() -> None:
    assert all(names["en"].verified for names in official_names().values())


def test_an_unverified_title_never_passes_as_official() -> None:
    name = official_names()["protocol-v"]["ar"]
    assert not name.verified
    assert display_title(name).endswith("(unofficial rendering)")
    assert display_title(official_names()["ccw"]["ar"]) == official_names()["ccw"]["ar"].title


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"x": {lang: {"title": "t", "verified": True, "source": "s"} for lang in ["en", "fr"]}},
            "no name in",
        ),
        ({"x": {lang: {"title": "t", "source": "s"} for lang in NAME_LANGUAGES}}, "verified"),
        (
            {
                "x": {
                    lang: {"title": "t", "verified": False, "source": "s"}
                    for lang in NAME_LANGUAGES
                }
            },
            "unverified",
        ),
        (
            {
                "x": {
                    lang: {"title": " ", "verified": True, "source": "s"} for lang in NAME_LANGUAGES
                }
            },
            "no title",
        ),
    ],
)
def test_an_incomplete_names_file_is_refused(data: object, message: str) -> None:
    with pytest.raises(NamesFileError, match=message):
        parse_names(data)
