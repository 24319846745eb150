"""The date phrases UN texts use, read at the precision they state.

"on 18 June 2007", "from 7 to 13 November 2007", "from 30 November to 4 December 2009", "from 28
December 2009 to 8 January 2010", "in June 2007", "in 2026", "early 2026", "in 2010 and 2011", "the
2007 Meeting". A range or day that leaves out its year ("from 2 to 6 March and from 24 to 28 August
2009") borrows it from the next dated phrase of the same sentence. A date is never made more precise
than the words: "June 2007" stays a month, "early 2026" stays a year (with a note).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH = "|".join(MONTHS)
_YEAR = r"(?:19[4-9]\d|20\d\d|21\d\d)"
_SEP = r"\s*(?:to|until|till|through|and|-|–|—)\s*"
_RANGE = re.compile(
    rf"\b(?P<lead>from\s+|between\s+)?(?P<d1>\d{{1,2}})(?:\s+(?P<m1>{_MONTH}))?(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"(?P<sep>{_SEP})(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?\b"
)
_DAY_LIST = re.compile(
    rf"\b\d{{1,2}}(?:\s*,\s*\d{{1,2}})+,?\s+and\s+(?P<last>\d{{1,2}})\s+(?P<m>{_MONTH})"
    rf"(?:,?\s+(?P<y>{_YEAR}))?\b"
)
_DAY = re.compile(rf"\b(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?\b")
_QUALIFIER = (
    r"(?P<q>early|mid|late|the\s+(?:first|second)\s+half\s+of|the\s+(?:end|beginning)\s+of|"
    r"the\s+(?:first|second|third|fourth|last)\s+quarter\s+of|"
    r"the\s+(?:spring|summer|autumn|fall|winter)\s+of)"
)
_MONTH_YEAR = re.compile(rf"\b(?:{_QUALIFIER}[\s-]+)?(?P<m1>{_MONTH})\s+(?P<y1>{_YEAR})\b")
_YEARS = re.compile(
    rf"\b(?:(?P<lead>in|during)\s+|{_QUALIFIER}[\s-]+)(?:(?:in|during)\s+)?"
    rf"(?P<years>{_YEAR}(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+){_YEAR})*)\b"
)
# "in January and February 2026": each month its own mention, sharing the year.
_MONTH_LIST = re.compile(
    rf"\b(?P<months>(?:{_MONTH})(?:\s*,\s*(?:{_MONTH}))*),?\s+and\s+(?P<m1>{_MONTH})\s+(?P<y1>{_YEAR})\b"
)
# "the 2007 Meeting of the States Parties": a year naming a meeting.
_YEAR_ADJECTIVE = re.compile(
    rf"\b(?P<y1>{_YEAR})\s+(?=(?:[A-Z][\w-]*\s+){{0,3}}?(?:Meeting|Conference|Review|Session|session|"
    rf"Summit|Forum|meeting|Assembly)s?\b)"
)
# "its first regular session of 2026", "sessions of 2025": a year that says which sessions.
_OF_YEAR = re.compile(
    rf"(?<=\b(?:sessions|meetings)\s)of\s+(?P<y1>{_YEAR})\b|(?<=\b(?:session|meeting)\s)of\s+(?P<y2>{_YEAR})\b"
)
# "held in Maputo (1999), Geneva (2000 and 2002)": the year of each place in a list, in brackets.
# (Not "resolution 1540 (2004)": a number before the bracket is a resolution's.)
_BRACKETED = re.compile(
    rf"(?:(?<=[^\W\d] )|(?<=[^\W\d][.’'] ))\((?P<years>{_YEAR}(?:(?:\s*,\s*|\s+and\s+){_YEAR})*)\)"
)


@dataclass(frozen=True)
class DateMention:
    """A dated phrase in a paragraph: ``start``/``end`` ISO at ``precision``; ``begin``/``finish``
    are the character offsets of the words; ``named`` marks a year that names a meeting ("the 2007
    Meeting"); ``bracketed`` a year in brackets after a place ("Maputo (1999)")."""

    start: str
    end: str
    precision: str  # day | month | year
    begin: int
    finish: int
    note: str | None = None
    named: bool = False
    bracketed: bool = False  # "Maputo (1999)": one item of a list of places and years

    @property
    def first(self) -> date:
        return _first_day(self.start)

    @property
    def last(self) -> date:
        return _last_day(self.end)


def _first_day(iso: str) -> date:
    parts = [int(p) for p in iso.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(iso: str) -> date:
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return date(*parts)
    month = parts[1] if len(parts) > 1 else 12
    following = date(parts[0] + month // 12, month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO text at the given precision, or None for an impossible date (31 February)."""
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    if day is not None and month is not None:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if month is not None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


@dataclass(frozen=True)
class _Partial:
    """A day or range whose year may be missing until the sentence supplies it."""

    d1: int
    m1: int | None
    y1: int | None
    d2: int | None
    m2: int
    y2: int | None
    begin: int
    finish: int
    note: str | None = None
    week: bool = False  # "during the week of 19 April 2027": a week, not that day


def _month(name: str | None) -> int | None:
    return MONTHS.index(name) + 1 if name else None


def _day_list(text: str, taken: _Taken) -> list[_Partial]:
    """ "on 7, 8 and 11 October 2025": single days sharing a month, each its own."""
    found: list[_Partial] = []
    for match in _DAY_LIST.finditer(text):
        month = _month(match.group("m")) or 1
        year = int(match.group("y")) if match.group("y") else None
        for day in re.finditer(r"\d{1,2}", text[match.start() : match.start("m")]):
            begin = match.start() + day.start()
            finish = match.end() if begin == match.start("last") else match.start() + day.end()
            found.append(_Partial(int(day.group(0)), month, year, None, month, year, begin, finish))
        taken.append((match.start(), match.end()))
    return found


def _partials(text: str, taken: _Taken) -> list[_Partial]:
    found: list[_Partial] = _day_list(text, taken)
    for match in _RANGE.finditer(text):
        if _overlaps(match.start(), match.end(), taken):
            continue
        if "and" in match.group("sep") and not _and_is_range(match, text):
            paired = _paired_days(match, text)
            if paired:
                found += paired
                taken.append((match.start(), match.end()))
            continue
        if not match.group("m1") and match.group("y1"):
            continue
        week = _WEEK_OF.search(text, max(0, match.start() - 15), match.start())
        found.append(
            _Partial(
                int(match.group("d1")),
                _month(match.group("m1")),
                int(match.group("y1")) if match.group("y1") else None,
                int(match.group("d2")),
                _month(match.group("m2")) or 1,
                int(match.group("y2")) if match.group("y2") else None,
                match.start(),
                match.end(),
                "The text gives the week of these days." if week else None,
            )
        )
        taken.append((match.start(), match.end()))
    for match in _DAY.finditer(text):
        if _overlaps(match.start(), match.end(), taken):
            continue
        month = _month(match.group("m1")) or 1
        year = int(match.group("y1")) if match.group("y1") else None
        week = bool(_WEEK_OF.search(text, max(0, match.start() - 15), match.start()))
        day = int(match.group("d1"))
        found.append(_Partial(day, month, year, None, month, year, *match.span(), week=week))
        taken.append((match.start(), match.end()))
    return sorted(found, key=lambda p: p.begin)


_WEEK_OF = re.compile(r"\bweek\s+of\s+$")


def _paired_days(match: re.Match[str], text: str) -> list[_Partial]:
    """ "on 9 and 10 November 2015, respectively": two single days sharing month and year."""
    if match.group("m1") or not re.match(r"\s*,?\s*respectively", text[match.end() :]):
        return []
    month = _month(match.group("m2")) or 1
    year = int(match.group("y2")) if match.group("y2") else None
    first, second = int(match.group("d1")), int(match.group("d2"))
    return [
        _Partial(first, month, year, None, month, year, match.start(), match.end("d1")),
        _Partial(second, month, year, None, month, year, match.start("d2"), match.end()),
    ]


def _and_is_range(match: re.Match[str], text: str) -> bool:
    """ "between 2 and 6 May", "on 27 and 28 November": two days bounding one meeting."""
    if (match.group("lead") or "").strip() == "between":
        return True
    if re.match(r"\s*,?\s*respectively", text[match.end() :]):
        return False
    return not match.group("m1") and bool(re.search(r"\bon\s+$", text[: match.start()]))


class _Taken:
    """The characters already read as part of a date, so a shorter pattern does not read them
    again ("June 2007" inside "18 June 2007"). One flag per character keeps this linear."""

    def __init__(self, size: int) -> None:
        self.flags = bytearray(size)

    def append(self, span: tuple[int, int]) -> None:
        self.flags[span[0] : span[1]] = b"\x01" * (span[1] - span[0])

    def overlaps(self, begin: int, finish: int) -> bool:
        return 1 in self.flags[begin:finish]


def _overlaps(begin: int, finish: int, taken: _Taken) -> bool:
    return taken.overlaps(begin, finish)


def _resolve(partials: list[_Partial], text: str, year_hint: int | None) -> list[DateMention]:
    """Give each partial its year: its own, else the next year-bearing one in the same sentence."""
    out: list[DateMention] = []
    for index, item in enumerate(partials):
        year2, note = item.y2, item.note
        if year2 is None:
            year2 = _borrowed_year(partials[index + 1 :], item, text)
        if year2 is None:
            year2 = _earlier_year(partials[:index], item, text)
            note = _BORROWED_NOTE
        if year2 is None and year_hint is not None:
            year2, note = year_hint, _HINTED_NOTE
        if year2 is None:
            continue
        year1 = item.y1 if item.y1 is not None else year2
        month1 = item.m1 if item.m1 is not None else item.m2
        if item.y1 is None and month1 > item.m2:
            year1 = year2 - 1  # "from 30 December to 4 January 2010"
        start = _iso(year1, month1, item.d1)
        end = _iso(year2, item.m2, item.d2 if item.d2 is not None else item.d1)
        if start is None or end is None or end < start:
            continue
        if item.week and item.d2 is None:
            out.append(_week(start, item, text))
            continue
        out.append(DateMention(start, end, "day", item.begin, item.finish, note))
    return out


def _week(start: str, item: _Partial, text: str) -> DateMention:
    """ "the week of 19 April 2027": the meeting is on some days of that week, so the text dates
    it to the month (or the two months the week spans), never to the day it names."""
    first = _first_day(start)
    last = date.fromordinal(first.toordinal() + 4)  # a working week
    words = text[item.begin : item.finish]
    note = f'The text says "the week of {words}"; no closer date is given.'
    return DateMention(start[:7], last.isoformat()[:7], "month", item.begin, item.finish, note)


def _borrowed_year(following: list[_Partial], item: _Partial, text: str) -> int | None:
    for later in following:
        between = text[item.finish : later.begin]
        if re.search(r"[;.]\s", between) or len(between) > 120:
            return None
        if later.y2 is not None:
            return later.y2 - 1 if item.m2 > later.m2 else later.y2
    return None


_BORROWED_NOTE = (
    "The text gives no year for these days; the year is that of the date before them in the "
    "same sentence."
)


_HINTED_NOTE = (
    "The text gives no year for these days; the year is that of the meeting it says they "
    "preceded or followed."
)


def _earlier_year(before: list[_Partial], item: _Partial, text: str) -> int | None:
    """ "held in Luanda on 26 April 2024, preceded by the meeting of experts held in Luanda from 22
    to 25 April": days with no year at the end of a sentence take the year of the dated phrase
    before them in that sentence."""
    for earlier in reversed(before):
        between = text[earlier.finish : item.begin]
        if re.search(r"[;.]\s", between) or len(between) > 200:
            return None
        if earlier.y2 is not None:
            return earlier.y2
    # "shall meet for ten days in 2026, in two sessions, from 2 to 6 March and from 24 to 28 August"
    start = max(text.rfind(". ", 0, item.begin), text.rfind(";", 0, item.begin), 0)
    years = list(re.finditer(rf"\b(?:in|during)\s+({_YEAR})\b", text[start : item.begin]))
    return int(years[-1].group(1)) if years else None


def find_dates(text: str, year_hint: int | None = None) -> list[DateMention]:
    """Every dated phrase in ``text``, in order, at the precision the words give. Days with no
    year anywhere in their sentence take ``year_hint`` (the year of the meeting the text says they
    preceded or followed), else are left out."""
    taken = _Taken(len(text))
    mentions = _resolve(_partials(text, taken), text, year_hint)
    mentions += _month_lists(text, taken)
    for match in _MONTH_YEAR.finditer(text):
        if _overlaps(match.start("m1"), match.end(), taken):
            continue
        iso = _iso(int(match.group("y1")), _month(match.group("m1")))
        if iso:
            note = _qualifier_note(match.group("q"), match.group(0))
            begin = match.start() if match.group("q") else match.start("m1")
            mentions.append(DateMention(iso, iso, "month", begin, match.end(), note))
            taken.append((match.start(), match.end()))
    mentions += _years(text, taken)
    return sorted(mentions, key=lambda m: m.begin)


def _month_lists(text: str, taken: _Taken) -> list[DateMention]:
    out = []
    for match in _MONTH_LIST.finditer(text):
        if _overlaps(match.start(), match.end(), taken):
            continue
        year, last = int(match.group("y1")), _month(match.group("m1")) or 1
        for name in re.finditer(_MONTH, match.group(0)):
            month = _month(name.group(0)) or 1
            iso = _iso(year - 1 if month > last else year, month)
            begin = match.start() + name.start()
            finish = match.end() if month == last else begin + len(name.group(0))
            if iso:
                out.append(DateMention(iso, iso, "month", begin, finish))
        taken.append((match.start(), match.end()))
    return out


def _qualifier_note(qualifier: str | None, words: str) -> str | None:
    if not qualifier:
        return None
    return f'The text says "{words}"; no closer date is given.'


# "in the first and second halves of 2026, respectively": two periods of one year.
_PARTS_OF_YEAR = re.compile(
    rf"\bthe\s+(?P<a>first|second|third)\s+and\s+(?P<b>second|third|fourth|last)\s+"
    rf"(?P<unit>halves|quarters)\s+of\s+(?P<y1>{_YEAR})\b"
)


def _parts_of_year(text: str, taken: _Taken) -> list[DateMention]:
    out = []
    for match in _PARTS_OF_YEAR.finditer(text):
        if _overlaps(match.start(), match.end(), taken):
            continue
        year = match.group("y1")
        unit = "half" if match.group("unit") == "halves" else "quarter"
        for which, begin, finish in (
            ("a", match.start(), match.end("a")),
            ("b", match.start("b"), match.end()),
        ):
            words = f"the {match.group(which)} {unit} of {year}"
            note = f'The text says "{words}"; no closer date is given.'
            out.append(DateMention(year, year, "year", begin, finish, note))
        taken.append((match.start(), match.end()))
    return out


def _years(text: str, taken: _Taken) -> list[DateMention]:
    out: list[DateMention] = _parts_of_year(text, taken)
    for match in _YEARS.finditer(text):
        if _overlaps(match.start("years"), match.end(), taken):
            continue
        note = _qualifier_note(match.group("q"), match.group(0))
        for year in re.finditer(_YEAR, match.group("years")):
            begin = match.start("years") + year.start()
            first = begin == match.start("years")
            out.append(
                DateMention(
                    year.group(0),
                    year.group(0),
                    "year",
                    match.start() if first else begin,
                    begin + 4,
                    note,
                )
            )
        taken.append((match.start(), match.end()))
    for match in _OF_YEAR.finditer(text):
        year = match.group("y1") or match.group("y2")
        if not _overlaps(match.start(), match.end(), taken):
            out.append(DateMention(year, year, "year", match.start(), match.end()))
            taken.append((match.start(), match.end()))
    for match in _BRACKETED.finditer(text):
        if _overlaps(match.start(), match.end(), taken):
            continue
        for year in re.finditer(_YEAR, match.group("years")):
            begin = match.start("years") + year.start()
            out.append(
                DateMention(year.group(0), year.group(0), "year", begin, begin + 4, bracketed=True)
            )
        taken.append((match.start(), match.end()))
    for match in _YEAR_ADJECTIVE.finditer(text):
        if _overlaps(match.start(), match.end("y1"), taken):
            continue
        year = match.group("y1")
        out.append(DateMention(year, year, "year", match.start(), match.end("y1"), named=True))
    return out
