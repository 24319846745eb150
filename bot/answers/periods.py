"""Periods: the days a question asks about ("tomorrow", "next week", "on Thursday", "5 novembre").

Relative words are read against the reader's own date (``today``, in their zone). English and
French phrases are here; Spanish, Russian, Chinese and Arabic ones ("el mes que viene", "в этом
месяце", "下个月", "الشهر القادم", the words before a year) are the ``periods`` of words.yaml. Month
names in all six languages and weekday names come from Babel's CLDR data, so they match the
formatting, and a written date with a month name ("13 de noviembre", "13 ноября") is read here
without dateparser, which costs milliseconds. Pure: the caller passes ``today``.
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


# Locales whose month names are read, with the widths read: abbreviations only where they are no
# common words ("ago" is August in Spanish); Arabic as the Levant ("تشرين الثاني") and the Maghreb
# ("نونبر", "جوان") name the months too. Chinese months are read from the text as written.
_MONTH_LOCALES = (
    *((locale, ("wide", "abbreviated")) for locale in ("en", "fr")),
    *((locale, ("wide",)) for locale in ("es", "ru", "ar", "ar_SY", "ar_MA", "ar_DZ")),
)


@cache
def _month_numbers() -> dict[str, int]:
    """Normalised month name -> number; Russian names as lemmas ("ноября", "в ноябре": "ноябрь")."""
    names: dict[str, int] = {}
    for locale, widths in _MONTH_LOCALES:
        for width in widths:
            for context in ("format", "stand-alone"):
                months = get_month_names(width, context, locale=locale)
                for number, name in months.items():
                    names[normalize(name)] = number
    return {name: number for name, number in names.items() if len(name) >= 3}


@cache
def _day_month_pattern() -> re.Pattern[str]:
    months = "|".join(sorted(map(re.escape, _month_numbers()), key=len, reverse=True))
    return re.compile(
        rf" (?:(\d{{1,2}})(?:st|nd|rd|th|er|e)? (?:of |de )?({months})|({months}) (\d{{1,2}})"
        rf"(?:st|nd|rd|th)?|({months}))(?: (?:de |del )?(\d{{4}}))? "
    )


@cache
def _chinese_month_pattern() -> re.Pattern[str]:
    """ "十一月", "11月", "2007年6月" as written, but not "11月13日" (a day)."""
    months = "|".join(sorted(_chinese_months(), key=len, reverse=True))
    return re.compile(
        rf"(?:(\d{{4}})年)?(?<![\d一二三四五六七八九十])({months})(?!\d{{1,2}}[日号號])"
    )


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
_WORD_MONTHS = {"this_month": 0, "next_month": 1, "last_month": -1}
_CHINESE_YEAR = re.compile(r"(\d{4})年(?!\d{1,2}月)")


def _written_period(text: str, words: str, today: date) -> Period | None:
    """A day, week, month or year named in Spanish, Russian, Chinese or Arabic: the phrases of
    words.yaml ("mañana", "на этой неделе", "下个月", "en 2008"), a Chinese month ("十一月"), else a
    date as that language writes it ("11月13日", read by ``parse_date_text``)."""
    compact = "".join(text.split())
    for label, phrase in phrases("periods"):
        chinese = any(0x3400 <= ord(char) <= 0x9FFF for char in phrase)
        if label == "year":
            found = re.search(rf" {re.escape(normalize(phrase))} (\d{{4}}) ", words)
            if found is not None:
                return _year(int(found.group(1)))
            continue
        if not (phrase in compact if chinese else f" {normalize(phrase)} " in words):
            continue
        return _named_period(label, today)
    chinese = _chinese_month(compact, today) or _chinese_year(compact)
    if chinese is not None:
        return chinese
    lang = detect_language(text)
    if lang not in _WRITTEN_DATES:
        return None
    day = parse_date_text(text, lang, today)
    return Period(day, day, "date") if day is not None else None


_WRITTEN_DATES = ("es", "ru", "zh", "ar")


def _named_period(label: str, today: date) -> Period | None:
    """The period a words.yaml phrase names: a day, a week or a month around ``today``."""
    if label in _WORD_OFFSETS:
        day = today + timedelta(days=_WORD_OFFSETS[label])
        return Period(day, day, label)
    if label in _WORD_MONTHS:
        month = today.year * 12 + today.month - 1 + _WORD_MONTHS[label]
        # "this_month" and "next_month" as English says them; last month is a month like June.
        return _month(month // 12, month % 12 + 1, "month" if label == "last_month" else label)
    monday = today - timedelta(days=today.weekday()) + timedelta(days=_WORD_WEEKS[label])
    return Period(monday, monday + timedelta(days=6), label)


def _chinese_month(compact: str, today: date) -> Period | None:
    match = _chinese_month_pattern().search(compact)
    if match is None:
        return None
    month = _chinese_months()[match.group(2)]
    return _nearest(month, int(match.group(1)) if match.group(1) else None, None, today)


@cache
def _chinese_months() -> dict[str, int]:
    """CLDR's Chinese month names: "十一月" and "11月"."""
    return {
        name: number
        for width in ("wide", "abbreviated")
        for number, name in get_month_names(width, "format", locale="zh").items()
    }


def _chinese_year(compact: str) -> Period | None:
    match = _CHINESE_YEAR.search(compact)
    return _year(int(match.group(1))) if match is not None else None


def _year(year: int) -> Period | None:
    """A whole year ("en 2008", "2008年"); none outside the calendar's range of years."""
    if not 1 <= year <= 9999:
        return None
    return Period(date(year, 1, 1), date(year, 12, 31), "year")


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
    match = _day_month_pattern().search(words)
    if match is None:
        return None
    day_text = match.group(1) or match.group(4)
    if match.group(5) == "may" and not match.group(6):
        return None  # "may" alone is the verb far more often than the month
    month = _month_numbers()[match.group(2) or match.group(3) or match.group(5)]
    year = int(match.group(6)) if match.group(6) else None
    day = int(day_text) if day_text else None
    return _at(match, _nearest(month, year, day, today))


def _nearest(month: int, year: int | None, day: int | None, today: date) -> Period | None:
    """That month (or day of it) in ``year``, or without one the nearest such month ("what
    happened in November?" asked in January)."""
    years = [year] if year is not None else [today.year, today.year - 1, today.year + 1]
    found = [
        _month(year, month, "month")
        if day is None
        else _day_or_none(year, month, day, label="date")
        for year in years
    ]
    periods = [period for period in found if period is not None]
    if not periods:
        return None
    return min(periods, key=lambda period: _distance(period, today))


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
    months = {*_month_numbers(), *_chinese_months()}
    return frozenset(months) | frozenset(_weekday_numbers()) | relative


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
