"""Arbitrary text never makes the extractor raise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.output import summary, to_events_yaml, to_json_list
from bot.extract.propose import extract_from_text

_FRAGMENTS = st.sampled_from(
    [
        "The General Assembly,\n",
        "\t1.\t",
        "(a) ",
        "(iv) ",
        "from 30 November to 4 December 2009",
        " to be held ",
        " held in June 2007",
        " in Geneva",
        " the Meeting of the States Parties",
        " Twelfth and Thirteenth Annual Conferences",
        " in 2010 and 2011",
        ", respectively",
        "\n\n",
        "61st plenary meeting\n5 December 2007\n",
        "6 See CCW/CONF.III/11.\n",
        "[^3]",
        "^6",
        "²",
        " at United Nations Headquarters in New York",
        " on 31 February 2007",
        " 7 to ",
        " of the ",
        "<<ODS DOC SYMBOL1>>",
        'provisional agenda of its sixty-third session the item entitled "',
    ]
)


def _exercise(text: str) -> None:
    result = extract_from_text(text)
    to_json_list(result)
    to_events_yaml(result)
    summary(result)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(text: str) -> None:
    _exercise(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(_FRAGMENTS | st.text(max_size=8), max_size=40).map("".join))
def test_resolution_like_fragments_never_raise(text: str) -> None:
    _exercise(text)
