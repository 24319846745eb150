"""Places (and dates) a meeting takes from the words around it rather than from its own: "held
in Vienna its thirty-fourth session ... and its thirty-fifth session", "shall hold, in New York, its
...", ", all at the United Nations Office at Geneva", "the Meetings held annually in New York,
including ...", "held there", and a meeting "to be held on its margins" with no date of its own.
Each pass takes a paragraph's text and its mentions and returns them, completed."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.extract.mention import Mention
from bot.extract.names import head_of, last_phrase, tidy_title
from bot.extract.places import Place, read_place

_SERIES_PLACE = re.compile(
    r"\b(?:held|convened|hosted)\s+(?:annually\s+|each\s+year\s+|regularly\s+)?"
    r"(?P<place>(?:in|at)\s+[^,;]{2,80}?),\s+including\b"
)


def with_series_place(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "the Meetings of States Parties held annually in New York, including the thirty-fourth
    Meeting, held from ...": the meetings the sentence includes are held where the series is."""
    series = _SERIES_PLACE.search(text)
    place = read_place(series.group("place")) if series else None
    if series is None or place is None:
        return mentions
    return [
        replace(m, place=place) if m.place is None and text.find(m.quote) >= series.end() else m
        for m in mentions
    ]


_SET_OFF_PLACE = re.compile(
    r"\b(?:hold|convene|organize|host|holding|convening)\s*,\s*(?P<place>(?:in|at)\s+[^,;]{2,60}?)"
    r"\s*,|\b(?:meet|convene|be\s+convened)\s+(?P<before>(?:in|at)\s+[A-Z][^,;]{1,60}?)\s+for\s+"
    r"(?=(?:its|the|a|an)\s)|"
    # "held in Vienna its thirty-fourth session from ... and its thirty-fifth session from ..."
    r"\b(?:hold|holds|held|convene|convened)\s+(?P<verb>(?:in|at)\s+[A-Z][^,;]{1,60}?)\s+"
    r"(?=(?:its|their|a|an)\s)"
)


def with_set_off_place(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "shall hold, in New York, its organizational session in 2027 and two substantive
    sessions, from ...": the place set off after the verb is every one of its meetings'."""
    out = list(mentions)
    for found in _SET_OFF_PLACE.finditer(text):
        place = read_place(found.group("place") or found.group("before") or found.group("verb"))
        clause_end = text.find(";", found.end())
        clause = text[found.end() : clause_end if clause_end >= 0 else len(text)]
        for index, mention in enumerate(out):
            if place and mention.place is None and mention.quote and mention.quote in clause:
                out[index] = replace(mention, place=place)
    return out


_FOR_ALL = re.compile(r",\s*(?:all|both|each)\s+(?P<place>(?:in|at)\s+[^,;]{2,80}?)\s*(?:[;.,]|$)")


def with_place_for_all(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "its third session from 1 to 5 March 2027, and its fourth and fifth sessions in 2027 and
    2028, respectively, all at the United Nations Office at Geneva": the place of every one."""
    out = list(mentions)
    for found in _FOR_ALL.finditer(text):
        place = read_place(found.group("place"))
        clause = text[text.rfind(";", 0, found.start()) + 1 : found.start()]
        for index, mention in enumerate(out):
            if place and mention.place is None and mention.quote and mention.quote in clause:
                out[index] = replace(mention, place=place)
    return out


# "the tenth meeting of the Forum, in Santiago in April 2027, and an expert seminar on fiscal
# space, to be held on its margins": a meeting with no date of its own, on another's.
_ON_ITS_MARGINS = re.compile(
    r",?\s*(?:to\s+be\s+held|held|which\s+(?:will\s+be|is\s+to\s+be|was)\s+held|organized)\s+on\s+"
    r"(?:its|their)\s+(?:margins|sidelines)\b"
)


def with_margin_meetings(text: str, mentions: list[Mention]) -> list[Mention]:
    """Each meeting "to be held on its margins" with the dates and place of the meeting before."""
    out = list(mentions)
    for found in _ON_ITS_MARGINS.finditer(text):
        reach = max(0, found.start() - 200)
        phrase = last_phrase(text[reach : found.start()])
        if phrase is None or text[reach + phrase.finish : found.start()].strip(" ,"):
            continue  # the words before "to be held on its margins" are not a meeting's name
        named = reach + phrase.begin
        hosts = [m for m in out if m.start and 0 <= text.find(m.quote) < named]
        title = tidy_title(text[named : reach + phrase.finish])
        if not hosts or any(m.title == title for m in out):
            continue
        host = hosts[-1]
        note = f"The text gives it no date of its own: it is held on the margins of {host.title}."
        out.append(
            replace(
                host,
                title=title,
                head=head_of(phrase.keyword),
                quote=text[named : found.end()],
                notes=(note,),
                host=host.title,
            )
        )
    return out


_PLACE_WORD = re.compile(r"\b(?:in|at)\s+(?=[A-Z]|the\s+United)")


def last_place(before: str) -> Place | None:
    """The place named last in ``before`` ("The seminar in Kuala Lumpur was followed by ...")."""
    for found in reversed(list(_PLACE_WORD.finditer(before))):
        if place := read_place(before[found.start() :]):
            return place
    return None
