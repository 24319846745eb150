"""One normalisation for matching: accents of Latin letters go, letters of every script stay."""

from __future__ import annotations

from bot.text.normalize import NORMALISERS, normalize


def test_latin_accents_and_case_and_punctuation_go() -> None:
    assert normalize("Où se tient la Conférence ?") == "ou se tient la conference"
    assert normalize("GENÈVE") == "geneve"
    assert normalize("Straße") == "strasse"


def test_letters_of_other_scripts_stay() -> None:
    assert normalize("Когда совещание?") == "когда совещание"
    assert normalize("متى الاجتماع؟") == "متي اجتماع"  # alef maqsura as yeh, no article
    assert normalize("会议什么时候") == "会议 什么 时候"  # segmented into words
    assert normalize("й") == "й"  # its own letter, not "и" with a mark


def test_compatibility_forms_fold() -> None:
    assert normalize("ＭＳＰ ２００７") == "msp 2007"


def test_a_language_step_plugs_in() -> None:
    NORMALISERS["xx"] = lambda text: text.replace("a", "b")
    try:
        assert normalize("Aa", "xx") == "bb"
        assert normalize("Aa", "en") == "aa"
    finally:
        del NORMALISERS["xx"]


def test_a_script_gets_its_language_step_without_a_language() -> None:
    # Russian inflection, Arabic letter forms and marks: the same word, however it is written.
    assert normalize("совещания государств") == normalize("Совещание государство")
    assert normalize("الاتفاقيّة") == normalize("الاتفاقية") == normalize("الاتفاقيه")
    assert normalize("公约缔约国会议").split()[-1] == "会议"
