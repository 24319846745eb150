"""Feed queries: which events a feed shows and whether it carries alarms (``?kind=&body=&alarm=``).

A query is parsed and validated once, at the edge, into a frozen ``FeedQuery``; rendering and
caching key on it. Bad values raise ``FeedQueryError`` with a sentence saying what is accepted,
which the web app turns into a 400. A ``body`` that matches nothing is not an error: it is a
search, and the answer is an empty (but valid) calendar. A ``kind`` outside the closed list is a
mistake, so it is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import get_args
from urllib.parse import urlencode

from bot.events.model import Event, Kind

KINDS: tuple[str, ...] = get_args(Kind)
MAX_ALARM = timedelta(weeks=4)
MAX_BODY_LENGTH = 200
# Durations as RFC 5545 writes them (P1W, P1D, PT1H30M). Digit runs are capped so that no query can
# make calbot build an enormous number.
_DURATION = re.compile(
    r"^P(?:(?P<weeks>\d{1,5})W|(?:(?P<days>\d{1,5})D)?(?:T(?:(?P<hours>\d{1,5})H)?"
    r"(?:(?P<minutes>\d{1,6})M)?(?:(?P<seconds>\d{1,7})S)?)?)$"
)


class FeedQueryError(ValueError):
    """A feed parameter cannot be used; the message says what would be accepted."""


@dataclass(frozen=True)
class FeedQuery:
    """A feed's filters and alarm. The empty query is the whole calendar without alarms."""

    kinds: frozenset[str] = frozenset()
    body: str | None = None
    alarm: timedelta | None = None

    def matches(self, event: Event) -> bool:
        if self.kinds and event.kind not in self.kinds:
            return False
        if self.body is not None:
            return self.body.casefold() in (event.body or "").casefold()
        return True

    @property
    def is_empty(self) -> bool:
        return not self.kinds and self.body is None and self.alarm is None

    def query_string(self) -> str:
        """The canonical query string (sorted, normalised) for this query, without ``?``."""
        pairs: list[tuple[str, str]] = []
        if self.kinds:
            pairs.append(("kind", ",".join(sorted(self.kinds))))
        if self.body is not None:
            pairs.append(("body", self.body))
        if self.alarm is not None:
            pairs.append(("alarm", format_duration(self.alarm)))
        return urlencode(pairs)


def build_query(
    kind: str | Iterable[str] | None = None,
    body: str | None = None,
    alarm: str | timedelta | None = None,
) -> FeedQuery:
    """Validate filter values given in Python (``render_feed``'s keyword arguments)."""
    kinds = _parse_kinds([kind] if isinstance(kind, str) else list(kind or ()))
    return FeedQuery(kinds, _parse_body(body), _parse_alarm(alarm))


def parse_query(params: Mapping[str, list[str]]) -> FeedQuery:
    """Validate the query parameters of a feed request (each name may map to several values).

    Unknown parameters are ignored: clients add cache-busting parameters of their own.
    """
    for name in ("body", "alarm"):
        if len(params.get(name, [])) > 1:
            raise FeedQueryError(f"give {name} at most once")
    body = params.get("body", [None])[0]
    alarm = params.get("alarm", [None])[0]
    return FeedQuery(_parse_kinds(params.get("kind", [])), _parse_body(body), _parse_alarm(alarm))


def _parse_kinds(values: list[str]) -> frozenset[str]:
    kinds = {part.strip().lower() for value in values for part in value.split(",") if part.strip()}
    unknown = sorted(kinds - set(KINDS))
    if unknown:
        raise FeedQueryError(
            f"unknown kind {', '.join(repr(name[:40]) for name in unknown)}; "
            f"use one or more of {', '.join(KINDS)} (comma-separated)"
        )
    return frozenset(kinds)


def _parse_body(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_BODY_LENGTH or any(ord(char) < 32 for char in value):
        raise FeedQueryError(
            f"body must be plain text of at most {MAX_BODY_LENGTH} characters, "
            "e.g. body=States Parties"
        )
    return value.strip()


def _parse_alarm(value: str | timedelta | None) -> timedelta | None:
    if value is None or value == "":
        return None
    duration = value if isinstance(value, timedelta) else parse_duration(value)
    if duration <= timedelta(0) or duration > MAX_ALARM:
        raise FeedQueryError(
            "alarm must be a time before the event between 1 second and 4 weeks, like PT1H or P1D"
        )
    return duration


def parse_duration(text: str) -> timedelta:
    """An RFC 5545 duration such as ``PT1H``, ``P1D`` or ``P1W`` (a leading ``-`` is accepted)."""
    match = _DURATION.match(text.strip().upper().removeprefix("-"))
    groups = match.groupdict().items() if match else ()
    parts = {name: int(value) for name, value in groups if value}
    if not parts:
        raise FeedQueryError(
            f"alarm {text[:40]!r} is not a duration; write it like PT30M, PT1H, P1D or P1W"
        )
    return timedelta(**parts)


def format_duration(duration: timedelta) -> str:
    """``timedelta(hours=1)`` -> ``PT1H``: ``parse_duration`` backwards, for positive values."""
    days, seconds = duration.days, duration.seconds
    if seconds == 0:
        return f"P{days // 7}W" if days and days % 7 == 0 else f"P{days}D"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    clock = "".join(
        f"{value}{unit}" for value, unit in ((hours, "H"), (minutes, "M"), (secs, "S")) if value
    )
    return f"P{days}DT{clock}" if days else f"PT{clock}"
