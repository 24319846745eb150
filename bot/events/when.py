"""``When``: a point in time at the precision a source states it.

A resolution may say "on 5 November 2007", "in June 2007" or "in 2026". calbot never shows a day
nobody stated, so a date keeps its precision (year, month, day) all the way to the feed, the page
and the answers. A timed value (``datetime``) always carries its offset.
"""

from __future__ import annotations

import calendar as _calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

Precision = Literal["year", "month", "day", "datetime"]

# ASCII digits only: ``\d`` would accept other scripts' digits, which ``date()`` then refuses.
_YEAR = re.compile(r"[0-9]{4}")
_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}")
# A bare time of day, which YAML 1.1 would have read as a base-60 integer (12:30 -> 750).
_TIME_OF_DAY = re.compile(r"[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?")
# Meetings, not history or science fiction: the bounds keep date arithmetic (a day after, a zone's
# offset) far from datetime's limits, and catch typos such as 207-11-05 or 20077.
MIN_YEAR = 1900
MAX_YEAR = 2999


@dataclass(frozen=True)
class When:
    """A date or instant with its precision.

    ``day`` holds the first day it covers (1 January for a year, the 1st for a month); ``instant``
    is set only for ``datetime`` precision and is aware.
    """

    precision: Precision
    day: date
    instant: datetime | None = None

    @classmethod
    def parse(cls, text: str) -> When:
        """Parse ``2007``, ``2007-06``, ``2007-11-05`` or ``2007-11-05T10:00+01:00``.

        Raises ``ValueError`` with a sentence a person can act on.
        """
        text = text.strip()
        if _DATETIME.match(text):
            return cls._parse_datetime(text)
        try:
            if _YEAR.fullmatch(text):
                return cls("year", _day(int(text), 1, 1))
            if _MONTH.fullmatch(text):
                year, month = (int(part) for part in text.split("-"))
                return cls("month", _day(year, month, 1))
            if _DAY.fullmatch(text):
                year, month, day = (int(part) for part in text.split("-"))
                return cls("day", _day(year, month, day))
        except ValueError as error:
            raise ValueError(f"{text!r} is not a real date: {error}") from None
        if _TIME_OF_DAY.fullmatch(text):
            raise ValueError(
                f"{text!r} is a time of day without a date; write a quoted date-time like "
                f'"2007-11-05T{text}+01:00"'
            )
        raise ValueError(
            f"{text!r} is not a date; use 2007-11-05 (a day), 2007-06 (a month), 2007 (a year) "
            "or 2007-11-05T10:00:00+01:00 (a time)"
        )

    @classmethod
    def _parse_datetime(cls, text: str) -> When:
        try:
            instant = datetime.fromisoformat(text.replace("z", "Z"))
        except ValueError:
            raise ValueError(
                f"{text!r} is not a valid date-time; write it like 2007-11-05T10:00:00+01:00"
            ) from None
        if instant.tzinfo is None or instant.utcoffset() is None:
            raise ValueError(
                f"{text!r} is a date-time without a UTC offset; write it like "
                "2007-11-05T10:00:00+01:00 (and give the event a timezone)"
            )
        try:
            _day(instant.year, instant.month, instant.day)
        except ValueError as error:
            raise ValueError(f"{text!r} is not a usable date-time: {error}") from None
        return cls("datetime", instant.date(), instant)

    @property
    def is_timed(self) -> bool:
        return self.precision == "datetime"

    @property
    def last_day(self) -> date:
        """The last day this value covers (inclusive)."""
        if self.precision == "year":
            return date(self.day.year, 12, 31)
        if self.precision == "month":
            days = _calendar.monthrange(self.day.year, self.day.month)[1]
            return date(self.day.year, self.day.month, days)
        return self.day

    @property
    def instant_utc(self) -> datetime | None:
        return self.instant.astimezone(UTC) if self.instant else None

    def iso(self) -> str:
        """The value written back at its own precision (the form events.yaml uses)."""
        if self.precision == "year":
            return f"{self.day.year:04d}"
        if self.precision == "month":
            return f"{self.day.year:04d}-{self.day.month:02d}"
        if self.precision == "day":
            return self.day.isoformat()
        assert self.instant is not None
        return self.instant.isoformat()

    def __str__(self) -> str:
        return self.iso()


def _day(year: int, month: int, day: int) -> date:
    """A ``date`` within ``MIN_YEAR``..``MAX_YEAR``; ``ValueError`` names the part that is wrong."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"the year must be between {MIN_YEAR} and {MAX_YEAR}")
    return date(year, month, day)
