"""Where a meeting is held, as the text words it: "in Geneva", "at United Nations Headquarters in
New York", "in Cartagena, Colombia", "at the United Nations Office at Nairobi".

Only a place phrase next to the meeting's date or its "to be held" is read, so that "in accordance
with" or "in the Protocol" never become a city. Nothing is added that the text does not say: no
country is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract.dates import MONTHS

_WORD = r"(?:[A-Z][\w'’.-]*|d[ae]s|de|el|la|es)"
_NAME = rf"(?:The\s+)?[A-Z][\w'’-]*(?:\s+{_WORD}){{0,3}}"
_VENUE = (
    r"(?:the\s+)?(?:United\s+Nations\s+(?:Headquarters|Office\s+at\s+[A-Z]\w+)|Palais\s+des\s+Nations"
    r"|headquarters\s+of\s+the\s+[A-Z][\w\s]{2,60}?(?=\s+in\s)|[A-Z][\w'’-]*\s+(?:Centre|Center|Hall|Palace))"
)
_PLACE = re.compile(
    rf"(?:in|at)\s+(?P<place>(?P<venue>{_VENUE})(?:,?\s+in\s+(?P<city1>{_NAME}))?"
    rf"|(?P<city2>{_NAME})(?:,\s+(?P<country>{_NAME}))?)"
)
# Capitalised words that follow "in"/"at" but are not places.
_NOT_PLACES = {
    *MONTHS,
    "Accordance",
    "Annex",
    "Article",
    "Assembly",
    "Conference",
    "Convention",
    "Committee",
    "Council",
    "Geneva Conventions",
    "Group",
    "Meeting",
    "Part",
    "Parties",
    "Protocol",
    "Resolution",
    "Section",
    "Session",
    "States",
    "The",
    "United Nations",
    "This",
    "That",
    "Its",
    "Their",
    "Paragraph",
}


@dataclass(frozen=True)
class Place:
    """A place as worded, with its parts when the words give them."""

    text: str
    venue: str | None
    city: str | None
    country: str | None


def _trim(name: str | None) -> str | None:
    """Drop trailing words that are not part of a name (a month, "The", a particle)."""
    if not name:
        return None
    words = name.split()
    while words and (words[-1] in MONTHS or words[-1] in {"The", "and", "de", "des", "la", "el"}):
        words.pop()
    return " ".join(words) or None


def read_place(text: str) -> Place | None:
    """The place phrase at the very start of ``text`` ("in Geneva from ..."), if any."""
    found = _PLACE.match(text.lstrip(" ,"))
    if not found:
        return None
    venue = found.group("venue")
    city = _trim(found.group("city1") or found.group("city2"))
    country = _trim(found.group("country"))
    if city == "The Hague":
        pass
    elif venue is None and (city is None or city.split()[0] in _NOT_PLACES or city in _NOT_PLACES):
        return None
    if country and (country in _NOT_PLACES or country.split()[0] in _NOT_PLACES):
        country = None
    if city and city.startswith("The ") and city != "The Hague":
        return None
    venue = re.sub(r"^the\s+", "", venue) if venue else None
    if venue and not city and (office := re.search(r"Office\s+at\s+(\w+)", venue)):
        city = office.group(1)  # "the United Nations Office at Nairobi" names its city
    worded = re.sub(r"^the\s+", "", found.group("place")).strip()
    if found.group("country") and not country:
        worded = worded.split(",")[0]  # the words after the comma were not a country
    return Place(worded, venue, city, country)


def find_place(before: str, after: str) -> Place | None:
    """A place stated just before a date ("to be held in Geneva from") or just after it ("2007 in
    Geneva")."""
    if place := read_place(after):
        return place
    tail = re.search(
        r"(?:held|convened|hosted|take\s+place|be\s+organized|meets?|met|place)\s+((?:in|at)\s+.{3,120}?)\s*"
        r"(?:,\s*)?(?:on|from|in|during|between|early|late|mid)?\s*$",
        before,
    )
    if tail and (place := read_place(tail.group(1))):
        return place
    return _place_before_date(before)


def _place_before_date(before: str) -> Place | None:
    """ "a high-level meeting on mine action at United Nations Headquarters in New York on": the
    place phrase that runs right up to the date."""
    for start in re.finditer(r"\b(?:in|at)\s+(?=[A-Z]|the\s+United)", before):
        rest = before[start.start() :]
        place = read_place(rest)
        if place is None:
            continue
        after = rest[rest.find(place.text) + len(place.text) :]
        # "in New York during the seventy-ninth session, in September 2024" still dates the place.
        session = r"(?:during\s+(?:the|its)\s+[\w-]+\s+session\s*,?\s*)?"
        if re.fullmatch(rf"\s*,?\s*{session}(?:on|from|in|during|between)?\s*", after):
            return place
    return None
