"""Meetings named once and dated many times: the lists UN texts use for series of meetings.

"the First to Fifth Meetings of the States Parties, held in Maputo (1999), Geneva (2000 and 2002),
..." is one meeting per year, each with its place and, since the list gives the order, its ordinal;
"the conferences ..., held in Oslo on 4 and 5 March 2013, in Nayarit, Mexico, on 13 and 14 February
2014, and in Vienna on 8 and 9 December 2014" is one conference per place and days; "the first part
of its session from ... and the second part from ... at the United Nations Office at Geneva" is two
parts in one place; "the regional meetings held in Bangkok, Geneva and Santiago in 2024" is one
meeting per city. A list item is a date whose words before it are only places, "and", commas and a
preposition: anything else ends the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bot.extract.dates import DateMention, find_dates
from bot.extract.document import Paragraph
from bot.extract.links import status_of
from bot.extract.mention import Mention
from bot.extract.names import (
    KEYWORD,
    head_of,
    is_ordinal,
    ordinal_titles,
    singular,
    tidy_title,
    tokens_right,
    with_body,
)
from bot.extract.places import Place, read_place, read_place_at

_SEPARATOR = re.compile(r"[\s,)]*(?:(?:and|also)\b[\s,]*)*")
_FINAL = re.compile(r"\s*(?:(?:on|from|in|during|between)\s*)?\(?\s*")
_PART = re.compile(
    r"(?:the|its)\s+(?P<which>[\w-]+(?:\s+resumed)?)\s+part\b(?:\s+of\s+(?:the|its)\s+session)?"
)
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|d[ae]s|de|la|el|of(?=\s+[A-Z])))*"
# "Maputo (" / "Cartagena, Colombia (": a place named bare before its year in brackets.
_BARE = re.compile(rf"(?P<city>{_NAME})(?:,\s+(?P<country>{_NAME}))?\s*\(\s*$")
_PART_OF = re.compile(r"^(?:the\s+)?[\w-]+\s+(?:resumed\s+)?part\s+of\s+", re.IGNORECASE)
_PLACE_LIST = re.compile(
    rf"\b(?:in|at)\s+(?P<names>{_NAME}(?:\s*,\s*{_NAME})*,?\s+and\s+(?:in\s+)?{_NAME})"
    r"\s*,?\s*(?:(?:on|from|in|during|between)\s*)?$"
)


@dataclass(frozen=True)
class _Glue:
    """What stands between two items of a list: their places, "the second part", or whom the
    item is for ("for Asia and the Pacific in Bangkok on")."""

    places: list[Place]
    part: str | None
    closes_bracket: bool
    audience: str | None = None


_FOR = re.compile(
    r"for\s+(?P<who>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+the|and|of\s+the|of)?\s*[A-Z][\w'’-]*)*)"
)


def _read_glue(glue: str) -> _Glue | None:
    places: list[Place] = []
    part = audience = None
    rest = glue
    while True:
        rest = rest[_SEPARATOR.match(rest).end() :]  # type: ignore[union-attr]
        if _FINAL.fullmatch(rest):
            return _Glue(places, part, ")" in glue, audience)
        if found := _PART.match(rest):
            part, rest = found.group("which"), rest[found.end() :]
        elif (found := _FOR.match(rest)) and audience is None and not places:
            audience, rest = found.group("who"), rest[found.end() :]
        elif read := read_place_at(rest):
            places.append(read[0])
            rest = rest[read[1] :]
        elif bare := _BARE.match(rest):
            city, country = bare.group("city"), bare.group("country")
            text = f"{city}, {country}" if country else city
            places.append(Place(text, None, city, country))
            rest = rest[bare.end() - 1 :]
        else:
            return None


def singular_title(title: str) -> str:
    """ "Review Conferences held ..." -> "Review Conference ...": the meeting noun only."""
    found = KEYWORD.search(title)
    if found is None or " " in found.group(0):
        return title
    return title[: found.start()] + singular(found.group(0)) + title[found.end() :]


@dataclass
class Chain:
    """One named meeting (or several, by ordinals) and the list items that follow it."""

    first: list[Mention]
    series: list[str] = field(default_factory=list)
    items: list[Mention] = field(default_factory=list)

    @classmethod
    def start(cls, mentions: list[Mention], dates: int) -> Chain:
        series = ordinal_titles(mentions[0].title) if dates == 1 and mentions else None
        return cls(mentions, series or [])

    def result(self) -> list[Mention]:
        """The meetings: the first with each ordinal when no list follows ("its fourth, fifth and
        sixth sessions in 2024"), else one per item."""
        if not self.items:
            if self.series:
                return [replace(self.first[0], title=title) for title in self.series]
            return self.first
        title = self.series[0] if self.series else singular_title(self.first[0].title)
        listed = [replace(self.first[0], title=title), *self.items]
        if len(self.series) == len(listed):
            # The ordinals count in time, whatever order the list names the places in: "Geneva
            # (2000 and 2002), Managua (2001)" are the second, fourth and third meetings.
            by_date = sorted(range(len(listed)), key=lambda i: listed[i].start or "")
            for ordinal, index in enumerate(by_date):
                listed[index] = replace(listed[index], title=self.series[ordinal])
        return listed

    def extend(self, text: str, glue_start: int, date: DateMention, after: str, label: str) -> bool:
        """Add the item dated ``date`` if the words from ``glue_start`` to it are list glue."""
        read = _read_glue(text[glue_start : date.begin])
        if len(self.first) != 1 or read is None:
            return False
        last = self.items[-1] if self.items else self.first[0]
        place = read.places[-1] if read.places else None
        quote_end = date.finish
        trailing = read_place_at(after)
        if place and last.place and read.places[0].text == last.place.text and trailing:
            # "from 8 to 10 March 2027 in Addis Ababa and from 3 to 5 May 2027 in Santiago": each
            # place follows its date, so the glue's place is the item before's.
            place = None
        if place is None and date.bracketed and not read.closes_bracket:
            place = last.place  # "Geneva (2000 and 2002)"
        if place is None and not date.bracketed and (found := trailing):
            place, quote_end = found[0], date.finish + found[1]
            if last.place is None:
                # "the first part ... from X and the second part from Y at the Office": both.
                self._set_last_place(place)
        notes = (date.note,) if date.note else ()
        title = self._title(len(self.items) + 1, read.part)
        if read.audience and read.audience not in title:
            title = f"{title} for {read.audience}"
        quote = text[glue_start:quote_end].strip(" ,()") or date.start
        self.items.append(
            replace(
                self.first[0],
                title=title,
                start=date.start,
                end=date.end,
                precision=date.precision,
                place=place,
                paragraph=label,
                quote=quote,
                notes=notes,
            )
        )
        return True

    def _set_last_place(self, place: Place) -> None:
        if self.items:
            self.items[-1] = replace(self.items[-1], place=place)
        else:
            self.first[0] = replace(self.first[0], place=place)

    def _title(self, index: int, part: str | None) -> str:
        base = self.first[0].title
        if part:
            return f"{part.capitalize()} part of {_PART_OF.sub('', base)}"
        if index < len(self.series):
            return self.series[index]
        return singular_title(base)


def listed_places(cue: str) -> list[Place]:
    """ "held in Bangkok, Geneva, Santiago and Addis Ababa in": the places of a plural meeting."""
    found = _PLACE_LIST.search(cue)
    if found is None:
        return []
    words = found.group("names").rstrip(",")
    if re.search(r"\band\s+in\s", words):
        # "in Bogotá, Colombia, and in Accra": each place has its own "in"; a comma inside one
        # separates a city from its country.
        return [
            p
            for part in re.split(r",?\s+and\s+(?=in\s)|,\s+(?=in\s)", f"in {words}")
            if (p := read_place(part))
        ]
    names = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", words)
    return [Place(name, None, name, None) for name in names if name]


_ORDINAL_WORD = r"(?:[a-z]+-)?[a-z]+(?:st|nd|rd|th)"


_BRACKETED_ITEM = rf"(?P<ordinal>{_ORDINAL_WORD})\s*\((?P<inside>[^()]{{3,80}})\)"


# "held its first (Vienna, 31 July–11 August 2023), second (Geneva, 22 July–2 August 2024) and
# third (New York, 28 April–9 May 2025) sessions": each ordinal with its place and dates.
_BRACKETED_SERIES = re.compile(
    rf"{_BRACKETED_ITEM}(?:\s*,\s*(?:and\s+)?|\s+and\s+){_ORDINAL_WORD}\s*\([^()]{{3,80}}\)"
    rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_ORDINAL_WORD}\s*\([^()]{{3,80}}\))*"
    rf"\s+(?P<noun>sessions|meetings|conferences)\b"
)


def ordinals_in_brackets(paragraph: Paragraph) -> tuple[list[Mention], list[tuple[int, int]]]:
    """The meetings of a bracketed series, and the spans the normal reading must leave alone."""
    text = paragraph.text
    out: list[Mention] = []
    spans: list[tuple[int, int]] = []
    for series in _BRACKETED_SERIES.finditer(text):
        noun = singular(series.group("noun"))
        title_end = tokens_right(text, series.end())
        owner = (
            with_body(noun, text[: series.start()])
            if text[series.end() : title_end] == ""
            else (noun + text[series.end() : title_end])
        )
        status = status_of(text[: series.start()][-60:], "", text, paragraph.part)
        for item in re.finditer(_BRACKETED_ITEM, series.group(0)):
            if not is_ordinal(item.group("ordinal")):
                continue
            inside = item.group("inside")
            dates = find_dates(inside)
            if len(dates) != 1:
                continue
            place_words = inside[: dates[0].begin].strip(" ,")
            place = read_place(f"in {place_words}") if place_words else None
            out.append(
                Mention(
                    title=tidy_title(f"{item.group('ordinal')} {owner}"),
                    head=head_of(noun),
                    start=dates[0].start,
                    end=dates[0].end,
                    precision=dates[0].precision,
                    place=place,
                    paragraph=paragraph.label,
                    quote=text[series.start() : title_end].strip(),
                    status=status,
                )
            )
        spans.append((series.start(), series.end()))
    return out, spans
