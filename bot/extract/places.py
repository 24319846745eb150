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

_WORD = r"(?:[A-Z][\w'’.\u00a0-]*|d[ae]s|de|el|la|es|of(?=\s+[A-Z]))"
_NAME = rf"(?:The\s+)?(?:St\.\s+)?[A-Z][\w'’\u00a0-]*(?:\s+{_WORD}){{0,3}}"
# Country and place names with "and" in them, read as one name.
_COMPOUND = re.compile(
    r"\b(?:Antigua and Barbuda|Bosnia and Herzegovina|Saint Kitts and Nevis|Saint Vincent and the "
    r"Grenadines|Sao Tome and Principe|São Tomé and Príncipe|Trinidad and Tobago|Turks and Caicos "
    r"Islands|Heard Island and McDonald Islands|Saint Pierre and Miquelon|Wallis and Futuna)\b"
)
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
    read = read_place_at(text)
    return read[0] if read else None


def read_place_at(text: str) -> tuple[Place, int] | None:
    """The place phrase at the start of ``text`` and the offset where its words end."""
    text = _COMPOUND.sub(lambda m: m.group(0).replace(" ", "\u00a0"), text)
    skipped = len(text) - len(text.lstrip(" ,"))
    if also := re.match(r"also\s+(?=in\s|at\s)", text[skipped:]):
        skipped += also.end()  # "from 22 to 24 April, also in Malabo"
    found = _PLACE.match(text, skipped)
    read = _place(found) if found else None
    if found is None or read is None:
        return None
    place, worded = read
    return place, found.start("place") + len(worded)


def _place(found: re.Match[str]) -> tuple[Place, str] | None:
    """The place, and its words as they stand in the text."""
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
    worded = found.group("place").strip()
    if found.group("country") and not country:
        worded = worded.split(",")[0]  # the words after the comma were not a country
    last = country or city
    if last and not venue and last in worded:
        worded = worded[: worded.rfind(last) + len(last)]  # without a trailing month or particle
    text = re.sub(r"^the\s+", "", worded)
    return Place(
        *(
            _plain(v) or "" if i == 0 else _plain(v)
            for i, v in enumerate((text, venue, city, country))
        )
    ), worded


def _plain(value: str | None) -> str | None:
    return value.replace("\u00a0", " ") if value else None


_HELD_IN = re.compile(
    r"(?:held|convened|hosted|take\s+place|be\s+organized|meets?|met|place)\s+((?:in|at)\s+.{3,120}?)"
    r"\s*(?:,\s*)?(?:on|from|in|during|between|early|late|mid)?\s*$"
)


def held_place(before: str) -> Place | None:
    """The place of "held in Nairobi on", right before a date: it wins over a place inside the
    meeting's name ("the regional conference on press freedom in Africa, held in Nairobi on")."""
    tail = _HELD_IN.search(before)
    return read_place(tail.group(1)) if tail else None


def find_place(before: str, after: str) -> Place | None:
    """A place stated just before a date ("to be held in Geneva from") or just after it ("2007 in
    Geneva")."""
    return held_place(before) or place_before_date(before) or read_place(after)


def place_before_date(before: str) -> Place | None:
    """ "a high-level meeting on mine action at United Nations Headquarters in New York on": the
    place phrase that runs right up to the date."""
    for start in re.finditer(r"\b(?:in|at)\s+(?=[A-Z]|the\s+United)", before):
        rest = before[start.start() :]
        place = read_place(rest)
        if place is None:
            continue
        after = rest[rest.find(place.text) + len(place.text) :]
        # "in New York during the seventy-ninth session, in September 2024" still dates the place.
        # ", during the week of", ", on the margins of the high-level week in": timing words only.
        session = (
            r"(?:(?:during\s+(?:the|its)\s+[\w-]+\s+session|during\s+the\s+week\s+of|"
            r"on\s+the\s+(?:margins|sidelines)\s+of\s+the\s+[\w-]+\s+(?:week|session))\s*,?\s*)?"
        )
        if re.fullmatch(rf"\s*,?\s*{session}(?:on|from|in|during|between)?\s*", after):
            return place
    return None
