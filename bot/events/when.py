"""``When``: a point in time at the precision a source states it.

A resolution may say "on 5 November 2007", "in June 2007" or "in 2026". calbot never shows a day nobody
stated, so a date keeps its precision (year, month, day) all the way to the feed, the page and the answers.
A timed value (``datetime``) always carries its offset.
"""

from __future__ import annotations

import calendar as _calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

Precision = Literal["year", "month", "day", "datetime"]

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


@dataclass(frozen=True)
class When:
    """A date or instant with its precision.

    ``day`` holds the first day it covers (1 January for a year, the 1st for a month); ``instant`` is set
    only for ``datetime`` precision and is aware.
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
        if _YEAR.match(text):
            return cls("year", date(int(text), 1, 1))
        if _MONTH.match(text):
            year, month = (int(part) for part in text.split("-"))
            return cls("month", date(year, month, 1))
        if _DAY.match(text):
            return cls("day", date.fromisoformat(text))
        if _DATETIME.match(text):
            instant = datetime.fromisoformat(text.replace("z", "Z"))
            if instant.tzinfo is None:
                raise ValueError(
                    f"{text!r} is a date-time without a UTC offset; write it like "
                    "2007-11-05T10:00:00+01:00 (and give the event a timezone)"
                )
            return cls("datetime", instant.date(), instant)
        raise ValueError(
            f"{text!r} is not a date; use 2007-11-05 (a day), 2007-06 (a month), 2007 (a year) "
            "or 2007-11-05T10:00:00+01:00 (a time)"
        )

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
