"""Date formatting: the one place that turns dates and instants into words, per locale.

All-day events are shown on their own dates whatever the reader's zone (a 5 November meeting in
Geneva is on 5 November for a reader in Tokyo); timed events are shown in the reader's zone. A date
known only to the month or year is shown as such ("June 2007"), never with an invented day.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from babel.dates import (
    format_date,
    format_datetime,
    format_interval,
    format_skeleton,
    format_time,
    get_datetime_format,
)

from bot.events.model import Event
from bot.events.when import When

# The six official languages of the United Nations, in the UN's own order.
SUPPORTED_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
# English and French keep the UN's house style ("Tuesday, 13 November 2007", "7–13 November 2007");
# the others take CLDR's own full formats and ranges, which already read as their UN texts do.
_HOUSE_STYLE = frozenset({"en", "fr"})
# Babel's interval data has no full-month range for these: the UN style is built by hand.
_HAND_RANGES = frozenset({"en", "fr", "ru"})


def locale_for(lang: str | None) -> str:
    """The Babel locale for a ``language_code`` (``fr-CA`` -> ``fr``); English by default."""
    base = (lang or "en").split("-")[0].split("_")[0].lower()
    return base if base in SUPPORTED_LANGUAGES else "en"


def format_day(day: date, lang: str | None = "en", *, weekday: bool = True) -> str:
    """``Monday, 5 November 2007``, ``lundi 5 novembre 2007``, ``2007年11月5日星期一``."""
    locale = locale_for(lang)
    if locale not in _HOUSE_STYLE:
        return format_date(day, "full" if weekday else "long", locale=locale)
    pattern = "EEEE d MMMM y" if weekday else "d MMMM y"
    text = format_date(day, pattern, locale=locale)
    if locale == "en" and weekday:
        text = text.replace(" ", ", ", 1)
    return text


def format_when(value: When, lang: str = "en", zone: tzinfo | None = None) -> str:
    """A ``When`` at its own precision."""
    locale = locale_for(lang)
    if value.precision == "year":
        return str(value.day.year)
    if value.precision == "month":
        return format_skeleton("yMMMM", value.day, locale=locale)
    if value.precision == "day":
        return format_day(value.day, lang)
    assert value.instant is not None
    return format_instant(value.instant, zone or value.instant.tzinfo, lang)  # type: ignore[arg-type]


def format_day_range(first: date, last: date, lang: str = "en") -> str:
    """UN style ranges: ``7–13 November 2007``, ``30 October – 2 November 2007``; CLDR elsewhere."""
    locale = locale_for(lang)
    if first == last:
        return format_day(first, lang)
    if locale not in _HAND_RANGES:
        return format_interval(first, last, "yMMMMd", locale=locale)
    if first.year != last.year:
        return f"{format_day(first, lang, weekday=False)} – {format_day(last, lang, weekday=False)}"
    if first.month != last.month:
        start = format_date(first, "d MMMM", locale=locale)
        return f"{start} – {format_day(last, lang, weekday=False)}"
    return f"{first.day}–{format_day(last, lang, weekday=False)}"


def format_instant(instant: datetime, zone: tzinfo, lang: str = "en") -> str:
    """``Monday, 5 November 2007, 10:00 CET`` in the given zone."""
    local = instant.astimezone(zone)
    day = format_day(local.date(), lang)
    clock = format_time(local, "HH:mm", locale=locale_for(lang))
    return _date_and_time(day, f"{clock} {local.tzname()}", lang)


def _date_and_time(day: str, clock: str, lang: str | None) -> str:
    """A date and a time joined the locale's way: ``{1}, {0}``; ``{1} {0}`` in Chinese."""
    pattern = str(get_datetime_format("medium", locale=locale_for(lang)))
    return pattern.replace("{1}", day).replace("{0}", clock)


def format_clock(instant: datetime, zone: tzinfo, lang: str = "en") -> str:
    """Just the time of day, ``10:00``."""
    return format_time(instant.astimezone(zone), "HH:mm", locale=locale_for(lang))


def format_span(event: Event, lang: str = "en", zone: tzinfo | None = None) -> str:
    """An event's dates: ``Wednesday, 7 November 2007 to Tuesday, 13 November 2007``, ``June 2007``.

    ``zone`` only matters for timed events (all-day dates are the same for everyone).
    """
    start, end = event.start, event.finish
    if not start.is_timed:
        if start.precision != "day" or end.precision != "day":
            first = format_when(start, lang)
            last = format_when(end, lang)
            return first if first == last else f"{first} – {last}"
        if start.day == end.day:
            return format_day(start.day, lang)
        return format_day_range(start.day, end.day, lang)
    shown = zone or event.zone
    assert start.instant and end.instant
    first_local, last_local = start.instant.astimezone(shown), end.instant.astimezone(shown)
    if first_local.date() == last_local.date():
        hours = f"{format_clock(first_local, shown, lang)}–{format_clock(last_local, shown, lang)}"
        return _date_and_time(
            format_day(first_local.date(), lang), f"{hours} {last_local.tzname()}", lang
        )
    return (
        f"{format_instant(start.instant, shown, lang)} – {format_instant(end.instant, shown, lang)}"
    )


def format_datetime_short(instant: datetime, zone: tzinfo, lang: str = "en") -> str:
    """Compact form for lists: ``5 Nov 2007, 10:00``, ``2007年11月5日 10:00``."""
    local, locale = instant.astimezone(zone), locale_for(lang)
    if locale in _HOUSE_STYLE:
        return format_datetime(local, "d MMM y, HH:mm", locale=locale)
    day = format_skeleton("yMMMd", local, locale=locale)
    return _date_and_time(day, format_time(local, "HH:mm", locale=locale), lang)
