"""Periods: the days a question asks about ("tomorrow", "next week", "on Thursday", "5 novembre").

Relative words are read against the reader's own date (``today``, in their zone), in English and
French. Pure: the caller passes ``today``. Month and weekday names come from Babel, so they match
the formatting.
"""

from __future__ import annotations

import calendar as _calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, partial

from babel.dates import get_day_names, get_month_names

from bot.answers.words import phrases
from bot.events.lookup import normalize
from bot.text.languages import detect_language, parse_date_text

MAX_DAYS_AHEAD = 3660  # "in 99999 days" is not a date anyone means


@dataclass(frozen=True)
class Period:
    """Days from ``first`` to ``last`` (inclusive); ``label`` names it: today, tomorrow, date..."""

    first: date
    last: date
    label: str

    @property
    def is_day(self) -> bool:
        return self.first == self.last


@cache
def _month_numbers() -> dict[str, int]:
    names: dict[str, int] = {}
    for locale in ("en", "fr"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                names[normalize(name)] = number
    return {name: number for name, number in names.items() if len(name) >= 3}


@cache
def _weekday_numbers() -> dict[str, int]:
    names: dict[str, int] = {}
    for locale in ("en", "fr"):
        for number, name in get_day_names("wide", locale=locale).items():
            names[normalize(name)] = number
    return names


# Phrase -> (days from today, label).
_RELATIVE_DAYS = {
    "today": (0, "today"),
    "tonight": (0, "today"),
    "aujourd hui": (0, "today"),
    "ce soir": (0, "today"),
    "tomorrow": (1, "tomorrow"),
    "demain": (1, "tomorrow"),
    "yesterday": (-1, "yesterday"),
    "hier": (-1, "yesterday"),
    "day after tomorrow": (2, "date"),
    "apres demain": (2, "date"),
}
_IN_DAYS = re.compile(r"\b(?:in|dans)\s+(\d{1,5})\s+(?:days?|jours?)\b")
_IN_WEEKS = re.compile(r"\b(?:in|dans)\s+(\d{1,3})\s+(?:weeks?|semaines?)\b")
_ISO = re.compile(r"\b(\d{4})\s+(\d{1,2})\s+(\d{1,2})\b")


def find_period(text: str, today: date, *, month_first: bool = False) -> Period | None:
    """The period a question names, or None.

    When it names several, the first one written wins: "the meetings in November 2007 ... for a
    piece published next week" asks about November. ``month_first``: "11/06/2007" is 6 November
    (the reader's zone is in a country that writes the month first); the label says which
    reading was used when both were possible.
    """
    words = f" {normalize(text)} "
    best: _Found | None = None
    numeric = partial(_numeric_date, month_first=month_first)
    for finder in (*_FINDERS, numeric):
        try:
            found = finder(words, today)
        except OverflowError:  # "next week" in the year 9999 is no date at all
            return None
        if found is not None and (best is None or found[0] < best[0]):
            best = found
    return best[1] if best else _written_period(text, words, today)


_WORD_OFFSETS = {"today": 0, "tomorrow": 1, "yesterday": -1}
_WORD_WEEKS = {"this_week": 0, "next_week": 7}


def _written_period(text: str, words: str, today: date) -> Period | None:
    """A day or week named in Spanish, Russian, Chinese or Arabic: the phrases of words.yaml
    ("mañana", "на этой неделе", "明天"), else a date as that language writes it ("13 ноября",
    "11月13日", "١٣ نوفمبر", read by ``parse_date_text``)."""
    compact = "".join(text.split())
    for label, phrase in phrases("periods"):
        chinese = any(0x3400 <= ord(char) <= 0x9FFF for char in phrase)
        if not (phrase in compact if chinese else f" {normalize(phrase)} " in words):
            continue
        if label in _WORD_OFFSETS:
            day = today + timedelta(days=_WORD_OFFSETS[label])
            return Period(day, day, label)
        monday = today - timedelta(days=today.weekday()) + timedelta(days=_WORD_WEEKS[label])
        return Period(monday, monday + timedelta(days=6), label)
    lang = detect_language(text)
    if lang not in _WRITTEN_DATES:
        return None
    day = parse_date_text(text, lang, today)
    return Period(day, day, "date") if day is not None else None


_WRITTEN_DATES = ("es", "ru", "zh", "ar")


_Found = tuple[int, Period]  # where in the text the period is named, and the period


def _at(match: re.Match[str] | None, period: Period | None) -> _Found | None:
    return (match.start(), period) if match is not None and period is not None else None


def _iso_date(words: str, today: date) -> _Found | None:
    match = _ISO.search(words)
    if match is None:
        return None
    return _at(match, _day_or_none(*(int(part) for part in match.groups()), label="date"))


_NUMERIC = re.compile(r" (\d{1,2}) (\d{1,2}) (\d{4}|\d{2}) ")
_ORDINAL = re.compile(r" (?:the |le )?(\d{1,2})(?:st|nd|rd|th|er|e) ")


def _numeric_date(words: str, today: date, *, month_first: bool) -> _Found | None:
    """ "5.11.2007", "11/06/2007", "05.11.07" (normalised to "5 11 2007")."""
    match = _NUMERIC.search(words)
    if match is None:
        return None
    first, second, year = (int(part) for part in match.groups())
    year = year + 2000 if year < 100 else year
    ambiguous = first <= 12 and second <= 12 and first != second
    day, month = (second, first) if month_first and ambiguous else (first, second)
    if month > 12:
        day, month = month, day  # "11/18/2007" can only be month first
    label = ("date_mdy" if (day, month) == (second, first) else "date_dmy") if ambiguous else "date"
    return _at(match, _day_or_none(year, month, day, label=label))


def _ordinal_day(words: str, today: date) -> _Found | None:
    """ "the 6th", "after the 13th": that day of this month, or of the next if it is past."""
    match = _ORDINAL.search(words)
    if match is None:
        return None
    day = int(match.group(1))
    found = _day_or_none(today.year, today.month, day, label="date")
    if found is None or found.first < today:
        year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
        found = _day_or_none(year, month, day, label="date")
    return _at(match, found)


def _relative_day(words: str, today: date) -> _Found | None:
    for phrase, (offset, label) in sorted(_RELATIVE_DAYS.items(), key=lambda item: -len(item[0])):
        position = words.find(f" {phrase} ")
        if position >= 0:
            day = today + timedelta(days=offset)
            return position, Period(day, day, label)
    return None


def _week(words: str, today: date) -> _Found | None:
    monday = today - timedelta(days=today.weekday())
    match = re.search(r" (next|coming) week | semaine prochaine | semaine suivante ", words)
    if match:
        return _at(
            match, Period(monday + timedelta(days=7), monday + timedelta(days=13), "next_week")
        )
    match = re.search(r" this week | cette semaine ", words)
    if match:
        return _at(match, Period(monday, monday + timedelta(days=6), "this_week"))
    match = re.search(r" last week | semaine derniere ", words)
    if match:
        return _at(
            match, Period(monday - timedelta(days=7), monday - timedelta(days=1), "last_week")
        )
    match = re.search(r" (this |the |ce |le )?(weekend|week end) ", words)
    if match:
        # The coming Saturday and Sunday; on a Sunday, today and yesterday.
        saturday = monday + timedelta(days=5)
        return _at(match, Period(saturday, saturday + timedelta(days=1), "weekend"))
    return None


def _month_word(words: str, today: date) -> _Found | None:
    match = re.search(r" this month | ce mois ", words)
    if match:
        return _at(match, _month(today.year, today.month, "this_month"))
    match = re.search(r" next month | mois prochain ", words)
    if match:
        year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
        return _at(match, _month(year, month, "next_month"))
    return None


def _in_days(words: str, today: date) -> _Found | None:
    match = _IN_DAYS.search(words)
    if match:
        days = int(match.group(1))
        if days > MAX_DAYS_AHEAD:
            return None
        day = today + timedelta(days=days)
        return _at(match, Period(day, day, "in_days"))
    match = _IN_WEEKS.search(words)
    if match and int(match.group(1)) * 7 <= MAX_DAYS_AHEAD:
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=int(match.group(1)))
        return _at(match, Period(monday, monday + timedelta(days=6), "week"))
    return None


def _day_month(words: str, today: date) -> _Found | None:
    months = "|".join(sorted(_month_numbers(), key=len, reverse=True))
    pattern = (
        rf" (?:(\d{{1,2}})(?:st|nd|rd|th|er|e)? (?:of )?({months})|({months}) (\d{{1,2}})"
        rf"(?:st|nd|rd|th)?|({months}))(?: (\d{{4}}))? "
    )
    match = re.search(pattern, words)
    if match is None:
        return None
    day_text = match.group(1) or match.group(4)
    if match.group(5) == "may" and not match.group(6):
        return None  # "may" alone is the verb far more often than the month
    month = _month_numbers()[match.group(2) or match.group(3) or match.group(5)]
    if match.group(6):
        years = [int(match.group(6))]
    else:
        # No year: the nearest such month ("what happened in November?" asked in January).
        years = [today.year, today.year - 1, today.year + 1]
    found = [
        _month(year, month, "month")
        if day_text is None
        else _day_or_none(year, month, int(day_text), label="date")
        for year in years
    ]
    periods = [period for period in found if period is not None]
    if not periods:
        return None
    return _at(match, min(periods, key=lambda period: _distance(period, today)))


def _distance(period: Period, today: date) -> int:
    """Days between ``today`` and the period (0 inside it); on a tie, this year wins."""
    if period.first <= today <= period.last:
        return 0
    return min(abs((period.first - today).days), abs((period.last - today).days))


def _weekday(words: str, today: date) -> _Found | None:
    for name, number in _weekday_numbers().items():
        position = words.find(f" {name} ")
        if position >= 0:
            ahead = (number - today.weekday()) % 7
            if ahead == 0 and re.search(rf" next {name} | {name} prochain ", words):
                ahead = 7
            day = today + timedelta(days=ahead)
            return position, Period(day, day, "weekday")
    return None


def _month(year: int, month: int, label: str) -> Period | None:
    if not 1 <= year <= 9999:
        return None
    last = _calendar.monthrange(year, month)[1]
    return Period(date(year, month, 1), date(year, month, last), label)


def _day_or_none(year: int, month: int, day: int, *, label: str) -> Period | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return Period(found, found, label)


@cache
def month_and_day_words() -> frozenset[str]:
    """Every word ``find_period`` understands as a month, a weekday or a relative day."""
    relative = {word for phrase in _RELATIVE_DAYS for word in phrase.split()}
    return frozenset(_month_numbers()) | frozenset(_weekday_numbers()) | relative


_FINDERS = (
    _iso_date,
    _relative_day,
    _week,
    _month_word,
    _in_days,
    _day_month,
    _weekday,
    _ordinal_day,
)


@cache
def _month_first_zones() -> frozenset[str]:
    from babel.core import get_global

    zones = get_global("territory_zones")
    return frozenset(zone for code in _MONTH_FIRST for zone in zones.get(code, ()))


_MONTH_FIRST = (
    "US",
    "PH",
    "FM",
    "MH",
    "PW",
    "AS",
    "GU",
    "PR",
    "VI",
    "MP",
    "UM",
)  # write 11/06 as 6 Nov


def month_first(zone: object) -> bool:
    """True when people in ``zone`` write the month before the day ("11/06/2007" = 6 November)."""
    return str(zone) in _month_first_zones()
